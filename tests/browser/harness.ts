/**
 * Browser tests: build a fixture curriculum, serve the output on a free port, and drive Debian's
 * Chromium with playwright-core. Each test file gets its own build, server and browser, and closes
 * all three in `afterAll`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { parse } from 'smol-toml';
import { buildCurriculum, fixtureContent, ROOT, type Build } from '../utils.ts';

/** Debian's package; test tools' own browser downloads do not work on these machines. */
export const CHROMIUM = process.env.CURRENTS_CHROMIUM ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
};

export interface ServedSite {
	build: Build;
	/** An absolute URL for a path of the site, e.g. `url('/modules/x/')`. */
	url: (path: string) => string;
	/**
	 * A fresh browser context (its own localStorage) with one page. `options` go to the context,
	 * e.g. `{ javaScriptEnabled: false }` to read a page as a reader without JavaScript does.
	 */
	open: (path?: string, options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
	/** Paths the pages requested, in order, with their status: to assert what loaded when. */
	requests: { path: string; status: number }[];
	close: () => Promise<void>;
}

interface HeaderRule {
	for: string;
	values: Record<string, string>;
}

/**
 * The response headers `netlify.toml` gives a path. As Netlify does, every rule whose `for` pattern
 * matches applies in order, and a later rule's value of a header replaces an earlier one's.
 */
export function netlifyHeaders(path: string, rules = (parse(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')).headers ?? []) as unknown as HeaderRule[]): Record<string, string> {
	const matches = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(path);
	return Object.assign({}, ...rules.filter((rule) => matches(rule.for)).map((rule) => rule.values));
}

/**
 * Serves a built folder as Netlify would: `/x/` reads `x/index.html`, unknown paths get `404.html`,
 * and every response carries the headers `netlify.toml` sets for its path.
 */
function serve(dir: string, requests: ServedSite['requests']): Promise<Server> {
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(dir, path));
		if (!file.startsWith(dir + sep) && file !== dir) file = join(dir, '404.html');
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		const found = existsSync(file);
		const status = found ? 200 : 404;
		requests.push({ path, status });
		if (!found) file = join(dir, '404.html');
		response.writeHead(status, { ...netlifyHeaders(path), 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Builds a curriculum (the valid-course fixture unless another content folder is given), serves it
 * and starts Chromium. Throws with the build's output when the build fails.
 */
export async function serveCurriculum(name: string, contentDir = fixtureContent('valid-course'), today?: string): Promise<ServedSite> {
	const build = buildCurriculum(contentDir, `browser-${name}`, today);
	if (build.status !== 0) throw new Error(`The ${name} build failed:\n${build.output}`);
	if (!existsSync(CHROMIUM)) {
		throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CURRENTS_CHROMIUM to its path; .ci/run installs it.`);
	}
	const requests: ServedSite['requests'] = [];
	const server = await serve(build.outDir, requests);
	const { port } = server.address() as AddressInfo;
	const browser: Browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
	});
	const errors: string[] = [];
	const url = (path: string) => `http://127.0.0.1:${port}${path}`;
	return {
		build,
		url,
		requests,
		async open(path = '/', options?: BrowserContextOptions) {
			const context = await browser.newContext(options);
			const page = await context.newPage();
			// A script error on any page fails the file when it closes, whatever the test looked at.
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
			await page.goto(url(path));
			return { context, page };
		},
		async close() {
			await browser.close();
			await new Promise((resolve) => server.close(resolve));
			if (errors.length > 0) throw new Error(`Script errors in the browser:\n${errors.join('\n')}`);
		},
	};
}
