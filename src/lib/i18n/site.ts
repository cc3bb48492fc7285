/**
 * A curriculum seen in one of its languages: originals merged with their translations, how current
 * each translation is, and the sidebar with the pages that exist in that language. Pure functions
 * over plain data, tested without Astro.
 */
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import type { ModuleTranslationData, TrackTranslationData } from '../curriculum/schema/translation.ts';
import type { SidebarItem } from '../curriculum/model.ts';
import { compareVersions, majorOf } from '../curriculum/versions.ts';
import type { Locale } from './locales.ts';

/** How a module reads in a language: not translated, translated at the current version, behind it, or a major behind. */
export type TranslationStatus = 'untranslated' | 'current' | 'behind' | 'new-major';

export function translationStatus(originalVersion: string, translates: string | undefined): TranslationStatus {
	if (translates === undefined) return 'untranslated';
	if (compareVersions(translates, originalVersion) >= 0) return 'current';
	return majorOf(originalVersion) > majorOf(translates) ? 'new-major' : 'behind';
}

/** Whether a translated knowledge check has the original's questions and right answers, so that it can stand in for it. */
export function sameQuiz(original: ModuleData['quiz'], translated: ModuleTranslationData['quiz']): boolean {
	return (
		original.length === translated.length &&
		original.every((q, i) => q.choices.length === translated[i]!.choices.length && q.choices.every((c, j) => c.correct === translated[i]!.choices[j]!.correct))
	);
}

/**
 * A module's data as a page in the translation's language shows it: the translated title, summary
 * and outcomes, and the translated knowledge check when it still matches the original's. Everything
 * else is the original's.
 */
export function mergeModule(original: ModuleData, translation?: ModuleTranslationData): ModuleData {
	if (!translation) return original;
	return {
		...original,
		title: translation.title,
		summary: translation.summary,
		outcomes: translation.outcomes.length === original.outcomes.length ? translation.outcomes : original.outcomes,
		quiz: sameQuiz(original.quiz, translation.quiz) ? translation.quiz : original.quiz,
	};
}

export function mergeTrack(original: TrackData, translation?: TrackTranslationData): TrackData {
	if (!translation) return original;
	return { ...original, title: translation.title, summary: translation.summary, audience: translation.audience, certificate: { ...original.certificate, title: translation.certificate.title } };
}

/**
 * The sidebar in a language lists only the pages that exist in it: Starlight puts the language's
 * prefix in front of every sidebar link on that language's pages, so a link to a page that exists
 * only in the original would lead nowhere. (The home page in that language lists every track, with
 * the untranslated ones linking to the original.)
 */
export function localizeSidebar(items: readonly SidebarItem[], locale: Locale, hasPage: (href: string) => boolean): SidebarItem[] {
	if (locale.root) return [...items];
	return items.flatMap((item): SidebarItem[] => {
		if (!('items' in item)) return hasPage(item.link) ? [item] : [];
		const kept = localizeSidebar(item.items, locale, hasPage);
		return kept.length > 0 ? [{ ...item, items: kept }] : [];
	});
}
