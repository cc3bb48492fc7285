import { parseAtomFeed } from 'feedsmith';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteCertificateText } from '../src/lib/cards/browser-assets.ts';
import { BODY_END, BODY_START, EMBED_BODY, SHARED_END, SHARED_START } from '../src/lib/embeds/assemble.ts';
import { printedBody } from '../src/lib/embeds/print-body.ts';
import { CONTENT_COMPONENTS } from '../src/lib/safety/components.ts';
import { INLINE_SCRIPTS } from '../src/lib/safety/inline-scripts.ts';
import { inlineScriptHash } from '../src/lib/safety/output-scan.ts';
import { indexedPart } from '../src/lib/search/index-step.ts';
import { netlifyHeaders } from '../scripts/lib/static-server.ts';
import { sharedBuild, TMP, type Build } from './utils.ts';

/** The tea fixture: three modules, one archived major, one review due, one pending update. */
describe('building the valid-course fixture', () => {
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('valid-course');
		if (build.status !== 0) throw new Error(`The fixture build failed:\n${build.output}`);
	});

	it('does not warn about the folders a curriculum may leave out, which this one has none of: free pages, translations', () => {
		expect(build.output.split('\n').filter((line) => line.includes('[glob-loader]'))).toEqual([]);
		// Nor of the collections they leave empty, which Astro would name on every build.
		expect(build.output.split('\n').filter((line) => line.includes('does not exist or is empty'))).toEqual([]);
	});

	it('holds exactly the inline scripts the output scan and the security policy allow, and scanned them', () => {
		const found = new Set<string>();
		const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
		for (const page of pages) {
			const stack = [...parse(build.read(page)).childNodes];
			while (stack.length > 0) {
				const node = stack.pop()!;
				if ('tagName' in node && node.tagName === 'script' && !node.attrs.some((attr) => attr.name === 'src')) {
					const text = node.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
					found.add(inlineScriptHash(text));
				}
				if ('childNodes' in node) stack.push(...node.childNodes);
			}
		}
		// A Starlight upgrade that changes one of its inline scripts fails here first: update INLINE_SCRIPTS.
		expect([...found].sort()).toEqual([...INLINE_SCRIPTS.keys()].sort());
		expect(build.output).toMatch(/Scanned the built site for script in \d+ ms/);
	});

	it('says how many pages the scan parsed while Astro rendered, and how many of those apart from the parts they copy', () => {
		// How many depends on timing (a page filled in after the render is scanned then, whole); that the
		// scan checks filled-in pages from their parts is tested in tests/page-parts.test.ts and while-rendering.test.ts.
		const [, early, fromParts] = /\((\d+) pages were parsed while the others rendered, (\d+) of them apart from the parts/.exec(build.output) ?? [];
		expect(early).toMatch(/^\d+$/);
		expect(Number(fromParts)).toBeLessThanOrEqual(Number(early));
	});

	it('writes every route: home, track, modules, permalinks, archive, updates, what’s new, feed, sitemap', () => {
		for (const path of [
			'index.html',
			'tracks/tea-foundations/index.html',
			'modules/brewing-basics/index.html',
			'modules/brewing-basics/v2/index.html',
			'modules/brewing-basics/v1/index.html',
			'modules/water-temperature/index.html',
			'modules/water-temperature/v1/index.html',
			'updates/2026-11-10-kettle-presets/index.html',
			'updates/2026-10-20-teapot-infuser/index.html',
			'whats-new/index.html',
			'contributing/fields/index.html',
			'feed.xml',
			'sitemap-index.xml',
			'pagefind/pagefind.js',
		]) {
			expect(build.exists(path), path).toBe(true);
		}
	});

	it('gives every module, track and update page a share card that exists, 1200×630', () => {
		for (const page of ['modules/brewing-basics/index.html', 'modules/brewing-basics/v1/index.html', 'tracks/tea-foundations/index.html', 'updates/2026-11-10-kettle-presets/index.html']) {
			const image = /<meta property="og:image" content="https:\/\/steeped\.example\.org(\/cards\/[^"]+\.png)"/.exec(build.read(page))?.[1];
			expect(image, page).toBeDefined();
			expect(build.read(page)).toContain('<meta name="twitter:card" content="summary_large_image"');
			const png = readFileSync(join(build.outDir, image!));
			expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
		}
		expect(build.output).toMatch(/Share cards: rendered \d+, reused \d+/);
	});

	it('ships the bold certificate fonts of every script a name may use, and regular ones only for what its certificates say', () => {
		const files = (family: string, weight: number) =>
			readdirSync(join(build.outDir, 'certificate-assets', '@fontsource', family, 'files')).filter((file) => file.endsWith(`-${weight}-normal.woff2`));
		for (const family of ['noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr']) {
			expect(files(family, 700).length, family).toBeGreaterThan(90);
			// The fixture's track titles, module titles and certificate words have no Chinese, Japanese or Korean.
			expect(files(family, 400), family).toEqual([]);
		}
		expect(files('noto-sans', 400)).toContain('noto-sans-latin-400-normal.woff2');
		// Each character the certificates can say in regular weight, once.
		const said = siteCertificateText(build.outDir, ['']);
		expect(said.length).toBeLessThan(400);
		for (const character of 'Tea Foundations, Brewing basics: Completed on January 17, 2026') expect(said).toContain(character);
	});

	it('names the licence with a link on every page', () => {
		for (const page of ['index.html', 'modules/brewing-basics/index.html', 'tracks/tea-foundations/index.html', 'whats-new/index.html']) {
			expect(build.read(page), page).toMatch(/data-license[^>]*>[^<]*<a href="https:\/\/github.com\/example\/steeped"[^]*?<a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/" rel="license"[^>]*>Creative Commons Attribution 4.0 International<\/a>/);
		}
	});

	it('writes the Common Cartridges the track page offers instructors', () => {
		const track = build.read('tracks/tea-foundations/index.html');
		for (const href of ['/downloads/tracks/tea-foundations.imscc', '/downloads/tracks/tea-foundations.links.imscc', '/tracks/tea-foundations/syllabus/', '/tracks/tea-foundations/print/']) {
			expect(track).toContain(`href="${href}"`);
			expect(build.exists(href.endsWith('/') ? `${href.slice(1)}index.html` : href.slice(1)), href).toBe(true);
		}
	});

	it('cites the track for instructors in APA 7 and BibTeX, dated by the newest release of its modules', () => {
		const cite = /<li id="cite">([^]*?)<\/li>/.exec(build.read('tracks/tea-foundations/index.html'))?.[1];
		// Brewing basics 2.1.0, of 2026-11-01, is the newest; Water temperature credits Ada Example.
		expect(cite).toContain(
			'<span data-cite-apa>Example, A. (2026, November 1). <i>Tea foundations</i> [Online course]. Steeped. <a href="https://steeped.example.org/tracks/tea-foundations/">https://steeped.example.org/tracks/tea-foundations/</a></span>'
		);
		expect(cite).toMatch(/<summary>BibTeX<\/summary>\s*<pre><code data-cite-bibtex>@misc\{steeped-tea-foundations-2026-11-01,\n[^<]*  howpublished = \{Online course, Steeped\},\n[^<]*  note         = \{Modules as of 2026-11-01\},\n\}<\/code><\/pre>/);
	});

	it('renders the module header, body components and knowledge check as static HTML', () => {
		const html = build.read('modules/brewing-basics/index.html');
		expect(html).toContain('data-module-version="2.1.0"');
		expect(html).toMatch(/<dt>Level<\/dt><dd[^>]*>Beginner<\/dd>/);
		expect(html).toContain('Adjust steeping time to taste.');
		expect(html).toMatch(/Take first:.*href="\/modules\/water-temperature\/"/s);
		expect(html).toContain('Worked example (hypothetical)');
		expect(html).toContain('Deliverable:</strong> A note of leaf, time and taste');
		expect(html).toContain('id="knowledge-check"');
		expect(html).toContain('A pot tastes bitter. What do you change first?');
		expect(html).toMatch(/<strong[^>]*>Right\.<\/strong> Bitterness comes out with time\./);
		expect(html).toContain('href="https://example.org/brewing"');
		expect(html).toMatch(/<strong>2\.0\.0<\/strong>.*Major revision/s);
	});

	it('makes the current page canonical, and shows it at the current major\'s permalink without rendering it twice', () => {
		expect(build.read('modules/brewing-basics/index.html')).toContain('<link rel="canonical" href="https://steeped.example.org/modules/brewing-basics/"/>');
		// An archived major is a page of its own, with its own outcomes, which courses cite by its address.
		expect(build.read('modules/brewing-basics/v1/index.html')).toContain('<link rel="canonical" href="https://steeped.example.org/modules/brewing-basics/v1/"/>');
		// Netlify rewrites the permalink to the page, keeping the address; the `!` wins over the file below.
		expect(build.read('_redirects').split('\n')).toContain('/modules/brewing-basics/v2/  /modules/brewing-basics/  200!');
		expect(build.read('_redirects').split('\n')).toContain('/modules/water-temperature/v1/  /modules/water-temperature/  200!');
		// Any other host, `astro preview` included, gets a small redirect page there instead of a second render.
		const alias = build.read('modules/brewing-basics/v2/index.html');
		expect(alias).toContain('<meta http-equiv="refresh" content="0;url=/modules/brewing-basics/">');
		expect(alias).toContain('<link rel="canonical" href="https://steeped.example.org/modules/brewing-basics/">');
		expect(alias.length).toBeLessThan(1000);
		expect(alias).not.toContain('data-pagefind-body');
		expect(build.read('sitemap-0.xml')).not.toContain('/modules/brewing-basics/v2/');
	});

	it('serves the archived major with a banner that links the current version, out of search', () => {
		const html = build.read('modules/brewing-basics/v1/index.html');
		expect(html).toContain('You are reading version 1.0.0, an earlier major version');
		expect(html).toContain('Squeeze the bag to get the most out of it.');
		expect(html).toMatch(/The current version is\s*<a href="\/modules\/brewing-basics\/">2\.1\.0<\/a>/);
		expect(html).not.toContain('data-pagefind-body');
		expect(build.read('modules/brewing-basics/index.html')).toContain('href="/modules/brewing-basics/v1/"');
	});

	it('says "review due" only on the module whose review is overdue', () => {
		expect(build.read('modules/water-temperature/index.html')).toContain('Review due');
		expect(build.read('modules/brewing-basics/index.html')).not.toContain('Review due');
	});

	it('shows a pending platform change on the modules it affects, linking the update', () => {
		for (const id of ['water-temperature', 'serving']) {
			const html = build.read(`modules/${id}/index.html`);
			expect(html).toContain('A platform change is pending');
			expect(html).toContain('href="/updates/2026-11-10-kettle-presets/"');
		}
		// The incorporated update no longer marks the module it affected.
		expect(build.read('modules/brewing-basics/index.html')).not.toContain('A platform change is pending');
	});

	it('lists tracks with module counts and total time on the home page', () => {
		const html = build.read('index.html');
		expect(html).toMatch(/data-track-card="tea-foundations".*3 modules.*1 h 5 min/s);
		expect(html).toContain('Recently updated');
	});

	it('shows the current track in the sidebar, with a link to every track', () => {
		const inModule = sidebarLinks(build.read('modules/serving/index.html'));
		expect(inModule).toEqual(['/', '/whats-new/', '/tracks/tea-foundations/', '/modules/water-temperature/', '/modules/brewing-basics/', '/modules/serving/', '/#tracks']);
		expect(build.read('index.html')).toContain('<h2 id="tracks">');
		// Outside a track, the sidebar names the tracks but none of their modules.
		expect(sidebarLinks(build.read('whats-new/index.html'))).toEqual(['/', '/whats-new/', '/tracks/tea-foundations/']);
	});

	it('links "Edit page" and "Report a platform change" from every page', () => {
		for (const page of ['modules/serving/index.html', 'tracks/tea-foundations/index.html', 'updates/2026-11-10-kettle-presets/index.html', 'whats-new/index.html']) {
			expect(build.read(page), page).toContain('href="https://github.com/example/steeped/issues/new?template=platform-change.yml');
			expect(build.read(page), page).toContain('has missed? <a href=');
		}
		const module = build.read('modules/serving/index.html');
		expect(module).toContain('href="https://github.com/example/steeped/edit/main/content/modules/serving.mdx"');
		expect(module).toContain('issues/new?template=platform-change.yml&amp;module=serving&amp;title=Platform+change%3A+Serving');
	});

	it('gives each embed the body and knowledge check of its own major, rendered once on the module page', () => {
		// What the markers enclose, without the inner pair that marks the body alone for the print page.
		const between = (html: string) => html.slice(html.indexOf(SHARED_START) + SHARED_START.length, html.lastIndexOf(SHARED_END)).replace(BODY_START, '').replace(BODY_END, '');
		const current = build.read('embed/modules/brewing-basics/v2/index.html');
		const archived = build.read('embed/modules/brewing-basics/v1/index.html');
		// The current major's embed takes the canonical page's body, an earlier major's its archived page's.
		expect(current).toContain(between(build.read('modules/brewing-basics/index.html')));
		expect(archived).toContain(between(build.read('modules/brewing-basics/v1/index.html')));
		expect(between(build.read('modules/brewing-basics/index.html'))).not.toBe(between(build.read('modules/brewing-basics/v1/index.html')));
		// What the embed adds around the body is still there: its header and attribution. Major 1 had no knowledge check.
		expect(current).toMatch(/<h2 id="outcomes">[^]*<section class="currents-quiz"[^]*<footer class="currents-embed__attribution">/);
		expect(archived).toMatch(/<h2 id="outcomes">[^]*<footer class="currents-embed__attribution">/);
		// Which module to take first, as on the module page, at the permanent address a course links.
		expect(current).toMatch(/<strong>Take first:<\/strong>\s*<a href="https:\/\/steeped\.example\.org\/modules\/water-temperature\/v1\/"[^>]*>Water temperature<\/a>/);
		// A course's students can follow the module's sources from the embed, as from its page.
		expect(current).toMatch(/<section class="currents-sources"[^]*href="https:\/\/example\.org\/brewing"[^]*<footer class="currents-embed__attribution">/);
		for (const page of [current, archived]) expect(page).not.toContain(EMBED_BODY);
		// The copied body and knowledge check are styled: the embed page links the stylesheets of the
		// knowledge check and of the content components, as the module page does (the page of the embeds'
		// parts, src/routes/EmbedShells.astro, must import them though it renders neither).
		const head = current.slice(0, current.indexOf('</head>'));
		const styles = [...head.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((match) => build.read(match[1]!)).join('\n');
		expect(styles).toContain('.currents-quiz');
		expect(styles).toContain('.sl-steps');
		expect(styles).toContain('.currents-embed');
	});

	it("prints each module of a track with the body of its current page, rendered once on the module page", () => {
		const print = build.read('tracks/tea-foundations/print/index.html');
		const body = (id: string) => {
			const html = build.read(`modules/${id}/index.html`);
			return html.slice(html.indexOf(BODY_START) + BODY_START.length, html.lastIndexOf(BODY_END));
		};
		const ids = [...print.matchAll(/<article[^>]*aria-labelledby="module-([\w-]+)"/g)].map((match) => match[1]!);
		expect(ids.length).toBeGreaterThan(1);
		for (const id of ids) {
			// The body alone: not the module page's knowledge check, whose questions the print page lists itself.
			expect(body(id), id).not.toContain('currents-quiz');
			expect(body(id), id).toMatch(/<h2 id="[^"]+">[^]*<p>/);
			// Its headings a level below the module's title, its ids the module's own (print-body.ts).
			expect(print, id).toContain(printedBody(body(id), id));
		}
		expect(print).not.toContain('currents:print-body');
		const headings = [...print.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
		expect(headings.filter((level, i) => i > 0 && level > headings[i - 1]! + 1), 'no heading skips a level').toEqual([]);
		const pageIds = [...print.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
		expect(pageIds.filter((id, i) => pageIds.indexOf(id) !== i), 'no id twice').toEqual([]);
		// The embed takes the same body without the markers that delimit it.
		expect(build.read('embed/modules/serving/v1/index.html')).not.toContain(BODY_START);
	});

	it("offers an archived major's own embed on its page, and no edit link, since archives are frozen", () => {
		const archived = build.read('modules/brewing-basics/v1/index.html');
		expect(archived).toContain('<h2 id="embed-or-cite">Embed or cite</h2>');
		expect(archived).toMatch(/data-embed-snippet>[^<]*https:\/\/steeped\.example\.org\/embed\/modules\/brewing-basics\/v1\//);
		expect(archived).not.toContain('/edit/');
		// The current page keeps its edit link.
		expect(build.read('modules/brewing-basics/index.html')).toContain('/edit/main/content/modules/brewing-basics.mdx');
	});

	it('lists on the rule pages about components every component a module may use, with its props', () => {
		for (const rule of ['unknown-component', 'unknown-prop']) {
			const page = build.read(`contributing/rules/${rule}/index.html`);
			for (const [name, spec] of Object.entries(CONTENT_COMPONENTS)) {
				expect(page, `${rule} ${name}`).toContain(`<code>&lt;${name}&gt;</code>`);
				for (const prop of Object.keys(spec.props)) expect(page, `${rule} ${name} ${prop}`).toContain(`<code>${prop}</code>`);
			}
		}
		expect(build.read('contributing/rules/no-esm/index.html')).not.toContain('id="components"');
	});

	it('redirects a renamed module on Netlify and on any static host', () => {
		expect(build.read('_redirects')).toContain('/modules/old-serving/*  /modules/serving/:splat  301!');
		expect(build.read('modules/old-serving/index.html')).toContain('/modules/serving/');
	});

	it('advertises an Atom feed that a feed parser reads, newest first', () => {
		expect(build.read('index.html')).toContain('<link rel="alternate" type="application/atom+xml"');
		const feed = parseAtomFeed(build.read('feed.xml'));
		expect(feed.title).toEqual({ value: "Steeped: what's new" });
		const titles = feed.entries?.map((entry) => entry.title?.value);
		expect(titles?.slice(0, 3)).toEqual(['Kettles gain temperature presets', 'Brewing basics 2.1.0', 'Teapots now ship with infusers']);
		const archived = feed.entries?.find((entry) => entry.title?.value === 'Brewing basics 1.0.0');
		expect(archived?.links?.[0]?.href).toBe('https://steeped.example.org/modules/brewing-basics/v1/');
		expect(new Set(feed.entries?.map((entry) => entry.id)).size).toBe(feed.entries?.length);
	});

	it('has Netlify serve every feed it writes as Atom, the site\'s and each track\'s, in every language', () => {
		const feeds = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('feed.xml'));
		expect(feeds).toEqual(expect.arrayContaining(['feed.xml', 'tracks/tea-foundations/feed.xml']));
		for (const file of feeds) expect(netlifyHeaders(`/${file}`)['Content-Type'], file).toBe('application/atom+xml; charset=utf-8');
	});

	it('has the search index Pagefind makes of the whole pages, though Pagefind was given only their searchable part', async () => {
		const indexed = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.html') && !/^(_astro|pagefind|certificate-assets)\//.test(file))
			.filter((file) => build.read(file).includes('data-pagefind-body'))
			.sort();
		// The module pages were given without their navigation, table of contents and footer.
		const cut = indexed.filter((file) => indexedPart(build.read(file)).length < build.read(file).length);
		expect(cut).toContain('modules/brewing-basics/index.html');
		const whole = mkdtempSync(join(TMP, 'pagefind-whole-'));
		try {
			const { index } = await pagefind.createIndex();
			for (const file of indexed) await index!.addHTMLFile({ sourcePath: file, content: build.read(file) });
			await index!.writeFiles({ outputPath: whole });
			await pagefind.close();
			const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('.')).sort();
			expect(files(join(build.outDir, 'pagefind'))).toEqual(files(whole));
			for (const file of files(whole)) expect(readFileSync(join(build.outDir, 'pagefind', file)).equals(readFileSync(join(whole, file))), file).toBe(true);
		} finally {
			rmSync(whole, { recursive: true, force: true });
		}
	});
});

/** The links in Starlight's sidebar, in order. */
function sidebarLinks(html: string): string[] {
	const start = html.indexOf('id="starlight__sidebar"');
	const end = html.indexOf('</nav>', start);
	return [...html.slice(start, end).matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!);
}
