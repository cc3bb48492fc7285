import { finding } from './findings.ts';
import { restoreArchive } from '../curriculum/load.ts';
import { majorOf } from '../curriculum/versions.ts';
import { at, type Context } from './rule-context.ts';

/** Archived majors must be earlier majors of a module that exists, each archived once. */
export function archivedMajors({ curriculum: { archives, moduleIds }, byId, findings }: Context): void {
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
