import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackCertificateData } from '../../src/lib/cards/browser-certificate.ts';
import { certificateSvg, type CertificateInput } from '../../src/lib/cards/certificate.ts';
import { nodeAssets } from '../../src/lib/cards/node.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { ROOT } from '../utils.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * The Finnish edition's learner parts on the flagship curriculum: a learner who completes the
 * Finnish track "strategy-and-planning" sees its progress in Finnish and draws a Finnish certificate.
 */
const TRACK = '/fi/tracks/strategy-and-planning/';
const KEY = 'currents:progress';

/** Width and height from a PNG's IHDR chunk. */
function ihdr(png: Buffer): { width: number; height: number } {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(png.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA pixels of a PNG file, or of the Node renderer's certificate for an input, at screen size. */
function pixels(png: Buffer): Uint8Array {
	const { width, height } = ihdr(png);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
	return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}
async function nodePixels(input: CertificateInput): Promise<Uint8Array> {
	const { svg } = await certificateSvg(input, nodeAssets);
	return new Resvg(svg, { fitTo: { mode: 'width', value: 1754 }, font: { loadSystemFonts: false } }).render().pixels;
}

/** The mean difference of two drawings of the same size, per colour channel, from 0 to 255. */
function difference(a: Uint8Array, b: Uint8Array): number {
	expect(a.length).toBe(b.length);
	let sum = 0;
	for (let i = 0; i < a.length; i += 4) sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
	return sum / ((a.length / 4) * 3);
}

/** Every module of the track completed today at its current version, each check passed with full marks. */
async function completeTrack(page: Page): Promise<{ data: TrackCertificateData; versions: Map<string, string>; day: string }> {
	const data = JSON.parse((await page.locator('[data-certificate]').getAttribute('data-certificate')) ?? 'null') as TrackCertificateData;
	const versions = JSON.parse((await page.locator('[data-track-progress]').getAttribute('data-modules')) ?? '[]') as { id: string; version: string }[];
	const at = new Date().toISOString();
	const modules = Object.fromEntries(
		versions.map(({ id, version }) => [id, { completed: { version, at, via: 'quiz' }, quiz: { version, score: 100, passMark: data.passMark, at } }])
	);
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules })]);
	await page.reload();
	return { data, versions: new Map(versions.map(({ id, version }) => [id, version])), day: at.slice(0, 10) };
}

