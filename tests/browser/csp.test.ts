import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventory } from '../../src/lib/csp/measure.ts';
import { PINNED_SCRIPTS } from '../../src/lib/csp/pinned.ts';
import { headerPolicy, parsePolicy } from '../../src/lib/csp/policy.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * The Content Security Policy in Chromium, on the valid-course fixture served as Netlify serves it
 * (the headers of netlify.toml, and the meta tag Astro writes into each page): every page type opens,
 * and search, the theme picker, a knowledge check, a certificate and the verify page work, with no
 * violation reported. The fixture has an archived major (brewing-basics v1) and a track certificate.
 */
const KEY = 'currents:progress';
const pass = (version: string, at: string) => ({ completed: { version, at, via: 'quiz' }, quiz: { version, score: 100, passMark: 75, at } });
const COMPLETE = {
	'water-temperature': pass('1.0.0', '2026-01-10T09:00:00.000Z'),
	'brewing-basics': pass('1.0.0', '2026-03-02T10:00:00.000Z'),
	serving: pass('1.0.1', '2026-04-30T22:30:00.000Z'),
};

const PAGES = {
	home: '/',
	track: '/tracks/tea-foundations/',
	module: '/modules/brewing-basics/',
	'archived module': '/modules/brewing-basics/v1/',
	embed: '/embed/modules/brewing-basics/v2/',
	"what's new": '/whats-new/',
	verify: '/verify/',
	'platform update': '/updates/2026-10-20-teapot-infuser/',
	progress: '/progress/',
	'not found': '/no-such-page/',
};

/** Every built HTML file under `dir`, as paths relative to it. */
function htmlFiles(dir: string, base = dir): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path, base);
		return name.endsWith('.html') ? [relative(base, path)] : [];
	});
}

