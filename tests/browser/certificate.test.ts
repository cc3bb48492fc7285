import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stillToDo, toDoText, type TrackCertificateData } from '../../src/lib/cards/browser-certificate.ts';
import { certificateSvg, type CertificateInput } from '../../src/lib/cards/certificate.ts';
import { nodeAssets } from '../../src/lib/cards/node.ts';
import { isSelfAssessed } from '../../src/lib/credentials/baked-png.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * The self-assessed certificate on the valid-course fixture's track tea-foundations (pass mark 75):
 * water-temperature (1.0.0), brewing-basics (2.1.0, completed here at 1.0.0) and serving (1.0.1),
 * each with a knowledge check. The curriculum is "Steeped" at https://steeped.example.org.
 */
const KEY = 'currents:progress';
const TRACK = '/tracks/tea-foundations/';
const TRACK_URL = `https://steeped.example.org${TRACK}`;
/** The learner's time zone: the last completion falls on 30 April in UTC and on 1 May where they are. */
const TIME_ZONE = 'Europe/Berlin';

const pass = (version: string, at: string, score = 100) => ({ completed: { version, at, via: 'quiz' }, quiz: { version, score, passMark: 75, at } });
const COMPLETE = {
	'water-temperature': pass('1.0.0', '2026-01-10T09:00:00.000Z'),
	'brewing-basics': pass('1.0.0', '2026-03-02T10:00:00.000Z'),
	serving: pass('1.0.1', '2026-04-30T22:30:00.000Z'),
};

/** What the page should draw for a name: the same input given to the Node renderer. */
const expectedInput = (name: string): CertificateInput => ({
	name,
	track: 'Tea foundations',
	title: 'Tea Foundations',
	curriculum: 'Steeped',
	date: '2026-05-01',
	modules: [
		{ title: 'Water temperature', version: '1.0.0' },
		{ title: 'Brewing basics', version: '1.0.0' },
		{ title: 'Serving', version: '1.0.1' },
	],
	issuer: 'Steeped',
	verified: false,
	url: TRACK_URL,
});

/** Width and height from a PNG's IHDR chunk. */
function ihdr(png: Buffer): { width: number; height: number } {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(png.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA pixels of a PNG file, decoded by resvg as a picture inside an SVG of the same size. */
function decode(png: Buffer): { data: Uint8Array; width: number; height: number } {
	const { width, height } = ihdr(png);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
	const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	return { data: image.pixels, width: image.width, height: image.height };
}

/** RGBA pixels of the Node renderer's certificate for the same input, at screen size. */
async function nodeDrawing(input: CertificateInput) {
	const { svg } = await certificateSvg(input, nodeAssets);
	const image = new Resvg(svg, { fitTo: { mode: 'width', value: 1754 }, font: { loadSystemFonts: false } }).render();
	return { data: image.pixels, width: image.width, height: image.height };
}

/** The mean difference of two drawings of the same size, per colour channel, from 0 to 255. */
function difference(a: Uint8Array, b: Uint8Array): number {
	expect(a.length).toBe(b.length);
	let sum = 0;
	for (let i = 0; i < a.length; i += 4) sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
	return sum / ((a.length / 4) * 3);
}

/** The standard deviation of brightness: near 0 for a blank picture. */
function spread(data: Uint8Array): number {
	let sum = 0;
	let squares = 0;
	const count = data.length / 4;
	for (let i = 0; i < data.length; i += 4) {
		const light = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
		sum += light;
		squares += light * light;
	}
	return Math.sqrt(squares / count - (sum / count) ** 2);
}

/** Writes progress as an earlier visit left it, then loads the page afresh. */
async function seed(page: Page, modules: object): Promise<void> {
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules })]);
	await page.reload();
}

const ready = (page: Page) => page.locator('[data-certificate-ready]');
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Your name' });
const downloadButton = (page: Page) => page.getByRole('button', { name: 'Download certificate (PNG)' });

/** Presses a download button and returns the file's name and bytes; without a download, fails with what the page said. */
async function download(page: Page, button = downloadButton(page)): Promise<{ file: string; png: Buffer }> {
	const waiting = page.waitForEvent('download', { timeout: 30_000 });
	await button.click();
	const saved = await waiting.catch(async (error: Error) => {
		const said = await page.locator('[data-certificate-status], [data-certificate-error]').allTextContents();
		throw new Error(`No certificate was downloaded; the page says: ${JSON.stringify(said)}. ${error.message}`);
	});
	return { file: saved.suggestedFilename(), png: readFileSync((await saved.path())!) };
}

