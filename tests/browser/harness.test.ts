import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShared, type ServedSite } from './harness.ts';

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

	it('starts with nothing stored or cached, and closes the pages of earlier visits', async () => {
		const before = assets();
		const first = await site.open(PAGE);
		await first.page.evaluate(() => localStorage.setItem('currents:probe', 'left by an earlier test'));
		const loaded = assets() - before;
		expect(loaded).toBeGreaterThan(5);

		const second = await site.open(PAGE);
		expect(second.context).toBe(first.context);
		expect(first.page.isClosed()).toBe(true);
		expect(await second.page.evaluate(() => localStorage.getItem('currents:probe'))).toBeNull();
		// Every script and stylesheet was asked of the server again: none came from the browser's cache.
		expect(assets() - before).toBe(2 * loaded);

		// What the emptying prevents: a page opened in the same context without it is served from the cache.
		const third = await second.context.newPage();
		const now = assets();
		await third.goto(site.url(PAGE));
		expect(assets()).toBe(now);
		await third.close();
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
