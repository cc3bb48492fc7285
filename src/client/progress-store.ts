/**
 * Progress in this browser's localStorage, validated with the schema. Pages load this only when they
 * change progress or find stored data that the quick look could not accept: it carries the
 * validator, which a page that only shows progress does without.
 */
import * as z from 'zod/mini';
import type { Progress, SetAsideEntry, Visits } from '../lib/progress/shape.ts';
import { clearAll, loadProgress, loadSetAside, loadVisits, updateProgress, updateSetAside, updateVisits, type Stored } from '../lib/progress/store.ts';
import { announceChange, browserStorage } from './progress-common.ts';

// The validator compiles schemas with `new Function` when it can; a Content Security Policy without
// 'unsafe-eval' refuses that, so it is told not to try. The data is small: speed is not at stake.
z.config({ jitless: true });

const unavailable = <T>(data: T): Stored<T> => ({ data, saved: false });

/** Applies a change to the stored progress and tells the page. */
export function changeProgress(change: (progress: Progress) => Progress): Stored<Progress> {
	const storage = browserStorage();
	if (!storage) return unavailable(change({ version: 1, modules: {} }));
	const result = updateProgress(storage, new Date(), change);
	announceChange();
	return result;
}

export function changeVisits(change: (visits: Visits) => Visits): Stored<Visits> {
	const storage = browserStorage();
	if (!storage) return unavailable(change({ version: 1 }));
	return updateVisits(storage, new Date(), change);
}

/** Reads progress and visits, setting aside and repairing what cannot be read. */
export function loadAll(): { progress: Stored<Progress>; visits: Stored<Visits>; setAside: SetAsideEntry[] } {
	const storage = browserStorage();
	if (!storage) return { progress: unavailable({ version: 1, modules: {} }), visits: unavailable({ version: 1 }), setAside: [] };
	const now = new Date();
	// No change is announced for a repair: the quick look other parts use shows exactly the valid
	// records before it as after it.
	return { progress: loadProgress(storage, now), visits: loadVisits(storage, now), setAside: loadSetAside(storage, now) };
}

export function changeSetAside(change: (entries: SetAsideEntry[]) => SetAsideEntry[]): boolean {
	const storage = browserStorage();
	return storage ? updateSetAside(storage, new Date(), change) : false;
}

export function clearEverything(): void {
	const storage = browserStorage();
	if (storage) clearAll(storage);
	announceChange();
}
