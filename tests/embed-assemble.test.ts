import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleEmbeds, assemblePrintPages, BODY_END, BODY_START, EMBED_BODY, printBody, SHARED_END, SHARED_START, SHELL_MAIN, SHELLS_END, SHELLS_HEAD, SHELLS_PAGE, shellStart } from '../src/lib/embeds/assemble.ts';

/** A built site in miniature: the files the step reads and writes, by their paths in `dist/`. */
function site(files: Record<string, string>): string {
	const dist = mkdtempSync(join(tmpdir(), 'currents-embeds-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dist, path)), { recursive: true });
		writeFileSync(join(dist, path), text);
	}
	dists.push(dist);
	return dist;
}
const dists: string[] = [];
afterEach(() => {
	for (const dist of dists.splice(0)) rmSync(dist, { recursive: true, force: true });
});
const modulePage = (body: string) => `<html><nav>site</nav>${SHARED_START}${body}${SHARED_END}<aside>sources</aside></html>`;
/** The page of the embed pages' own parts, as Astro renders it in a build (src/routes/EmbedShells.astro). */
const shellsPage = (...paths: string[]) =>
	`<html><head>${SHELLS_HEAD}<link rel="stylesheet" href="/e.css"></head><body>${paths.map((path) => `${shellStart(path)}<title>${path}</title>${SHELL_MAIN}<main><h1>Title</h1>${EMBED_BODY}<footer>by</footer></main>`).join('')}${SHELLS_END}</body></html>`;
/** The embed page at `path`, with `body` where the module page's part goes. */
const embedPage = (path: string, body: string) => `<html><head><title>${path}</title><link rel="stylesheet" href="/e.css"></head><body><main><h1>Title</h1>${body}<footer>by</footer></main></body></html>`;
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

describe('assembling embed pages from their parts and built module pages', () => {
	it('writes each embed with its major: the canonical page for the current one, the archived page for an earlier one', () => {
		const dist = site({
			'modules/a/index.html': modulePage('<p>major 2</p>'),
			'modules/a/v1/index.html': modulePage('<p>major 1</p>'),
			[SHELLS_PAGE]: shellsPage('a/v2', 'a/v1'),
		});
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 2, files: ['embed/modules/a/v2/index.html', 'embed/modules/a/v1/index.html'], unchanged: [] });
		expect(read(dist, 'embed/modules/a/v2/index.html')).toBe(embedPage('a/v2', '<p>major 2</p>'));
		expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>major 1</p>'));
		// The page of the parts is not part of the site.
		expect(existsSync(join(dist, 'embed/shells'))).toBe(false);
		// Run again on the same output, there are no parts to write from and nothing changes.
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 0, files: [], unchanged: [] });
		expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>major 1</p>'));
	});

	it('leaves an embed page the last build wrote as it is when it would write the same, and writes a changed one', () => {
		const dist = site({
			'modules/a/index.html': modulePage('<p>major 2</p>'),
			'modules/a/v1/index.html': modulePage('<p>major 1, corrected</p>'),
			'embed/modules/a/v2/index.html': embedPage('a/v2', '<p>major 2</p>'),
			'embed/modules/a/v1/index.html': embedPage('a/v1', '<p>major 1</p>'),
			[SHELLS_PAGE]: shellsPage('a/v2', 'a/v1'),
		});
		const before = statSync(join(dist, 'embed/modules/a/v2/index.html'));
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 2, files: ['embed/modules/a/v2/index.html', 'embed/modules/a/v1/index.html'], unchanged: ['embed/modules/a/v2/index.html'] });
		// The same file, not written again: the build keeps it as a page it did not have to write.
		const after = statSync(join(dist, 'embed/modules/a/v2/index.html'));
		expect([after.ino, after.ctimeMs]).toEqual([before.ino, before.ctimeMs]);
		expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>major 1, corrected</p>'));
	});

	it('passes over a page named as done without reading its module page', () => {
		const dist = site({ 'modules/a/index.html': modulePage('<p>major 2</p>'), [SHELLS_PAGE]: shellsPage('a/v2', 'a/v1') });
		expect(assembleEmbeds(dist, new Map([['a', 2]]), new Set(['embed/modules/a/v1/index.html']))).toEqual({ pages: 1, files: ['embed/modules/a/v2/index.html', 'embed/modules/a/v1/index.html'], unchanged: [] });
		expect(existsSync(join(dist, 'embed/modules/a/v1/index.html'))).toBe(false);
	});

	it('names the embed and the module page when the module page has no marked body', () => {
		const dist = site({ 'modules/a/index.html': '<html><p>no markers</p></html>', [SHELLS_PAGE]: shellsPage('a/v1') });
		expect(() => assembleEmbeds(dist, new Map([['a', 1]]))).toThrow(/embed\/modules\/a\/v1\/ takes its body from .*modules\/a\/index\.html, which does not mark its body/);
		expect(existsSync(join(dist, 'embed/modules/a/v1/index.html'))).toBe(false);
	});

	it('says so when the module page of an embed was not built', () => {
		const dist = site({ [SHELLS_PAGE]: shellsPage('gone/v3') });
		expect(() => assembleEmbeds(dist, new Map())).toThrow(/modules\/gone\/v3\/index\.html, which was not built/);
	});

	it('refuses a page of parts that is cut short, and says which page and what to do', () => {
		const dist = site({ 'modules/a/index.html': modulePage('<p>a</p>'), [SHELLS_PAGE]: shellsPage('a/v1').replace(SHELLS_END, '') });
		expect(() => assembleEmbeds(dist, new Map([['a', 1]]))).toThrow(/embed\/shells\/index\.html, the page of the embed pages' own parts, is cut short or lacks a marker\. Build again/);
	});
});

