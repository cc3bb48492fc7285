import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleEmbeds, EMBED_BODY, SHARED_END, SHARED_START } from '../src/lib/embeds/assemble.ts';

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
