import { correctedVersion } from './versions.ts';

/**
 * A version YAML has read as a number (`1` from `1.0`, `1.3`) with its three parts: `1.0.0`, `1.3.0`. The
 * text as written comes first, for the number has lost what it said: `1.10` is read as 1.1, and meant 1.10.0.
 */
export const threeParts = (value: number, written?: string) => (written === undefined ? undefined : correctedVersion(written)) ?? (Number.isInteger(value) ? `${value}.0.0` : `${value}.0`);

/**
 * The fix for a `version` YAML read as a number. A module's own version is its newest changelog entry's,
 * when that one is written out in full; any other (a changelog entry's, an update's incorporated one) is
 * what was written, with its three parts: an older entry is not the newest release.
 */
export function numberVersionFix(path: readonly PropertyKey[], value: number, written: string | undefined, data: unknown): string {
	const own = path.length === 1;
	const newest = own ? newestChangelogVersion(data) : undefined;
	const why = newest ? 'the newest version in the changelog' : path[0] === 'changelog' ? 'the version this entry records' : "the module's changelog lists its versions";
	return `Write the version with its three parts, in double quotes: \`version: "${newest ?? threeParts(value, written)}"\` (major, minor, patch; ${why}).`;
}

/** The version of the first (newest) changelog entry of parsed frontmatter, when it is written as a full version. */
function newestChangelogVersion(data: unknown): string | undefined {
	const changelog = (data as { changelog?: unknown } | null | undefined)?.changelog;
	const version = Array.isArray(changelog) ? (changelog[0] as { version?: unknown } | undefined)?.version : undefined;
	return typeof version === 'string' && /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
}
