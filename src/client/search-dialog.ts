/**
 * The search dialog, loaded when a reader first opens it: loads Pagefind, builds the facets from the
 * index, searches as the reader types or ticks, and shows results a page at a time. The live region
 * says how many results there are once each search settles.
 *
 * On a page in a second language, Pagefind searches that language's index (it follows `<html lang>`).
 * The first language's index is searched as well, with the same words and the same ticks in its own
 * values, for its pages that have no page in this language (their `translated` filter says which
 * have one), and those follow the page language's results: a reader finds what is not translated
 * yet, after what is. The facets cover both: their values are both indexes' (`untranslated.ts`), and
 * each count adds the untranslated pages ticking it would list to the page language's.
 */
import { EARLIER, FACETS, orderFacetValues, type Facet, type Selection } from '../lib/search/facets.ts';
import { RANKING, type FacetedSearch, type FilterCounts, type PagefindApi, type PagefindInstance } from '../lib/search/pagefind.ts';
import { byTheirName, mergeCounts, searchBoth, untranslatedTotals, type OriginalIndex } from '../lib/search/untranslated.ts';
import { correctedQuery, wordsNotFound } from '../lib/search/close-match.ts';
import { browseSort } from '../lib/search/order.ts';
import { resultView, type ResultFragment } from '../lib/search/results.ts';
import { fill, statusMessage, type OriginalText, type SearchSettings, type SearchText } from '../lib/search/text.ts';
import { renderFacetValues, renderResult, showStatus, updateCounts } from './search-render.ts';

/** Results shown at first and added by each "Show more results". */
const PAGE_SIZE = 10;
/** How long typing pauses before a search runs, so that each key press does not start one. */
const TYPING_PAUSE_MS = 200;

/**
 * Pagefind's own script, from the site's `/pagefind/` folder. The bundler must leave this import
 * alone: the file only exists once the build has indexed the pages. Pagefind reads the page's
 * `<html lang>` itself and loads that language's index.
 */
