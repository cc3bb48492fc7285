/**
 * The words pages use about progress, in one place so that they read alike everywhere and tests
 * can hold them to what a learner sees. This file imports nothing but types.
 */
import type { SetAsideEntry } from './shape.ts';

export const PROGRESS_HREF = '/progress/';

export const modulesComplete = (done: number, total: number) => `${done} of ${total} module${total === 1 ? '' : 's'} complete`;

export const updatedSinceCompleted = (from: string, to: string) => `Updated since you completed it: ${from} → ${to}`;

/** The sentence under an update notice: what to do about it. */
export function updateAdvice(major: boolean): string {
	return major
		? 'This includes a major revision: the changes marked “Re-read” changed what the module teaches, so read it again.'
		: 'Nothing you learned was reversed; the changes below add to it or correct it.';
}

/** The label of a change that calls for a re-read. */
export const REREAD = 'Re-read';

/**
 * The words of a page in its language, as `wordsOf` in `src/client/progress-text.ts` gives them:
 * the page's text for a key with `{{name}}` filled in, or the English text when the page has none.
 * The functions below speak English without one.
 */
export type Say = (key: string, english: string, values?: Record<string, string | number>) => string;

const english: Say = (_key, text) => text;

type SetAsideFacts = Pick<SetAsideEntry, 'key' | 'reason' | 'dropped' | 'version'>;

/** The ids a repair left out, as " (“a”, “b”)", or nothing. */
const droppedList = (entry: SetAsideFacts, say: Say) => {
	const dropped = entry.dropped ?? [];
	return dropped.length > 0 ? ` (${dropped.map((id) => say('quoted', `“${id}”`, { text: id })).join(', ')})` : '';
};

/**
 * A notice about data set aside, for the pages that show progress. `place` says where the data can
 * be found: the progress page, or "below" on that page itself. `say` gives the page's words.
 */
export function setAsideNotice(entry: SetAsideFacts, place?: string, say: Say = english): string {
	const what = entry.key === 'progress' ? say('whatProgress', 'your saved progress') : say('whatVisits', 'your saved visits (the last page you opened)');
	const where = place ?? say('onProgress', 'on Your progress');
	if (entry.reason === 'future') {
		const version = entry.version ?? '?';
		return say(
			'setAsideFuture',
			`Some of ${what} was saved by a newer version of this site (format ${version}), which this page cannot read. It is kept, not overwritten: you can download it ${where}. Progress you make now is saved as usual.`,
			{ what, version, place: where }
		);
	}
	if (entry.reason === 'repaired') {
		const list = droppedList(entry, say);
		return say('setAsideRepaired', `Part of ${what} could not be read${list}. Everything else is kept. A copy of the data as it was is ${where}, to download or delete.`, {
			what,
			list,
			place: where,
		});
	}
	return capitalise(
		say('setAsideUnreadable', `${what} in this browser could not be read, so this page started afresh. The unreadable data is kept ${where}, to download or delete.`, { what, place: where })
	);
}

/** What a set-aside entry holds, in a line of the progress page's list of them. */
export function setAsideSummary(entry: SetAsideFacts, say: Say = english): string {
	const what = entry.key === 'progress' ? say('summaryProgress', 'Saved progress') : say('summaryVisits', 'Saved visits');
	if (entry.reason === 'future') {
		const version = entry.version ?? '?';
		return say('summaryFuture', `${what} from a newer version of this site (format ${version}).`, { what, version });
	}
	if (entry.reason === 'repaired') {
		const list = droppedList(entry, say);
		return say('summaryRepaired', `${what} as it was before the parts that could not be read${list} were left out.`, { what, list });
	}
	return say('summaryUnreadable', `${what} that could not be read at all.`, { what });
}

/** The title of a notice about data set aside. */
export const setAsideTitle = (entry: Pick<SetAsideEntry, 'reason'>, say: Say = english) =>
	entry.reason === 'repaired'
		? say('setAsideTitleRepaired', 'Some saved progress could not be read')
		: entry.reason === 'future'
			? say('setAsideTitleFuture', 'Progress from a newer version of this site')
			: say('setAsideTitleUnreadable', 'Saved progress could not be read');

/** What a learner is told when the browser will not save. */
export const NOT_SAVED = 'Your browser did not let this site save your progress: its storage may be full or turned off for this site. Nothing was changed.';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The keys (under `currents.moduleProgress.`) of the words the set-aside notices take from a page. */
export const SET_ASIDE_WORDS = [
	'whatProgress',
	'whatVisits',
	'onProgress',
	'quoted',
	'setAsideFuture',
	'setAsideRepaired',
	'setAsideUnreadable',
	'setAsideTitleRepaired',
	'setAsideTitleFuture',
	'setAsideTitleUnreadable',
	'summaryProgress',
	'summaryVisits',
	'summaryFuture',
	'summaryRepaired',
	'summaryUnreadable',
	'notSaved',
] as const;
