import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { catalogue } from '../src/lib/progress/catalogue.ts';
import { addSetAside, readSetAside, SET_ASIDE_LIMIT, undismissed } from '../src/lib/progress/aside.ts';
import { changesSince, type ChangeEntry } from '../src/lib/progress/changes.ts';
import { readProgress, readVisits } from '../src/lib/progress/load.ts';
import { checkVersion, migrate, MigrationError, type Migrations } from '../src/lib/progress/migrate.ts';
import { passFor, passOnPage, rewrittenSincePass } from '../src/lib/progress/passes.ts';
import { peekProgress } from '../src/lib/progress/peek.ts';
import { completedLater, markComplete, recordQuiz, unmark } from '../src/lib/progress/record.ts';
import { emptyProgress, EXPORT_FORMAT, PROGRESS_VERSION, STORAGE_KEYS, type Progress } from '../src/lib/progress/shape.ts';
import { clearAll, loadProgress, updateProgress, updateSetAside, type StorageLike } from '../src/lib/progress/store.ts';
import { continueAt, nextVisit, trackStatus, updatedSince, viewOf, VISIT_GAP_MS } from '../src/lib/progress/summary.ts';
import { setAsideNotice } from '../src/lib/progress/text.ts';
import { exportFileName, exportProgress, mergeProgress, readImport, MAX_IMPORT_BYTES } from '../src/lib/progress/transfer.ts';
import { fixtureContent, ROOT } from './utils.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const LATER = new Date('2026-11-24T09:30:00.000Z');
const SITE = 'https://steeped.example.org';

/** A Storage that keeps strings in a Map and can be told to refuse writes, as a full quota does. */
function memoryStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	let full = false;
	const storage: StorageLike & { items: Map<string, string>; fill: () => void } = {
		items,
		fill: () => (full = true),
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => {
			if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			items.set(key, value);
		},
		removeItem: (key) => void items.delete(key),
	};
	return storage;
}

const done = (version: string, via: 'marked' | 'quiz' = 'marked', at = NOW.toISOString()) => ({ version, at, via });
const stored = (modules: Record<string, unknown>, version: unknown = PROGRESS_VERSION) => JSON.stringify({ version, modules });

describe('migrations', () => {
	// A made-up history for the test alone: version 1 is the first real shape.
	const history: Migrations = {
		1: (data) => ({ ...data, version: 2, renamed: data.original }),
		2: (data) => ({ ...data, version: 3, added: true }),
	};

	it('bring data up one version at a time to the target and leave the input as it was', () => {
		const input = { version: 1, original: 'x' };
		expect(migrate(input, history, 3)).toEqual({ version: 3, original: 'x', renamed: 'x', added: true });
		expect(migrate({ version: 2 }, history, 3)).toEqual({ version: 3, added: true });
		expect(input).toEqual({ version: 1, original: 'x' });
	});

	it('return data already at the target unchanged', () => {
		expect(migrate({ version: 3, kept: 1 }, history, 3)).toEqual({ version: 3, kept: 1 });
	});

	it('fail when a step is missing or a migration does not advance the version', () => {
		expect(() => migrate({ version: 0 }, history, 3)).toThrow(MigrationError);
		expect(() => migrate({ version: 1 }, { 1: (data) => ({ ...data }) }, 2)).toThrow('no migration reads version 1');
	});

	it('tell data of a newer version, or of none, from data this site can read', () => {
		expect(checkVersion({ version: 1 })).toEqual({ ok: true, version: 1 });
		expect(checkVersion({ version: 7 })).toEqual({ ok: false, problem: 'future', version: 7 });
		for (const value of [{}, { version: '1' }, { version: 1.5 }, { version: -1 }, [], null, 'text']) {
			expect(checkVersion(value)).toEqual({ ok: false, problem: 'unversioned' });
		}
	});

	it('run when stored progress is of an older version', () => {
		// A shape "0" defined here only to drive the mechanism: a list of completed ids and versions.
		const fromZero: Migrations = {
			0: (data) => ({
				version: 1,
				modules: Object.fromEntries((data.done as [string, string][]).map(([id, version]) => [id, { completed: done(version) }])),
			}),
		};
		const loaded = readProgress(JSON.stringify({ version: 0, done: [['brewing-basics', '1.0.0']] }), fromZero);
		expect(loaded.problem).toBeUndefined();
		expect(loaded.data.modules['brewing-basics']?.completed?.version).toBe('1.0.0');
		// Without the migration, the same data cannot be read and is reported so.
		expect(readProgress(JSON.stringify({ version: 0, done: [] })).problem).toEqual({ reason: 'unreadable' });
	});
});

