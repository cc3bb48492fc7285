/**
 * Moving progress between devices: an export file, and its import. An import is checked in full
 * before anything changes, and a file that fails any check is refused with the reason; a learner
 * who moves devices expects to add what they did on the old one to what they did on the new one, so
 * an accepted file is merged into this browser's progress, never put in its place.
 */
import { checkVersion, migrate, MIGRATIONS, type Migrations, type Versioned } from './migrate.ts';
import { betterPass, laterCompletion } from './record.ts';
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

const refuse = (reason: string): ImportResult => ({ ok: false, reason: `${reason} Nothing was imported.` });

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
 * Reads an import: the file must be JSON, name the export format and this site, be of a shape version
 * this site reads (migrated when older), and be valid throughout. Returns the progress it holds, or
 * the reason it was refused.
 */
export function readImport(text: string, site: string, migrations: Migrations = MIGRATIONS): ImportResult {
	const bytes = new TextEncoder().encode(text).length;
	if (bytes > MAX_IMPORT_BYTES) {
		return refuse(`This file is ${(bytes / 1_000_000).toFixed(1)} MB, far larger than a progress file, so it is not one.`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refuse('This file is not a progress file: it does not hold JSON data. Choose the .json file you exported from “Your progress”.');
	}
	if (!isObject(data) || data.format !== EXPORT_FORMAT) {
		return refuse(`This file is not a progress file exported from a site like this one: it does not say "format": "${EXPORT_FORMAT}".`);
	}
	if (typeof data.site !== 'string' || siteOf(data.site) !== siteOf(site)) {
		const from = typeof data.site === 'string' ? ` (${data.site})` : '';
		return refuse(`This file holds progress from another site${from}, not from this one (${siteOf(site)}).`);
	}
	const version = checkVersion(data);
	if (!version.ok && version.problem === 'future') {
		return refuse(
			`This file was exported by a newer version of this site (progress format ${version.version}; this page reads format ${PROGRESS_VERSION}). Reload the page to get the newest version of the site, then import the file again.`
		);
	}
	if (!version.ok) return refuse('This file does not say which version of the progress format it uses, so it cannot be read.');
	const { format: _f, site: _s, exportedAt: _e, ...stored } = data;
	let current: Versioned;
	try {
		current = migrate(stored as Versioned, migrations);
	} catch {
		return refuse(`This file uses progress format ${version.version}, which this site can no longer read.`);
	}
	const parsed = progressSchema.safeParse(current);
	if (!parsed.success) return refuse(`This file is damaged: ${describeIssues(parsed.error.issues)}.`);
	return { ok: true, progress: parsed.data };
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
