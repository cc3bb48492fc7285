import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_END, BODY_START, SHARED_END, SHARED_START } from '../src/lib/embeds/assemble.ts';
import { markerComments, parseMarked, partsOf, withoutParts, type Part, type PartMarkers } from '../src/lib/safety/html-parts.ts';
import { inlineScriptHash, scanOutput, startEarlyScan, type ScanMemo } from '../src/lib/safety/output-scan.ts';
import { TMP } from './utils.ts';

mkdirSync(TMP, { recursive: true });
const WORK = mkdtempSync(join(TMP, 'page-parts-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const MARKERS: PartMarkers = { embedStart: SHARED_START, embedEnd: SHARED_END, bodyStart: BODY_START, bodyEnd: BODY_END };
const NONCE = 'currents-part:test';

/** A module page as Starlight nests it: the shared part, holding the body, deep inside the layout's elements. */
const modulePage = (body: string, { around = '', before = '' } = {}) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>M</title><script type="module" src="/_astro/page.js"></script></head><body><div class="page"><div><main><div class="content">${before}${SHARED_START}<h2>Outcomes</h2>${BODY_START}${body}${BODY_END}${around}${SHARED_END}</div></main></div></div></body></html>\n`;

/** A page that holds the part where `{}` is: an embed page's shell, by default. */
const shell = (inside = '<main class="currents-embed">{}</main>', head = '<!doctype html>') =>
	(part: string) => `${head}<html lang="en"><head><meta charset="utf-8"><title>E</title></head><body>${inside.replace('{}', () => part)}<footer><p>Attribution</p></footer></body></html>\n`;

function partsOfPage(text: string) {
	const { marks } = parseMarked(text, markerComments(MARKERS), {});
	return partsOf(text, marks, MARKERS);
}

/** The part the embed page copies: the shared part without the body's markers. */
const embedCopy = (text: string) =>
	text.slice(text.indexOf(SHARED_START) + SHARED_START.length, text.indexOf(SHARED_END)).replace(BODY_START, '').replace(BODY_END, '');

const BODY = '<h2 id="a">Part 1</h2><p>Steep <em>less</em> time.</p><table><tr><td>Green</td><td>80 °C</td></tr></table><pre><code>x &lt; y</code></pre><svg viewBox="0 0 1 1"><path d="M0 0h1"/></svg><ul><li>One</li></ul>';

describe('parts of a page, recorded where the parser met their markers', () => {
	it('records the embed part and the body part of a module page, in the state they start and end in', () => {
		const page = modulePage(BODY, { around: '<section class="quiz"><p>Check</p></section><script type="module" src="/_astro/quiz.js"></script>' });
		const parts = partsOfPage(page);
		expect(Object.keys(parts).sort()).toEqual(['body', 'embed']);
		expect(parts.embed!.length).toBe(embedCopy(page).length);
		expect(parts.embed!.open).toEqual(['html', 'body', 'div', 'div', 'main', 'div']);
		// Found in an embed page, nested in other layout elements, and in a print page beside other bodies.
		expect(withoutParts(shell()(embedCopy(page)), [parts.embed!], NONCE, {})).toBeDefined();
		const print = shell('<main><article><h2>1. M</h2>{}</article><article><h2>2. M</h2>{}</article></main>');
		const body = parts.body!;
		expect(withoutParts(print(BODY).replace('{}', BODY), [body, body], NONCE, {})).toBeDefined();
	});

	it('records no part whose markers the parser did not meet as comments, once each, exactly where the text has them', () => {
		// The marker's text inside an attribute, and the same comment written as a bogus comment.
		expect(partsOfPage(modulePage(BODY, { before: `<p title="${SHARED_START}">x</p>` })).embed).toBeUndefined();
		expect(partsOfPage(modulePage(BODY).replace(BODY_START, '<!currents:body-start>'))).toEqual({});
		// A marker twice.
		expect(partsOfPage(modulePage(`${BODY}${BODY_END}`)).body).toBeUndefined();
		// Inside a textarea the markers are text.
		expect(partsOfPage(modulePage(BODY, { before: '<textarea>' }))).toEqual({});
	});

	it('records no part that ends in another state than it starts in, or closes an element open before it', () => {
		for (const body of ['<p>open', '<b>bold', '<table><tr><td>cell', '<svg><g>', '<template>', '<select>', '<ul><li>item', '<a href="/x">link', '</div><div class="content">', '</main><main>', '<noscript>']) {
			expect(partsOfPage(modulePage(body)).body, body).toBeUndefined();
		}
		expect(partsOfPage(modulePage('<p>closed</p><b>bold</b><table><tr><td>cell</td></tr></table>')).body).toBeDefined();
		// Attributes a part's <body> or <html> would give the page's own element depend on what that element has already.
		expect(partsOfPage(modulePage('<p>x</p><BODY background="/a.png">')).body).toBeUndefined();
		expect(partsOfPage(modulePage('<p>x</p><html lang="fi">')).body).toBeUndefined();
	});

	it('refuses a page where a part would be parsed in another state, or could close an element open only there', () => {
		const page = modulePage(BODY);
		const part = partsOfPage(page).embed!;
		const copy = embedCopy(page);
		for (const inside of ['<svg>{}</svg>', '<math>{}</math>', '<table>{}</table>', '<template>{}</template>', '<p>{}</p>', '<b>{}</b>', '<select>{}</select>', '<textarea>{}</textarea>', '<noscript>{}</noscript>', '<ul><li>{}</li></ul>', '<button>{}</button>', '<a href="/x">{}</a>', '<xmp>{}</xmp>']) {
			expect(withoutParts(shell(inside)(copy), [part], NONCE, {}), inside).toBeUndefined();
		}
		// Quirks mode changes how a table closes a paragraph.
		expect(withoutParts(shell(undefined, '')(copy), [part], NONCE, {})).toBeUndefined();
		// A layout element open only here: refused when the part has an end tag of its name, which would close it here and was ignored there.
		const closing = modulePage(`${BODY}</article><p>after</p>`);
		const closingPart = partsOfPage(closing).embed!;
		expect(closingPart).toBeDefined();
		expect(withoutParts(shell('<main><article>{}</article></main>')(embedCopy(closing)), [closingPart], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell('<main><section>{}</section></main>')(embedCopy(closing)), [closingPart], NONCE, {})).toBeDefined();
	});

	it('refuses a page whose copy differs by a byte, or whose rest already holds the comment that stands for a part', () => {
		const page = modulePage(BODY);
		const part = partsOfPage(page).embed!;
		const copy = embedCopy(page);
		expect(withoutParts(shell()(copy.replace('Steep', 'Steap')), [part], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell(`<!--${NONCE}--><main>{}</main>`)(copy), [part], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell()(copy), [part, part], NONCE, {})).toBeUndefined();
		// A copy cut short at the end of the page.
		const cut: Part = { ...part, length: part.length + 10 };
		expect(withoutParts(shell()(copy), [cut], NONCE, {})).toBeUndefined();
	});
});

describe('what joins a part to the text around it', () => {
	// A lone `<` before a comment is text, and the comment is read as if nothing came before it; copied
	// next to other text, the same `<` starts a tag. Found by red-teaming this file (tests/.tmp/redteam/).
	const wrap = (body: string, beforeBody = '', afterBody = '') =>
		`<!doctype html><html><head><title>t</title></head><body><div><main><div>${SHARED_START}${beforeBody}${BODY_START}${body}${BODY_END}${afterBody}${SHARED_END}</div></main></div></body></html>`;

	it('records no part that ends in a lone <, or whose copy joins one to what follows a dropped marker', () => {
		expect(partsOfPage(wrap('hello <')).body).toBeUndefined();
		expect(partsOfPage(wrap('img src=x onerror=alert(1)>', 'x <')).embed).toBeUndefined();
		expect(partsOfPage(wrap('y <', '', 'svg onload=alert(1)>')).embed).toBeUndefined();
		// Text that merely ends in a character reference, or in a `<` that a space ends, is plain text either way.
		expect(partsOfPage(wrap('a &amp')).body).toBeDefined();
		expect(partsOfPage(wrap('1 < 2 ')).body).toBeDefined();
	});

	it('refuses a page whose text before a part ends in a lone <', () => {
		const part = partsOfPage(wrap('img src=x onerror=alert(1)> hi')).body!;
		expect(part).toBeDefined();
		expect(withoutParts(shell()('a <img src=x onerror=alert(1)> hi'), [part], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell()('a img src=x onerror=alert(1)> hi'), [part], NONCE, {})).toBeDefined();
		// The part's text found inside a tag name, an attribute or a comment is not where the parser meets the comment put in its place.
		const img = partsOfPage(wrap('img')).body!;
		expect(withoutParts(shell()('<img src="/a.png">'), [img], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell()('<p title="img">x</p>'), [img], NONCE, {})).toBeUndefined();
		expect(withoutParts(shell()('<!-- img -->'), [img], NONCE, {})).toBeUndefined();
	});
});

/** A small deterministic generator, so that a failure names a case that can be run again. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Pieces of HTML that change the parser's state, and some that run script in one state and not in another. */
const PIECES = [
	'text', '<p>', '</p>', '<div>', '</div>', '</main>', '</section>', '</article>', '<section>', '<b>', '</b>', '<a href="/y">', '</a>',
	'<table>', '<tr><td>', '</table>', '<svg>', '</svg>', '<math><mi>', '</math>', '<template>', '</template>', '<textarea>', '</textarea>',
	'<select>', '</select>', '<li>', '<ul>', '</ul>', '<noscript>', '</noscript>', '<xmp>', '</xmp>', '<title>', '</title>', '<!--', '-->',
	'</body>', '</html>', '<body class="b">', '<html lang="fi">', '<frameset>', '<style><img src=x onerror=alert(1)></style>',
	'<img src=x onerror=alert(1)>', '<script src="/_astro/a.js"></script>', '<iframe src="/x"></iframe>', '&am', 'p;', '\r', '\n', '\0', '😀',
];

describe('a page found clean from the parts it copies', () => {
	const allowed = new Set([inlineScriptHash('\n\tStarlightThemeProvider.updatePickers();\n')]);
	let sites = 0;
	const writeSite = (files: Record<string, string>) => {
		const dir = join(WORK, `site-${++sites}`, 'dist');
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(dirname(join(dir, file)), { recursive: true });
			writeFileSync(join(dir, file), text);
		}
		return dir;
	};

	it('is found clean or not exactly as parsing it whole finds it, over random parts and pages', async () => {
		const next = random(20261203);
		const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
		const soup = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => pick(PIECES)).join('');
		const files: Record<string, string> = {};
		const order: { file: string; parts?: { source: string; part: 'embed' }[] }[] = [];
		for (let i = 0; i < 300; i++) {
			// Half the parts are plain content, which a module page holds; the other half anything.
			const body = i % 2 === 0 ? `<p>Part ${i}</p>${pick(['<b>x</b>', '<table><tr><td>1</td></tr></table>', '<svg><g/></svg>', '</article>', '<style>p{}</style>'])}` : soup(6);
			const source = `modules/m${i}/index.html`;
			files[source] = modulePage(body, { before: i % 7 === 0 ? soup(3) : '' });
			const inside = pick(['<main>{}</main>', '<main><article>{}</article></main>', '<section>{}</section>', '<div><div>{}</div></div>', '<svg>{}</svg>', '<table>{}</table>', '<p>{}</p>', '<b>{}</b>', `<main>${soup(2)}{}</main>`]);
			const suffix = pick(['', '<style><img src=x onerror=alert(2)></style>', '</article><p>after</p>', soup(3)]);
			files[`embed/m${i}/index.html`] = shell(inside)(embedCopy(files[source]!) + suffix);
			order.push({ file: source }, { file: `embed/m${i}/index.html`, parts: [{ source, part: 'embed' }] });
		}
		const dir = writeSite(files);
		// What parsing every page whole finds clean.
		const truth: ScanMemo = { known: new Set(), clean: new Set() };
		scanOutput({ dir, allowedInlineScripts: allowed, routedPages: new Set(Object.keys(files)), memo: truth });
		expect(truth.clean.size).toBeGreaterThan(150);
		expect(truth.clean.size).toBeLessThan(600);

		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		for (const { file, parts } of order) early.page(file, parts);
		await expect.poll(() => early.parsed(), { timeout: 60_000 }).toBe(truth.clean.size);
		const fromParts = early.fromParts();
		const parsed = await early.stop();
		expect(new Set(parsed)).toEqual(truth.clean);
		// Not a test of the whole parse alone: many pages were found clean from their parts.
		expect(fromParts).toBeGreaterThan(60);
	});

	it('leaves a page it is told of as rendered, and then as filled in, to the request that names its parts', async () => {
		const source = modulePage(BODY);
		const dir = writeSite({ 'modules/m/index.html': source, 'embed/m/index.html': shell()(embedCopy(source)) });
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		// A worker running behind reads the embed page only after the engine has filled it in.
		early.page('modules/m/index.html');
		early.page('embed/m/index.html');
		early.page('embed/m/index.html', [{ source: 'modules/m/index.html', part: 'embed' }]);
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(2);
		expect(early.fromParts()).toBe(1);
		await early.stop();
	});

	it('keeps no part of a page let hold a refresh as a redirect page, or with a script named relative to its address', async () => {
		// Clean as a redirect page, whose one element of substance is the refresh; copied into an embed page, the refresh is not allowed.
		const redirecting = `<!doctype html><html><head><title>M</title></head><body>${SHARED_START}${BODY_START}<meta http-equiv="refresh" content="0;url=/elsewhere/">${BODY_END}${SHARED_END}</body></html>`;
		// From modules/r/, four folders up is the root, as from the embed page; from a deeper page it is not.
		const relative = modulePage('<p>Script</p><script type="module" src="../../../../_astro/a.js"></script>');
		const dir = writeSite({
			'modules/m/index.html': redirecting,
			'embed/m/index.html': shell()(embedCopy(redirecting)),
			'modules/r/index.html': relative,
			'embed/r/index.html': shell()(embedCopy(relative)),
		});
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		early.page('modules/m/index.html');
		early.page('modules/r/index.html');
		early.page('embed/m/index.html', [{ source: 'modules/m/index.html', part: 'embed' }]);
		early.page('embed/r/index.html', [{ source: 'modules/r/index.html', part: 'embed' }]);
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(3);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(early.parsed()).toBe(3);
		expect(early.fromParts()).toBe(0);
		await early.stop();
		const findings = scanOutput({ dir, allowedInlineScripts: allowed, routedPages: new Set(['modules/m/', 'embed/m/', 'modules/r/', 'embed/r/']) });
		expect(findings.map((finding) => [finding.file, finding.rule])).toEqual([['dist/embed/m/index.html', 'output-element']]);
	});

	it('parses whole, and flags, a page that puts a part where the parser reads it as SVG', async () => {
		// Inert in HTML, where a textarea's content is text; inside SVG the <img> leaves the SVG and runs its handler.
		const body = '<textarea><img src=x onerror=alert(1)></textarea><p>Notes</p>';
		const dir = writeSite({
			'modules/m/index.html': modulePage(body),
			'tracks/a/print/index.html': shell('<main><svg>{}</svg></main>')(body),
			'tracks/b/print/index.html': shell('<main><article>{}</article></main>')(body),
		});
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		early.page('modules/m/index.html');
		for (const track of ['a', 'b']) early.page(`tracks/${track}/print/index.html`, [{ source: 'modules/m/index.html', part: 'body' }]);
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(2);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(early.parsed()).toBe(2);
		expect(early.fromParts()).toBe(1);
		await early.stop();
		const findings = scanOutput({ dir, allowedInlineScripts: allowed, routedPages: new Set(['modules/m/', 'tracks/a/print/', 'tracks/b/print/']) });
		expect(findings.map((finding) => [finding.file, finding.rule])).toEqual([['dist/tracks/a/print/index.html', 'output-event-handler']]);
	});
});
