/**
 * Progress and visits in a Storage (the browser's localStorage, or a stand-in in tests). Every
 * change reads the stored data afresh, so that two tabs never undo each other's work, and every
 * read that finds something it cannot use sets that aside before it writes anything over it.
 */
import { addSetAside, readSetAside } from './aside.ts';
import { readProgress, readVisits, type Loaded, type LoadProblem } from './load.ts';
import type { Migrations } from './migrate.ts';
import { STORAGE_KEYS, type Progress, type SetAsideEntry, type Visits } from './shape.ts';

/** The part of the Web Storage API this needs. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Stored<T> {
	data: T;
	/** What was set aside on this read, if anything. */
	setAside?: SetAsideEntry;
	/** False when the browser refused to save (storage full or turned off). */
	saved: boolean;
}

type Key = 'progress' | 'visits';

function trySet(storage: StorageLike, key: string, value: string): boolean {
	try {
		storage.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}

/**
 * Keeps what could not be read, then replaces the stored entry with the valid data. When the set-aside
 * copy cannot be written, the original stays where it is: nothing is overwritten that is not kept.
 */
function repair<T>(storage: StorageLike, key: Key, raw: string, loaded: Loaded<T> & { problem: LoadProblem }, now: Date): Stored<T> {
	const entry: SetAsideEntry = { key, reason: loaded.problem.reason, at: now.toISOString(), raw, dropped: loaded.problem.dropped, version: loaded.problem.version };
	const list = addSetAside(readSetAside(storage.getItem(STORAGE_KEYS.setAside), now), entry);
	const kept = trySet(storage, STORAGE_KEYS.setAside, JSON.stringify(list));
	const saved = kept && trySet(storage, STORAGE_KEYS[key], JSON.stringify(loaded.data));
	return { data: loaded.data, setAside: entry, saved };
}

function load<T>(storage: StorageLike, key: Key, read: (raw: string | null) => Loaded<T>, now: Date): Stored<T> {
	const raw = storage.getItem(STORAGE_KEYS[key]);
	const loaded = read(raw);
	if (raw !== null && loaded.problem) return repair(storage, key, raw, { ...loaded, problem: loaded.problem }, now);
	return { data: loaded.data, saved: true };
}

export const loadProgress = (storage: StorageLike, now: Date, migrations?: Migrations): Stored<Progress> =>
	load(storage, 'progress', (raw) => readProgress(raw, migrations), now);

export const loadVisits = (storage: StorageLike, now: Date, migrations?: Migrations): Stored<Visits> =>
	load(storage, 'visits', (raw) => readVisits(raw, migrations), now);

/** Loads progress (setting aside what cannot be read), applies a change and saves the result. */
export function updateProgress(storage: StorageLike, now: Date, change: (progress: Progress) => Progress): Stored<Progress> {
	const loaded = loadProgress(storage, now);
	const data = change(loaded.data);
	// Data that could not be set aside is never written over.
	if (!loaded.saved) return { ...loaded, data, saved: false };
	return { data, setAside: loaded.setAside, saved: trySet(storage, STORAGE_KEYS.progress, JSON.stringify(data)) };
}

export function updateVisits(storage: StorageLike, now: Date, change: (visits: Visits) => Visits): Stored<Visits> {
	const loaded = loadVisits(storage, now);
	const data = change(loaded.data);
	if (!loaded.saved) return { ...loaded, data, saved: false };
	return { data, setAside: loaded.setAside, saved: trySet(storage, STORAGE_KEYS.visits, JSON.stringify(data)) };
}

export const loadSetAside = (storage: StorageLike, now: Date) => readSetAside(storage.getItem(STORAGE_KEYS.setAside), now);

/** Changes the set-aside list: to dismiss a notice, or to delete an entry the learner no longer wants. */
export function updateSetAside(storage: StorageLike, now: Date, change: (entries: SetAsideEntry[]) => SetAsideEntry[]): boolean {
	const entries = change(loadSetAside(storage, now));
	if (entries.length === 0) {
		storage.removeItem(STORAGE_KEYS.setAside);
		return true;
	}
	return trySet(storage, STORAGE_KEYS.setAside, JSON.stringify(entries));
}

/** Deletes everything the site keeps in this browser: progress, visits and data set aside. */
export function clearAll(storage: StorageLike): void {
	for (const key of Object.values(STORAGE_KEYS)) storage.removeItem(key);
}
