import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, kilobytes, pageWeight } from '../../scripts/lib/page-weight.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { newestDate, ROOT } from '../utils.ts';
import { renderEveryBlock, serveCurriculum, serveShared, type ServedSite } from './harness.ts';
import { unzip } from '../unzip.ts';

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
		const { page } = await site.open();
		const loaded = new Map<string, { raw: number; gzip: number }>();
		page.on('response', async (response) => {
			const type = response.request().resourceType();
			if (type === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname)) {
				const body = await response.body();
				loaded.set(new URL(response.url()).pathname, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
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
		const external = [...loaded.values()].reduce((sum, size) => sum + size.gzip, 0);
		const total = external + inline;
		expect([...loaded.keys()].filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
		expect(total, `${kilobytes(total)}: ${[...loaded.keys()].join(', ')}`).toBeLessThanOrEqual(BUDGETS.moduleJavaScript);
		// The build-time measure that `npm run bench` reports for 1,000 modules counts the same files.
		const measured = pageWeight(site.build.outDir, 'modules/audience-research/index.html');
		const files = measured.scripts.filter((s) => s.path.startsWith('/'));
		expect(new Set(files.map((s) => s.path))).toEqual(new Set(loaded.keys()));
		// And the same bytes of each, raw as the browser received them and gzipped.
		expect(Object.fromEntries(files.map((s) => [s.path, { raw: s.raw, gzip: s.gzip }]))).toEqual(Object.fromEntries(loaded));
	});
});

describe('pages without the sidebar', () => {
	it('offer the theme and language pickers on a phone, where they have no menu, and once on a wide screen', async () => {
		for (const [screen, path] of [[{ viewport: { width: 390, height: 844 }, isMobile: true }, '/'], [{ viewport: { width: 390, height: 844 }, isMobile: true }, '/no-such-page/'], [{ viewport: { width: 1280, height: 800 } }, '/']] as const) {
			const { page } = await site.open('/', screen);
			await page.goto(site.url(path));
			const visible = (selector: string) => page.locator(selector).evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
			expect(await visible('starlight-theme-select select'), `${path} at ${screen.viewport.width} px`).toBe(1);
			expect(await visible('currents-language-select select'), `${path} at ${screen.viewport.width} px`).toBe(1);
			if (screen.viewport.width < 800) {
				// And it works: the Finnish edition is one choice away.
				// On a page without a Finnish version (the not-found page), Finnish leads to its home page.
				const select = page.locator('currents-language-select select').locator('visible=true');
				await select.selectOption((await select.locator('option', { hasText: /^Suomi/ }).getAttribute('value'))!);
				await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/fi\//);
			}
		}
	});
});

describe('the foot of a long module page', () => {
	it('is where a link to one of its headings lands, though the browser renders it only near the screen', async () => {
		for (const screen of [{ viewport: { width: 390, height: 844 }, isMobile: true }, { viewport: { width: 1280, height: 800 } }]) {
			const { page } = await site.open('/', screen);
			const width = screen.viewport.width;
			for (const heading of ['knowledge-check', 'sources', 'changelog']) {
				const top = () => page.locator(`#${heading}`).evaluate((element) => Math.round(element.getBoundingClientRect().top));
				// Below Starlight's header (and on a phone the "On this page" bar), at the top of what the reader
				// sees: by the page's address, and by a link on the page to the heading, as the contents list has.
				await page.goto(site.url(`/modules/audience-research/#${heading}`));
				await expect.poll(top, { message: `${heading} at ${width} px, by address` }).toBeGreaterThanOrEqual(0);
				await expect.poll(top, { message: `${heading} at ${width} px, by address` }).toBeLessThan(200);
				expect(await page.evaluate(() => scrollY), heading).toBeGreaterThan(2000);
				await page.goto(site.url('/modules/audience-research/'));
				await page.evaluate((id) => (location.hash = id), heading);
				await expect.poll(top, { message: `${heading} at ${width} px, by a link` }).toBeGreaterThanOrEqual(0);
				await expect.poll(top, { message: `${heading} at ${width} px, by a link` }).toBeLessThan(200);
			}
			// An address whose fragment is not valid percent-encoding is read as naming nothing, without an error.
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await page.goto(site.url('/modules/audience-research/#%E0%A4'));
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			expect(errors).toEqual([]);
		}
	});
});

