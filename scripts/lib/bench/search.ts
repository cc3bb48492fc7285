/**
 * What a reader's first search costs: the bytes the browser fetches from `/pagefind/` to open search
 * on a module page and show results for one word, measured in Chromium against the built site.
 */
import { existsSync } from 'node:fs';
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

export async function firstQueryBytes(outDir: string, page: string, selectors: SearchSelectors, word = 'steep'): Promise<number | null> {
	const chromiumPath = process.env.CURRENTS_CHROMIUM ?? '/usr/bin/chromium';
	if (!existsSync(chromiumPath)) return null;
	// Served as Netlify serves it; the bytes counted are the decoded bodies, as before.
	const server = await serveFolder(outDir, { headers: selectors.headers });
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
	try {
		const tab = await browser.newPage();
		let bytes = 0;
		tab.on('response', async (response) => {
			if (new URL(response.url()).pathname.startsWith('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
		});
		await tab.goto(server.url(`/${page}`), { waitUntil: 'networkidle' });
		await tab.click(selectors.open, { timeout: 60_000 });
		await tab.fill(selectors.input, word, { timeout: 10_000 });
		// Until the results are shown: on a busy machine the network fell quiet before the index's
		// fragments were asked for, and a first search of plain Starlight's site measured 97 KB in one
		// run and 149 KB in another.
		await tab.locator(selectors.result).first().waitFor({ timeout: 60_000 });
		await tab.waitForLoadState('networkidle');
		await tab.waitForTimeout(1000);
		await tab.waitForLoadState('networkidle');
		return bytes;
	} catch (error) {
		// A measure that could not be taken is reported as missing rather than failing the whole benchmark.
		console.warn(`Could not measure a first search on ${page}: ${(error as Error).message.split('\n')[0]}`);
		return null;
	} finally {
		await browser.close();
		await server.close();
	}
}
