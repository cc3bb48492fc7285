import { finding } from './findings.ts';
import type { ParsedYaml } from '../curriculum/frontmatter.ts';
import { isoDate, semver } from '../curriculum/schema/common.ts';
import { at, type Context, type ModuleView } from './rule-context.ts';
import { fieldsOf, idsIn, readable } from './schema-failed.ts';

/** What the rules read of an update, whether its frontmatter passed its schema or not (schema-failed.ts). */
interface UpdateView {
	file: string;
	parsed: ParsedYaml;
	date: string | undefined;
	/** The modules it affects, each undefined where it is no id: the schema has said why. */
	modules: readonly (string | undefined)[];
	/**
	 * The versions that absorbed it, at their places: undefined where the entry names no module that
	 * `modules` lists, for the schema has reported that entry; `version` undefined where it cannot be read.
	 */
	incorporated: readonly ({ module: string; version: string | undefined } | undefined)[];
}

/**
 * An update names modules that exist, and the versions that absorbed it are in their changelogs,
 * released no earlier than the change. An update or a module whose frontmatter failed its schema is
 * held to these as far as its fields can be read, so that a version missing from a changelog is named
 * in the same run as the schema's finding, not in the next.
 */
export function updateReferences({ curriculum: { moduleIds }, modules, failed, curriculum, findings, unknownModule }: Context): void {
	const views: UpdateView[] = [
		...curriculum.updates.map(({ file, parsed, data }) => ({ file, parsed, date: data.date, modules: data.modules, incorporated: data.incorporated })),
		...failed.flatMap(({ kind, locale, file, parsed, fields }) => (kind === 'update' && locale === undefined && parsed ? [failedUpdate(file, parsed, fields)] : [])),
	];
	const byId = new Map(modules.map((module) => [module.id, module]));
	for (const update of views) {
		update.modules.forEach((id, i) => {
			if (id !== undefined && !moduleIds.has(id)) unknownModule(id, update.file, update.parsed, ['modules', i], 'The update');
		});
		update.incorporated.forEach((entry, i) => {
			if (!entry) return;
			if (!moduleIds.has(entry.module)) {
				unknownModule(entry.module, update.file, update.parsed, ['incorporated', i, 'module'], 'The update');
				return;
			}
			const module = byId.get(entry.module);
			if (module && entry.version !== undefined) absorbedIn(update, i, entry.module, entry.version, module, findings);
		});
	}
}

/** An update whose schema failed, as far as its fields can be read. */
function failedUpdate(file: string, parsed: ParsedYaml, fields: Record<string, unknown>): UpdateView {
	const listed = Array.isArray(fields.modules) ? (fields.modules as unknown[]) : [];
	const incorporated = (Array.isArray(fields.incorporated) ? fields.incorporated : []).map((raw) => {
		const entry = fieldsOf(raw);
		const [module] = idsIn([entry?.module]);
		// One that `modules` does not list is the schema's finding already (one slip, one finding).
		return module !== undefined && listed.includes(module) ? { module, version: readable(semver, entry?.version) } : undefined;
	});
	return { file, parsed, date: readable(isoDate, fields.date), modules: idsIn(fields.modules), incorporated };
}

/**
 * The version that absorbed an update is a release of the module, made no earlier than the change. A
 * changelog with an entry whose version cannot be read may hold the version named: the schema's
 * finding comes first. Likewise a release whose date cannot be read, or an update's.
 */
function absorbedIn(update: UpdateView, i: number, id: string, version: string, module: ModuleView, findings: Context['findings']): void {
	const changelog = module.changelog;
	if (changelog === undefined) return;
	const release = changelog.find((change) => change.version === version);
	if (!release) {
		if (changelog.some((change) => change.version === undefined)) return;
		findings.push(
			finding({
				rule: 'update-status',
				file: update.file,
				...at(update.parsed, ['incorporated', i, 'version']),
				message: `The update says "${id}" absorbed it in ${version}, but that module's changelog has no ${version}.`,
				fix: `Use a version from ${module.file}'s changelog${module.version === undefined ? '' : ` (current: ${module.version})`}.`,
			})
		);
	} else if (release.date !== undefined && update.date !== undefined && release.date < update.date) {
		// A release cannot have absorbed a change the platform had not yet made or announced.
		findings.push(
			finding({
				rule: 'update-status',
				file: update.file,
				...at(update.parsed, ['incorporated', i, 'version']),
				message: `The update says "${id}" absorbed it in ${version}, released on ${release.date}, before the change it records (${update.date}).`,
				fix: `Release ${module.file} with the change (\`npm run release -- ${id} minor "<what changed>" --kind platform-change\`) and name the new version here; or, if the platform made or announced the change earlier, correct this update's \`date\`.`,
			})
		);
	}
}
