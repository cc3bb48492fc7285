/**
 * The site's Content Security Policy, in the two places it is delivered:
 *
 * - a `<meta http-equiv="content-security-policy">` that Astro writes into every page
 *   (`security.csp`), which adds the hash of every script and stylesheet it bundles, so that it works
 *   wherever the built folder is served, `astro preview` included;
 * - a `Content-Security-Policy` header from `netlify.toml`, which also covers what a meta tag cannot:
 *   `frame-ancestors` (ignored in a meta tag), the Pagefind worker (a worker gets the policy of its own
 *   response, never the page's meta tag) and files opened directly, such as an SVG picture.
 *
 * A browser enforces both: a request must pass each. So the header names the same sources as the meta
 * tag, and `tests/csp.test.ts` fails when `netlify.toml` and `headerPolicy()` disagree.
 *
 * What the pages need (measured on the built flagship, see `tests/csp.test.ts` and
 * `tests/browser/csp.test.ts`):
 * - scripts: files under `/_astro/` and `/pagefind/`, plus Starlight's four inline scripts, pinned by
 *   hash (`pinned.ts`); no inline event handlers (the output scan refuses them);
 * - WebAssembly: Pagefind's search index and the certificate renderer's text shaper compile wasm,
 *   which `'wasm-unsafe-eval'` allows without allowing `eval()`;
 * - a worker: Pagefind's `/pagefind/pagefind-worker.js`;
 * - fetches: the search index, `/learner.json`, and the fonts and pictures under
 *   `/certificate-assets/`, all from the site itself;
 * - images: the site's own, `blob:` (the certificate preview, drawn by the browser), `data:` (SVG icons
 *   inside Starlight's and Expressive Code's stylesheets), and the hosts listed in `imageHosts`;
 * - styles: stylesheet files only, no `<style>` element. Starlight and Expressive Code write `style`
 *   attributes, which cannot be hashed in a useful way; see STYLE_ATTRIBUTES.
 */
import type { AstroUserConfig } from 'astro';
import { isHostName } from '../safety/urls.ts';
import { pinnedScriptHashes } from './pinned.ts';

/** Astro's `security.csp` option, in its object form. */
export type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Directive = NonNullable<AstroCsp['directives']>[number];
type Hash = NonNullable<NonNullable<AstroCsp['scriptDirective']>['hashes']>[number];

export interface CspOptions {
	/** Hosts the curriculum may show remote images from (`imageHosts` in curriculum.yaml). */
	imageHosts?: readonly string[];
}

/** Who may frame a page: the site itself, or anyone (the embed pages). */
export type FrameAncestors = "'self'" | '*';

/**
 * Why `style-src-attr 'unsafe-inline'`: every page carries `style` attributes that set CSS custom
 * properties, written by components this site does not own:
 * - Starlight's sidebar: `<ul|li|a|span style="--depth: 0;">` (the indentation of each level);
 * - Starlight's `Icon`: `<svg style="--sl-icon-size: 1em;">` (also `--sl-icon-color`);
 * - Starlight's `Select` (theme and language pickers): `<label style="--sl-select-width: 7em">`;
 * - Expressive Code's highlighted code: `<span style="--0:#D6DEEB;--1:#403F53">` per token, whose values
 *   depend on the code shown, so no fixed list of hashes (`'unsafe-hashes'`) could cover them.
 * Removing them would mean overriding Starlight's sidebar, icon and select components and giving up
 * highlighted code. A `style` attribute cannot run script, and what it could load (`url()`) is still held
 * to `img-src` and `font-src`; content cannot write one (the content check refuses `style` attributes),
 * and `<style>` elements stay refused: `style-src` allows stylesheet files and hashes only.
 */
export const STYLE_ATTRIBUTES = "'unsafe-inline'";

/**
 * `https://host` for each image host, in the order given, without repeats. The config's schema
 * accepts host names only; anything else (a space or `;` would add sources or directives to the
 * policy) is left out here too, whatever handed it over.
 */
export function imageSources(hosts: readonly string[] = []): string[] {
	const sources = hosts
		.map((host) => host.trim().toLowerCase().replace(/\.$/, ''))
		.filter(isHostName)
		.map((host) => `https://${host}`);
	return [...new Set(sources)];
}

/**
 * The directives other than `script-src` and `style-src`, in order. Astro writes these into the meta
 * tag as given; a meta tag ignores `frame-ancestors`, so it is only in the header.
 */
export function otherDirectives(options: CspOptions = {}): [string, string[]][] {
	return [
		['default-src', ["'self'"]],
		['img-src', ["'self'", 'data:', 'blob:', ...imageSources(options.imageHosts)]],
		['font-src', ["'self'"]],
		['connect-src', ["'self'"]],
		['worker-src', ["'self'"]],
		['object-src', ["'none'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
	];
}

/** Sources of `script-src`, besides the hashes. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** The value of Astro's `security.csp` option. */
export function astroCsp(options: CspOptions = {}) {
	return {
		algorithm: 'SHA-256' as const,
		directives: otherDirectives(options).map(([name, sources]) => `${name} ${sources.join(' ')}` as Directive),
		scriptDirective: {
			resources: [...SCRIPT_SOURCES, { resource: "'none'", kind: 'attribute' as const }],
			hashes: pinnedScriptHashes() as Hash[],
		},
		styleDirective: {
			resources: ["'self'", { resource: STYLE_ATTRIBUTES, kind: 'attribute' as const }],
		},
	} satisfies AstroCsp;
}

/** The `Content-Security-Policy` header for pages that `frameAncestors` may frame. */
export function headerPolicy(frameAncestors: FrameAncestors, options: CspOptions = {}): string {
	const directives: [string, string[]][] = [
		['frame-ancestors', [frameAncestors]],
		['default-src', ["'self'"]],
		['script-src', [...SCRIPT_SOURCES, ...pinnedScriptHashes().map((hash) => `'${hash}'`)]],
		['script-src-attr', ["'none'"]],
		['style-src', ["'self'"]],
		['style-src-attr', [STYLE_ATTRIBUTES]],
		...otherDirectives(options).filter(([name]) => name !== 'default-src'),
	];
	return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** A policy as a map from directive to its sources, as a browser reads it (the first of a name counts). */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
		if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/**
 * The policy `astro preview` sends as a header (Astro's `server.headers`, one set for every path): the
 * Netlify header without `frame-ancestors`, which differs between pages and embed pages, so that the
 * preview enforces on workers and files what Netlify enforces. Not for the dev server, whose Vite client
 * injects `<style>` elements and connects a WebSocket.
 */
export function previewPolicy(options: CspOptions = {}): string {
	return headerPolicy("'self'", options).replace(/^frame-ancestors [^;]*; /, '');
}