describe('reading stored progress', () => {
	it('starts empty, without a problem, when nothing is stored', () => {
		expect(readProgress(null)).toEqual({ data: emptyProgress() });
	});

	it('keeps valid progress as it is', () => {
		const modules = { 'brewing-basics': { completed: done('2.1.0'), quiz: { version: '2.1.0', score: 100, passMark: 75, at: NOW.toISOString() } } };
		expect(readProgress(stored(modules))).toEqual({ data: { version: 1, modules } });
	});

	it.each([
		['text that is not JSON', '{not json'],
		['JSON that is not an object', '[1,2]'],
		['an object without a version', '{"modules":{}}'],
	])('reports %s as unreadable and starts afresh', (_, raw) => {
		expect(readProgress(raw)).toEqual({ data: emptyProgress(), problem: { reason: 'unreadable' } });
	});

	it('reports data of a newer version with that version, and reads none of it', () => {
		expect(readProgress(stored({ 'brewing-basics': { completed: done('1.0.0') } }, 2))).toEqual({
			data: emptyProgress(),
			problem: { reason: 'future', version: 2 },
		});
	});

	it('keeps every valid record of a partly tampered store and names the others', () => {
		const raw = stored({
			'water-temperature': { completed: done('1.0.0') },
			'brewing-basics': { completed: { version: 'two', at: NOW.toISOString(), via: 'marked' } },
			serving: { completed: done('1.0.1', 'quiz'), quiz: { version: '1.0.1', score: 250, passMark: 75, at: NOW.toISOString() } },
			'Not An Id': { completed: done('1.0.0') },
			['__proto__']: { completed: done('1.0.0') },
			broken: 'yes',
		});
		const loaded = readProgress(raw);
		expect(Object.keys(loaded.data.modules).sort()).toEqual(['serving', 'water-temperature']);
		// The completion of "serving" survives its tampered score.
		expect(loaded.data.modules.serving).toEqual({ completed: done('1.0.1', 'quiz') });
		expect(loaded.problem?.reason).toBe('repaired');
		expect(loaded.problem?.dropped?.sort()).toEqual(['Not An Id', 'brewing-basics', 'broken', 'serving']);
		expect(Object.getPrototypeOf(loaded.data.modules)).toBe(Object.prototype);
	});

	it('reads visits field by field', () => {
		const raw = JSON.stringify({ version: 1, last: { module: 'serving', at: NOW.toISOString() }, seen: { at: 'yesterday', versions: {} } });
		expect(readVisits(raw)).toEqual({ data: { version: 1, last: { module: 'serving', at: NOW.toISOString() } }, problem: { reason: 'repaired', dropped: ['seen'] } });
	});
});

describe('the quick look every page takes', () => {
	const valid = { completed: done('1.0.0'), quiz: { version: '1.0.0', score: 80, passMark: 75, at: NOW.toISOString() } };

	it('shows completions and passes of valid progress', () => {
		const peek = peekProgress(stored({ serving: valid }));
		expect(peek.state).toBe('ok');
		expect([...peek.completed]).toEqual([['serving', done('1.0.0')]]);
		expect([...peek.passed]).toEqual([['serving', { score: 80, version: '1.0.0' }]]);
		expect(peekProgress(null).state).toBe('none');
	});

	it('accepts exactly what the schema accepts', () => {
		// Each field is drawn from valid values and from the kinds of damage tampering leaves.
		const pick = (...values: unknown[]) => fc.constantFrom(...values);
		const completionArb = fc.record(
			{ version: pick('1.0.0', '10.2.3', '1.0', 'v1.0.0', 1), at: pick(NOW.toISOString(), '2026-11-23T10:00:00Z', '2026-11-23', 'later', 0), via: pick('marked', 'quiz', 'guessed') },
			{ requiredKeys: [] }
		);
		const passArb = fc.record(
			{ version: pick('1.0.0', 'x'), score: pick(0, 75, 100, 101, -1, 7.5, '80'), passMark: pick(75, 100, 200), at: pick(NOW.toISOString(), 'now') },
			{ requiredKeys: [] }
		);
		const recordArb = fc.oneof(fc.record({ completed: completionArb, quiz: passArb }, { requiredKeys: [] }), pick(null, 'x', 3, []));
		const storeArb = fc.record({
			version: pick(1, 1, 1, 2, 0, '1'),
			modules: fc.oneof(fc.dictionary(fc.constantFrom('serving', 'brewing-basics', 'Bad', 'a--b', '__proto__'), recordArb), pick(null, [])),
		});
		fc.assert(
			fc.property(storeArb, (store) => {
				const raw = JSON.stringify(store);
				const peek = peekProgress(raw);
				const loaded = readProgress(raw);
				if (peek.state === 'ok') expect(loaded.problem).toBeUndefined();
				if (loaded.problem === undefined) expect(peek.state).toBe('ok');
				// Whatever the state, the page never shows more than the validated progress holds.
				const view = viewOf(loaded.data);
				expect(peek.completed).toEqual(view.completed);
				expect(peek.passed).toEqual(view.passed);
			}),
			{ numRuns: 500 }
		);
	});

	it('asks for the full check when the data is not JSON or of another version', () => {
		expect(peekProgress('{not json').state).toBe('check');
		expect(peekProgress(stored({}, 2)).state).toBe('check');
	});
});

