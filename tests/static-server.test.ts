import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadersHandler } from '@netlify/headers';
import { matchRedirect, netlifyHeaders, type HeaderRule, parseRedirects, serveFolder, type StaticServer } from '../scripts/lib/static-server.ts';
import { ROOT, TMP } from './utils.ts';

interface Response {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A raw request, so that redirects are seen rather than followed and encodings are not undone. */
function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const raw = Buffer.concat(chunks);
				const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
			});
		})
			.on('error', reject)
			.end();
	});
}

describe('netlifyHeaders', () => {
	it('applies every matching rule in order, a later value replacing an earlier one', () => {
		const rules: HeaderRule[] = [
			{ for: '/*', values: { A: 'all', B: 'all' } },
			{ for: '/embed/*', values: { B: 'embed' } },
			{ for: '/feed.xml', values: { C: 'feed' } },
		];
		expect(netlifyHeaders('/modules/x/', rules)).toEqual({ A: 'all', B: 'all' });
		expect(netlifyHeaders('/embed/modules/x/v1/', rules)).toEqual({ A: 'all', B: 'embed' });
		expect(netlifyHeaders('/feed.xml', rules)).toEqual({ A: 'all', B: 'all', C: 'feed' });
		// A dot in a pattern is a dot, not any character.
		expect(netlifyHeaders('/feedaxml', rules)).toEqual({ A: 'all', B: 'all' });
	});

	it("reads netlify.toml's rules when given none", () => {
		expect(netlifyHeaders('/_astro/x.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
		expect(netlifyHeaders('/embed/modules/x/v1/')['Content-Security-Policy']).toMatch(/^frame-ancestors \*/);
		expect(netlifyHeaders('/modules/x/')['Content-Security-Policy']).toMatch(/^frame-ancestors 'self'/);
	});

	// The local server (and every browser test) sends what this function says; Netlify's own headers
	// engine, the one its command line and Vite plugin serve with, reads netlify.toml itself here.
	it("gives every kind of address the headers Netlify's own headers engine gives it", async () => {
		const engine = new HeadersHandler({
			configPath: join(ROOT, 'netlify.toml'),
			projectDir: ROOT,
			logger: { error: (message: string) => expect.fail(`Netlify's engine could not read netlify.toml: ${message}`) } as never,
		});
		const paths = [
			'/', '/modules/x/', '/modules/x/v2/', '/fi/modules/x/', '/tracks/t/', '/verify/', '/404.html',
			'/embed/modules/x/v1/', '/embed/fi/modules/x/v1/', '/EMBED/modules/x/v1/', '/embed/', '/embedded/', '/embedding-guide',
			'/feed.xml', '/fi/feed.xml', '/tracks/t/feed.xml', '/fi/tracks/t/feed.xml',
			'/_astro/page.Ab12.js', '/pagefind/pagefind.js', '/issuers/i/key.json', '/certificate-assets/noto.woff',
		];
		for (const path of paths) expect(netlifyHeaders(path), path).toEqual(await engine.apply(new Request(`https://currents.example${path}`)));
		// What the comparison is for: embeds may be framed anywhere, every other page only by the site.
		const framing = async (path: string) => (await engine.apply(new Request(`https://currents.example${path}`)))['Content-Security-Policy']?.split(';')[0];
		expect(await framing('/embed/modules/x/v1/')).toBe('frame-ancestors *');
		expect(await framing('/modules/x/')).toBe("frame-ancestors 'self'");
		// Netlify reads `/embed/*` as any path starting "/embed": a free page named so must not become frameable.
		expect(await framing('/embedded/')).toBe("frame-ancestors 'self'");
		expect(await framing('/embed/')).toBe("frame-ancestors 'self'");
	});
});

describe('_redirects rules', () => {
	it('parses paths, targets, statuses and the force mark, skipping comments and conditions', () => {
		const rules = parseRedirects('# a comment\n/old /new\n/a/* /b/:splat 200\n/c/:id /d/:id 302!\n/q id=:id /r 301\n\n/e /f 200 Country=fi\n');
		expect(rules).toEqual([
			{ from: '/old', to: '/new', status: 301, force: false },
			{ from: '/a/*', to: '/b/:splat', status: 200, force: false },
			{ from: '/c/:id', to: '/d/:id', status: 302, force: true },
		]);
	});

	it('fills the splat and placeholders, and lets a file shadow a rule unless it is forced', () => {
		const rules = parseRedirects('/a/* /b/:splat 200\n/c/:id/x /d/:id 200!');
		expect(matchRedirect('/a/one/two', rules, false)?.to).toBe('/b/one/two');
		expect(matchRedirect('/a/one/two', rules, true)).toBeUndefined();
		expect(matchRedirect('/c/7/x', rules, true)?.to).toBe('/d/7');
		expect(matchRedirect('/z', rules, false)).toBeUndefined();
	});
});

describe('serveFolder', () => {
	const dir = join(TMP, 'static-server', 'site');
	let site: StaticServer;
	const requests: { path: string; status: number }[] = [];

	beforeAll(async () => {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(join(dir, 'guide'), { recursive: true });
		mkdirSync(join(dir, 'embed', 'x'), { recursive: true });
		mkdirSync(join(dir, 'shared'), { recursive: true });
		writeFileSync(join(dir, 'index.html'), `<!doctype html><title>home</title>${'<p>words</p>'.repeat(100)}`);
		writeFileSync(join(dir, '404.html'), '<!doctype html><title>not found</title>');
		writeFileSync(join(dir, 'guide', 'index.html'), '<!doctype html><title>guide</title>');
		writeFileSync(join(dir, 'embed', 'x', 'index.html'), '<!doctype html><title>embed</title>');
		writeFileSync(join(dir, 'shared', 'index.html'), '<!doctype html><title>shared</title>');
		writeFileSync(join(dir, 'about.html'), '<!doctype html><title>about</title>');
		writeFileSync(join(dir, 'feed.xml'), '<feed/>');
		writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
		writeFileSync(join(dir, '_redirects'), '/share/* /shared/ 200\n/guide/ /about 200\n/forced/ /about 200!\n/moved /guide/ 301\n');
		site = await serveFolder(dir, { requests });
	});
	afterAll(async () => {
		await site.close();
	});

	it('reads x/index.html for /x/ with its type and headers, and redirects /x to /x/', async () => {
		const page = await get(site.url('/embed/x/'));
		expect(page.status).toBe(200);
		expect(page.body).toContain('<title>embed</title>');
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.headers['content-security-policy']).toMatch(/^frame-ancestors \*/);
		expect(page.headers['x-content-type-options']).toBe('nosniff');
		const bare = await get(site.url('/embed/x?a=1'));
		expect(bare.status).toBe(301);
		expect(bare.headers.location).toBe('/embed/x/?a=1');
		expect((await get(site.url('/about'))).body).toContain('<title>about</title>');
		expect((await get(site.url('/feed.xml'))).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
	});

	it('answers unknown paths and paths outside the folder with 404.html and status 404', async () => {
		// A file next to the folder exists, but is not part of the site.
		for (const path of ['/nowhere/', '/..%2Fsecret.txt', '/%E0%A4%A']) {
			const page = await get(site.url(path));
			expect(page.status, path).toBe(404);
			expect(page.body, path).toContain('<title>not found</title>');
		}
		expect(requests).toContainEqual({ path: '/nowhere/', status: 404 });
	});

	it('applies _redirects: 200 rewrites where no file answers (or always with !), 301 redirects', async () => {
		const rewritten = await get(site.url('/share/anything'));
		expect(rewritten.status).toBe(200);
		expect(rewritten.body).toContain('<title>shared</title>');
		// guide/index.html exists, so the unforced rule for /guide/ does not apply.
		expect((await get(site.url('/guide/'))).body).toContain('<title>guide</title>');
		expect((await get(site.url('/forced/'))).body).toContain('<title>about</title>');
		const moved = await get(site.url('/moved'));
		expect(moved.status).toBe(301);
		expect(moved.headers.location).toBe('/guide/');
	});

	it('compresses text for browsers that accept it, and only for them', async () => {
		const plain = await get(site.url('/'));
		expect(plain.headers['content-encoding']).toBeUndefined();
		const zipped = await get(site.url('/'), { 'Accept-Encoding': 'gzip' });
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.body).toBe(plain.body);
		expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.body.length);
		expect((await get(site.url('/'), { 'Accept-Encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
	});
});
