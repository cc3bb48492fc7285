import { describe, expect, it } from 'vitest';
import { checkHeadingSpaces } from '../src/lib/check/heading-space.ts';

type Documents = Parameters<typeof checkHeadingSpaces>[0];
const document = (file: string, body: string) => ({ file, body, bodyLine: 10 }) as unknown as Documents[number];

describe('a heading without the space after its hashes', () => {
	it('is found in a module and an update, at its line, as an error: the page loses the heading', () => {
		const findings = checkHeadingSpaces([
			document('modules/a.mdx', 'Intro.\n\n##Trial reels checklist\n\nText.\n'),
			document('updates/b.md', '###What changed\n'),
		]);
		expect(findings.map((f) => [f.file, f.line, f.severity, f.message, f.fix])).toEqual([
			[
				'modules/a.mdx',
				12,
				'error',
				'"##Trial reels checklist" is published as a paragraph, not a heading: Markdown needs a space after the ##.',
				'Write it as `## Trial reels checklist`. If the hashes are meant as text, write a backslash before them: `\\##Trial reels checklist`.',
			],
			['updates/b.md', 10, 'error', '"###What changed" is published as a paragraph, not a heading: Markdown needs a space after the ###.', 'Write it as `### What changed`. If the hashes are meant as text, write a backslash before them: `\\###What changed`.'],
		]);
	});

	it('leaves alone a hashtag, a heading written right, hashes escaped as text, and hashes in code', () => {
		// The escaped line comes after one the quick test of the text matches, so that the body is parsed.
		const body = '#ThrowbackThursday is a hashtag.\n\n## A heading\n\n```sh\n##not-a-heading\n```\n\n\\##2 on the chart, as written.\n\nSome `##code` here.\n';
		expect(checkHeadingSpaces([document('modules/a.mdx', body)])).toEqual([]);
	});
});
