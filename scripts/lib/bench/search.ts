/**
 * What a reader's first search costs: the bytes the browser fetches from `/pagefind/` to open search
 * on a module page and show results for one word, measured in Chromium against the built site.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveFolder, type HeaderRule } from '../static-server.ts';

export interface SearchSelectors {
	open: string;
	input: string;
	/** A result, present once the first results are shown. */
	result: string;
	/** The response headers the site is served with, when not this project's `netlify.toml`'s. */
	headers?: HeaderRule[];
}

export const CURRENTS_SEARCH: SearchSelectors = { open: '[data-search-open]:not([disabled])', input: '[data-search-input]', result: '[data-search-results] li a' };
// A plain Starlight site comes without our netlify.toml, whose Content Security Policy would block its inline scripts.
export const STARLIGHT_SEARCH: SearchSelectors = { open: 'button[data-open-modal]:not([disabled])', input: '#starlight__search input', result: '.pagefind-ui__result', headers: [] };

/** How long no request to `/pagefind/` must have been made for a search to count as complete. */
const QUIET_MS = 2000;

export async function firstQueryBytes(outDir: string, page: string, selectors: SearchSelectors, word = 'steep'): Promise<number | null> {
	const chromiumPath = process.env.CURRENTS_CHROMIUM ?? '/usr/bin/chromium';
	if (!existsSync(chromiumPath)) return null;
	// Served as Netlify serves it; counted by the server, as the files' sizes (the bodies decoded): the
	// browser's own account missed, from run to run, some of what Pagefind's worker fetched.
	const requests: { path: string; status: number }[] = [];
	const server = await serveFolder(outDir, { headers: selectors.headers, requests });
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
	const fetched = () => requests.filter(({ path, status }) => path.startsWith('/pagefind/') && status === 200);
	try {
		const tab = await browser.newPage();
		await tab.goto(server.url(`/${page}`), { waitUntil: 'networkidle' });
		await tab.click(selectors.open, { timeout: 60_000 });
		await tab.fill(selectors.input, word, { timeout: 10_000 });
		// Until the results are shown, and then until nothing more has been asked of Pagefind for two
		// seconds: the search UIs fetch each shown result's fragment after the results appear, and a
		// fixed wait, on a busy machine, counted some of them and not others.
		await tab.locator(selectors.result).first().waitFor({ timeout: 60_000 });
		const until = performance.now() + 30_000;
		let count = fetched().length;
		let quietSince = performance.now();
		while (performance.now() - quietSince < QUIET_MS && performance.now() < until) {
			await tab.waitForTimeout(250);
			if (fetched().length !== count) [count, quietSince] = [fetched().length, performance.now()];
		}
		return fetched().reduce((sum, { path }) => sum + statSync(join(outDir, path)).size, 0);
	} catch (error) {
		// A measure that could not be taken is reported as missing rather than failing the whole benchmark.
		console.warn(`Could not measure a first search on ${page}: ${(error as Error).message.split('\n')[0]}`);
		return null;
	} finally {
		await browser.close();
		await server.close();
	}
}
