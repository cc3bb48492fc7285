import { dirname, join } from 'node:path';
import { finding, type Finding } from './findings.ts';
import { isReviewDue, pendingUpdatesFor, reviewDueDate } from '../curriculum/freshness.ts';
import { editDistance } from '../curriculum/edit-distance.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import { idOf, translationName } from '../curriculum/files.ts';
import { LAYOUT, restoreArchive, type Curriculum, type SourceDocument } from '../curriculum/load.ts';
import { ID_PATTERN, isoDate } from '../curriculum/schema/common.ts';
import { moduleSchema } from '../curriculum/schema/module.ts';
import { majorOf } from '../curriculum/versions.ts';
import { checkDates } from './dates.ts';
import { fieldsOf, idsIn, readable, schemaFailedDocuments, type FailedDocument } from './schema-failed.ts';

const at = (parsed: ParsedYaml, path: PropertyKey[]) => locate(parsed, path);

/**
 * What the rules read of a module, whether its frontmatter passed its schema or not: a field of one
 * that failed is read where it parses on its own (schema-failed.ts), and is undefined (or, in a list,
 * an entry is) where it does not, for the schema has reported it.
 */
interface ModuleView {
	id: string;
	file: string;
	parsed: ParsedYaml;
	prerequisites: readonly (string | undefined)[];
	reviewed: string | undefined;
	reviewInterval: number | undefined;
}

/** What the rules read of a track, likewise: its modules, each at its place in the list. */
interface TrackView {
	id: string;
	file: string;
	parsed: ParsedYaml;
	modules: readonly (string | undefined)[];
}

/** What every cross-file rule reads, and where it reports. */
interface Context {
	curriculum: Curriculum;
	/** Today, as the check sees it: `YYYY-MM-DD`. */
	on: string;
	byId: ReadonlyMap<string, Curriculum['modules'][number]>;
	/** The current modules, those whose frontmatter failed its schema too. */
	modules: readonly ModuleView[];
	/** The tracks, those that failed their schema too. */
	tracks: readonly TrackView[];
	/** The modules, archives and updates whose frontmatter failed its schema. */
	failed: readonly FailedDocument[];
	findings: Finding[];
	/** Reports a reference to a module that does not exist, with the closest id when one is near. */
	unknownModule: (id: string, file: string, parsed: ParsedYaml, path: PropertyKey[], where: string) => void;
}

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
		...curriculum.modules.map(({ id, file, parsed, data }) => ({ id, file, parsed, prerequisites: data.prerequisites, reviewed: data.reviewed, reviewInterval: data.reviewInterval })),
		...failed.flatMap(({ kind, locale, id, file, parsed, fields }) =>
			kind === 'module' && locale === undefined && parsed
				? [{ id, file, parsed, prerequisites: idsIn(fields.prerequisites), ...review(fields) }]
				: []
		),
	];
	const context: Context = { curriculum, on, byId: new Map(curriculum.modules.map((module) => [module.id, module])), modules, tracks: trackViews(curriculum), failed, findings, unknownModule };
	for (const rule of [configValues, prerequisiteReferences, trackReferences, updateReferences, redirectTargets, prerequisiteCycles, archivedMajors, dates, freshness]) rule(context);
	return findings;
}

/**
 * Levels and platforms must be ones the config lists: in every module, archive and update, and in
 * those whose frontmatter failed its schema, wherever their level and platforms are still text.
 */
