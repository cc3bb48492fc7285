import { finding } from './findings.ts';
import { isReviewDue, pendingUpdatesFor, reviewDueDate } from '../curriculum/freshness.ts';
import { at, type Context, type ModuleView } from './rule-context.ts';

/** Warnings: modules no track reaches, reviews due, changes pending; of modules whose frontmatter failed its schema too. */
export function freshness({ curriculum: { config, tracks, unreadTracks, updates }, modules, on, findings }: Context): void {
	const placed = new Set(tracks.flatMap((track) => track.data.modules));
	// A module that a track file names, though that file cannot be read yet, is not called an orphan:
	// the track's own findings say what to fix, and one slip there would otherwise flag all its modules.
	const named = new Set(unreadTracks.flatMap((text) => text.match(/[\w-]+/g) ?? []));
	for (const module of modules) {
		if (!placed.has(module.id) && !named.has(module.id) && tracks.length > 0) {
			findings.push(
				finding({
					rule: 'orphan-module',
					severity: 'warning',
					file: module.file,
					line: 1,
					column: 1,
					message: `The module "${module.id}" is in no track, so learners only find it by search.`,
					fix: orphanFix(module.id, modules),
				})
			);
		}
		const { reviewed, reviewInterval } = module;
		if (config && reviewed !== undefined && isReviewDue({ reviewed, reviewInterval }, config, on)) {
			findings.push(
				finding({
					rule: 'review-due',
					severity: 'warning',
					file: module.file,
					...at(module.parsed, ['reviewed']),
					message: `The module was last reviewed on ${reviewed} and was due for review on ${reviewDueDate({ reviewed, reviewInterval }, config)}.`,
					fix: 'Check the module against the platforms, then set `reviewed` to the day you did (with a patch release if anything changed).',
				})
			);
		}
		for (const update of pendingUpdatesFor(module.id, updates)) {
			findings.push(
				finding({
					rule: 'pending-update',
					severity: 'notice',
					file: module.file,
					line: 1,
					column: 1,
					message: `The platform update "${update.data.title}" (${update.file}) affects this module and is still pending.`,
					fix: `Revise the module and release it with \`npm run release -- ${module.id} minor "…" --kind platform-change\`; then, in ${update.file}, list \`- module: ${module.id}\` with \`version:\` the new version under \`incorporated\`, and set \`status: incorporated\` once every module it names is revised.`,
				})
			);
		}
	}
}

/** Where a module in no track goes: after its prerequisites, before the modules that build on it. */
function orphanFix(id: string, modules: readonly ModuleView[]): string {
	const quote = (ids: string[]) => ids.map((other) => `"${other}"`).join(', ');
	const before = (modules.find((module) => module.id === id)?.prerequisites ?? []).filter((other) => other !== undefined);
	const after = modules.filter((module) => module.prerequisites.includes(id)).map((module) => module.id);
	const place = [
		before.length > 0 ? `after ${quote(before)} (${before.length === 1 ? 'its prerequisite' : 'its prerequisites'})` : '',
		after.length > 0 ? `before ${quote(after)} (which ${after.length === 1 ? 'builds' : 'build'} on it)` : '',
	].filter(Boolean);
	return `Add "${id}" to \`modules\` in the track it belongs to under tracks/${place.length > 0 ? `, ${place.join(' and ')}` : ''}.`;
}
