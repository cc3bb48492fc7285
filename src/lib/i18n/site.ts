/**
 * A curriculum seen in one of its languages: originals merged with their translations, how current
 * each translation is, and the sidebar with the pages that exist in that language. Pure functions
 * over plain data, tested without Astro.
 */
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import type { ModuleTranslationData, TrackTranslationData } from '../curriculum/schema/translation.ts';
import { moduleHref, permalinkHref, pinnedHref } from '../curriculum/model.ts';
import { compareVersions, isDraft, majorOf } from '../curriculum/versions.ts';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { localized, unlocalized, type Locale } from './locales.ts';

/** How a module reads in a language: not translated, translated at the current version, behind it, or a major behind. */
export type TranslationStatus = 'untranslated' | 'current' | 'behind' | 'new-major';

export function translationStatus(originalVersion: string, translates: string | undefined): TranslationStatus {
	if (translates === undefined) return 'untranslated';
	if (compareVersions(translates, originalVersion) >= 0) return 'current';
	return majorOf(originalVersion) > majorOf(translates) ? 'new-major' : 'behind';
}

/**
 * The major whose permanent address in a translation's language shows the translated page: the
 * original's current major, when the translation follows a version of that same major. A translation
 * of an earlier major has none, since the address promises that major's learning outcomes and its
 * text translates others; nor has a draft (below 1.0.0), which has no permanent address in any language.
 */
export function translatedPermalinkMajor(originalVersion: string, translates: string | undefined): number | undefined {
	const major = majorOf(originalVersion);
	return translates !== undefined && major >= 1 && majorOf(translates) === major ? major : undefined;
}

/**
 * The address a course taught in a language assigns for a module, as its track's syllabus gives it,
 * with the language its page reads in. In the originals' language, the permanent address of the
 * current major, or a draft's page (`pinnedHref`). In another, the permanent address in that language
 * while the translation follows the current major (`translatedPermalinkMajor`); a draft's page in that
 * language where it has one, which shows the original's words unless the module is translated; and
 * otherwise the original's address, in the original's language.
 */
export function assignedAddress(
	module: { id: string; version: string; translates: string | undefined },
	locale: Pick<Locale, 'code' | 'root' | 'prefix'>,
	original: string,
	hasPage: (rootHref: string) => boolean
): { href: string; lang: string } {
	const { id, version, translates } = module;
	if (locale.root) return { href: pinnedHref(id, version), lang: locale.code };
	const major = translatedPermalinkMajor(version, translates);
	if (major !== undefined) return { href: localized(permalinkHref(id, major), locale), lang: locale.code };
	if (isDraft(version) && hasPage(moduleHref(id))) return { href: localized(moduleHref(id), locale), lang: translates === undefined ? original : locale.code };
	return { href: pinnedHref(id, version), lang: original };
}

/**
 * The modules with a page in a language other than the originals': every translated module, and
 * every module of a translated track (shown there in the original's words when not translated).
 */
export function modulesWithPages(translatedModules: Iterable<string>, tracks: readonly { id: string; data: { modules: readonly string[] } }[], translatedTracks: { has: (id: string) => boolean }): Set<string> {
	return new Set([...translatedModules, ...tracks.filter((track) => translatedTracks.has(track.id)).flatMap((track) => track.data.modules)]);
}

/** Whether a translated knowledge check has the original's questions and right answers, so that it can stand in for it. */
export function sameQuiz(original: ModuleData['quiz'], translated: ModuleTranslationData['quiz']): boolean {
	return (
		original.length === translated.length &&
		original.every((q, i) => q.choices.length === translated[i]!.choices.length && q.choices.every((c, j) => c.correct === translated[i]!.choices[j]!.correct))
	);
}

/** Which of a module's learning outcomes and knowledge check a page in a translation's language shows in the original's words. */
export interface PartsInOriginal {
	outcomes: boolean;
	quiz: boolean;
}

/**
 * What a page in the translation's language shows of the original rather than of the translation:
 * the outcomes and the knowledge check are what progress and certificates rest on, at the original's
 * version, so the page states the ones that version has. A translation of an earlier major translates
 * outcomes that have changed since (a major is a change of outcomes), so both are the original's
 * until it follows the new major; within a major, only outcomes no longer as many as the original's,
 * or a check whose questions or right answers the original has changed (`sameQuiz`).
 */
