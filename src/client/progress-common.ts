/**
 * Small pieces every progress script shares, the one on every page among them: reaching storage,
 * making elements, fetching the curriculum's catalogue, and hearing of changes. None of it needs the
 * schema validator.
 */
import type { Catalogue } from '../lib/progress/catalogue.ts';

/** The browser's localStorage, or undefined when it is turned off (reading it may throw then). */
export function browserStorage(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined;
	}
}

/** A stored entry's text, or null when there is none or storage cannot be read. */
export function readStored(key: string): string | null {
	try {
		return browserStorage()?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

export type Child = Node | string | false | undefined;

/** An element with attributes (a `class` among them) and children; text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
	for (const child of children) if (child) element.append(child);
	return element;
}

/**
 * The curriculum's modules and tracks in the page's language, fetched from the address the page gives
 * (`/learner.json`, or `/<language>/learner.json`); undefined when it cannot be had.
 */
export async function fetchCatalogue(href: string): Promise<Catalogue | undefined> {
	try {
		const response = await fetch(href);
		return response.ok ? ((await response.json()) as Catalogue) : undefined;
	} catch {
		return undefined;
	}
}

/** Dispatched on the document when this page changes stored progress, so that every part shows it. */
export const PROGRESS_CHANGED = 'currents:progress-changed';

export const announceChange = () => document.dispatchEvent(new CustomEvent(PROGRESS_CHANGED));

/** Calls `render` when progress changes, on this page or in another tab. */
export function onProgressChange(render: () => void): void {
	document.addEventListener(PROGRESS_CHANGED, render);
	window.addEventListener('storage', (event) => {
		if (event.key === null || event.key.startsWith('currents:')) render();
	});
}
