import { z } from 'zod';
import { compareVersions, majorOf } from '../versions.ts';
import { contributor, id, isoDate, plainLine, plainText, semver, source } from './common.ts';

/** What kind of change a release made, following semantic versioning for learning content. */
export const CHANGE_KINDS = ['major', 'added', 'changed', 'fixed', 'platform-change'] as const;

export const changelogEntry = z.strictObject({
	/** The version this entry released. @example "1.1.0" */
	version: semver,
	/** The day it was released. @example 2026-11-20 */
	date: isoDate,
	/**
	 * - `major`: learning outcomes changed or advice was reversed; instructors must look again.
	 * - `added`: a tactic, section or example was added (minor).
	 * - `changed`: existing material was reworked without changing outcomes (minor).
	 * - `fixed`: a correction (patch).
	 * - `platform-change`: revised for a platform update (minor or major).
	 */
	kind: z.enum(CHANGE_KINDS, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a change kind: use one of ${CHANGE_KINDS.join(', ')}.`,
	}),
	/** One sentence on what changed, for readers and the "What's new" feed. */
	summary: plainText({ empty: 'A changelog entry needs a summary.' }),
});

export const quizChoice = z.strictObject({
	/** The answer as the learner reads it. */
	text: plainText({ empty: 'A choice needs text.' }),
	/** Whether this choice is right. Several choices may be right. @default false */
	correct: z.boolean().default(false),
	/** Why this choice is right or wrong; shown after the learner answers. */
	explanation: plainText({ empty: 'Every choice needs an explanation of why it is right or wrong.' }),
});

export const quizQuestion = z.strictObject({
	/** A question that asks the learner to apply the module, not to recall its wording. */
	question: plainText({ empty: 'A question needs text.' }),
	/** Two or more choices. */
	choices: z.array(quizChoice).min(2, 'A question needs at least two choices.'),
});

type RuleIssue = { code: 'custom'; path: PropertyKey[]; message: string; params: { rule: string; fix: string } };

/**
 * Rules across fields of one module: the changelog agrees with the version and runs newest first,
 * every question has a right answer and no repeated choice. They run on each field that parses on
 * its own, so a mistake elsewhere in the frontmatter does not hide them.
 */
export function moduleRules(raw: unknown): RuleIssue[] {
	const fields = (raw ?? {}) as Record<string, unknown>;
	const version = semver.safeParse(fields.version);
	// Changelog entries and questions are read part by part, so a slip in one does not hide the rules on the others, nor on its other parts.
	const changelog = (Array.isArray(fields.changelog) ? fields.changelog : []).map(readChangelogEntry);
	const quiz = (Array.isArray(fields.quiz) ? fields.quiz : []).map(readQuestion);
	const prerequisites = z.array(z.string()).safeParse(fields.prerequisites ?? []);
	return [
		...changelogRules(version.success ? version.data : undefined, changelog),
		...quizRules(quiz),
		...prerequisiteRules(prerequisites.success ? prerequisites.data : []),
	];
}

/**
 * A changelog entry as far as its parts parse one by one, each undefined where that part fails its
 * schema (which says why, at its line): an entry whose date is no day of the calendar still has its
 * version compared with the others'.
 */
export interface ReadChangelogEntry {
	version: string | undefined;
	date: string | undefined;
	kind: ChangelogEntry['kind'] | undefined;
}

export function readChangelogEntry(raw: unknown): ReadChangelogEntry {
	const entry = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
	const part = <T>(schema: z.ZodType<T>, value: unknown) => {
		const result = schema.safeParse(value);
		return result.success ? result.data : undefined;
	};
	return { version: part(changelogEntry.shape.version, entry.version), date: part(changelogEntry.shape.date, entry.date), kind: part(changelogEntry.shape.kind, entry.kind) };
}

/**
 * The newest changelog entry is the module's version, and entries run newest first, in versions and
 * in dates. Two neighbouring entries are compared on the parts both have readable; an entry that
 * cannot be read at all is not stepped over, since what it says would decide the order around it.
 */
function changelogRules(version: string | undefined, changelog: readonly ReadChangelogEntry[]): RuleIssue[] {
	const issues: RuleIssue[] = [];
	const newest = changelog[0];
	if (newest?.version && version && newest.version !== version) {
		issues.push({
			code: 'custom',
			path: ['changelog', 0, 'version'],
			message: `The newest changelog entry is ${newest.version} but the module's version is ${version}.`,
			params: {
				rule: 'changelog-version',
				// A version below the newest release cannot get an entry above it: versions only go up.
				fix:
					compareVersions(version, newest.version) < 0
						? `Set \`version\` to ${newest.version}, the newest release in the changelog: versions only go up, and \`npm run release\` raises one with its changelog entry.`
						: // A top entry no higher than the one below it is out of place itself: the module's version is not to follow it down.
							changelog[1]?.version && compareVersions(newest.version, changelog[1].version) <= 0
							? `Write ${version} as the version of the top entry, if it is this release's (versions only go up, so it must be above ${changelog[1].version}), or add an entry for ${version} above it. \`npm run release\` writes the entry.`
							: `Add a changelog entry for ${version} at the top of \`changelog\`, or set \`version\` to ${newest.version}. \`npm run release\` does both.`,
			},
		});
	}
	for (let i = 1; i < changelog.length; i++) {
		const newer = changelog[i - 1]!;
		const older = changelog[i]!;
		// Dates are compared whether or not the versions can be; the rules on versions wait for both.
		const versions = newer.version !== undefined && older.version !== undefined ? { newer: newer.version, older: older.version } : undefined;
		if (versions && compareVersions(versions.newer, versions.older) <= 0) {
			issues.push({
				code: 'custom',
				path: ['changelog', i, 'version'],
				message: `Changelog versions must decrease from top to bottom, but ${versions.older} comes after ${versions.newer}.`,
				params: { rule: 'changelog-order', fix: 'List changelog entries newest first, each with a lower version than the one above it.' },
			});
		} else if (versions && newer.kind === 'major' && majorOf(versions.newer) === majorOf(versions.older)) {
			// As `npm run release` refuses `--kind major` on a minor or a patch: a major change opens a new
			// major, whose permanent address keeps the old one, and which tells learners to read again.
			issues.push({
				code: 'custom',
				path: ['changelog', i - 1, 'kind'],
				message: `Version ${versions.newer} is marked \`kind: major\`, but it is not a new major version after ${versions.older}.`,
				params: {
					rule: 'changelog-kind',
					fix: `Use \`kind: added\`, \`changed\`, \`fixed\` or \`platform-change\` for a minor or a patch; a change that alters outcomes or reverses advice is released with \`npm run release -- <id> major "<what changed>"\`.`,
				},
			});
		} else if (versions && newer.kind === 'fixed' && majorOf(versions.newer) > majorOf(versions.older)) {
			issues.push({
				code: 'custom',
				path: ['changelog', i - 1, 'kind'],
				message: `Version ${versions.newer} opens a new major version, but it is marked \`kind: fixed\`, a correction.`,
				params: {
					rule: 'changelog-kind',
					fix: 'Mark it `kind: major` (or `platform-change`) if it changed outcomes or reversed advice; a correction is a patch of the version before it.',
				},
			});
		} else if (newer.date !== undefined && older.date !== undefined && older.date > newer.date) {
			// An entry whose version cannot be read is named by its place in the list.
			const name = (entry: ReadChangelogEntry, index: number) => entry.version ?? `changelog entry ${index + 1}`;
			issues.push({
				code: 'custom',
				// At the newer entry: it is the one a contributor has just written, more often than not.
				path: ['changelog', i - 1, 'date'],
				message: `${newer.version === undefined ? `Changelog entry ${i}` : `Version ${newer.version}`} is dated ${newer.date}, before the older ${name(older, i)} (${older.date}).`,
				params: { rule: 'changelog-order', fix: `Correct the dates so that no release is dated before the one below it: ${name(newer, i - 1)} on or after ${older.date}, or ${name(older, i)} on or before ${newer.date}.` },
			});
		}
	}
	return issues;
}