describe('assembling track print pages from built module pages', () => {
	const withBody = (body: string, check = '<section>quiz</section>') => `<html><nav>site</nav>${SHARED_START}${BODY_START}${body}${BODY_END}${check}${SHARED_END}<aside>sources</aside></html>`;
	const printPage = (...ids: string[]) => `<html><h1>Track</h1>${ids.map((id) => `<article><h2>${id}</h2>${printBody(id)}<ol>questions</ol></article>`).join('')}</html>`;

	it("fills each module's place with its body alone, from its current page, in every track that holds it", () => {
		const dist = site({
			'modules/a/index.html': withBody('<h2 id="why">Why</h2><p>body of a</p>'),
			'modules/a/v1/index.html': withBody('<p>old body of a</p>'),
			'modules/b/index.html': withBody('<p>body of b</p>'),
			'tracks/one/print/index.html': printPage('a', 'b'),
			'tracks/two/print/index.html': printPage('b', 'a'),
			'tracks/one/index.html': '<html>track page</html>',
		});
		expect(assemblePrintPages(dist)).toEqual({ pages: 2 });
		expect(readFileSync(join(dist, 'tracks/one/print/index.html'), 'utf8')).toBe(
			'<html><h1>Track</h1><article><h2>a</h2><h3 id="a/why">Why</h3><p>body of a</p><ol>questions</ol></article><article><h2>b</h2><p>body of b</p><ol>questions</ol></article></html>'
		);
		// Its headings a level below the module's title, its ids its own (print-body.ts).
		expect(readFileSync(join(dist, 'tracks/two/print/index.html'), 'utf8')).toBe(
			'<html><h1>Track</h1><article><h2>b</h2><p>body of b</p><ol>questions</ol></article><article><h2>a</h2><h3 id="a/why">Why</h3><p>body of a</p><ol>questions</ol></article></html>'
		);
		expect(assemblePrintPages(dist)).toEqual({ pages: 0 });
		writeFileSync(join(dist, 'tracks/two/print/index.html'), printPage('a'));
		expect(assemblePrintPages(dist, new Set(['tracks/two/print/index.html']))).toEqual({ pages: 0 });
		expect(assemblePrintPages(dist)).toEqual({ pages: 1 });
	});

	it("an embed takes the body and knowledge check without the body's own markers", () => {
		const dist = site({ 'modules/a/index.html': withBody('<p>body</p>'), [SHELLS_PAGE]: shellsPage('a/v1') });
		assembleEmbeds(dist, new Map([['a', 1]]));
		expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>body</p><section>quiz</section>'));
	});

	it('names the print page and the module page when the body is not marked or the page was not built', () => {
		const unmarked = site({ 'modules/a/index.html': modulePage('<p>no body markers</p>'), 'tracks/one/print/index.html': printPage('a') });
		expect(() => assemblePrintPages(unmarked)).toThrow(/print page tracks\/one\/print\/ takes its body from .*modules\/a\/index\.html, which does not mark its body/);
		expect(readFileSync(join(unmarked, 'tracks/one/print/index.html'), 'utf8')).toBe(printPage('a'));
		const missing = site({ 'tracks/one/print/index.html': printPage('gone') });
		expect(() => assemblePrintPages(missing)).toThrow(/modules\/gone\/index\.html, which was not built/);
	});

	it('refuses a placeholder that names no module id rather than read outside the modules', () => {
		const dist = site({ 'tracks/one/print/index.html': `<html>${printBody('../../secret')}</html>` });
		expect(() => assemblePrintPages(dist)).toThrow(/asks for the body of "..\/..\/secret", which is not a module id/);
	});
});
