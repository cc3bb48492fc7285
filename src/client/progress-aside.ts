/**
 * Notices about stored data that was set aside because it could not be read, each until the
 * learner dismisses it. The data itself stays on the progress page, to download or delete.
 */
import { undismissed } from '../lib/progress/aside.ts';
import { PROGRESS_HREF, setAsideNotice, setAsideTitle } from '../lib/progress/text.ts';
import { el } from './progress-common.ts';
import { wordsOf } from './progress-text.ts';
import { controlAfter, keepingFocus, notice, progressLink } from './progress-ui.ts';
import { changeSetAside, loadAll } from './progress-store.ts';

/** Loads (and so repairs) stored data, then shows a notice for each entry set aside and not dismissed. */
export function showSetAside(container: HTMLElement, linkToProgress = true): ReturnType<typeof loadAll> {
	const loaded = loadAll();
	const say = wordsOf(container);
	const render = () => {
		const entries = undismissed(loaded.setAside);
		container.replaceChildren(
			...entries.map((entry) => {
				const dismiss = el('button', { type: 'button', class: 'currents-dismiss', 'data-dismiss': '' }, say('dismiss', 'Dismiss'));
				dismiss.addEventListener('click', () => {
					changeSetAside((list) => list.map((item) => (item.raw === entry.raw && item.at === entry.at ? { ...item, dismissed: true } : item)));
					entry.dismissed = true;
					// The notice goes with its button: focus moves to the next notice's, or on to what follows them.
					const at = entries.indexOf(entry);
					keepingFocus(container, render, () => {
						const left = container.querySelectorAll<HTMLElement>('[data-dismiss]');
						return left[Math.min(at, left.length - 1)] ?? controlAfter(container);
					});
				});
				const text = setAsideNotice(entry, linkToProgress ? undefined : say('belowSetAside', 'below, under “Data set aside”'), say);
				return notice('warning', setAsideTitle(entry, say), el('p', {}, text, linkToProgress && ' ', linkToProgress && progressLink(say('openProgress', 'Open Your progress'), say('progressHref', PROGRESS_HREF))), el('p', {}, dismiss));
			})
		);
	};
	render();
	return loaded;
}