async function loadPagefind(original: OriginalText | undefined): Promise<{ pagefind: PagefindApi; other: PagefindInstance | undefined }> {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	const pagefind = (await import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`)) as PagefindApi;
	const settings = { baseUrl: import.meta.env.BASE_URL, ranking: RANKING };
	await pagefind.options(settings);
	if (!original) return { pagefind, other: undefined };
	// A second instance for the first language's index. Pagefind picks an instance's index from
	// `<html lang>` as it creates it, with no option to name another (its `mergeIndex` refuses the
	// site's own bundle, and would mix both languages' facet values): the attribute names that
	// language for the moment of the call, and is put back before anything can render or read it.
	// The instance comes from a second copy of Pagefind's module: instances of one copy share its
	// word stemmer, so the first language's would have read this language's words (a Finnish search
	// for "tavoitteet", "goals", found one page of the ten that have it).
	let copy: PagefindApi;
	try {
		copy = (await import(/* @vite-ignore */ `${base}/pagefind/pagefind.js?index=${encodeURIComponent(original.lang)}`)) as PagefindApi;
	} catch {
		// Without it, search still finds this language's pages.
		return { pagefind, other: undefined };
	}
	const html = document.documentElement;
	const lang = html.getAttribute('lang');
	html.setAttribute('lang', original.lang);
	let other: PagefindInstance;
	try {
		other = copy.createInstance(settings);
	} finally {
		if (lang === null) html.removeAttribute('lang');
		else html.setAttribute('lang', lang);
	}
	// Without it, search still finds this language's pages.
	const ready = await other.options(settings).then(
		() => true,
		() => false
	);
	return { pagefind, other: ready ? other : undefined };
}

/** One listed result: the page language's or an untranslated page of the original's, loaded when shown. */
interface Listed {
	data: () => Promise<ResultFragment>;
	original: boolean;
}

/** One open search dialog: its elements, its indexes and words, and what the latest search found. */
interface Search {
	input: HTMLInputElement;
	status: HTMLElement;
	list: HTMLOListElement;
	more: HTMLButtonElement;
	earlier: HTMLInputElement;
	clear: HTMLButtonElement;
	selected: HTMLElement;
	pagefind: PagefindApi;
	/** The first language's index, on a page in a second language when it loaded. */
	original: OriginalIndex | undefined;
	totals: FilterCounts;
	text: SearchText;
	lists: Map<Facet, HTMLElement>;
	/** The other index's content type and level names, by their names in the page's language. */
	typeNames: Map<string, string>;
	levelNames: Map<string, string>;
	/** The tracks in the curriculum's order, by their names in the track facet: which one's order a search without words follows. */
	tracks: readonly string[];
	/** The facet values the indexes hold (platforms, tracks, levels, types): words the site surely has, to correct a misspelt word by. */
	vocabulary: readonly string[];
	/** Counts the searches started, so that one a newer search overtakes shows nothing. */
	generation: number;
	matches: Listed[];
	shown: number;
}

interface LoadedSearch {
	settings: SearchSettings;
	pagefind: PagefindApi;
	original: OriginalIndex | undefined;
	/** The page language's index's counts. */
	totals: FilterCounts;
	/** The values the facets list: the page language's, and the original's untranslated pages'. */
	values: FacetedSearch['counts'];
}

/** Loads the dialog's words and Pagefind, or says in the dialog that search could not be loaded. */
async function loadSearch(root: HTMLElement, status: HTMLElement): Promise<LoadedSearch> {
	try {
		// The dialog's words and the facets' order, in the page's language (src/routes/search.json.ts).
		const response = await fetch(root.dataset.settings ?? '/search.json');
		if (!response.ok) throw new Error(`${response.url} answered ${response.status}.`);
		const settings = (await response.json()) as SearchSettings;
		const { pagefind, other } = await loadPagefind(settings.text.original);
		const { original: text } = settings.text;
		const original = other && text ? { pagefind: other, pageLang: text.pageLang, values: text.values } : undefined;
		const [totals, theirs] = await Promise.all([pagefind.filters(), original && untranslatedTotals(original).catch(() => undefined)]);
		// Without the original's values, search finds and counts this language's pages alone.
		if (!original || !theirs) return { settings, pagefind, original: undefined, totals, values: totals };
		return { settings, pagefind, original, totals, values: mergeCounts(totals, theirs, original.values) };
	} catch {
		status.textContent = root.dataset.error ?? '';
		throw new Error('Search could not be loaded.');
	}
}

/** Loads search into the open dialog, then searches as the reader types, ticks or asks for more. */
export async function startSearch(root: HTMLElement, dialog: HTMLDialogElement): Promise<void> {
	const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
	const input = find<HTMLInputElement>('[data-search-input]');
	const status = find<HTMLElement>('[data-search-status]');
	const list = find<HTMLOListElement>('[data-search-results]');
	const more = find<HTMLButtonElement>('[data-search-more]');
	const facetsPanel = find<HTMLDetailsElement>('[data-search-facets]');
	const earlier = find<HTMLInputElement>('[data-search-earlier]');
	const clear = find<HTMLButtonElement>('[data-search-clear]');
	const selected = find<HTMLElement>('[data-search-selected]');

	const { settings, pagefind, original, totals, values } = await loadSearch(root, status);
	const { text } = settings;
	const search: Search = {
		input, status, list, more, earlier, clear, selected, pagefind, original, totals, text,
		lists: setUpFacets(root, values, settings, text.original?.lang),
		typeNames: byTheirName(text.original?.values.type),
		levelNames: byTheirName(text.original?.values.level),
		tracks: settings.order.track,
		vocabulary: Object.values(values).flatMap((counts) => Object.keys(counts ?? {})),
		generation: 0,
		matches: [],
		shown: 0,
	};

	let pause: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(pause);
		pause = setTimeout(() => void run(search), TYPING_PAUSE_MS);
	});
	facetsPanel.addEventListener('change', () => void run(search));
	clear.addEventListener('click', () => {
		for (const box of facetsPanel.querySelectorAll<HTMLInputElement>('[data-facet-values] input:checked')) box.checked = false;
		void run(search);
		input.focus();
	});
	more.addEventListener('click', () => {
		// Keep the reader's place: focus moves to the first of the new results.
		const first = search.shown;
		void showMore(search, search.generation).then(() => list.children[first]?.querySelector('a')?.focus());
	});
	// The arrow keys move from the field to the results and between them, past the filters that come
	// first in the tab order; up from the first result returns to the field.
	const resultLinks = () => [...list.children].flatMap((item) => item.querySelector<HTMLAnchorElement>('a') ?? []);
	input.addEventListener('keydown', (event) => {
		const first = resultLinks()[0];
		if (event.key !== 'ArrowDown' || !first) return;
		event.preventDefault();
		first.focus();
	});
	list.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = resultLinks();
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (at < 0) return;
		event.preventDefault();
		(event.key === 'ArrowDown' ? links[at + 1] : (links[at - 1] ?? input))?.focus();
	});
	// A result may link to a part of the page already open, where nothing would close the dialog.
	list.addEventListener('click', (event) => {
		if (event.target instanceof Element && event.target.closest('a')) dialog.close();
	});

	await run(search);
}

/** Adds the next page of results to the list, unless a newer search has started meanwhile. Returns the results it added, the page language's and the original's. */
async function showMore(search: Search, current: number): Promise<{ own: ResultFragment[]; original: ResultFragment[] }> {
	const { list, more, text } = search;
	const next = search.matches.slice(search.shown, search.shown + PAGE_SIZE);
	more.disabled = true;
	const fragments = await Promise.all(next.map((result) => result.data()));
	if (current !== search.generation) return { own: [], original: [] };
	const version = (value: string) => fill(text.version, { version: value });
	list.append(
		...fragments.map((fragment, i) => {
			const view = resultView(fragment, version, text.duration);
			if (!next[i]!.original || !text.original) return renderResult(view);
			// The other index names the content type and level in its language; the line of facts is in the page's.
			view.type = search.typeNames.get(view.type) ?? view.type;
			view.details = view.details.map((detail) => search.levelNames.get(detail) ?? detail);
			view.details.push(text.original.label);
			return renderResult(view, text.original.lang);
		})
	);
	search.shown += next.length;
	more.disabled = false;
	more.hidden = search.shown >= search.matches.length;
	return { own: fragments.filter((_, i) => !next[i]!.original), original: fragments.filter((_, i) => next[i]!.original) };
}

/** Searches for the typed words and ticked facets, then shows the counts, the first results and how many there are. */
async function run(search: Search): Promise<void> {
	const { input, status, list, earlier, clear, selected, pagefind, original, totals, text, lists } = search;
	const current = ++search.generation;
	// The words as they are now: the field may change while this search runs (typing waits a pause
	// before its own search starts), and what this one says must be about the words it searched for.
	const words = input.value;
	const chosen = readSelection(lists);
	const ticks = Object.values(chosen).reduce((sum, values) => sum + values.length, 0);
	selected.textContent = ticks > 0 ? ` (${ticks})` : '';
	clear.hidden = ticks === 0;
	try {
		// Untranslated pages are an addition: when their index fails, the page language's results and counts still show.
		// Without words, the results follow the curriculum: the ticked track's, or the whole curriculum's.
		const found = await searchBoth(pagefind, words, chosen, earlier.checked, totals, original, browseSort(chosen, search.tracks));
		if (!found || current !== search.generation) return;
		for (const [facet, values] of lists) updateCounts(values, found.counts[facet]);
		search.matches = [
			...found.results.map((result) => ({ data: result.data, original: false })),
			...found.untranslated.map((result) => ({ data: result.data, original: true })),
		];
		search.shown = 0;
		list.replaceChildren();
		const first = await showMore(search, current);
		if (current !== search.generation) return;
		// The results shown first: the page language's, or the original's when it has none.
		const shownFirst = first.own.length > 0 ? first.own : first.original;
		const notFound = wordsNotFound(words, shownFirst.map((fragment) => fragment.excerpt ?? ''));
		if (!found.searched) {
			status.textContent = text.idle;
			return;
		}
		// A word the results only have words like may be misspelt: the closest word the site surely has
		// (a facet value, or a word of a result's title) is offered, and a press searches for it.
		const titles = shownFirst.map((fragment) => fragment.meta?.title ?? '');
		const corrected = notFound.length > 0 ? correctedQuery(words, notFound, [...search.vocabulary, ...titles]) : undefined;
		const message = statusMessage(text, words, found.results.length, found.untranslated.length, notFound);
		showStatus(status, message, corrected ? { template: text.didYouMean, query: corrected, pick: () => searchFor(search, corrected) } : undefined);
	} catch {
		if (current === search.generation) status.textContent = text.error;
	}
}

/**
 * Fills in the facets that have values in the indexes searched, in the curriculum's order, and the
 * option for earlier versions when they hold any. Returns each shown facet's list of checkboxes. On a
 * page in a second language (`original` names the first), a value `inOriginal` lists (a track not
 * translated yet) is named in the original, and so is any value `order` does not know.
 */
function setUpFacets(root: HTMLElement, totals: FacetedSearch['counts'], { order, inOriginal }: SearchSettings, original?: string): Map<Facet, HTMLElement> {
	const lists = new Map<Facet, HTMLElement>();
	for (const facet of FACETS) {
		const fieldset = root.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${facet}"]`);
		const list = fieldset?.querySelector<HTMLElement>('[data-facet-values]');
		if (!fieldset || !list) continue;
		const values = orderFacetValues(facet, Object.keys(totals[facet] ?? {}), order[facet]);
		if (values.length === 0) continue;
		const named = new Set(order[facet]);
		const theirs = new Set(inOriginal?.[facet]);
		renderFacetValues(list, facet, values, (value) => (original && (theirs.has(value) || !named.has(value)) ? original : undefined));
		lists.set(facet, list);
		fieldset.hidden = false;
	}
	const earlier = root.querySelector<HTMLElement>('[data-search-earlier-option]');
	if (earlier) earlier.hidden = !(totals.type?.[EARLIER] ?? 0);
	// On a wide screen the facets sit beside the results; on a phone they fold away under "Filters".
	const panel = root.querySelector<HTMLDetailsElement>('[data-search-facets]');
	if (panel && matchMedia('(min-width: 50rem)').matches) panel.open = true;
	return lists;
}

/** Searches for other words at once, as if the reader had typed them, and leaves the reader in the field. */
function searchFor(search: Search, words: string): void {
	search.input.value = words;
	search.input.focus();
	void run(search);
}

/** The values ticked in each facet. */
function readSelection(lists: Map<Facet, HTMLElement>): Selection {
	const chosen: Selection = {};
	for (const [facet, list] of lists) {
		const ticked = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
		if (ticked.length > 0) chosen[facet] = ticked;
	}
	return chosen;
}
