import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { copyFixture, TODAY } from './utils.ts';

/** A copy of the valid fixture with a free page and one more paragraph at the end of serving's body. */
function withParagraph(paragraph: string): { content: string; line: number } {
	const content = copyFixture('valid-course');
	mkdirSync(join(content, 'pages'));
	writeFileSync(join(content, 'pages', 'about.mdx'), '---\ntitle: About the tea school\n---\n\nWho writes it.\n');
	const file = join(content, 'modules', 'serving.mdx');
	const text = `${readFileSync(file, 'utf8').trimEnd()}\n\n${paragraph}\n`;
	writeFileSync(file, text);
	return { content, line: text.trimEnd().split('\n').length - paragraph.split('\n').length + 1 };
}

const brokenLinks = (content: string) => checkCurriculum(content, { on: TODAY }).findings.filter((finding) => finding.rule === 'broken-link');

describe('the link check', () => {
	it('takes a link to any page the site has, not only to modules, tracks and updates', () => {
		const pages = [
			'/about/',
			'/progress/',
			'/verify/',
			'/issuers/',
			'/whats-new/',
			'/feed.xml',
			'/tracks/tea-foundations/syllabus/',
			'/tracks/tea-foundations/print/',
			'/tracks/tea-foundations/feed.xml',
			'/contributing/fields/',
			'/contributing/rules/broken-link/',
			'/modules/brewing-basics/v2/#knowledge-check',
			'/modules/brewing-basics/#embed-or-cite',
		];
		const { content } = withParagraph(pages.map((page, i) => `[page ${i}](${page})`).join(' '));
		expect(brokenLinks(content)).toEqual([]);
	});

	it('leaves an address with a scheme to the content check, however its colon is written', () => {
		const { content } = withParagraph('[a](JavaScript&#58;alert(1)) [b](javascript&#x3A;alert(1)) [c](javascript&colon;alert(1))');
		const findings = checkCurriculum(content, { on: TODAY }).findings.filter((finding) => finding.file.endsWith('serving.mdx'));
		expect(findings.filter((finding) => finding.rule === 'broken-link')).toEqual([]);
		expect(findings.filter((finding) => finding.rule === 'unsafe-url')).toHaveLength(3);
	});

	it('checks the address of a reference-style link, and points at the address of each broken link', () => {
		const { content, line } = withParagraph('See [the basics](/modules/brewing-basic/) and [the track][track].\n\n[track]: /tracks/tea-foundation/');
		expect(brokenLinks(content).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
			{ line, column: 18, message: 'The link "/modules/brewing-basic/" leads to no page of the curriculum.' },
			{ line: line + 2, column: 10, message: 'The link "/tracks/tea-foundation/" leads to no page of the curriculum.' },
		]);
	});
});
