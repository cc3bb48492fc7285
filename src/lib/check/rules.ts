import { dirname, join } from 'node:path';
import { finding, type Finding } from './findings.ts';
import { idOf, translationName } from '../curriculum/files.ts';
import { LAYOUT, type Curriculum } from '../curriculum/load.ts';
import { isoDate, semver } from '../curriculum/schema/common.ts';
import { moduleSchema, readChangelogEntry } from '../curriculum/schema/module.ts';
import { archivedMajors } from './archived-majors.ts';
import { configValues } from './config-values.ts';
import { checkDates } from './dates.ts';
import { freshness } from './freshness-warnings.ts';
import { prerequisiteCycles, prerequisiteReferences, redirectTargets, trackReferences } from './references.ts';
import { updateReferences } from './update-references.ts';
import { at, type Context, type ModuleView, type TrackView } from './rule-context.ts';
import { fieldsOf, idsIn, readable, schemaFailedDocuments } from './schema-failed.ts';
import { suggestion } from './suggestion.ts';

/**
 * Rules that look across files: references between modules, tracks and updates, prerequisite
 * cycles, archived majors, dates in the future, and the freshness warnings. Findings come in the
 * order of this list.
 */
export function crossFileRules(curriculum: Curriculum, on: string): Finding[] {
	const findings: Finding[] = [];
	const unknownModule: Context['unknownModule'] = (id, file, parsed, path, where) =>
		findings.push(
			finding({
				rule: 'unknown-module',
				file,
				...at(parsed, path),
				message: `${where} names the module "${id}", but there is no modules/${id}.mdx.`,
				fix: suggestion(id, [...curriculum.moduleIds]) ?? 'Check the id against the file names in modules/, or create the module with `npm run new -- module`.',
			})
		);
	const failed = schemaFailedDocuments(curriculum);
	const modules: ModuleView[] = [
		...curriculum.modules.map(({ id, file, parsed, data }) => ({
			id,
			file,
			parsed,
			prerequisites: data.prerequisites,
			reviewed: data.reviewed,
			reviewInterval: data.reviewInterval,
			version: data.version,
			changelog: data.changelog,
		})),
		...failed.flatMap(({ kind, locale, id, file, parsed, fields }) =>
			kind === 'module' && locale === undefined && parsed
				? [{ id, file, parsed, prerequisites: idsIn(fields.prerequisites), ...review(fields), ...releases(fields) }]
				: []
		),
	];
	const context: Context = { curriculum, on, modules, tracks: trackViews(curriculum), failed, findings, unknownModule };
	for (const rule of [configValues, prerequisiteReferences, trackReferences, updateReferences, redirectTargets, prerequisiteCycles, archivedMajors, dates, freshness]) rule(context);
	return findings;
}

/** When a module whose schema failed was reviewed and how often it is, when both can be read; a review interval that cannot is the schema's finding. */
function review(fields: Record<string, unknown>): Pick<ModuleView, 'reviewed' | 'reviewInterval'> {
	const reviewInterval = readable(moduleSchema.shape.reviewInterval, fields.reviewInterval);
	const readInterval = fields.reviewInterval === undefined || reviewInterval !== undefined;
	return { reviewed: readInterval ? readable(isoDate, fields.reviewed) : undefined, reviewInterval };
}

/** The version and changelog of a module whose schema failed, each entry's parts as far as they can be read. */
function releases(fields: Record<string, unknown>): Pick<ModuleView, 'version' | 'changelog'> {
	return { version: readable(semver, fields.version), changelog: Array.isArray(fields.changelog) ? fields.changelog.map(readChangelogEntry) : undefined };
}

/** The tracks as the rules read them: those that failed their schema too, with their modules as written. */
function trackViews(curriculum: Curriculum): TrackView[] {
	const tracks = join(curriculum.dir, LAYOUT.tracks);
	const failed = curriculum.yamlFiles.flatMap((source) => {
		const id = idOf(source.path);
		// A track's own file, not a translation of one (`<id>.<locale>.yaml`).
		if (!source.failedSchema || dirname(source.path) !== tracks || translationName(id) !== null) return [];
		return [{ id, file: source.file, parsed: source.failedSchema, modules: idsIn(fieldsOf(source.failedSchema.data)?.modules) }];
	});
	return [...curriculum.tracks.map(({ id, file, parsed, data }) => ({ id, file, parsed, modules: data.modules })), ...failed];
}

/** Dates in the future, and an update's file name against its date (dates.ts). */
function dates({ curriculum, failed, on, findings }: Context): void {
	findings.push(...checkDates(curriculum, failed, on));
}