describe('the Content Security Policy in the browser', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	/** Violations per page, as the page's listener and the console reported them. */
	const violations: string[] = [];

	/** Opens a page in a fresh context that records every violation of the policy. */
	const open = async (path: string): Promise<Page> => {
		const { context, page } = await site.open('/no-such-page/');
		contexts.push(context);
		page.on('console', (message) => {
			if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${page.url()} (console): ${message.text()}`);
		});
		await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
		await page.addInitScript(() => {
			document.addEventListener(
				'securitypolicyviolation',
				(event) => {
					const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
					report(`${location.pathname}: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
				},
				true
			);
		});
		await page.goto(site.url(path));
		await page.waitForLoadState('networkidle');
		return page;
	};
	const clear = () => violations.splice(0, violations.length);

	beforeAll(async () => {
		site = await serveShared('valid-course');
	}, 180_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('pins exactly the inline scripts the build emits, and the pages have no <style> element or event handler', () => {
		const found = new Set<string>();
		const problems: string[] = [];
		for (const file of htmlFiles(site.build.outDir)) {
			const page = inventory(site.build.read(file));
			for (const hash of page.inlineScripts) found.add(hash);
			if (page.styleElements.length > 0) problems.push(`${file}: ${page.styleElements.length} <style> element(s), which style-src refuses`);
			if (page.eventHandlers.length > 0) problems.push(`${file}: ${page.eventHandlers.join(', ')}, which script-src-attr refuses`);
			// Astro writes the meta tag into every page except its redirect pages, which hold no script.
			if (page.inlineScripts.length > 0 || /<script/.test(site.build.read(file))) {
				if (page.metaPolicies.length !== 1) problems.push(`${file}: ${page.metaPolicies.length} meta policies`);
				const scripts = parsePolicy(page.metaPolicies[0] ?? '').get('script-src') ?? [];
				for (const hash of PINNED_SCRIPTS.keys()) if (!scripts.includes(`'${hash}'`)) problems.push(`${file}: the meta policy does not allow ${hash}`);
				if (scripts.includes("'unsafe-inline'")) problems.push(`${file}: the meta policy allows 'unsafe-inline'`);
			}
		}
		expect(problems).toEqual([]);
		const unknown = [...found].filter((hash) => !PINNED_SCRIPTS.has(hash));
		const gone = [...PINNED_SCRIPTS.keys()].filter((hash) => !found.has(hash));
		expect(
			{ unknown, gone },
			`The build's inline scripts differ from the ones the Content Security Policy pins (src/lib/csp/pinned.ts), as after a Starlight upgrade that changed one. Browsers would refuse the new script. Find it in the built pages, check that it is Starlight's (node_modules/@astrojs/starlight/components/) and what it does, then replace the old hash with the new one in src/lib/safety/inline-scripts.ts, with its description, and write the policy tests/csp.test.ts prints into netlify.toml.`
		).toEqual({ unknown: [], gone: [] });
	});

	it('sends the policy as a header, with frame-ancestors, and the embed pages may be framed anywhere', async () => {
		const header = async (path: string) => (await fetch(site.url(path))).headers.get('content-security-policy');
		expect(await header('/modules/brewing-basics/')).toBe(headerPolicy("'self'"));
		expect(await header('/pagefind/pagefind-worker.js')).toBe(headerPolicy("'self'"));
		expect(await header(PAGES.embed)).toBe(headerPolicy('*'));
	});

	it.each(Object.entries(PAGES))('opens the %s page with no violation', async (_, path) => {
		clear();
		const page = await open(path);
		expect(await page.locator('h1').first().isVisible()).toBe(true);
		expect(violations).toEqual([]);
	});

	it('reports a violation when a script is injected (the listener works)', async () => {
		clear();
		const page = await open('/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true;';
			document.body.append(script);
		});
		await expect.poll(() => violations.length).toBeGreaterThan(0);
		expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
		clear();
	});

	it('searches (Pagefind: a worker and WebAssembly) with no violation', async () => {
		clear();
		const page = await open('/modules/serving/');
		await page.keyboard.press('Control+K');
		await page.locator('[data-search-input]').fill('water');
		await expect.poll(() => page.locator('[data-search-results] li > a').count()).toBeGreaterThan(0);
		// Pagefind searches in its worker, which loads the index's WebAssembly under the worker's own policy (the header).
		const paths = site.requests.map(({ path }) => path);
		expect(paths).toContain('/pagefind/pagefind-worker.js');
		expect(paths.some((path) => path.startsWith('/pagefind/wasm.'))).toBe(true);
		expect(violations).toEqual([]);
	});

	it('switches the theme with no violation', async () => {
		clear();
		const page = await open('/modules/serving/');
		const select = page.locator('starlight-theme-select select').first();
		await select.selectOption('light');
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await page.reload();
		await page.waitForLoadState('networkidle');
		// The inline ThemeProvider script ran again and applied the saved theme before paint.
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await select.selectOption('dark');
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(violations).toEqual([]);
	});

	it('checks a knowledge check with no violation', async () => {
		clear();
		const page = await open('/modules/water-temperature/#knowledge-check');
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		for (const question of await page.locator('[data-quiz-question]').all()) await question.locator('input').first().check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => page.locator('[data-quiz-verdict]').count()).toBeGreaterThan(0);
		expect(violations).toEqual([]);
	});

	it('draws a certificate (fonts, text shaping in WebAssembly, a blob: preview) with no violation', async () => {
		clear();
		const page = await open('/tracks/tea-foundations/');
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules: COMPLETE })]);
		await page.reload();
		await expect.poll(() => page.locator('[data-certificate-ready]').isVisible()).toBe(true);
		// A name in Arabic script needs the text shaper, which is WebAssembly.
		await page.getByRole('textbox', { name: 'Your name' }).fill('فاطمة الزهراء');
		const downloading = page.waitForEvent('download', { timeout: 60_000 });
		await page.getByRole('button', { name: 'Download certificate (PNG)' }).click();
		await downloading;
		await expect.poll(() => page.locator('[data-certificate-preview] img').getAttribute('src')).toMatch(/^blob:/);
		await expect.poll(() => page.locator('[data-certificate-preview] img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		expect(site.requests.some(({ path }) => path.startsWith('/certificate-assets/'))).toBe(true);
		expect(violations).toEqual([]);
	}, 90_000);

	it('checks a pasted credential on the verify page with no violation', async () => {
		clear();
		const page = await open('/verify/');
		await page.getByLabel('Or paste the credential').fill(JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] }));
		await page.getByRole('button', { name: 'Check the pasted credential' }).click();
		await expect.poll(async () => ((await page.locator('[data-verify-result]').textContent()) ?? '').trim().length).toBeGreaterThan(0);
		expect(violations).toEqual([]);
	});
});
