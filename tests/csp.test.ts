import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { inventory, sha256 } from '../src/lib/csp/measure.ts';
import { PINNED_SCRIPTS, pinnedScriptHashes } from '../src/lib/csp/pinned.ts';
import { astroCsp, headerPolicy, imageSources, otherDirectives, parsePolicy, previewPolicy } from '../src/lib/csp/policy.ts';
import { netlifyHeaders } from './browser/harness.ts';
import { ROOT } from './utils.ts';

/** The Content Security Policy's logic (src/lib/csp/); tests/browser/csp.test.ts checks it in a browser. */
describe('the Content Security Policy', () => {
	const header = parsePolicy(headerPolicy("'self'"));

	it('allows scripts only from the site and the pinned inline scripts, with WebAssembly but no eval', () => {
		const scripts = header.get('script-src')!;
		expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(scripts.slice(2)).toEqual(pinnedScriptHashes().map((hash) => `'${hash}'`));
		expect(scripts).toHaveLength(2 + PINNED_SCRIPTS.size);
		for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'https:']) expect(scripts).not.toContain(loose);
		expect(header.get('script-src-attr')).toEqual(["'none'"]);
	});

	it('allows stylesheet files only, and style attributes (which Starlight and Expressive Code write)', () => {
		expect(header.get('style-src')).toEqual(["'self'"]);
		expect(header.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
	});

	it('keeps every other fetch to the site itself, images also from data:, blob: and the listed hosts', () => {
		expect(Object.fromEntries(header)).toMatchObject({
			'frame-ancestors': ["'self'"],
			'default-src': ["'self'"],
			'img-src': ["'self'", 'data:', 'blob:'],
			'font-src': ["'self'"],
			'connect-src': ["'self'"],
			'worker-src': ["'self'"],
			'object-src': ["'none'"],
			'base-uri': ["'self'"],
			'form-action': ["'self'"],
		});
		expect(parsePolicy(headerPolicy("'self'", { imageHosts: ['Upload.Wikimedia.org.', 'upload.wikimedia.org', 'images.example.org'] })).get('img-src')).toEqual([
			"'self'",
			'data:',
			'blob:',
			'https://upload.wikimedia.org',
			'https://images.example.org',
		]);
		expect(imageSources([' ', ''])).toEqual([]);
		expect(imageSources(["img.example.org; script-src * 'unsafe-inline'", 'https://img.example.org', 'ok.example.org'])).toEqual(['https://ok.example.org']);
	});

	it('lets anyone frame the embed pages, and changes nothing else for them', () => {
		const embed = parsePolicy(headerPolicy('*'));
		expect(embed.get('frame-ancestors')).toEqual(['*']);
		expect(Object.fromEntries([...embed].filter(([name]) => name !== 'frame-ancestors'))).toEqual(Object.fromEntries([...header].filter(([name]) => name !== 'frame-ancestors')));
	});

	it('gives Astro the same directives as the header, without frame-ancestors, which a meta tag ignores', () => {
		const csp = astroCsp({ imageHosts: ['images.example.org'] });
		expect(csp.algorithm).toBe('SHA-256');
		// Astro refuses script-src and style-src among the plain directives.
		expect(csp.directives.some((directive) => /^(script|style)-src|^frame-ancestors/.test(directive))).toBe(false);
		const withHost = parsePolicy(headerPolicy("'self'", { imageHosts: ['images.example.org'] }));
		for (const directive of csp.directives) {
			const [name, ...sources] = directive.split(' ');
			expect(withHost.get(name!), name).toEqual(sources);
		}
		expect(csp.directives).toHaveLength(otherDirectives().length);
		expect(csp.scriptDirective).toEqual({ resources: ["'self'", "'wasm-unsafe-eval'", { resource: "'none'", kind: 'attribute' }], hashes: pinnedScriptHashes() });
		expect(csp.styleDirective).toEqual({ resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] });
	});

	it("is what netlify.toml sends, for the flagship curriculum's image hosts", () => {
		const config = parseYaml(readFileSync(join(ROOT, 'content', 'curriculum.yaml'), 'utf8')) as { imageHosts?: string[] };
		const rules = (parseToml(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')).headers ?? []) as unknown as { for: string; values: Record<string, string> }[];
		const expected = { '/modules/x/': headerPolicy("'self'", config), '/': headerPolicy("'self'", config), '/pagefind/pagefind-worker.js': headerPolicy("'self'", config), '/embed/modules/x/v1/': headerPolicy('*', config) };
		for (const [path, policy] of Object.entries(expected)) {
			const sent = netlifyHeaders(path, rules)['Content-Security-Policy'];
			const rule = path.startsWith('/embed/') ? '/embed/:kind/*' : '/*';
			expect(sent, `netlify.toml sends another policy for ${path} than src/lib/csp/policy.ts makes. In its [[headers]] rule for "${rule}", write:\n    Content-Security-Policy = "${policy}"\n`).toBe(policy);
		}
	});

	it('gives astro preview the header without frame-ancestors, which differs between pages and embed pages', () => {
		const preview = parsePolicy(previewPolicy({ imageHosts: ['images.example.org'] }));
		expect(preview.has('frame-ancestors')).toBe(false);
		expect(Object.fromEntries(preview)).toEqual(Object.fromEntries([...parsePolicy(headerPolicy('*', { imageHosts: ['images.example.org'] }))].filter(([name]) => name !== 'frame-ancestors')));
	});

	it('parses a policy as a browser does: names in any case, the first of a name counting', () => {
		expect([...parsePolicy(" Script-Src 'self'  'sha256-x=' ;; img-src *; script-src 'unsafe-inline'; ")]).toEqual([
			['script-src', ["'self'", "'sha256-x='"]],
			['img-src', ['*']],
		]);
	});
});

describe('measuring a page for the policy', () => {
	const page = `<!doctype html><html><head><meta charset="utf-8"><script>window.a = 1;</script>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'"><link rel="stylesheet" href="/_astro/a.css">
<script type="application/ld+json">{"@type":"Course"}</script><script type="module" src="/_astro/x.js"></script></head>
<body><style>p{color:red}</style><svg style="--sl-icon-size: 1em;"></svg><img src="x.png" onerror="alert(1)">
<template><script>later()</script></template></body></html>`;

	it('hashes inline scripts and style elements, and lists style attributes, handlers and meta policies', () => {
		const found = inventory(page);
		expect(found.inlineScripts).toEqual([sha256('window.a = 1;'), sha256('later()')]);
		expect(found.styleElements).toEqual([sha256('p{color:red}')]);
		expect(found.styleAttributes).toEqual(['<svg style="--sl-icon-size: 1em;">']);
		expect(found.eventHandlers).toEqual(['<img onerror>']);
		expect(found.metaPolicies).toEqual(["script-src 'self'"]);
		// The inline script before the meta tag is not governed by it, only by the header.
		expect(found.metaFirst).toBe(false);
		expect(inventory('<head><meta http-equiv="content-security-policy" content="x"><script>1</script></head>').metaFirst).toBe(true);
	});

	it('hashes as browsers do: SHA-256 of the UTF-8 text, base64', () => {
		expect(sha256('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
		expect(sha256('é')).toBe(`sha256-${createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('base64')}`);
	});
});
