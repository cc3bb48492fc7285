/**
 * DOM for the search dialog: facet checkboxes and result cards. Every word from the index goes in as
 * a text node, so a page's text can never become markup here.
 */
import type { Facet } from '../lib/search/facets.ts';
import type { ResultView } from '../lib/search/results.ts';

/**
 * A checkbox per facet value, with a count that `updateCounts` keeps current. `langOf` names the
 * language of a value in another language than the page's (a track not translated yet keeps its
 * original name), so that a screen reader speaks it in that language.
 */
export function renderFacetValues(list: HTMLElement, facet: Facet, values: readonly string[], langOf: (value: string) => string | undefined = () => undefined): void {
	list.replaceChildren(
		...values.map((value) => {
			const item = document.createElement('li');
			const label = document.createElement('label');
			const box = document.createElement('input');
			box.type = 'checkbox';
			box.name = facet;
			box.value = value;
			const name = document.createElement('span');
			name.textContent = value;
			const lang = langOf(value);
			if (lang) name.lang = lang;
			const count = document.createElement('span');
			count.dataset.count = '';
			label.append(box, name, count);
			item.append(label);
			return item;
		})
	);
}

/**
 * Shows how many results each value would give. A value that would give none cannot be ticked,
 * unless it already is, so that a reader can always untick it.
 */
export function updateCounts(list: HTMLElement, counts: Record<string, number> | undefined): void {
	for (const box of list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		const count = counts?.[box.value] ?? 0;
		const badge = box.parentElement?.querySelector('[data-count]');
		if (badge) badge.textContent = String(count);
		box.disabled = count === 0 && !box.checked;
	}
}

/**
 * One result: the title as a link, its type, version, level and duration, and the excerpt with matches marked.
 * `lang` names the language of the title and excerpt of a page in another language than the page's,
 * for screen readers and hyphenation; the line of facts stays in the page's language.
 */
export function renderResult(view: ResultView, lang?: string): HTMLLIElement {
	const item = document.createElement('li');
	const link = document.createElement('a');
	if (lang) link.lang = lang;
	link.href = view.url;
	link.textContent = view.title;
	item.append(link);
	const meta = [view.type, ...view.details].filter(Boolean);
	if (meta.length > 0) {
		const line = document.createElement('p');
		line.dataset.resultMeta = '';
		line.textContent = meta.join(' · ');
		item.append(line);
	}
	if (view.excerpt.length > 0) {
		const excerpt = document.createElement('p');
		if (lang) excerpt.lang = lang;
		excerpt.append(
			...view.excerpt.map((part) => {
				if (!part.mark) return document.createTextNode(part.text);
				const mark = document.createElement('mark');
				mark.textContent = part.text;
				return mark;
			})
		);
		item.append(excerpt);
	}
	return item;
}

/** Words to offer in place of the typed ones: `template` says them, with a button for `query` in place of `{query}`, that calls `pick`. */
export interface Suggestion {
	template: string;
	query: string;
	pick: () => void;
}

/**
 * Says how a search went in the live region, followed by a suggestion when there is one. The
 * region's content is replaced at once, so that a screen reader reads the count and the suggestion
 * together, once.
 */
export function showStatus(status: HTMLElement, message: string, suggestion?: Suggestion | undefined): void {
	if (!suggestion) {
		status.textContent = message;
		return;
	}
	const [before = '', after = ''] = suggestion.template.split('{query}');
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'currents-search__suggestion';
	button.dataset.searchSuggestion = '';
	button.textContent = suggestion.query;
	button.addEventListener('click', suggestion.pick);
	status.replaceChildren(`${message} ${before}`, button, after);
}
