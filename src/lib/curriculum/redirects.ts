import { moduleHref, permalinkHref } from './model.ts';
import { majorOf } from './versions.ts';
import type { Redirects } from './schema/redirects.ts';

/**
 * Netlify `_redirects` lines for renamed and removed modules. Every address under the old module,
 * permalinks included, goes to the same address under the new one. The `!` forces the redirect even
 * though the build also writes a small HTML redirect page at the old address for other hosts.
 */
export function netlifyRedirects(redirects: Redirects): string {
	return redirects
		.flatMap(({ from, to }) => [`${moduleHref(from)}  ${moduleHref(to)}  301!`, `${moduleHref(from)}*  ${moduleHref(to)}:splat  301!`])
		.join('\n');
}

/** Astro's `redirects` config: an HTML redirect page at each old module address, for any static host. */
export function astroRedirects(redirects: Redirects): Record<string, string> {
	return Object.fromEntries(redirects.map(({ from, to }) => [moduleHref(from), moduleHref(to)]));
}

/**
 * The permanent address of each module's current major, `/modules/<id>/v<major>/`, shows the
 * current page without rendering it twice: Netlify rewrites it to the canonical page (status 200,
 * so the address stays), and for any other host, `astro preview` included, the build writes a small
 * HTML redirect page there instead. A 0.x pre-release has no permanent address yet.
 */
export function permalinkAliases(modules: ReadonlyMap<string, { version: string }>): { from: string; to: string }[] {
	return [...modules]
		.filter(([, { version }]) => majorOf(version) >= 1)
		.map(([id, { version }]) => ({ from: permalinkHref(id, majorOf(version)), to: moduleHref(id) }));
}

/** Netlify `_redirects` lines for `permalinkAliases`: `!` makes the rewrite win over the HTML redirect page. */
export function netlifyRewrites(aliases: readonly { from: string; to: string }[]): string {
	return aliases.map(({ from, to }) => `${from}  ${to}  200!`).join('\n');
}