describe('progress in storage', () => {
	it('sets aside what it cannot read before writing the repaired progress', () => {
		const raw = stored({ serving: { completed: done('1.0.1') }, 'brewing-basics': { completed: { version: 2 } } });
		const storage = memoryStorage({ [STORAGE_KEYS.progress]: raw });
		const loaded = loadProgress(storage, NOW);
		expect(Object.keys(loaded.data.modules)).toEqual(['serving']);
		expect(loaded.setAside).toMatchObject({ key: 'progress', reason: 'repaired', raw, dropped: ['brewing-basics'] });
		expect(JSON.parse(storage.getItem(STORAGE_KEYS.progress)!)).toEqual(loaded.data);
		const aside = readSetAside(storage.getItem(STORAGE_KEYS.setAside), NOW);
		expect(aside.map((entry) => entry.raw)).toEqual([raw]);
		// A second read finds valid data and sets nothing more aside.
		expect(loadProgress(storage, NOW).setAside).toBeUndefined();
	});

	it('never writes over data of a newer version without keeping a copy', () => {
		const future = stored({ serving: { completed: done('1.0.1'), notes: 'new field' } }, 2);
		const storage = memoryStorage({ [STORAGE_KEYS.progress]: future });
		const result = updateProgress(storage, NOW, (progress) => markComplete(progress, 'water-temperature', '1.0.0', NOW));
		expect(result.saved).toBe(true);
		expect(result.setAside).toMatchObject({ reason: 'future', version: 2, raw: future });
		expect(readSetAside(storage.getItem(STORAGE_KEYS.setAside), NOW)[0]?.raw).toBe(future);
		expect(Object.keys(JSON.parse(storage.getItem(STORAGE_KEYS.progress)!).modules)).toEqual(['water-temperature']);
	});

	it('leaves unreadable data where it is when the browser refuses to keep a copy', () => {
		const storage = memoryStorage({ [STORAGE_KEYS.progress]: '{not json' });
		storage.fill();
		const result = updateProgress(storage, NOW, (progress) => markComplete(progress, 'serving', '1.0.1', NOW));
		expect(result.saved).toBe(false);
		expect(storage.getItem(STORAGE_KEYS.progress)).toBe('{not json');
		expect(storage.getItem(STORAGE_KEYS.setAside)).toBeNull();
	});

	it('reads the stored progress afresh for every change, so that two tabs add up', () => {
		const storage = memoryStorage();
		updateProgress(storage, NOW, (progress) => markComplete(progress, 'serving', '1.0.1', NOW));
		// Another tab saved in between.
		storage.setItem(STORAGE_KEYS.progress, stored({ serving: { completed: done('1.0.1') }, 'water-temperature': { completed: done('1.0.0') } }));
		const result = updateProgress(storage, LATER, (progress) => markComplete(progress, 'brewing-basics', '2.1.0', LATER));
		expect(Object.keys(result.data.modules).sort()).toEqual(['brewing-basics', 'serving', 'water-temperature']);
	});

	it('dismisses notices and deletes everything on request', () => {
		const storage = memoryStorage({ [STORAGE_KEYS.progress]: '{not json', [STORAGE_KEYS.visits]: '{}' });
		loadProgress(storage, NOW);
		expect(undismissed(readSetAside(storage.getItem(STORAGE_KEYS.setAside), NOW))).toHaveLength(1);
		updateSetAside(storage, NOW, (entries) => entries.map((entry) => ({ ...entry, dismissed: true })));
		expect(undismissed(readSetAside(storage.getItem(STORAGE_KEYS.setAside), NOW))).toHaveLength(0);
		clearAll(storage);
		expect([...storage.items.keys()]).toEqual([]);
	});
});

describe('the set-aside list', () => {
	const entry = (raw: string, dismissed = false) => ({ key: 'progress' as const, reason: 'unreadable' as const, at: NOW.toISOString(), raw, dismissed });

	it('keeps a list it cannot read as an entry of its own', () => {
		expect(readSetAside('oops', NOW)).toEqual([{ key: 'progress', reason: 'unreadable', at: NOW.toISOString(), raw: 'oops' }]);
		expect(readSetAside(JSON.stringify([entry('a'), { raw: 'b' }]), NOW).map((e) => e.raw)).toEqual(['a', 'b']);
	});

	it('does not keep the same text twice and lets dismissed entries go first when full', () => {
		const list = Array.from({ length: SET_ASIDE_LIMIT }, (_, i) => entry(String(i), i === 3));
		expect(addSetAside(list, entry('0'))).toHaveLength(SET_ASIDE_LIMIT);
		const added = addSetAside(list, entry('new'));
		expect(added.map((e) => e.raw)).not.toContain('3');
		expect(added.at(-1)?.raw).toBe('new');
	});
});

