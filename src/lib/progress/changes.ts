/**
 * What changed in a module since the version a learner completed: the changelog entries after that
 * version, up to the current one, and whether a major revision among them calls for a re-read.
 */
import { compareVersions, majorOf, parseVersion } from '../curriculum/versions.ts';

/** A changelog entry as the module's page and `learner.json` give it. */
export interface ChangeEntry {
	version: string;
	date: string;
	/** `major`, `added`, `changed`, `fixed` or `platform-change`. */
	kind: string;
	summary: string;
}

export interface ChangedEntry extends ChangeEntry {
	/** A major revision: outcomes changed or advice was reversed, so the learner should read the module again. */
	reread: boolean;
}

export interface ChangesSince {
	/** The version the learner completed. */
	from: string;
	/** The current version. */
	to: string;
	/** The entries after `from` up to `to`, newest first, as the changelog lists them. */
	entries: ChangedEntry[];
	/** Whether a major revision lies between the two versions. */
	major: boolean;
}

/** A first release of a new major, such as 2.0.0, opens a major revision whatever its kind says. */
const opensMajor = (version: string, from: string) => {
	const [major, minor, patch] = parseVersion(version);
	return major > majorOf(from) && minor === 0 && patch === 0;
};

/**
 * The changes between the completed version `from` and the `current` one, or undefined when the
 * learner completed the current version (or, after a rollback of the site, a later one).
 */
export function changesSince(changelog: readonly ChangeEntry[], from: string, current: string): ChangesSince | undefined {
	if (compareVersions(current, from) <= 0) return undefined;
	const entries = changelog
		.filter((entry) => compareVersions(entry.version, from) > 0 && compareVersions(entry.version, current) <= 0)
		.sort((a, b) => compareVersions(b.version, a.version))
		.map((entry) => ({ ...entry, reread: entry.kind === 'major' || opensMajor(entry.version, from) }));
	return { from, to: current, entries, major: majorOf(current) > majorOf(from) || entries.some((entry) => entry.reread) };
}
