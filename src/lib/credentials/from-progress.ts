/**
 * A signed certificate from a learner's progress export: the file the site's progress page saves, sent
 * to the issuer. It is read with the readers and migrations the progress page uses (transfer.ts), and
 * the track counts as complete exactly when the progress page would count it (`trackStatus`); what is
 * still missing is listed with the track page's own words for it (`stillToDo`), so that the issuer can
 * forward the list to the learner as it is.
 *
 * The export is the learner's own record, kept in their browser without an account: anyone can edit
 * the file, and the site cannot confirm it. Reading it saves the issuer reading it by hand; vouching
 * for the learner stays the issuer's part, and the command says so.
 */
import { completionDay, stillToDo, toDoText } from '../cards/browser-certificate.ts';
import { moduleHref } from '../curriculum/model.ts';
import { compareVersions, isDraft, majorOf } from '../curriculum/versions.ts';
import { trackStatus, viewOf } from '../progress/summary.ts';
import { PROGRESS_HREF } from '../progress/text.ts';
import { MAX_IMPORT_BYTES, readExport, type ExportProblem } from '../progress/transfer.ts';
import { PROGRESS_VERSION, type Progress } from '../progress/shape.ts';
import { titleAt, type ModuleVersion } from './as-of.ts';
import type { Issuance } from './issue.ts';

/** What a certificate takes from a learner's progress export. */
export interface ProgressEvidence {
	/** The track's modules at the versions the learner completed. */
	modules: ModuleVersion[];
	/** The day the last of them was completed, on the issuer's calendar: the certificate's completion date unless the issuer gives one. */
	completed: string;
	/** The module completed last. */
	last: ModuleVersion;
	/** When the learner exported the file, as the file says. */
	exportedAt?: string;
}

/** What of the issuance reading an export needs. */
export type ProgressSource = Pick<Issuance, 'site' | 'track' | 'modules' | 'history' | 'moduleIds' | 'quizzes'>;

const progressPage = (site: string) => new URL(PROGRESS_HREF, site).href;

/** Why a file is not an export this curriculum can read, in words for the issuer who was sent it. */
export function exportProblemText(problem: ExportProblem, file: string, site: string): string {
	const again = `Ask the learner to export their progress again on ${progressPage(site)} (“Export progress”) and to send you the .json file it saves.`;
	switch (problem.kind) {
		case 'too-large':
			return `${file} is ${(problem.bytes / 1_000_000).toFixed(1)} MB, far larger than a progress export (at most ${MAX_IMPORT_BYTES / 1_000_000} MB), so it is not one. ${again}`;
		case 'not-json':
			return `${file} is not a progress export: it does not hold JSON data. ${again}`;
		case 'not-export':
			return `${file} is not a progress export: it does not say "format": "currents-progress". ${again}`;
		case 'other-site':
			return `${file} holds progress from another site${problem.from === undefined ? '' : ` (${problem.from})`}, not from ${problem.site}, whose curriculum this is, so its modules and versions are not this curriculum's. Ask the learner for their export from ${progressPage(site)}.`;
		case 'future':
			return `${file} was exported by a newer version of the site (progress format ${problem.version}; this command reads format ${PROGRESS_VERSION}). Update this project to the site's current version (git pull, then npm install) and issue again.`;
		case 'unversioned':
			return `${file} does not say which version of the progress format it uses, so it cannot be read: it may have been edited by hand. ${again}`;
		case 'too-old':
			return `${file} uses progress format ${problem.version}, which this version of the site can no longer read. ${again}`;
		case 'damaged':
			return `${file} is damaged: ${problem.details}. It may have been edited by hand. ${again}`;
	}
}

/**
 * The certificate's modules and completion day from a learner's progress export, or why there are
 * none: the file cannot be read, it is another curriculum's, the track is not complete as the site's
 * progress page counts it, or it names a version this curriculum never released. `timeZone` is the
 * issuer's (their computer's, unless given), as the completion day is a day on their calendar.
 */
export function progressEvidence(text: string, file: string, source: ProgressSource, timeZone?: string): { evidence: ProgressEvidence } | { problem: string } {
	const read = readExport(text, source.site);
	if (!read.ok) return { problem: `No certificate was made: ${exportProblemText(read.problem, file, source.site)}` };
	const found = trackEvidence(read.progress, file, source, timeZone);
	return 'problem' in found ? found : { evidence: { ...found.evidence, ...(read.exportedAt ? { exportedAt: read.exportedAt } : {}) } };
}