/**
 * A question as far as its parts parse one by one: its words, and each choice's text and mark, each
 * undefined where that part fails its schema (which says why, at its line). A rule reads only the
 * parts it needs, so that a slip in one choice, such as a missing explanation, does not hide a
 * problem another part shows until the next run.
 */
export interface ReadQuestion {
	question: string | undefined;
	/** The choices, or undefined when `choices` is no list. */
	choices: { text: string | undefined; correct: boolean | undefined }[] | undefined;
}

export function readQuestion(raw: unknown): ReadQuestion {
	const part = <T>(schema: z.ZodType<T>, value: unknown) => {
		const result = schema.safeParse(value);
		return result.success ? result.data : undefined;
	};
	const fields = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
	const question = fields(raw);
	const choices = question?.choices;
	return {
		question: part(quizQuestion.shape.question, question?.question),
		choices: Array.isArray(choices)
			? choices.map((choice) => {
					const read = fields(choice);
					return { text: read && part(quizChoice.shape.text, read.text), correct: read && part(quizChoice.shape.correct, read.correct) };
				})
			: undefined,
	};
}

/** The choices of a question when every one's text and mark can be read, and there are the two the schema asks for; else undefined. */
export function judgedChoices(question: ReadQuestion): { text: string; correct: boolean }[] | undefined {
	const choices = question.choices;
	if (!choices || choices.length < 2 || choices.some((choice) => choice.text === undefined || choice.correct === undefined)) return undefined;
	return choices as { text: string; correct: boolean }[];
}

