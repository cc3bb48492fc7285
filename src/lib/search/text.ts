/**
 * The words of the search dialog. The page writes them into its markup, so that the script that
 * loads with search carries no copy of its own and a second language needs only a second table.
 */

export interface SearchText {
	placeholder: string;
	close: string;
	filters: string;
	clearFilters: string;
	includeEarlier: string;
	facets: { type: string; track: string; platform: string; level: string };
	/** `{version}` is replaced by the module's version. */
	version: string;
	more: string;
	loading: string;
	idle: string;
	/** `{count}` and `{query}` are replaced; `one` when there is exactly one result. */
	results: { one: string; other: string };
	/** The same, for filters without search words. */
	browse: { one: string; other: string };
	noResults: string;
	noMatches: string;
	error: string;
}

export const SEARCH_TEXT_EN: SearchText = {
	placeholder: 'Search modules, tracks and updates',
	close: 'Close',
	filters: 'Filters',
	clearFilters: 'Clear filters',
	includeEarlier: 'Include earlier versions',
	facets: { type: 'Content type', track: 'Track', platform: 'Platform', level: 'Level' },
	version: 'Version {version}',
	more: 'Show more results',
	loading: 'Loading search…',
	idle: 'Type to search, or tick a filter to browse.',
	results: { one: '1 result for “{query}”.', other: '{count} results for “{query}”.' },
	browse: { one: '1 page matches the filters.', other: '{count} pages match the filters.' },
	noResults: 'No results for “{query}”. Try other words or clear a filter.',
	noMatches: 'No pages match these filters. Clear a filter to see more.',
	error: 'Search could not load. Check your connection, then close search and open it again.',
};

/** Fills `{name}` placeholders; a placeholder without a value stays as written, to be noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** What the live region says once a search has finished. */
export function statusMessage(text: SearchText, query: string, count: number): string {
	const words = query.trim();
	if (count === 0) return words ? fill(text.noResults, { query: words }) : text.noMatches;
	const forms = words ? text.results : text.browse;
	return fill(count === 1 ? forms.one : forms.other, { count, query: words });
}
