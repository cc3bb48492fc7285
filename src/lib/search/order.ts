/**
 * The order of a search without words. With words, Pagefind ranks the pages by them; with filters
 * alone it has nothing to rank by and lists the pages in its own order, which reads as alphabetical.
 * A reader browsing a track expects the curriculum's order instead: the track, then its modules as the
 * track lists them, then the platform updates that touch them. Each page carries Pagefind sort keys
 * (`data-pagefind-sort`) that say where it stands: one for the whole curriculum, and one per track
 * whose filter it carries, and the dialog asks for one of them when there are no words.
 */
import type { PageKind, SearchFacts, Selection } from './facets.ts';

/** The sort key every page carries: its place in the curriculum as a whole. */
export const CURRICULUM_SORT = 'curriculum';

/**
 * The sort key of the track at `index` of the curriculum's order, which its pages carry: the tracks
 * are named by place, the same in every language, so that a page in a second language and the
 * original's untranslated page with it sort alike. `/search.json` lists the tracks in the same order.
 */
export const trackSort = (index: number) => `track${index}`;

/** What a route says about its page's place in the curriculum. */
export type PlaceFacts = Pick<SearchFacts, 'type' | 'id' | 'modules' | 'date'>;

/** A track as the order reads it (a track entry of the site): its id and its modules, in the curriculum's order of tracks. */
export interface TrackPlace {
	id: string;
	data: { modules: readonly string[] };
}

/**
 * Within each order, the kinds of page come in this order: a track and its modules, then earlier
 * versions of the modules, then platform updates, then any other page (the home page, About).
 */
const GROUP: Record<PageKind, number> = { track: 0, module: 0, archived: 1, update: 2, page: 3 };
/** Places within a group stay below this; a date as `YYYYMMDD` does too. */
const GROUP_SIZE = 10 ** 8;

/**
 * A sort value: the group, then the place within it, as digits of one width, so that Pagefind orders
 * them alike whether it reads them as numbers or as text.
 */
const value = (kind: PageKind, place: number) => String(GROUP[kind] * GROUP_SIZE + place).padStart(9, '0');

/** An update's place: the newest first. */
const newestFirst = (date: string | undefined) => GROUP_SIZE - 1 - Number((date ?? '').replace(/-/g, '') || 0);

/**
 * The `data-pagefind-sort` values of a page, in Pagefind's inline `key:value` form. Every page has
 * the curriculum's key: a sorted search may leave out a page without the key (Pagefind's issue 259). A page with a
 * track's filter has that track's key too: the track first, then its modules in the track's order,
 * their earlier versions in the same order, then updates that name them, newest first. In the
 * curriculum's key the tracks follow one another, each module at its first track's place, and
 * modules in no track after them.
 */
export function sortAttributes(page: PlaceFacts, tracks: readonly TrackPlace[]): string[] {
	const { type, id } = page;
	const walk = curriculumWalk(tracks);
	const at = (key: string) => walk.get(key) ?? walk.size;
	const isModule = type === 'module' || type === 'archived';
	const place = type === 'update' ? newestFirst(page.date) : type === 'track' ? at(`track:${id}`) : isModule ? at(`module:${id}`) : 0;
	const sorts = [`${CURRICULUM_SORT}:${value(type, place)}`];
	tracks.forEach((track, index) => {
		let within: number | undefined;
		if (type === 'track' && track.id === id) within = 0;
		else if (isModule && id && track.data.modules.includes(id)) within = track.data.modules.indexOf(id) + 1;
		else if (type === 'update' && page.modules?.some((module) => track.data.modules.includes(module))) within = newestFirst(page.date);
		if (within !== undefined) sorts.push(`${trackSort(index)}:${value(type, within)}`);
	});
	return sorts;
}

const walks = new WeakMap<readonly TrackPlace[], Map<string, number>>();

/** Each track and module by its place in the curriculum as a reader walks it: a track, then its modules not met in an earlier track. Made once per list of tracks: every page asks. */
function curriculumWalk(tracks: readonly TrackPlace[]): Map<string, number> {
	let walk = walks.get(tracks);
	if (walk) return walk;
	walk = new Map();
	for (const track of tracks) {
		walk.set(`track:${track.id}`, walk.size);
		for (const module of track.data.modules) if (!walk.has(`module:${module}`)) walk.set(`module:${module}`, walk.size);
	}
	walks.set(tracks, walk);
	return walk;
}

/** Pagefind's `sort` option: one key, ascending or descending. */
export type PagefindSort = Record<string, 'asc' | 'desc'>;

/**
 * The order for a search without words: by the ticked track's own key when exactly one track is
 * ticked (every page it lists carries that key), by the curriculum's otherwise. `tracks` are the
 * track names in the curriculum's order, as the page's facet lists them (`/search.json`).
 */
export function browseSort(selection: Selection, tracks: readonly string[]): PagefindSort {
	const ticked = selection.track ?? [];
	const index = ticked.length === 1 ? tracks.indexOf(ticked[0]!) : -1;
	return { [index === -1 ? CURRICULUM_SORT : trackSort(index)]: 'asc' };
}