describe('recording progress', () => {
	const pass = { module: 'serving', version: '1.0.1', score: 100, passed: true, passMark: 75 };

	it('marks and un-marks a module, keeping a passed check on record', () => {
		const marked = markComplete(emptyProgress(), 'serving', '1.0.1', NOW);
		expect(marked.modules.serving?.completed).toEqual(done('1.0.1'));
		const passed = recordQuiz(marked, pass, LATER);
		const unmarked = unmark(passed, 'serving');
		expect(unmarked.modules.serving).toEqual({ quiz: { version: '1.0.1', score: 100, passMark: 75, at: LATER.toISOString() } });
		expect(unmark(marked, 'serving').modules).toEqual({});
		expect(marked.modules).not.toBe(unmarked.modules);
	});

	it('completes a module with a passed check, and never un-completes it with a failed one', () => {
		const passed = recordQuiz(emptyProgress(), pass, NOW);
		expect(passed.modules.serving?.completed).toEqual(done('1.0.1', 'quiz'));
		expect(recordQuiz(passed, { ...pass, score: 0, passed: false }, LATER)).toBe(passed);
		expect(recordQuiz(emptyProgress(), { ...pass, passed: false }, NOW).modules).toEqual({});
	});

	it('keeps the better score, and a newer completion over an older pass', () => {
		const first = recordQuiz(emptyProgress(), { ...pass, score: 80 }, NOW);
		expect(recordQuiz(first, { ...pass, score: 75 }, LATER).modules.serving?.quiz?.score).toBe(80);
		expect(recordQuiz(first, { ...pass, score: 90 }, LATER).modules.serving?.quiz?.score).toBe(90);
		const markedNewer = markComplete(emptyProgress(), 'serving', '2.0.0', NOW);
		expect(recordQuiz(markedNewer, pass, LATER).modules.serving?.completed?.version).toBe('2.0.0');
		// A pass of the current version completes a module completed at an older one anew.
		const old = markComplete(emptyProgress(), 'serving', '1.0.0', NOW);
		expect(recordQuiz(old, pass, LATER).modules.serving?.completed).toEqual(done('1.0.1', 'quiz', LATER.toISOString()));
	});
});

