import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { RULE_DOCS } from '../src/lib/check/rule-docs.ts';
import { checkContentSafety, SAFETY_RULES } from '../src/lib/safety/content-check.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'malicious');

/**
 * The rule each attack must trip, and the line it must be reported on. The expectation lives here
 * rather than in the fixtures because any marker written into MDX would itself be MDX to check.
 */
const ATTACKS: readonly [fixture: string, rule: string, line: number][] = [
	['esm-import', 'no-esm', 5],
	['export-const', 'no-esm', 7],
	['export-writes-file', 'no-esm', 7],
	['expression-in-text', 'no-expression', 5],
	['expression-flow', 'no-expression', 7],
	['expression-in-prop', 'no-expression', 5],
	['spread-props', 'no-expression', 5],
	['unknown-component', 'unknown-component', 7],
	['member-component', 'unknown-component', 5],
	['uppercase-script-component', 'unknown-component', 5],
	['unknown-prop', 'unknown-prop', 5],
	['invalid-enum-prop', 'invalid-prop', 5],
	['missing-required-prop', 'invalid-prop', 5],
	['script-tag', 'raw-html', 7],
	['style-tag', 'raw-html', 5],
	['iframe', 'raw-html', 5],
	['object-embed', 'raw-html', 5],
	['form-input', 'raw-html', 6],
	['meta-refresh', 'raw-html', 5],
	['base-tag', 'raw-html', 5],
	['svg-script', 'raw-html', 6],
	['set-html-attribute', 'raw-html', 5],
	['srcdoc-attribute', 'raw-html', 5],
	['xlink-href', 'unsafe-url', 5],
	['frontmatter-fence-smuggling', 'raw-html', 3],
	['onclick-handler', 'event-handler', 5],
	['onerror-on-img', 'event-handler', 5],
	['style-attribute', 'style-attribute', 5],
	['javascript-link', 'unsafe-url', 5],
	['javascript-link-mixed-case-whitespace', 'unsafe-url', 5],
	['javascript-entity-encoded', 'unsafe-url', 5],
	['javascript-hex-entity-colon', 'unsafe-url', 5],
	['javascript-percent-encoded', 'unsafe-url', 5],
	['vbscript-link', 'unsafe-url', 5],
	['data-url-image', 'unsafe-url', 5],
	['data-url-link', 'unsafe-url', 5],
	['javascript-in-definition', 'unsafe-url', 7],
	['href-javascript-jsx', 'unsafe-url', 5],
	['href-entity-encoded-jsx', 'unsafe-url', 5],
	['remote-image', 'remote-image', 5],
	['protocol-relative-image', 'remote-image', 5],
	['remote-image-definition', 'remote-image', 5],
	['image-without-alt', 'image-alt', 5],
	['html-comment', 'mdx-syntax', 5],
	['autolink-javascript', 'mdx-syntax', 5],
	['unclosed-tag', 'mdx-syntax', 5],
	// Families that passed the old check because it parsed differently from the compiler.
	['footnote-expression', 'no-expression', 7],
	['footnote-jsx', 'raw-html', 7],
	['footnote-then-esm', 'no-esm', 9],
	['footnote-html.md', 'raw-html', 7],
	['image-marker-entities.md', 'unknown-syntax', 5],
	['image-marker-escapes.md', 'unknown-syntax', 7],
	['text-directive-attributes.md', 'unknown-syntax', 5],
	['text-directive-then-esm', 'no-esm', 7],
	['leaf-directive-then-expression', 'no-expression', 6],
	['container-directive-esm', 'no-esm', 8],
	['directive-swallows-backtick', 'event-handler', 5],
	['lazy-blockquote-directive', 'no-esm', 6],
	['table-cell-code', 'event-handler', 7],
	['frontmatter-plus-fence', 'frontmatter-fence', 1],
	['frontmatter-dots-end', 'frontmatter-fence', 3],
	['frontmatter-line-separator', 'frontmatter-fence', 2],
	['frontmatter-bom', 'frontmatter-fence', 1],
	['frontmatter-leading-blank', 'frontmatter-fence', 1],
	['comment-behind-indented-fence.md', 'raw-html', 6],
	['image-imports-script', 'image-type', 5],
	['svg-image', 'image-type', 5],
	// Found by the fuzz test: the build imports the path as written, tab and all.
	['image-path-with-tab', 'image-type', 5],
	['image-path-with-query', 'image-type', 5],
	['code-meta-regex', 'code-meta', 5],
	// Found by red-teaming: the highlighter reads quotes its own way; a component the build cannot render.
	['code-meta-quoted-slash', 'code-meta', 5],
	['steps-without-list', 'invalid-prop', 5],
	['nul-in-destination', 'control-character', 5],
	['nul-in-definition', 'control-character', 7],
	['bidi-override', 'bidi-character', 5],
];

