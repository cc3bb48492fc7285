/**
 * Reading stored progress and visits, whatever state they are in. A learner's browser may hold data
 * written by an older or newer version of the site, edited by hand, or cut short: reading never
 * throws, keeps every record that is still valid, and says what it could not read so that the
 * caller can set that aside instead of losing it.
 */
import { checkVersion, migrate, MIGRATIONS, type Migrations, type Versioned } from './migrate.ts';
import {
	completion,
	emptyProgress,
	emptyVisits,
	isObject,
	moduleId,
	PROGRESS_VERSION,
	progressSchema,
	quizPass,
	versionSnapshot,
	visitsSchema,
	type ModuleProgress,
	type Progress,
	type SetAsideReason,
	type Visits,
} from './shape.ts';

/** What could not be read, and why. */
export interface LoadProblem {
	reason: SetAsideReason;
	/** For `repaired`: the module ids (or fields) that were left out. */
	dropped?: string[];
	/** For `future`: the version that wrote the data. */
	version?: number;
}

export interface Loaded<T> {
	/** The valid data: everything that could be read, or an empty start. */
	data: T;
	/** Present when some or all of the stored data could not be read. */
	problem?: LoadProblem;
}

type Parsed = { ok: true; data: Versioned } | { ok: false; problem: LoadProblem };

/** JSON text to data of the current version, or why that is impossible. */
function parseVersioned(raw: string, migrations: Migrations): Parsed {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { ok: false, problem: { reason: 'unreadable' } };
	}
	const version = checkVersion(parsed);
	if (!version.ok) {
		return { ok: false, problem: version.problem === 'future' ? { reason: 'future', version: version.version! } : { reason: 'unreadable' } };
	}
	try {
		return { ok: true, data: migrate(parsed as Versioned, migrations) };
	} catch {
		return { ok: false, problem: { reason: 'unreadable' } };
	}
}

/**
 * Stored progress (the text of its localStorage entry, or null when there is none) as valid
 * progress. A module record that is partly invalid keeps its valid part: a completion survives a
 * tampered knowledge-check score, and the reverse.
 */
export function readProgress(raw: string | null, migrations: Migrations = MIGRATIONS): Loaded<Progress> {
	if (raw === null) return { data: emptyProgress() };
	const parsed = parseVersioned(raw, migrations);
	if (!parsed.ok) return { data: emptyProgress(), problem: parsed.problem };
	const whole = progressSchema.safeParse(parsed.data);
	if (whole.success) return { data: whole.data };

	const dropped: string[] = [];
	const modules: Record<string, ModuleProgress> = {};
	const stored = parsed.data.modules;
	if (!isObject(stored)) dropped.push('modules');
	for (const [id, value] of Object.entries(isObject(stored) ? stored : {})) {
		// As the schema does, pass over a "__proto__" key: it can never hold a module, and as a key of
		// the result it would replace the object's prototype.
		if (id === '__proto__') continue;
		if (!moduleId.safeParse(id).success || !isObject(value)) {
			dropped.push(id);
			continue;
		}
		const record: ModuleProgress = {};
		const done = value.completed === undefined ? undefined : completion.safeParse(value.completed);
		const quiz = value.quiz === undefined ? undefined : quizPass.safeParse(value.quiz);
		if (done?.success) record.completed = done.data;
		if (quiz?.success) record.quiz = quiz.data;
		if (done?.success === false || quiz?.success === false) dropped.push(id);
		if (record.completed || record.quiz) modules[id] = record;
	}
	return { data: { version: PROGRESS_VERSION, modules }, problem: dropped.length > 0 ? { reason: 'repaired', dropped } : undefined };
}

/** Stored visits as valid visits, keeping each field that is still valid. */
export function readVisits(raw: string | null, migrations: Migrations = MIGRATIONS): Loaded<Visits> {
	if (raw === null) return { data: emptyVisits() };
	const parsed = parseVersioned(raw, migrations);
	if (!parsed.ok) return { data: emptyVisits(), problem: parsed.problem };
	const whole = visitsSchema.safeParse(parsed.data);
	if (whole.success) return { data: whole.data };

	const visits: Visits = emptyVisits();
	const dropped: string[] = [];
	const fields = {
		last: visitsSchema.shape.last,
		seen: versionSnapshot,
		since: versionSnapshot,
	};
	for (const [field, schema] of Object.entries(fields) as [keyof typeof fields, (typeof fields)[keyof typeof fields]][]) {
		const value = parsed.data[field];
		if (value === undefined) continue;
		const result = schema.safeParse(value);
		if (result.success && result.data) Object.assign(visits, { [field]: result.data });
		else dropped.push(field);
	}
	return { data: visits, problem: dropped.length > 0 ? { reason: 'repaired', dropped } : undefined };
}
