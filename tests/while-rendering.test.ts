import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliasPage } from '../src/lib/curriculum/redirects.ts';
import { assembleEmbeds, assemblePrintPages, BODY_END, BODY_START, EMBED_BODY, embedOfModulePage, fillEmbedEarly, fillPrintEarly, printBody, SHARED_END, SHARED_START } from '../src/lib/embeds/assemble.ts';
import { startPagesWhileRendering } from '../src/lib/pages/while-rendering.ts';
import type { PartOf } from '../src/lib/safety/html-parts.ts';
import { WRITTEN_AFTER_MS } from '../src/lib/safety/output-scan.ts';
import { pageListeners } from '../src/lib/safety/scan-middleware.ts';

const dists: string[] = [];
afterEach(() => {
	for (const dist of dists.splice(0)) rmSync(dist, { recursive: true, force: true });
});

/** An output folder in miniature, as Astro has written it so far. */
function output(files: Record<string, string>): string {
	const dist = mkdtempSync(join(tmpdir(), 'currents-while-rendering-'));
	dists.push(dist);
	write(dist, files);
	return dist;
}
function write(dist: string, files: Record<string, string>): void {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dist, path)), { recursive: true });
		writeFileSync(join(dist, path), text);
	}
}
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

const modulePage = (body: string) => `<html><nav>site</nav>${SHARED_START}${BODY_START}${body}${BODY_END}<section>quiz</section>${SHARED_END}</html>\n`;
const embedShell = `<html><h1>Title</h1>${EMBED_BODY}<footer>by</footer></html>\n`;
const printShell = (...ids: string[]) => `<html>${ids.map((id) => `<article>${printBody(id)}</article>`).join('')}</html>\n`;

/** What Astro's middleware does for each page it renders: tells every listener its address. */
const rendered = (pathname: string) => {
	for (const listener of pageListeners()) listener(pathname);
};

describe('finishing pages while Astro renders the others', () => {
	it('fills embed and print pages in as their module pages are written, writes the redirect pages, and tells the scan of each', async () => {
		const dist = output({
			// Astro renders the embed and print pages first, with placeholders.
			'embed/modules/a/v2/index.html': embedShell,
			'embed/modules/a/v1/index.html': embedShell,
			'tracks/t/print/index.html': printShell('a', 'b'),
		});
		// The scan hears of every page: as Astro renders it, and again as the engine finishes it.
		const told: string[] = [];
		/** The parts of module pages the engine says each page it finished copies. */
		const copies = new Map<string, readonly PartOf[] | undefined>();
		const scan = (pathname: string, parts?: readonly PartOf[]) => {
			told.push(pathname);
			copies.set(pathname, parts);
		};
		const times = (pathname: string) => told.filter((told) => told === pathname).length;
		pageListeners().add(scan);
		try {
			// Module a is at major 2 and has an archived major 1; b is a pre-release (no embed, but a print body).
			const work = startPagesWhileRendering({
				dist,
				base: '/',
				site: 'https://currents.example',
				currentMajors: new Map([
					['a', 2],
					['b', 0],
				]),
				aliases: [{ from: '/modules/a/v2/', to: '/modules/a/' }],
			});
			// Nothing is written while Astro still bundles, before its first page.
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(existsSync(join(dist, 'modules/a/v2/index.html'))).toBe(false);
			rendered('/tracks/t/print/');
			write(dist, { 'modules/a/index.html': modulePage('<p>a, major 2</p>'), 'modules/a/v1/index.html': modulePage('<p>a, major 1</p>') });
			rendered('/modules/a/');
			rendered('/modules/a/v1/');
			// The two fills run at once, and either may finish first.
			await expect.poll(() => told.filter((pathname) => pathname.startsWith('/embed/')).sort(), { timeout: 5000 }).toEqual(['/embed/modules/a/v1/', '/embed/modules/a/v2/']);
			expect(read(dist, 'embed/modules/a/v2/index.html')).toBe('<html><h1>Title</h1><p>a, major 2</p><section>quiz</section><footer>by</footer></html>\n');
			expect(read(dist, 'embed/modules/a/v1/index.html')).toBe('<html><h1>Title</h1><p>a, major 1</p><section>quiz</section><footer>by</footer></html>\n');
			// Each embed page copies the embed part of the module page of its major, so the scan need not parse it again.
			expect(copies.get('/embed/modules/a/v2/')).toEqual([{ source: 'modules/a/index.html', part: 'embed' }]);
			expect(copies.get('/embed/modules/a/v1/')).toEqual([{ source: 'modules/a/v1/index.html', part: 'embed' }]);
			// The print page waits for b.
			expect(read(dist, 'tracks/t/print/index.html')).toBe(printShell('a', 'b'));
			expect(times('/tracks/t/print/')).toBe(1);

			write(dist, { 'modules/b/index.html': modulePage('<p>b</p>') });
			rendered('/modules/b/');
			await expect.poll(() => times('/tracks/t/print/'), { timeout: 5000 }).toBe(2);
			expect(read(dist, 'tracks/t/print/index.html')).toBe('<html><article><p>a, major 2</p></article><article><p>b</p></article></html>\n');
			expect(copies.get('/tracks/t/print/')).toEqual([
				{ source: 'modules/a/index.html', part: 'body' },
				{ source: 'modules/b/index.html', part: 'body' },
			]);

			const report = await work.finish();
			expect(report).toMatchObject({ embeds: 2, prints: 1, aliases: 1 });
			expect([...report.filled].sort()).toEqual(['embed/modules/a/v1/index.html', 'embed/modules/a/v2/index.html', 'tracks/t/print/index.html']);
			expect(read(dist, 'modules/a/v2/index.html')).toBe(aliasPage('/modules/a/', 'https://currents.example'));
			expect(told).toContain('/modules/a/v2/');
			// Nothing is left for the steps after the render.
			expect(assembleEmbeds(dist, new Map([['a', 2]]))).toEqual({ pages: 0 });
			expect(assemblePrintPages(dist)).toEqual({ pages: 0 });
			// Once finished it listens no more.
			write(dist, { 'embed/modules/c/v1/index.html': embedShell, 'modules/c/index.html': modulePage('<p>c</p>') });
			rendered('/modules/c/');
			await new Promise((resolve) => setTimeout(resolve, 600));
			expect(read(dist, 'embed/modules/c/v1/index.html')).toBe(embedShell);
		} finally {
			pageListeners().delete(scan);
		}
	});

	it('finishes a page it is filling in before it says which pages it filled', async () => {
		const dist = output({ 'embed/modules/a/v1/index.html': embedShell, 'modules/a/index.html': modulePage('<p>a</p>') });
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const work = startPagesWhileRendering({ dist, base: '/', site: 'https://currents.example', currentMajors: new Map([['a', 1]]), aliases: [] });
			rendered('/modules/a/');
			// The module page is taken to be written: the embed page's files are being read as the build finishes.
			vi.advanceTimersByTime(WRITTEN_AFTER_MS);
			const report = await work.finish();
			expect(report).toMatchObject({ embeds: 1 });
			expect([...report.filled]).toEqual(['embed/modules/a/v1/index.html']);
			expect(read(dist, 'embed/modules/a/v1/index.html')).toBe('<html><h1>Title</h1><p>a</p><section>quiz</section><footer>by</footer></html>\n');
		} finally {
			vi.useRealTimers();
		}
	});

	it('reports a redirect page it could not write when the build waits for them', async () => {
		const dist = output({ modules: 'a file where a folder must be' });
		const work = startPagesWhileRendering({ dist, base: '/', site: 'https://currents.example', currentMajors: new Map(), aliases: [{ from: '/modules/a/v1/', to: '/modules/a/' }] });
		await expect(work.finish()).rejects.toThrow(/ENOTDIR|EEXIST/);
	});
});

