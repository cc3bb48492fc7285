/**
 * Changes to progress: completing a module by marking it or by passing its knowledge check, and
 * un-marking it. Each returns new progress and leaves its input as it was.
 */
import { compareVersions } from '../curriculum/versions.ts';
import type { Completion, ModuleProgress, Progress, QuizPass } from './shape.ts';

/** What a knowledge check reports when it is scored (the `currents:quiz-result` event's detail). */
export interface QuizOutcome {
	module: string;
	version: string;
	score: number;
	passed: boolean;
	passMark: number;
}

function withModule(progress: Progress, id: string, change: (record: ModuleProgress) => ModuleProgress): Progress {
	const modules = { ...progress.modules };
	const record = change({ ...modules[id] });
	if (record.completed || record.quiz) modules[id] = record;
	else delete modules[id];
	return { ...progress, modules };
}

/**
 * Marks a module complete at `version`: the current version, or on an archived major's page the version
 * that page keeps. It replaces the completion of an older version, never one of a later version:
 * progress records the newest version the learner completed, which the track page, the progress page
 * and the certificate compare with the current one, so completing an earlier major on its permanent
 * page, as a course that assigned it asks, never takes a later completion away (its page says so instead).
 */
export function markComplete(progress: Progress, id: string, version: string, now: Date): Progress {
	return withModule(progress, id, (record) =>
		completedLater(record.completed, version) ? record : { ...record, completed: { version, at: now.toISOString(), via: 'marked' } }
	);
}

/** Whether `completed` is of a later version than `version`, and so stands when `version` is completed (see `markComplete`). */
export function completedLater(completed: Pick<Completion, 'version'> | undefined, version: string): boolean {
	return completed !== undefined && compareVersions(completed.version, version) > 0;
}

/**
 * Un-marks a module: it no longer counts as complete. A passed knowledge check stays on record, as a
 * fact about the learner, but does not complete the module again until they pass or mark it anew.
 */
export function unmark(progress: Progress, id: string): Progress {
	return withModule(progress, id, ({ completed: _, ...rest }) => rest);
}

/**
 * Records a knowledge check's result. A pass completes the module at the version checked (unless a
 * same or newer version is already complete) and keeps the better score for the newest version
 * passed. A failed attempt changes nothing: it never un-completes a module.
 */
export function recordQuiz(progress: Progress, outcome: QuizOutcome, now: Date): Progress {
	if (!outcome.passed) return progress;
	const at = now.toISOString();
	return withModule(progress, outcome.module, (record) => {
		const completed: Completion =
			record.completed && compareVersions(record.completed.version, outcome.version) >= 0
				? record.completed
				: { version: outcome.version, at, via: 'quiz' };
		const pass: QuizPass = { version: outcome.version, score: outcome.score, passMark: outcome.passMark, at };
		return { ...record, completed, quiz: betterPass(record.quiz, pass) };
	});
}

/** The pass to keep of two: the newer version's, or at the same version the higher score (the earlier on a tie). */
export function betterPass(a: QuizPass | undefined, b: QuizPass | undefined): QuizPass | undefined {
	if (!a || !b) return a ?? b;
	const order = compareVersions(a.version, b.version);
	if (order !== 0) return order > 0 ? a : b;
	return b.score > a.score ? b : a;
}

/** The completion to keep of two: the newer version's, or at the same version the earlier one. */
export function laterCompletion(a: Completion | undefined, b: Completion | undefined): Completion | undefined {
	if (!a || !b) return a ?? b;
	const order = compareVersions(a.version, b.version);
	if (order !== 0) return order > 0 ? a : b;
	return b.at < a.at ? b : a;
}