/** A fixture is named without its extension when it is `.mdx`, and with it otherwise. */
const fileOf = (name: string) => (/\.md$/.test(name) ? name : `${name}.mdx`);

function checkFixture(name: string): Finding[] {
	const file = `tests/fixtures/malicious/${fileOf(name)}`;
	return checkContentSafety(readFileSync(join(FIXTURES, fileOf(name)), 'utf8'), file, {
		imageHosts: ['upload.wikimedia.org'],
	});
}

describe('malicious fixtures', () => {
	it('has an expectation for every fixture, and at least 22 of them', () => {
		const fixtures = readdirSync(FIXTURES)
			.filter((name) => /\.mdx?$/.test(name))
			.map((name) => name.replace(/\.mdx$/, ''))
			.sort();
		expect(fixtures).toEqual(ATTACKS.map(([name]) => name).sort());
		expect(fixtures.length).toBeGreaterThanOrEqual(22);
	});

	it.each(ATTACKS)('rejects %s with %s on line %i', (name, rule, line) => {
		const findings = checkFixture(name);
		expect(findings.map((f) => `${f.rule}@${f.line}`)).toContain(`${rule}@${line}`);
		for (const f of findings) {
			expect(f.severity).toBe('error');
			expect(f.file).toBe(`tests/fixtures/malicious/${fileOf(name)}`);
			expect(f.column).toBeGreaterThan(0);
			expect(f.message).not.toBe('');
			expect(f.fix).not.toBe('');
			expect(RULE_DOCS).toHaveProperty([f.rule]);
		}
	});

	it('keeps an export that would write a file if it ever ran, and reports both statements', () => {
		const source = readFileSync(join(FIXTURES, 'export-writes-file.mdx'), 'utf8');
		expect(source).toContain("from 'node:fs'");
		expect(source).toContain('tests/.tmp/pwned-by-export.txt');
		expect(checkFixture('export-writes-file').map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
			'no-esm@5:1',
			'no-esm@7:1',
		]);
	});
});

