/**
 * The timeline of changes (What's new and its feed) as it reads in one of the curriculum's
 * languages. Pure, so that the page and the feed in that language say the same thing.
 */
import { moduleHref, type TimelineEntry } from '../curriculum/model.ts';
import { majorOf } from '../curriculum/versions.ts';
import { localized, type Locale } from './locales.ts';

/** An entry as a language shows it, with the language of any text left in the original's. */
export interface ShownEntry {
	title: string;
	href: string;
	summary: string;
	/** The title's language, when it is the original's on a page in another language. */
	lang?: string;
	/** The summary's language, when it is the original's on a page in another language. */
	summaryLang?: string;
}

/** What a language has of the curriculum, for showing its timeline. */
export interface TimelineLanguage {
	locale: Locale;
	/** The originals' language code. */
	original: string;
	/** An update's title and summary in this language, when it is translated. */
	updateTranslation: (id: string) => { title: string; summary: string } | undefined;
	/** A module's title in this language, when it is translated. */
	moduleTitle: (id: string) => string | undefined;
	/** A module's current version. */
	moduleVersion: (id: string) => string | undefined;
	/** Whether a root-relative address has a page in this language. */
	hasPage: (href: string) => boolean;
}

/**
 * An entry as a language shows it: a translated update or module keeps its title in this language
 * and links to its page here; anything else stays the original, marked as its language. Changelog
 * summaries are never translated. An update has a page here exactly when it is translated. A
 * release of an earlier major keeps the title it had then, which no translation gives.
 */
export function shownEntry(entry: TimelineEntry, language: TimelineLanguage): ShownEntry {
	const { locale, original } = language;
	if (locale.root) return { title: entry.title, href: entry.href, summary: entry.summary };
	if (entry.kind === 'update') {
		const translation = language.updateTranslation(entry.id.slice('update:'.length));
		return translation
			? { title: translation.title, summary: translation.summary, href: localized(entry.href, locale) }
			: { title: entry.title, summary: entry.summary, href: entry.href, lang: original, summaryLang: original };
	}
	const title = language.moduleTitle(entry.module);
	const currentMajor = title !== undefined && majorOf(entry.version) === majorOf(language.moduleVersion(entry.module) ?? '0.0.0');
	const href = entry.href === moduleHref(entry.module) && language.hasPage(entry.href) ? localized(entry.href, locale) : entry.href;
	return currentMajor
		? { title: `${title} ${entry.version}`, summary: entry.summary, href, summaryLang: original }
		: { title: entry.title, summary: entry.summary, href, lang: original, summaryLang: original };
}
