import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCurriculum, type Curriculum } from '../../src/lib/curriculum/load.ts';
import type { CurriculumConfig } from '../../src/lib/curriculum/schema/config.ts';
import type { ModuleData } from '../../src/lib/curriculum/schema/module.ts';
import { ROOT, sharedContent } from '../utils.ts';
import { renderEveryBlock, serveShared, type ServedSite } from './harness.ts';

/*
 * Search on the tea fixture, with earlier versions indexed (`searchArchived`) so that the option to
 * include them can be tried (tests/browser/tea-for-browsers.ts). Expected results come from the
 * fixture's own files.
 */

/**
 * How many pixels of two screenshots differ by more than Chromium's own noise. From one frame to the
 * next, Chromium can draw the antialiased edge of a rounded border one level of colour apart (seen
 * here: five pixels at a corner of the phone's "On this page" button, each channel off by one), which
 * no reader could see; anything a page changes moves pixels by far more than the tolerance.
 */
async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
	// The same bytes are the same pixels: two shots of a page that did not change come out byte for byte alike.
	if (a.equals(b)) return 0;
	const blank = await page.context().newPage();
	try {
		return await blank.evaluate(
			async ({ images, tolerance }) => {
				const decode = async (base64: string) => {
					const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
					const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
					context.drawImage(bitmap, 0, 0);
					return context.getImageData(0, 0, bitmap.width, bitmap.height);
				};
				const [first, second] = await Promise.all([decode(images[0]), decode(images[1])]);
				if (first.width !== second.width || first.height !== second.height) return Math.max(first.data.length, second.data.length) / 4;
				let count = 0;
				const [x, y] = [first.data, second.data];
				for (let i = 0; i < x.length; i += 4) {
					if (Math.abs(x[i]! - y[i]!) > tolerance || Math.abs(x[i + 1]! - y[i + 1]!) > tolerance || Math.abs(x[i + 2]! - y[i + 2]!) > tolerance || Math.abs(x[i + 3]! - y[i + 3]!) > tolerance) count++;
				}
				return count;
			},
			{ images: [a.toString('base64'), b.toString('base64')] as const, tolerance: 8 },
		);
	} finally {
		await blank.close();
	}
}

/**
 * A full-page screenshot of a page that has stopped changing. Taking one can itself change the page
 * (the whole page is laid out at once, so images below the fold start to load), so shots are taken
 * until two in a row look the same.
 */
async function settledScreenshot(page: Page): Promise<Buffer> {
	// Whether a full-page screenshot draws the blocks rendered only near the screen depends on timing: on
	// a busy machine eleven shots in a row came out different. They are all rendered first.
	await renderEveryBlock(page);
	await page.evaluate(async () => {
		// What the page does once loaded (its fonts, and the scripts it defers until the browser is idle)
		// is done first, and a frame is drawn with every block rendered.
		await document.fonts.ready;
		await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 }));
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	});
	const shoot = () => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
	let last = await shoot();
	let changed = 0;
	for (let tries = 0; tries < 10; tries++) {
		const next = await shoot();
		changed = await differingPixels(page, last, next);
		if (changed === 0) return next;
		last = next;
	}
	throw new Error(`${page.url()} was still changing after 11 screenshots (${changed} pixels between the last two)`);
}

