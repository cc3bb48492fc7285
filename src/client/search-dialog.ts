/**
 * The search dialog, loaded when a reader first opens it: loads Pagefind, builds the facets from the
 * index, searches as the reader types or ticks, and shows results a page at a time. The live region
 * says how many results there are once each search settles.
 */
import { EARLIER, FACETS, orderFacetValues, type Facet, type Selection } from '../lib/search/facets.ts';
import { facetedSearch, RANKING, type FilterCounts, type PagefindApi, type PagefindResult } from '../lib/search/pagefind.ts';
import { resultView } from '../lib/search/results.ts';
import { fill, statusMessage, type SearchText } from '../lib/search/text.ts';
import { renderFacetValues, renderResult, updateCounts } from './search-render.ts';

/** Results shown at first and added by each "Show more results". */
const PAGE_SIZE = 10;
/** How long typing pauses before a search runs, so that each key press does not start one. */
const TYPING_PAUSE_MS = 200;

/**
 * Pagefind's own script, from the site's `/pagefind/` folder. The bundler must leave this import
 * alone: the file only exists once the build has indexed the pages. Pagefind reads the page's
 * `<html lang>` itself and loads that language's index.
 */
async function loadPagefind(): Promise<PagefindApi> {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	const pagefind = (await import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`)) as PagefindApi;
	await pagefind.options({ baseUrl: import.meta.env.BASE_URL, ranking: RANKING });
	return pagefind;
}

export async function startSearch(root: HTMLElement, dialog: HTMLDialogElement): Promise<void> {
	const text = JSON.parse(root.dataset.text ?? '{}') as SearchText;
	const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
	const input = find<HTMLInputElement>('[data-search-input]');
	const status = find<HTMLElement>('[data-search-status]');
	const list = find<HTMLOListElement>('[data-search-results]');
	const more = find<HTMLButtonElement>('[data-search-more]');
	const facetsPanel = find<HTMLDetailsElement>('[data-search-facets]');
	const earlier = find<HTMLInputElement>('[data-search-earlier]');
	const clear = find<HTMLButtonElement>('[data-search-clear]');
	const selected = find<HTMLElement>('[data-search-selected]');

	let pagefind: PagefindApi;
	let totals: FilterCounts;
	try {
		pagefind = await loadPagefind();
		totals = await pagefind.filters();
	} catch {
		status.textContent = text.error;
		throw new Error('Pagefind could not be loaded.');
	}
	const lists = setUpFacets(root, totals);

	let generation = 0;
	let matches: PagefindResult[] = [];
	let shown = 0;
	const version = (value: string) => fill(text.version, { version: value });

	const showMore = async (current: number) => {
		const next = matches.slice(shown, shown + PAGE_SIZE);
		more.disabled = true;
		const fragments = await Promise.all(next.map((result) => result.data()));
		if (current !== generation) return;
		list.append(...fragments.map((fragment) => renderResult(resultView(fragment, version))));
		shown += next.length;
		more.disabled = false;
		more.hidden = shown >= matches.length;
	};

	const run = async () => {
		const current = ++generation;
		const chosen = readSelection(lists);
		const ticks = Object.values(chosen).reduce((sum, values) => sum + values.length, 0);
		selected.textContent = ticks > 0 ? ` (${ticks})` : '';
		clear.hidden = ticks === 0;
		try {
			const found = await facetedSearch(pagefind, input.value, chosen, earlier.checked, totals);
			if (!found || current !== generation) return;
			for (const [facet, values] of lists) updateCounts(values, found.counts[facet]);
			matches = found.results;
			shown = 0;
			list.replaceChildren();
			await showMore(current);
			if (current !== generation) return;
			status.textContent = found.searched ? statusMessage(text, input.value, matches.length) : text.idle;
		} catch {
			if (current === generation) status.textContent = text.error;
		}
	};

	let pause: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(pause);
		pause = setTimeout(run, TYPING_PAUSE_MS);
	});
	facetsPanel.addEventListener('change', () => void run());
	clear.addEventListener('click', () => {
		for (const box of facetsPanel.querySelectorAll<HTMLInputElement>('[data-facet-values] input:checked')) box.checked = false;
		void run();
		input.focus();
	});
	more.addEventListener('click', () => {
		// Keep the reader's place: focus moves to the first of the new results.
		const first = shown;
		void showMore(generation).then(() => list.children[first]?.querySelector('a')?.focus());
	});
	// A result may link to a part of the page already open, where nothing would close the dialog.
	list.addEventListener('click', (event) => {
		if (event.target instanceof Element && event.target.closest('a')) dialog.close();
	});

	await run();
}

/**
 * Fills in the facets that have values in the index, in the curriculum's order, and the option for
 * earlier versions when the index holds any. Returns each shown facet's list of checkboxes.
 */
function setUpFacets(root: HTMLElement, totals: FilterCounts): Map<Facet, HTMLElement> {
	const lists = new Map<Facet, HTMLElement>();
	for (const facet of FACETS) {
		const fieldset = root.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${facet}"]`);
		const list = fieldset?.querySelector<HTMLElement>('[data-facet-values]');
		if (!fieldset || !list) continue;
		const values = orderFacetValues(facet, Object.keys(totals[facet] ?? {}), JSON.parse(fieldset.dataset.order ?? '[]') as string[]);
		if (values.length === 0) continue;
		renderFacetValues(list, facet, values);
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

/** The values ticked in each facet. */
function readSelection(lists: Map<Facet, HTMLElement>): Selection {
	const chosen: Selection = {};
	for (const [facet, list] of lists) {
		const ticked = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
		if (ticked.length > 0) chosen[facet] = ticked;
	}
	return chosen;
}
