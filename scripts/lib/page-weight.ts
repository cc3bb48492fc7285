/**
 * What a built page costs a reader before they do anything: its HTML, and the JavaScript it loads
 * on its own, that is every script the page names and everything those scripts import statically.
 * Dynamic `import()`s are left out on purpose: they load only when the reader asks for something,
 * such as opening search. Each script is measured as it is on disk (raw) and gzipped at level 9,
 * roughly what a CDN sends; the budgets hold the gzip size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budgets a module page must meet (issue #9): measured by `npm run bench` and `tests/flagship.test.ts`. */
export const BUDGETS = {
	/** JavaScript a module page loads before search is opened, gzip. */
	moduleJavaScript: 20 * 1024,
	/** A module page's HTML, raw. */
	moduleHtml: 80 * 1024,
};

export interface PageWeight {
	/** Bytes of the HTML file. */
	html: number;
	/** Each script the page loads up front, by site path, with its size raw and gzipped; inline scripts as `inline #n`. */
	scripts: { path: string; raw: number; gzip: number }[];
	/** The sum of the scripts' gzip sizes. */
	javaScript: number;
	/** The sum of their raw sizes: what the browser parses. */
	javaScriptRaw: number;
}

const sizes = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

/** `<script src>` and `<link rel="modulepreload">` targets, and the text of inline scripts. */
function scriptsOf(html: string): { sources: string[]; inline: string[] } {
	const sources: string[] = [];
	const inline: string[] = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attributes = match[1]!;
		const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attributes)?.[1];
		const type = /\btype=["']?([^"'\s>]+)/i.exec(attributes)?.[1];
		if (src) sources.push(src);
		// JSON data in a script element is not JavaScript.
		else if (!type || /^(module|text\/javascript)$/i.test(type)) inline.push(match[2]!);
	}
	for (const match of html.matchAll(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi)) {
		const href = /\bhref=["']?([^"'\s>]+)/i.exec(match[0])?.[1];
		if (href) sources.push(href);
	}
	return { sources, inline };
}

/** Static imports of a bundled module: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`. */
export function staticImports(code: string): string[] {
	const found: string[] = [];
	for (const match of code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) {
		found.push(match[1]!);
	}
	return found;
}

/** The weight of one built page, e.g. `modules/x/index.html`, in the output folder `outDir`. */
export function pageWeight(outDir: string, page: string): PageWeight {
	const file = join(outDir, page);
	const html = readFileSync(file, 'utf8');
	const { sources, inline } = scriptsOf(html);
	const scripts: PageWeight['scripts'] = inline.map((text, i) => ({ path: `inline #${i + 1}`, ...sizes(text) }));
	const seen = new Set<string>();
	const visit = (path: string) => {
		if (seen.has(path) || /^[a-z]+:/i.test(path)) return;
		seen.add(path);
		const onDisk = join(outDir, path);
		if (!existsSync(onDisk) || !statSync(onDisk).isFile()) return;
		const code = readFileSync(onDisk, 'utf8');
		scripts.push({ path, ...sizes(code) });
		for (const specifier of staticImports(code)) visit(posix.resolve(posix.dirname(path), specifier));
	};
	const pageDir = `/${dirname(page).split('\\').join('/')}/`;
	for (const source of sources) visit(source.startsWith('/') ? source : posix.resolve(pageDir, source));
	const total = (key: 'raw' | 'gzip') => scripts.reduce((sum, script) => sum + script[key], 0);
	return { html: statSync(file).size, scripts, javaScript: total('gzip'), javaScriptRaw: total('raw') };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