/** The certificate's modules and completion day from progress already read (see `progressEvidence`). */
export function trackEvidence(progress: Progress, file: string, source: ProgressSource, timeZone?: string): { evidence: ProgressEvidence } | { problem: string } {
	const recorded = Object.keys(progress.modules);
	const unknown = recorded.filter((id) => !source.moduleIds.includes(id));
	if (recorded.length > 0 && unknown.length === recorded.length) {
		return {
			problem: `No certificate was made: ${file} holds progress only for modules this curriculum does not have (${listed(unknown)}), so it is from another curriculum, or from before those modules were renamed or retired. Ask the learner for their export from ${progressPage(source.site)}.`,
		};
	}
	const view = viewOf(progress);
	const status = trackStatus(view, source.modules.map((module) => ({ id: module.id, quiz: source.quizzes.includes(module.id) })), source.track.passMark);
	if (!status.complete) return { problem: notComplete(view, file, source, unknown) };

	const modules: ModuleVersion[] = [];
	const unusable: string[] = [];
	for (const module of source.history) {
		const { version } = view.completed.get(module.id)!;
		if (compareVersions(version, module.version) > 0) {
			// The site may have released it since this copy of the curriculum was last brought up to date.
			unusable.push(`“${module.title}” (${module.id}) is completed at version ${version}, later than ${module.version}, the newest this copy of the curriculum holds: bring it up to date with the site (git pull) and issue again.`);
		} else if (!module.releases.some((release) => release.version === version)) {
			unusable.push(`“${module.title}” (${module.id}) is completed at version ${version}, which this curriculum never released (its releases: ${module.releases.map((release) => release.version).join(', ')}): the file may have been edited by hand, or be another curriculum's.`);
		} else if (isDraft(version)) {
			unusable.push(`“${module.title}” (${module.id}) is completed at version ${version}, a draft before its first release, which has no permanent address for a certificate to name: the learner completes its current version, ${module.version}, on ${new URL(moduleHref(module.id), source.site).href}.`);
		} else modules.push({ id: module.id, title: titleAt(module, version), version });
	}
	if (unusable.length > 0) return { problem: `No certificate was made: ${file} shows the track “${source.track.title}” completed, but not at versions a certificate can name:\n${unusable.map((line) => `  - ${line}`).join('\n')}` };

	const latest = modules.reduce((last, module) => (Date.parse(view.completed.get(module.id)!.at) > Date.parse(view.completed.get(last.id)!.at) ? module : last));
	return { evidence: { modules, completed: completionDay({ modules: source.modules.map(asTrackModule(source)) }, view, timeZone)!, last: latest } };
}

/** A track module as the track page's certificate script knows it, with its address for a learner to open. */
const asTrackModule = (source: ProgressSource) => (module: ModuleVersion) => ({ ...module, href: new URL(moduleHref(module.id), source.site).href, quiz: source.quizzes.includes(module.id) });

/** What the learner still has to do, one line per module, in the words of the track page's certificate. */
function notComplete(view: ReturnType<typeof viewOf>, file: string, source: ProgressSource, unknown: readonly string[]): string {
	const left = stillToDo({ modules: source.modules.map(asTrackModule(source)), passMark: source.track.passMark }, view);
	const lines = left.map((item) => `  - “${item.title}” (${item.href}): ${toDoText(item, source.track.passMark)}`);
	// Renamed modules keep their old ids in a learner's browser, which the site no longer counts: worth a word, since the learner may think them done.
	const renamed = unknown.length > 0 ? `\nThe file also holds progress for modules this site no longer lists (${listed(unknown)}); a module that was renamed is completed again under its new name.` : '';
	return `No certificate was made: ${file} does not show the track “${source.track.title}” completed, as the site's progress page counts it. For its certificate, the learner still has to do this (you can forward these lines):
${lines.join('\n')}${renamed}
Once they have, they export their progress again on ${progressPage(source.site)} and send you the new file.`;
}

/**
 * Why the certificate's completion date cannot be `given` (the issuer's `--date`) or, without one, the
 * day of the export's last completion, or null: a track is not completed before its last module, nor
 * after today (`today`, the issuer's day).
 */
export function progressDateProblem(evidence: ProgressEvidence, file: string, given: string | undefined, today: string): string | null {
	const { completed, last } = evidence;
	if (completed > today) {
		return `No certificate was made: ${file} shows the last module of the track, “${last.title}”, completed on ${completed}, after today (${today}) on this computer's calendar, so the record cannot be right (the learner's clock may have been set wrong). Ask the learner about it.`;
	}
	if (given !== undefined && given < completed) {
		return `--date: the completion date ${given} is before ${completed}, the day ${file} shows the last module of the track, “${last.title}”, completed. Give that day or a later one, or leave out --date to use it.`;
	}
	return null;
}

/** Ids as a message lists them: the first five, and how many more. */
function listed(ids: readonly string[]): string {
	return `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
}

/**
 * What the command says once the certificate is made: the versions and the day it took from the export,
 * and that the export is the learner's own record, which the issuer, not the site, vouches for.
 */
export function progressNote(evidence: ProgressEvidence, file: string, source: Pick<ProgressSource, 'modules'>, date: string): string {
	const versions = evidence.modules.map((module) => {
		const now = source.modules.find((current) => current.id === module.id)?.version;
		const behind = now !== undefined && majorOf(now) !== majorOf(module.version);
		return `${module.id} ${module.version}${behind ? ` (the content is now at ${now}, after a major revision)` : ''}`;
	});
	const day = date === evidence.completed ? `${date}, the day the last of them (${evidence.last.id}) was completed` : `${date}, as --date gives it (the last of them was completed on ${evidence.completed})`;
	const exported = evidence.exportedAt ? `, exported from their browser on ${evidence.exportedAt.slice(0, 10)}` : '';
	return `The modules are named at the versions ${file} shows the learner completed: ${versions.join(', ')}; the completion date is ${day}.
${file} is the learner's own record${exported}. It is not proof: the site keeps no accounts, cannot confirm it, and anyone can edit the file. The signature is yours: by issuing, you vouch that the learner did this work.`;
}