describe('a clean module', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'currents-safety-'));
		writeFileSync(join(dir, 'chart.png'), '');
		mkdirSync(join(dir, 'images'));
		writeFileSync(join(dir, 'images', 'feed diagram.png'), '');
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const CLEAN = `---
title: Reading the feed
summary: How ranking decides what you see.
---

## How feeds rank posts

Text with **bold**, _emphasis_, \`inline <script>{code}</script>\`, an escaped brace \\{like this\\},
a less-than sign written as &lt; or \\<, and a [link](https://example.org/guide "Guide"), a
[relative link](../other-module/), an [anchor](#how-feeds-rank-posts), a [reference][ref] and
[an address](mailto:team@example.org). A sentence about javascript: the language, and [a guide to
JavaScript](https://example.org/javascript:basics).

[ref]: https://example.org/reference

![A bar chart of posts per hour, peaking at 9 pm](./chart.png)

![A photo of a phone showing a feed](https://upload.wikimedia.org/wikipedia/commons/a/a1/Feed.jpg)

![A diagram of the ranking pipeline][diagram]

[diagram]: <./images/feed diagram.png>

| Platform | What ranks first |
| --- | --- |
| Video | \`{watch time}\` |
| Photos | Likes from friends |

\`\`\`html
<script>alert("an example of an attack")</script>
<div onclick={handler} style="color: red">{braces} <iframe src="javascript:x"></iframe></div>
\`\`\`

\`\`\`js
import fs from 'node:fs';
export const settings = { ranked: true };
\`\`\`

<Aside type="tip" title="Before you post">
Check the **source** first.
</Aside>

<Aside>
A plain note.
</Aside>

<Example title="A rumour that went viral" hypothetical>
A made-up account posts a claim.
</Example>

<Exercise title="Audit your feed" deliverable="A one-page summary of what your feed shows you">
Scroll for ten minutes and note every post.
</Exercise>

<Discussion title="Who decides what you see?">
Talk about it in pairs.
</Discussion>

<InstructorNotes>
Students often think the feed is chronological.
</InstructorNotes>

<Steps>
1. Open the app.
2. Open the settings.
</Steps>

Press <kbd>Ctrl</kbd> + <kbd>C</kbd>. An <abbr title="application programming interface">API</abbr>,
H<sub>2</sub>O, x<sup>2</sup>, <mark>marked</mark>, <span lang="fr">le fil</span>, a line<br />break.

<details>
<summary>Show the answer</summary>

The feed is ranked.
</details>

<a href="https://example.org" title="Example">A link</a> and <img src="./chart.png" alt="The same chart" width="300" />

<table>
  <thead>
    <tr><th scope="col">A</th><th>B</th></tr>
  </thead>
  <tbody>
    <tr><td colspan="2">1</td></tr>
  </tbody>
</table>

> A quote with a [link](https://example.org).

---

- A list
  - with a nested item
`;

	it('has no findings', () => {
		expect(
			checkContentSafety(CLEAN, 'curriculum/modules/feeds/index.mdx', {
				imageHosts: ['upload.wikimedia.org'],
				baseDir: dir,
			})
		).toEqual([]);
	});

	it('checks a Markdown platform update with the same rules', () => {
		const update = '---\ntitle: x\n---\n\nThe feed now shows **fewer** ads. See [the post](https://example.org).\n';
		expect(checkContentSafety(update, 'updates/2025-01-feed.md')).toEqual([]);
	});
});

describe('finding wording', () => {
	it('explains an import and how to fix it', () => {
		expect(checkFixture('esm-import')).toEqual([
			{
				rule: 'no-esm',
				severity: 'error',
				file: 'tests/fixtures/malicious/esm-import.mdx',
				line: 5,
				column: 1,
				message: 'The import statement `import Secret from "../../../src/secret.astro"` would run as JavaScript when the site is built.',
				fix: 'Remove the statement. Modules cannot import or export code; the allowed components are available without an import.',
			},
		]);
	});

	it('names the decoded scheme of an encoded javascript: link', () => {
		expect(checkFixture('javascript-hex-entity-colon')).toEqual([
			{
				rule: 'unsafe-url',
				severity: 'error',
				file: 'tests/fixtures/malicious/javascript-hex-entity-colon.mdx',
				line: 5,
				column: 1,
				message: "The link target `javascript:alert(1)` uses the javascript: scheme, which runs code in readers' browsers.",
				fix: 'Link to a web page with an https:// address, or to another page of the curriculum from the site\'s root, such as /modules/<id>/.',
			},
		]);
	});

	it('names the host of a remote image and both ways to fix it', () => {
		expect(checkFixture('remote-image')).toEqual([
			{
				rule: 'remote-image',
				severity: 'error',
				file: 'tests/fixtures/malicious/remote-image.mdx',
				line: 5,
				column: 1,
				message:
					'The image `https://tracker.example/pixel.gif?user=reader` is loaded from tracker.example, which is not an allowed image host.',
				fix: "Download the image into the repository next to the module (only with the owner's permission and a license that allows it) and use a relative path such as ./pixel.gif; or ask the maintainers to add tracker.example to imageHosts in curriculum.yaml.",
			},
		]);
	});

	it('lists the allowed components for an unknown one', () => {
		const [first] = checkFixture('unknown-component');
		expect(first?.message).toBe('<Fragment> is not one of the components modules may use.');
		expect(first?.fix).toBe(
			'Use one of the allowed components: <Aside>, <Example>, <Case>, <Exercise>, <Discussion>, <InstructorNotes>, <Steps>. They are available without an import; check the spelling and capitalisation.'
		);
	});

	it('lists the allowed values of an enum prop', () => {
		const [first] = checkFixture('invalid-enum-prop');
		expect(first?.message).toBe('`type="warning"` is not allowed on <Aside>.');
		expect(first?.fix).toBe('Use one of: type="note", type="tip", type="caution", type="danger".');
	});
});