describe('searching the curriculum', () => {
	let site: ServedSite;
	let curriculum: Curriculum;
	let config: CurriculumConfig;
	let module: ModuleData;
	let archived: ModuleData;
	let platform: string;
	/** Pages that carry the platform: modules and platform updates that name it. */
	let onPlatform: Set<string>;
	const levelName = (id: string) => config.levels.find((level) => level.id === id)!.name;
	beforeAll(async () => {
		// The tea fixture with earlier versions indexed (`searchArchived`), among other things.
		site = await serveShared('tea-for-browsers');
		curriculum = loadCurriculum(sharedContent('tea-for-browsers'), ROOT);
		config = curriculum.config!;
		module = curriculum.modules.find((entry) => entry.id === 'brewing-basics')!.data;
		archived = curriculum.archives.find((entry) => entry.id === 'brewing-basics' && entry.major === 1)!.data;
		platform = config.platforms.find((entry) => entry.id === 'kettle')!.name;
		onPlatform = new Set([
			...curriculum.modules.filter((entry) => entry.data.platforms.includes('kettle')).map((entry) => entry.data.title),
			...curriculum.updates.filter((entry) => entry.data.platforms.includes('kettle')).map((entry) => entry.data.title),
		]);
	});
	afterAll(() => site?.close());

	const status = (page: Page) => page.locator('[data-search-status]');
	const titles = (page: Page) => page.locator('[data-search-results] li > a').allTextContents();
	const count = (page: Page, label: string) => page.locator('[data-facet] label').filter({ has: page.getByText(label, { exact: true }) }).locator('[data-count]');
	const search = async (page: Page, words: string) => {
		await page.locator('[data-search-input]').fill(words);
		await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`results? for “${words}”`));
	};

	it('loads nothing of search until it is opened, then focuses the field and finds a module with its version, level and duration', async () => {
		const { page } = await site.open('/modules/serving/');
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
		const searchFiles = () => site.requests.filter((request) => request.path.startsWith('/pagefind/') || request.path.includes('search-dialog'));
		expect(searchFiles()).toEqual([]);

		await page.keyboard.press('Control+K');
		expect(await page.locator('dialog').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input'))).toBe(true);
		await expect.poll(() => searchFiles().some((request) => request.path === '/pagefind/pagefind.js')).toBe(true);

		await search(page, module.title);
		const result = page.locator('[data-search-results] li').filter({ has: page.getByRole('link', { name: module.title, exact: true }) });
		expect(await result.locator('[data-result-meta]').textContent()).toBe(`Module · Version ${module.version} · ${levelName(module.level)} · ${module.duration} min`);
		expect(await result.getByRole('link').getAttribute('href')).toBe('/modules/brewing-basics/');
		expect((await result.locator('mark').allTextContents()).length).toBeGreaterThan(0);
		// The live region is polite and counts what is listed.
		expect(await status(page).getAttribute('role')).toBe('status');
		expect(await status(page).textContent()).toBe(`${(await titles(page)).length} results for “${module.title}”.`);
	});

	it("shows a platform update's own words in its excerpt, not the notice and date that frame every update", async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('/');
		await search(page, 'presets');
		const result = page.locator('[data-search-results] li').filter({ has: page.getByRole('link', { name: 'Kettles gain temperature presets', exact: true }) });
		const excerpt = (await result.locator('p').last().textContent()) ?? '';
		// The title, then straight into the summary.
		expect(excerpt).toContain('temperature presets. Kettles now offer 70, 80 and 90 °C presets.');
		expect(excerpt).not.toMatch(/Date|Platforms|2026-11-10/);
	});

	it('gives every result a type, so that the type counts add up to the results', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('/');
		// "tea" is on the modules, the tracks and the home and about pages.
		await search(page, 'tea');
		const total = Number((await status(page).textContent())!.match(/^(\d+) results/)![1]);
		const counts = await page.locator('[data-facet="type"] [data-count]').allTextContents();
		expect(counts.map(Number).reduce((sum, n) => sum + n, 0)).toBe(total);
		// The home page and the about page are pages.
		expect(Number(await count(page, 'Page').textContent())).toBeGreaterThanOrEqual(2);
		await page.locator('[data-facet="type"] input[value="Page"]').check();
		await expect.poll(() => titles(page)).toEqual(expect.arrayContaining(['About Steeped', 'Steeped']));
	});

	it('narrows results and counts when a platform is ticked', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('/');
		await search(page, 'water');
		const before = await titles(page);
		const expected = before.filter((title) => onPlatform.has(title));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(before.length);
		expect(await count(page, platform).textContent()).toBe(String(expected.length));
		// Laid out as designed: each filter a row with its count at the end, each result a padded card.
		expect(await page.locator('[data-facet] label').first().evaluate((label) => getComputedStyle(label).display)).toBe('flex');
		expect(await page.locator('[data-search-results] li').first().evaluate((item) => getComputedStyle(item).paddingLeft)).toBe('16px');
		const modulesBefore = Number(await count(page, 'Module').textContent());

		await page.getByRole('checkbox', { name: platform }).check();
		await expect.poll(() => titles(page)).toEqual(expected);
		expect(await status(page).textContent()).toBe(`${expected.length} result${expected.length === 1 ? '' : 's'} for “water”.`);
		// Other facets now count within the platform; values of the same facet stay alternatives.
		const modulesAfter = Number(await count(page, 'Module').textContent());
		expect(modulesAfter).toBe(curriculum.modules.filter((entry) => expected.includes(entry.data.title)).length);
		expect(modulesAfter).toBeLessThan(modulesBefore);
		// Tracks carry no platform, so ticking one would give nothing.
		expect(await page.locator('[data-facet="type"] input[value="Track"]').isDisabled()).toBe(true);

		// From the field, Tab reaches the filters and then the results; Escape closes the dialog.
		await page.locator('[data-search-input]').focus();
		const reached = new Set<string>();
		for (let i = 0; i < 25 && !reached.has('results'); i++) {
			await page.keyboard.press('Tab');
			reached.add(await page.evaluate(() => (document.activeElement?.closest('[data-search-facets]') ? 'facets' : document.activeElement?.closest('[data-search-results]') ? 'results' : 'other')));
		}
		expect([reached.has('facets'), reached.has('results')]).toEqual([true, true]);
		await page.keyboard.press('Escape');
		expect(await page.locator('dialog').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false);
	});

	it('moves from the field to the results and between them with the arrow keys, and back up to the field', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		await search(page, 'water');
		const links = await page.locator('[data-search-results] li > a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
		expect(links.length).toBeGreaterThan(1);
		const focused = () => page.evaluate(() => (document.activeElement?.hasAttribute('data-search-input') ? 'field' : document.activeElement?.getAttribute('href')));
		// A screen reader reads how, after the field's name.
		expect(await page.locator('[data-search-input]').evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent)).toBe(
			'The down arrow moves to the results, and the up arrow back.'
		);
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(links[0]);
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(links[1]);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await focused()).toBe('field');
		// Enter on a result opens it.
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL((url) => url.pathname === new URL(links[0]!, url).pathname), page.keyboard.press('Enter')]);
	});

	it('says when nothing matches, and when search cannot load', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		await page.locator('[data-search-input]').fill('zzyzx');
		await expect.poll(() => status(page).textContent()).toBe('No results for “zzyzx”. Try other words or clear a filter.');
		expect(await page.locator('[data-search-results] li').count()).toBe(0);

		const offline = await site.open('/');
		await offline.context.route('**/pagefind/**', (route) => route.abort());
		await offline.page.keyboard.press('Control+K');
		await expect.poll(() => status(offline.page).textContent()).toBe('Search could not load. Check your connection, then close search and open it again.');
		await offline.context.close();
	});

	it('finds a knowledge check by its questions but not by its explanations, which would give the answers away', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		// "fragile" is only in the explanation of a wrong choice ("Only matters if the cups are fragile.").
		await page.locator('[data-search-input]').fill('fragile');
		await expect.poll(() => status(page).textContent()).toBe('No results for “fragile”. Try other words or clear a filter.');
		// The question itself is found: "Milk first or last?"
		await search(page, 'milk first');
		expect(await titles(page)).toContain('Serving');
	});

	it('keeps instructor notes out of search, where learners would find them', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		// "class" is only in the instructor notes of Brewing basics ("Bring two pots to class: …").
		await page.locator('[data-search-input]').fill('class');
		await expect.poll(() => status(page).textContent()).toMatch(/ for “class”/);
		expect(await titles(page)).not.toContain('Brewing basics');
	});

	it('says when the results only have words like a misspelt one, and not when they have the word', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		await page.locator('[data-search-input]').fill('teapto');
		await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results? for “teapto”, but (the first ones do|it does) not have “teapto”: (they|it) matched similar words\./);
		expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
		await page.locator('[data-search-input]').fill('kettle');
		await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results? for “kettle”\.$/);
	});

	it('offers the word the site has for a misspelt one, in the live region, and searches for it when pressed', async () => {
		const { page } = await site.open('/');
		await page.keyboard.press('Control+K');
		// "teapto": the platform Teapot, with two letters swapped.
		await page.locator('[data-search-input]').fill('teapto');
		await expect.poll(() => status(page).textContent()).toMatch(/matched similar words\. Did you mean teapot\?$/);
		const suggestion = status(page).getByRole('button', { name: 'teapot', exact: true });
		await suggestion.click();
		expect(await page.locator('[data-search-input]').inputValue()).toBe('teapot');
		await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results? for “teapot”\.$/);
		expect(await status(page).getByRole('button').count()).toBe(0);
		// The reader is back in the field, and the pages about teapots come first.
		expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input'))).toBe(true);
		expect((await titles(page)).slice(0, 3)).toEqual(expect.arrayContaining(['Teapots now ship with infusers']));
		// A word spelt as the site spells it is not corrected.
		await page.locator('[data-search-input]').fill('kettle');
		await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results? for “kettle”\.$/);
		expect(await status(page).getByRole('button').count()).toBe(0);
	});

	it('lists a track browsed without words in the curriculum’s order: the track, its modules in order, then the updates that touch them', async () => {
		const { page } = await site.open('/', { viewport: { width: 1280, height: 900 } });
		await page.keyboard.press('Control+K');
		await expect.poll(() => page.locator('fieldset[data-facet="track"]').isVisible()).toBe(true);
		const title = (id: string) => curriculum.modules.find((entry) => entry.id === id)!.data.title;
		/** The platform updates naming a module of the track, newest first. */
		const updatesOf = (modules: string[]) =>
			curriculum.updates
				.filter((entry) => entry.data.modules.some((id) => modules.includes(id)))
				.sort((a, b) => b.data.date.localeCompare(a.data.date))
				.map((entry) => entry.data.title);
		for (const track of curriculum.tracks) {
			const box = page.getByRole('checkbox', { name: track.data.title });
			await box.check();
			const expected = [track.data.title, ...track.data.modules.map(title), ...updatesOf(track.data.modules)];
			// The live region speaks once the results are listed.
			await expect.poll(() => status(page).textContent()).toBe(`${expected.length} pages match the filters.`);
			expect(await titles(page)).toEqual(expected);
			await box.uncheck();
		}
		// With words, the best match comes first again: the module named by them, not its track.
		const serving = curriculum.tracks.find((track) => track.data.modules.indexOf('serving') > 0)!;
		await page.getByRole('checkbox', { name: serving.data.title }).check();
		await search(page, 'serving');
		expect((await titles(page))[0]).toBe('Serving');
	});

	it('tells the index about a module without changing what a reader sees', async () => {
		const { page } = await site.open('/modules/brewing-basics/');
		const tags = page.locator('[data-pagefind-filter], [data-pagefind-meta]');
		expect(await tags.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-pagefind-filter') ?? `meta ${e.getAttribute('data-pagefind-meta')}`))).toEqual([
			// The duration rides on the header's own line that shows it, in minutes for the dialog to word.
			`meta duration:${module.duration}`,
			'type:Module',
			...curriculum.tracks.filter((track) => track.data.modules.includes('brewing-basics')).map((track) => `track:${track.data.title}`),
			...module.platforms.map((id) => `platform:${config.platforms.find((entry) => entry.id === id)!.name}`),
			`level:${levelName(module.level)}`,
			'meta type:Module',
			`meta version:${module.version}`,
			`meta level:${levelName(module.level)}`,
		]);
		let withoutTags: Buffer = Buffer.alloc(0);
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(site.url('/modules/brewing-basics/'), { waitUntil: 'networkidle' });
			// The same page with the tags taken out looks the same, pixel for pixel.
			const withTags = await settledScreenshot(page);
			// The empty elements go; the header's line that carries the duration keeps its words and loses its attribute.
			await tags.evaluateAll((elements) => elements.forEach((e) => (e.hasAttribute('hidden') ? e.remove() : e.removeAttribute('data-pagefind-meta'))));
			withoutTags = await settledScreenshot(page);
			expect(await differingPixels(page, withTags, withoutTags), `pixels changed at ${width}px`).toBe(0);
		}
		// The comparison does see a change a reader would: the title's letters a pixel further apart.
		await page.locator('h1').evaluate((title: HTMLElement) => (title.style.letterSpacing = '1px'));
		const spaced = await settledScreenshot(page);
		expect(await differingPixels(page, withoutTags, spaced)).toBeGreaterThan(100);
		// And so does it at the foot of the page, in the knowledge check a reader reaches last.
		await page.locator('.currents-quiz').evaluate((check: HTMLElement) => (check.style.letterSpacing = '1px'));
		expect(await differingPixels(page, spaced, await settledScreenshot(page))).toBeGreaterThan(100);
	});

	it('leaves earlier versions out until the reader includes them', async () => {
		const { page } = await site.open('/');
		await page.locator('[data-search-open]').click();
		await search(page, 'squeeze');
		const earlierTitle = `${archived.title} (version ${archived.version})`;
		expect(await titles(page)).not.toContain(earlierTitle);
		await page.getByRole('checkbox', { name: 'Include earlier versions' }).check();
		await expect.poll(() => titles(page)).toContain(earlierTitle);
		const result = page.locator('[data-search-results] li').filter({ has: page.getByRole('link', { name: earlierTitle }) });
		expect(await result.locator('[data-result-meta]').textContent()).toBe(`Earlier version · Version ${archived.version} · ${levelName(archived.level)} · ${archived.duration} min`);
	});
});
