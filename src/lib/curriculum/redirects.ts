import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_TRACKS_HREF, moduleHref, permalinkHref, WHATS_NEW_HREF } from './model.ts';
import { majorOf } from './versions.ts';
import { localized } from '../i18n/locales.ts';
import { translatedPermalinkMajor } from '../i18n/site.ts';
import { uiText } from '../i18n/ui/index.ts';
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

/** A permanent address that shows another address's page, and the language of that page. */
export interface PermalinkAlias {
	from: string;
	to: string;
	/** The language of the page shown, in which the redirect page at `from` speaks (`aliasPage`). */
	lang: string;
}

/** A module translation as `permalinkAliases` reads it: the original's id, the language, and the version it follows. */
export interface TranslatedModule {
	id: string;
	locale: string;
	translates: string;
}

/**
 * The permanent address of each module's current major, `/modules/<id>/v<major>/`, shows the
 * current page without rendering it twice: Netlify rewrites it to the canonical page (status 200,
 * so the address stays), and for any other host, `astro preview` included, the build writes a small
 * HTML redirect page there instead (`writeAliasPages`). A 0.x pre-release has no permanent address yet.
 * A translation that follows the current major has one in its language, `/<lang>/modules/<id>/v<major>/`,
 * which shows the translated page the same way, so that a course taught in that language can pin it.
 * A translation of an earlier major has none (`translatedPermalinkMajor`): its address is left to the
 * language fallback (`languageFallbacks`), which leads to the original's permanent address.
 */
export function permalinkAliases(modules: ReadonlyMap<string, { version: string }>, locales: readonly string[], translations: readonly TranslatedModule[] = []): PermalinkAlias[] {
	const [original = 'en', ...others] = locales;
	const current = [...modules]
		.filter(([, { version }]) => majorOf(version) >= 1)
		.map(([id, { version }]) => ({ from: permalinkHref(id, majorOf(version)), to: moduleHref(id), lang: original }));
	const translated = translations.flatMap(({ id, locale, translates }) => {
		const version = modules.get(id)?.version;
		// A language the config does not list has no pages, and a translation of no module no original.
		const major = version === undefined || !others.includes(locale) ? undefined : translatedPermalinkMajor(version, translates);
		if (major === undefined) return [];
		const prefix = { prefix: `/${locale}` };
		return [{ from: localized(permalinkHref(id, major), prefix), to: localized(moduleHref(id), prefix), lang: locale }];
	});
	return [...current, ...translated];
}

/**
 * Netlify `_redirects` lines that send an address in another language with no page there (a module
 * or track not yet translated, the syllabus of such a track, a track's print page, an old link) to the
 * same address in the original, rather than to "not found". A rule that is not forced applies only where no file answers, so every page
 * that exists in the language keeps its address; it goes last, after every other rule. Temporary
 * (302), since a translation may come.
 */
export function languageFallbacks(locales: readonly string[]): string {
	return locales
		.slice(1)
		.map((code) => `/${code}/*  /:splat  302`)
		.join('\n');
}

/**
 * The site's Netlify `_redirects`: renamed modules, then the rewrites of the permanent addresses, and the
 * language fallbacks last. Netlify takes the first rule that matches an address, and a rule that is not
 * forced only where no file answers it: the forced rules win over the redirect pages the build writes
 * at the same addresses, and a fallback answers only what no file and no rule above it does, such as the
 * address in another language of a major its translation does not follow.
 */
export function netlifyRules(renamed: Redirects, aliases: readonly { from: string; to: string }[], locales: readonly string[]): string {
	return [netlifyRedirects(renamed), netlifyRewrites(aliases), languageFallbacks(locales)].filter(Boolean).join('\n');
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
export async function writeAliasPages(dist: string, aliases: readonly { from: string; to: string; lang?: string }[], site: string, written?: (from: string) => void): Promise<void> {
	await Promise.all(
		aliases.map(async ({ from, to, lang }) => {
			const folder = join(dist, ...from.split('/'));
			await mkdir(folder, { recursive: true });
			await writeFile(join(folder, 'index.html'), aliasPage(to, site, lang));
			written?.(from);
		})
	);
}

/**
 * The redirect page of a permanent address, to a root-relative `to` with only URL-safe characters,
 * in the language of the page it leads to (English unless `lang` names another).
 */
export function aliasPage(to: string, site: string, lang = 'en'): string {
	const canonical = new URL(to, site).href;
	const title = asciiHtml(uiText(lang, 'currents.module.permalinkTitle', { address: to }));
	const link = asciiHtml(uiText(lang, 'currents.module.permalinkLink'));
	return `<!doctype html><html lang="${asciiHtml(lang)}"><title>${title}</title><meta http-equiv="refresh" content="0;url=${to}"><meta name="robots" content="noindex"><link rel="canonical" href="${canonical}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><body><a href="${to}">${link} <code>${to}</code></a></body>\n`;
}

/**
 * Text as HTML written in ASCII alone. A redirect page declares no character set (the output scan
 * takes a page with any other `<meta>` for more than a redirect), so a host that sends none either
 * would leave a browser to guess it: letters beyond ASCII, such as Finnish "ä", are written as
 * character references, which read the same in any encoding.
 */
function asciiHtml(text: string): string {
	return text.replace(/[&<>"]|[^\x20-\x7e]/gu, (character) => `&#x${character.codePointAt(0)!.toString(16)};`);
}
