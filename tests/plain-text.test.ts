import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { parseYaml, splitFrontmatter, validate } from '../src/lib/curriculum/frontmatter.ts';
import { curriculumConfigSchema } from '../src/lib/curriculum/schema/config.ts';
import { moduleSchema } from '../src/lib/curriculum/schema/module.ts';
import { pageSchema } from '../src/lib/curriculum/schema/page.ts';
import { trackSchema } from '../src/lib/curriculum/schema/track.ts';
import { updateSchema } from '../src/lib/curriculum/schema/update.ts';
import { copyFixture, fixtureContent, ROOT, TODAY } from './utils.ts';

const valid = fixtureContent('valid-course');
const frontmatterOf = (path: string) => splitFrontmatter(readFileSync(path, 'utf8')).frontmatter!;
const MODULE = frontmatterOf(join(valid, 'modules', 'serving.mdx'));
const UPDATE = frontmatterOf(join(valid, 'updates', '2026-11-10-kettle-presets.md'));
const TRACK = readFileSync(join(valid, 'tracks', 'tea-foundations.yaml'), 'utf8');
const CONFIG = readFileSync(join(valid, 'curriculum.yaml'), 'utf8');

/** Validates YAML text as `npm run check` does and returns the findings, with lines as in the text. */
function check(schema: z.ZodType, yaml: string, file = 'content/modules/serving.mdx', what = 'the module frontmatter') {
	const { parsed, findings } = parseYaml(yaml, file);
	expect(findings).toEqual([]);
	return validate(schema, parsed!, file, what).findings;
}

/** Replaces the first `key: value` line with the given key and value. */
const set = (yaml: string, key: string, value: string) => {
	const pattern = new RegExp(`^(\\s*(?:- )?${key}: ).*$`, 'm');
	expect(pattern.test(yaml), key).toBe(true);
	return yaml.replace(pattern, (_line, head: string) => `${head}${value}`);
};

