import type { CurriculumConfig } from './schema/config.ts';
import type { ModuleData } from './schema/module.ts';
import type { UpdateData } from './schema/update.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Today's date as `YYYY-MM-DD`, or the date in `CURRENTS_TODAY` so builds and tests can be pinned. */
export function today(env: Record<string, string | undefined> = process.env): string {
	const pinned = env.CURRENTS_TODAY;
	if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
	return new Date().toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The day a module falls due for review. */
export function reviewDueDate(module: Pick<ModuleData, 'reviewed' | 'reviewInterval'>, config: Pick<CurriculumConfig, 'reviewInterval'>): string {
	return addDays(module.reviewed, module.reviewInterval ?? config.reviewInterval);
}

/** A module is due for review when its last review plus its interval lies before the build date. */
export function isReviewDue(
	module: Pick<ModuleData, 'reviewed' | 'reviewInterval'>,
	config: Pick<CurriculumConfig, 'reviewInterval'>,
	on: string
): boolean {
	return reviewDueDate(module, config) < on;
}

/** Pending updates that name a module, newest first. */
export function pendingUpdatesFor<T extends { id: string; data: UpdateData }>(moduleId: string, updates: readonly T[]): T[] {
	return updates
		.filter((update) => update.data.status === 'pending' && update.data.modules.includes(moduleId))
		.sort((a, b) => b.data.date.localeCompare(a.data.date));
}
