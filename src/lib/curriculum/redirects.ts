import { moduleHref } from './model.ts';
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
