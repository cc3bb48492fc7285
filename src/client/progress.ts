/**
 * On every page: a check mark on each sidebar link to a completed module and, on a module page, a
 * note of it as the last module visited, for "Continue where you left off" on the home page. It
 * reads progress with the quick look (peek.ts) and writes only the visits entry, so it stays small.
 */
import { isObject, PROGRESS_VERSION, STORAGE_KEYS } from '../lib/progress/basics.ts';
import { peekProgress } from '../lib/progress/peek.ts';
import { browserStorage, el, onProgressChange, readStored } from './progress-common.ts';

// A module's page, at the root or under a language's prefix such as /fi/.
const MODULE_PATH = /^(?:\/[a-z]{2,3}(?:-[A-Za-z0-9]+)*)?\/modules\/([^/]+)\/$/;

/** The words for screen readers after a mark, in the page's language (ProgressMarks.astro). */
const DONE = document.querySelector<HTMLTemplateElement>('template[data-progress-done]')?.content.textContent || ' (completed)';

function markSidebar(): void {
	const { completed } = peekProgress(readStored(STORAGE_KEYS.progress));
	for (const link of document.querySelectorAll<HTMLAnchorElement>('.sidebar-content a[href]')) {
		link.querySelector('[data-progress-mark]')?.remove();
		const id = MODULE_PATH.exec(link.getAttribute('href') ?? '')?.[1];
		if (id === undefined || !completed.has(id)) continue;
		// The mark is a symbol and words, never colour alone; its words are in the page's language, also
		// on a link to an untranslated module, which carries the original's.
		const lang: Record<string, string> = link.lang ? { lang: document.documentElement.lang } : {};
		link.append(el('span', { class: 'currents-done', 'data-progress-mark': '', ...lang }, el('span', { 'aria-hidden': 'true' }, '✓'), el('span', { class: 'sr-only' }, DONE)));
	}
}

/**
 * Notes this module page as the last one visited. Visits of an unknown version, or that cannot be
 * read, are left as they are for the validating loader on the home page to deal with.
 */
function recordVisit(): void {
	const id = document.querySelector<HTMLElement>('[data-module][data-module-kind]')?.dataset.module;
	const storage = browserStorage();
	if (!id || !storage) return;
	try {
		const raw = storage.getItem(STORAGE_KEYS.visits);
		const visits: unknown = raw === null ? { version: PROGRESS_VERSION } : JSON.parse(raw);
		if (!isObject(visits) || visits.version !== PROGRESS_VERSION) return;
		storage.setItem(STORAGE_KEYS.visits, JSON.stringify({ ...visits, last: { module: id, at: new Date().toISOString() } }));
	} catch {
		// Storage is full or turned off, or holds text that is not JSON: there is nothing to note it in.
	}
}

markSidebar();
recordVisit();
onProgressChange(markSidebar);
