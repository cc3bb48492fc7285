/**
 * A module page's progress: the "Completed" toggle, its status, the knowledge check's pass (and,
 * in the check, that a major revision rewrote it since the learner passed it), and what changed
 * since the version the learner completed. On an archived major's page, the same for the version that
 * page keeps, which a course may have assigned: its words name that version and the current one. It
 * shows progress with the quick look and loads the validating store (progress-store.ts) only to save a change or to repair stored data
 * it cannot accept, so a reader who only reads never downloads the validator. A page in another
 * language gives the words it writes in a `data-text` attribute; without one it writes English.
 */
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import { changesSince, type ChangeEntry } from '../lib/progress/changes.ts';
import { passOnPage, rewrittenSincePass, type Pass, type PassOnPage, type RewrittenCheck } from '../lib/progress/passes.ts';
import { peekProgress, type ProgressView } from '../lib/progress/peek.ts';
import { completedLater, markComplete, recordQuiz, unmark } from '../lib/progress/record.ts';
import type { Progress, SetAsideEntry } from '../lib/progress/shape.ts';
import type { Stored } from '../lib/progress/store.ts';
import { NOT_SAVED, PROGRESS_HREF, setAsideNotice, setAsideTitle } from '../lib/progress/text.ts';
import { QUIZ_RESULT_EVENT, type QuizResultDetail } from '../lib/learning/quiz.ts';
import { el, onProgressChange, readStored } from './progress-common.ts';
import { wordsOf, type Say } from './progress-text.ts';
import { formatDay, keepingFocus, localUpdateNotice, notice, progressLink } from './progress-ui.ts';

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

/**
 * In the module's knowledge check, under its instructions: that a major revision, which may have
 * changed the check, came out after the learner passed it, and an invitation to take it again; taken away once it no longer holds. It is
 * part of the page the learner reads on the way to the questions, not news of something they just
 * did: it is no live region and never takes focus, so a screen reader meets it in reading order.
 */
function showRewritten(quiz: HTMLElement | null, say: Say, rewritten: RewrittenCheck | undefined): void {
	const shown = quiz?.querySelector('[data-quiz-rewritten]');
	if (!quiz || !rewritten) return shown?.remove();
	const values = { rewritten: rewritten.rewritten, passed: rewritten.passed, score: rewritten.score };
	const prompt = notice(
		'info',
		say('checkRewrittenTitle', 'Take the check again'),
		el('p', {}, say('checkRewritten', `You passed this knowledge check at version ${values.passed}, and version ${values.rewritten}, a major revision, has come out since, which may have changed what it asks. Your pass does not count for this version: answer the questions below to take it again.`, values))
	);
	prompt.dataset.quizRewritten = '';
	// Drawn afresh only when its words change, so that a screen reader reading it is not interrupted.
	if (shown?.textContent === prompt.textContent) return;
	if (shown) shown.replaceWith(prompt);
	else quiz.querySelector(':scope > p')?.after(prompt);
}

/** What the progress status adds about the learner's pass of the check, as `passOnPage` names it. */
function checkWords(say: Say, kind: PassOnPage, pass: Pass): string {
	const values = { version: pass.version, score: pass.score };
	if (kind === 'rewritten') return say('checkPassedEarlier', ` You passed the knowledge check of version ${pass.version} with ${pass.score}%, before a major revision.`, values);
	if (kind === 'later') return say('checkPassedVersion', ` You passed the knowledge check of version ${pass.version} with ${pass.score}%.`, values);
	return say('checkPassed', ` Knowledge check passed with ${pass.score}%.`, { score: pass.score });
}

type Done = NonNullable<ReturnType<ProgressView['completed']['get']>>;

/**
 * What an archived major's page says of the learner's completion: always which version they complete
 * on it, and that a current version exists. A completion of a later version stands (markComplete in
 * src/lib/progress/record.ts), and the page says so rather than offer to replace it.
 */
function archivedState(say: Say, done: Done | undefined, version: string, current: string): string {
	if (!done) return say('archivedNotComplete', `Not complete yet. Completing it here records version ${version}, the earlier version on this page; the current version is ${current}.`, { version, current });
	const date = formatDay(done.at);
	if (completedLater(done, version)) {
		return say('archivedCompletedLater', `You completed version ${done.version} on ${date}, a later version than this page's ${version}. Your progress keeps that completion: nothing done on this page replaces it with an earlier one. To record this version instead, un-mark the module on its current page first.`, { done: done.version, date, version });
	}
	if (done.version !== version) {
		return say('archivedCompletedEarlier', `You completed version ${done.version} on ${date}. This page is version ${version}, and the current version is ${current}.`, { done: done.version, date, version, current });
	}
	return done.via === 'quiz'
		? say('archivedCompletedOnQuiz', `You completed version ${version}, the one on this page, on ${date} by passing its knowledge check. The current version is ${current}.`, { version, date, current })
		: say('archivedCompleted', `You completed version ${version}, the one on this page, on ${date}. The current version is ${current}.`, { version, date, current });
}