describe('the self-assessed certificate in the browser', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string, options = {}) => {
		const opened = await site.open(path, { timezoneId: TIME_ZONE, ...options });
		contexts.push(opened.context);
		return opened.page;
	};
	/** Opens the complete track, types the name and downloads its certificate at screen size. */
	const drawName = async (name: string) => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		await nameField(page).fill(name);
		const screen = await download(page);
		const drawn = decode(screen.png);
		// How far the drawing is from the Node renderer's for a name: 0 to 255 a channel, on average.
		const from = async (other: string) => difference(drawn.data, (await nodeDrawing(expectedInput(other))).data);
		return { page, png: screen.png, from };
	};
	const certificateRequests = () => site.requests.filter(({ path }) => path.startsWith('/certificate-assets/') || /\/_astro\/certificate-render\./.test(path));

	beforeAll(async () => {
		site = await serveShared('valid-course');
	}, 180_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('tells a reader without JavaScript what earns the certificate, that drawing it needs JavaScript, and offers no download', async () => {
		const page = await open(TRACK, { javaScriptEnabled: false });
		const section = page.locator('[data-certificate]');
		expect(await section.textContent()).toContain(
			'Complete every module of this track and pass each knowledge check with 75% or more to earn the certificate “Tea Foundations”.'
		);
		expect(await section.textContent()).toContain('self-assessed');
		expect(await section.getByText('Drawing the certificate needs JavaScript, which is turned off or did not load.').isVisible()).toBe(true);
		expect(await downloadButton(page).isVisible()).toBe(false);
	});

	it('names the modules still to do, without repeating for each what the intro says, before any is done', async () => {
		const page = await open(TRACK);
		const items = page.locator('[data-certificate-todo-item]');
		await expect.poll(() => items.allTextContents()).toEqual(['Water temperature', 'Brewing basics', 'Serving']);
		// With scripts, the certificate can be drawn, and nothing says otherwise.
		expect(await page.locator('[data-certificate-nojs]').count()).toBe(0);
		expect(await page.locator('[data-certificate-intro]').textContent()).toContain('pass each knowledge check with 75% or more');
		// The links the script writes are in the site's link colour, as the box's other links, not the browser's default blue.
		const colour = (link: Locator) => link.evaluate((element) => getComputedStyle(element).color);
		const accent = await colour(page.locator('[data-certificate-linkedin]'));
		expect(await colour(items.first().locator('a'))).toBe(accent);
	});

	it('lists what is still to do while the track is incomplete, and offers no download', async () => {
		const page = await open(TRACK);
		await seed(page, { 'water-temperature': COMPLETE['water-temperature'], 'brewing-basics': pass('2.1.0', '2026-03-02T10:00:00.000Z', 50) });
		const items = page.locator('[data-certificate-todo-item]');
		await expect.poll(() => items.allTextContents()).toEqual([
			'Brewing basics: pass its knowledge check with 75% or more',
			'Serving: complete it and pass its knowledge check with 75% or more',
		]);
		expect(await items.first().locator('a').getAttribute('href')).toBe('/modules/brewing-basics/');
		expect(await ready(page).isHidden()).toBe(true);
		expect(await downloadButton(page).isVisible()).toBe(false);
		expect(await page.getByRole('link', { name: 'Add to LinkedIn profile' }).isVisible()).toBe(false);
	});

	it('refuses an empty name with the renderer’s message beside the field, before loading any drawing code', async () => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		expect(await ready(page).textContent()).toContain('the certificate “Tea Foundations” is yours. It is self-assessed');
		expect(await page.locator('[data-certificate-todo]').isHidden()).toBe(true);
		await nameField(page).fill('   \u200B ');
		await downloadButton(page).click();
		const error = page.locator('[data-certificate-error]');
		// The page's own words (TrackCertificate.astro passes them in its language), not the renderer's.
		await expect.poll(() => error.textContent()).toBe('Type your name as it should appear on the certificate.');
		expect(await nameField(page).getAttribute('aria-invalid')).toBe('true');
		expect((await nameField(page).getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
		await page.waitForLoadState('networkidle');
		expect(certificateRequests()).toEqual([]);
	});

	it('draws a certificate for a name with diacritics, 1754×1240, as the Node renderer draws it, with the LinkedIn link filled in', async () => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		await page.waitForLoadState('networkidle');
		// Nothing of the drawing code, the fonts or the pictures loads before the learner asks.
		expect(certificateRequests()).toEqual([]);

		const linkedin = page.getByRole('link', { name: 'Add to LinkedIn profile' });
		const href = new URL((await linkedin.getAttribute('href'))!);
		expect(`${href.origin}${href.pathname}`).toBe('https://www.linkedin.com/profile/add');
		expect(Object.fromEntries(href.searchParams)).toEqual({
			startTask: 'CERTIFICATION_NAME',
			name: 'Tea Foundations (self-assessed)',
			organizationName: 'Steeped',
			issueYear: '2026',
			issueMonth: '5',
			certUrl: TRACK_URL,
		});
		expect(await linkedin.getAttribute('target')).toBe('_blank');

		const name = 'Zoë Ångström-Núñez';
		await nameField(page).fill(name);
		const { file, png } = await download(page);
		expect(file).toBe('tea-foundations-certificate.png');
		expect(ihdr(png)).toEqual({ width: 1754, height: 1240 });
		// It says it is self-assessed, so that the verify page can tell its holder so (tests/browser/verify.test.ts).
		expect(isSelfAssessed(png)).toBe(true);
		const drawn = decode(png);
		expect(spread(drawn.data)).toBeGreaterThan(10);
		// The same certificate as the Node renderer draws: far closer to it than to another name's.
		const same = difference(drawn.data, (await nodeDrawing(expectedInput(name))).data);
		const other = difference(drawn.data, (await nodeDrawing(expectedInput('Ada Lovelace'))).data);
		expect(same).toBeLessThan(0.5);
		expect(same * 4).toBeLessThan(other);
		// The QR code leads to the track page.
		expect(jsQR(new Uint8ClampedArray(drawn.data), drawn.width, drawn.height)?.data).toBe(TRACK_URL);

		expect(await page.locator('[data-certificate-preview] img').getAttribute('alt')).toBe(`Your certificate “Tea Foundations” for ${name}`);
		const loaded = certificateRequests().map(({ path }) => path);
		expect(loaded.some((path) => path.startsWith('/_astro/certificate-render.'))).toBe(true);
		expect(loaded).toContain('/certificate-assets/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2');
		expect(site.requests.filter(({ path, status }) => path.startsWith('/certificate-assets/@fontsource/') && status !== 200)).toEqual([]);
	});

	it('draws on Enter in the name field, and a name it cannot draw takes the last drawing away and says why in the page’s words', async () => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		await nameField(page).fill('Ada Lovelace');
		const waiting = page.waitForEvent('download', { timeout: 30_000 });
		await nameField(page).press('Enter');
		expect((await waiting).suggestedFilename()).toBe('tea-foundations-certificate.png');
		await expect.poll(() => page.locator('[data-certificate-preview] img').count()).toBe(1);
		const status = page.locator('[data-certificate-status]');
		expect(await status.textContent()).toContain('Your certificate was downloaded as tea-foundations-certificate.png');
		// Burmese has no font here (src/lib/cards/fonts.ts says why).
		await nameField(page).fill('မြန်မာ');
		await downloadButton(page).click();
		const error = page.locator('[data-certificate-error]');
		await expect.poll(() => error.textContent()).toMatch(/^The certificate cannot draw these characters yet: “မ”.* Write your name without them, for example in Latin letters\.$/);
		expect(await error.textContent()).not.toMatch(/U\+|src\//);
		expect(await page.locator('[data-certificate-preview] img').count()).toBe(0);
		expect(await status.textContent()).toBe('');
		expect(await nameField(page).getAttribute('aria-invalid')).toBe('true');
	});

	it('offline, says in plain words that drawing needs a connection, keeps the name, and draws once back online', async () => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		await nameField(page).fill('Ada Lovelace');
		await page.context().setOffline(true);
		await downloadButton(page).click();
		const status = page.locator('[data-certificate-status]');
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(
			'The certificate needs a connection to load its drawing tools, and this browser is offline. Your name and your progress are kept: press the button again once you are back online.'
		);
		expect(await nameField(page).inputValue()).toBe('Ada Lovelace');
		expect(await page.locator('[data-certificate-error]').textContent()).toBe('');
		expect(await ready(page).isVisible()).toBe(true);
		// Back online, the same button draws it, without reloading the page.
		await page.context().setOffline(false);
		expect((await download(page)).file).toBe('tea-foundations-certificate.png');
	});

	it('says the drawing tools could not be loaded when its fonts get no answer, and draws when they do, without a reload', async () => {
		const page = await open(TRACK);
		await seed(page, COMPLETE);
		await expect.poll(() => ready(page).isVisible()).toBe(true);
		await nameField(page).fill('Ada Lovelace');
		await page.route('**/certificate-assets/**', (route) => route.abort('internetdisconnected'));
		await downloadButton(page).click();
		const status = page.locator('[data-certificate-status]');
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(
			'The certificate’s drawing tools could not be loaded. Your name and your progress are kept: check your connection and press the button again. If it still fails, reload the page.'
		);
		expect(await status.textContent()).not.toMatch(/https?:|certificate-assets|fetch/i);
		await page.unroute('**/certificate-assets/**');
		expect((await download(page)).file).toBe('tea-foundations-certificate.png');
	});

	it('draws a name in Arabic, joined and right to left, at screen and print size', async () => {
		const name = 'فاطمة الزهراء';
		const { page, png, from } = await drawName(name);
		expect(ihdr(png)).toEqual({ width: 1754, height: 1240 });
		const same = await from(name);
		// The letters unjoined (with a joiner-breaking mark between them) would draw a different name.
		const unjoined = await from(Array.from(name).join('\u200C'));
		expect(same).toBeLessThan(0.5);
		expect(same * 4).toBeLessThan(unjoined);

		const print = await download(page, page.getByRole('button', { name: 'Print-quality PNG' }));
		expect(print.file).toBe('tea-foundations-certificate-print.png');
		expect(ihdr(print.png)).toEqual({ width: 3508, height: 2480 });
	});
	it('draws a name in Japanese from the bold fonts the site ships, with no regular-weight Japanese file', async () => {
		const name = 'やまだ たろう 山田太郎';
		const { from } = await drawName(name);
		const same = await from(name);
		expect(same).toBeLessThan(0.5);
		expect(same * 4).toBeLessThan(await from('やまだ はなこ 山田花子'));
		// The name is drawn in bold alone; the certificate's own words are in Latin letters.
		const fonts = site.requests.filter(({ path }) => path.startsWith('/certificate-assets/@fontsource/noto-sans-jp/files/'));
		expect(fonts.length).toBeGreaterThan(0);
		expect(fonts.filter(({ path, status }) => !path.endsWith('-700-normal.woff2') || status !== 200)).toEqual([]);
	});
	it('draws an emoji in a name from the one pack of pictures it needs, as the Node renderer draws it', async () => {
		const name = 'Ada 🌱 Lovelace';
		const { from } = await drawName(name);
		const same = await from(name);
		expect(same).toBeLessThan(0.5);
		expect(same * 4).toBeLessThan(await from('Ada Lovelace'));
		// 🌱 is U+1F331: the pack of U+1F300 to U+1F33F, and no picture file of its own.
		const pictures = site.requests.filter(({ path }) => path.startsWith('/certificate-assets/@twemoji/'));
		expect(pictures.map(({ path, status }) => [path, status])).toEqual([['/certificate-assets/@twemoji/svg/packs/7cc.svgpack.gz', 200]]);
	});
});