describe('completing an archived major on its own page', () => {
	// brewing-basics is at 2.1.0; its archived major 1 is kept at 1.0.0 (its page /modules/brewing-basics/v1/).
	const v1Pass = { module: 'brewing-basics', version: '1.0.0', score: 100, passed: true, passMark: 75 };

	it('records the archived version, by a mark or a pass, over an older completion or none', () => {
		expect(markComplete(emptyProgress(), 'brewing-basics', '1.0.0', NOW).modules['brewing-basics']).toEqual({ completed: done('1.0.0') });
		const passed = recordQuiz(emptyProgress(), v1Pass, NOW).modules['brewing-basics'];
		expect(passed).toEqual({ completed: done('1.0.0', 'quiz'), quiz: { version: '1.0.0', score: 100, passMark: 75, at: NOW.toISOString() } });
		const older = markComplete(emptyProgress(), 'brewing-basics', '0.9.0', NOW);
		expect(markComplete(older, 'brewing-basics', '1.0.0', LATER).modules['brewing-basics']?.completed).toEqual(done('1.0.0', 'marked', LATER.toISOString()));
	});

	it('never replaces a completion of a later version, by a mark or by a pass', () => {
		const newer = recordQuiz(markComplete(emptyProgress(), 'brewing-basics', '2.1.0', NOW), { ...v1Pass, version: '2.1.0', score: 90 }, NOW);
		const marked = markComplete(newer, 'brewing-basics', '1.0.0', LATER);
		expect(marked.modules).toEqual(newer.modules);
		const passed = recordQuiz(newer, v1Pass, LATER);
		expect(passed.modules['brewing-basics']).toEqual(newer.modules['brewing-basics']);
		// Without a pass of the current major, the pass of v1 is kept, and the completion of 2.1.0 still asks for the current check.
		const onlyMarked = recordQuiz(markComplete(emptyProgress(), 'brewing-basics', '2.1.0', NOW), v1Pass, LATER);
		expect(onlyMarked.modules['brewing-basics']?.completed).toEqual(done('2.1.0'));
		expect(onlyMarked.modules['brewing-basics']?.quiz?.version).toBe('1.0.0');
		expect(trackStatus(viewOf(onlyMarked), [{ id: 'brewing-basics', quiz: true }], 75).checksToPass).toEqual(['brewing-basics']);
	});

	it('tells a later completion from the same or an earlier one', () => {
		expect(completedLater(done('2.1.0'), '1.0.0')).toBe(true);
		expect(completedLater(done('1.0.0'), '1.0.0')).toBe(false);
		expect(completedLater(done('0.9.0'), '1.0.0')).toBe(false);
		expect(completedLater(undefined, '1.0.0')).toBe(false);
	});

	it('counts for the track as a completion before the major revision does, with the pass of its own check', () => {
		const progress = recordQuiz(emptyProgress(), v1Pass, NOW);
		expect(trackStatus(viewOf(progress), [{ id: 'brewing-basics', quiz: true }], 75)).toEqual({ done: 1, total: 1, complete: true, checksToPass: [] });
	});

	it('names a pass on the page: of this major, of a later major, or one a major revision rewrote since', () => {
		const view = (version: string) => viewOf({ version: 1, modules: { 'brewing-basics': { quiz: { version, score: 90, passMark: 75, at: NOW.toISOString() } } } });
		// On the v1 page.
		expect(passOnPage(view('1.0.0'), 'brewing-basics', '1.0.0')).toEqual({ kind: 'this', pass: { version: '1.0.0', score: 90 } });
		expect(passOnPage(view('2.1.0'), 'brewing-basics', '1.0.0', '1.0.0')).toEqual({ kind: 'later', pass: { version: '2.1.0', score: 90 } });
		// A pass of v1 beside a completion of 2.1.0 counts for neither the completion nor the current page.
		expect(passOnPage(view('1.0.0'), 'brewing-basics', '1.0.0', '2.1.0')?.kind).toBe('rewritten');
		expect(passOnPage(view('1.0.0'), 'brewing-basics', '2.1.0')?.kind).toBe('rewritten');
		// On the current page, a pass of its own major.
		expect(passOnPage(view('2.0.0'), 'brewing-basics', '2.1.0', '2.1.0')?.kind).toBe('this');
		expect(passOnPage(view('2.0.0'), 'serving', '1.0.1')).toBeUndefined();
	});
});

describe('export and import', () => {
	const progress: Progress = {
		version: 1,
		modules: { 'brewing-basics': { completed: done('2.1.0', 'quiz'), quiz: { version: '2.1.0', score: 100, passMark: 75, at: NOW.toISOString() } } },
	};
	const file = (fields: Record<string, unknown>) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, site: SITE, exportedAt: NOW.toISOString(), modules: {}, ...fields });

	it('round-trips, naming the site and the shape version', () => {
		const text = exportProgress(progress, `${SITE}/`, NOW);
		expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: PROGRESS_VERSION, site: SITE, exportedAt: NOW.toISOString() });
		expect(readImport(text, SITE)).toEqual({ ok: true, progress });
		expect(exportFileName(SITE, NOW)).toBe('progress-steeped-example-org-2026-11-23.json');
	});

	it.each([
		['a file that is not JSON', 'hello', 'This file is not a progress file: it does not hold JSON data.'],
		['JSON of another kind', '{"name":"package"}', 'This file is not a progress file exported from a site like this one'],
		['progress from another site', file({ site: 'https://other.example.org' }), 'This file holds progress from another site (https://other.example.org), not from this one (https://steeped.example.org).'],
		['a file of a newer version', file({ version: 2 }), 'This file was exported by a newer version of this site (progress format 2; this page reads format 1).'],
		['a file without a version', file({ version: 'one' }), 'does not say which version of the progress format'],
		['a damaged record', file({ modules: { serving: { completed: { version: '1.0.1', at: NOW.toISOString(), via: 'magic' } } } }), 'This file is damaged: the entry for “serving” has a “completed.via” that should be "marked" or "quiz".'],
		['a record under a bad id', file({ modules: { 'No Id': {} } }), 'This file is damaged: “No Id” is not a module id.'],
	])('refuses %s with the reason', (_, text, reason) => {
		const result = readImport(text, SITE);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.reason).toContain(reason);
			expect(result.reason).toMatch(/Nothing was imported\.$/);
		}
	});

	it('refuses a file far larger than progress can be without reading it', () => {
		const result = readImport(' '.repeat(MAX_IMPORT_BYTES + 1), SITE);
		expect(result).toEqual({ ok: false, reason: 'This file is 1.0 MB, far larger than a progress file, so it is not one. Nothing was imported.' });
	});

	it('refuses a whole file for one bad record among good ones', () => {
		const text = file({ modules: { serving: { completed: done('1.0.1') }, 'brewing-basics': { quiz: { version: '2.1.0', score: 'full', passMark: 75, at: NOW.toISOString() } } } });
		expect(readImport(text, SITE)).toMatchObject({ ok: false, reason: expect.stringContaining('“brewing-basics” has a “quiz.score” that should be a whole number from 0 to 100') });
	});

	it('merges an import into this browser’s progress, keeping the newer completion and the better pass', () => {
		const here: Progress = {
			version: 1,
			modules: {
				serving: { completed: done('1.0.1') },
				'brewing-basics': { completed: done('1.0.0'), quiz: { version: '2.1.0', score: 100, passMark: 75, at: NOW.toISOString() } },
			},
		};
		const incoming: Progress = {
			version: 1,
			modules: {
				'brewing-basics': { completed: done('2.1.0', 'quiz', LATER.toISOString()), quiz: { version: '2.1.0', score: 80, passMark: 75, at: LATER.toISOString() } },
				'water-temperature': { completed: done('1.0.0') },
			},
		};
		const merged = mergeProgress(here, incoming);
		expect(Object.keys(merged.modules).sort()).toEqual(['brewing-basics', 'serving', 'water-temperature']);
		expect(merged.modules['brewing-basics']).toEqual({ completed: incoming.modules['brewing-basics']!.completed, quiz: here.modules['brewing-basics']!.quiz });
		expect(mergeProgress(incoming, here)).toEqual(merged);
	});
});