/**
 * Headings on a phone: a long word, such as the Finnish compounds of the translated titles, fits on a
 * line rather than being broken between two letters (at 35 pixels, Starlight's size for a narrow screen,
 * "Kohderyhmätutkimus:" was cut after its u at 390 pixels). A break at a hyphen or a space is a line's
 * ordinary end. On a wide screen the sizes are Starlight's.
 */
describe('headings on a phone', () => {
	/** The words of the page's headings that the browser laid out on more than one line. */
	const splitWords = (page: Page) =>
		page.evaluate(() => {
			const split: string[] = [];
			for (const heading of document.querySelectorAll('main h1, main h2, main h3')) {
				const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					for (const word of node.textContent!.matchAll(/[^\s/\-\u2010-\u2014]+/g)) {
						const range = document.createRange();
						range.setStart(node, word.index);
						range.setEnd(node, word.index + word[0].length);
						const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
						if (lines.size > 1) split.push(`${heading.tagName.toLowerCase()} "${word[0]}" at ${getComputedStyle(heading).fontSize}`);
					}
				}
			}
			return split;
		});

	it('keep each word on one line at 320 pixels, in Finnish too, and are the size Starlight gives them from 467 pixels up', async () => {
		const { page } = await site.open('/', { viewport: { width: 320, height: 700 }, isMobile: true, javaScriptEnabled: false });
		const longest = [
			'/fi/modules/audience-research/',
			'/fi/modules/campaign-objectives/',
			'/fi/modules/goals-and-kpis/',
			'/fi/tracks/strategy-and-planning/',
			'/fi/updates/2026-08-02-eu-ai-act-transparency-duties-apply/',
			'/modules/youtube-playbook/',
			'/tracks/platform-playbooks/',
			'/embed/modules/youtube-playbook/v1/',
		];
		for (const path of longest) {
			await page.goto(site.url(path));
			expect(await splitWords(page), path).toEqual([]);
		}
		const titleSize = () => page.locator('h1').first().evaluate((h1) => getComputedStyle(h1).fontSize);
		// The embed page, last of the list, then a page of the site, at each width.
		expect(await titleSize(), 'embed page at 320 px').toBe('24px');
		await page.goto(site.url('/fi/modules/audience-research/'));
		expect(await titleSize(), '320 px').toBe('24px');
		await page.setViewportSize({ width: 1280, height: 800 });
		expect(await titleSize(), '1280 px').toBe('42px');
		await page.setViewportSize({ width: 500, height: 800 });
		expect(await titleSize(), '500 px').toBe('35px');
	});
});

/**
 * A reader whose browser runs no JavaScript: the page in the theme their system asks for (Starlight
 * writes every page dark and leaves the switch to its script), no menus or buttons that would do
 * nothing, the languages as plain links, and the phone's menu still opening (a popover).
 */