describe('what a track page lists as still to do', () => {
	// The fixture's modules all have knowledge checks; a module without one needs only completing.
	const data: TrackCertificateData = {
		track: 'reading',
		trackTitle: 'Reading',
		title: 'Reading',
		curriculum: 'Steeped',
		issuer: 'Steeped',
		url: 'https://steeped.example.org/tracks/reading/',
		passMark: 80,
		modules: [
			{ id: 'glossary', title: 'Glossary', href: '/modules/glossary/', quiz: false, version: '1.0.0' },
			{ id: 'history', title: 'History', href: '/modules/history/', quiz: true, version: '2.0.0' },
		],
	};
	const at = '2026-01-10T09:00:00.000Z';

	it('asks only for completion of a module without a knowledge check, and nothing more once it is complete', () => {
		const none = stillToDo(data, { completed: new Map(), passed: new Map([['history', { score: 80, version: '2.0.0' }]]) });
		expect(none.map((item) => `${item.title}: ${toDoText(item, data.passMark)}`)).toEqual(['Glossary: complete it', 'History: complete it']);
		const done = stillToDo(data, {
			completed: new Map([
				['glossary', { version: '1.0.0', at, via: 'marked' }],
				['history', { version: '2.0.0', at, via: 'quiz' }],
			]),
			passed: new Map([['history', { score: 80, version: '2.0.0' }]]),
		});
		expect(done).toEqual([]);
	});

	it('does not count a pass from before a major revision as a pass of the rewritten check', () => {
		const said = (view: Parameters<typeof stillToDo>[1]) => stillToDo(data, view).map((item) => `${item.title}: ${toDoText(item, data.passMark)}`);
		const glossary = ['glossary', { version: '1.0.0', at, via: 'marked' }] as const;
		const passedFirst = new Map([['history', { score: 100, version: '1.0.0' }]]);
		// History is at 2.0.0, a major revision since the pass at 1.0.0.
		expect(said({ completed: new Map([glossary]), passed: passedFirst })).toEqual(['History: complete it and pass its knowledge check with 80% or more']);
		expect(said({ completed: new Map([glossary, ['history', { version: '2.0.0', at, via: 'marked' }]]), passed: passedFirst })).toEqual(['History: pass its knowledge check with 80% or more']);
		// Completed at 1.0.0 with the pass of 1.0.0's check, as a certificate then names it: nothing is left.
		expect(said({ completed: new Map([glossary, ['history', { version: '1.0.0', at, via: 'quiz' }]]), passed: passedFirst })).toEqual([]);
	});
});
