/**
 * Facets of the search dialog: which Pagefind filters a page carries, and the filter object a search
 * sends for the facets a reader ticked. Within one facet the ticked values are alternatives (a module
 * for either platform); across facets they all apply (that platform and that level).
 */

/** The Pagefind filter keys the pages carry, in the order the dialog shows their facets. */
export const FACETS = ['type', 'track', 'platform', 'level'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * The kinds of page the index knows, as `SearchMeta` is told. Every indexed page has one, so that the
 * type facet's counts add up to the results: a page that is none of the curriculum's own kinds (the
 * home page, What's new, a free page such as About) is a `page`.
 */
export type PageKind = 'module' | 'archived' | 'update' | 'track' | 'page';

/**
 * The value of the `type` filter and metadata for each kind of page, as readers of the engine's
 * first language see it; a page in another language carries its own language's names (`words.ts`).
 * Earlier versions are modules too, so they carry both `Module` and `Earlier version` as types:
 * ticking "Module" then finds them as well when the reader has asked for earlier versions.
 */
export const TYPE_LABELS: Record<PageKind, string> = {
	module: 'Module',
	archived: 'Earlier version',
	update: 'Platform update',
	track: 'Track',
	page: 'Page',
};

/**
 * The `type` value that marks an earlier major of a module, left out of results unless asked for.
 * It is the same in every language: readers never see it as a facet value (the "Include earlier
 * versions" option stands for it), and one value lets the dialog treat every index alike.
 */
export const EARLIER = TYPE_LABELS.archived;

/**
 * The filter a page of the first language carries with the code of each language it is translated
 * into (`translated:fi`), when that language has a page at its address. On a page in a second
 * language, the dialog searches the first language's index without the pages translated into the
 * page's language (`untranslatedOnly`), so that Pagefind itself leaves them out of the results and
 * the counts alike. It is not a facet.
 */
export const TRANSLATED = 'translated';

/**
 * The filter that keeps, of the first language's pages, those that have no page in the language
 * `lang`. Pagefind's `none` keeps every page without the value, pages that carry no `translated`
 * filter at all among them, and an index in which no page carries it keeps all its pages.
 */
export const untranslatedOnly = (lang: string): PagefindFilter => ({ [TRANSLATED]: { none: [lang] } });

/** What a route says about its page for the search index. */
export interface SearchFacts {
	type: PageKind;
	tracks?: readonly string[] | undefined;
	platforms?: readonly string[] | undefined;
	level?: string | undefined;
	version?: string | undefined;
	/** The module's id on a module or earlier version page, the track's on a track page: where it sorts (`order.ts`). */
	id?: string | undefined;
	/** On a platform update: the modules it names, whose tracks it sorts with. */
	modules?: readonly string[] | undefined;
	/** On a platform update: its date, `YYYY-MM-DD`; the newest sorts first. */
	date?: string | undefined;
}

/** What the search index should know about one page. */
export interface SearchMetaInput extends SearchFacts {
	/** On a page of the first language, the codes of the other languages that have a page at its address. */
	translatedInto?: readonly string[] | undefined;
}

/**
 * The `data-pagefind-filter` and `data-pagefind-meta` values for a page, each in Pagefind's inline
 * `key:value` form, one per element. Pagefind reads the key up to the first colon and keeps the rest
 * as the value, so titles with commas or colons arrive whole.
 */
export function searchAttributes(page: SearchMetaInput, labels: Record<PageKind, string> = TYPE_LABELS): { filters: string[]; meta: string[] } {
	const clean = (value: string) => value.replace(/\s+/g, ' ').trim();
	const types = page.type === 'archived' ? [labels.module, EARLIER] : [labels[page.type]];
	const pairs = (key: Facet, values: readonly (string | undefined)[]) =>
		[...new Set(values.filter((value): value is string => Boolean(value?.trim())).map(clean))].map((value) => `${key}:${value}`);
	const filters = [...pairs('type', types), ...pairs('track', page.tracks ?? []), ...pairs('platform', page.platforms ?? []), ...pairs('level', [page.level])];
	for (const lang of new Set(page.translatedInto)) filters.push(`${TRANSLATED}:${lang}`);
	const meta = [`type:${labels[page.type]}`];
	if (page.version?.trim()) meta.push(`version:${clean(page.version)}`);
	if (page.level?.trim()) meta.push(`level:${clean(page.level)}`);
	return { filters, meta };
}

/** The values a reader ticked, per facet. */
export type Selection = Partial<Record<Facet, readonly string[]>>;

/** A Pagefind filter object: see "Using compound filters" in Pagefind's filtering docs. */
export type PagefindFilter = Record<string, unknown>;

/**
 * The filter for a search: every facet with ticked values must match one of them, earlier versions
 * are left out unless `includeEarlier` is set, and each filter of `scope` applies too (the part of an
 * index a search may find at all, such as `untranslatedOnly`). `without` leaves one facet's own ticks
 * out, which is how that facet's counts are found: each value's count is what ticking it would add to
 * the other facets' choices.
 */
export function searchFilter(selection: Selection, includeEarlier: boolean, without?: Facet, scope: readonly PagefindFilter[] = []): PagefindFilter {
	const all: PagefindFilter[] = [...scope];
	for (const facet of FACETS) {
		const values = selection[facet] ?? [];
		if (facet !== without && values.length > 0) all.push({ [facet]: { any: [...values] } });
	}
	if (!includeEarlier) all.push({ type: { none: [EARLIER] } });
	return all.length > 0 ? { all } : {};
}

/**
 * The same choice in another index's values: each ticked value replaced by its counterpart where
 * `values` names one (a content type or track title in the other language), kept otherwise.
 */
export function translateSelection(selection: Selection, values: Partial<Record<Facet, Record<string, string>>>): Selection {
	const translated: Selection = {};
	for (const facet of FACETS) {
		const ticked = selection[facet];
		if (ticked) translated[facet] = ticked.map((value) => values[facet]?.[value] ?? value);
	}
	return translated;
}

/** Facets with at least one ticked value. */
export const selectedFacets = (selection: Selection): Facet[] => FACETS.filter((facet) => (selection[facet]?.length ?? 0) > 0);

/**
 * A facet's values in the order readers expect: the curriculum's own order (levels from newcomer to
 * advanced, platforms and tracks as configured), then any others alphabetically. The `Earlier version`
 * type is left out: the "Include earlier versions" option stands for it.
 */
export function orderFacetValues(facet: Facet, values: Iterable<string>, preferred: readonly string[]): string[] {
	const present = [...new Set(values)].filter((value) => !(facet === 'type' && value === EARLIER));
	const rank = (value: string) => {
		const index = preferred.indexOf(value);
		return index === -1 ? preferred.length : index;
	};
	return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
