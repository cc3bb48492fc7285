import { finding } from './findings.ts';
import type { ParsedYaml } from '../curriculum/frontmatter.ts';
import { restoreArchive } from '../curriculum/load.ts';
import { semver } from '../curriculum/schema/common.ts';
import { readChangelogEntry } from '../curriculum/schema/module.ts';
import { majorOf } from '../curriculum/versions.ts';
import { at, type Context } from './rule-context.ts';
import { readable } from './schema-failed.ts';

/** What the rule reads of an archived major: its version undefined where the file's cannot be read, for the schema has said why. */
interface ArchiveView {
	id: string;
	major: number;
	file: string;
	parsed: ParsedYaml | undefined;
	version: string | undefined;
}

/**
 * Archived majors must be earlier majors of a module that exists, each archived once. An archive or a
 * module whose frontmatter failed its schema is held to this as far as its version can be read.
 */
export function archivedMajors({ curriculum: { archives, moduleIds }, modules, failed, findings }: Context): void {
	const views: ArchiveView[] = [
		...archives.map(({ id, major, file, parsed, data }) => ({ id, major, file, parsed, version: data.version })),
		...failed.flatMap(({ kind, id, major, file, parsed, fields }) => (kind === 'archive' ? [{ id, major: major!, file, parsed, version: frozenVersion(fields) }] : [])),
	];
	const current = new Map(modules.map((module) => [module.id, module.version]));
	const seenArchives = new Set<string>();
	for (const archive of views) {
		const version = current.get(archive.id);
		if (!moduleIds.has(archive.id)) {
			findings.push(
				finding({
					rule: 'unknown-module',
					file: archive.file,
					message: `archive/${archive.id}/ freezes a module that does not exist in modules/.`,
					fix: `Rename the folder to the module's id, or restore modules/${archive.id}.mdx.`,
				})
			);
		} else if (version !== undefined && archive.version !== undefined && archive.parsed) {
			const frozen = majorOf(archive.version);
			const major = majorOf(version);
			if (frozen !== archive.major) {
				// A file named after the wrong major is renamed; one whose version was edited is restored.
				const free = frozen < major && !views.some((other) => other.id === archive.id && other.major === frozen);
				findings.push(
					finding({
						rule: 'archive-version',
						file: archive.file,
						...at(archive.parsed, ['version']),
						message: `The file is v${archive.major}.mdx but its version is ${archive.version}.`,
						fix: free ? `Rename the file to v${frozen}.mdx, the major it holds.` : restoreArchive(archive.file),
					})
				);
			} else if (archive.major >= major) {
				findings.push(
					finding({
						rule: 'archive-version',
						file: archive.file,
						message: `v${archive.major} is archived, but the module's current version ${version} is not a later major.`,
						fix: `Delete ${archive.file}: the current major, v${major}, is served from modules/${archive.id}.mdx, and archives hold only earlier majors.`,
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

/**
 * The version an archive whose schema failed freezes, when it can be read and agrees with its newest
 * changelog entry: one that disagrees was edited, which the schema's `changelog-version` says, with
 * the same fix (restore the archive), so no second finding names it.
 */
function frozenVersion(fields: Record<string, unknown>): string | undefined {
	const version = readable(semver, fields.version);
	const newest = Array.isArray(fields.changelog) ? readChangelogEntry(fields.changelog[0]).version : undefined;
	return version !== undefined && version === newest ? version : undefined;
}