describe('MDX syntax errors', () => {
	it('reports a stray < as a finding with a position instead of throwing', () => {
		const source = '---\ntitle: x\n---\n\nI <3 feeds.\n';
		let findings: Finding[] = [];
		expect(() => {
			findings = checkContentSafety(source, 'm.mdx');
		}).not.toThrow();
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ rule: 'mdx-syntax', severity: 'error', line: 5, column: 3 });
		expect(findings[0]?.message).toMatch(/^The MDX cannot be read: Unexpected character after `<`/);
		expect(findings[0]?.fix).toContain('`&lt;`');
	});

	it('points at an unclosed brace, not at the end of the file', () => {
		const source = '---\ntitle: x\n---\n\nIntro.\n\nUse {name to greet people.\n\nMore text.\n\nEven more.\n';
		const findings = checkContentSafety(source, 'm.mdx');
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ rule: 'mdx-syntax', line: 7, column: 5 });
		expect(findings[0]?.fix).toContain('`\\{`');
	});

	it('points at the opening tag of an unclosed element', () => {
		expect(checkFixture('unclosed-tag')).toMatchObject([{ rule: 'mdx-syntax', line: 5, column: 1 }]);
	});

	it('keeps checking the rest of the file after a syntax error', () => {
		const source = '---\ntitle: x\n---\n\nI <3 feeds.\n\n<!-- a note -->\n\n[Click](javascript:alert(1))\n';
		expect(checkContentSafety(source, 'm.mdx').map((f) => `${f.rule}@${f.line}`)).toEqual([
			'mdx-syntax@5',
			'mdx-syntax@7',
			'unsafe-url@9',
		]);
	});
});

describe('one pass', () => {
	it('reports every fault in a file at once', () => {
		const source = [
			'---',
			'title: x',
			'---',
			'',
			"import x from 'y'",
			'',
			'Hello {name}.',
			'',
			'<Aside type="warning" kind="x" onClick="go()" style="color:red" {...props}>',
			'Note.',
			'</Aside>',
			'',
			'<Tabs />',
			'',
			'<iframe src="https://evil.example" />',
			'',
			'[a](javascript:alert(1)) ![](https://tracker.example/p.gif)',
			'',
			'<img src="./missing.png" />',
			'',
		].join('\n');
		const findings = checkContentSafety(source, 'm.mdx', { baseDir: tmpdir() });
		expect(findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
			'no-esm@5:1',
			'no-expression@7:7',
			'invalid-prop@9:8',
			'unknown-prop@9:23',
			'event-handler@9:32',
			'style-attribute@9:47',
			'no-expression@9:65',
			'unknown-component@13:1',
			'raw-html@15:1',
			'unsafe-url@17:1',
			'image-alt@17:26',
			'remote-image@17:26',
			'image-alt@19:1',
			'missing-image@19:1',
		]);
	});
});

describe('schemes', () => {
	const check = (link: string) => checkContentSafety(`---\ntitle: x\n---\n\n${link}\n`, 'm.mdx').map((f) => f.message);

	it('allows web, mail and relative addresses, even with a colon in the link text', () => {
		for (const link of ['[a](https://example.org/)', '[a](http://example.org/)', '[a](mailto:team@example.org)', '[a](/modules/x/)', '[a](./x/)', '[a](#a-heading)', '[Note: read](https://example.org/)']) {
			expect(check(link), link).toEqual([]);
		}
	});

	it('refuses every other scheme and says which ones are allowed', () => {
		expect(check('[a](tel:+358401234567)')).toEqual([
			'The link target `tel:+358401234567` uses the tel: scheme; addresses may only be https:, http:, mailto: or relative.',
		]);
		expect(check('<a href="file:///etc/passwd">a</a>')).toEqual([
			'The link target `file:///etc/passwd` uses the file: scheme; addresses may only be https:, http:, mailto: or relative.',
		]);
	});
});

