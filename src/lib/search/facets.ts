/**
 * Facets of the search dialog: which Pagefind filters a page carries, and the filter object a search
 * sends for the facets a reader ticked. Within one facet the ticked values are alternatives (a module
 * for either platform); across facets they all apply (that platform and that level).
 */

/** The Pagefind filter keys the pages carry, in the order the dialog shows their facets. */
export const FACETS = ['type', 'track', 'platform', 'level'] as const;
export type Facet = (typeof FACETS)[number];

/** The kinds of page the index knows, as `SearchMeta` is told. */
export type PageKind = 'module' | 'archived' | 'update' | 'track';

/**
 * The value of the `type` filter and metadata for each kind of page, as readers see it. Earlier
 * versions are modules too, so they carry both `Module` and `Earlier version` as types: ticking
 * "Module" then finds them as well when the reader has asked for earlier versions.
 */
export const TYPE_LABELS: Record<PageKind, string> = {
	module: 'Module',
	archived: 'Earlier version',
	update: 'Platform update',
	track: 'Track',
};

/** The `type` value that marks an earlier major of a module, left out of results unless asked for. */
export const EARLIER = TYPE_LABELS.archived;

/** What the search index should know about one page. */
export interface SearchMetaInput {
	type: PageKind;
	tracks?: readonly string[] | undefined;
	platforms?: readonly string[] | undefined;
	level?: string | undefined;
	version?: string | undefined;
}

/**
 * The `data-pagefind-filter` and `data-pagefind-meta` values for a page, each in Pagefind's inline
 * `key:value` form, one per element. Pagefind reads the key up to the first colon and keeps the rest
 * as the value, so titles with commas or colons arrive whole.
 */
export function searchAttributes(page: SearchMetaInput): { filters: string[]; meta: string[] } {
	const clean = (value: string) => value.replace(/\s+/g, ' ').trim();
	const types = page.type === 'archived' ? [TYPE_LABELS.module, EARLIER] : [TYPE_LABELS[page.type]];
	const pairs = (key: Facet, values: readonly (string | undefined)[]) =>
		[...new Set(values.filter((value): value is string => Boolean(value?.trim())).map(clean))].map((value) => `${key}:${value}`);
	const filters = [...pairs('type', types), ...pairs('track', page.tracks ?? []), ...pairs('platform', page.platforms ?? []), ...pairs('level', [page.level])];
	const meta = [`type:${TYPE_LABELS[page.type]}`];
	if (page.version?.trim()) meta.push(`version:${clean(page.version)}`);
	if (page.level?.trim()) meta.push(`level:${clean(page.level)}`);
	return { filters, meta };
}

/** The values a reader ticked, per facet. */
export type Selection = Partial<Record<Facet, readonly string[]>>;

/** A Pagefind filter object: see "Using compound filters" in Pagefind's filtering docs. */
export type PagefindFilter = Record<string, unknown>;

/**
 * The filter for a search: every facet with ticked values must match one of them, and earlier
 * versions are left out unless `includeEarlier` is set. `without` leaves one facet's own ticks out,
 * which is how that facet's counts are found: each value's count is what ticking it would add to the
 * other facets' choices.
 */
export function searchFilter(selection: Selection, includeEarlier: boolean, without?: Facet): PagefindFilter {
	const all: PagefindFilter[] = [];
	for (const facet of FACETS) {
		const values = selection[facet] ?? [];
		if (facet !== without && values.length > 0) all.push({ [facet]: { any: [...values] } });
	}
	if (!includeEarlier) all.push({ type: { none: [EARLIER] } });
	return all.length > 0 ? { all } : {};
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
