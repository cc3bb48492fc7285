import type { Finding } from './findings.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import type { Curriculum } from '../curriculum/load.ts';
import type { ReadChangelogEntry } from '../curriculum/schema/module.ts';
import type { FailedDocument } from './schema-failed.ts';

/** Where a finding about a field goes: the line and column of `path` in the frontmatter as read. */
export const at = (parsed: ParsedYaml, path: PropertyKey[]) => locate(parsed, path);

/**
 * What the rules read of a module, whether its frontmatter passed its schema or not: a field of one
 * that failed is read where it parses on its own (schema-failed.ts), and is undefined (or, in a list,
 * an entry is) where it does not, for the schema has reported it.
 */
export interface ModuleView {
	id: string;
	file: string;
	parsed: ParsedYaml;
	prerequisites: readonly (string | undefined)[];
	reviewed: string | undefined;
	reviewInterval: number | undefined;
	/** The module's version. */
	version: string | undefined;
	/** Its changelog's entries, each part as far as it can be read; undefined when `changelog` is no list. */
	changelog: readonly ReadChangelogEntry[] | undefined;
}

/** What the rules read of a track, likewise: its modules, each at its place in the list. */
export interface TrackView {
	id: string;
	file: string;
	parsed: ParsedYaml;
	modules: readonly (string | undefined)[];
}

/** What every cross-file rule reads, and where it reports. */
export interface Context {
	curriculum: Curriculum;
	/** Today, as the check sees it: `YYYY-MM-DD`. */
	on: string;
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
