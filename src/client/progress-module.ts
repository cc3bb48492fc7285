/**
 * A module page's progress: the "Mark as complete" toggle, its status, the knowledge check's pass,
 * and what changed since the version the learner completed. It shows progress with the quick look
 * and loads the validating store (progress-store.ts) only to save a change or to repair stored data
 * it cannot accept, so a reader who only reads never downloads the validator.
 */
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import { changesSince, type ChangeEntry } from '../lib/progress/changes.ts';
import { peekProgress } from '../lib/progress/peek.ts';
import { markComplete, recordQuiz, unmark } from '../lib/progress/record.ts';
import type { Progress, SetAsideEntry } from '../lib/progress/shape.ts';
import type { Stored } from '../lib/progress/store.ts';
import { NOT_SAVED, setAsideNotice, setAsideTitle } from '../lib/progress/text.ts';
import { QUIZ_RESULT_EVENT, type QuizResultDetail } from '../lib/learning/quiz.ts';
import { el, onProgressChange, readStored } from './progress-common.ts';
import { formatDay, notice, progressLink, updateNotice } from './progress-ui.ts';

const store = () => import('./progress-store.ts');

/** The module's changelog as its page lists it (Changelog.astro), each entry's line as shown. */
function changelogOnPage(): ChangeEntry[] {
	return [...document.querySelectorAll<HTMLElement>('.currents-changelog li[data-version]')].map((item) => ({
		version: item.dataset.version ?? '',
		date: item.dataset.date ?? '',
		kind: item.dataset.kind ?? '',
		summary: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
	}));
}

function mount(root: HTMLElement): void {
	const id = root.dataset.module ?? '';
	const version = root.dataset.version ?? '';
	const toggle = root.querySelector<HTMLButtonElement>('[data-progress-toggle]');
	const status = root.querySelector<HTMLElement>('[data-progress-status]');
	const notices = root.querySelector<HTMLElement>('[data-progress-notices]');
	const messages = root.querySelector<HTMLElement>('[data-progress-messages]');
	if (!toggle || !status || !notices || !messages) return;

	const render = () => {
		const view = peekProgress(readStored(STORAGE_KEYS.progress));
		const done = view.completed.get(id);
		const score = view.passed.get(id);
		toggle.setAttribute('aria-pressed', String(done !== undefined));
		toggle.textContent = done ? 'Completed' : 'Mark as complete';
		const check = score === undefined ? '' : ` Knowledge check passed with ${score}%.`;
		status.textContent = !done
			? `Not complete yet.${check}`
			: done.version === version
				? `You completed this module on ${formatDay(done.at)}${done.via === 'quiz' ? ' by passing the knowledge check' : ''}.${check}`
				: `You completed version ${done.version} on ${formatDay(done.at)}.${check}`;
		const changes = done ? changesSince(changelogOnPage(), done.version, version) : undefined;
		const reread = el('button', { type: 'button', class: 'currents-progress__reread', 'data-progress-reread': '' }, `Mark version ${version} as complete`);
		reread.addEventListener('click', () => save((progress) => markComplete(progress, id, version, new Date())));
		notices.replaceChildren(...(changes ? [updateNotice(changes, (entry) => entry.summary, el('p', {}, reread))] : []));
		return view.state;
	};

	/** Messages about saving: what was set aside on this page, or that the browser refused to save. */
	const report = (result: Stored<unknown> & { setAside?: SetAsideEntry }) => {
		const items = [
			...(result.setAside ? [notice('warning', setAsideTitle(result.setAside), el('p', {}, setAsideNotice(result.setAside), ' ', progressLink('Open Your progress')))] : []),
			...(result.saved ? [] : [notice('warning', 'Not saved', el('p', {}, NOT_SAVED))]),
		];
		if (items.length > 0) messages.replaceChildren(...items);
	};

	const save = async (change: (progress: Progress) => Progress) => {
		const result = (await store()).changeProgress(change);
		report(result);
		render();
	};

	toggle.addEventListener('click', () => {
		const pressed = toggle.getAttribute('aria-pressed') === 'true';
		void save((progress) => (pressed ? unmark(progress, id) : markComplete(progress, id, version, new Date())));
	});

	// A pass completes the module and keeps the score; a failed attempt changes nothing.
	document.addEventListener(QUIZ_RESULT_EVENT, (event) => {
		const detail = (event as CustomEvent<QuizResultDetail>).detail;
		if (detail?.module === id && detail.passed) void save((progress) => recordQuiz(progress, detail, new Date()));
	});

	onProgressChange(render);
	root.hidden = false;
	// Stored data the quick look cannot accept is repaired now, and the learner told what was set aside.
	if (render() === 'check') {
		void store().then(({ loadAll }) => {
			const { progress } = loadAll();
			report(progress);
			render();
		});
	}
}

for (const root of document.querySelectorAll<HTMLElement>('[data-module-progress]')) mount(root);
