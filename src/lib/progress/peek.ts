/**
 * A quick, read-only look at stored progress for the scripts that every page loads, which cannot
 * afford to carry the schema validator. It accepts exactly what the schema accepts (both use the
 * rules in basics.ts, and a test holds them to it): when everything stored is valid it gives
 * what the page shows; when anything is not, it says so, and the page hands over to the validating
 * loader (load.ts), which keeps the valid records, sets the rest aside and tells the learner.
 */
import { isObject as record, isPercent, MODULE_ID, PROGRESS_VERSION, TIMESTAMP, VERSION, VIA } from './basics.ts';

/** What pages show of progress. */
export interface ProgressView {
	/** Completed modules, by module id: the version completed, when, and how. */
	completed: Map<string, { version: string; at: string; via: string }>;
	/** Passed knowledge checks, by module id: the best score, at the newest version passed (see passes.ts for which count). */
	passed: Map<string, { score: number; version: string }>;
}

export interface Peek extends ProgressView {
	/**
	 * `none`: nothing is stored. `ok`: all of it is valid. `check`: some of it is not valid, or is of
	 * another version; the view holds only what is, until the validating loader has run.
	 */
	state: 'none' | 'ok' | 'check';
}

const text = (value: unknown, pattern: RegExp) => typeof value === 'string' && pattern.test(value);

function validCompletion(value: unknown): value is { version: string; at: string; via: string } {
	return record(value) && text(value.version, VERSION) && text(value.at, TIMESTAMP) && VIA.includes(value.via as never);
}

function validPass(value: unknown): value is { score: number; version: string } {
	return record(value) && text(value.version, VERSION) && isPercent(value.score) && isPercent(value.passMark) && text(value.at, TIMESTAMP);
}

/** Reads the text of the stored progress entry (null when there is none). Never throws. */
export function peekProgress(raw: string | null): Peek {
	const view: Peek = { state: raw === null ? 'none' : 'ok', completed: new Map(), passed: new Map() };
	if (raw === null) return view;
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { ...view, state: 'check' };
	}
	if (!record(data) || data.version !== PROGRESS_VERSION || !record(data.modules)) return { ...view, state: 'check' };
	for (const [id, value] of Object.entries(data.modules)) {
		// The schema passes over a "__proto__" key without a word, as it can never hold a module.
		if (id === '__proto__') continue;
		if (!MODULE_ID.test(id) || !record(value)) {
			view.state = 'check';
			continue;
		}
		if (validCompletion(value.completed)) view.completed.set(id, { version: value.completed.version, at: value.completed.at, via: value.completed.via });
		else if (value.completed !== undefined) view.state = 'check';
		if (validPass(value.quiz)) view.passed.set(id, { score: value.quiz.score, version: value.quiz.version });
		else if (value.quiz !== undefined) view.state = 'check';
	}
	return view;
}
