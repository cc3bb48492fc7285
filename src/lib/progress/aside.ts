/**
 * Data set aside: stored progress or visits that this version of the site could not read in full.
 * It is kept, word for word, in its own entry rather than overwritten, so that a learner can
 * download it, or a newer version of the site can read it, and is told about it until they dismiss
 * the notice.
 */
import { isObject, setAsideEntry, type SetAsideEntry } from './shape.ts';

/** At most this many entries are kept; dismissed ones are the first to go. */
export const SET_ASIDE_LIMIT = 10;

/**
 * The stored list. An entry that is itself unreadable is wrapped as a new entry rather than
 * dropped: this list is where data goes so as never to be lost.
 */
export function readSetAside(raw: string | null, now: Date): SetAsideEntry[] {
	if (raw === null) return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return [{ key: 'progress', reason: 'unreadable', at: now.toISOString(), raw }];
	}
	const items = Array.isArray(parsed) ? parsed : [parsed];
	return items.map((item) => {
		const entry = setAsideEntry.safeParse(item);
		if (entry.success) return entry.data;
		const text = isObject(item) && typeof item.raw === 'string' ? item.raw : JSON.stringify(item);
		return { key: 'progress', reason: 'unreadable', at: now.toISOString(), raw: text };
	});
}

/** The list with one more entry, unless the same text is already set aside from the same entry. */
export function addSetAside(entries: readonly SetAsideEntry[], entry: SetAsideEntry, limit = SET_ASIDE_LIMIT): SetAsideEntry[] {
	if (entries.some((e) => e.key === entry.key && e.raw === entry.raw)) return [...entries];
	const list = [...entries, entry];
	while (list.length > limit) {
		const dismissed = list.findIndex((e) => e.dismissed);
		list.splice(dismissed >= 0 ? dismissed : 0, 1);
	}
	return list;
}

/** Entries whose notice the learner has not dismissed. */
export const undismissed = (entries: readonly SetAsideEntry[]) => entries.filter((entry) => !entry.dismissed);