describe('a reader without JavaScript', () => {
	const MODULE = '/modules/audience-research/';
	/** What a reader sees of the theme: the page's background, and the colour of a link in the prose. */
	const theme = (page: Page) =>
		page.evaluate(() => ({
			background: getComputedStyle(document.body).backgroundColor,
			link: getComputedStyle(document.querySelector('.sl-markdown-content a')!).color,
		}));

	it('sees the light or the dark theme as their system asks, as a reader with JavaScript does', async () => {
		// What this test's visits asked for: other tests of the file read pages without JavaScript too.
		const before = site.requests.length;
		for (const colorScheme of ['light', 'dark'] as const) {
			const withScripts = await site.open(MODULE, { colorScheme });
			const expected = await theme(withScripts.page);
			const { page } = await site.open(MODULE, { colorScheme, javaScriptEnabled: false });
			expect(await theme(page), colorScheme).toEqual(expected);
		}
		expect(site.requests.slice(before).filter((request) => request.path === '/no-script.css').map((request) => request.status)).toEqual([200, 200]);
	});

	it('meets no theme menu, language menu or search button, and has the languages as links', async () => {
		const { page } = await site.open('/fi/', { javaScriptEnabled: false });
		for (const selector of ['starlight-theme-select', 'currents-language-select', '.currents-search']) {
			expect(await page.locator(selector).filter({ visible: true }).count(), selector).toBe(0);
		}
		const links = page.locator('header .currents-language-links a');
		expect(await links.evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('hreflang'), a.getAttribute('aria-current')]))).toEqual([
			['English', '/', 'en', null],
			['Suomi', '/fi/', 'fi', 'page'],
		]);
	});

	it('opens the menu on a phone, with the languages in it', async () => {
		const { page } = await site.open(MODULE, { viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled: false });
		const trackLink = page.locator('#starlight__sidebar ul.top-level a[aria-current="page"]');
		expect(await trackLink.isVisible()).toBe(false);
		await page.locator('button.sl-menu-button').click();
		expect(await trackLink.isVisible()).toBe(true);
		expect(await page.locator('#starlight__sidebar .currents-language-links a').filter({ visible: true }).allTextContents()).toEqual(['English', 'Suomi']);
	});

	it('costs a reader with JavaScript nothing: the stylesheet is not fetched', async () => {
		const before = site.requests.length;
		const { page } = await site.open(MODULE);
		await page.waitForLoadState('networkidle');
		expect(site.requests.slice(before).map((request) => request.path)).not.toContain('/no-script.css');
	});
});

/**
 * The pages of the whole curriculum's Common Cartridge as a learning platform shows them to a student
 * on a phone: each page stands alone, with its own styles, and none is wider than the screen (a long
 * address in inline code once made one scroll sideways).
 */
