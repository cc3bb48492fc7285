/**
 * The words of the search dialog. The page writes the ones shown before search loads into its markup,
 * and `/search.json` (one per language, made by `words.ts` from the interface strings) holds them all,
 * so that the script that loads with search carries no copy of its own.
 */
import type { Facet } from './facets.ts';

/** What `/search.json` holds for the dialog, in its language. */
export interface SearchSettings {
	text: SearchText;
	/**
	 * Each facet's values in the curriculum's order, by their names in this language: every track,
	 * translated or not (a track's place here names its sort key, `trackSort`).
	 */
	order: Record<Facet, string[]>;
	/**
	 * In a second language, the values of `order` still named in the original language, such as the
	 * tracks not translated yet: the dialog marks them with that language for screen readers.
	 */
	inOriginal?: Partial<Record<Facet, string[]>> | undefined;
}

export interface SearchText {
	placeholder: string;
	/** Read after the field's name by a screen reader: the arrow keys move to the results. */
	arrowHint: string;
	close: string;
	filters: string;
	clearFilters: string;
	includeEarlier: string;
	facets: { type: string; track: string; platform: string; level: string };
	/** `{version}` is replaced by the module's version. */
	version: string;
	/** The units of a module's duration, as in `1 h 30 min`. */
	duration: { hours: string; minutes: string };
	more: string;
	loading: string;
	idle: string;
	/** `{count}` and `{query}` are replaced; `one` when there is exactly one result. */
	results: { one: string; other: string };
	/** The same, when the first results lack some typed words (`{words}`): they matched words like them. */
	inexact: { one: string; other: string };
	/** Offers the typed words with a misspelt one corrected, as a button in place of `{query}`. */
	didYouMean: string;
	/** The same, for filters without search words. */
	browse: { one: string; other: string };
	noResults: string;
	noMatches: string;
	error: string;
	/** Only on pages in a language other than the curriculum's first: its index follows this one's. */
	original?: OriginalText | undefined;
}

/**
 * The curriculum's first language, searched after the page's own: its pages that have no version in
 * the page's language are listed after the page language's results, and counted in the facets.
 */
export interface OriginalText {
	/** Its `<html lang>` code, which picks its index. */
	lang: string;
	/** The page's language, as the original's pages that have a page in it name it in their `translated` filter. */
	pageLang: string;
	/** `{count}` and `{language}` are replaced: said after the page language's count. */
	one: string;
	other: string;
	/** The same, when the page's language has no result and the first of these lack some typed words (`{words}`). */
	inexact: { one: string; other: string };
	/** Shown on each such result, such as `Language: English`. */
	label: string;
	/** The language's name, in the page's language. */
	language: string;
	/** Facet values of this page's index whose value in the original's index differs, by facet. */
	values: Partial<Record<'type' | 'track' | 'platform' | 'level', Record<string, string>>>;
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written, to be noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * What the live region says once a search has finished: the count in the page's language, then,
 * when the original language's index found pages not translated yet, how many of those follow.
 * `notFound` are the typed words that the first results shown hold none of: those results matched
 * words like them, which the message says of the page language's results, or, when there are none,
 * of the original's that come first.
 */
export function statusMessage(text: SearchText, query: string, count: number, untranslated = 0, notFound: readonly string[] = []): string {
	const words = query.trim();
	const inexact = notFound.length > 0;
	const forms = words ? (inexact && count > 0 ? text.inexact : text.results) : text.browse;
	const own =
		count === 0 && untranslated === 0
			? words
				? fill(text.noResults, { query: words })
				: text.noMatches
			: fill(count === 1 ? forms.one : forms.other, { count, query: words, words: notFound.join(' ') });
	if (untranslated === 0 || !text.original) return own;
	const { language } = text.original;
	const { one, other } = inexact && count === 0 && words ? text.original.inexact : text.original;
	return `${own} ${fill(untranslated === 1 ? one : other, { count: untranslated, language, words: notFound.join(' ') })}`;
}
