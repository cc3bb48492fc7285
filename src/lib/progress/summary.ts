/**
 * What the pages say about progress: how far through a track the learner is, where to continue,
 * and which modules changed since their last visit.
 */
import { compareVersions } from '../curriculum/versions.ts';
import type { Catalogue, CatalogueModule } from './catalogue.ts';
import { changesSince } from './changes.ts';
import { passFor } from './passes.ts';
import type { ProgressView } from './peek.ts';
import type { Progress, Visits } from './shape.ts';

/** The view pages show of validated progress, as `peekProgress` gives it of stored text. */
export function viewOf(progress: Progress): ProgressView {
	const view: ProgressView = { completed: new Map(), passed: new Map() };
	for (const [id, record] of Object.entries(progress.modules)) {
		if (record.completed) view.completed.set(id, { version: record.completed.version, at: record.completed.at, via: record.completed.via });
		if (record.quiz) view.passed.set(id, { score: record.quiz.score, version: record.quiz.version });
	}
	return view;
}

export interface TrackModule {
	id: string;
	/** Whether the module has a knowledge check. */
	quiz: boolean;
}

export interface TrackStatus {
	/** Modules complete. */
	done: number;
	total: number;
	/** Every module is complete, and every knowledge check passed at the track's pass mark. */
	complete: boolean;
	/**
	 * Complete modules whose knowledge check is not yet passed at the track's pass mark, at the major of
	 * the version completed: a pass from before a major revision does not count for a completion after it.
	 */
	checksToPass: string[];
}

/** The status of a track of the catalogue (`/learner.json`), from the modules it lists. */
export function catalogueTrackStatus(view: ProgressView, catalogue: Pick<Catalogue, 'modules'>, track: Catalogue['tracks'][number]): TrackStatus {
	return trackStatus(view, track.modules.flatMap((id) => (catalogue.modules[id] ? [{ id, quiz: catalogue.modules[id].quiz }] : [])), track.passMark);
}

export function trackStatus(view: ProgressView, modules: readonly TrackModule[], passMark: number): TrackStatus {
	const done = modules.filter((module) => view.completed.has(module.id));
	const checksToPass = done.filter((module) => module.quiz && (passFor(view, module.id, view.completed.get(module.id)!.version)?.score ?? -1) < passMark).map((module) => module.id);
	return { done: done.length, total: modules.length, complete: modules.length > 0 && done.length === modules.length && checksToPass.length === 0, checksToPass };
}

export interface TrackOutline {
	id: string;
	modules: readonly string[];
}

export interface ContinueAt {
	module: string;
	/** The track it is read in: the first that lists the module page visited last. */
	track?: string;
	/**
	 * Why this module: `reading`, it is the page visited last, not finished; `reread`, a module of the
	 * track completed before a major revision; `next`, a module of the track not completed.
	 */
	why: 'reading' | 'reread' | 'next';
}

/** The module as the catalogue has it now: its version and changelog. */
type Current = Pick<CatalogueModule, 'version' | 'changelog'>;

/**
 * What a module still asks of the learner: `next` when it is not completed, `reread` when it was
 * completed at a version before a major revision (the change its page marks "Re-read"), or nothing
 * when it is finished.
 */
export function unfinished(view: ProgressView, id: string, module: Current): 'reread' | 'next' | undefined {
	const done = view.completed.get(id);
	if (!done) return 'next';
	return changesSince(module.changelog, done.version, module.version)?.major ? 'reread' : undefined;
}

/**
 * Where to continue. The track the learner was working in is the first of `tracks` that lists the
 * module page they visited last (`last`).
 *
 * 1. When that module is unfinished (see `unfinished`), the learner continues there: it is the page
 *    they were reading, whatever comes before it in the track (`why: 'reading'`).
 * 2. Otherwise, at the first module in the track's order that is unfinished: one completed before a
 *    major revision (`reread`) or one not completed (`next`), before or after the one visited last,
 *    so that nothing the track asks for first is skipped.
 *
 * Modules the catalogue does not list are passed over. Undefined when nothing was visited, or when
 * the module visited last is finished and either in no track or in a track with nothing unfinished.
 */
export function continueAt(last: string | undefined, view: ProgressView, catalogue: { modules: Readonly<Record<string, Current>>; tracks: readonly TrackOutline[] }): ContinueAt | undefined {
	if (last === undefined) return undefined;
	const track = catalogue.tracks.find((t) => t.modules.includes(last));
	const visited = catalogue.modules[last];
	if (visited && unfinished(view, last, visited)) return { module: last, track: track?.id, why: 'reading' };
	for (const id of track?.modules ?? []) {
		const module = catalogue.modules[id];
		const why = module && unfinished(view, id, module);
		if (why) return { module: id, track: track?.id, why };
	}
	return undefined;
}

/** After this long without opening the home page, the learner's next look starts a new visit. */
export const VISIT_GAP_MS = 60 * 60 * 1000;

/**
 * The home page's record of visits after a look at it now, and the versions to compare with: those
 * of the previous visit. Within one visit, the comparison stays the same however often the learner
 * comes back to the page; the first look ever has nothing to compare with.
 */
export function nextVisit(visits: Visits, versions: Readonly<Record<string, string>>, now: Date, gap = VISIT_GAP_MS): { visits: Visits; baseline?: Record<string, string> } {
	const look = { at: now.toISOString(), versions: { ...versions } };
	if (!visits.seen) return { visits: { ...visits, seen: look, since: look } };
	const newVisit = now.getTime() - Date.parse(visits.seen.at) > gap;
	const since = newVisit || !visits.since ? visits.seen : visits.since;
	return { visits: { ...visits, seen: look, since }, baseline: since.versions };
}

export interface Updated {
	id: string;
	from: string;
	to: string;
}

/** Modules whose version now is newer than at the baseline, in the order of `current`. */
export function updatedSince(baseline: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): Updated[] {
	return Object.entries(current).flatMap(([id, to]) => {
		const from = baseline[id];
		return from !== undefined && compareVersions(to, from) > 0 ? [{ id, from, to }] : [];
	});
}
