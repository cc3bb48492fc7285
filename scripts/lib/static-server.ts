/**
 * Serves a built site from a folder the way Netlify serves the published folder, so that browser
 * tests, benchmarks and the Lighthouse audit see the responses a reader would get:
 *
 * - `/x/` reads `x/index.html`; `/x` redirects to `/x/` when `x/` is a folder, and reads `x.html`
 *   when that file exists;
 * - `_redirects` in the folder and `[[redirects]]` in `netlify.toml` apply: status 200 (or `200!`)
 *   rewrites to another path of the site, 301/302/303/307/308 redirect, 404 serves the target with
 *   status 404; without `!` a rule applies only where no file answers the path, as on Netlify;
 * - unknown paths get the site's `404.html` with status 404;
 * - every response carries the headers `netlify.toml` sets for its path;
 * - text is compressed (brotli or gzip) when the browser accepts it, as Netlify's CDN does, so that
 *   transfer sizes and simulated load times match the deployed site's.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { parse } from 'smol-toml';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.jsonld': 'application/ld+json',
	'.jwk': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.xml': 'application/xml',
	'.xsl': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.pdf': 'application/pdf',
	'.zip': 'application/zip',
	'.imscc': 'application/zip',
};

/** Types worth compressing; images, fonts and archives are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|manifest\+json|xml|wasm|javascript)|image\/svg\+xml)/;

/**
 * Brotli at quality 5 comes within a few percent of the smallest size at a fraction of the time
 * (quality 11 takes seconds on a large bundle, which would slow the first request in tests), and
 * the work runs off the main thread, so one large file does not hold up the other requests.
 */
const packers = {
	br: (body: Buffer) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
	gzip: (body: Buffer) => promisify(gzip)(body, { level: 6 }),
};

export interface HeaderRule {
	for: string;
	values: Record<string, string>;
}

export interface RedirectRule {
	from: string;
	to: string;
	status: number;
	/** `200!`, `301!`, …: applies even where a file answers the path. */
	force: boolean;
}

interface NetlifyToml {
	headers?: HeaderRule[];
	redirects?: { from: string; to: string; status?: number; force?: boolean }[];
}