describe('filling a page in early only when every file it takes is whole', () => {
	it('leaves an embed page to the step after the render when either file may still be being written', async () => {
		const dist = output({
			'embed/modules/a/v1/index.html': `<html><h1>Title</h1>${EMBED_BODY}<foo`,
			'modules/a/index.html': modulePage('<p>a</p>'),
			'embed/modules/b/v1/index.html': embedShell,
			'modules/b/index.html': `<html>${SHARED_START}<p>b, cut sh`,
		});
		expect(await fillEmbedEarly(dist, { embed: 'embed/modules/a/v1/index.html', source: 'modules/a/index.html' })).toBe(false);
		expect(await fillEmbedEarly(dist, { embed: 'embed/modules/b/v1/index.html', source: 'modules/b/index.html' })).toBe(false);
		expect(await fillEmbedEarly(dist, { embed: 'embed/modules/c/v1/index.html', source: 'modules/c/index.html' })).toBe(false);
		expect(read(dist, 'embed/modules/b/v1/index.html')).toBe(embedShell);
	});

	it('leaves a print page whole or not at all', async () => {
		const dist = output({ 'tracks/t/print/index.html': printShell('a', 'b'), 'modules/a/index.html': modulePage('<p>a</p>') });
		expect(await fillPrintEarly(dist, 'tracks/t/print/index.html')).toBe(false);
		expect(read(dist, 'tracks/t/print/index.html')).toBe(printShell('a', 'b'));
	});

	it("maps a module page to its embed: the current major's, an archived major's, none for a pre-release or a redirect page", () => {
		const majors = new Map([
			['a', 3],
			['b', 0],
		]);
		expect(embedOfModulePage('modules/a/index.html', majors)).toEqual({ embed: 'embed/modules/a/v3/index.html', source: 'modules/a/index.html' });
		expect(embedOfModulePage('modules/a/v2/index.html', majors)).toEqual({ embed: 'embed/modules/a/v2/index.html', source: 'modules/a/v2/index.html' });
		// The current major's permanent address holds a redirect page, not a module page.
		expect(embedOfModulePage('modules/a/v3/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('modules/b/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('fi/modules/a/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('modules/unknown/index.html', majors)).toBeUndefined();
	});
});
