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

	it('shades the side of a table on a phone that has more columns to scroll to, and not a side reached', async () => {
		const { page } = await site.open('/modules/serving/', { viewport: { width: 390, height: 844 }, isMobile: true });
		// A table of the width that hid two of five columns on the flagship's phone pages, its cells cut exactly at the edge.
		await page.evaluate(() => {
			const table = document.createElement('table');
			table.tabIndex = 0;
			table.innerHTML = `<tbody><tr>${Array.from({ length: 6 }, (_, i) => `<td>Column ${i + 1} of the table</td>`).join('')}</tr></tbody>`;
			document.querySelector('.sl-markdown-content')!.prepend(table);
		});
		const table = page.locator('.sl-markdown-content table').first();
		expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth + 100)).toBe(true);
		/** How far a pixel in the table's top padding, beside each edge, is from the page's own colour there. */
		const shade = async () => {
			const shot = (await table.screenshot({ animations: 'disabled' })).toString('base64');
			return page.evaluate(async (png) => {
				const image = new Image();
				image.src = `data:image/png;base64,${png}`;
				await image.decode();
				const canvas = document.createElement('canvas');
				[canvas.width, canvas.height] = [image.width, image.height];
				const context = canvas.getContext('2d')!;
				context.drawImage(image, 0, 0);
				const at = (x: number) => [...context.getImageData(x, 2, 1, 1).data.slice(0, 3)];
				const middle = at(Math.round(image.width / 2));
				const distance = (x: number) => at(x).reduce((sum, value, i) => sum + Math.abs(value - middle[i]!), 0);
				return { start: distance(1), end: distance(image.width - 2) };
			}, shot);
		};
		const before = await shade();
		expect(before.end, 'the side with more to see').toBeGreaterThan(20);
		expect(before.start, 'the side not scrolled past').toBeLessThan(6);
		await table.evaluate((element) => (element.scrollLeft = element.scrollWidth));
		const after = await shade();
		expect(after.start, 'the side scrolled past').toBeGreaterThan(20);
		expect(after.end, 'the side reached').toBeLessThan(6);
	});

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
