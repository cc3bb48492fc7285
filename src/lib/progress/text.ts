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
 * A notice about data set aside, for the pages that show progress. `place` says where the data can
 * be found: the progress page, or "below" on that page itself.
 */
export function setAsideNotice(entry: Pick<SetAsideEntry, 'key' | 'reason' | 'dropped' | 'version'>, place = 'on Your progress'): string {
	const what = entry.key === 'progress' ? 'your saved progress' : 'your saved visits (the last page you opened)';
	if (entry.reason === 'future') {
		return `Some of ${what} was saved by a newer version of this site (format ${entry.version ?? '?'}), which this page cannot read. It is kept, not overwritten: you can download it ${place}. Progress you make now is saved as usual.`;
	}
	if (entry.reason === 'repaired') {
		const dropped = entry.dropped ?? [];
		const list = dropped.length > 0 ? ` (${dropped.map((id) => `“${id}”`).join(', ')})` : '';
		return `Part of ${what} could not be read${list}. Everything else is kept. A copy of the data as it was is ${place}, to download or delete.`;
	}
	return `${capitalise(what)} in this browser could not be read, so this page started afresh. The unreadable data is kept ${place}, to download or delete.`;
}

/** What a set-aside entry holds, in a line of the progress page's list of them. */
export function setAsideSummary(entry: Pick<SetAsideEntry, 'key' | 'reason' | 'dropped' | 'version'>): string {
	const what = entry.key === 'progress' ? 'Saved progress' : 'Saved visits';
	if (entry.reason === 'future') return `${what} from a newer version of this site (format ${entry.version ?? '?'}).`;
	if (entry.reason === 'repaired') return `${what} as it was before the parts that could not be read${entry.dropped?.length ? ` (${entry.dropped.map((id) => `“${id}”`).join(', ')})` : ''} were left out.`;
	return `${what} that could not be read at all.`;
}

/** The title of a notice about data set aside. */
export const setAsideTitle = (entry: Pick<SetAsideEntry, 'reason'>) =>
	entry.reason === 'repaired' ? 'Some saved progress could not be read' : entry.reason === 'future' ? 'Progress from a newer version of this site' : 'Saved progress could not be read';

/** What a learner is told when the browser will not save. */
export const NOT_SAVED = 'Your browser did not let this site save your progress: its storage may be full or turned off for this site. Nothing was changed.';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
