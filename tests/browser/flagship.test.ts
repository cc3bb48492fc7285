import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, kilobytes, pageWeight } from '../../scripts/lib/page-weight.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { newestDate, ROOT } from '../utils.ts';
import { serveCurriculum, type ServedSite } from './harness.ts';

/**
 * The flagship site, built once for this file, in the browser. `CURRENTS_FLAGSHIP_CONTENT` points
 * the same checks at another content folder.
 */
const content = process.env.CURRENTS_FLAGSHIP_CONTENT ?? join(ROOT, 'content');
let site: ServedSite;
beforeAll(async () => {
	site = await serveCurriculum('flagship', content, newestDate(loadCurriculum(content, ROOT)));
}, 600_000);
afterAll(() => site?.close());

/**
 * The JavaScript budget as a reader's browser meets it: everything a module page of the flagship
 * fetches, including what scripts load later on their own (on idle, say), until the network has
 * been quiet and the reader has not yet opened search.
 */
describe('a flagship module page in the browser', () => {
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

/** axe-core's browser build, injected into each page: the WCAG 2.2 A and AA rules. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface Violation {
	path: string;
	rule: string;
	help: string;
	targets: string[];
}

async function violationsOn(page: Page, path: string): Promise<Violation[]> {
	await page.goto(site.url(path), { waitUntil: 'load' });
	await page.addScriptTag({ content: AXE });
	const found = await page.evaluate(async (tags) => {
		type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations.map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
	}, WCAG);
	return found.map((v) => ({ path, ...v }));
}

/**
 * Every page the sitemap lists, in every language, against axe-core's WCAG 2.2 A and AA rules, in the
 * light and the dark theme on a desktop screen; and on a phone, where wide tables scroll and the
 * sidebar folds, the home, track, module and field reference pages (the others share their layout and
 * hold no tables).
 */
describe('accessibility of every page of the flagship site', () => {
	const sitemap = () => [...site.build.read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
	const everyPage = () => true;
	const withTables = (path: string) => /^(\/[a-z]{2})?\/(modules\/[^/]+\/|tracks\/[^/]+\/|contributing\/fields\/)?$/.test(path);
	const passes = [
		['light', 'desktop', DESKTOP, everyPage],
		['dark', 'desktop', DESKTOP, everyPage],
		['light', 'phone', PHONE, withTables],
	] as const;

	it.each(passes)('has no violation in the %s theme on a %s screen', async (theme, _, viewport, include) => {
		const paths = sitemap().filter(include);
		expect(paths.length).toBeGreaterThan(include === everyPage ? 100 : 60);
		// axe is added to each page as an inline script, which the site's policy refuses, as it should;
		// the policy has its own test (csp.test.ts), so this sweep's browser does not apply it.
		const { context } = await site.open('/', { colorScheme: theme, viewport, bypassCSP: true });
		await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		const pages = await Promise.all([1, 2, 3].map(() => context.newPage()));
		const queue = [...paths];
		const violations: Violation[] = [];
		await Promise.all(
			pages.map(async (page) => {
				for (let path = queue.shift(); path; path = queue.shift()) violations.push(...(await violationsOn(page, path)));
			})
		);
		await context.close();
		expect(violations).toEqual([]);
	}, 600_000);
});
