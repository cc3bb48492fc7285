/**
 * Moving progress between devices: an export file, and its import. An import is checked in full
 * before anything changes, and a file that fails any check is refused with the reason; a learner
 * who moves devices expects to add what they did on the old one to what they did on the new one, so
 * an accepted file is merged into this browser's progress, never put in its place.
 */
import { checkVersion, migrate, MIGRATIONS, type Migrations, type Versioned } from './migrate.ts';
import { betterPass, laterCompletion } from './record.ts';
import { TIMESTAMP } from './basics.ts';
import { EXPORT_FORMAT, isObject, PROGRESS_VERSION, progressSchema, type ModuleProgress, type Progress } from './shape.ts';

/** An export file is a few kilobytes; anything far larger is not one, and is not read. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** The export file: the stored progress, plus what it is, where it is from and when. */
export interface ExportFile extends Progress {
	format: typeof EXPORT_FORMAT;
	/** The address of the site it was exported from. */
	site: string;
	exportedAt: string;
}

/** The text of an export file of this progress, from the site at `site`. */
export function exportProgress(progress: Progress, site: string, now: Date): string {
	const file: ExportFile = { format: EXPORT_FORMAT, version: progress.version, site: siteOf(site), exportedAt: now.toISOString(), modules: progress.modules };
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** The file name to suggest, such as `progress-example-org-2026-11-23.json`. */
export function exportFileName(site: string, now: Date): string {
	const host = (urlOf(site)?.hostname ?? 'site').replace(/^www\./, '').replace(/[^a-z0-9]+/gi, '-');
	return `progress-${host}-${now.toISOString().slice(0, 10)}.json`;
}

/** A site's address as files name it: its origin, so that a trailing slash or a path never matters. */
function siteOf(address: string): string {
	return urlOf(address)?.origin ?? address;
}

function urlOf(address: string): URL | undefined {
	try {
		return new URL(address);
	} catch {
		return undefined;
	}
}

export type ImportResult = { ok: true; progress: Progress } | { ok: false; reason: string };

/**
 * Why a file is not progress this site can read, as data: the progress page words it for the learner
 * who chose the file, and the certificate command for the issuer who was sent it.
 */
export type ExportProblem =
	| { kind: 'too-large'; bytes: number }
	| { kind: 'not-json' }
	| { kind: 'not-export' }
	| { kind: 'other-site'; from?: string; site: string }
	| { kind: 'future'; version: number }
	| { kind: 'unversioned' }
	| { kind: 'too-old'; version: number }
	| { kind: 'damaged'; details: string };

export type ReadExport = { ok: true; progress: Progress; exportedAt?: string } | { ok: false; problem: ExportProblem };

/** The first problems zod found, in words that name the module and the field. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; issues?: readonly { message: string }[] }[]): string {
	const described = issues.slice(0, 3).map((issue) => {
		const [top, id, ...rest] = issue.path.map(String);
		if (top !== 'modules' || id === undefined) return `${issue.path.join('.') || 'the file'} ${issue.message}`;
		if (issue.code === 'invalid_key') return `“${id}” is not a module id`;
		return `the entry for “${id}” has ${rest.length > 0 ? `a “${rest.join('.')}” that ${issue.message}` : `a problem: it ${issue.message}`}`;
	});
	const more = issues.length > 3 ? ` (and ${issues.length - 3} more problem${issues.length === 4 ? '' : 's'})` : '';
	return `${described.join('; ')}${more}`;
}

/**
 * Reads an export file: it must be JSON, name the export format and the site at `site`, be of a shape
 * version this site reads (migrated when older), and be valid throughout. Returns the progress it
 * holds and when it was exported, or what is wrong with it.
 */
export function readExport(text: string, site: string, migrations: Migrations = MIGRATIONS): ReadExport {
	const problem = (found: ExportProblem): ReadExport => ({ ok: false, problem: found });
	const bytes = new TextEncoder().encode(text).length;
	if (bytes > MAX_IMPORT_BYTES) return problem({ kind: 'too-large', bytes });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return problem({ kind: 'not-json' });
	}
	if (!isObject(data) || data.format !== EXPORT_FORMAT) return problem({ kind: 'not-export' });
	if (typeof data.site !== 'string' || siteOf(data.site) !== siteOf(site)) {
		return problem({ kind: 'other-site', site: siteOf(site), ...(typeof data.site === 'string' ? { from: data.site } : {}) });
	}
	const version = checkVersion(data);
	if (!version.ok && version.problem === 'future') return problem({ kind: 'future', version: version.version! });
	if (!version.ok) return problem({ kind: 'unversioned' });
	const { format: _f, site: _s, exportedAt, ...stored } = data;
	let current: Versioned;
	try {
		current = migrate(stored as Versioned, migrations);
	} catch {
		return problem({ kind: 'too-old', version: version.version });
	}
	const parsed = progressSchema.safeParse(current);
	if (!parsed.success) return problem({ kind: 'damaged', details: describeIssues(parsed.error.issues) });
	return { ok: true, progress: parsed.data, ...(typeof exportedAt === 'string' && TIMESTAMP.test(exportedAt) ? { exportedAt } : {}) };
}

/** Why an import was refused, in the words the progress page shows the learner who chose the file. */
function importRefusal(problem: ExportProblem): string {
	switch (problem.kind) {
		case 'too-large':
			return `This file is ${(problem.bytes / 1_000_000).toFixed(1)} MB, far larger than a progress file, so it is not one.`;
		case 'not-json':
			return 'This file is not a progress file: it does not hold JSON data. Choose the .json file you exported from “Your progress”.';
		case 'not-export':
			return `This file is not a progress file exported from a site like this one: it does not say "format": "${EXPORT_FORMAT}".`;
		case 'other-site':
			return `This file holds progress from another site${problem.from === undefined ? '' : ` (${problem.from})`}, not from this one (${problem.site}).`;
		case 'future':
			return `This file was exported by a newer version of this site (progress format ${problem.version}; this page reads format ${PROGRESS_VERSION}). Reload the page to get the newest version of the site, then import the file again.`;
		case 'unversioned':
			return 'This file does not say which version of the progress format it uses, so it cannot be read.';
		case 'too-old':
			return `This file uses progress format ${problem.version}, which this site can no longer read.`;
		case 'damaged':
			return `This file is damaged: ${problem.details}.`;
	}
}

/** Reads an import as `readExport` does: the progress it holds, or the reason it was refused, for the learner. */
export function readImport(text: string, site: string, migrations: Migrations = MIGRATIONS): ImportResult {
	const read = readExport(text, site, migrations);
	return read.ok ? { ok: true, progress: read.progress } : { ok: false, reason: `${importRefusal(read.problem)} Nothing was imported.` };
}

/**
 * Both sets of progress together. For a module in both, the completion of the newer version is kept
 * (of the same version, the earlier), and the better knowledge-check pass.
 */
export function mergeProgress(here: Progress, incoming: Progress): Progress {
	const modules: Record<string, ModuleProgress> = { ...here.modules };
	for (const [id, record] of Object.entries(incoming.modules)) {
		const mine = modules[id] ?? {};
		const completed = laterCompletion(mine.completed, record.completed);
		const quiz = betterPass(mine.quiz, record.quiz);
		modules[id] = { ...(completed ? { completed } : {}), ...(quiz ? { quiz } : {}) };
	}
	return { version: PROGRESS_VERSION, modules };
}

/** How many modules a set of progress completes. */
export const completedCount = (progress: Progress) => Object.values(progress.modules).filter((record) => record.completed).length;