describe('changes since a version', () => {
	// The fixture's brewing-basics changelog, newest first.
	const changelog: ChangeEntry[] = [
		{ version: '2.1.0', date: '2026-11-01', kind: 'platform-change', summary: 'Covers the new teapot infuser.' },
		{ version: '2.0.0', date: '2026-06-01', kind: 'major', summary: 'Reversed the advice on squeezing tea bags.' },
		{ version: '1.0.0', date: '2025-01-01', kind: 'added', summary: 'First release.' },
	];

	it('lists the entries after the completed version up to the current one and flags the major', () => {
		const changes = changesSince(changelog, '1.0.0', '2.1.0');
		expect(changes?.entries.map((e) => [e.version, e.reread])).toEqual([
			['2.1.0', false],
			['2.0.0', true],
		]);
		expect(changes?.major).toBe(true);
	});

	it('flags no major within one, and says nothing when the current version was completed', () => {
		expect(changesSince(changelog, '2.0.0', '2.1.0')).toMatchObject({ major: false, entries: [{ version: '2.1.0' }] });
		expect(changesSince(changelog, '2.1.0', '2.1.0')).toBeUndefined();
		expect(changesSince(changelog, '3.0.0', '2.1.0')).toBeUndefined();
	});

	it('counts a new major as a major revision whatever its kind', () => {
		const entries = [{ version: '1.0.0', date: '2026-01-01', kind: 'added', summary: 'First stable release.' }];
		expect(changesSince(entries, '0.3.0', '1.0.0')).toMatchObject({ major: true, entries: [{ reread: true }] });
	});
});

