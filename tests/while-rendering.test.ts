import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliasPage } from '../src/lib/curriculum/redirects.ts';
import { assembleEmbeds, assemblePrintPages, BODY_END, BODY_START, EMBED_BODY, embedOfModulePage, fillEmbedEarly, fillPrintEarly, printBody, SHARED_END, SHARED_START, SHELL_MAIN, SHELLS_END, SHELLS_HEAD, SHELLS_PAGE, shellsOf, shellStart } from '../src/lib/embeds/assemble.ts';
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
/** The page of the embed pages' own parts, as Astro renders it in a build (src/routes/EmbedShells.astro). */
const shellsPage = (...paths: string[]) =>
	`<html><head>${SHELLS_HEAD}<link rel="icon"></head><body>${paths.map((path) => `${shellStart(path)}<title>${path}</title>${SHELL_MAIN}<main><h1>Title</h1>${EMBED_BODY}<footer>by</footer></main>`).join('')}${SHELLS_END}<script src="e.js"></script></body></html>\n`;
/** The embed page at `path` written from that page, with `body` in its placeholder. */
const embedPage = (path: string, body: string) => `<html><head><title>${path}</title><link rel="icon"></head><body><main><h1>Title</h1>${body}<footer>by</footer></main><script src="e.js"></script></body></html>\n`;
const printShell = (...ids: string[]) => `<html>${ids.map((id) => `<article>${printBody(id)}</article>`).join('')}</html>\n`;

/** What Astro's middleware does for each page it renders: tells every listener its address. */
const rendered = (pathname: string) => {
	for (const listener of pageListeners()) listener(pathname);
};

