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

	it('reads page addresses as Starlight does, in lower case, and keeps names the host reads for itself', () => {
		const errors = errorsAfter((content) => {
			mkdirSync(join(content, 'pages'), { recursive: true });
			writeFileSync(join(content, 'pages', 'Whats-New.md'), '---\ntitle: Sign in\n---\n\nHi.\n');
			writeFileSync(join(content, 'pages', '_redirects.md'), '---\ntitle: Redirects\n---\n\nHi.\n');
			writeFileSync(join(content, 'pages', 'notes.MD'), '---\ntitle: Notes\n---\n\nHi.\n');
		});
		expect(errors.sort()).toEqual(['pages/Whats-New.md 0 invalid-id', 'pages/_redirects.md 0 invalid-id', 'pages/notes.MD 0 unexpected-file']);
	});

	it('refuses character references a browser decodes without their ";" in text fields', () => {
		const errors = errorsAfter((content) => {
			const file = join(content, 'modules', 'serving.mdx');
			writeFileSync(file, readFileSync(file, 'utf8').replace('title: Serving', 'title: Fish &lt chips &#60b&#62'));
		});
		expect(errors).toEqual(['modules/serving.mdx 2 plain-text']);
		// "R&D" is text to a browser, and stays allowed.
		expect(errorsAfter((content) => {
			const file = join(content, 'modules', 'serving.mdx');
			writeFileSync(file, readFileSync(file, 'utf8').replace('title: Serving', 'title: Serving R&D teams'));
		})).toEqual([]);
	});

	it("refuses code-block options the highlighter would choke on, and the builder's image marker", () => {
		const rules = (body: string, file = 'm.mdx') => checkContentSafety(`---\ntitle: x\n---\n\n${body}\n`, file).map((f) => f.message);
		expect(rules('```js {1-3000000000}\nlet a = 1;\n```')).toEqual(["The code block's options `{1-3000000000}` mark lines 1-3000000000, but the block has lines 1 to 1."]);
		expect(rules('```js frame="nope"\nlet a = 1;\n```')).toHaveLength(1);
		expect(rules('```js title="Example" {1} frame="terminal"\nlet a = 1;\n```')).toEqual([]);
		expect(rules('See `__ASTRO_IMAGE_="1"` here.', 'u.md')).toEqual(['The text `__ASTRO_IMAGE_` is a marker the site builder uses for images, and would confuse it.']);
	});
});