describe('what pages say', () => {
	const view = viewOf({
		version: 1,
		modules: {
			'water-temperature': { completed: done('1.0.0'), quiz: { version: '1.0.0', score: 100, passMark: 75, at: NOW.toISOString() } },
			'brewing-basics': { completed: done('2.1.0'), quiz: { version: '2.1.0', score: 50, passMark: 50, at: NOW.toISOString() } },
		},
	});
	const modules = [
		{ id: 'water-temperature', quiz: true },
		{ id: 'brewing-basics', quiz: true },
		{ id: 'serving', quiz: false },
	];
	const tracks = [{ id: 'tea-foundations', modules: modules.map((m) => m.id) }];

	it('counts a track and asks for checks passed at its own mark', () => {
		expect(trackStatus(view, modules, 75)).toEqual({ done: 2, total: 3, complete: false, checksToPass: ['brewing-basics'] });
		const all = viewOf({ version: 1, modules: { ...Object.fromEntries(modules.map((m) => [m.id, { completed: done('1.0.0'), quiz: { version: '1.0.0', score: 80, passMark: 75, at: NOW.toISOString() } }])) } });
		expect(trackStatus(all, modules, 75).complete).toBe(true);
		expect(trackStatus(all, modules, 90).complete).toBe(false);
	});

	describe('a knowledge check passed before a major revision', () => {
		const pass = (version: string, score = 100) => ({ version, score, passMark: 75, at: NOW.toISOString() });
		// brewing-basics is at 2.1.0 now; its 2.0.0 was a major revision. The other two are complete with passes of their own.
		const withBrewing = (record: Progress['modules'][string]) =>
			viewOf({
				version: 1,
				modules: {
					'water-temperature': { completed: done('1.0.0'), quiz: pass('1.0.0') },
					serving: { completed: done('1.0.1') },
					'brewing-basics': record,
				},
			});

		it('counts for a completion of its own major, which a certificate names, as a completion before the revision counts', () => {
			const status = trackStatus(withBrewing({ completed: done('1.0.0', 'quiz'), quiz: pass('1.0.0') }), modules, 75);
			expect(status).toEqual({ done: 3, total: 3, complete: true, checksToPass: [] });
		});

		it('does not count for a completion of the current major: its check is still to pass', () => {
			const status = trackStatus(withBrewing({ completed: done('2.1.0'), quiz: pass('1.0.0') }), modules, 75);
			expect(status).toEqual({ done: 3, total: 3, complete: false, checksToPass: ['brewing-basics'] });
			// A pass of the rewritten check does.
			expect(trackStatus(withBrewing({ completed: done('2.1.0'), quiz: pass('2.0.0') }), modules, 75).complete).toBe(true);
		});

		it('is named as rewritten, in the first release of the current major, only when it is of an earlier major', () => {
			const view = withBrewing({ completed: done('1.0.0'), quiz: pass('1.2.0', 80) });
			expect(rewrittenSincePass(view, 'brewing-basics', '2.1.0')).toEqual({ passed: '1.2.0', score: 80, rewritten: '2.0.0' });
			expect(passFor(view, 'brewing-basics', '2.1.0')).toBeUndefined();
			expect(passFor(view, 'brewing-basics', '1.0.0')).toEqual({ score: 80, version: '1.2.0' });
			// A minor or patch release keeps the check: the pass counts and nothing is said.
			expect(rewrittenSincePass(view, 'brewing-basics', '1.3.1')).toBeUndefined();
			expect(rewrittenSincePass(view, 'water-temperature', '1.0.0')).toBeUndefined();
			expect(rewrittenSincePass(view, 'serving', '2.0.0')).toBeUndefined();
		});
	});

	describe('where to continue', () => {
		// The catalogue as learner.json gives it: brewing-basics had a major revision at 2.0.0.
		const entry = (version: string, kind: string) => ({ version, date: '2026-06-01', kind, summary: kind });
		const current = {
			modules: {
				'water-temperature': { version: '1.0.0', changelog: [entry('1.0.0', 'added')] },
				'brewing-basics': { version: '2.1.0', changelog: [entry('2.1.0', 'added'), entry('2.0.0', 'major'), entry('1.0.0', 'added')] },
				serving: { version: '1.0.1', changelog: [entry('1.0.1', 'fixed'), entry('1.0.0', 'added')] },
			},
			tracks,
		};
		const completed = (versions: Record<string, string>) => viewOf({ version: 1, modules: Object.fromEntries(Object.entries(versions).map(([id, version]) => [id, { completed: done(version) }])) });

		it('goes back to the page visited last while it is not completed, wherever it stands in the track', () => {
			expect(continueAt('serving', view, current)).toEqual({ module: 'serving', track: 'tea-foundations', why: 'reading' });
			expect(continueAt('brewing-basics', completed({}), current)).toEqual({ module: 'brewing-basics', track: 'tea-foundations', why: 'reading' });
		});

		it('goes back to the page visited last when it was completed before a major revision', () => {
			expect(continueAt('brewing-basics', completed({ 'brewing-basics': '1.0.0' }), current)).toEqual({ module: 'brewing-basics', track: 'tea-foundations', why: 'reading' });
		});

		it('after a completed module, offers the first module of the track not completed, even one before it', () => {
			// Only the second module done: the first, which the track asks for first, is still to do.
			expect(continueAt('brewing-basics', completed({ 'brewing-basics': '2.1.0' }), current)).toEqual({ module: 'water-temperature', track: 'tea-foundations', why: 'next' });
			expect(continueAt('water-temperature', view, current)).toEqual({ module: 'serving', track: 'tea-foundations', why: 'next' });
		});

		it('offers a module completed before a major revision, to read again, ahead of the modules after it', () => {
			const returning = completed({ 'water-temperature': '1.0.0', 'brewing-basics': '1.0.0', serving: '1.0.0' });
			expect(continueAt('serving', returning, current)).toEqual({ module: 'brewing-basics', track: 'tea-foundations', why: 'reread' });
			const notDone = completed({ 'water-temperature': '1.0.0', 'brewing-basics': '1.0.0' });
			expect(continueAt('water-temperature', notDone, current)).toEqual({ module: 'brewing-basics', track: 'tea-foundations', why: 'reread' });
		});

		it('does not send the learner back for a minor or patch release of a module they completed', () => {
			// serving went from 1.0.0 to 1.0.1, a fix: nothing is left in the track.
			expect(continueAt('serving', completed({ 'water-temperature': '1.0.0', 'brewing-basics': '2.0.0', serving: '1.0.0' }), current)).toBeUndefined();
		});

		it('offers nothing without a visit, or with a finished module in no track', () => {
			expect(continueAt(undefined, view, current)).toBeUndefined();
			const loose = { modules: { ...current.modules, extra: { version: '1.0.0', changelog: [] } }, tracks };
			expect(continueAt('extra', completed({ extra: '1.0.0' }), loose)).toBeUndefined();
			expect(continueAt('extra', completed({}), loose)).toEqual({ module: 'extra', track: undefined, why: 'reading' });
		});

		it('stays in the track the module visited last belongs to, first listed first', () => {
			const two = [{ id: 'steeping', modules: ['serving', 'water-temperature'] }, ...tracks];
			expect(continueAt('serving', completed({ serving: '1.0.1' }), { modules: current.modules, tracks: two })).toEqual({ module: 'water-temperature', track: 'steeping', why: 'next' });
			expect(continueAt('brewing-basics', completed({ 'brewing-basics': '2.1.0' }), { modules: current.modules, tracks: two })).toEqual({ module: 'water-temperature', track: 'tea-foundations', why: 'next' });
		});
	});

	it('compares the home page with the previous visit, not with the last look at it', () => {
		const v1 = { serving: '1.0.0', 'brewing-basics': '2.0.0' };
		const v2 = { serving: '1.0.1', 'brewing-basics': '2.0.0' };
		const first = nextVisit({ version: 1 }, v1, NOW);
		expect(first.baseline).toBeUndefined();
		const sameVisit = nextVisit(first.visits, v1, new Date(NOW.getTime() + 60_000));
		expect(updatedSince(sameVisit.baseline!, v1)).toEqual([]);
		const nextDay = nextVisit(sameVisit.visits, v2, LATER);
		expect(updatedSince(nextDay.baseline!, v2)).toEqual([{ id: 'serving', from: '1.0.0', to: '1.0.1' }]);
		// Looking again a minute later, within the same visit, still shows what changed since the last one.
		const again = nextVisit(nextDay.visits, v2, new Date(LATER.getTime() + 60_000));
		expect(updatedSince(again.baseline!, v2)).toEqual([{ id: 'serving', from: '1.0.0', to: '1.0.1' }]);
		const afterGap = nextVisit(again.visits, v2, new Date(LATER.getTime() + VISIT_GAP_MS + 120_000));
		expect(updatedSince(afterGap.baseline!, v2)).toEqual([]);
	});

	it('says what was set aside and where to find it', () => {
		expect(setAsideNotice({ key: 'progress', reason: 'repaired', dropped: ['brewing-basics'] })).toBe(
			'Part of your saved progress could not be read (“brewing-basics”). Everything else is kept. A copy of the data as it was is on Your progress, to download or delete.'
		);
		expect(setAsideNotice({ key: 'progress', reason: 'future', version: 2 })).toContain('saved by a newer version of this site (format 2)');
		expect(setAsideNotice({ key: 'progress', reason: 'unreadable' })).toMatch(/^Your saved progress in this browser could not be read/);
	});
});

