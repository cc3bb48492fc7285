import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleEmbeds, assemblePrintPages, BODY_END, BODY_START, EMBED_BODY, printBody, SHARED_END, SHARED_START } from '../src/lib/embeds/assemble.ts';

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
const embedPage = `<html><h1>Title</h1>${EMBED_BODY}<footer>by</footer></html>`;

describe('assembling embed pages from built module pages', () => {
	it('fills each embed with its major: the canonical page for the current one, the archived page for an earlier one', () => {
		const dist = site({
			'modules/a/index.html': modulePage('<p>major 2</p>'),
			'modules/a/v1/index.html': modulePage('<p>major 1</p>'),
			'embed/modules/a/v2/index.html': embedPage,
			'embed/modules/a/v1/index.html': embedPage,
		});
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 2 });
		expect(readFileSync(join(dist, 'embed/modules/a/v2/index.html'), 'utf8')).toBe('<html><h1>Title</h1><p>major 2</p><footer>by</footer></html>');
		expect(readFileSync(join(dist, 'embed/modules/a/v1/index.html'), 'utf8')).toBe('<html><h1>Title</h1><p>major 1</p><footer>by</footer></html>');
		// Run again on the same output, nothing is left to fill and nothing changes.
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 0 });
		// A page named as done is passed over without being read, placeholder or not.
		writeFileSync(join(dist, 'embed/modules/a/v1/index.html'), embedPage);
		expect(assembleEmbeds(dist, new Map([['a', 2]]), new Set(['embed/modules/a/v1/index.html']))).toEqual({ pages: 0 });
		expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 1 });
	});

	it('names the embed and the module page when the module page has no marked body, and leaves the embed as it was', () => {
		const dist = site({ 'modules/a/index.html': '<html><p>no markers</p></html>', 'embed/modules/a/v1/index.html': embedPage });
		expect(() => assembleEmbeds(dist, new Map([['a', 1]]))).toThrow(/embed\/modules\/a\/v1\/ takes its body from .*modules\/a\/index\.html, which does not mark its body/);
		expect(readFileSync(join(dist, 'embed/modules/a/v1/index.html'), 'utf8')).toBe(embedPage);
	});

	it('says so when the module page of an embed was not built', () => {
		const dist = site({ 'embed/modules/gone/v3/index.html': embedPage });
		expect(() => assembleEmbeds(dist, new Map())).toThrow(/modules\/gone\/v3\/index\.html, which was not built/);
	});
});

describe('assembling track print pages from built module pages', () => {
	const withBody = (body: string, check = '<section>quiz</section>') => `<html><nav>site</nav>${SHARED_START}${BODY_START}${body}${BODY_END}${check}${SHARED_END}<aside>sources</aside></html>`;
	const printPage = (...ids: string[]) => `<html><h1>Track</h1>${ids.map((id) => `<article><h2>${id}</h2>${printBody(id)}<ol>questions</ol></article>`).join('')}</html>`;

	it("fills each module's place with its body alone, from its current page, in every track that holds it", () => {
		const dist = site({
			'modules/a/index.html': withBody('<p>body of a</p>'),
			'modules/a/v1/index.html': withBody('<p>old body of a</p>'),
			'modules/b/index.html': withBody('<p>body of b</p>'),
			'tracks/one/print/index.html': printPage('a', 'b'),
			'tracks/two/print/index.html': printPage('b', 'a'),
			'tracks/one/index.html': '<html>track page</html>',
		});
		expect(assemblePrintPages(dist)).toEqual({ pages: 2 });
		expect(readFileSync(join(dist, 'tracks/one/print/index.html'), 'utf8')).toBe(
			'<html><h1>Track</h1><article><h2>a</h2><p>body of a</p><ol>questions</ol></article><article><h2>b</h2><p>body of b</p><ol>questions</ol></article></html>'
		);
		expect(readFileSync(join(dist, 'tracks/two/print/index.html'), 'utf8')).toBe(
			'<html><h1>Track</h1><article><h2>b</h2><p>body of b</p><ol>questions</ol></article><article><h2>a</h2><p>body of a</p><ol>questions</ol></article></html>'
		);
		expect(assemblePrintPages(dist)).toEqual({ pages: 0 });
		writeFileSync(join(dist, 'tracks/two/print/index.html'), printPage('a'));
		expect(assemblePrintPages(dist, new Set(['tracks/two/print/index.html']))).toEqual({ pages: 0 });
		expect(assemblePrintPages(dist)).toEqual({ pages: 1 });
	});

	it("an embed takes the body and knowledge check without the body's own markers", () => {
		const dist = site({ 'modules/a/index.html': withBody('<p>body</p>'), 'embed/modules/a/v1/index.html': embedPage });
		assembleEmbeds(dist, new Map([['a', 1]]));
		expect(readFileSync(join(dist, 'embed/modules/a/v1/index.html'), 'utf8')).toBe('<html><h1>Title</h1><p>body</p><section>quiz</section><footer>by</footer></html>');
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
