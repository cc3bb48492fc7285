/**
 * Browser tests: build a fixture curriculum, serve the output on a free port, and drive Debian's
 * Chromium with playwright-core. Each test file gets its own server and browser, and closes both in
 * `afterAll`; it builds its own site, or reads the run's one build of an unchanged one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Logger, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveFolder } from '../../scripts/lib/static-server.ts';
import { buildCurriculum, fixtureContent, sharedBuild, type Build, type SharedSite } from '../utils.ts';

/** Netlify's headers for a path, as `scripts/lib/static-server.ts` serves them. */
export { netlifyHeaders } from '../../scripts/lib/static-server.ts';

/** Debian's package; test tools' own browser downloads do not work on these machines. */
export const CHROMIUM = process.env.CURRENTS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Renders every block of the page in it that the browser leaves unrendered until a reader scrolls
 * near (`content-visibility: auto`: a module page's knowledge check, boxes and foot), as a reader
 * scrolling sees them. Until then such a block has no colours or sizes for axe to measure, and whether
 * a full-page screenshot draws it depends on whether the browser had a frame to render it first. The
 * rule is a stylesheet built in the page, which the page's Content Security Policy does not govern;
 * it is added once per document.
 */
export async function renderEveryBlock(page: Page): Promise<void> {
	await page.evaluate(() => {
		const marked = window as { currentsEveryBlock?: true };
		if (marked.currentsEveryBlock) return;
		const sheet = new CSSStyleSheet();
		sheet.replaceSync('* { content-visibility: visible !important; }');
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
		marked.currentsEveryBlock = true;
	});
}

export interface ServedSite {
	build: Build;
	/** An absolute URL for a path of the site, e.g. `url('/modules/x/')`. */
	url: (path: string) => string;
	/**
	 * A first visit to a page, in the file's browser context for these `options` (e.g.
	 * `{ javaScriptEnabled: false }` to read a page as a reader without JavaScript does), with the site's
	 * storage and the browser's cache emptied: the earlier visit's page, taken over once what its test
	 * added is taken off (see `reusePage`), or a new page when that test changed a setting of the page,
	 * so that nothing of an earlier test is left. A test that changes the context itself (a route, an
	 * init script) closes it when done, and the next visit with those options gets a new one.
	 */
	open: (path?: string, options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
	/** Paths the pages requested, in order, with their status: to assert what loaded when. */
	requests: { path: string; status: number }[];
	close: () => Promise<void>;
}

/**
 * Builds a curriculum (the valid-course fixture unless another content folder is given), serves it
 * and starts Chromium. Throws with the build's output when the build fails.
 */
export async function serveCurriculum(name: string, contentDir = fixtureContent('valid-course'), today?: string): Promise<ServedSite> {
	return serveBuild(name, buildCurriculum(contentDir, `browser-${name}`, today));
}

/**
 * Serves the valid-course fixture or the flagship as the repository holds them, from the one build
 * of it that all test files of the run share (`sharedBuild`): for files that only read the site.
 */
export async function serveShared(site: SharedSite): Promise<ServedSite> {
	return serveBuild(site, await sharedBuild(site));
}

/**
 * How long a step of opening a visit may take. Playwright bounds navigations and actions itself, but
 * not opening a context or a page, closing one, or a DevTools command: one that never answers would
 * hold the test until its own timeout, and the next visit with the same options after it.
 */
const STEP_MS = 30_000;

/**
 * What a test did to the page of its visit that the next visit must not inherit. Opening a page costs
 * Chromium and Playwright about 1.7 s of CPU time more than sending one already open to a new address
 * (a new page with its first load against a load in a page already open, ten of each:
 * docs/performance-history.md), and the browser tests make some two hundred visits. So the next visit
 * with the same options takes the earlier page over, once what the test added to it is taken off:
 * its listeners, init scripts, exposed functions and routes. A test that changed a setting of the page
 * itself (its viewport, the media it emulates, its headers or timeouts) leaves a page that is closed, and
 * the next visit opens a new one.
 */
interface Visit {
	undo: (() => Promise<unknown>)[];
	reusable: boolean;
}
const visits = new WeakMap<Page, Visit>();

/** Undoable additions are recorded; settings with no way back mark the page as not to be taken over. */
const UNDOABLE = ['addInitScript', 'exposeFunction', 'exposeBinding'] as const;
const SETTINGS = ['setViewportSize', 'emulateMedia', 'setExtraHTTPHeaders', 'setDefaultTimeout', 'setDefaultNavigationTimeout', 'addLocatorHandler', 'routeFromHAR', 'routeWebSocket'] as const;

function watch(page: Page): Page {
	const visit: Visit = { undo: [], reusable: true };
	visits.set(page, visit);
	const methods = page as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
	for (const name of UNDOABLE) {
		const original = methods[name]!.bind(page);
		methods[name] = async (...args) => {
			const disposable = (await original(...args)) as { dispose: () => Promise<void> };
			visit.undo.push(() => disposable.dispose());
			return disposable;
		};
	}
	const route = methods.route!.bind(page);
	methods.route = async (...args) => {
		visit.undo.push(() => page.unrouteAll({ behavior: 'ignoreErrors' }));
		return route(...args);
	};
	for (const name of SETTINGS) {
		const original = methods[name]!.bind(page);
		methods[name] = (...args) => {
			visit.reusable = false;
			return original(...args);
		};
	}
	return page;
}

/** The page of an earlier visit, on a blank document with nothing of that visit's test left on it; or nothing, if it cannot be. */
async function reusePage(page: Page): Promise<Page | undefined> {
	const visit = visits.get(page);
	if (!visit?.reusable || page.isClosed()) return undefined;
	await page.removeAllListeners(undefined, { behavior: 'ignoreErrors' });
	for (const undo of visit.undo.splice(0).reverse()) await step('take off what a test added to a page', undo());
	// Leaves the site, so that no document of it is open while its storage is emptied.
	await step('leave the page of an earlier visit', page.goto('about:blank'));
	await step('move the mouse off the page', page.mouse.move(0, 0));
	return page;
}

/** `promise`, or an error naming the step when it has not settled within STEP_MS. */
async function step<T>(what: string, promise: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Chromium did not ${what} within ${STEP_MS / 1000} s.`)), STEP_MS);
	});
	try {
		return await Promise.race([promise, late]);
	} finally {
		clearTimeout(timer);
	}
}

/** How long a Playwright call may wait before the run says which call it is. */
const LATE_CALL_MS = 60_000;

/**
 * A logger for Playwright that names a call still waiting after LATE_CALL_MS, with the test that made it
 * and the calls before it, on the run's error output. Navigations and actions end at Playwright's own
 * timeout, but an evaluation in a page, or closing one, waits as long as the renderer does: when one
 * holds a test until Vitest's timeout, Vitest says only that the test timed out. Says nothing
 * otherwise.
 */
export function lateCallLogger({ afterMs = LATE_CALL_MS, report = (text: string): unknown => process.stderr.write(text) }: { afterMs?: number; report?: (text: string) => unknown } = {}): Logger {
	const waiting: { call: string; timer: NodeJS.Timeout }[] = [];
	const recent: string[] = [];
	return {
		isEnabled: (name) => name === 'api',
		log(_name, _severity, message) {
			const text = String(message);
			recent.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
			if (recent.length > 12) recent.shift();
			const started = /^=> (.+) started$/.exec(text);
			if (started) {
				const call = started[1]!;
				const test = expect.getState().currentTestName ?? 'no test';
				const before = [...recent];
				const timer = setTimeout(() => report(`\nPlaywright's ${call}, called by "${test}", has not returned in ${afterMs / 1000} s. The calls up to it:\n${before.join('\n')}\n`), afterMs);
				timer.unref();
				waiting.push({ call, timer });
				return;
			}
			const ended = /^<= (.+) (?:succeeded|failed)$/.exec(text);
			const at = ended ? waiting.findIndex((entry) => entry.call === ended[1]) : -1;
			if (at >= 0) clearTimeout(waiting.splice(at, 1)[0]!.timer);
		},
	};
}