describe('what the browser learns of the curriculum', () => {
	it('gives each module’s version, check and changelog as its page shows them, and each track’s modules', () => {
		const curriculum = loadCurriculum(fixtureContent('valid-course'), ROOT);
		const data = catalogue(SITE, curriculum.modules, curriculum.tracks);
		expect(data.site).toBe(SITE);
		expect(data.modules['brewing-basics']).toMatchObject({ title: 'Brewing basics', href: '/modules/brewing-basics/', version: '2.1.0', quiz: true });
		expect(data.modules['brewing-basics']?.changelog.map((entry) => entry.summary)).toEqual([
			'Platform change: Covers the new teapot infuser.',
			'Major revision: Reversed the advice on squeezing tea bags.',
			'Added: First release.',
		]);
		expect(data.tracks).toEqual([{ id: 'tea-foundations', title: 'Tea foundations', href: '/tracks/tea-foundations/', modules: ['water-temperature', 'brewing-basics', 'serving'], passMark: 75 }]);
		expect(changesSince(data.modules['brewing-basics']!.changelog, '1.0.0', '2.1.0')?.major).toBe(true);
	});

	it('links the pages of the catalogue\'s language, where they exist', () => {
		const curriculum = loadCurriculum(fixtureContent('valid-course'), ROOT);
		const place = (href: string) => (href === '/modules/serving/' ? href : `/fi${href}`);
		const data = catalogue(SITE, curriculum.modules, curriculum.tracks, place);
		expect(data.modules['brewing-basics']?.href).toBe('/fi/modules/brewing-basics/');
		expect(data.modules.serving?.href).toBe('/modules/serving/');
		expect(data.tracks[0]?.href).toBe('/fi/tracks/tea-foundations/');
	});
});