describe('the Finnish edition for a learner', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string, viewport?: { width: number; height: number }) => {
		// In UTC, so that the day of completion is the same for the page and for the test.
		const opened = await site.open(path, { timezoneId: 'UTC', ...(viewport && { viewport }) });
		contexts.push(opened.context);
		return opened.page;
	};

	beforeAll(async () => {
		site = await serveShared('flagship');
	}, 240_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('shows the track’s progress and certificate in Finnish before anything is done', async () => {
		const page = await open(TRACK);
		await expect.poll(() => page.locator('[data-track-count]').textContent()).toMatch(/^0\/\d+ moduulia suoritettu$/);
		const section = page.locator('[data-certificate]');
		expect(await section.locator('h2').textContent()).toBe('Todistuksesi');
		expect(await section.textContent()).toContain('Todistusta varten vielä tehtävää:');
		// Before anything is done the list names the modules; what each needs is in the intro above it.
		expect(await section.locator('[data-certificate-intro]').textContent()).toContain('läpäise jokainen osaamisen tarkistus');
		const first = section.locator('[data-certificate-todo-list] li').first();
		expect(await first.textContent()).toBe(await first.locator('a').textContent());
		// Once a module is half done (complete, its check not passed), each module says in Finnish what it still needs.
		const { versions } = await completeTrack(page);
		const [half] = [...versions];
		const at = new Date().toISOString();
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules: { [half![0]]: { completed: { version: half![1], at, via: 'marked' }, quiz: { version: half![1], score: 10, passMark: 80, at } } } })]);
		await page.reload();
		const items = section.locator('[data-certificate-todo-list] li');
		await expect.poll(() => items.first().textContent()).toMatch(/: läpäise sen osaamisen tarkistus/);
		expect(await items.nth(1).textContent()).toMatch(/: suorita se ja läpäise sen osaamisen tarkistus/);
	});

	it('draws the Finnish certificate once the track is complete', async () => {
		const page = await open(TRACK);
		const { data, versions, day } = await completeTrack(page);
		expect(data.locale).toBe('fi');
		expect(data.strings?.heading).toBe('Suoritustodistus');
		expect(data.strings?.selfAssessed).toBe('Itsearvioitu');
		expect(data.url).toMatch(/\/fi\/tracks\/strategy-and-planning\/$/);

		const ready = page.locator('[data-certificate-ready]');
		await expect.poll(() => ready.isVisible()).toBe(true);
		expect(await page.locator('[data-track-complete]').textContent()).toContain('Opintopolku suoritettu');
		expect(await ready.textContent()).toContain('on sinun');
		expect(await ready.textContent()).toContain('itsearvioitu');
		const linkedin = page.getByRole('link', { name: 'Lisää LinkedIn-profiiliin' });
		const href = new URL((await linkedin.getAttribute('href')) ?? '');
		expect(href.origin + href.pathname).toBe('https://www.linkedin.com/profile/add');
		expect(href.searchParams.get('name')).toBe(`${data.title} (itsearvioitu)`);

		await page.getByRole('textbox', { name: 'Nimesi' }).fill('Aino Meikäläinen');
		const waiting = page.waitForEvent('download', { timeout: 60_000 });
		await page.getByRole('button', { name: 'Lataa todistus (PNG)' }).click();
		const saved = await waiting;
		expect(saved.suggestedFilename()).toBe('strategy-and-planning-certificate.png');
		const png = readFileSync((await saved.path())!);
		expect(ihdr(png)).toEqual({ width: 1754, height: 1240 });
		// The picture is the Finnish design: the Node renderer draws the same input in Finnish alike, and in English not.
		const input: CertificateInput = {
			name: 'Aino Meikäläinen',
			track: data.trackTitle,
			title: data.title,
			curriculum: data.curriculum,
			date: day,
			modules: data.modules.map((module) => ({ title: module.title, version: versions.get(module.id) ?? '' })),
			issuer: data.issuer,
			verified: false,
			url: data.url,
			locale: 'fi',
			strings: data.strings!,
		};
		const drawn = pixels(png);
		const finnish = difference(drawn, await nodePixels(input));
		const english = difference(drawn, await nodePixels({ ...input, locale: undefined, strings: undefined }));
		expect(finnish).toBeLessThan(0.5);
		expect(finnish * 4).toBeLessThan(english);
		await expect.poll(() => page.locator('[data-certificate-status]').textContent()).toContain('Todistuksesi ladattiin tiedostona strategy-and-planning-certificate.png');
		expect(await page.locator('[data-certificate-preview] img').getAttribute('alt')).toBe(`Todistuksesi ”${data.title}”, nimellä Aino Meikäläinen`);
	}, 120_000);

	it('offers to continue on the Finnish home page, with the Finnish title and the Finnish page', async () => {
		const page = await open('/fi/');
		const at = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), ['currents:visits', JSON.stringify({ version: 1, last: { module: 'goals-and-kpis', at } })]);
		await page.reload();
		const card = page.locator('[data-learner-home] [data-continue="goals-and-kpis"]');
		await expect.poll(() => card.isVisible()).toBe(true);
		const translation = loadCurriculum(join(ROOT, 'content'), ROOT).translations.find((entry) => entry.kind === 'module' && entry.locale === 'fi' && entry.id === 'goals-and-kpis');
		const finnish = (translation?.data as { title: string }).title;
		expect(await card.locator('a').first().textContent()).toBe(finnish);
		expect(await card.locator('a').first().getAttribute('href')).toBe('/fi/modules/goals-and-kpis/');
		expect(await card.locator('a').nth(1).getAttribute('href')).toBe(TRACK);
		expect(await page.locator('[data-learner-home] h2').first().textContent()).not.toBe('Continue where you left off');
	});

	it('shows the theme picker’s Finnish words whole, "Automaattinen" too', async () => {
		const page = await open('/fi/');
		await page.setViewportSize({ width: 1280, height: 800 });
		const select = page.locator('starlight-theme-select select').locator('visible=true');
		await select.selectOption('auto');
		// The chosen option's words against the room the picker leaves them, in the picker's own font.
		const fit = await select.evaluate((element: HTMLSelectElement) => {
			const style = getComputedStyle(element);
			const context = document.createElement('canvas').getContext('2d')!;
			context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
			return { text: element.selectedOptions[0]!.text, needs: context.measureText(element.selectedOptions[0]!.text).width, room };
		});
		expect(fit.text).toBe('Automaattinen');
		expect(fit.needs).toBeLessThanOrEqual(fit.room);
	});

	it("says the language of the narrow table of contents' summary line on a page shown in English, as it follows the reader", async () => {
		// Opened at a phone's width, as a phone opens it: the line is filled when Starlight's script first
		// sees which heading is in view, not after a resize, which has it start over.
		const page = await open('/fi/about/', { width: 400, height: 800 });
		const line = page.locator('mobile-starlight-toc .display-current');
		// At the top the line reads Starlight's Finnish "Yleiskatsaus", with the page's language.
		await expect.poll(() => line.textContent()).toBe('Yleiskatsaus');
		expect(await line.getAttribute('lang')).toBeNull();
		// At an English heading it reads the heading's words, marked English as the entry is.
		const heading = page.locator('main h2[id]').nth(1);
		const words = await page.locator(`mobile-starlight-toc a[href="#${await heading.getAttribute('id')}"]`).textContent();
		await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await expect.poll(() => line.textContent()).toBe(words);
		await expect.poll(() => line.getAttribute('lang')).toBe('en');
		await page.evaluate(() => window.scrollTo(0, 0));
		await expect.poll(() => line.textContent()).toBe('Yleiskatsaus');
		await expect.poll(() => line.getAttribute('lang')).toBeNull();
	});

	it('shows the progress page in Finnish', async () => {
		const page = await open(TRACK);
		await completeTrack(page);
		await page.goto(site.url('/fi/progress/'));
		expect(await page.locator('h1').textContent()).toBe('Oma edistyminen');
		await expect.poll(() => page.locator('[data-progress-group="strategy-and-planning"] [data-progress-group-count]').textContent()).toMatch(/^(\d+)\/\1 moduulia suoritettu: opintopolku suoritettu$/);
		expect(await page.locator('[data-progress-group="strategy-and-planning"] h3 a').getAttribute('href')).toBe(TRACK);
		expect(await page.locator('[data-progress-state][data-done]').first().textContent()).toMatch(/^✓ Versio \S+ suoritettu .+ osaamisen tarkistuksen läpäisemällä; osaamisen tarkistus läpäisty tuloksella 100 %$/);
		// The sidebar's mark speaks Finnish to screen readers too (read from the page, not the script).
		expect(await page.locator('template[data-progress-done]').evaluate((template: HTMLTemplateElement) => template.content.textContent)).toBe(' (suoritettu)');
	});
});