describe('finishing pages while Astro renders the others', () => {
	it('writes embed pages from their parts and fills print pages in as their module pages are written, writes the redirect pages, and tells the scan of each', async () => {
		const dist = output({
			// Astro renders the print page with placeholders, and one page of every embed page's own parts.
			[SHELLS_PAGE]: shellsPage('a/v2', 'a/v1'),
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
			// Module pages written before the page of the embeds' parts wait for it.
			write(dist, { 'modules/a/index.html': modulePage('<p>a, major 2</p>') });
			rendered('/modules/a/');
			await new Promise((resolve) => setTimeout(resolve, WRITTEN_AFTER_MS + 100));
			expect(existsSync(join(dist, 'embed/modules/a/v2/index.html'))).toBe(false);
			rendered('/embed/shells/');
			write(dist, { 'modules/a/v1/index.html': modulePage('<p>a, major 1</p>') });
			rendered('/modules/a/v1/');
			// The two fills run at once, and either may finish first.
			await expect.poll(() => told.filter((pathname) => pathname.startsWith('/embed/modules/')).sort(), { timeout: 5000 }).toEqual(['/embed/modules/a/v1/', '/embed/modules/a/v2/']);
			expect(read(dist, 'embed/modules/a/v2/index.html')).toBe(embedPage('a/v2', '<p>a, major 2</p><section>quiz</section>'));
			expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>a, major 1</p><section>quiz</section>'));
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
			// The bodies in it are edited copies (print-body.ts), so the scan parses the print page whole.
			expect(copies.has('/tracks/t/print/')).toBe(true);
			expect(copies.get('/tracks/t/print/')).toBeUndefined();

			const report = await work.finish();
			expect(report).toMatchObject({ embeds: 2, prints: 1, aliases: 1 });
			expect([...report.filled].sort()).toEqual(['embed/modules/a/v1/index.html', 'embed/modules/a/v2/index.html', 'tracks/t/print/index.html']);
			expect(read(dist, 'modules/a/v2/index.html')).toBe(aliasPage('/modules/a/', 'https://currents.example'));
			expect(told).toContain('/modules/a/v2/');
			// Nothing is left for the steps after the render but to remove the page of the embeds' parts, which does not ship.
			expect(assembleEmbeds(dist, new Map([['a', 2]]), report.filled)).toEqual({ pages: 0, files: ['embed/modules/a/v2/index.html', 'embed/modules/a/v1/index.html'], unchanged: [] });
			expect(existsSync(join(dist, 'embed/shells'))).toBe(false);
			expect(assemblePrintPages(dist)).toEqual({ pages: 0 });
			// Once finished it listens no more.
			write(dist, { [SHELLS_PAGE]: shellsPage('c/v1'), 'modules/c/index.html': modulePage('<p>c</p>') });
			rendered('/embed/shells/');
			rendered('/modules/c/');
			await new Promise((resolve) => setTimeout(resolve, 600));
			expect(existsSync(join(dist, 'embed/modules/c'))).toBe(false);
		} finally {
			pageListeners().delete(scan);
		}
	});

	it('finishes a page it is filling in before it says which pages it filled', async () => {
		const dist = output({ [SHELLS_PAGE]: shellsPage('a/v1'), 'modules/a/index.html': modulePage('<p>a</p>') });
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const work = startPagesWhileRendering({ dist, base: '/', site: 'https://currents.example', currentMajors: new Map([['a', 1]]), aliases: [] });
			rendered('/modules/a/');
			rendered('/embed/shells/');
			// Both pages are taken to be written: the embeds' parts are being read as the build finishes, and the
			// embed page is written once they are.
			vi.advanceTimersByTime(WRITTEN_AFTER_MS);
			const report = await work.finish();
			expect(report).toMatchObject({ embeds: 1 });
			expect([...report.filled]).toEqual(['embed/modules/a/v1/index.html']);
			expect(read(dist, 'embed/modules/a/v1/index.html')).toBe(embedPage('a/v1', '<p>a</p><section>quiz</section>'));
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
	it('leaves an embed page to the step after the render when its module page may still be being written', async () => {
		const dist = output({ 'modules/b/index.html': `<html>${SHARED_START}<p>b, cut sh` });
		const shell = embedPage('b/v1', EMBED_BODY);
		expect(await fillEmbedEarly(dist, { embed: 'embed/modules/b/v1/index.html', source: 'modules/b/index.html' }, shell)).toBe(false);
		expect(await fillEmbedEarly(dist, { embed: 'embed/modules/c/v1/index.html', source: 'modules/c/index.html' }, shell)).toBe(false);
		expect(existsSync(join(dist, 'embed'))).toBe(false);
	});

	it('takes no shell from a page of embed parts that is cut short or lacks a marker', async () => {
		const whole = shellsPage('a/v1');
		expect(shellsOf(whole)?.parts.size).toBe(1);
		expect(shellsOf(whole.slice(0, -20))).toBeUndefined();
		expect(shellsOf(whole.replace(SHELLS_END, ''))).toBeUndefined();
		expect(shellsOf(whole.replace(SHELL_MAIN, ''))).toBeUndefined();
		expect(shellsOf(whole.replace(EMBED_BODY, ''))).toBeUndefined();
		// A path that is not a module major's could name a file outside the embeds.
		expect(shellsOf(shellsPage('../a/v1'))).toBeUndefined();
		expect(shellsOf(shellsPage('a/v1', 'a/v1'))).toBeUndefined();
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
		expect(embedOfModulePage('modules/a/index.html', majors)).toEqual({ embed: 'embed/modules/a/v3/index.html', path: 'a/v3', source: 'modules/a/index.html' });
		expect(embedOfModulePage('modules/a/v2/index.html', majors)).toEqual({ embed: 'embed/modules/a/v2/index.html', path: 'a/v2', source: 'modules/a/v2/index.html' });
		// The current major's permanent address holds a redirect page, not a module page.
		expect(embedOfModulePage('modules/a/v3/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('modules/b/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('fi/modules/a/index.html', majors)).toBeUndefined();
		expect(embedOfModulePage('modules/unknown/index.html', majors)).toBeUndefined();
	});
});