describe('text fields are plain text', () => {
	it('refuses a module title that closes the <title> element and opens a script', () => {
		expect(check(moduleSchema, set(MODULE, 'title', 'Intro</title><script>alert(1)</script>'))).toEqual([
			{
				rule: 'plain-text',
				severity: 'error',
				file: 'content/modules/serving.mdx',
				line: 1,
				column: 1,
				message: '`title`: "Intro</title><script>alert(1)</script>" holds the markup `</title>`, but it is shown to readers as text.',
				fix: 'Write plain text: remove `</title>`; emphasis and links belong in the body, not in this field. To write the sign "<" itself, put a space after it ("a < b").',
			},
		]);
	});

	it('refuses character references, naming the character to write instead', () => {
		expect(check(moduleSchema, set(MODULE, 'title', '"Q&amp;A"')).map((f) => [f.rule, f.message, f.fix])).toEqual([
			[
				'plain-text',
				'`title`: "Q&amp;A" holds the character reference `&amp;`, which readers would see as written.',
				'Write plain text: write the character itself ("&") instead of `&amp;`.',
			],
		]);
		expect(check(moduleSchema, set(MODULE, 'summary', 'Tea &#8212; hot')).map((f) => f.fix)).toEqual([
			'Write plain text: write the character itself ("—") instead of `&#8212;`.',
		]);
	});

	it('accepts the signs themselves: an ampersand, a less-than before a digit or a space, quotes and emoji', () => {
		expect(check(moduleSchema, set(set(MODULE, 'title', '"Q&A: tea < coffee, in <5 minutes"'), 'summary', `'"Milk" & ‘sugar’ 🍵 AT&T, R&D, a & b;'`))).toEqual([]);
	});

	it('refuses the Markdown of the body in a field, which readers would see as written, and keeps stars and underscores that mark nothing', () => {
		const found = (field: string, value: string) => check(moduleSchema, set(MODULE, field, value)).map((f) => [f.rule, f.message, f.fix]);
		expect(found('summary', "'A **test-only** module.'")).toEqual([
			[
				'plain-text',
				'`summary`: "A **test-only** module." holds the Markdown strong emphasis `**test-only**`, which readers would see as written, with its marks.',
				'Write plain text: write "test-only" without the **; emphasis and code belong in the body, not in this field.',
			],
		]);
		expect(found('summary', "'See [the playbook](/modules/instagram-playbook/) first.'")).toEqual([
			[
				'plain-text',
				'`summary`: "See [the playbook](/modules/instagram-playbook/) first." holds the Markdown link `[the playbook](/modules/instagram-playbook/)`, which readers would see as written, and whose address no one follows or checks.',
				'Write plain text: write the words alone ("the playbook"); links belong in the body, where they are checked.',
			],
		]);
		expect(found('title', "'Plan _one_ post'").map(([, message]) => message)).toEqual(['`title`: "Plan _one_ post" holds the Markdown emphasis `_one_`, which readers would see as written, with its marks.']);
		expect(found('title', "'Use `#tags`'").map(([, , fix]) => fix)).toEqual(['Write plain text: write "#tags" without the backticks; emphasis and code belong in the body, not in this field.']);
		// Signs that Markdown would not read as marks either.
		expect(found('summary', "'Reach * frequency, 2*3 grids, snake_case names, [a bracket] and (brackets) stay.'")).toEqual([]);
	});

	it('refuses a name between "&" and ";" even when it is no reference, and says how to keep the "&"', () => {
		expect(check(moduleSchema, set(MODULE, 'summary', 'Budgets for R&D; then launch')).map((f) => f.fix)).toEqual([
			'Write plain text: write the character itself instead of `&D;`. If the "&" stands for itself, put a space after it or reword, so that no ";" directly follows the word after it.',
		]);
	});

	it('refuses comments, processing instructions and invisible characters written as YAML escapes', () => {
		expect(check(moduleSchema, set(MODULE, 'summary', 'Hi <!-- hidden -->')).map((f) => f.message)).toEqual([
			'`summary`: "Hi <!-- hidden -->" holds the markup `<!-- hidden -->`, but it is shown to readers as text.',
		]);
		expect(check(moduleSchema, set(MODULE, 'summary', '<?php x ?>'))).toHaveLength(1);
		expect(check(moduleSchema, set(MODULE, 'summary', '"admin\\u202e txt"')).map((f) => [f.message, f.fix])).toEqual([
			[
				'`summary`: "admin\\u202e txt" holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE).',
				'Write plain text: delete it. In double quotes YAML turns escapes such as "\\u202e" into characters, so look for one of those too.',
			],
		]);
	});

	it('keeps titles on one line, and lets summaries run over several', () => {
		expect(check(moduleSchema, set(MODULE, 'title', '"Line one\\nline two"')).map((f) => [f.message, f.fix])).toEqual([
			[
				'`title`: "Line one\\u000aline two" runs over more than one line.',
				'Write plain text: keep it on one line. Under a `|` block every line break is kept; write the value in quotes, or use `>-`, which joins the lines.',
			],
		]);
		expect(check(moduleSchema, set(MODULE, 'summary', '|\n  Line one\n  line two'))).toEqual([]);
	});

	it.each([
		['a module outcome', moduleSchema, MODULE, '  - Serve tea at the right strength.', '  - Serve <b>tea</b>.', 'outcomes[0]'],
		['a quiz question', moduleSchema, MODULE, 'question: Milk first or last?', 'question: Milk <i>first</i>?', 'quiz[0].question'],
		['a quiz choice', moduleSchema, MODULE, 'text: First, always', 'text: First <u>always</u>', 'quiz[0].choices[1].text'],
		['an explanation', moduleSchema, MODULE, 'explanation: Only matters', 'explanation: Only <a href=x>matters</a>', 'quiz[0].choices[1].explanation'],
		['a changelog summary', moduleSchema, MODULE, 'summary: First release.', 'summary: First <em>release</em>.', 'changelog[1].summary'],
		['an update title', updateSchema, UPDATE, 'title: Kettles gain', 'title: <img src=x onerror=alert(1)> Kettles gain', 'title'],
		['a source title', updateSchema, UPDATE, 'title: Kettle presets', 'title: Kettle </a> presets', 'sources[0].title'],
		['a source publisher', updateSchema, UPDATE, 'publisher: Example Kettle Co.', 'publisher: "&lt;Example Kettle Co."', 'sources[0].publisher'],
		['a track summary', trackSchema, TRACK, 'summary: From', 'summary: <script>From', 'summary'],
		['a track audience', trackSchema, TRACK, 'audience: Anyone', 'audience: <b>Anyone', 'audience'],
		['a certificate title', trackSchema, TRACK, 'title: Tea Foundations', 'title: Tea <br>Foundations', 'certificate.title'],
		['the curriculum title', curriculumConfigSchema, CONFIG, 'title: Steeped', 'title: Steeped</title>', 'title'],
		['the tagline', curriculumConfigSchema, CONFIG, 'tagline: A small', 'tagline: <svg onload=alert(1)> A small', 'tagline'],
		['a platform name', curriculumConfigSchema, CONFIG, 'name: Kettle', 'name: <b>Kettle</b>', 'platforms[0].name'],
	])('checks %s', (_what, schema, yaml, from, to, field) => {
		expect(yaml.includes(from), from).toBe(true);
		const findings = check(schema as z.ZodType, yaml.replace(from, to));
		expect(findings.map((f) => [f.rule, f.message.split(':')[0]])).toEqual([['plain-text', `\`${field}\``]]);
		expect(findings[0]!.fix).toMatch(/^Write plain text: /);
	});

	it('checks contributor names, topics and the license of a module', () => {
		const yaml = `${MODULE}contributors:\n  - A <b>B</b>\n  - name: C&amp;D\ntopics: [<i>tea</i>]\nlicense: <b>MIT</b>\n`;
		expect(check(moduleSchema, yaml).map((f) => f.message.split(':')[0])).toEqual(['`topics[0]`', '`contributors[0]`', '`contributors[1].name`', '`license`']);
	});
});

