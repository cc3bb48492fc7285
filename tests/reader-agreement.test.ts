import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { checkContentSafety } from '../src/lib/safety/content-check.ts';
import { copyFixture, TODAY } from './utils.ts';

/** Errors in a copy of the tea fixture after `change`, as `file line rule`. */
function errorsAfter(change: (content: string) => void): string[] {
	const content = copyFixture('valid-course');
	change(content);
	return checkCurriculum(content, { root: content, on: TODAY })
		.findings.filter((f) => f.severity === 'error')
		.map((f) => `${f.file} ${f.line} ${f.rule}`);
}

/** Holes found by red-teaming the three layers, each closed where it opened. */
describe('the check and the build read every file alike', () => {
	it('refuses a lone carriage return that hid Starlight fields from the check inside a YAML comment', () => {
		const errors = errorsAfter((content) => {
			mkdirSync(join(content, 'pages'), { recursive: true });
			writeFileSync(join(content, 'pages', 'about.md'), '---\ntitle: About # reviewer note\reditUrl: "https://evil.example/steal"\r\ndescription: About.\n---\n\nAbout.\n');
		});
		expect(errors.sort()).toEqual(['pages/about.md 2 control-character', 'pages/about.md 2 yaml-subset']);
	});

	it('says which field the two readers see differently, and refuses a title the build would read as a date', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'serving.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace('title: Serving', 'title: 2026-01-01'));
		const found = checkCurriculum(content, { root: content, on: TODAY }).findings.filter((f) => f.rule === 'yaml-subset');
		expect(found.map((f) => [f.line, f.message, f.fix])).toEqual([
			[2, 'The site builder reads `title` as the date 2026-01-01, not as the text the check reads, and would stop on it.', 'Put the value of `title` in double quotes.'],
		]);
	});

	it('keeps a free page off the addresses the site serves itself', () => {
		const errors = errorsAfter((content) => {
			mkdirSync(join(content, 'pages', 'modules'), { recursive: true });
			writeFileSync(join(content, 'pages', 'index.md'), '---\ntitle: Home\n---\n\nHi.\n');
			writeFileSync(join(content, 'pages', 'modules', 'serving.md'), '---\ntitle: Serving, faked\n---\n\nHi.\n');
		});
		expect(errors).toEqual(['pages/index.md 0 invalid-id', 'pages/modules/serving.md 0 invalid-id']);
	});

	it('still finds a script link after link text that repeats `](` thousands of times', () => {
		const text = `---\ntitle: x\n---\n\n[${`${'`](`'.repeat(500)}\n`.repeat(4)}](javascript:alert(1))\n`;
		expect(checkContentSafety(text, 'm.mdx').map((f) => f.rule)).toContain('unsafe-url');
	});
});
