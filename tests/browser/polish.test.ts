import { relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sharedContent } from '../utils.ts';
import { serveShared, type ServedSite } from './harness.ts';

/*
 * The tea fixture with what a reader of the flagship meets: an about page, a second track ordered
 * after the first, a module released more recently than one whose title sorts before it, a changelog
 * summary that opens with the word of its kind (tests/browser/tea-for-browsers.ts).
 */

/** The colour a theme variable resolves to on the page, as an element would show it. */
const themeColour = (page: Page, variable: string) =>
	page.evaluate((name) => {
		const probe = document.createElement('span');
		probe.style.color = `var(${name})`;
		document.body.append(probe);
		const colour = getComputedStyle(probe).color;
		probe.remove();
		return colour;
	}, variable);

const colourOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).color);

describe('details a reader notices', () => {
	let site: ServedSite;
	let content: string;
	beforeAll(async () => {
		site = await serveShared('tea-for-browsers');
		content = sharedContent('tea-for-browsers');
	});
	afterAll(() => site?.close());

	it('serves the favicon every page asks for', async () => {
		const { page } = await site.open('/modules/serving/');
		const href = await page.locator('link[rel~="icon"]').getAttribute('href');
		expect(href).toBe('/favicon.svg');
		const icon = await page.request.get(site.url(href!));
		expect(icon.status()).toBe(200);
		expect(icon.headers()['content-type']).toBe('image/svg+xml');
		expect(site.requests.filter((request) => request.status === 404)).toEqual([]);
	});

	it('colours metadata and footer links as the theme colours links, in light and dark', async () => {
		const { page } = await site.open('/modules/brewing-basics/');
		for (const theme of ['light', 'dark']) {
			await page.evaluate((name) => (document.documentElement.dataset.theme = name), theme);
			const accent = await themeColour(page, '--sl-color-text-accent');
			// A link in the prose, styled by Starlight, is the reference.
			expect(await colourOf(page, '.currents-sources a'), theme).toBe(accent);
			expect(await colourOf(page, '.currents-meta a[href="/tracks/tea-foundations/"]'), theme).toBe(accent);
			expect(await colourOf(page, '.currents-footer-report a'), theme).toBe(accent);
		}
	});

	it('lists the tracks on the about page in their configured order, and links the page’s own file to edit', async () => {
		const { page } = await site.open('/about/');
		const tracks = await page.locator('#starlight__sidebar a[href^="/tracks/"]').allTextContents();
		expect(tracks.map((text) => text.trim())).toEqual(['Tea foundations', 'Hosting']);
		const edit = await page.getByRole('link', { name: 'Edit page' }).getAttribute('href');
		expect(edit).toBe(`https://github.com/example/steeped/edit/main/${relative(ROOT, content)}/pages/about.mdx`);
	});

	it('names the licence and links it, and orders "Recently updated" by the releases that changed what a module teaches', async () => {
		const { page } = await site.open('/');
		const license = page.locator('.currents-lead').getByRole('link', { name: 'Creative Commons Attribution 4.0 International' });
		expect(await license.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
		expect(await page.locator('.currents-lead').textContent()).not.toContain('CC-BY-4.0');
		// Serving's newest release (1.0.1, 2026-11-05) is a correction, so its first release counts: it follows
		// Brewing basics' platform change (2.1.0, 2026-11-01), and the version it is at now is named beside it.
		const recent = await page.locator('.currents-recent li').evaluateAll((items) => items.map((item) => [item.querySelector('a')?.textContent, item.querySelector('span')?.textContent?.replace(/\s+/g, ' ')]));
		expect(recent).toEqual([
			['Brewing basics', 'version 2.1.0, 2026-11-01'],
			['Serving', 'version 1.0.0, 2026-09-01 (now 1.0.1)'],
			['Water temperature', 'version 1.0.0, 2020-01-10'],
		]);
	});

	it('does not repeat the kind of a change its summary already names', async () => {
		const { page } = await site.open('/modules/serving/');
		const entries = (await page.locator('.currents-changelog li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
		expect(entries).toEqual(['1.0.1 · 2026-11-05 · Fixed the milk advice.', '1.0.0 · 2026-09-01 · Added: First release.']);
	});
});