/** The status of a module on its current page: not complete, or completed at which version, when and how. */
function currentState(say: Say, done: Done | undefined, version: string): string {
	if (!done) return say('notComplete', 'Not complete yet.');
	const date = formatDay(done.at);
	if (done.version !== version) return say('completedVersion', `You completed version ${done.version} on ${date}.`, { version: done.version, date });
	return done.via === 'quiz'
		? say('completedOnQuiz', `You completed this module on ${date} by passing the knowledge check.`, { date })
		: say('completedOn', `You completed this module on ${date}.`, { date });
}

/** Messages about saving: what was set aside on this page, or that the browser refused to save. */
function reportSaving(messages: HTMLElement, say: Say, result: Stored<unknown> & { setAside?: SetAsideEntry }): void {
	const items = [
		...(result.setAside
			? [
					notice(
						'warning',
						setAsideTitle(result.setAside, say),
						el('p', {}, setAsideNotice(result.setAside, undefined, say), ' ', progressLink(say('openProgress', 'Open Your progress'), say('progressHref', PROGRESS_HREF)))
					),
				]
			: []),
		...(result.saved ? [] : [notice('warning', say('notSavedTitle', 'Not saved'), el('p', {}, say('notSaved', NOT_SAVED)))]),
	];
	if (items.length > 0) messages.replaceChildren(...items);
}

/**
 * The learner's pass of this page's own check, which a failed attempt leaves standing: on an archived
 * major's page a later major's pass is of another check.
 */
function passOfThisCheck(id: string, version: string): Pass | undefined {
	const passed = passOnPage(peekProgress(readStored(STORAGE_KEYS.progress)), id, version);
	return passed?.kind === 'this' ? passed.pass : undefined;
}

function mount(root: HTMLElement): void {
	const id = root.dataset.module ?? '';
	const version = root.dataset.version ?? '';
	// Only an archived major's page gives the current version: the page's own is an earlier major.
	const current = root.dataset.current;
	const toggle = root.querySelector<HTMLButtonElement>('[data-progress-toggle]');
	const status = root.querySelector<HTMLElement>('[data-progress-status]');
	const notices = root.querySelector<HTMLElement>('[data-progress-notices]');
	const messages = root.querySelector<HTMLElement>('[data-progress-messages]');
	if (!toggle || !status || !notices || !messages) return;
	const say = wordsOf(root);
	const quiz = document.querySelector<HTMLElement>(`[data-quiz][data-module="${CSS.escape(id)}"]`);

	const render = () => {
		const view = peekProgress(readStored(STORAGE_KEYS.progress));
		const done = view.completed.get(id);
		const passed = passOnPage(view, id, version, done?.version);
		const rewritten = rewrittenSincePass(view, id, version);
		// A toggle keeps its name, the state it sets, and says whether it is on by its pressed state (and a ticked box, for the eye).
		toggle.setAttribute('aria-pressed', String(done !== undefined));
		// On an archived major's page, a completion of a later version stands: the toggle, which would undo it, goes.
		toggle.hidden = current !== undefined && completedLater(done, version);
		const check = passed ? checkWords(say, passed.kind, passed.pass) : '';
		const state = current !== undefined ? archivedState(say, done, version, current) : currentState(say, done, version);
		status.textContent = `${state}${check}`;
		const changes = done ? changesSince(changelogOnPage(), done.version, version) : undefined;
		const reread = el('button', { type: 'button', class: 'currents-progress__reread', 'data-progress-reread': '' }, say('markVersion', `Mark version ${version} as complete`, { version }));
		reread.addEventListener('click', () => save((progress) => markComplete(progress, id, version, new Date())));
		// Once the learner marks the page's version complete, the notice and its button go: focus moves to the
		// status, which says that the module is complete, or to the button drawn afresh when the notice stays.
		keepingFocus(
			notices,
			() => notices.replaceChildren(...(changes ? [localUpdateNotice(say, changes, (entry) => entry.summary, el('p', {}, reread))] : [])),
			() => notices.querySelector<HTMLElement>('[data-progress-reread]') ?? status
		);
		showRewritten(quiz, say, rewritten);
		return view.state;
	};

	const report = (result: Stored<unknown> & { setAside?: SetAsideEntry }) => reportSaving(messages, say, result);

	const save = async (change: (progress: Progress) => Progress) => {
		const result = (await store()).changeProgress(change);
		report(result);
		render();
	};

	toggle.addEventListener('click', () => {
		const pressed = toggle.getAttribute('aria-pressed') === 'true';
		void save((progress) => (pressed ? unmark(progress, id) : markComplete(progress, id, version, new Date())));
	});

	// A pass completes the module and keeps the score; a failed attempt changes nothing, and the check
	// is told of an earlier pass of this version's check, which still counts. A pass from before a major
	// revision is of a check that may have been rewritten: the check already says so, and it is not a
	// pass of this one. On an archived major's page, the pass is of that major's check, and completes
	// the module at that version unless a later version is complete (recordQuiz).
	document.addEventListener(QUIZ_RESULT_EVENT, (event) => {
		const detail = (event as CustomEvent<QuizResultDetail>).detail;
		if (detail?.module !== id) return;
		if (detail.passed) void save((progress) => recordQuiz(progress, detail, new Date()));
		else detail.earlierPass = passOfThisCheck(id, version)?.score;
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