describe('unsafe URLs', () => {
	const DANGEROUS = [
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'java&#x09;script:alert(1)',
		'&#106;avascript:alert(1)',
		'&#0000106avascript:alert(1)',
		'&#x6A;avascript:alert(1)',
		'javascript&colon;alert(1)',
		'javascript&#58;alert(1)',
		'java&NewLine;script:alert(1)',
		'java&Tab;script:alert(1)',
		'%6Aavascript:alert(1)',
		'javascript%3Aalert(1)',
		'&amp;#106;avascript:alert(1)',
		'\u0001javascript:alert(1)',
		'vbscript:msgbox(1)',
		'VBScript:msgbox(1)',
		'data:text/html,<script>alert(1)</script>',
		'DATA:text/html;base64,PHNjcmlwdD4=',
	];
	const SAFE = [
		'https://example.org/javascript:guide',
		'./javascript-basics/',
		'../data/report.html',
		'#javascript',
		'mailto:team@example.org',
		'/guides/data:sets',
	];

	it.each(DANGEROUS)('rejects href %j on an anchor', (url) => {
		const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
		// Entity-encode the attribute so the parser hands back exactly `url`, and also try it raw.
		for (const value of [attribute, url.replace(/"/g, '&quot;')]) {
			const findings = checkContentSafety(`<a href="${value}">x</a>\n`, 'm.mdx');
			expect(findings.map((f) => f.rule)).toContain('unsafe-url');
		}
	});

	it.each(DANGEROUS.filter((url) => !/[\s<\u0001]/.test(url)))('rejects Markdown link %j', (url) => {
		expect(checkContentSafety(`[x](${url})\n`, 'm.mdx').map((f) => f.rule)).toEqual(['unsafe-url']);
		expect(checkContentSafety(`[x][d]\n\n[d]: ${url}\n`, 'm.mdx').map((f) => f.rule)).toEqual(['unsafe-url']);
	});

	it.each(SAFE)('allows %j', (url) => {
		expect(checkContentSafety(`[x](${url}) <a href="${url}">x</a>\n`, 'm.mdx')).toEqual([]);
	});
});

describe('images', () => {
	it('allows remote images from the configured hosts, in any letter case', () => {
		const source = '![A map](https://Upload.Wikimedia.org/a.png)\n\n<img src="https://upload.wikimedia.org/b.png" alt="A map" />\n';
		expect(checkContentSafety(source, 'm.mdx', { imageHosts: ['upload.wikimedia.org'] })).toEqual([]);
		expect(checkContentSafety(source, 'm.mdx').map((f) => f.rule)).toEqual(['remote-image', 'remote-image']);
	});

	it('treats a backslash path as protocol-relative, as browsers do', () => {
		const findings = checkContentSafety('<img src="/\\tracker.example/p.gif" alt="A pixel" />\n', 'm.mdx');
		expect(findings.map((f) => f.rule)).toEqual(['remote-image']);
	});

	it('checks that local images exist only when given the folder', () => {
		const source = '![A chart](./nowhere.png)\n';
		expect(checkContentSafety(source, 'm.mdx')).toEqual([]);
		expect(checkContentSafety(source, 'm.mdx', { baseDir: tmpdir() }).map((f) => f.rule)).toEqual(['missing-image']);
	});

	it('says where to put an image written from the site root, in Markdown and in HTML', () => {
		const root = mkdtempSync(join(tmpdir(), 'currents-images-'));
		try {
			const content = join(root, 'content');
			mkdirSync(join(content, 'modules', 'images'), { recursive: true });
			writeFileSync(join(content, 'modules', 'images', 'reel.png'), '');
			const source = '# Title\n\n![A carousel](/images/carousel.png)\n\n<img src="/images/reel.png" alt="A reel" />\n';
			const findings = checkContentSafety(source, 'm.mdx', { baseDir: join(content, 'modules'), contentDir: content });
			expect(findings.map(({ rule, line, message, fix }) => ({ rule, line, message, fix }))).toEqual([
				{
					rule: 'missing-image',
					line: 3,
					message: "The image `/images/carousel.png` is written from the site's root, where the site publishes no images: an image is read from the repository, by its path from the module file.",
					fix: 'Save the image next to the module and write its path relative to the module file: ./carousel.png.',
				},
				{
					rule: 'missing-image',
					line: 5,
					message: "The image `/images/reel.png` is written from the site's root, where the site publishes no images: an image is read from the repository, by its path from the module file.",
					fix: 'Write its path relative to the module file: ./images/reel.png.',
				},
			]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it('refuses an image outside the content folder, where it exists, before it is published', () => {
		const root = mkdtempSync(join(tmpdir(), 'currents-images-'));
		try {
			const content = join(root, 'content');
			mkdirSync(join(content, 'modules'), { recursive: true });
			for (const name of ['outside.png', 'content/modules/inside.png']) writeFileSync(join(root, name), 'an image');
			// A folder in the content folder that is a link to one outside it (the check refuses the link itself as well).
			symlinkSync(root, join(content, 'modules', 'linked'), 'dir');
			const source =
				'![Inside](./inside.png)\n\n![Outside](../../outside.png)\n\n<img src="../../outside.png" alt="Outside" />\n\n![Nowhere](../../../nowhere.png)\n\n![Encoded](..%2F..%2Foutside.png)\n\n![Defined][d]\n\n[d]: ./../../outside.png\n\n![Linked](./linked/outside.png)\n';
			const options = { baseDir: join(content, 'modules'), contentDir: content };
			expect(checkContentSafety(source, 'm.mdx', options).map((f) => `${f.rule}@${f.line}: ${f.message}`)).toEqual([
				'image-outside@3: The image `../../outside.png` is outside the content folder.',
				'image-outside@5: The image `../../outside.png` is outside the content folder.',
				'image-outside@7: The image `../../../nowhere.png` is outside the content folder.',
				'image-outside@9: The image `..%2F..%2Foutside.png` is outside the content folder.',
				'image-outside@11: The image `./../../outside.png` is outside the content folder.',
				'image-outside@15: The image `./linked/outside.png` is outside the content folder.',
			]);
			expect(checkContentSafety('![Outside](../../outside.png)\n', 'm.mdx', options)[0]!.fix).toBe('Save the image in the content folder next to the module, and point to it there, such as ./outside.png.');
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it("refuses the site builder's image marker in an image address, however it is spelt", () => {
		for (const [file, url] of [
			['u.md', '%5F_ASTRO_IMAGE_/tmp/secret.png'],
			['u.md', '&#95;_ASTRO_IMAGE_/../../tmp/secret.png'],
			['m.mdx', '__ASTRO_IMAGE_/tmp/secret.png'],
			['m.mdx', '%5F%5FASTRO%5FIMAGE%5F/tmp/secret.png'],
		] as const) {
			const found = checkContentSafety(`![A secret](${url})\n`, file).filter((f) => f.message.includes('marker the site builder uses for images, which would make it read the file from somewhere else'));
			expect(found.map((f) => `${f.rule}@${f.line}`), url).toEqual(['unknown-syntax@1']);
		}
	});

	it("refuses text the page would show as the site builder's image marker, however it is written, once", () => {
		const found = (body: string, file = 'u.md') => checkContentSafety(`---\ntitle: x\n---\n\n${body}\n`, file).map((f) => `${f.rule}@${f.line}:${f.column}: ${f.message}`);
		const plain = 'The text `__ASTRO_IMAGE_` is a marker the site builder uses for images, and would confuse it.';
		const disguised = 'The text `__ASTRO_IMAGE_` is a marker the site builder uses for images, and would confuse it, written here with escapes or character references that the page shows as its letters.';
		expect(found('See &#95;&#95;ASTRO&#95;IMAGE&#95;=&quot;{}&quot; here.')).toEqual([`unknown-syntax@5:1: ${disguised}`]);
		expect(found('See \\_\\_ASTRO\\_IMAGE\\_ here.')).toEqual([`unknown-syntax@5:1: ${disguised}`]);
		expect(found('[A link](https://example.org/&#95;&#95;ASTRO&#95;IMAGE&#95;=)')).toEqual([`unknown-syntax@5:1: ${disguised}`]);
		expect(found('<abbr title="&#95;&#95;ASTRO&#95;IMAGE&#95;">x</abbr>', 'm.mdx')).toEqual([`unknown-syntax@5:1: ${disguised}`]);
		expect(found('See `__ASTRO_IMAGE_="1"` here.')).toEqual([`unknown-syntax@5:5: ${plain}`]);
		// Written plainly it is refused even where Markdown breaks it up (here into emphasis).
		expect(found('Plain __ASTRO_IMAGE_ text.')).toEqual([`unknown-syntax@5:7: ${plain}`]);
		expect(found('An underscore &#95; and ASTRO, apart.')).toEqual([]);
	});

	it('refuses an image path with a backslash or spaces around it, which the build cannot load', () => {
		const found = (source: string) => checkContentSafety(source, 'm.mdx').map((f) => `${f.rule}: ${f.message} ${f.fix}`);
		expect(found('![Pot](< ./pot.png>)\n')).toEqual([
			'image-type: The image path ` ./pot.png` has a space at its start or end, which the build cannot read as a path. Write the path with forward slashes and nothing around it, such as ./pot.png.',
		]);
		expect(found('![Pot](<./pot.png >)\n').map((f) => f.split(':')[0])).toEqual(['image-type']);
		expect(found('![Pot](.\\img\\pot.png)\n')).toEqual([
			'image-type: The image path `.\\img\\pot.png` has a backslash, which the build cannot read as a path. Write the path with forward slashes and nothing around it, such as ./pot.png.',
		]);
		expect(found('<img src=" /pot.png" alt="Pot" />\n').map((f) => f.split(':')[0])).toEqual(['image-type']);
	});

	it('requires alt text on HTML images', () => {
		const source = '<img src="./a.png" />\n\n<img src="./a.png" alt=" " />\n';
		expect(checkContentSafety(source, 'm.mdx').map((f) => `${f.rule}@${f.line}`)).toEqual([
			'image-alt@1',
			'image-alt@3',
		]);
	});
});

describe('components', () => {
	it('uses the given allow-list instead of the default one', () => {
		const components = { Quiz: { description: 'A quiz.', props: { level: { type: 'enum' as const, values: ['easy'] } } } };
		expect(checkContentSafety('<Quiz level="easy" />\n', 'm.mdx', { components })).toEqual([]);
		expect(checkContentSafety('<Aside />\n', 'm.mdx', { components }).map((f) => f.rule)).toEqual(['unknown-component']);
	});

	it('rejects a value on a yes/no prop and a missing value on a text prop', () => {
		const source = '<Example title hypothetical="yes">\nx\n</Example>\n';
		expect(checkContentSafety(source, 'm.mdx').map((f) => `${f.rule}@${f.column}`)).toEqual([
			'invalid-prop@10',
			'invalid-prop@16',
		]);
	});

	it('refuses a :::note block, which the site would show as plain text, and names the component to use', () => {
		expect(checkContentSafety(':::tip[Brew]\nWarm the pot.\n:::\n', 'm.mdx').map((f) => `${f.rule}@${f.line}: ${f.message} ${f.fix}`)).toEqual([
			'unknown-syntax@1: The `:::tip` block would be shown as plain text, without the box and title of an aside. Use the Aside component: <Aside type="tip" title="…">…</Aside> (type is note, tip, caution or danger).',
		]);
		expect(checkContentSafety(':::note\nWarm the pot.\n:::\n', 'u.md').map((f) => f.fix)).toEqual(['A Markdown (.md) file has no asides: write it as a paragraph, such as one that starts with **Note:**.']);
	});

	it('refuses a ::note line and quotes a longer fence as written, but leaves a colon inside a sentence alone', () => {
		const found = (source: string) => checkContentSafety(source, 'm.mdx').map((f) => `${f.rule}@${f.line}: ${f.message}`);
		expect(found('Warm the pot.\n\n::caution[Hot water]\n')).toEqual([
			'unknown-syntax@3: The `::caution` line would be shown as plain text, without the box and title of an aside.',
		]);
		expect(found('::::note\nWarm the pot.\n::::\n')).toEqual([
			'unknown-syntax@1: The `::::note` block would be shown as plain text, without the box and title of an aside.',
		]);
		// A text directive is how the parser reads a colon before a word; the page prints it as written.
		expect(found('Brew time:three minutes, ratio 1:16, then :taste[it].\n')).toEqual([]);
	});

	it("holds a case's source to the link rules, since the page links to it", () => {
		const found = (source: string) => checkContentSafety(`<Case title="t" source="${source}" date="2024-01">\nx\n</Case>\n`, 'm.mdx').map((f) => `${f.rule}: ${f.message}`);
		expect(found('https://example.org/report')).toEqual([]);
		expect(found('javascript:alert(1)')).toEqual(["unsafe-url: The link target `javascript:alert(1)` uses the javascript: scheme, which runs code in readers' browsers."]);
		expect(found('JaVa&#x53;cript:alert(1)')).toEqual(["unsafe-url: The link target `JaVaScript:alert(1)` uses the javascript: scheme, which runs code in readers' browsers."]);
		// The component links to the source as a full address; a relative one would stop the build.
		for (const source of ['/reports/x', '//example.org/x', 'example.org/x']) {
			expect(found(source), source).toEqual([`invalid-prop: \`source="${source}"\` on <Case> is not a full web address.`]);
		}
	});

	it('does not mistake prototype names for props', () => {
		expect(checkContentSafety('<Aside constructor="x" />\n', 'm.mdx').map((f) => f.rule)).toEqual(['unknown-prop']);
	});
});

describe('Markdown files', () => {
	it('refuses raw HTML, naming what a browser would find in it, where MDX would read code', () => {
		// In a CommonMark HTML block the backticks are not code, so the image and its handler are live.
		const source = '---\ntitle: x\n---\n\n<details>\n`<img src=x onerror=alert(1)>`\n</details>\n';
		const findings = checkContentSafety(source, 'updates/2025-01.md');
		expect(findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['raw-html@5']);
		expect(findings[0]?.message).toBe('Raw HTML (<details>, <img>) would be copied into the page as it is.');
		expect(checkContentSafety(source, 'modules/x.mdx')).toEqual([]);
	});

	it('reports an inline element once, at its start tag, and a lone end tag on its own', () => {
		const source = '---\ntitle: x\n---\n\nDo <b>this</b> now.\n\nA lone </i> here.\n';
		expect(checkContentSafety(source, 'updates/2025-01.md').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
			'5:4 Raw HTML (<b>) would be copied into the page as it is.',
			'7:8 Raw HTML (`</i>`) would be copied into the page as it is.',
		]);
	});
});

describe('SAFETY_RULES', () => {
	it('documents every rule', () => {
		expect(Object.keys(SAFETY_RULES).sort()).toEqual(
			[
				'code-meta',
				'content-limit',
				'event-handler',
				'frontmatter-fence',
				'image-alt',
				'image-outside',
				'image-type',
				'invalid-prop',
				'mdx-syntax',
				'missing-image',
				'no-esm',
				'no-expression',
				'raw-html',
				'remote-image',
				'style-attribute',
				'unknown-component',
				'unknown-prop',
				'unknown-syntax',
				'unsafe-url',
			].sort()
		);
		for (const rule of Object.values(SAFETY_RULES)) {
			expect(rule.title).not.toBe('');
			expect(rule.description).not.toBe('');
		}
	});
});