/** Every question has a right answer, not only right ones, and no choice twice, as far as its parts can be read. */
function quizRules(quiz: readonly ReadQuestion[]): RuleIssue[] {
	const issues: RuleIssue[] = [];
	quiz.forEach((question, q) => {
		const named = question.question === undefined ? `Question ${q + 1}` : `Question ${q + 1} ("${question.question}")`;
		// Whether a choice is right is known only when every choice says so in a form the schema takes.
		const marks = question.choices && question.choices.length >= 2 && question.choices.every((choice) => choice.correct !== undefined) ? question.choices.map((choice) => choice.correct) : undefined;
		if (marks && !marks.includes(true)) {
			issues.push({
				code: 'custom',
				path: ['quiz', q, 'choices'],
				message: `${named} has no correct choice.`,
				params: { rule: 'quiz-sanity', fix: 'Mark at least one choice with `correct: true`.' },
			});
		} else if (marks && !marks.includes(false)) {
			// "Choose all that apply" with all of them right: ticking every box passes it, whatever one has read.
			issues.push({
				code: 'custom',
				path: ['quiz', q, 'choices'],
				message: `${named} has every choice marked correct, so ticking them all passes it without reading the module.`,
				params: { rule: 'quiz-sanity', fix: 'Replace one choice with a mistake a reader of the module would rule out, marked `correct: false`, with an explanation of why it is wrong.' },
			});
		}
		// A choice whose text cannot be read is the schema's finding; the others are still compared.
		const seen = new Map<string, number>();
		(question.choices ?? []).forEach((choice, c) => {
			if (choice.text === undefined) return;
			const key = choice.text.toLowerCase().replace(/\s+/g, ' ');
			const first = seen.get(key);
			if (first !== undefined) {
				issues.push({
					code: 'custom',
					path: ['quiz', q, 'choices', c, 'text'],
					message: `Question ${q + 1} lists the choice "${choice.text}" twice (choices ${first + 1} and ${c + 1}).`,
					params: { rule: 'quiz-sanity', fix: 'Remove the duplicate choice or reword it.' },
				});
			} else seen.set(key, c);
		});
	});
	return issues;
}

/** No prerequisite is listed twice. */
function prerequisiteRules(prerequisites: string[]): RuleIssue[] {
	const issues: RuleIssue[] = [];
	const seenPrerequisites = new Set<string>();
	for (const prerequisite of prerequisites) {
		if (seenPrerequisites.has(prerequisite)) {
			issues.push({
				code: 'custom',
				path: ['prerequisites'],
				message: `The prerequisite "${prerequisite}" is listed twice.`,
				params: { rule: 'duplicate-id', fix: `Remove the second "${prerequisite}".` },
			});
		}
		seenPrerequisites.add(prerequisite);
	}
	return issues;
}

/**
 * Frontmatter of a module: one `.mdx` file in `modules/`, one topic, 15 to 60 minutes of learning.
 * The module id is the file name without `.mdx`.
 */
export const moduleSchema = z
	.strictObject({
		/** The module's title. @example "Audience research: who is really there" */
		title: plainLine(),
		/** One or two sentences on what the learner gains, shown in lists and search results. */
		summary: plainText(),
		/**
		 * The module's semantic version. MAJOR when outcomes change or advice is reversed, MINOR when
		 * a tactic, section or example is added, PATCH for corrections. Use `npm run release` to bump it.
		 * Below 1.0.0 the module is a draft, which its page, its track and the feeds say, and it has no
		 * permanent address; its first review releases it as 1.0.0.
		 * @example "1.0.0"
		 */
		version: semver,
		/** A level id from the curriculum config. @example "foundation" */
		level: id('level'),
		/** Minutes a learner needs, reading and doing the exercise. @example 40 */
		duration: z.number().int().min(1).max(600),
		/** Platform ids from the curriculum config; empty when the module applies to all. @default [] */
		platforms: z.array(id('platform')).default([]),
		/** Free topic tags for filtering. @example ["planning", "research"] */
		topics: z.array(plainLine()).default([]),
		/** What a learner can do afterwards, each starting with an observable verb. */
		outcomes: z.array(plainText()).min(1, 'A module needs at least one learning outcome.'),
		/** Module ids to take first. @default [] */
		prerequisites: z.array(id('module')).default([]),
		/** The day a practitioner last checked the whole module against the platforms. @example 2026-11-20 */
		reviewed: isoDate,
		/** Days until the module is due for review; the config's `reviewInterval` when omitted. */
		reviewInterval: z.number().int().positive().optional(),
		/** People who wrote or revised the module. @default [] */
		contributors: z.array(contributor).default([]),
		/** SPDX license id when it differs from the curriculum's. */
		license: plainLine().optional(),
		/** Sources for every figure and platform-specific claim. @default [] */
		sources: z.array(source).default([]),
		/** Releases, newest first. The first entry's version equals `version`. */
		changelog: z.array(changelogEntry).min(1, 'A module needs a changelog with at least its first release.'),
		/** The knowledge check: questions with choices, the right ones marked, each explained. @default [] */
		quiz: z.array(quizQuestion).default([]),
	})
	.superRefine((module, ctx) => {
		for (const issue of moduleRules(module)) ctx.addIssue(issue);
	});

export type ModuleInput = z.input<typeof moduleSchema>;
export type ModuleData = z.output<typeof moduleSchema>;
export type ChangelogEntry = z.output<typeof changelogEntry>;
export type QuizQuestion = z.output<typeof quizQuestion>;
