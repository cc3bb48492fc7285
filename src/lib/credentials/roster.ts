/**
 * A class roster: a CSV file with one learner per line, as a spreadsheet exports it. The first line
 * names the columns; `name` is required, `date` (the day the learner completed the track),
 * `valid_until` (the last day the certificate is valid) and `as_of` (the day whose module versions the
 * learner studied, as `--as-of` gives it for the whole class) are optional, and other columns, such as an
 * email address or a student number, are left out of the certificates. Commas, semicolons or tabs separate
 * the fields (spreadsheets in many languages export semicolons, and "Unicode Text" tabs); quotes work as
 * RFC 4180 says. The file is UTF-8, or UTF-16 with its byte order mark (`rosterText`).
 *
 * Every problem is reported with its line, all at once, so that the instructor fixes the file in one
 * pass and no certificate is made from a roster that is partly wrong. A learner listed twice for the
 * same day is one of them, unless another column (an email address, say) tells the two rows apart.
 * Names that no bundled font can draw need the fonts to find: `undrawableNames` in issue.ts finds
 * them, and the command line reports them with these.
 */
import { cleanName, CardTextError } from '../cards/text.ts';

export interface RosterLearner {
	/** The line of the file the learner's row starts on, 1-based. */
	line: number;
	/** The name, cleaned as the certificate prints it. */
	name: string;
	date?: string;
	validUntil?: string;
	asOf?: string;
}

export interface RosterProblem {
	line: number;
	message: string;
}

export interface Roster {
	learners: RosterLearner[];
	problems: RosterProblem[];
	/** Columns the roster has that certificates do not use. */
	ignored: string[];
}

const COLUMNS = { name: 'name', date: 'date', valid_until: 'validUntil', 'valid-until': 'validUntil', as_of: 'asOf', 'as-of': 'asOf' } as const;

interface Row {
	line: number;
	fields: string[];
}