describe("the whole curriculum's cartridge on a phone", () => {
	it('fits every page to a 390-pixel screen', async () => {
		const files = unzip(readFileSync(join(site.build.outDir, 'downloads', 'currents.imscc')));
		const pages = [...files].filter(([name]) => name.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(100);
		const { context } = await site.open('/', { viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled: false });
		// A blank page of its own, outside the site's security policy, which would refuse the pages' inline styles.
		const page = await context.newPage();
		const wide: string[] = [];
		for (const [name, html] of pages) {
			await page.setContent(html.toString('utf8'));
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > 390) wide.push(`${name}: ${width} px`);
		}
		expect(wide).toEqual([]);
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
	screen: Screen;
	theme: Theme;
	rule: string;
	help: string;
	targets: string[];
}
type Theme = 'light' | 'dark';
type Screen = 'desktop' | 'phone';
/** The page background each theme showed while axe ran, and the width of each screen, to know the switches took. */
const backgrounds: Record<Theme, Set<string>> = { light: new Set(), dark: new Set() };
const widths: Record<Screen, Set<number>> = { desktop: new Set(), phone: new Set() };
/** How many looks axe took on each screen, to know every page was seen on each screen it should be. */
const looked: Record<Screen, number> = { desktop: 0, phone: 0 };

/** One look at a loaded page: on which screen, in which theme, with every WCAG rule or the colour rules alone. */
interface Look {
	screen: Screen;
	theme: Theme;
	rules: 'every' | 'colour';
}
const VIEWPORTS: Record<Screen, { width: number; height: number }> = { desktop: DESKTOP, phone: PHONE };

/**
 * A page checked in each of its looks on one load. The theme is switched as Starlight's theme
 * picker switches it (the `data-theme` attribute, with the colour scheme the system reports to
 * match); the screen as a reader turning a tablet or narrowing a window changes it (the viewport,
 * which every media query and script of the page follows). Motion is reduced, so no colour is caught
 * half-way through a transition. A look in a second theme on the same screen needs only the rules that
 * read colours, since a theme changes nothing else of the document. axe is already in the page: the browser
 * context adds it to each document as it starts, which costs about a quarter of what adding it to
 * each loaded page did (80 against 350 ms a page); checking the phone on the same load spares a
 * second load and a second start of axe.
 */
async function violationsOn(page: Page, path: string, looks: readonly Look[]): Promise<Violation[]> {
	await page.setViewportSize(DESKTOP);
	await page.goto(site.url(path), { waitUntil: 'load' });
	// A block not rendered yet would come back from axe as "incomplete", not checked.
	await renderEveryBlock(page);
	const found: Violation[] = [];
	for (const { screen, theme, rules } of looks) {
		if (screen !== 'desktop') await page.setViewportSize(VIEWPORTS[screen]);
		await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
		const violations = await page.evaluate(
			async ({ tags, theme, every, COLOUR_RULES }) => {
				document.documentElement.dataset.theme = theme;
				await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
				type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
				const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
				const run = every ? { type: 'tag', values: tags } : { type: 'rule', values: COLOUR_RULES };
				const result = await axe.run(document, { runOnly: run, resultTypes: ['violations'] });
				return {
					background: getComputedStyle(document.body).backgroundColor,
					width: innerWidth,
					violations: result.violations.map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')) })),
				};
			},
			{ tags: WCAG, theme, every: rules === 'every', COLOUR_RULES }
		);
		backgrounds[theme].add(violations.background);
		widths[screen].add(violations.width);
		looked[screen] += 1;
		found.push(...violations.violations.map((v) => ({ path, screen, theme, ...v })));
	}
	return found;
}

/**
 * Every page the sitemap lists, in every language, against axe-core's WCAG 2.2 A and AA rules, in the
 * light and the dark theme. Each page is seen in the light theme on a desktop screen with every rule.
 * The home, track, module and field reference pages, where wide tables scroll and the sidebar folds,
 * are seen in the dark theme on a phone screen, with every rule again; the other pages, which share
 * their layout and hold no tables, in the dark theme on the desktop screen, with the colour rules. So
 * every page is checked in both themes, the phone in the dark theme too, and a page with tables
 * needs two looks instead of three (the dark theme's colour rules on the desktop cost some 0.3
 * core-seconds a page, and the desktop's dark sidebar and contents list are the same on the pages
 * without tables).
 */
describe('accessibility of every page of the flagship site', () => {
	const sitemap = () => [...site.build.read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
	const withTables = (path: string) => /^(\/[a-z]{2})?\/(modules\/[^/]+\/|tracks\/[^/]+\/|contributing\/fields\/)?$/.test(path);
	const looksAt = (path: string): Look[] => [
		{ screen: 'desktop', theme: 'light', rules: 'every' },
		withTables(path) ? { screen: 'phone', theme: 'dark', rules: 'every' } : { screen: 'desktop', theme: 'dark', rules: 'colour' },
	];

	it('has no violation in the light and the dark theme, on a desktop screen and on a phone screen', async () => {
		const paths = sitemap();
		expect(paths.length).toBeGreaterThan(100);
		expect(paths.filter(withTables).length).toBeGreaterThan(60);
		const { context } = await site.open('/', { colorScheme: 'light', reducedMotion: 'reduce', viewport: DESKTOP, bypassCSP: true });
		await context.addInitScript({ content: AXE });
		// Two pages at a time keep two cores busy; a third only made each page slower (60 pages: 36 s with two, 40 s with three).
		const pages = await Promise.all([1, 2].map(() => context.newPage()));
		const queue = [...paths];
		const violations: Violation[] = [];
		await Promise.all(
			pages.map(async (page) => {
				for (let path = queue.shift(); path; path = queue.shift()) violations.push(...(await violationsOn(page, path, looksAt(path))));
			})
		);
		await context.close();
		expect(violations).toEqual([]);
		// Two looks at every page: in the light theme on a desktop, and in the dark on a phone for each page with tables, on a desktop for the others.
		expect(looked).toEqual({ desktop: 2 * paths.length - paths.filter(withTables).length, phone: paths.filter(withTables).length });
		expect(widths).toEqual({ desktop: new Set([DESKTOP.width]), phone: new Set([PHONE.width]) });
		// Every page was seen in each theme's colours: the two themes share no page background.
		expect([...backgrounds.dark].filter((colour) => backgrounds.light.has(colour))).toEqual([]);
	}, 900_000);
});
