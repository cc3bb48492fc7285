import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, kilobytes, pageWeight } from '../../scripts/lib/page-weight.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { newestDate, ROOT } from '../utils.ts';
import { serveCurriculum, type ServedSite } from './harness.ts';

/**
 * The JavaScript budget as a reader's browser meets it: everything a module page of the flagship
 * fetches, including what scripts load later on their own (on idle, say), until the network has
 * been quiet and the reader has not yet opened search.
 */
describe('a flagship module page in the browser', () => {
	const content = join(ROOT, 'content');
	let site: ServedSite;
	beforeAll(async () => {
		site = await serveCurriculum('budget', content, newestDate(loadCurriculum(content, ROOT)));
	});
	afterAll(() => site?.close());

	it('loads at most 20 KB gzip of JavaScript before search is opened, as the static measure says', async () => {
		const { context, page } = await site.open();
		const loaded = new Map<string, number>();
		page.on('response', async (response) => {
			const type = response.request().resourceType();
			if (type === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname)) {
				loaded.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
			}
		});
		await page.goto(site.url('/modules/audience-research/'), { waitUntil: 'networkidle' });
		// Give idle-time loaders their chance, as a reader who stays on the page would.
		await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
		await page.waitForLoadState('networkidle');
		const html = await page.content();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
			.map((match) => gzipSync(match[1]!, { level: 9 }).length)
			.reduce((sum, size) => sum + size, 0);
		const external = [...loaded.values()].reduce((sum, size) => sum + size, 0);
		const total = external + inline;
		expect([...loaded.keys()].filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
		expect(total, `${kilobytes(total)}: ${[...loaded.keys()].join(', ')}`).toBeLessThanOrEqual(BUDGETS.moduleJavaScript);
		// The build-time measure that `npm run bench` reports for 1,000 modules counts the same files.
		const measured = pageWeight(site.build.outDir, 'modules/audience-research/index.html');
		expect(new Set(measured.scripts.filter((s) => s.path.startsWith('/')).map((s) => s.path))).toEqual(new Set(loaded.keys()));
		await context.close();
	});
});