describe('free pages', () => {
	const PAGE = 'title: About\ndescription: What this is.\n';
	const checkPage = (yaml: string) => check(pageSchema, yaml, 'content/pages/about.mdx', 'the page frontmatter');

	it('take a plain-text title and description, and nothing else', () => {
		expect(checkPage(PAGE)).toEqual([]);
		expect(checkPage('title: About\n')).toEqual([]);
		expect(checkPage(`${PAGE}sumary: x\n`).map((f) => [f.message, f.fix])).toEqual([
			['Unknown field `sumary` in the page frontmatter.', 'Remove `sumary`. The field reference (/contributing/fields/ on the site) lists the fields each file may have.'],
		]);
		expect(checkPage('description: x\n').map((f) => f.message)).toEqual(['The required field `title` is missing from the page frontmatter.']);
		expect(checkPage('title: "About</title><script>alert(1)</script>"\n').map((f) => f.rule)).toEqual(['plain-text']);
	});

	it('may not set head, and the fix says why', () => {
		expect(checkPage(`${PAGE}head:\n  - tag: script\n    content: alert(1)\n`)).toEqual([
			{
				rule: 'schema',
				severity: 'error',
				file: 'content/pages/about.mdx',
				line: 3,
				column: 1,
				message: "`head`: Pages may not set Starlight's `head` field.",
				fix: 'Remove `head`: it adds elements such as <script>, <meta> or <link> to the page, inserted as HTML, so it could carry script. A page sets only `title` and `description`.',
			},
		]);
	});

	it.each([
		['hero', 'hero:\n  tagline: <img src=x onerror=alert(1)>', 'so it could carry script'],
		['banner', 'banner:\n  content: <script>x</script>', 'so it could carry script'],
		['sidebar', 'sidebar:\n  attrs:\n    onclick: alert(1)', 'so it could carry script'],
		['slug', 'slug: modules/audience-research', 'changes the page’s address'],
		['editUrl', 'editUrl: https://evil.example/', 'to any address'],
		['prev', 'prev:\n  link: https://evil.example/', 'at any address'],
		['next', 'next: false', 'at any address'],
		['template', 'template: splash', 'hides the navigation'],
		['draft', 'draft: true', 'out of the built site'],
		['pagefind', 'pagefind: false', 'hide the page from search'],
		['tableOfContents', 'tableOfContents: false', 'table of contents'],
		['lastUpdated', 'lastUpdated: 2020-01-01', 'does not support'],
	])('may not set %s', (field, yaml, reason) => {
		const findings = checkPage(`${PAGE}${yaml}\n`);
		expect(findings.map((f) => [f.message, f.line])).toEqual([[`\`${field}\`: Pages may not set Starlight's \`${field}\` field.`, 3]]);
		expect(findings[0]!.fix).toContain(reason);
	});

	it('are checked with the rest of the curriculum, and the flagship about page passes', () => {
		const content = copyFixture('valid-course');
		mkdirSync(join(content, 'pages'));
		writeFileSync(join(content, 'pages', 'about.mdx'), '---\ntitle: About\nhead:\n  - tag: script\n---\n\nHello.\n');
		writeFileSync(join(content, 'pages', 'team.md'), readFileSync(join(ROOT, 'content', 'pages', 'about.mdx'), 'utf8'));
		const { findings, curriculum } = checkCurriculum(content, { root: content, on: TODAY });
		expect(findings.filter((f) => f.file.startsWith('pages/')).map((f) => [f.file, f.line, f.rule, f.message])).toEqual([
			['pages/about.mdx', 3, 'schema', "`head`: Pages may not set Starlight's `head` field."],
		]);
		// A page that fails its schema keeps its place in the sidebar under its id.
		expect(curriculum.pages).toEqual([
			{ id: 'about', title: 'about' },
			{ id: 'team', title: 'About Currents' },
		]);
	});
});
