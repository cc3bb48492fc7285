/**
 * The parts of progress that pages with progress on them write: notices, update notices and dates.
 * The script on every page does without them.
 */
import type { ChangesSince } from '../lib/progress/changes.ts';
import { PROGRESS_HREF, REREAD, updateAdvice, updatedSinceCompleted } from '../lib/progress/text.ts';
import { el, type Child } from './progress-common.ts';
import type { Say } from './progress-text.ts';

/** A link to the progress page. */
export const progressLink = (text = 'Your progress', href = PROGRESS_HREF) => el('a', { href }, text);

/**
 * Runs `change`, and when that took away the element that had focus inside `container` (a button
 * whose work is done, or one drawn afresh), gives focus to `then()` instead, made focusable if it is
 * not, so that a keyboard or screen reader user keeps their place rather than being sent to the
 * start of the page. Focus elsewhere on the page is left where it is.
 */
export function keepingFocus(container: HTMLElement, change: () => void, then: () => HTMLElement | null | undefined): void {
	const focused = document.activeElement;
	const inside = focused instanceof HTMLElement && container.contains(focused);
	change();
	if (!inside || focused.isConnected) return;
	const target = then();
	if (!target) return;
	if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
	target.focus();
}

const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first control after `node` (outside it) that a reader can see: where the Tab key goes next. */
export function controlAfter(node: Node): HTMLElement | undefined {
	return [...document.querySelectorAll<HTMLElement>(CONTROLS)].find((element) => !node.contains(element) && (node.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && element.checkVisibility());
}

/** A day as the page's language writes it, such as "23 November 2026". */
export function formatDay(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return date.toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A notice box in the site's style (see `Notice.astro`). */
export function notice(tone: 'info' | 'warning', title: string, ...body: Child[]): HTMLElement {
	return el('aside', { class: `currents-notice currents-notice--${tone}`, 'aria-label': title }, el('p', { class: 'currents-notice__title' }, title), el('div', {}, ...body));
}

/**
 * "Updated since you completed it", with the changelog entries in between. `line` gives each
 * entry's text; the entries of a major revision are marked to be read again.
 */
export function updateNotice(changes: ChangesSince, line: (entry: ChangesSince['entries'][number]) => string, ...after: Child[]): HTMLElement {
	return localUpdateNotice((_key, english) => english, changes, line, ...after);
}

/** The same notice in the page's language: `say` gives the words (see progress-text.ts). */
export function localUpdateNotice(say: Say, changes: ChangesSince, line: (entry: ChangesSince['entries'][number]) => string, ...after: Child[]): HTMLElement {
	const reread = say('reread', REREAD);
	const items = changes.entries.map((entry) =>
		el('li', { 'data-change': entry.version, ...(entry.reread ? { 'data-reread': '' } : {}) }, entry.reread && el('strong', { class: 'currents-reread' }, `${reread}:`), entry.reread && ' ', line(entry))
	);
	const title = say('updatedSinceCompleted', updatedSinceCompleted(changes.from, changes.to), { from: changes.from, to: changes.to });
	const advice = say(changes.major ? 'updateAdviceMajor' : 'updateAdviceMinor', updateAdvice(changes.major));
	return notice(changes.major ? 'warning' : 'info', title, el('p', {}, advice), el('ul', {}, ...items), ...after);
}

/** A changelog entry as a line of text: "2.0.0 · 2026-06-01 · Major revision: …". */
export const changeLine = (entry: { version: string; date: string; summary: string }) => `${entry.version} · ${entry.date} · ${entry.summary}`;