export function partsInOriginal(original: Pick<ModuleData, 'version' | 'outcomes' | 'quiz'>, translation: Pick<ModuleTranslationData, 'translates' | 'outcomes' | 'quiz'>): PartsInOriginal {
	const newMajor = translationStatus(original.version, translation.translates) === 'new-major';
	return {
		outcomes: newMajor || translation.outcomes.length !== original.outcomes.length,
		quiz: newMajor || !sameQuiz(original.quiz, translation.quiz),
	};
}

/**
 * A module's data as a page in the translation's language shows it: the translated title and
 * summary, and the translated outcomes and knowledge check unless `partsInOriginal` says the original's
 * are shown. Everything else is the original's.
 */
export function mergeModule(original: ModuleData, translation?: ModuleTranslationData): ModuleData {
	if (!translation) return original;
	const shown = partsInOriginal(original, translation);
	return {
		...original,
		title: translation.title,
		summary: translation.summary,
		outcomes: shown.outcomes ? original.outcomes : translation.outcomes,
		quiz: shown.quiz ? original.quiz : translation.quiz,
	};
}

export function mergeTrack(original: TrackData, translation?: TrackTranslationData): TrackData {
	if (!translation) return original;
	return { ...original, title: translation.title, summary: translation.summary, audience: translation.audience, certificate: { ...original.certificate, title: translation.certificate.title } };
}

/** A link's label in the original (as the config gives it) and in a language. */
export interface SidebarLabel {
	original: string;
	local: string;
}

/** An entry of the sidebar as Starlight hands it to route middleware: a link or a group. */
export type SidebarEntry = StarlightRouteData['sidebar'][number];

/**
 * The sidebar of a page in another language than the originals', from the entries Starlight made of
 * it (Starlight has put the language's prefix in front of every address). Labels are the language's:
 * `labels` by address, for a link labelled as the original labels it (a track's "overview" link keeps
 * its own), and `groups` by the group's label as given. A link to a page the language lacks (an
 * untranslated track or module) stays where the curriculum puts it, so that the language's reader sees
 * every track and every module of a track in order, but leads to the original; a page the language
 * shows in the original's words (a free page, Starlight's fallback, or a module not translated in a
 * translated track) keeps its address. Either says so with
 * a badge (the original's language code, "EN") and carries the original's `lang`, as its title is the
 * original's; a link to the original also its `hreflang`. A group whose label `groups` lacks, such as
 * an untranslated track around a translated module, is in the original's words too: it gets the badge,
 * whose class (`IN_ORIGINAL_GROUP`) has `markOriginal` give it the `lang`.
 */
export function localizeSidebarEntries(
	entries: readonly SidebarEntry[],
	locale: Locale,
	original: Pick<Locale, 'code'>,
	site: { hasPage: (rootHref: string) => boolean; inOriginal: (rootHref: string) => boolean },
	labels: ReadonlyMap<string, SidebarLabel>,
	groups: ReadonlyMap<string, string>
): SidebarEntry[] {
	const inOriginal = { text: original.code.toUpperCase(), variant: 'default' } as const;
	return entries.flatMap((entry): SidebarEntry[] => {
		if (entry.type === 'link') {
			if (!entry.href.startsWith('/') || entry.href.startsWith('//')) return [entry];
			const rootHref = unlocalized(entry.href, locale);
			if (!site.hasPage(rootHref)) return [{ ...entry, href: rootHref, attrs: { ...entry.attrs, lang: original.code, hreflang: original.code }, badge: inOriginal }];
			if (site.inOriginal(rootHref)) return [{ ...entry, attrs: { ...entry.attrs, lang: original.code }, badge: inOriginal }];
			const label = labels.get(entry.href);
			return [{ ...entry, label: label?.original === entry.label ? label.local : entry.label }];
		}
		const inner = localizeSidebarEntries(entry.entries, locale, original, site, labels, groups);
		if (inner.length === 0) return [];
		const label = groups.get(entry.label);
		return [label === undefined ? { ...entry, entries: inner, badge: { ...inOriginal, class: IN_ORIGINAL_GROUP } } : { ...entry, label, entries: inner }];
	});
}

/** The class of the badge on a sidebar group whose label is in the original's words (a track not yet translated). */
export const IN_ORIGINAL_GROUP = 'currents-in-original';

/** How many groups of a sidebar have labels in the original's words, at any depth. */
export function originalGroups(entries: readonly SidebarEntry[]): number {
	return entries.reduce((count, entry) => count + (entry.type === 'group' ? (entry.badge?.class === IN_ORIGINAL_GROUP ? 1 : 0) + originalGroups(entry.entries) : 0), 0);
}

/**
 * The parts of Starlight's page that `markOriginal` marks: sidebar groups, a table of contents'
 * entries, the title of the "Previous" or "Next" link, or the page's title.
 */
