/**
 * Search on a page in a second language, which covers two indexes: this language's, and the first
 * language's pages that have no page in this language (`untranslatedOnly`), listed after this
 * language's results. The facets cover both: each value is listed once, by its name in the page's
 * language where it has one, and each count is what ticking the value gives in both lists together.
 */
import { EARLIER, FACETS, translateSelection, untranslatedOnly, type Selection } from './facets.ts';
import { facetedSearch, type FacetedSearch, type FilterCounts, type PagefindInstance, type PagefindResult } from './pagefind.ts';
import type { PagefindSort } from './order.ts';
import type { OriginalText } from './text.ts';

/** The first language's index, as the search on a page in a second language reads it. */
export interface OriginalIndex {
	pagefind: Pick<PagefindInstance, 'search' | 'filters'>;
	/** The page's language, which the original's pages that have a page in it name in their `translated` filter. */
	pageLang: string;
	/** Facet values of the page's language whose name in the original differs, by facet (`OriginalText.values`). */
	values: OriginalText['values'];
}

type Counts = FacetedSearch['counts'];

/** The page language's names of one facet's values, by the original's names of them. */
export function byTheirName(values: Record<string, string> = {}): Map<string, string> {
	return new Map(Object.entries(values).map(([mine, theirs]) => [theirs, mine]));
}

/**
 * Counts in the page's language: this index's, and the original's untranslated pages' added to the
 * value each is known by here. A value the original alone has keeps its name. The earlier-version
 * marker is the same value in every index, whatever the metadata calls such a page.
 */
export function mergeCounts(own: Counts, original: Counts, values: OriginalText['values']): Counts {
	const merged: Counts = {};
	for (const facet of FACETS) {
		const counts = { ...own[facet] };
		const names = byTheirName(values[facet]);
		for (const [theirs, count] of Object.entries(original[facet] ?? {})) {
			const mine = facet === 'type' && theirs === EARLIER ? theirs : (names.get(theirs) ?? theirs);
			counts[mine] = (counts[mine] ?? 0) + count;
		}
		if (own[facet] || original[facet]) merged[facet] = counts;
	}
	return merged;
}

/**
 * How many of the original's untranslated pages carry each facet value, leaving out values that
 * only its translated pages carry: with this index's totals, the values the dialog lists.
 */
export async function untranslatedTotals(original: OriginalIndex): Promise<Counts> {
	// A search counts the values of the filters Pagefind has loaded, and it loads only those the search names: all of them first.
	await original.pagefind.filters();
	const found = await original.pagefind.search(null, { filters: untranslatedOnly(original.pageLang) });
	if (!found) throw new Error('The search of the original’s index was overtaken.');
	return Object.fromEntries(FACETS.map((facet) => [facet, Object.fromEntries(Object.entries(found.filters[facet] ?? {}).filter(([, count]) => count > 0))]));
}

export interface SearchBoth extends FacetedSearch {
	/** The original's untranslated pages that match, best first, to list after `results`; empty when there is no search, as there. */
	untranslated: PagefindResult[];
}

/**
 * Searches this language's index and the original's untranslated pages with the same words and the
 * same ticks, each in its own index's names, and counts every facet value across both. Without the
 * original (it could not be loaded, or its search failed), the results and counts are this index's.
 * Both lists of a search without words follow `sort`, whose keys are the same in both indexes.
 */
export async function searchBoth(
	pagefind: Pick<PagefindInstance, 'search'>,
	query: string,
	selection: Selection,
	includeEarlier: boolean,
	totals: FilterCounts,
	original: OriginalIndex | undefined,
	sort?: PagefindSort
): Promise<SearchBoth | null> {
	const [found, theirs] = await Promise.all([
		facetedSearch(pagefind, query, selection, includeEarlier, totals, [], sort),
		original
			? facetedSearch(original.pagefind, query, translateSelection(selection, original.values), includeEarlier, {}, [untranslatedOnly(original.pageLang)], sort).catch(() => null)
			: null,
	]);
	if (!found) return null;
	if (!original || !theirs) return { ...found, untranslated: [] };
	return { ...found, untranslated: found.searched ? theirs.results : [], counts: mergeCounts(found.counts, theirs.counts, original.values) };
}