let cachedToml: NetlifyToml | undefined;
const netlifyToml = (): NetlifyToml => (cachedToml ??= parse(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')) as unknown as NetlifyToml);

/** A redirect's Netlify path pattern as a regular expression: `*` matches anything (the splat), `:name` one segment. */
function pattern(path: string): RegExp {
	const source = path
		.split(/(\*|:[A-Za-z_]\w*)/)
		.map((part) => (part === '*' ? '(?<splat>.*)' : part.startsWith(':') && part.length > 1 ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`);
}

/**
 * A header rule's `for` pattern as Netlify's headers engine reads it, which is looser than a redirect's:
 * segment by segment, ignoring case and a trailing slash. `:name` is one segment; `*` inside a segment is
 * any text; `*` as a whole segment is any rest of the path, and the slash before it is optional, so that
 * `/embed/*` also matches `/embed` and `/embedded/` (tests/static-server.test.ts compares this with
 * Netlify's own engine).
 */
function headerPattern(path: string): RegExp {
	const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
	const parts = path.split('/').map((part) => part.trimEnd()).filter(Boolean);
	const source = parts.map((part) => (part === '*' ? '?.*' : part.startsWith(':') ? '[^/]+' : part.split('*').map(escape).join('.*'))).join('/');
	return new RegExp(`^/${source}/?$`, 'iu');
}

/**
 * The response headers `netlify.toml` gives a path. As Netlify does, every rule whose `for` pattern
 * matches applies in order, and a later rule's value of a header replaces an earlier one's.
 */
export function netlifyHeaders(path: string, rules: HeaderRule[] = netlifyToml().headers ?? []): Record<string, string> {
	return Object.assign({}, ...rules.filter((rule) => headerPattern(rule.for).test(path)).map((rule) => rule.values));
}

/**
 * Rules from a `_redirects` file: `from to [status][!]` per line, `#` comments; a rule without a
 * status is a 301. Query-string conditions and country or role conditions are not supported and
 * such lines are skipped.
 */
export function parseRedirects(text: string): RedirectRule[] {
	const rules: RedirectRule[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*$/, '').trim();
		if (!line) continue;
		const [from, to, code, ...rest] = line.split(/\s+/);
		if (!from || !to || rest.length > 0 || from.includes('=')) continue;
		const status = /^(\d{3})(!?)$/.exec(code ?? '301');
		if (!status) continue;
		rules.push({ from, to, status: Number(status[1]), force: status[2] === '!' });
	}
	return rules;
}

/** The redirect rules of a published folder: its `_redirects` first, then `netlify.toml`'s, as Netlify reads them. */
export function redirectRules(dir: string, toml: NetlifyToml = netlifyToml()): RedirectRule[] {
	const file = join(dir, '_redirects');
	const fromFile = existsSync(file) ? parseRedirects(readFileSync(file, 'utf8')) : [];
	const fromToml = (toml.redirects ?? []).map((rule) => ({ from: rule.from, to: rule.to, status: rule.status ?? 301, force: rule.force ?? false }));
	return [...fromFile, ...fromToml];
}

/** The first rule matching a path, with its target's placeholders and splat filled in. */
export function matchRedirect(path: string, rules: RedirectRule[], fileExists: boolean): { rule: RedirectRule; to: string } | undefined {
	for (const rule of rules) {
		if (fileExists && !rule.force) continue;
		const match = pattern(rule.from).exec(path);
		if (!match) continue;
		const to = rule.to.replace(/:splat|:([A-Za-z_]\w*)/g, (whole, name?: string) => match.groups?.[name ?? 'splat'] ?? whole);
		return { rule, to };
	}
	return undefined;
}

export interface ServeOptions {
	/** Paths requested, in order, with the status each got: to assert what loaded when. */
	requests?: { path: string; status: number }[];
	/** Compress text for browsers that accept it, as Netlify does. Default true. */
	compress?: boolean;
	/** Header rules instead of `netlify.toml`'s. */
	headers?: HeaderRule[];
}

export interface StaticServer {
	server: Server;
	port: number;
	/** An absolute URL for a path of the site, e.g. `url('/modules/x/')`. */
	url: (path: string) => string;
	close: () => Promise<void>;
}

/** The file that answers a site path, if one does: `x/index.html` for a folder, `x.html` for `/x`. */
function fileFor(dir: string, path: string): { file?: string; folder: boolean } {
	const file = normalize(join(dir, path));
	if (!file.startsWith(dir + sep) && file !== dir) return { folder: false };
	if (existsSync(file) && statSync(file).isDirectory()) {
		const index = join(file, 'index.html');
		return { file: existsSync(index) ? index : undefined, folder: true };
	}
	if (existsSync(file)) return { file, folder: false };
	if (!path.endsWith('/') && existsSync(`${file}.html`)) return { file: `${file}.html`, folder: false };
	return { folder: false };
}

/** Serves `dir` on a free port of 127.0.0.1 (or `port`) until `close()`. */
export async function serveFolder(folder: string, options: ServeOptions = {}, port = 0): Promise<StaticServer> {
	const dir = resolve(folder);
	const redirects = redirectRules(dir);
	const compress = options.compress ?? true;
	const compressed = new Map<string, Promise<Buffer>>();

	const send = async (request: IncomingMessage, response: ServerResponse, status: number, path: string, file: string) => {
		options.requests?.push({ path, status });
		// A type netlify.toml sets for the path (the feed's, say) wins over the one the file's extension gives.
		const rules = netlifyHeaders(path, options.headers);
		const custom = Object.keys(rules).find((name) => name.toLowerCase() === 'content-type');
		const type = custom ? rules[custom]! : (CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
		let body: Buffer = readFileSync(file);
		const headers: Record<string, string> = { 'Content-Type': type, ...rules };
		if (custom && custom !== 'Content-Type') delete headers['Content-Type'];
		const accepts = String(request.headers['accept-encoding'] ?? '');
		const encoding = !compress || !COMPRESSIBLE.test(type) || body.length < 256 ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
		if (encoding) {
			const key = `${encoding}:${file}`;
			let packed = compressed.get(key);
			if (!packed) compressed.set(key, (packed = packers[encoding](body)));
			body = await packed;
			headers['Content-Encoding'] = encoding;
			headers.Vary = 'Accept-Encoding';
		}
		headers['Content-Length'] = String(body.length);
		response.writeHead(status, headers);
		response.end(request.method === 'HEAD' ? undefined : body);
	};
	const redirect = (response: ServerResponse, status: number, path: string, location: string) => {
		options.requests?.push({ path, status });
		response.writeHead(status, { ...netlifyHeaders(path, options.headers), Location: location, 'Content-Length': '0' });
		response.end();
	};
	const notFound = (request: IncomingMessage, response: ServerResponse, path: string) => {
		const page = join(dir, '404.html');
		if (existsSync(page)) return send(request, response, 404, path, page);
		options.requests?.push({ path, status: 404 });
		response.writeHead(404, { ...netlifyHeaders(path, options.headers), 'Content-Type': 'text/plain; charset=utf-8' });
		response.end('Not Found');
	};

	const server = createServer((request, response) => {
		answer(request, response).catch((error: unknown) => response.destroy(error as Error));
	});
	const answer = async (request: IncomingMessage, response: ServerResponse) => {
		const address = new URL(request.url ?? '/', 'http://localhost');
		let path: string;
		try {
			path = decodeURIComponent(address.pathname);
		} catch {
			return notFound(request, response, address.pathname);
		}
		const found = fileFor(dir, path);
		const rule = matchRedirect(path, redirects, found.file !== undefined);
		if (rule) {
			const { status } = rule.rule;
			if (status >= 300 && status < 400) return redirect(response, status, path, rule.to);
			if (/^[a-z]+:/i.test(rule.to)) return notFound(request, response, path);
			const target = fileFor(dir, new URL(rule.to, 'http://localhost').pathname);
			if (target.file) return send(request, response, status === 200 ? 200 : status, path, target.file);
			return notFound(request, response, path);
		}
		if (found.folder && !path.endsWith('/') && found.file) return redirect(response, 301, path, `${address.pathname}/${address.search}`);
		if (found.file) return send(request, response, 200, path, found.file);
		return notFound(request, response, path);
	};
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	const bound = (server.address() as AddressInfo).port;
	return {
		server,
		port: bound,
		url: (path: string) => `http://127.0.0.1:${bound}${path}`,
		close: () => new Promise<void>((done) => {
			server.closeAllConnections();
			server.close(() => done());
		}),
	};
}