export type OriginalMarks = 'sidebar groups' | 'contents entries' | 'previous title' | 'next title' | 'page title';

/**
 * Where each part to mark begins in Starlight's HTML, up to the tag that takes the `lang`: a sidebar
 * group's label (with its badge, also in the original's words); a table of contents' link to a
 * heading, all but the first ("Overview", Starlight's own word in the page's language); the title
 * of a "Previous" or "Next" link, whose "Previous" or "Next" is in the page's language; the page's
 * `<h1>`.
 */
const MARKED: Record<OriginalMarks, RegExp> = {
	'sidebar groups': new RegExp(`<span class="group-label[^"]*"(?=><span class="large[^"]*">[^<]*</span><span class="sl-badge[^"]*\\b${IN_ORIGINAL_GROUP}\\b)`, 'g'),
	'contents entries': /<a href="#(?!_top")[^"]*"[^>]*(?=><span)/g,
	'previous title': /<a href="[^"]*" rel="prev"[^>]*>(?:(?!<\/a>)[^])*?<span class="link-title[^"]*"/g,
	'next title': /<a href="[^"]*" rel="next"[^>]*>(?:(?!<\/a>)[^])*?<span class="link-title[^"]*"/g,
	'page title': /<h1 id="_top"[^>]*(?=>)/g,
};

/**
 * HTML as Starlight rendered it, with the original's `lang` on each part of it in the original's
 * words, as a link in the original carries it, so that a screen reader speaks it in its language:
 * the labels of sidebar groups in the original's words (a track not yet translated), the entries of
 * the table of contents of a page shown in the original (Starlight's fallback; with `only`, the
 * entries leading to those headings, as on a page that shows a module not translated yet, whose
 * own sections are in the page's language), the title of a "Previous" or "Next" link to a page in
 * the original, or the title of a page that shows a module not translated yet. Throws unless it finds exactly the `count`
 * parts to mark, as after an upgrade of Starlight that renders them otherwise: a build then stops
 * rather than leave them unmarked.
 */
export function markOriginal(kind: OriginalMarks, html: string, lang: string, count: number, only?: ReadonlySet<string>): string {
	let marked = 0;
	const result = html.replace(MARKED[kind], (tag: string) => {
		// A table of contents' entry, when only some lead to headings in the original's words.
		if (only && !only.has(fragmentOf(tag))) return tag;
		marked++;
		return `${tag} lang="${lang}"`;
	});
	if (marked !== count) {
		throw new Error(
			`Marking the ${kind} in the original's words with lang="${lang}": the page has ${count}, and ${marked} were found in Starlight's HTML. Starlight may render them differently since an upgrade: update markOriginal (src/lib/i18n/site.ts) to its HTML.`
		);
	}
	return result;
}

/** An entry of a page's table of contents as Starlight hands it to components. */
type ContentsEntry = NonNullable<StarlightRouteData['toc']>['items'][number];

/**
 * How many entries a table of contents has that lead to the page's headings (all but "Overview"), at
 * any depth; with `only`, to those of its headings.
 */
export function contentsEntries(items: readonly ContentsEntry[], only?: ReadonlySet<string>): number {
	return items.reduce((count, item) => count + (item.slug === '_top' || (only && !only.has(item.slug)) ? 0 : 1) + contentsEntries(item.children, only), 0);
}

/** The heading id a table of contents' link leads to (`<a href="#id"`), as the page's headings write it. */
function fragmentOf(tag: string): string {
	const fragment = /^<a href="#([^"]*)"/.exec(tag)?.[1] ?? '';
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}

/**
 * A menu of languages as Starlight's `Select` rendered it, each `<option>` marked with its language
 * (`langs`, in order) where that differs from the page's, since each language is named in its own
 * words ("Suomi" on an English page). Throws unless the menu has exactly as many options, as after
 * an upgrade of Starlight that renders them otherwise.
 */
export function markOptionLanguages(html: string, langs: readonly string[], pageLang: string): string {
	let index = 0;
	const result = html.replace(/<option\b[^>]*/g, (tag) => {
		const lang = langs[index++];
		return lang === undefined || lang === pageLang ? tag : `${tag} lang="${lang}"`;
	});
	if (index !== langs.length) {
		throw new Error(
			`Marking the languages of the language menu: it has ${langs.length} languages, and ${index} options were found in Starlight's HTML. Starlight's Select may render them differently since an upgrade: update markOptionLanguages (src/lib/i18n/site.ts) to its HTML.`
		);
	}
	return result;
}
