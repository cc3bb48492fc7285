/**
 * A track page's progress: the count and bar, a mark on each module of the list, update notices for
 * modules completed at an older version, and the message when the track is complete.
 */
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import type { CatalogueModule } from '../lib/progress/catalogue.ts';
import { changesSince } from '../lib/progress/changes.ts';
import { peekProgress } from '../lib/progress/peek.ts';
import { trackStatus } from '../lib/progress/summary.ts';
import { el, onProgressChange, readStored } from './progress-common.ts';
import { modulesCompleteText, wordsOf } from './progress-text.ts';
import { changeLine, localUpdateNotice, notice } from './progress-ui.ts';

type TrackModuleData = CatalogueModule & { id: string };

function mount(root: HTMLElement): void {
	const modules = JSON.parse(root.dataset.modules ?? '[]') as TrackModuleData[];
	const passMark = Number(root.dataset.passMark);
	const count = root.querySelector<HTMLElement>('[data-track-count]');
	const bar = root.querySelector<HTMLProgressElement>('[data-track-bar]');
	const complete = root.querySelector<HTMLElement>('[data-track-complete]');
	const messages = root.querySelector<HTMLElement>('[data-progress-messages]');
	if (!count || !bar || !complete || !messages) return;
	const titles = new Map(modules.map((module) => [module.id, module.title]));
	const say = wordsOf(root);

	const checksText = (list: string) => say('allModulesCompleteText', `To complete the track, pass the knowledge check of ${list} with ${passMark}% or more.`, { modules: list, mark: passMark });

	const render = () => {
		const view = peekProgress(readStored(STORAGE_KEYS.progress));
		const status = trackStatus(view, modules, passMark);
		count.textContent = modulesCompleteText(say, status.done, status.total);
		bar.value = status.done;
		complete.replaceChildren(
			...(status.complete
				? [notice('info', say('trackComplete', 'Track complete'), el('p', {}, say('trackCompleteText', `You have completed every module of this track and passed each knowledge check with ${passMark}% or more.`, { mark: passMark })))]
				: status.done === status.total && status.total > 0
					? [notice('info', say('allModulesComplete', 'Every module is complete'), el('p', {}, checksText(status.checksToPass.map((id) => titles.get(id) ?? id).join(', '))))]
					: [])
		);
		for (const module of modules) {
			const item = document.querySelector<HTMLElement>(`li[data-track-module="${CSS.escape(module.id)}"]`);
			if (!item) continue;
			for (const old of item.querySelectorAll('[data-progress-mark]')) old.remove();
			const done = view.completed.get(module.id);
			if (!done) continue;
			const changes = changesSince(module.changelog, done.version, module.version);
			const mark = el('p', { class: 'currents-path__done', 'data-progress-mark': '' }, el('span', { 'aria-hidden': 'true' }, '✓ '), changes ? say('completedAt', `Completed at version ${done.version}`, { version: done.version }) : say('completed', 'Completed'));
			const heading = item.querySelector('h2');
			const marks = [mark, ...(changes ? [el('div', { 'data-progress-mark': '' }, localUpdateNotice(say, changes, changeLine))] : [])];
			if (heading) heading.after(...marks);
			else item.prepend(...marks);
		}
		return view.state;
	};

	onProgressChange(render);
	root.hidden = false;
	// Data the quick look cannot accept, or set aside earlier, needs the validating store.
	if (render() === 'check' || readStored(STORAGE_KEYS.setAside) !== null) {
		void import('./progress-aside.ts').then(({ showSetAside }) => {
			showSetAside(messages);
			render();
		});
	}
}

for (const root of document.querySelectorAll<HTMLElement>('[data-track-progress]')) mount(root);