function configValues({ curriculum: { config, modules, archives, updates, documents }, findings }: Context): void {
	if (!config) return;
	const levels = new Set(config.levels.map((level) => level.id));
	const platforms = new Set(config.platforms.map((platform) => platform.id));
	const check = (file: string, parsed: ParsedYaml, level: unknown, named: unknown) => {
		if (typeof level === 'string' && !levels.has(level)) {
			findings.push(
				finding({
					rule: 'unknown-value',
					file,
					...at(parsed, ['level']),
					message: `The level "${level}" is not one of the curriculum's levels.`,
					fix: suggestion(level, [...levels]) ?? `Use one of: ${[...levels].join(', ')}; or add it to \`levels\` in curriculum.yaml.`,
				})
			);
		}
		if (!Array.isArray(named)) return;
		named.forEach((platform, i) => {
			if (typeof platform === 'string' && !platforms.has(platform)) findings.push(unknownPlatform(platform, file, parsed, ['platforms', i], platforms));
		});
	};
	for (const entry of [...modules, ...archives]) check(entry.file, entry.parsed, entry.data.level, entry.data.platforms);
	for (const update of updates) check(update.file, update.parsed, undefined, update.data.platforms);
	// Only values of an id's form: the schema has already reported any other, at the same line.
	const id = (value: unknown) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined);
	for (const document of documents) {
		const fields = failedFields(document);
		if (fields) check(document.file, document.failedSchema!, id(fields.level), Array.isArray(fields.platforms) ? fields.platforms.map(id) : undefined);
	}
}

