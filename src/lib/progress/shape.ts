/**
 * What the site keeps about a learner in their own browser, and the export file that carries it to
 * another device. There are no accounts: this is all the site knows, and only on that device.
 *
 * Three localStorage entries, each a JSON object with a `version` that names its shape:
 * - progress: completed modules and passed knowledge checks; exported and imported;
 * - visits: the last module page visited and the versions seen on the home page; this device only;
 * - set aside: stored data this version of the site could not read, kept rather than overwritten.
 *
 * A change to a shape raises its version and adds a migration from the version before (migrate.ts),
 * so that data saved by any earlier version of the site still loads. The schemas use `zod/mini`,
 * zod 4's tree-shakable API: the same validation in a fraction of the bytes a page downloads.
 */
import * as z from 'zod/mini';
import { isPercent, MODULE_ID, PROGRESS_VERSION, TIMESTAMP, VERSION, VIA } from './basics.ts';

export { EXPORT_FORMAT, isObject, PROGRESS_VERSION, STORAGE_KEYS } from './basics.ts';

export const moduleId = z.string().check(z.regex(MODULE_ID, 'should be a module id such as "getting-started"'));
export const moduleVersion = z.string({ error: 'should be a version number such as 1.2.0' }).check(z.regex(VERSION, 'should be a version number such as 1.2.0'));
const timestamp = z.string({ error: 'should be a date and time such as 2026-11-23T10:00:00.000Z' }).check(
	z.regex(TIMESTAMP, 'should be a date and time such as 2026-11-23T10:00:00.000Z')
);
const percent = z.custom<number>(isPercent, 'should be a whole number from 0 to 100');

/** A module the learner completed. */
export const completion = z.object({
	/** The version of the module they completed. @example "1.2.0" */
	version: moduleVersion,
	/** When, as an ISO 8601 date and time in UTC. */
	at: timestamp,
	/** Marked complete by the learner, or completed by passing the knowledge check. */
	via: z.enum(VIA, { error: 'should be "marked" or "quiz"' }),
});

/** The learner's best pass of a module's knowledge check, at the newest version they passed. */
export const quizPass = z.object({
	/** The version of the module whose check they passed. */
	version: moduleVersion,
	/** Their score, as a percentage rounded down. */
	score: percent,
	/** The pass mark the check had then. */
	passMark: percent,
	at: timestamp,
});

/** One module's progress. A module is complete when `completed` is present. */
export const moduleProgress = z.object({
	completed: z.optional(completion),
	quiz: z.optional(quizPass),
});

/** Progress, version 1. */
export const progressSchema = z.object({
	version: z.literal(PROGRESS_VERSION),
	/** By module id. */
	modules: z.record(moduleId, moduleProgress),
});

/** The curriculum's module versions at a moment, to tell later what changed since. */
export const versionSnapshot = z.object({
	at: timestamp,
	versions: z.record(moduleId, moduleVersion),
});

/** Visits, version 1. Kept on this device only: not exported. */
export const visitsSchema = z.object({
	version: z.literal(PROGRESS_VERSION),
	/** The last module page the learner opened. */
	last: z.optional(z.object({ module: moduleId, at: timestamp })),
	/** The versions the home page last showed. */
	seen: z.optional(versionSnapshot),
	/** The versions at the learner's previous visit: what "updated since your last visit" compares with. */
	since: z.optional(versionSnapshot),
});

/** Why stored data was set aside. */
export const SET_ASIDE_REASONS = ['unreadable', 'future', 'repaired'] as const;

/** Stored data that could not be read, kept so that nothing is lost without the learner's say. */
export const setAsideEntry = z.object({
	/** Which entry it came from. */
	key: z.enum(['progress', 'visits']),
	reason: z.enum(SET_ASIDE_REASONS),
	at: timestamp,
	/** The stored text exactly as it was found. */
	raw: z.string(),
	/** What could not be read: module ids or field names, for a repaired entry. */
	dropped: z.optional(z.array(z.string())),
	/** The version that wrote it, for data from a newer version of the site. */
	version: z.optional(z.number()),
	/** Whether the learner has dismissed the notice about it. */
	dismissed: z.optional(z.boolean()),
});

export type Completion = z.infer<typeof completion>;
export type QuizPass = z.infer<typeof quizPass>;
export type ModuleProgress = z.infer<typeof moduleProgress>;
export type Progress = z.infer<typeof progressSchema>;
export type Visits = z.infer<typeof visitsSchema>;
export type VersionSnapshot = z.infer<typeof versionSnapshot>;
export type SetAsideEntry = z.infer<typeof setAsideEntry>;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, modules: {} });
export const emptyVisits = (): Visits => ({ version: PROGRESS_VERSION });
