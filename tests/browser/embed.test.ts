import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/lib/embeds/embed.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * A course page on another origin frames module pages, as a university's LMS would. The site is
 * served with the headers of `netlify.toml`, so what Chromium allows here is what Netlify serves.
 */
describe('embedding a module in another site', () => {
	let site: ServedSite;
	let course: Server;
	let coursePage = '';
	let courseUrl = '';
	beforeAll(async () => {
		site = await serveShared('valid-course');
		course = createServer((_, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			response.end(coursePage);
		});
		await new Promise<void>((resolve) => course.listen(0, 'localhost', resolve));
		// `localhost` and `127.0.0.1` are different origins, as two sites would be.
		courseUrl = `http://localhost:${(course.address() as AddressInfo).port}/`;
	});
	afterAll(async () => {
		await new Promise((resolve) => course?.close(resolve));
		await site?.close();
	});

	const frameOf = async (html: string) => {
		coursePage = `<!doctype html><html><body><h1>Week 3</h1>${html}</body></html>`;
		const { page } = await site.open();
		await page.goto(courseUrl);
		return page;
	};

	it('shows an embed page and fits the frame to its content, also when the content grows', async () => {
		const page = await frameOf(embedSnippet(site.url('/'), 'brewing-basics', 2, 'Brewing basics'));
		const frame = page.frameLocator('iframe');
		await expect.poll(() => frame.locator('h1').textContent()).toBe('Brewing basics');
		// No site navigation in the frame, and an attribution line that links back to the permalink.
		expect(await frame.locator('nav, .sidebar-pane, header').count()).toBe(0);
		expect(await frame.locator('.currents-embed__attribution a').first().getAttribute('href')).toBe('https://steeped.example.org/modules/brewing-basics/v2/');
		// Its sources are there, and a link out of the module opens in a new tab rather than in the frame.
		const source = frame.locator('.currents-sources a').first();
		expect(await source.getAttribute('href')).toBe('https://example.org/brewing');
		await expect.poll(() => source.getAttribute('target')).toBe('_blank');
		expect(await source.getAttribute('rel')).toContain('noopener');
		const contentHeight = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
		const frameHeight = () => page.locator('iframe').evaluate((iframe) => Math.round(iframe.getBoundingClientRect().height));
		await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
		const before = await frameHeight();
		// Content grows inside the frame, as when explanations appear after a knowledge check.
		await frame.locator('main').evaluate((main) => main.append(Object.assign(document.createElement('div'), { style: 'height: 400px' })));
		await expect.poll(frameHeight).toBeGreaterThan(before);
	});

	it('offers the snippet for the current major on the module page, and keeps embed pages out of the sitemap', async () => {
		const { page } = await site.open('/modules/brewing-basics/');
		const panel = page.locator('#embed-or-cite + p');
		expect(await panel.textContent()).toContain('https://steeped.example.org/modules/brewing-basics/v2/');
		await page.getByText('Embed in a course page or learning platform').click();
		expect(await page.locator('[data-embed-snippet]').textContent()).toBe(embedSnippet('https://steeped.example.org', 'brewing-basics', 2, 'Brewing basics'));
		// Cite it: APA 7 with version, date and the versioned address, and a BibTeX entry.
		expect(await page.locator('[data-cite-apa]').textContent()).toMatch(/Brewing basics \(Version 2\.\d+\.\d+\).*https:\/\/steeped\.example\.org\/modules\/brewing-basics\/v2\//);
		expect(await page.locator('[data-cite-bibtex]').textContent()).toMatch(/^@misc\{/);
		expect(site.build.read('sitemap-0.xml')).not.toContain('/embed/');
		expect(site.build.read('sitemap-0.xml')).toContain('/modules/brewing-basics/');
	});

	it('refuses to let another site frame an ordinary page', async () => {
		const page = await frameOf(`<iframe src="${site.url('/modules/brewing-basics/')}" title="not allowed"></iframe>`);
		const child = () => page.frames().find((frame) => frame !== page.mainFrame());
		await expect.poll(() => child()?.url()).toMatch(/^chrome-error:/);
	});
});
