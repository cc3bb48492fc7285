import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM, lateCallLogger, serveShared, type ServedSite } from './harness.ts';

/**
 * The browser tests count on each `site.open` being a reader's first visit, though visits with the same
 * options share a browser context: nothing stored, nothing cached, no page of an earlier visit left.
 */
describe('a visit opened by the browser harness', () => {
	let site: ServedSite;
	beforeAll(async () => {
		site = await serveShared('valid-course');
	}, 600_000);
	afterAll(() => site?.close());

	const assets = () => site.requests.filter((request) => /\.(?:css|js)$/.test(request.path)).length;
	const PAGE = '/modules/brewing-basics/';

	it('starts with nothing stored or cached, and nothing a test added to the page of an earlier visit', async () => {
		const before = assets();
		const first = await site.open(PAGE);
		await first.page.evaluate(() => localStorage.setItem('currents:probe', 'left by an earlier test'));
		const loaded = assets() - before;
		expect(loaded).toBeGreaterThan(5);
		// What a test may add to its page: a listener, an init script, an exposed function, a route.
		const heard: string[] = [];
		first.page.on('console', (message) => heard.push(message.text()));
		await first.page.addInitScript(() => ((window as { probe?: string }).probe = 'left by an earlier test'));
		await first.page.exposeFunction('probeCall', () => 'left by an earlier test');
		await first.page.route('**/*.css', (route) => route.abort());

		const second = await site.open(PAGE);
		expect(second.context).toBe(first.context);
		expect(await second.page.evaluate(() => localStorage.getItem('currents:probe'))).toBeNull();
		expect(await second.page.evaluate(() => [typeof (window as { probe?: string }).probe, typeof (window as { probeCall?: unknown }).probeCall])).toEqual(['undefined', 'undefined']);
		await second.page.evaluate(() => console.log('heard by the second visit only'));
		expect(heard).toEqual([]);
		expect(await second.page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.href).length)).toBeGreaterThan(0);
		// Every script and stylesheet was asked of the server again: none came from the browser's cache.
		expect(assets() - before).toBe(2 * loaded);

		// What the emptying prevents: a page opened in the same context without it is served from the cache.
		const third = await second.context.newPage();
		const now = assets();
		await third.goto(site.url(PAGE));
		expect(assets()).toBe(now);
		await third.close();
	});

	it('opens a new page when a test changed a setting of the earlier one that cannot be put back', async () => {
		const first = await site.open(PAGE);
		const again = await site.open(PAGE);
		// Taken over, as cheaper than a new page.
		expect(again.page).toBe(first.page);
		await again.page.setViewportSize({ width: 390, height: 844 });
		const third = await site.open(PAGE);
		expect(third.page).not.toBe(again.page);
		expect(again.page.isClosed()).toBe(true);
		expect(third.page.viewportSize()).toEqual({ width: 1280, height: 720 });
	});

	it('gives visits with other options a context of their own, and a new one once a test closes it', async () => {
		const withScripts = await site.open(PAGE);
		const without = await site.open(PAGE, { javaScriptEnabled: false });
		expect(without.context).not.toBe(withScripts.context);
		expect(withScripts.page.isClosed()).toBe(false);
		await withScripts.context.close();
		const again = await site.open(PAGE);
		expect(again.context).not.toBe(withScripts.context);
		expect(await again.page.evaluate(() => document.title)).toMatch(/Brewing basics/);
	});
});

/**
 * A call into a page that never returns holds its test until Vitest's timeout, which says only that the
 * test timed out. The harness's logger says which call, made by which test, after what.
 */
describe("the harness's logger of late Playwright calls", () => {
	it('names a call into the page that has not returned, with its test and the calls before it, and not one that returned', async () => {
		const reports: string[] = [];
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], logger: lateCallLogger({ afterMs: 1_500, report: (text) => reports.push(text) }) });
		// Only the reports that name an evaluation: on a busy machine, opening the page can be late too.
		const evaluations = () => reports.filter((report) => report.startsWith("\nPlaywright's page.evaluate,"));
		try {
			const page = await browser.newPage();
			await page.setContent('<p>A page whose script never answers.</p>');
			expect(await page.evaluate(() => document.querySelector('p')?.textContent)).toMatch(/never answers/);
			const hung = page.evaluate(() => new Promise(() => undefined)).catch((error: Error) => error.message);
			await expect.poll(() => evaluations().length, { timeout: 10_000 }).toBe(1);
			expect(evaluations()[0]).toContain(`Playwright's page.evaluate, called by "${expect.getState().currentTestName}", has not returned in 1.5 s.`);
			expect(evaluations()[0]).toMatch(/page\.setContent started[\s\S]*page\.evaluate succeeded[\s\S]*page\.evaluate started$/m);
			await page.close();
			expect(await hung).toMatch(/closed/);
			// The first evaluation returned, and is never named; nor the second once it has ended.
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			expect(evaluations()).toHaveLength(1);
		} finally {
			await browser.close();
		}
	});
});