/** Splits CSV text into rows of fields, each with the line it starts on. */
function parseRows(text: string, delimiter: string, problems: RosterProblem[]): Row[] {
	const rows: Row[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let rowLine = 1;
	let quoted = false;
	let quoteLine = 0;
	const endRow = () => {
		fields.push(field);
		if (fields.some((value) => value.trim() !== '')) rows.push({ line: rowLine, fields });
		fields = [];
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else {
				if (char === '\n') line++;
				field += char;
			}
		} else if (char === '"') {
			if (field.trim() !== '') {
				problems.push({ line, message: 'A quote mark (") stands inside a field. Put the whole field in quotes and double the quote mark inside it, like "Ana ""Ani"" Núñez".' });
			}
			quoted = true;
			quoteLine = line;
			field = '';
		} else if (char === delimiter) {
			fields.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else field += char;
	}
	if (quoted) problems.push({ line: quoteLine, message: 'A quoted field is never closed. Add the closing quote mark (") after the field.' });
	else endRow();
	return rows;
}

/**
 * The roster in a CSV file's text, with every problem found and the line it is on. `today` is the
 * issuer's day (`localToday`), which no completion date may follow; `utcToday` the day in UTC, at
 * whose end an expiry date given as today ends (see `expiryProblem`); `date` the completion date of
 * the rows that give none, so that two rows for one learner are found whichever of them gives it;
 * `asOf` the versions' day of the rows that give none (`--as-of`), which no completion date may precede.
 */
export function parseRoster(source: string, options: { today: string; utcToday?: string; date?: string; asOf?: string }): Roster {
	const text = source.replace(/^\uFEFF/, '');
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	// A header with semicolons and no commas comes from a spreadsheet set to a language that writes decimal commas.
	const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
	const problems: RosterProblem[] = [];
	// A JSON file given as the roster would otherwise be told about its quote marks, line by line.
	if (/^\s*[[{]/.test(text)) {
		return { learners: [], problems: [{ line: 1, message: 'The roster is JSON, and a roster is a CSV file: a first line such as "name,date", then one learner per line. Export the class list from a spreadsheet as "CSV UTF-8".' }], ignored: [] };
	}
	const rows = parseRows(text, delimiter, problems);
	const header = rows.shift();
	if (!header) return { learners: [], problems: [{ line: 1, message: 'The roster is empty. Its first line names the columns (at least "name"), and each line after it is one learner.' }], ignored: [] };
	const names = header.fields.map((name) => name.trim().toLowerCase());
	const column = (key: keyof typeof COLUMNS) => names.indexOf(key);
	if (column('name') < 0) {
		const shown = header.fields.map((field) => field.trim()).join(delimiter);
		problems.push({
			line: header.line,
			message: `The first line names the columns, and none is called "name" (it reads "${shown.slice(0, 80)}"). Start the file with a line like: name${delimiter}date`,
		});
		return { learners: [], problems, ignored: [] };
	}
	const ignored = header.fields.map((field) => field.trim()).filter((field, i) => !(names[i]! in COLUMNS) && field !== '');

	const learners: RosterLearner[] = [];
	// Rows for the same learner: the same printed name and completion date, and nothing in the other columns (an email address, a student number) that tells them apart.
	const seen = new Map<string, number[]>();
	for (const row of rows) {
		if (row.fields.length > names.length) {
			problems.push({
				line: row.line,
				message: `This line has ${row.fields.length} fields, but the first line names ${names.length} columns. A name with a ${delimiter === ',' ? 'comma' : 'semicolon'} in it must be in quotes, like "Núñez${delimiter} Ana".`,
			});
			continue;
		}
		const value = (key: keyof typeof COLUMNS) => (column(key) >= 0 ? (row.fields[column(key)] ?? '').trim() : '');
		let name: string;
		try {
			name = cleanName(value('name'));
		} catch (error) {
			if (!(error instanceof CardTextError)) throw error;
			problems.push({ line: row.line, message: value('name') === '' ? 'The name is empty. Write the learner’s name as it should appear on the certificate, or delete the line.' : error.message });
			continue;
		}
		const lost = lostLetters(name);
		if (lost) {
			problems.push({ line: row.line, message: lost });
			continue;
		}
		const learner: RosterLearner = { line: row.line, name };
		const date = value('date');
		if (date !== '') {
			const problem = dateProblem(date, 'completion date') ?? (date > options.today ? `The completion date ${date} is after today (${options.today}). Give the day the learner completed the track.` : null);
			if (problem) problems.push({ line: row.line, message: problem });
			else learner.date = date;
		}
		const until = value('valid_until') || value('valid-until');
		if (until !== '') {
			const problem = dateProblem(until, 'expiry date') ?? expiryProblem(until, options.today, options.utcToday ?? options.today);
			if (problem) problems.push({ line: row.line, message: problem });
			else learner.validUntil = until;
		}
		const asOf = value('as_of') || value('as-of');
		if (asOf !== '') {
			const problem = dateProblem(asOf, 'as-of date') ?? (asOf > options.today ? `The as-of date ${asOf} is after today (${options.today}). Give the day whose module versions the learner studied.` : null);
			if (problem) problems.push({ line: row.line, message: problem });
			else learner.asOf = asOf;
		}
		const versionsDay = learner.asOf ?? options.asOf;
		const completed = learner.date ?? options.date;
		if (versionsDay !== undefined && completed !== undefined && versionsDay > completed && !problems.some((problem) => problem.line === row.line)) {
			problems.push({ line: row.line, message: asOfAfterCompletion(versionsDay, completed, learner.asOf === undefined ? '--as-of' : 'as_of') });
		}
		learners.push(learner);
		if (problems.some((problem) => problem.line === row.line)) continue;
		const others = names.flatMap((column, i) => (column in COLUMNS ? [] : [(row.fields[i] ?? '').trim()]));
		const key = JSON.stringify([name, learner.date ?? options.date ?? '', ...others]);
		const lines = seen.get(key);
		if (lines) lines.push(row.line);
		else seen.set(key, [row.line]);
	}
	for (const [key, lines] of seen) {
		if (lines.length < 2) continue;
		const [name, date] = JSON.parse(key) as string[];
		const listed = `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
		problems.push({
			line: lines[1]!,
			message: `"${name}" is on lines ${listed}${date ? `, each completed on ${date}` : ''}, and would get ${lines.length} certificates. Delete ${lines.length === 2 ? 'one of the lines' : 'all but one of the lines'}. If they are different learners who share the name, add a column that tells them apart, such as "email" (it is not printed).`,
		});
	}
	if (learners.length === 0 && problems.length === 0) {
		problems.push({ line: header.line, message: 'The roster lists no learners: after the line that names the columns, add one line per learner.' });
	}
	return { learners, problems: problems.sort((a, b) => a.line - b.line), ignored };
}

/**
 * Why a name cannot be signed as it is, when it holds U+FFFD: the mark a reader leaves where it met
 * bytes it could not decode, which a signed certificate would carry for good.
 */
export function lostLetters(name: string): string | undefined {
	return name.includes('\uFFFD') ? `The name "${name}" has "\uFFFD" in it, where a letter could not be read. Type the name again as it should appear.` : undefined;
}

/**
 * Today's date on this computer's calendar, `YYYY-MM-DD`, or the date in `CURRENTS_TODAY` so that
 * tests can pin it. An issuer's "today" is their own day: at nine in the morning of 8 December in
 * Kiritimati it is still 7 December in UTC, the day `today()` (src/lib/curriculum/freshness.ts) gives a
 * build, which must be the same on every machine.
 */
export function localToday(env: Record<string, string | undefined> = process.env, now = new Date()): string {
	const pinned = env.CURRENTS_TODAY;
	if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
	const two = (value: number) => String(value).padStart(2, '0');
	return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Why an expiry date would leave a certificate expired when it is issued, or null. A credential is valid
 * to the end of its expiry date in UTC (`validUntil` is that day at 23:59:59Z, in src/lib/credentials/credential.ts):
 * one moment that every verifier compares against, on the day that the verify page shows. So the date
 * must be neither before the issuer's day (`today`) nor before the day in UTC (`utcToday`), which is
 * later than the issuer's in the evening west of Greenwich.
 */
export function expiryProblem(until: string, today: string, utcToday: string): string | null {
	if (until < today) return `The expiry date ${until} has passed, so the certificate would be expired when it is issued. Give a later date, or none.`;
	if (until < utcToday) {
		return `The expiry date ${until} has already ended in UTC, where it is ${utcToday}: a certificate is valid until 23:59:59 UTC on its expiry date, so it would be expired when it is issued. Give a later date, or none.`;
	}
	return null;
}

/**
 * Why the versions' day cannot follow the completion date: a learner completes a track with the
 * versions that were out by then. `given` names where the day came from, `--as-of` or the `as_of` column.
 */
export function asOfAfterCompletion(asOf: string, completed: string, given: string): string {
	return `The as-of date ${asOf} is after the completion date ${completed}, and a learner completes a track with the module versions released by then. Give ${given} on or before ${completed}, the day whose versions the learner studied.`;
}

/** Why a value is not a `YYYY-MM-DD` date, or null. */
export function dateProblem(value: string, what: string): string | null {
	const parsed = new Date(`${value}T00:00:00Z`);
	const shaped = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (shaped && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value) return null;
	// Written as year-month-day, but no such day: say so, rather than ask for the form it already has.
	const month = shaped ? Number(shaped[2]) : 0;
	if (shaped && month >= 1 && month <= 12) {
		const days = new Date(Date.UTC(Number(shaped[1]), month, 0)).getUTCDate();
		const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
		return `The ${what} "${value}" is not a day of the calendar: ${name} ${shaped[1]} has ${days} days.`;
	}
	return `The ${what} "${value}" is not a date. Write it as year-month-day, like 2026-11-23.`;
}

/**
 * A roster file's text: UTF-8, or UTF-16 when it starts with UTF-16's byte order mark (a spreadsheet's
 * "Unicode Text"). A file in another encoding, such as the Windows-1252 a spreadsheet's "CSV (Comma
 * delimited)" is saved in on Windows, is refused at the first line UTF-8 cannot read: read as UTF-8, its
 * accented letters would be lost from names that are then signed.
 */
export function rosterText(bytes: Uint8Array): { text: string } | { problem: RosterProblem } {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const text = new TextDecoder('utf-8').decode(bytes);
		const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
		return {
			problem: {
				line,
				message:
					'The roster is not saved as UTF-8 text, so the letters of some names cannot be read (a spreadsheet\'s "CSV (Comma delimited)" is saved so on Windows). Save it again as "CSV UTF-8 (Comma delimited)" and issue again.',
			},
		};
	}
}
