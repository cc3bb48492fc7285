import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, kilobytes, pageWeight } from '../../scripts/lib/page-weight.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { newestDate, ROOT } from '../utils.ts';
import { serveCurriculum, serveShared, type ServedSite } from './harness.ts';

/**
 * The flagship site in the browser, from the run's one build of it. `CURRENTS_FLAGSHIP_CONTENT`
 * points the same checks at another content folder, built for this file.
 */
const content = process.env.CURRENTS_FLAGSHIP_CONTENT;
let site: ServedSite;
beforeAll(async () => {
	site = content ? await serveCurriculum('flagship', content, newestDate(loadCurriculum(content, ROOT))) : await serveShared('flagship');
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

describe('the foot of a long module page', () => {
	it('is where a link to one of its headings lands, though the browser renders it only near the screen', async () => {
		const { context, page } = await site.open('/', { viewport: { width: 390, height: 844 }, isMobile: true });
		for (const heading of ['knowledge-check', 'sources', 'changelog']) {
			await page.goto(site.url(`/modules/audience-research/#${heading}`));
			const top = () => page.locator(`#${heading}`).evaluate((element) => Math.round(element.getBoundingClientRect().top));
			// Below Starlight's header and the "On this page" bar, at the top of what the reader sees.
			await expect.poll(top, heading).toBeGreaterThanOrEqual(0);
			expect(await top(), heading).toBeLessThan(200);
			expect(await page.evaluate(() => scrollY), heading).toBeGreaterThan(2000);
		}
		await context.close();
	});
});

/** axe-core's browser build, injected into each page: the WCAG 2.2 A and AA rules. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The WCAG rules whose outcome depends on colours, which is all a theme changes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface Violation {
	path: string;
	theme: Theme;
	rule: string;
	help: string;
	targets: string[];
}
type Theme = 'light' | 'dark';
/** The page background each theme showed while axe ran, to know the switch took. */
const backgrounds: Record<Theme, Set<string>> = { light: new Set(), dark: new Set() };

/**
 * A page checked in each theme on one load, and the theme is switched as Starlight's theme picker
 * switches it (the `data-theme` attribute, with the colour scheme the system reports to match).
 * Motion is reduced, so no colour is caught half-way through a transition. The first theme gets
 * every WCAG rule; the others the rules that read colours, since a theme changes nothing else of the
 * document. axe is already in the page: the browser context adds it to each document as it starts,
 * which costs about a quarter of what adding it to each loaded page did (80 against 350 ms a page).
 */
async function violationsOn(page: Page, path: string, themes: readonly Theme[]): Promise<Violation[]> {
	await page.goto(site.url(path), { waitUntil: 'load' });
	const found: Violation[] = [];
	for (const theme of themes) {
		await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
		const violations = await page.evaluate(
			async ({ tags, theme, first, COLOUR_RULES }) => {
				document.documentElement.dataset.theme = theme;
				// A block the browser has not rendered yet (content-visibility: auto, as the foot of a module
				// page is until a reader scrolls near it) has no colours or sizes for axe to measure: it would
				// come back as "incomplete", not checked. Everything is rendered, as a reader scrolling sees it.
				if (first) document.head.append(Object.assign(document.createElement('style'), { textContent: '* { content-visibility: visible !important; }' }));
				await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
				type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
				const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
				// The themes differ only in colour: every other rule sees the same document, so it runs in the first theme alone.
				const run = first ? { type: 'tag', values: tags } : { type: 'rule', values: COLOUR_RULES };
				const result = await axe.run(document, { runOnly: run, resultTypes: ['violations'] });
				return {
					background: getComputedStyle(document.body).backgroundColor,
					violations: result.violations.map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')) })),
				};
			},
			{ tags: WCAG, theme, first: theme === themes[0], COLOUR_RULES }
		);
		backgrounds[theme].add(violations.background);
		found.push(...violations.violations.map((v) => ({ path, theme, ...v })));
	}
	return found;
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
		['the light and the dark theme', 'desktop', DESKTOP, everyPage, ['light', 'dark']],
		['the light theme', 'phone', PHONE, withTables, ['light']],
	] as const;

	it.each(passes)('has no violation in %s on a %s screen', async (_, __, viewport, include, themes) => {
		const paths = sitemap().filter(include);
		expect(paths.length).toBeGreaterThan(include === everyPage ? 100 : 60);
		const { context } = await site.open('/', { colorScheme: themes[0], reducedMotion: 'reduce', viewport, bypassCSP: true });
		await context.addInitScript({ content: AXE });
		// Two pages at a time keep two cores busy; a third only made each page slower (60 pages: 36 s with two, 40 s with three).
		const pages = await Promise.all([1, 2].map(() => context.newPage()));
		const queue = [...paths];
		const violations: Violation[] = [];
		await Promise.all(
			pages.map(async (page) => {
				for (let path = queue.shift(); path; path = queue.shift()) violations.push(...(await violationsOn(page, path, themes)));
			})
		);
		await context.close();
		expect(violations).toEqual([]);
		// Every page was seen in each theme's colours: the two themes share no page background.
		if (themes.length > 1) expect([...backgrounds.dark].filter((colour) => backgrounds.light.has(colour))).toEqual([]);
	}, 600_000);
});