async function serveBuild(name: string, build: Build): Promise<ServedSite> {
	if (build.status !== 0) throw new Error(`The ${name} build failed:\n${build.output}`);
	if (!existsSync(CHROMIUM)) {
		throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CURRENTS_CHROMIUM to its path; .ci/run installs it.`);
	}
	const requests: ServedSite['requests'] = [];
	// Served as Netlify serves it: pretty URLs, 404.html, _redirects, netlify.toml's headers.
	const server = await serveFolder(build.outDir, { requests });
	const browser: Browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
		logger: lateCallLogger(),
	});
	const errors: string[] = [];
	const { url } = server;
	const origin = new URL(url('/')).origin;
	// A new browser context costs Chromium about 0.6 s of CPU time more than a new page in one already
	// open, and its first page waits over a second longer to load (docs/performance-history.md): visits
	// with the same options share a context, emptied between them.
	const contexts = new Map<string, BrowserContext>();
	const contextFor = async (options: BrowserContextOptions = {}) => {
		const key = JSON.stringify(options);
		const known = contexts.get(key);
		const context = known ?? (await step('open a browser context', browser.newContext(options)));
		if (!known) {
			context.on('close', () => contexts.delete(key));
			contexts.set(key, context);
		}
		return { key, context, fresh: !known };
	};
	return {
		build,
		url,
		requests,
		async open(path = '/', options?: BrowserContextOptions) {
			const { key, context, fresh } = await contextFor(options);
			let page: Page;
			try {
				// The page of the earlier visit, left as a new page would be, or closed when that cannot be done.
				const earlier = context.pages();
				const reused = earlier.length === 1 ? await reusePage(earlier[0]!) : undefined;
				for (const other of earlier) if (other !== reused) await step('close the page of an earlier visit', other.close());
				page = reused ?? watch(await step('open a page', context.newPage()));
				// A new context starts with nothing stored and nothing cached; one used before is emptied.
				if (!fresh) {
					const session = await step('attach to the page', context.newCDPSession(page));
					await step('empty the HTTP cache', session.send('Network.clearBrowserCache'));
					await step("empty the site's storage", session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }));
					await step('detach from the page', session.detach());
				}
			} catch (error) {
				// The next visit with these options starts in a new context, not in one left half-way.
				contexts.delete(key);
				void context.close().catch(() => undefined);
				throw error;
			}
			// A script error on any page fails the file when it closes, whatever the test looked at.
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
			await page.goto(url(path));
			return { context, page };
		},
		async close() {
			await browser.close();
			await server.close();
			if (errors.length > 0) throw new Error(`Script errors in the browser:\n${errors.join('\n')}`);
		},
	};
}
