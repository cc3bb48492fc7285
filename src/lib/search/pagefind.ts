/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by the build) that search
 * uses, and a faceted search on top of it whose counts add up: each facet's counts are what ticking
 * that value would give, with the query and every other facet's choices applied.
 */
import { FACETS, searchFilter, selectedFacets, type Facet, type PagefindFilter, type Selection } from './facets.ts';
import type { PagefindSort } from './order.ts';
import type { ResultFragment } from './results.ts';

/** Results per filter value: `{ platform: { Kettle: 2 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResult {
	id: string;
	data: () => Promise<ResultFragment>;
}

export interface PagefindSearch {
	results: PagefindResult[];
	/** For each value, the results there would be if it were added to the filters of this search. */
	filters: FilterCounts;
}

/** One Pagefind instance: the module's own, or one from `createInstance`. */
export interface PagefindInstance {
	options: (options: Record<string, unknown>) => Promise<void>;
	filters: () => Promise<FilterCounts>;
	search: (term: string | null, options: { filters?: PagefindFilter; sort?: PagefindSort }) => Promise<PagefindSearch | null>;
}

export interface PagefindApi extends PagefindInstance {
	/** Another instance, with its own index: the one for `<html lang>` as it is at the call. */
	createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/**
 * The ranking Starlight's own search used, tuned for documentation pages of very different lengths;
 * kept so that results come in the order readers had before the facets arrived.
 */
export const RANKING = { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 };

export interface FacetedSearch {
	/** Matching pages, best first; empty when there is neither a query nor a ticked value. */
	results: PagefindResult[];
	/** Whether a search was made at all, as opposed to the dialog waiting for words or filters. */
	searched: boolean;
	counts: Partial<Record<Facet, Record<string, number>>>;
}

/**
 * Searches for `query` with the ticked facets, among the pages of the index that `scope` keeps (all
 * of them when it is empty). A facet with ticked values needs a search of its own without them: the
 * main search's counts for it would only say what ticking a second value narrows to, while ticking it
 * widens the results (values of one facet are alternatives). `totals` are the index's own counts,
 * which stand for a search with neither words nor filters. `sort` orders the results of a search
 * without words (`browseSort`); with words, they come best first.
 */
export async function facetedSearch(
	pagefind: Pick<PagefindInstance, 'search'>,
	query: string,
	selection: Selection,
	includeEarlier: boolean,
	totals: FilterCounts,
	scope: readonly PagefindFilter[] = [],
	sort?: PagefindSort
): Promise<FacetedSearch | null> {
	const term = query.trim() || null;
	const run = async (without?: Facet, order?: PagefindSort): Promise<PagefindSearch | null> => {
		const filters = searchFilter(selection, includeEarlier, without, scope);
		// With neither words nor filters Pagefind has nothing to narrow, and every page counts.
		if (term === null && Object.keys(filters).length === 0) return { results: [], filters: totals };
		return pagefind.search(term, order ? { filters, sort: order } : { filters });
	};
	const ticked = selectedFacets(selection);
	// Only the results listed are sorted: a facet's own search only counts, and a page without the
	// sort key would drop out of it (a sorted search may leave such pages out).
	const [main, ...own] = await Promise.all([run(undefined, term === null ? sort : undefined), ...ticked.map((facet) => run(facet))]);
	if (!main || own.includes(null)) return null;
	const counts: FacetedSearch['counts'] = {};
	for (const facet of FACETS) counts[facet] = main.filters[facet] ?? {};
	ticked.forEach((facet, i) => (counts[facet] = own[i]!.filters[facet] ?? {}));
	const searched = term !== null || ticked.length > 0;
	return { results: searched ? main.results : [], searched, counts };
}