/** The fields of a document whose frontmatter failed its schema, when they are fields at all, for checks that still read them. */
function failedFields(document: SourceDocument): Record<string, unknown> | undefined {
	const raw = document.failedSchema?.data;
	return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** When a module whose schema failed was reviewed and how often it is, when both can be read; a review interval that cannot is the schema's finding. */
function review(fields: Record<string, unknown>): Pick<ModuleView, 'reviewed' | 'reviewInterval'> {
	const reviewInterval = readable(moduleSchema.shape.reviewInterval, fields.reviewInterval);
	const readInterval = fields.reviewInterval === undefined || reviewInterval !== undefined;
	return { reviewed: readInterval ? readable(isoDate, fields.reviewed) : undefined, reviewInterval };
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

/** A module's prerequisites are other modules that exist. */
function prerequisiteReferences({ curriculum: { moduleIds }, modules, findings, unknownModule }: Context): void {
	for (const module of modules) {
		module.prerequisites.forEach((id, i) => {
			if (id === undefined) return;
			if (id === module.id) {
				findings.push(
					finding({
						rule: 'prerequisite-cycle',
						file: module.file,
						...at(module.parsed, ['prerequisites', i]),
						message: `The module "${module.id}" lists itself as a prerequisite.`,
						fix: `Remove "${id}" from \`prerequisites\`.`,
					})
				);
			} else if (!moduleIds.has(id)) unknownModule(id, module.file, module.parsed, ['prerequisites', i], 'The prerequisite');
		});
	}
}

/** A track lists modules that exist, each once, each after its prerequisites in the track. */
function trackReferences({ curriculum: { moduleIds }, modules, tracks, findings, unknownModule }: Context): void {
	const prerequisitesOf = new Map(modules.map((module) => [module.id, module.prerequisites]));
	for (const track of tracks) {
		const seen = new Set<string>();
		track.modules.forEach((id, i) => {
			if (id === undefined) return;
			if (!moduleIds.has(id)) return unknownModule(id, track.file, track.parsed, ['modules', i], `The track "${track.id}"`);
			if (seen.has(id)) {
				findings.push(
					finding({
						rule: 'duplicate-id',
						file: track.file,
						...at(track.parsed, ['modules', i]),
						message: `The track lists the module "${id}" twice.`,
						fix: `Remove the second "${id}" from \`modules\`.`,
					})
				);
			}
			seen.add(id);
			// Prerequisites in the same track must come earlier, so the path never sends a learner forward.
			for (const prerequisite of prerequisitesOf.get(id) ?? []) {
				const position = prerequisite === undefined ? -1 : track.modules.indexOf(prerequisite);
				if (position > i) {
					findings.push(
						finding({
							rule: 'prerequisite-order',
							file: track.file,
							...at(track.parsed, ['modules', i]),
							message: `"${id}" comes before its prerequisite "${prerequisite}" in the track.`,
							fix: `Move "${prerequisite}" above "${id}" in \`modules\`.`,
						})
					);
				}
			}
		});
	}
}

/** An update names modules that exist, and the versions that absorbed it are in their changelogs. */
function updateReferences({ curriculum: { updates, moduleIds, documents }, byId, findings, unknownModule }: Context): void {
	// An update whose frontmatter failed its schema (its `incorporated` list, say) still has its module ids
	// checked, so that a misspelt id is named in the same run as the schema's finding it may have caused.
	for (const document of documents) {
		// An update's own file, not a translation of one (`<id>.<locale>.md`).
		const raw = /(^|\/)updates\/[^/.]+\.md$/.test(document.file) ? failedFields(document) : undefined;
		if (!raw) continue;
		const named = (value: unknown) => typeof value === 'string' && ID_PATTERN.test(value) && !moduleIds.has(value);
		if (Array.isArray(raw.modules)) raw.modules.forEach((id, i) => named(id) && unknownModule(id as string, document.file, document.failedSchema!, ['modules', i], 'The update'));
		if (Array.isArray(raw.incorporated) && Array.isArray(raw.modules)) {
			raw.incorporated.forEach((entry, i) => {
				const id = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).module : undefined;
				// One that `modules` does not list is the schema's finding already (one slip, one finding).
				if (named(id) && (raw.modules as unknown[]).includes(id)) unknownModule(id as string, document.file, document.failedSchema!, ['incorporated', i, 'module'], 'The update');
			});
		}
	}
	for (const update of updates) {
		update.data.modules.forEach((id, i) => {
			if (!moduleIds.has(id)) unknownModule(id, update.file, update.parsed, ['modules', i], 'The update');
		});
		update.data.incorporated.forEach((entry, i) => {
			const module = byId.get(entry.module);
			if (!moduleIds.has(entry.module)) {
				unknownModule(entry.module, update.file, update.parsed, ['incorporated', i, 'module'], 'The update');
				return;
			}
			const release = module?.data.changelog.find((change) => change.version === entry.version);
			if (module && !release) {
				findings.push(
					finding({
						rule: 'update-status',
						file: update.file,
						...at(update.parsed, ['incorporated', i, 'version']),
						message: `The update says "${entry.module}" absorbed it in ${entry.version}, but that module's changelog has no ${entry.version}.`,
						fix: `Use a version from ${module.file}'s changelog (current: ${module.data.version}).`,
					})
				);
			} else if (module && release && release.date < update.data.date) {
				// A release cannot have absorbed a change the platform had not yet made or announced.
				findings.push(
					finding({
						rule: 'update-status',
						file: update.file,
						...at(update.parsed, ['incorporated', i, 'version']),
						message: `The update says "${entry.module}" absorbed it in ${entry.version}, released on ${release.date}, before the change it records (${update.data.date}).`,
						fix: `Release ${module.file} with the change (\`npm run release -- ${entry.module} minor "<what changed>" --kind platform-change\`) and name the new version here; or, if the platform made or announced the change earlier, correct this update's \`date\`.`,
					})
				);
			}
		});
	}
}

/** Redirects lead from an id that is gone to a module that exists. */
function redirectTargets({ curriculum, findings, unknownModule }: Context): void {
	const { moduleIds } = curriculum;
	curriculum.redirects.forEach((redirect, i) => {
		const { file, parsed } = curriculum.redirectsFile!;
		if (moduleIds.has(redirect.from)) {
			findings.push(
				finding({
					rule: 'duplicate-id',
					file,
					...at(parsed, [i, 'from']),
					message: `"${redirect.from}" is redirected, but modules/${redirect.from}.mdx still exists, so the redirect would hide it.`,
					fix: `Remove the redirect, or remove modules/${redirect.from}.mdx.`,
				})
			);
		}
		if (!moduleIds.has(redirect.to)) unknownModule(redirect.to, file, parsed, [i, 'to'], 'The redirect');
	});
}

/** Prerequisite cycles, reported once per cycle at the module where it was found. */
function prerequisiteCycles({ modules, findings }: Context): void {
	const byId = new Map(modules.map((module) => [module.id, module]));
	const state = new Map<string, 'visiting' | 'done'>();
	const reported = new Set<string>();
	const visit = (id: string, path: string[]) => {
		if (state.get(id) === 'done') return;
		if (state.get(id) === 'visiting') {
			const cycle = [...path.slice(path.indexOf(id)), id];
			const key = [...cycle].slice(0, -1).sort().join(' ');
			if (reported.has(key)) return;
			reported.add(key);
			const module = byId.get(id)!;
			const next = cycle[1]!;
			findings.push(
				finding({
					rule: 'prerequisite-cycle',
					file: module.file,
					...at(module.parsed, ['prerequisites', module.prerequisites.indexOf(next)]),
					message: `Prerequisites form a cycle: ${cycle.join(' → ')}.`,
					fix: `Remove "${next}" from the prerequisites of "${id}" (the line shown), or another link of the cycle, so that the modules can be taken in some order.`,
				})
			);
			return;
		}
		state.set(id, 'visiting');
		for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
			if (prerequisite !== undefined && prerequisite !== id && byId.has(prerequisite)) visit(prerequisite, [...path, id]);
		}
		state.set(id, 'done');
	};
	for (const module of modules) visit(module.id, []);
}

