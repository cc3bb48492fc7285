import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_TRACKS_HREF, moduleHref, permalinkHref, WHATS_NEW_HREF } from './model.ts';
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
 * Addresses a reader guesses by shortening one they have seen, which hold no page of their own: the
 * list of tracks (`/tracks/`, and `/modules/`, whose modules the tracks list, in every language) is
 * the home page's, the platform updates (`/updates/`) are listed on What's new, and the contributor
 * pages start at the rules of the check. A free page of the curriculum at one of them wins.
 */
export function sectionRedirects(locales: readonly string[], freePages: readonly string[]): Record<string, string> {
	const taken = new Set(freePages.map((id) => `/${id}/`));
	const sections: [string, string][] = [
		...locales.flatMap((code, index): [string, string][] => {
			const prefix = index === 0 ? '' : `/${code}`;
			return [
				[`${prefix}/tracks/`, `${prefix}${ALL_TRACKS_HREF}`],
				[`${prefix}/modules/`, `${prefix}${ALL_TRACKS_HREF}`],
				[`${prefix}/updates/`, `${prefix}${WHATS_NEW_HREF}`],
			];
		}),
		['/contributing/', '/contributing/rules/'],
	];
	return Object.fromEntries(sections.filter(([from]) => !taken.has(from)));
}

/**
 * The permanent address of each module's current major, `/modules/<id>/v<major>/`, shows the
 * current page without rendering it twice: Netlify rewrites it to the canonical page (status 200,
 * so the address stays), and for any other host, `astro preview` included, the build writes a small
 * HTML redirect page there instead (`writeAliasPages`). A 0.x pre-release has no permanent address yet.
 */
export function permalinkAliases(modules: ReadonlyMap<string, { version: string }>): { from: string; to: string }[] {
	return [...modules]
		.filter(([, { version }]) => majorOf(version) >= 1)
		.map(([id, { version }]) => ({ from: permalinkHref(id, majorOf(version)), to: moduleHref(id) }));
}

/**
 * Netlify `_redirects` lines that send an address in another language with no page there (a module
 * or track not yet translated, a syllabus, an old link) to the same address in the original, rather
 * than to "not found". A rule that is not forced applies only where no file answers, so every page
 * that exists in the language keeps its address; it goes last, after every other rule. Temporary
 * (302), since a translation may come.
 */
export function languageFallbacks(locales: readonly string[]): string {
	return locales
		.slice(1)
		.map((code) => `/${code}/*  /:splat  302`)
		.join('\n');
}

/** Netlify `_redirects` lines for `permalinkAliases`: `!` makes the rewrite win over the HTML redirect page. */
export function netlifyRewrites(aliases: readonly { from: string; to: string }[]): string {
	return aliases.map(({ from, to }) => `${from}  ${to}  200!`).join('\n');
}

/**
 * Writes the redirect page of each permanent address into the built site. They are written as
 * files rather than listed in Astro's `redirects`, through which each costs a render on every build.
 * Each holds only what the output scan accepts of a redirect page: a refresh to a page of this site,
 * `noindex`, the canonical address and a link. The writes are asynchronous, so that a build can make
 * them while Astro renders; `written` is told of each page once its file is complete.
 */
export async function writeAliasPages(dist: string, aliases: readonly { from: string; to: string }[], site: string, written?: (from: string) => void): Promise<void> {
	await Promise.all(
		aliases.map(async ({ from, to }) => {
			const folder = join(dist, ...from.split('/'));
			await mkdir(folder, { recursive: true });
			await writeFile(join(folder, 'index.html'), aliasPage(to, site));
			written?.(from);
		})
	);
}

/** The redirect page of a permanent address, to a root-relative `to` with only URL-safe characters. */
export function aliasPage(to: string, site: string): string {
	const canonical = new URL(to, site).href;
	return `<!doctype html><title>The current version: ${to}</title><meta http-equiv="refresh" content="0;url=${to}"><meta name="robots" content="noindex"><link rel="canonical" href="${canonical}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><body><a href="${to}">Go to the current version of this module: <code>${to}</code></a></body>\n`;
}