/** Archived majors must be earlier majors of a module that exists, each archived once. */
function archivedMajors({ curriculum: { archives, moduleIds }, byId, findings }: Context): void {
	const seenArchives = new Set<string>();
	for (const archive of archives) {
		const module = byId.get(archive.id);
		if (!moduleIds.has(archive.id)) {
			findings.push(
				finding({
					rule: 'unknown-module',
					file: archive.file,
					message: `archive/${archive.id}/ freezes a module that does not exist in modules/.`,
					fix: `Rename the folder to the module's id, or restore modules/${archive.id}.mdx.`,
				})
			);
		} else if (module) {
			const frozen = majorOf(archive.data.version);
			const current = majorOf(module.data.version);
			if (frozen !== archive.major) {
				// A file named after the wrong major is renamed; one whose version was edited is restored.
				const free = frozen < current && !archives.some((other) => other.id === archive.id && other.major === frozen);
				findings.push(
					finding({
						rule: 'archive-version',
						file: archive.file,
						...at(archive.parsed, ['version']),
						message: `The file is v${archive.major}.mdx but its version is ${archive.data.version}.`,
						fix: free ? `Rename the file to v${frozen}.mdx, the major it holds.` : restoreArchive(archive.file),
					})
				);
			} else if (archive.major >= current) {
				findings.push(
					finding({
						rule: 'archive-version',
						file: archive.file,
						message: `v${archive.major} is archived, but the module's current version ${module.data.version} is not a later major.`,
						fix: `Delete ${archive.file}: the current major, v${current}, is served from modules/${archive.id}.mdx, and archives hold only earlier majors.`,
					})
				);
			}
		}
		const key = `${archive.id}/${archive.major}`;
		if (seenArchives.has(key)) {
			findings.push(
				finding({ rule: 'duplicate-id', file: archive.file, message: `v${archive.major} of "${archive.id}" is archived twice.`, fix: 'Keep one file per major.' })
			);
		}
		seenArchives.add(key);
	}
}

/** Dates in the future, and an update's file name against its date (dates.ts). */
function dates({ curriculum, failed, on, findings }: Context): void {
	findings.push(...checkDates(curriculum, failed, on));
}

/** Warnings: modules no track reaches, reviews due, changes pending; of modules whose frontmatter failed its schema too. */
function freshness({ curriculum: { config, tracks, unreadTracks, updates }, modules, on, findings }: Context): void {
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

function unknownPlatform(platform: string, file: string, parsed: ParsedYaml, path: PropertyKey[], known: Set<string>): Finding {
	return finding({
		rule: 'unknown-value',
		file,
		...at(parsed, path),
		message: `The platform "${platform}" is not in the curriculum's platforms.`,
		fix: suggestion(platform, [...known]) ?? `Use one of: ${[...known].join(', ')}; or add it to \`platforms\` in curriculum.yaml.`,
	});
}

/** "Did you mean" for a mistyped id, when one known id is close. */
export function suggestion(id: string, known: string[]): string | undefined {
	const close = known
		.map((candidate) => ({ candidate, distance: editDistance(candidate, id) }))
		.filter(({ distance: d }) => d <= Math.max(2, Math.floor(id.length / 4)))
		.sort((a, b) => a.distance - b.distance)[0];
	return close ? `Did you mean "${close.candidate}"?` : undefined;
}
