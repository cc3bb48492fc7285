import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { checkTableHeaders } from '../src/lib/check/table-headers.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { RULE_DOCS } from '../src/lib/check/rule-docs.ts';
import { OUTPUT_RULES } from '../src/lib/safety/output-scan.ts';
import { brewingFi, copyFixture, fixtureContent, runScript, TMP, TODAY } from './utils.ts';

/**
 * Every fix a finding suggests leads out of the problem: for each rule, a contributor's mistake is
 * made on a clean copy of the tea fixture, the check reports it with its fix, the fix is applied as
 * its words say (scripted below, one step per instruction), and the check is then clean. A fix too
 * vague to follow literally, or one that leads into another finding, fails here.
 */

/** A copy of the tea fixture that a scenario changes, with the check as `npm run check` runs it. */
interface Workspace {
	content: string;
	read: (path: string) => string;
	write: (path: string, text: string | Buffer) => void;
	edit: (path: string, change: (text: string) => string) => void;
	remove: (path: string) => void;
	rename: (from: string, to: string) => void;
	/** Runs a project script (`npm run <name> -- …`) on this copy, as a contributor would. */
	script: (name: string, ...args: string[]) => void;
	/** Runs git in the copy's repository (scenarios that compare with a base only). */
	git: (...args: string[]) => string;
	check: () => Finding[];
}

interface Scenario {
	rule: string;
	/** The mistake, in a contributor's words. */
	mistake: string;
	/** Compare with a git base, the clean copy as committed, as `npm run check` does in a checkout. */
	base?: boolean;
	make: (w: Workspace) => void;
	/** The finding the mistake gets, with the exact fix it suggests (and its severity, where that is the point). */
	finding: { file: string; message: string | RegExp; fix: string; line?: (w: Workspace) => number; severity?: Finding['severity'] };
	/** Does what the fix says, and nothing more. */
	apply: (w: Workspace, finding: Finding) => void;
	/** A notice that stays by design after the fix, with the reason; nothing else may. */
	stays?: { rule: string; reason: string };
}

/** A 1 × 1 PNG, enough for the image rules and the content-file check. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The `incorporated` list a scenario takes out of an update, to put back as its fix says. */
let removedList = '';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
/** Appends a paragraph to a module's body. */
const addToBody = (text: string, paragraph: string) => `${text.trimEnd()}\n\n${paragraph}\n`;
/** Replaces one line of a file, counted from 1. */
const replaceLine = (text: string, line: number, change: (line: string) => string) =>
	text
		.split('\n')
		.map((current, index) => (index === line - 1 ? change(current) : current))
		.join('\n');
const UPDATE = 'updates/2026-11-10-kettle-presets.md';
const INFUSER = 'updates/2026-10-20-teapot-infuser.md';
const TRACK = 'tracks/tea-foundations.yaml';
const SERVING = 'modules/serving.mdx';
const BREWING = 'modules/brewing-basics.mdx';
const WATER = 'modules/water-temperature.mdx';
const ARCHIVE = 'archive/brewing-basics/v1.mdx';

/**
 * The fixture as shipped has a review falling due and a platform change pending, on purpose; the
 * clean copy is the fixture after their own fixes, which the first two scenarios check.
 */
function resolveReviewDue(w: Workspace): void {
	// "Check the module against the platforms, then set `reviewed` to the day you did."
	w.edit(WATER, (text) => text.replace(/^reviewed: .*$/m, `reviewed: ${TODAY}`));
}

function resolvePendingUpdate(w: Workspace): void {
	for (const id of ['water-temperature', 'serving']) {
		// "Revise the module and release it with `npm run release -- <id> minor "…" --kind platform-change`"
		w.edit(`modules/${id}.mdx`, (text) => addToBody(text, 'Kettles with presets make this easier: pick the preset nearest the temperature above.'));
		w.script('release', id, 'minor', 'Covers kettle temperature presets.', '--kind', 'platform-change');
	}
	// "…then, in updates/…, list each module with the version that absorbed it under `incorporated`,
	// and set `status: incorporated` once every module it names is revised."
	const version = (id: string) => /^version: (.*)$/m.exec(w.read(`modules/${id}.mdx`))![1]!;
	w.edit(UPDATE, (text) =>
		text.replace(/^---\n\n/m, `status: incorporated\nincorporated:\n  - module: water-temperature\n    version: ${version('water-temperature')}\n  - module: serving\n    version: ${version('serving')}\n---\n\n`)
	);
}

const withFinnish = (w: Workspace) => w.edit('curriculum.yaml', (text) => `${text.trimEnd()}\nlocales: [en, fi]\n`);
/** The tea track and the infuser update in Finnish, as a translator writes them. */
const TRACK_FI = 'title: Teen perusteet\nsummary: Kiehuvasta vedestä jaettavaan kannuun.\naudience: Kaikille, joilla on vedenkeitin.\ncertificate:\n  title: Teen perusteet\n';
const INFUSER_FI = '---\ntitle: Teekannuissa on nyt haudutin\nsummary: Uusissa teekannuissa on irrotettava haudutinkori.\n---\n\nUusien teekannujen mukana tulee haudutinkori.\n';

const SCENARIOS: Scenario[] = [
	// Freshness: the two findings the fixture ships with, made again on the clean copy.
	{
		rule: 'review-due',
		mistake: 'a review left overdue',
		make: (w) => w.edit(WATER, (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-10')),
		finding: {
			file: WATER,
			message: 'The module was last reviewed on 2020-01-10 and was due for review on 2021-01-09.',
			fix: 'Check the module against the platforms, then set `reviewed` to the day you did (with a patch release if anything changed).',
		},
		apply: resolveReviewDue,
	},
	{
		rule: 'pending-update',
		mistake: 'a platform change recorded, its modules not yet revised',
		make: (w) => w.write(UPDATE, readFileSync(join(fixtureContent('valid-course'), UPDATE), 'utf8')),
		finding: {
			file: SERVING,
			message: 'The platform update "Kettles gain temperature presets" (updates/2026-11-10-kettle-presets.md) affects this module and is still pending.',
			fix: 'Revise the module and release it with `npm run release -- serving minor "…" --kind platform-change`; then, in updates/2026-11-10-kettle-presets.md, list `- module: serving` with `version:` the new version under `incorporated`, and set `status: incorporated` once every module it names is revised.',
		},
		apply: resolvePendingUpdate,
	},

	// Fields and YAML.
	{
		rule: 'schema',
		mistake: 'a field name misspelt',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^summary:/m, 'sumary:')),
		finding: { file: SERVING, message: 'Unknown field `sumary` in the module frontmatter.', fix: 'Did you mean `summary`? Rename the field or remove it.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^sumary:/m, 'summary:')),
	},
	{
		rule: 'schema',
		mistake: 'a title left as spaces only',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^title: .*$/m, 'title: "   "')),
		finding: { file: SERVING, message: '`title` is empty: it holds only spaces, and readers would see nothing there.', fix: 'Write the text after `title:` on its line, in double quotes if it holds a colon.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^title: .*$/m, 'title: Serving')),
	},
	{
		rule: 'schema',
		mistake: "a question's right answer written beside its choices",
		make: (w) =>
			w.edit(SERVING, (text) =>
				text.replace('        correct: true\n', '').replace('  - question: Milk first or last?\n', '  - question: Milk first or last?\n    answer: Last, so you can judge the strength\n')
			),
		finding: {
			file: SERVING,
			message: 'Unknown field `quiz[0].answer` in the module frontmatter.',
			fix: 'Remove `answer`: the right answer is marked on its choice. Under `choices`, add `correct: true` to the right one, on a line of its own indented like its `text:`.',
		},
		apply: (w) =>
			w.edit(SERVING, (text) =>
				text.replace(/^ {4}answer: .*\n/m, '').replace('      - text: Last, so you can judge the strength\n', '      - text: Last, so you can judge the strength\n        correct: true\n')
			),
	},
	{
		rule: 'schema',
		mistake: 'a required field left out',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^level: .*\n/m, '')),
		finding: { file: SERVING, message: 'The required field `level` is missing from the module frontmatter.', fix: 'Add `level:` with one of: beginner, expert.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^duration:/m, 'level: expert\nduration:')),
	},
	{
		rule: 'schema',
		mistake: 'a date written the European way',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 01.10.2026')),
		finding: {
			file: SERVING,
			message: '`reviewed`: "01.10.2026" is not a date in the form YYYY-MM-DD, like 2026-11-23.',
			fix: 'Write the date as year-month-day with two-digit months and days, for example 2026-03-07 for 7 March 2026.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('reviewed: 01.10.2026', 'reviewed: 2026-10-01')),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a value with ": " in it, unquoted',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^summary: .*$/m, 'summary: Milk: before or after')),
		finding: { file: SERVING, message: 'The value of `summary` contains ": ", which YAML reads as the start of another field.', fix: 'Put the value in double quotes: summary: "Milk: before or after".' },
		// The fix spells out the corrected line; it replaces the line the finding points at.
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, () => /: (summary: ".*")\.$/.exec(f.fix)![1]!)),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a field indented two spaces too far',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^duration:/m, '  duration:')),
		finding: { file: SERVING, message: "This line is indented 2 spaces more than the line above it, so YAML reads it as part of that line's value.", fix: 'Start this line at the beginning of the line, like the one above it.', line: (w) => lineOf(w.read(SERVING), '  duration:') },
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => line.trimStart())),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a list opened with "[" and not closed',
		make: (w) => w.edit(SERVING, (text) => text.replace('platforms: [teapot]', 'platforms: [teapot')),
		finding: { file: SERVING, message: 'A list or set of fields opened with "[" is not closed with "]".', fix: 'Close it with "]" on the same line, or write the items as a list, one "- " line each.', line: (w) => lineOf(w.read(SERVING), 'platforms: [teapot') },
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => `${line}]`)),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a list not closed, above lines that hold lists',
		make: (w) => w.edit(INFUSER, (text) => text.replace('platforms: [teapot]', 'platforms: [teapot')),
		finding: { file: INFUSER, message: 'A list or set of fields opened with "[" is not closed with "]".', fix: 'Close it with "]" on the same line, or write the items as a list, one "- " line each.', line: (w) => lineOf(w.read(INFUSER), 'platforms: [teapot') },
		apply: (w, f) => w.edit(INFUSER, (text) => replaceLine(text, f.line, (line) => `${line}]`)),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a title opened with a double quote and not closed',
		make: (w) => w.edit(SERVING, (text) => text.replace('title: Serving\n', 'title: "Serving\n')),
		finding: {
			file: SERVING,
			message: 'A value opened with " is not closed: YAML reads everything after it, the next lines too, as one value.',
			fix: 'End the value with " on the same line (a " inside it is written \\"), or remove the opening ".',
			line: (w) => lineOf(w.read(SERVING), 'title: "Serving'),
		},
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => `${line}"`)),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'an outcome opened with a single quote and not closed, above other items',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^(outcomes:\n  - )(.*)$/m, "$1'$2")),
		finding: {
			file: SERVING,
			message: "A value opened with ' is not closed: YAML reads everything after it, the next lines too, as one value.",
			fix: "End the value with ' on the same line (a ' inside it is written ''), or remove the opening '.",
			line: (w) => lineOf(w.read(SERVING), "outcomes:\n  - '") + 1,
		},
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => `${line.replace(/'/g, "''").replace("- ''", "- '")}'`)),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'an apostrophe inside a title in single quotes',
		make: (w) => w.edit(SERVING, (text) => text.replace('title: Serving\n', "title: 'The host's pour'\n")),
		finding: {
			file: SERVING,
			message: 'The value in \' quotes ends at the \' after "The host": YAML cannot read the "s pour\'" that follows it.',
			fix: 'Write the \' inside it twice, \'The host\'\'s pour\', or put the value in double quotes: "The host\'s pour".',
			line: (w) => lineOf(w.read(SERVING), "title: 'The host"),
		},
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, () => "title: 'The host''s pour'")),
	},
	{
		rule: 'update-status',
		mistake: 'the module of an incorporated update misspelt in `incorporated`',
		make: (w) => w.edit(INFUSER, (text) => text.replace('  - module: brewing-basics\n', '  - module: brewing-basic\n')),
		finding: {
			file: INFUSER,
			message: '`incorporated[0].module`: "brewing-basic" is not one of the modules this update affects (`modules`).',
			fix: '`modules` names "brewing-basics" here: spell the module\'s id the same way in both, as its file in modules/ is named.',
			line: (w) => lineOf(w.read(INFUSER), 'module: brewing-basic\n'),
		},
		apply: (w) => w.edit(INFUSER, (text) => text.replace('module: brewing-basic\n', 'module: brewing-basics\n')),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a tab in the indentation',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^outcomes:\n {2}- /m, 'outcomes:\n\t- ')),
		finding: {
			file: SERVING,
			message: 'This line is indented with a tab, and YAML accepts only spaces for indentation.',
			fix: 'Replace the tab with spaces: two spaces for each level, as in the lines around it. Most editors can show tabs and convert them.',
			line: (w) => lineOf(w.read(SERVING), '\t- '),
		},
		// The item is one level in, under `outcomes:`.
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => line.replace('\t', '  '))),
	},
	{
		rule: 'missing-file',
		mistake: 'the curriculum config deleted',
		make: (w) => w.remove('curriculum.yaml'),
		finding: {
			file: 'curriculum.yaml',
			message: 'The curriculum config curriculum.yaml is missing.',
			fix: 'Create curriculum.yaml with at least title, tagline, site and repository, and the `levels` and `platforms` that modules name; if it was deleted by mistake, restore it from git instead (`git checkout -- curriculum.yaml`).',
		},
		// No git here: create it, with the levels and platforms the modules name.
		apply: (w) =>
			w.write(
				'curriculum.yaml',
				'title: Steeped\ntagline: A small open course on making tea well.\nsite: https://steeped.example.org\nrepository: https://github.com/example/steeped\nlevels:\n  - id: beginner\n    name: Beginner\n  - id: expert\n    name: Expert\nplatforms:\n  - id: kettle\n    name: Kettle\n  - id: teapot\n    name: Teapot\n'
			),
	},
	{
		rule: 'missing-frontmatter',
		mistake: 'the opening `---` deleted',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^---\n/, '')),
		finding: { file: SERVING, message: 'The file does not start with YAML frontmatter between two `---` lines.', fix: 'Start the file with `---`, the fields, and `---`; `npm run new` writes a valid file to copy from.' },
		apply: (w) => w.edit(SERVING, (text) => `---\n${text}`),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a module saved as .md',
		make: (w) => w.rename(SERVING, 'modules/serving.md'),
		finding: { file: 'modules/serving.md', message: 'modules/ holds only .mdx files, so "serving.md" would be ignored.', fix: 'Rename it to end in .mdx, or move it out of modules/.' },
		apply: (w) => w.rename('modules/serving.md', SERVING),
	},
	{
		rule: 'invalid-id',
		mistake: 'a module file named with a capital',
		make: (w) => w.rename(SERVING, 'modules/Serving.mdx'),
		finding: { file: 'modules/Serving.mdx', message: 'The file name "Serving.mdx" does not make a valid id: ids are lower-case words joined by hyphens.', fix: 'Rename the file to serving.mdx.' },
		apply: (w) => w.rename('modules/Serving.mdx', SERVING),
	},
	{
		rule: 'invalid-id',
		mistake: 'an update named with its date alone, as a title with no Latin letters left it',
		make: (w) => w.rename(UPDATE, 'updates/2026-11-10-.md'),
		finding: {
			file: 'updates/2026-11-10-.md',
			message: 'The file name "2026-11-10-.md" does not make a valid id: ids are lower-case words joined by hyphens.',
			fix: 'Rename the file to 2026-11-10-<words>.md, putting after the date a few words in lower-case Latin letters (a to z) and digits, joined by hyphens, that say what changed, as in 2026-11-10-new-limits.md: the date alone is no name.',
		},
		apply: (w) => w.rename('updates/2026-11-10-.md', UPDATE),
	},
	{
		rule: 'update-date',
		mistake: 'an update named with its date and nothing after it',
		make: (w) => w.rename(UPDATE, 'updates/2026-11-10.md'),
		finding: {
			file: 'updates/2026-11-10.md',
			message: 'The file name is a date alone: updates are named updates/<YYYY-MM-DD>-<words>.md, with a few words after the date that say what changed.',
			fix: 'Rename the file to updates/2026-11-10-<words>.md, the words in lower-case Latin letters and digits joined by hyphens, as in 2026-11-10-new-limits.md.',
		},
		apply: (w) => w.rename('updates/2026-11-10.md', UPDATE),
	},
	{
		rule: 'invalid-id',
		mistake: 'a module file named in another script',
		make: (w) => w.rename(SERVING, 'modules/чай.mdx'),
		finding: {
			file: 'modules/чай.mdx',
			message: 'The file name "чай.mdx" does not make a valid id: ids are lower-case words joined by hyphens.',
			fix: 'Rename the file with a few words in lower-case Latin letters (a to z) and digits, joined by hyphens, as in first-steps.mdx: the name becomes the address, and its letters must be Latin.',
		},
		apply: (w) => w.rename('modules/чай.mdx', SERVING),
	},
	{
		rule: 'invalid-id',
		mistake: 'a translation named with a capital, whose new name must keep its locale',
		make: (w) => {
			withFinnish(w);
			w.write('modules/Brewing-Basics.fi.mdx', brewingFi());
		},
		finding: { file: 'modules/Brewing-Basics.fi.mdx', message: 'The file name "Brewing-Basics.fi.mdx" does not make a valid id: ids are lower-case words joined by hyphens.', fix: 'Rename the file to brewing-basics.fi.mdx.' },
		apply: (w) => w.rename('modules/Brewing-Basics.fi.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'invalid-id',
		mistake: 'a translation named with "_" before its locale',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics_fi.mdx', brewingFi());
		},
		finding: {
			file: 'modules/brewing-basics_fi.mdx',
			message: 'The file name "brewing-basics_fi.mdx" does not make a valid id; it looks like a translation of modules/brewing-basics.mdx into "fi".',
			fix: "Rename the file to brewing-basics.fi.mdx: a translation's name puts a dot before its locale.",
		},
		apply: (w) => w.rename('modules/brewing-basics_fi.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'invalid-id',
		mistake: 'a translation named with "-" before its locale, which makes it a module of its own',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics-fi.mdx', brewingFi());
		},
		finding: {
			file: 'modules/brewing-basics-fi.mdx',
			message: '"brewing-basics-fi.mdx" holds a translation of modules/brewing-basics.mdx into "fi", but its name makes it a module of its own, "brewing-basics-fi".',
			fix: "Rename the file to brewing-basics.fi.mdx: a translation's name puts a dot before its locale.",
		},
		apply: (w) => w.rename('modules/brewing-basics-fi.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'invalid-id',
		mistake: 'a track translation named with "-" before its locale',
		make: (w) => {
			withFinnish(w);
			w.write('tracks/tea-foundations-fi.yaml', TRACK_FI);
		},
		finding: {
			file: 'tracks/tea-foundations-fi.yaml',
			message: '"tea-foundations-fi.yaml" holds a translation of tracks/tea-foundations.yaml into "fi", but its name makes it a track of its own, "tea-foundations-fi".',
			fix: "Rename the file to tea-foundations.fi.yaml: a translation's name puts a dot before its locale.",
		},
		apply: (w) => w.rename('tracks/tea-foundations-fi.yaml', 'tracks/tea-foundations.fi.yaml'),
	},
	{
		rule: 'invalid-id',
		mistake: 'an archived major named in words',
		make: (w) => w.rename(ARCHIVE, 'archive/brewing-basics/version-1.mdx'),
		finding: {
			file: 'archive/brewing-basics/version-1.mdx',
			message: 'Archived versions are named v<major>.mdx, but this file is "version-1.mdx".',
			fix: 'Rename it after the major version it freezes: archive/brewing-basics/v1.mdx, as its version is 1.0.0.',
		},
		apply: (w) => w.rename('archive/brewing-basics/version-1.mdx', ARCHIVE),
	},
	{
		rule: 'invalid-id',
		mistake: 'a 0.x pre-release archived when it became 1.0.0',
		make: (w) => w.write('archive/serving/v0.mdx', w.read(SERVING).replace(/\b1\.(\d+)\.(\d+)\b/g, '0.$1.$2')),
		finding: { file: 'archive/serving/v0.mdx', message: 'Version 0 is a pre-release, and pre-releases are not archived: there is no v0 address to keep.', fix: "Delete archive/serving/v0.mdx; the module's first major release, 1.0.0, needs no archive." },
		apply: (w) => w.remove('archive/serving/v0.mdx'),
	},

	// References between files.
	{
		rule: 'unknown-module',
		mistake: 'a module id misspelt in a track',
		make: (w) => w.edit(TRACK, (text) => text.replace('  - serving', '  - servng')),
		finding: { file: TRACK, message: 'The track "tea-foundations" names the module "servng", but there is no modules/servng.mdx.', fix: 'Did you mean "serving"?' },
		apply: (w) => w.edit(TRACK, (text) => text.replace('  - servng', '  - serving')),
	},
	{
		rule: 'unknown-value',
		mistake: 'a level misspelt',
		make: (w) => w.edit(SERVING, (text) => text.replace('level: expert', 'level: expret')),
		finding: { file: SERVING, message: 'The level "expret" is not one of the curriculum\'s levels.', fix: 'Did you mean "expert"?' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('level: expret', 'level: expert')),
	},
	{
		rule: 'unknown-value',
		mistake: 'a platform the curriculum does not have',
		make: (w) => w.edit(SERVING, (text) => text.replace('platforms: [teapot]', 'platforms: [teapot, samovar]')),
		finding: { file: SERVING, message: 'The platform "samovar" is not in the curriculum\'s platforms.', fix: 'Use one of: kettle, teapot; or add it to `platforms` in curriculum.yaml.' },
		// The second way: the curriculum gains the platform.
		apply: (w) => w.edit('curriculum.yaml', (text) => text.replace('levels:', 'levels:').replace('  - id: teapot\n    name: Teapot\n', '  - id: teapot\n    name: Teapot\n  - id: samovar\n    name: Samovar\n')),
	},
	{
		rule: 'duplicate-id',
		mistake: 'a module listed twice in a track',
		make: (w) => w.edit(TRACK, (text) => text.replace('  - serving\n', '  - serving\n  - serving\n')),
		finding: { file: TRACK, message: 'The track lists the module "serving" twice.', fix: 'Remove the second "serving" from `modules`.' },
		apply: (w) => w.edit(TRACK, (text) => text.replace('  - serving\n  - serving\n', '  - serving\n')),
	},
	{
		rule: 'prerequisite-cycle',
		mistake: 'two modules that need each other',
		make: (w) => w.edit(BREWING, (text) => text.replace('prerequisites: [water-temperature]', 'prerequisites: [water-temperature, serving]')),
		finding: {
			file: BREWING,
			message: 'Prerequisites form a cycle: brewing-basics → serving → brewing-basics.',
			fix: 'Remove "serving" from the prerequisites of "brewing-basics" (the line shown), or another link of the cycle, so that the modules can be taken in some order.',
		},
		apply: (w) => w.edit(BREWING, (text) => text.replace('prerequisites: [water-temperature, serving]', 'prerequisites: [water-temperature]')),
	},
	{
		rule: 'prerequisite-order',
		mistake: 'a module placed before its prerequisite in a track',
		make: (w) => w.edit(TRACK, (text) => text.replace('  - brewing-basics\n  - serving\n', '  - serving\n  - brewing-basics\n')),
		finding: { file: TRACK, message: '"serving" comes before its prerequisite "brewing-basics" in the track.', fix: 'Move "brewing-basics" above "serving" in `modules`.' },
		apply: (w) => w.edit(TRACK, (text) => text.replace('  - brewing-basics\n', '').replace('  - serving\n', '  - brewing-basics\n  - serving\n')),
	},
	{
		rule: 'changelog-version',
		mistake: 'the version raised by hand, without a changelog entry',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1.1.1')),
		finding: {
			file: SERVING,
			message: "`changelog[0].version`: The newest changelog entry is 1.1.0 but the module's version is 1.1.1.",
			fix: 'Add a changelog entry for 1.1.1 at the top of `changelog`, or set `version` to 1.1.0. `npm run release` does both.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^changelog:\n/m, `changelog:\n  - version: 1.1.1\n    date: ${TODAY}\n    kind: fixed\n    summary: Corrected the timing.\n`)),
	},
	{
		rule: 'changelog-version',
		mistake: "a new release's entry given a version below the release under it",
		make: (w) =>
			w.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1.1.1').replace(/^changelog:\n/m, `changelog:\n  - version: 1.0.2\n    date: ${TODAY}\n    kind: fixed\n    summary: Corrected the timing.\n`)),
		finding: {
			file: SERVING,
			message: "`changelog[0].version`: The newest changelog entry is 1.0.2 but the module's version is 1.1.1.",
			fix: "Write 1.1.1 as the version of the top entry, if it is this release's (versions only go up, so it must be above 1.1.0), or add an entry for 1.1.1 above it. `npm run release` writes the entry.",
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('  - version: 1.0.2\n', '  - version: 1.1.1\n')),
	},
	{
		rule: 'changelog-order',
		mistake: 'the oldest release listed first',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^changelog:\n((?: {2}- [\s\S]*?))^quiz:/m, (_, entries: string) => `changelog:\n${entries.split(/(?=^ {2}- )/m).reverse().join('')}quiz:`)),
		finding: { file: SERVING, message: /Changelog versions must decrease from top to bottom/, fix: 'List changelog entries newest first, each with a lower version than the one above it.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^changelog:\n((?: {2}- [\s\S]*?))^quiz:/m, (_, entries: string) => `changelog:\n${entries.split(/(?=^ {2}- )/m).reverse().join('')}quiz:`)),
	},
	{
		rule: 'changelog-order',
		mistake: 'a release dated before the one it follows',
		make: (w) => w.edit(SERVING, (text) => text.replace('  - version: 1.0.1\n    date: 2026-10-01', '  - version: 1.0.1\n    date: 2026-08-01')),
		finding: {
			file: SERVING,
			message: '`changelog[1].date`: Version 1.0.1 is dated 2026-08-01, before the older 1.0.0 (2026-09-01).',
			fix: 'Correct the dates so that no release is dated before the one below it: 1.0.1 on or after 2026-09-01, or 1.0.0 on or before 2026-08-01.',
			line: (w) => lineOf(w.read(SERVING), '    date: 2026-08-01'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('  - version: 1.0.1\n    date: 2026-08-01', '  - version: 1.0.1\n    date: 2026-09-01')),
	},
	{
		rule: 'quiz-sanity',
		mistake: 'a question with no right answer marked',
		make: (w) => w.edit(SERVING, (text) => text.replace('        correct: true\n', '')),
		finding: { file: SERVING, message: '`quiz[0].choices`: Question 1 ("Milk first or last?") has no correct choice.', fix: 'Mark at least one choice with `correct: true`.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('      - text: Last, so you can judge the strength\n', '      - text: Last, so you can judge the strength\n        correct: true\n')),
	},
	{
		rule: 'changelog-kind',
		mistake: 'a patch marked as a major change by hand',
		make: (w) => w.edit(SERVING, (text) => text.replace('    kind: fixed\n    summary: Corrected the milk advice.', '    kind: major\n    summary: Corrected the milk advice.')),
		finding: {
			file: SERVING,
			message: '`changelog[1].kind`: Version 1.0.1 is marked `kind: major`, but it is not a new major version after 1.0.0.',
			fix: 'Use `kind: added`, `changed`, `fixed` or `platform-change` for a minor or a patch; a change that alters outcomes or reverses advice is released with `npm run release -- <id> major "<what changed>"`.',
			line: (w) => lineOf(w.read(SERVING), '    kind: major'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('    kind: major\n', '    kind: fixed\n')),
	},
	{
		rule: 'quiz-sanity',
		mistake: 'a question with every choice marked right',
		make: (w) => w.edit(SERVING, (text) => text.replace('      - text: First, always\n', '      - text: First, always\n        correct: true\n')),
		finding: {
			file: SERVING,
			message: '`quiz[0].choices`: Question 1 ("Milk first or last?") has every choice marked correct, so ticking them all passes it without reading the module.',
			fix: 'Replace one choice with a mistake a reader of the module would rule out, marked `correct: false`, with an explanation of why it is wrong.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('      - text: First, always\n        correct: true\n', '      - text: First, always\n        correct: false\n')),
	},
	{
		rule: 'update-status',
		mistake: 'an update citing a version the module never had',
		make: (w) => w.edit(INFUSER, (text) => text.replace('version: 2.1.0', 'version: 2.2.0')),
		finding: { file: INFUSER, message: 'The update says "brewing-basics" absorbed it in 2.2.0, but that module\'s changelog has no 2.2.0.', fix: "Use a version from modules/brewing-basics.mdx's changelog (current: 2.1.0)." },
		apply: (w) => w.edit(INFUSER, (text) => text.replace('version: 2.2.0', 'version: 2.1.0')),
	},
	{
		rule: 'update-status',
		mistake: 'an update said absorbed by a release made before the change',
		make: (w) => w.edit(INFUSER, (text) => text.replace('version: 2.1.0', 'version: 2.0.0')),
		finding: {
			file: INFUSER,
			message: 'The update says "brewing-basics" absorbed it in 2.0.0, released on 2026-06-01, before the change it records (2026-10-20).',
			fix: 'Release modules/brewing-basics.mdx with the change (`npm run release -- brewing-basics minor "<what changed>" --kind platform-change`) and name the new version here; or, if the platform made or announced the change earlier, correct this update\'s `date`.',
		},
		apply: (w) => {
			w.script('release', 'brewing-basics', 'minor', 'Covers the infuser again.', '--kind', 'platform-change');
			w.edit(INFUSER, (text) => text.replace('version: 2.0.0', `version: ${/^version: (.*)$/m.exec(w.read('modules/brewing-basics.mdx'))![1]}`));
		},
	},
	{
		rule: 'update-status',
		mistake: 'an update marked incorporated with a module left out',
		make: (w) => w.edit(UPDATE, (text) => text.replace(/ {2}- module: serving\n {4}version: .*\n/, '')),
		finding: { file: UPDATE, message: '`incorporated`: The update is marked incorporated, but no version is given for "serving".', fix: 'Add `{ module: serving, version: <the version that absorbed it> }` to `incorporated`, or set `status: pending`.' },
		apply: (w) => w.edit(UPDATE, (text) => text.replace(/^incorporated:\n/m, `incorporated:\n  - { module: serving, version: ${/^version: (.*)$/m.exec(w.read(SERVING))![1]} }\n`)),
	},
	{
		rule: 'update-status',
		mistake: 'an update marked incorporated with no list of the versions that absorbed it',
		make: (w) => w.edit(UPDATE, (text) => text.replace(/^incorporated:\n(?: .*\n)*/m, (list) => ((removedList = list), ''))),
		finding: {
			file: UPDATE,
			message: '`status`: The update is marked incorporated, but no version is given for "water-temperature", "serving".',
			fix: 'Add `{ module: water-temperature, version: <the version that absorbed it> }` to `incorporated`, or set `status: pending`.',
			line: (w) => lineOf(w.read(UPDATE), 'status: incorporated'),
		},
		// The versions that absorbed it, as they were before the list was lost.
		apply: (w) => w.edit(UPDATE, (text) => text.replace(/^status: incorporated\n/m, (line) => `${line}${removedList}`)),
	},
	{
		rule: 'archive-version',
		mistake: "an archived major edited to another version",
		base: true,
		make: (w) => w.edit(ARCHIVE, (text) => text.replaceAll('1.0.0', '2.0.0')),
		finding: {
			file: ARCHIVE,
			message: 'The file is v1.mdx but its version is 2.0.0.',
			fix: 'Restore archive/brewing-basics/v1.mdx as it was archived (for example `git checkout origin/main -- archive/brewing-basics/v1.mdx`): an archived major stays exactly as it was released, and corrections go into the current version.',
		},
		// Here the default branch is the base the copy was committed as.
		apply: (w) => w.git('checkout', 'HEAD', '--', `content/${ARCHIVE}`),
	},
	{
		rule: 'changelog-version',
		mistake: "an archived major's version changed by hand",
		base: true,
		make: (w) => w.edit(ARCHIVE, (text) => text.replace(/^version: 1\.0\.0$/m, 'version: 1.0.1')),
		finding: {
			file: ARCHIVE,
			message: "`changelog[0].version`: The newest changelog entry is 1.0.0 but the module's version is 1.0.1.",
			fix: 'Restore archive/brewing-basics/v1.mdx as it was archived (for example `git checkout origin/main -- archive/brewing-basics/v1.mdx`): an archived major stays exactly as it was released, and corrections go into the current version.',
		},
		apply: (w) => w.git('checkout', 'HEAD', '--', `content/${ARCHIVE}`),
	},
	{
		rule: 'archive-version',
		mistake: 'a major release archived by hand under the wrong name',
		make: (w) => {
			w.script('release', 'brewing-basics', 'major', 'Reversed the advice on milk.');
			w.rename('archive/brewing-basics/v2.mdx', 'archive/brewing-basics/v3.mdx');
		},
		finding: { file: 'archive/brewing-basics/v3.mdx', message: 'The file is v3.mdx but its version is 2.1.0.', fix: 'Rename the file to v2.mdx, the major it holds.' },
		apply: (w) => w.rename('archive/brewing-basics/v3.mdx', 'archive/brewing-basics/v2.mdx'),
	},
	{
		rule: 'archive-version',
		mistake: 'the current major archived',
		make: (w) => w.write('archive/brewing-basics/v2.mdx', w.read(BREWING)),
		finding: {
			file: 'archive/brewing-basics/v2.mdx',
			message: "v2 is archived, but the module's current version 2.1.0 is not a later major.",
			fix: 'Delete archive/brewing-basics/v2.mdx: the current major, v2, is served from modules/brewing-basics.mdx, and archives hold only earlier majors.',
		},
		apply: (w) => w.remove('archive/brewing-basics/v2.mdx'),
	},
	{
		rule: 'future-date',
		mistake: 'a review dated next week',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2026-11-30')),
		finding: { file: SERVING, message: `The review date is 2026-11-30, which is after today (${TODAY}).`, fix: `Use the date it actually happened, no later than ${TODAY}.` },
		apply: (w) => w.edit(SERVING, (text) => text.replace('reviewed: 2026-11-30', `reviewed: ${TODAY}`)),
	},
	{
		rule: 'orphan-module',
		mistake: 'a module taken out of its track',
		make: (w) => w.edit(TRACK, (text) => text.replace('  - brewing-basics\n', '')),
		finding: {
			file: BREWING,
			message: 'The module "brewing-basics" is in no track, so learners only find it by search.',
			fix: 'Add "brewing-basics" to `modules` in the track it belongs to under tracks/, after "water-temperature" (its prerequisite) and before "serving" (which builds on it).',
		},
		apply: (w) => w.edit(TRACK, (text) => text.replace('  - water-temperature\n', '  - water-temperature\n  - brewing-basics\n')),
	},

	// Drafts, links and standards.
	{
		rule: 'module-standards',
		mistake: 'a module without the knowledge check the curriculum asks for',
		make: (w) => {
			w.edit('curriculum.yaml', (text) => `${text}standards:\n  minQuestions: 1\n`);
			w.edit(SERVING, (text) => text.replace(/^quiz:\n[\s\S]*?(?=^---$)/m, ''));
		},
		finding: {
			file: SERVING,
			message: 'The knowledge check has 0 questions; the curriculum asks for at least 1.',
			fix: 'Add questions that ask the learner to apply the module to a situation, each with at least 2 choices, the right ones marked `correct: true`, and an explanation for every choice.',
		},
		apply: (w) =>
			w.edit(SERVING, (text) =>
				text.replace(
					/^---\n\n/m,
					'quiz:\n  - question: A guest likes strong tea. When do you pour the milk?\n    choices:\n      - text: After the tea, so the strength can be judged\n        correct: true\n        explanation: The colour shows the strength before the milk goes in.\n      - text: Before the tea, always\n        explanation: Then the strength cannot be seen.\n---\n\n'
				)
			),
	},
	{
		rule: 'quiz-choices',
		mistake: 'a question with fewer choices than the curriculum asks for',
		make: (w) => {
			w.edit('curriculum.yaml', (text) => `${text}standards:\n  minChoices: 3\n`);
			const third = '      - text: Let it cool for ten minutes first\n        explanation: Cooling changes the taste, not the answer to this question.\n';
			w.edit(BREWING, (text) => text.replace(/^---\n\n/m, `${third}---\n\n`));
			w.edit(WATER, (text) => text.replace(/^---\n\n/m, `${third}---\n\n`));
		},
		finding: {
			file: SERVING,
			message: 'Question 1 has 2 choices; the curriculum asks for at least 3.',
			fix: 'Add a choice that a practitioner could really pick by mistake, with an explanation of why it is wrong.',
		},
		apply: (w) =>
			w.edit(SERVING, (text) =>
				text.replace(/^---\n\n/m, '      - text: Halfway, to cool the tea to drinking temperature\n        explanation: Milk added halfway still hides the colour, so the strength cannot be judged.\n---\n\n')
			),
	},
	{
		rule: 'quiz-giveaway',
		mistake: 'a "none of the above" choice',
		make: (w) => w.edit(SERVING, (text) => text.replace('text: First, always', 'text: None of the above')),
		finding: {
			file: SERVING,
			message: 'Choice 2 of question 1 says "None of the above", which can be judged without knowing the subject.',
			fix: 'Replace it with a specific mistake a practitioner could make, and explain why it is wrong.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('text: None of the above', 'text: First, so the hot tea does not crack the cup')),
	},
	{
		rule: 'quiz-longest-answer',
		mistake: 'a knowledge check won by always picking the longest choice',
		make: (w) => {
			w.edit('curriculum.yaml', (text) => `${text}standards:\n  longestRightPerModule: 50\n`);
			w.edit(BREWING, (text) => text.replace('text: Add more leaf', 'text: Add more leaf to the pot'));
		},
		finding: {
			file: SERVING,
			message: 'The right answer is the longest choice in 1 of 1 questions (question 1); the curriculum allows at most 50%.',
			fix: 'Make the wrong choices as specific as the right one (a concrete action, a number, a reason), or say the right one more briefly; do not pad.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('text: First, always', 'text: First, so the hot tea does not crack the cup')),
	},
	{
		rule: 'quiz-shortest-answer',
		mistake: 'a knowledge check won by always picking the shortest choice',
		make: (w) => w.edit('curriculum.yaml', (text) => `${text}standards:\n  shortestRightPerModule: 50\n`),
		finding: {
			file: WATER,
			message: 'The right answer is the shortest choice in 1 of 1 questions (question 1); the curriculum allows at most 50%.',
			fix: 'Give the right choice its reason or condition as the wrong ones have theirs, or say a wrong one more briefly; do not pad.',
		},
		apply: (w) => w.edit(WATER, (text) => text.replace('text: Water just off the boil', 'text: Boiling water')),
	},
	{
		rule: 'translation-locale',
		mistake: 'a translation named with a language the curriculum does not have',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.sv.mdx', brewingFi());
		},
		finding: {
			file: 'modules/brewing-basics.sv.mdx',
			message: '"sv" is not one of the curriculum\'s locales (en, fi).',
			fix: 'Name the file brewing-basics.<locale>.mdx with one of fi, or add "sv" to `locales` in curriculum.yaml.',
		},
		apply: (w) => w.rename('modules/brewing-basics.sv.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'translation-locale',
		mistake: 'a translation named with its locale in capitals',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.FI.mdx', brewingFi());
		},
		finding: { file: 'modules/brewing-basics.FI.mdx', message: '"FI" is not one of the curriculum\'s locales (en, fi), which write it as "fi".', fix: 'Did you mean "fi"? Rename the file to brewing-basics.fi.mdx.' },
		apply: (w) => w.rename('modules/brewing-basics.FI.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'translation-locale',
		mistake: 'a translation named with its language and region where the curriculum has the language alone',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi-FI.mdx', brewingFi());
		},
		finding: { file: 'modules/brewing-basics.fi-FI.mdx', message: '"fi-FI" is not one of the curriculum\'s locales (en, fi), which write it as "fi".', fix: 'Did you mean "fi"? Rename the file to brewing-basics.fi.mdx.' },
		apply: (w) => w.rename('modules/brewing-basics.fi-FI.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'translation-orphan',
		mistake: 'a translation whose file name misspells the module',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basic.fi.mdx', brewingFi());
		},
		finding: { file: 'modules/brewing-basic.fi.mdx', message: 'This translates modules/brewing-basic.mdx, which does not exist.', fix: 'Did you mean "brewing-basics"? Rename the file to brewing-basics.fi.mdx.' },
		apply: (w) => w.rename('modules/brewing-basic.fi.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'translation-version',
		mistake: 'a translation that claims a version the original has not reached',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', brewingFi('2.2.0'));
		},
		finding: {
			file: 'modules/brewing-basics.fi.mdx',
			message: 'The translation says it follows version 2.2.0, but the original is at 2.1.0.',
			fix: 'Set `translates: 2.1.0`, or the version you translated if it was earlier.',
		},
		apply: (w) => w.edit('modules/brewing-basics.fi.mdx', (text) => text.replace('translates: 2.2.0', 'translates: 2.1.0')),
	},
	{
		rule: 'link-language',
		mistake: 'a translation that links to the English page of a module it has in its own language',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', `${brewingFi().trimEnd()}\n\nKertaa [osaamisen tarkistus](/modules/brewing-basics/#knowledge-check).\n`);
		},
		finding: {
			file: 'modules/brewing-basics.fi.mdx',
			message: "The link \"/modules/brewing-basics/#knowledge-check\" leads to the page in the original's language, but this translation's language has that page too.",
			fix: 'Link to "/fi/modules/brewing-basics/#knowledge-check", so that the reader stays in their language.',
		},
		apply: (w) => w.edit('modules/brewing-basics.fi.mdx', (text) => text.replace('](/modules/brewing-basics/#', '](/fi/modules/brewing-basics/#')),
	},
	{
		rule: 'schema',
		mistake: "a translation's `translates:` written with two parts, which YAML reads as a number",
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', brewingFi('2.1'));
		},
		finding: {
			file: 'modules/brewing-basics.fi.mdx',
			message: '`translates` should be a text value, but it is the number 2.1.',
			fix: 'Write the version of the original you translated with its three parts, in double quotes: `translates: "2.1.0"` (major, minor, patch, as the original\'s `version:` gives it).',
		},
		apply: (w) => w.edit('modules/brewing-basics.fi.mdx', (text) => text.replace('translates: 2.1', 'translates: "2.1.0"')),
	},
	{
		rule: 'translation-outdated',
		mistake: 'a translation left behind by a new release of its original',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', brewingFi('2.0.0'));
		},
		finding: {
			file: 'modules/brewing-basics.fi.mdx',
			message: 'The translation follows version 2.0.0; the original is now at 2.1.0.',
			fix: "Translate what the original's changelog lists after 2.0.0, then set `translates: 2.1.0`.",
		},
		// The changelog's 2.1.0 entry covers the teapot infuser; the translator adds it, then raises the version.
		apply: (w) =>
			w.edit('modules/brewing-basics.fi.mdx', (text) => `${text.replace('translates: 2.0.0', 'translates: 2.1.0').trimEnd()}\n\nUuden kannun hauduttimen kanssa aika lasketaan samalla tavalla.\n`),
	},
	{
		rule: 'translation-drift',
		mistake: "a platform update's summary corrected in a pull request that leaves its translation as it was",
		base: true,
		make: (w) => {
			// The translation is merged already; the pull request changes the original alone.
			withFinnish(w);
			w.write('updates/2026-11-10-kettle-presets.fi.md', '---\ntitle: Vedenkeittimiin lämpötilavalinnat\nsummary: Vedenkeittimissä on nyt 70, 80 ja 90 °C:n valinnat.\n---\n\nValinnat tekevät veden jäähdyttelystä vähemmän tarpeellista.\n');
			w.git('add', '-A');
			w.git('commit', '-q', '-m', 'The Finnish edition');
			w.edit(UPDATE, (text) => text.replace('70, 80 and 90 °C presets', '60, 70, 80 and 90 °C presets'));
		},
		finding: {
			file: 'updates/2026-11-10-kettle-presets.fi.md',
			message: 'Since HEAD, updates/2026-11-10-kettle-presets.md changed its summary, and this translation was left as it was: it may now say something the original no longer says.',
			fix: "Bring the same change into this translation's summary in this pull request. If the change leaves the meaning as it was (a typo, a link), change nothing: the warning is about this change only.",
			line: () => 3,
			severity: 'warning',
		},
		apply: (w) => w.edit('updates/2026-11-10-kettle-presets.fi.md', (text) => text.replace('70, 80 ja 90', '60, 70, 80 ja 90')),
	},
	{
		rule: 'translation-shape',
		mistake: 'a translated knowledge check that marks another choice right',
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', brewingFi().replace('        correct: true\n', '').replace('      - text: Lisäät lehteä\n', '      - text: Lisäät lehteä\n        correct: true\n'));
		},
		finding: {
			file: 'modules/brewing-basics.fi.mdx',
			message: 'Question 1 ("Tee maistuu kitkerältä. Mitä muutat ensin?") marks choice 2 right; the original marks choice 1.',
			fix: 'Mark `correct: true` on choice 1 and on no other.',
			line: (w) => lineOf(w.read('modules/brewing-basics.fi.mdx'), 'question: Tee maistuu'),
		},
		apply: (w) =>
			w.edit('modules/brewing-basics.fi.mdx', (text) =>
				text.replace('        correct: true\n', '').replace('      - text: Haudutat lyhyemmän aikaa\n', '      - text: Haudutat lyhyemmän aikaa\n        correct: true\n')
			),
	},
	{
		rule: 'case-source',
		mistake: 'a real case whose source is not among the module\'s sources',
		make: (w) =>
			w.edit(WATER, (text) => addToBody(text, '<Case title="A tea house lowers its water temperature" source="https://example.org/tea-house" date="2020-01">\nWhat happened, as the source says.\n</Case>')),
		finding: {
			file: WATER,
			message: "The case cites https://example.org/tea-house, which is not among the module's sources.",
			fix: 'Add it to `sources` with its title, publisher and the date you read it (`accessed`), or cite a URL that is listed there.',
		},
		apply: (w) =>
			w.edit(WATER, (text) =>
				text.replace(/^sources:\n/m, `sources:\n  - title: A tea house lowers its water temperature\n    publisher: Example Tea News\n    url: https://example.org/tea-house\n    accessed: ${TODAY}\n`)
			),
	},
	{
		rule: 'broken-link',
		mistake: 'a link to a module id misspelt',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](/modules/brewing-basic/) shows.')),
		finding: { file: SERVING, message: 'The link "/modules/brewing-basic/" leads to no page of the curriculum.', fix: 'Did you mean "/modules/brewing-basics/"?' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('/modules/brewing-basic/', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: 'a relative link to a module id misspelt',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](../brewing-basic/) shows.')),
		finding: { file: SERVING, message: 'The link "../brewing-basic/" (/modules/brewing-basic/ on the site) leads to no page of the curriculum.', fix: 'Did you mean "/modules/brewing-basics/"?' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('../brewing-basic/', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: 'a reference-style link whose definition names a module id misspelt',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics][basics] shows.\n\n[basics]: /modules/brewing-basic/')),
		finding: { file: SERVING, message: 'The link "/modules/brewing-basic/" leads to no page of the curriculum.', fix: 'Did you mean "/modules/brewing-basics/"?' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('/modules/brewing-basic/', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: 'a link to a module in a language it is not translated into',
		make: (w) => {
			withFinnish(w);
			w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](/fi/modules/brewing-basics/) shows.'));
		},
		finding: { file: SERVING, message: 'The link "/fi/modules/brewing-basics/" leads to no page: /modules/brewing-basics/ is not translated into that language.', fix: 'Link to the original, "/modules/brewing-basics/".' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('/fi/modules/brewing-basics/', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: 'a link to a module by its id alone, relative to the page',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](brewing-basics/) shows.')),
		finding: { file: SERVING, message: 'The link "brewing-basics/" (/modules/serving/brewing-basics/ on the site) leads to no page of the curriculum.', fix: 'Did you mean "/modules/brewing-basics/"?' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('(brewing-basics/)', '(/modules/brewing-basics/)')),
	},
	{
		rule: 'broken-link',
		mistake: "a link to another module's file, as on GitHub",
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](./brewing-basics.mdx) shows.')),
		finding: { file: SERVING, message: 'The link "./brewing-basics.mdx" leads to a content file, which the site does not publish.', fix: 'Link to its page: "/modules/brewing-basics/".' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('./brewing-basics.mdx', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: "a translation's link to its original's file, as on GitHub",
		make: (w) => {
			withFinnish(w);
			w.write('modules/brewing-basics.fi.mdx', `${brewingFi().trimEnd()}\n\nKertaa [osaamisen tarkistus](./brewing-basics.mdx).\n`);
		},
		finding: { file: 'modules/brewing-basics.fi.mdx', message: 'The link "./brewing-basics.mdx" leads to a content file, which the site does not publish.', fix: 'Link to its page: "/fi/modules/brewing-basics/".' },
		apply: (w) => w.edit('modules/brewing-basics.fi.mdx', (text) => text.replace('./brewing-basics.mdx', '/fi/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: "a link to a module under the originals' language, which has no prefix",
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](/en/modules/brewing-basics/) shows.')),
		finding: { file: SERVING, message: 'The link "/en/modules/brewing-basics/" leads to no page: English is the language of the originals, whose pages have no language prefix.', fix: 'Link to "/modules/brewing-basics/".' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('/en/modules/brewing-basics/', '/modules/brewing-basics/')),
	},
	{
		rule: 'broken-link',
		mistake: "a full address on the curriculum's own site, misspelt",
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Brew it first as [brewing basics](https://steeped.example.org/modules/brewing-basic/) shows.')),
		finding: {
			file: SERVING,
			message: 'The link "https://steeped.example.org/modules/brewing-basic/" (/modules/brewing-basic/ on the site) leads to no page of the curriculum.',
			fix: 'Did you mean "/modules/brewing-basics/"?',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('https://steeped.example.org/modules/brewing-basic/', '/modules/brewing-basics/')),
	},
	{
		rule: 'leftover-todo',
		mistake: 'a scaffold marker left in the body',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'TODO Say when to add sugar.')),
		finding: { file: SERVING, message: 'A scaffold marker is still here: `TODO Say when to add sugar.`.', fix: 'Write the part the marker asks for, then delete the word TODO and any comment after `#` that explains it.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('TODO Say when to add sugar.', 'Add sugar after the milk, so that it dissolves in the warm tea.')),
	},
	{
		rule: 'update-date',
		mistake: "an update dated a day before its file name's date",
		make: (w) => w.edit(INFUSER, (text) => text.replace('date: 2026-10-20', 'date: 2026-10-19')),
		finding: {
			file: INFUSER,
			message: 'The file name says 2026-10-20, but `date:` says 2026-10-19.',
			fix: 'Make them the same day: set `date: 2026-10-20` if the file name is right, or rename the file to 2026-10-19-teapot-infuser.md.',
		},
		apply: (w) => w.edit(INFUSER, (text) => text.replace('date: 2026-10-19', 'date: 2026-10-20')),
	},
	{
		rule: 'plain-text',
		mistake: 'emphasis written as HTML in a title',
		make: (w) => w.edit(SERVING, (text) => text.replace('title: Serving', 'title: Serving <em>well</em>')),
		finding: {
			file: SERVING,
			message: '`title`: "Serving <em>well</em>" holds the markup `<em>`, but it is shown to readers as text.',
			fix: 'Write plain text: remove `<em>` and `</em>`; emphasis and links belong in the body, not in this field. To write the sign "<" itself, put a space after it ("a < b").',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('<em>', '').replace('</em>', '')),
	},

	// Versions, against the default branch.
	{
		rule: 'version-not-bumped',
		mistake: 'a module revised without a release',
		base: true,
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Warm the cups with hot water first.')),
		finding: {
			file: SERVING,
			message: 'The module changed since HEAD but is still version 1.1.0.',
			fix: 'Run `npm run release -- serving patch "<what you corrected>"` (minor for an addition or a platform change, with `--kind added` or `--kind platform-change`; major when outcomes change or advice is reversed).',
		},
		// An addition: "minor for an addition".
		apply: (w) => w.script('release', 'serving', 'minor', 'Added warming the cups.'),
	},
	{
		rule: 'changelog-version',
		mistake: 'the version lowered by a slip',
		make: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1.0.1')),
		finding: {
			file: SERVING,
			message: "`changelog[0].version`: The newest changelog entry is 1.1.0 but the module's version is 1.0.1.",
			fix: 'Set `version` to 1.1.0, the newest release in the changelog: versions only go up, and `npm run release` raises one with its changelog entry.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1\.0\.1$/m, 'version: 1.1.0')),
	},
	{
		rule: 'version-lowered',
		mistake: 'an older copy of a module saved over the current one',
		base: true,
		make: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1.0.1').replace(/^ {2}- version: 1\.1\.0\n(?: {4}.*\n)+/m, '')),
		finding: {
			file: SERVING,
			message: 'The version went down from 1.1.0 (at HEAD) to 1.0.1.',
			fix: 'Put the version back to 1.1.0, with the changelog entries it had at HEAD: courses may already cite 1.1.0. Then release your change from there with `npm run release -- serving patch "<what you corrected>"`.',
		},
		apply: (w) => {
			const entry = /^ {2}- version: 1\.1\.0\n(?: {4}.*\n)+/m.exec(w.git('show', `HEAD:content/${SERVING}`))![0];
			w.edit(SERVING, (text) => text.replace(/^version: 1\.0\.1$/m, 'version: 1.1.0').replace(/^changelog:\n/m, `changelog:\n${entry}`));
			w.script('release', 'serving', 'patch', 'Corrected the version.');
		},
	},
	{
		rule: 'archive-edited',
		mistake: 'a typo corrected in an archived major',
		base: true,
		make: (w) => w.edit(ARCHIVE, (text) => text.replace('## Leaf', '## Leaves')),
		finding: {
			file: ARCHIVE,
			message: 'The archived major brewing-basics/v1.mdx changed since HEAD; archived majors are frozen.',
			fix: 'Restore it with `git checkout HEAD -- content/archive/brewing-basics/v1.mdx`, and make the change in the current version instead.',
			line: (w) => lineOf(w.read(ARCHIVE), '## Leaves'),
		},
		apply: (w) => w.git('checkout', 'HEAD', '--', `content/${ARCHIVE}`),
	},
	{
		rule: 'heading-space',
		mistake: 'a heading written without the space after its hashes',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '##Milk or lemon\n\nEither, never both.')),
		finding: {
			file: SERVING,
			message: '"##Milk or lemon" is published as a paragraph, not a heading: Markdown needs a space after the ##.',
			fix: 'Write it as `## Milk or lemon`. If the hashes are meant as text, write a backslash before them: `\\##Milk or lemon`.',
			line: (w) => lineOf(w.read(SERVING), '##Milk'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('##Milk or lemon', '## Milk or lemon')),
	},
	{
		rule: 'indented-code',
		mistake: 'a paragraph of a platform update indented with a tab',
		make: (w) => w.edit(UPDATE, (text) => `${text.trimEnd()}\n\n\tKettles with presets now *beep* when the water is ready.\n`),
		finding: {
			file: UPDATE,
			message: '"Kettles with presets now *beep* when th…" is published as a code block, not as text: Markdown makes a code block of lines indented by four spaces or a tab.',
			fix: 'Remove the indentation at the start of its lines. If it is code, put it between two lines of three backticks instead.',
			line: (w) => lineOf(w.read(UPDATE), 'Kettles with presets now'),
		},
		apply: (w) => w.edit(UPDATE, (text) => text.replace('\tKettles with presets', 'Kettles with presets')),
	},
	{
		rule: 'table-header',
		mistake: 'a comparison table with its top-left header cell left empty',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '| | Milk | Lemon |\n| --- | --- | --- |\n| Black tea | Yes | Yes |\n| Green tea | No | Rarely |')),
		finding: {
			file: SERVING,
			message: "The table's header row leaves column 1 without a name: a screen reader reads the cells below it with none.",
			fix: 'Write in the top-left cell what the rows compare, such as `| Compared on | … |`.',
			line: (w) => lineOf(w.read(SERVING), '| | Milk'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('| | Milk | Lemon |', '| Compared on | Milk | Lemon |')),
	},
	{
		rule: 'code-fence',
		mistake: 'a code block closed with two backticks instead of three',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '```text\nmilk last\n``\n\n## Afterwards\n\nRinse the pot.')),
		finding: {
			file: SERVING,
			message: 'The code block opened here with three backticks is never closed, so the rest of the file is published as code.',
			fix: 'Where the code ends, add a line of three backticks and nothing else: the same character as the opening line, and at least as many.',
			line: (w) => lineOf(w.read(SERVING), '```text'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('milk last\n``\n', 'milk last\n```\n')),
	},
	{
		rule: 'archive-not-as-released',
		mistake: 'a module edited, then copied by hand into the archive of the major it replaces',
		base: true,
		make: (w) => {
			w.edit(SERVING, (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
			const edited = w.read(SERVING);
			w.script('release', 'serving', 'major', 'Reversed the advice on cups.');
			w.write('archive/serving/v1.mdx', edited);
		},
		finding: {
			file: 'archive/serving/v1.mdx',
			message: 'This archive freezes version 1.1.0 of "serving", but its text is not that version\'s text at HEAD: the permanent address of major 1 would show text that 1.1.0 never had.',
			fix: "Write HEAD's file into it with `git show HEAD:content/modules/serving.mdx > content/archive/serving/v1.mdx` (run from the repository's root), and keep your edits in the module, released as the new major.",
		},
		apply: (w) => w.write('archive/serving/v1.mdx', w.git('show', `HEAD:content/${SERVING}`)),
	},
	{
		rule: 'missing-archive',
		mistake: 'a new major raised by hand, without the archive that keeps the old one online',
		base: true,
		make: (w) =>
			w.edit(SERVING, (text) =>
				text
					.replace('Pour into warmed cups.', 'Pour into cold cups.')
					.replace(/^version: .*$/m, 'version: 2.0.0')
					.replace(/^changelog:\n/m, `changelog:\n  - version: 2.0.0\n    date: ${TODAY}\n    kind: changed\n    summary: Reversed the advice on cups.\n`)
			),
		finding: {
			file: SERVING,
			message:
				'The module went from version 1.1.0 (at HEAD) to 2.0.0, a new major, but archive/serving/v1.mdx is missing: /modules/serving/v1/, the address courses cite for version 1, would stop working.',
			fix: 'Put the version back to 1.1.0 and its changelog as it was, then run `npm run release -- serving major "<what changed>"`: it freezes version 1.1.0 as archive/serving/v1.mdx and raises the version, and your edits stay in the module.',
		},
		apply: (w) => {
			w.write(SERVING, w.git('show', `HEAD:content/${SERVING}`));
			w.edit(SERVING, (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
			w.script('release', 'serving', 'major', 'Reversed the advice on cups.');
		},
	},
	{
		rule: 'missing-redirect',
		mistake: 'a module renamed without a redirect',
		base: true,
		make: (w) => {
			w.rename(SERVING, 'modules/serving-tea.mdx');
			for (const path of [TRACK, UPDATE, 'redirects.yaml']) w.edit(path, (text) => text.replace(/(?<!-)\bserving\b(?!-)/g, 'serving-tea'));
		},
		finding: { file: SERVING, message: 'The module "serving" existed at HEAD and is gone, so links to /modules/serving/ would end on a missing page.', fix: 'Add `- from: serving` and `to: <the module that replaces it>` to redirects.yaml.' },
		apply: (w) => w.edit('redirects.yaml', (text) => `${text.trimEnd()}\n- from: serving\n  to: serving-tea\n`),
		stays: { rule: 'maintainer-review', reason: 'any change to redirects.yaml asks a maintainer to look, by design (SECURITY.md); the notice asks nothing more of the contributor' },
	},

	// Safe content.
	{
		rule: 'frontmatter-fence',
		mistake: 'a note after the closing `---`',
		make: (w) => w.edit(SERVING, (text) => text.replace(/\n---\n\n## Pour/, '\n--- end of the fields\n\n## Pour')),
		finding: {
			file: SERVING,
			message: 'The closing `---` fence is followed by ` end of the fields` on the same line.',
			fix: 'Start the file with a line that is exactly `---`, write the YAML fields, and end them with another line that is exactly `---`; nothing may come before the first fence or after the second on its line.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('--- end of the fields', '---')),
	},
	{
		rule: 'frontmatter-fence',
		mistake: 'the closing `---` typed as `--`',
		make: (w) => w.edit(SERVING, (text) => text.replace(/\n---\n\n## Pour/, '\n--\n\n## Pour')),
		finding: {
			file: SERVING,
			message: 'The line `--` seems meant to close the frontmatter, but a closing fence is a line of exactly `---`, so no reader ends the fields here.',
			fix: 'Make this line exactly `---`: three hyphens, nothing before them and nothing after.',
			line: (w) => lineOf(w.read(SERVING), '\n--\n') + 1,
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace(/\n--\n\n## Pour/, '\n---\n\n## Pour')),
	},
	{
		rule: 'code-meta',
		mistake: 'a pattern in a code block’s options',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '```text /milk/\nmilk last\n```')),
		finding: {
			file: SERVING,
			message: "The code block's options `/milk/` hold a slash, which the highlighter may read as a pattern to run.",
			fix: 'Use only line ranges within the block, such as {2} or {2-4}, a title without slashes, such as title="Example", and frame="code", "terminal" or "none".',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('```text /milk/', '```text {1}')),
	},
	{
		rule: 'content-limit',
		mistake: 'a paragraph written as one very long line',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Pour the tea slowly and steadily. '.repeat(130).trim())),
		finding: {
			file: SERVING,
			message: /^The line is 4,419 characters long; the limit is 4,000\.$/,
			fix: 'Break it into shorter lines: the lines of one paragraph are joined when the page is built, so readers see no difference. Split a long table row or list item into several.',
		},
		apply: (w, f) => w.edit(SERVING, (text) => replaceLine(text, f.line, (line) => line.replace(/(?<=\.) /g, '\n'))),
	},
	{
		rule: 'image-type',
		mistake: 'an SVG image',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '![A chart of steeping times](./chart.svg)')),
		finding: {
			file: SERVING,
			message: 'The image `./chart.svg` is not a plain path to a PNG, JPEG, WebP, AVIF or GIF file.',
			fix: 'Save the image as .png, .jpg, .webp, .avif or .gif next to the module and point to that file. SVG is not accepted, because an SVG file can carry script.',
		},
		apply: (w) => {
			w.write('modules/chart.png', PNG);
			w.edit(SERVING, (text) => text.replace('./chart.svg', './chart.png'));
		},
	},
	{
		rule: 'unknown-syntax',
		mistake: "the site builder's image marker in the text",
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Our notes call it __ASTRO_IMAGE_ in the draft.')),
		finding: { file: SERVING, message: 'The text `__ASTRO_IMAGE_` is a marker the site builder uses for images, and would confuse it.', fix: 'Reword the text so that it does not hold this marker.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('Our notes call it __ASTRO_IMAGE_ in the draft.', 'Our notes call it the image marker in the draft.')),
	},
	{
		rule: 'mdx-syntax',
		mistake: 'a literal "<" in the text',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Serve within <5 minutes of brewing.')),
		finding: {
			file: SERVING,
			message: /^The MDX cannot be read: /,
			fix: 'A literal "<" is written `&lt;` or `\\<`. Links in angle brackets like `<https://example.org>` are not supported; write `[link text](https://example.org)` instead.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('<5 minutes', '\\<5 minutes')),
	},
	{
		rule: 'no-esm',
		mistake: 'an export statement',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'export const cups = 4')),
		finding: { file: SERVING, message: 'The export statement `export const cups = 4` would run as JavaScript when the site is built.', fix: 'Remove the statement. Modules cannot import or export code; the allowed components are available without an import.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('\nexport const cups = 4\n', '\n')),
	},
	{
		rule: 'no-expression',
		mistake: 'braces in the text',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Steep for {3} minutes.')),
		finding: { file: SERVING, message: 'The expression `{3}` would run as JavaScript when the site is built.', fix: 'If you meant the braces as text, write the opening one as `\\{`. Otherwise write the text out instead of computing it.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('{3}', '\\{3}')),
	},
	{
		rule: 'unknown-component',
		mistake: 'a component name misspelt',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<Asid type="tip">Warm the cups first.</Asid>')),
		finding: {
			file: SERVING,
			message: '<Asid> is not one of the components modules may use.',
			fix: 'Did you mean <Aside>? The allowed components are <Aside>, <Example>, <Case>, <Exercise>, <Discussion>, <InstructorNotes>, <Steps>.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replaceAll('Asid>', 'Aside>').replace('<Asid ', '<Aside ')),
	},
	{
		rule: 'unknown-component',
		mistake: 'a name that is no component at all',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<Callout type="tip">Warm the cups first.</Callout>')),
		finding: {
			file: SERVING,
			message: '<Callout> is not one of the components modules may use.',
			fix: 'Use one of the allowed components: <Aside>, <Example>, <Case>, <Exercise>, <Discussion>, <InstructorNotes>, <Steps>. They are available without an import; check the spelling and capitalisation.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replaceAll('Callout>', 'Aside>').replace('<Callout ', '<Aside ')),
	},
	{
		rule: 'raw-html',
		mistake: 'a component written in lower case',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<example title="Tea for four">Four cups, milk last.</example>')),
		finding: { file: SERVING, message: 'The HTML element <example> is not allowed in modules.', fix: 'Did you mean the component <Example>? Component names start with a capital letter.' },
		apply: (w) => w.edit(SERVING, (text) => text.replaceAll('example>', 'Example>').replace('<example ', '<Example ')),
	},
	{
		rule: 'unknown-prop',
		mistake: 'a prop name misspelt',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<Aside kind="tip">Warm the cups first.</Aside>')),
		finding: { file: SERVING, message: '<Aside> has no prop `kind`.', fix: 'Remove `kind` or correct its spelling. <Aside> accepts: type, title.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('<Aside kind="tip">', '<Aside type="tip">')),
	},
	{
		rule: 'invalid-prop',
		mistake: 'an example without its title',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<Example>Four cups, milk last.</Example>')),
		finding: { file: SERVING, message: '<Example> is missing the required prop `title`.', fix: 'Add title="…" to the opening tag, for example <Example title="…">.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('<Example>', '<Example title="Tea for four">')),
	},
	{
		rule: 'invalid-prop',
		mistake: "a case's date written out in words",
		make: (w) => w.edit(BREWING, (text) => addToBody(text, '<Case title="A café\'s kettle recall" source="https://example.org/brewing" date="March 2024">The café switched kettles.</Case>')),
		finding: { file: BREWING, message: '`date="March 2024"` on <Case> is not a month or a day, `YYYY-MM` or `YYYY-MM-DD`.', fix: 'Write it as a month or a day, `YYYY-MM` or `YYYY-MM-DD`, such as date="2024-03".' },
		apply: (w) => w.edit(BREWING, (text) => text.replace('date="March 2024"', 'date="2024-03"')),
	},
	{
		rule: 'raw-html',
		mistake: 'a video embedded with an iframe',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '<iframe src="https://video.example.org/pouring"></iframe>')),
		finding: { file: SERVING, message: 'The HTML element <iframe> is not allowed in modules.', fix: 'Remove <iframe> and write the content in Markdown or with an allowed component. HTML is limited to these elements: abbr, b, br, cite, code, dd, del, details, dfn, dl, dt, em, figcaption, figure, hr, i, ins, kbd, mark, p, q, s, samp, small, span, strong, sub, summary, sup, table, tbody, td, tfoot, th, thead, tr, u, var, wbr, ol, ul, li, blockquote, h2, h3, h4, h5, h6, pre, a, img.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('<iframe src="https://video.example.org/pouring"></iframe>', '[Watch the pouring video](https://video.example.org/pouring).')),
	},
	{
		rule: 'event-handler',
		mistake: 'an onclick attribute',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Press <kbd onclick="pour()">Enter</kbd> to pour.')),
		finding: { file: SERVING, message: "The event handler `onclick` on <kbd> would run JavaScript in readers' browsers.", fix: 'Remove `onclick`. Modules cannot contain scripts; describe the interaction in the text instead.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(' onclick="pour()"', '')),
	},
	{
		rule: 'style-attribute',
		mistake: 'a style attribute',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Press <kbd style="color: red">Enter</kbd> to pour.')),
		finding: { file: SERVING, message: 'The `style` attribute on <kbd> is not allowed.', fix: 'Remove `style`. The site theme styles all content; use Markdown emphasis or an allowed component to mark up the text.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace(' style="color: red"', '')),
	},
	{
		rule: 'unsafe-url',
		mistake: 'a javascript: link',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '[Pour now](javascript:pour)')),
		finding: { file: SERVING, message: "The link target `javascript:pour` uses the javascript: scheme, which runs code in readers' browsers.", fix: 'Link to a web page with an https:// address, or to another page of the curriculum from the site\'s root, such as /modules/<id>/.' },
		apply: (w) => w.edit(SERVING, (text) => text.replace('(javascript:pour)', '(/modules/brewing-basics/)')),
	},
	{
		rule: 'remote-image',
		mistake: 'an image from another site',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '![A teapot pouring into a cup](https://images.example.com/pour.png)')),
		finding: {
			file: SERVING,
			message: 'The image `https://images.example.com/pour.png` is loaded from images.example.com, which is not an allowed image host.',
			fix: "Download the image into the repository next to the module (only with the owner's permission and a license that allows it) and use a relative path such as ./pour.png; or ask the maintainers to add images.example.com to imageHosts in curriculum.yaml.",
		},
		apply: (w) => {
			w.write('modules/pour.png', PNG);
			w.edit(SERVING, (text) => text.replace('https://images.example.com/pour.png', './pour.png'));
		},
	},
	{
		rule: 'image-alt',
		mistake: 'an image without alt text',
		make: (w) => {
			w.write('modules/pour.png', PNG);
			w.edit(SERVING, (text) => addToBody(text, '![](./pour.png)'));
		},
		finding: {
			file: SERVING,
			message: 'The image `./pour.png` has no alt text.',
			fix: 'Describe what the image shows for people who cannot see it, between the brackets: ![A bar chart of posts per hour, peaking at 9 pm](./chart.png).',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('![](./pour.png)', '![A teapot pouring into a cup](./pour.png)')),
	},
	{
		rule: 'image-outside',
		mistake: 'an image from outside the content folder',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '![A teapot pouring into a cup](../../pour.png)')),
		finding: { file: SERVING, message: 'The image `../../pour.png` is outside the content folder.', fix: 'Save the image in the content folder next to the module, and point to it there, such as ./pour.png.' },
		apply: (w) => {
			w.write('modules/pour.png', PNG);
			w.edit(SERVING, (text) => text.replace('../../pour.png', './pour.png'));
		},
	},
	{
		rule: 'missing-image',
		mistake: 'an image file not added',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '![A teapot pouring into a cup](./pour.png)')),
		finding: { file: SERVING, message: 'The image file `./pour.png` does not exist next to the module.', fix: 'Add the file to the repository, or correct the path: it is relative to the module file, and letter case matters.' },
		apply: (w) => w.write('modules/pour.png', PNG),
	},
	{
		rule: 'missing-image',
		mistake: 'an image written from the site root',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '![A teapot pouring into a cup](/images/pour.png)')),
		finding: {
			file: SERVING,
			message: "The image `/images/pour.png` is written from the site's root, where the site publishes no images: an image is read from the repository, by its path from the module file.",
			fix: 'Save the image next to the module and write its path relative to the module file: ./pour.png.',
			line: (w) => lineOf(w.read(SERVING), '![A teapot'),
		},
		apply: (w) => {
			w.write('modules/pour.png', PNG);
			w.edit(SERVING, (text) => text.replace('/images/pour.png', './pour.png'));
		},
	},
	{
		rule: 'duplicate-section-id',
		mistake: 'a heading named like a section the module page adds',
		make: (w) => w.edit(BREWING, (text) => addToBody(text, '## Sources\n\nThe tea merchant’s own guide is worth a read too.')),
		finding: {
			file: BREWING,
			message:
				'The heading "## Sources" gets the id "sources", but the module page already has a section with that id, the list of sources: the page would have two elements with id="sources", and a link to #sources would find only one.',
			fix: 'Rename the heading, such as "## Further sources".',
			line: (w) => lineOf(w.read(BREWING), '## Sources'),
		},
		apply: (w) => w.edit(BREWING, (text) => text.replace('## Sources', '## Further sources')),
	},
	{
		rule: 'control-character',
		mistake: 'an invisible control character pasted in',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Pour into\u0007 warmed cups.')),
		finding: {
			file: SERVING,
			message: 'The text holds the control character U+0007 (BEL), which cannot be seen in a review.',
			fix: 'Delete it: retype the text around it, or search for \\u0007 with regular expressions on. Tabs and line breaks are the only control characters text may hold.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('\u0007', '')),
	},
	{
		rule: 'bidi-character',
		mistake: 'a character that reverses the text',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, 'Pour \u202Einto warmed cups.')),
		finding: {
			file: SERVING,
			message: 'The text holds U+202E (RIGHT-TO-LEFT OVERRIDE), which changes the order in which the line is displayed, so a review would not show what readers get.',
			fix: 'Delete it and write the text in the order it is read; browsers lay out right-to-left text without it. Between right-to-left and left-to-right words, U+200F (RIGHT-TO-LEFT MARK) or U+200E (LEFT-TO-RIGHT MARK) is allowed.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('\u202E', '')),
	},
	{
		rule: 'yaml-subset',
		mistake: 'a value repeated with an anchor and an alias',
		make: (w) => w.edit(SERVING, (text) => text.replace('summary: Cups, milk and timing.', 'summary: &what Cups, milk and timing.\ntopics: [*what]')),
		finding: {
			file: SERVING,
			message: 'The anchor `&what` is not allowed.',
			fix: 'Write the value out in full everywhere it is needed: the YAML readers of the check and of the build treat anchors differently, and aliases can repeat a value many times over.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('&what ', '').replace('[*what]', '["Cups, milk and timing."]')),
	},
	{
		rule: 'schema',
		mistake: "a module's frontmatter left empty",
		make: (w) => w.edit(SERVING, (text) => text.replace(/^---\n[^]*?\n---\n/, '---\n---\n')),
		finding: {
			file: SERVING,
			message: 'The module frontmatter is empty: it has none of its fields.',
			fix: 'Write its fields, one `name: value` a line; the field reference at /contributing/fields/ lists them, and `npm run new` writes a module, an update or a translation with every field to fill in.',
		},
		apply: (w) => w.write(SERVING, readFileSync(join(template, SERVING), 'utf8')),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'no space after the colon of a field',
		make: (w) => w.edit(WATER, (text) => text.replace(/^level: beginner$/m, 'level:beginner')),
		finding: { file: WATER, message: '`level:beginner` has no space after the colon, so YAML does not read it as the field `level`.', fix: 'Put a space after the colon: level: beginner' },
		apply: (w) => w.edit(WATER, (text) => text.replace('level:beginner', 'level: beginner')),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'an outcome written without its dash, under the one above',
		make: (w) => w.edit(WATER, (text) => text.replace('  - Choose a water temperature for a given tea.\n', '  - Choose a water temperature for a given tea.\n    Explain why green tea wants cooler water.\n')),
		finding: {
			file: WATER,
			message: 'This line starts a new sentence at the text of the list item above it, with no "- ", so YAML reads it as more of that item: the two are one item.',
			fix: 'To make it an item of its own, put "- " before it, under the dash above (- Explain why green tea wants cooler water.); to keep one item of two sentences, write it on one line.',
			line: (w) => lineOf(w.read(WATER), 'Explain why green tea'),
		},
		apply: (w) => w.edit(WATER, (text) => text.replace('    Explain why green tea wants cooler water.\n', '  - Explain why green tea wants cooler water.\n')),
	},
	{
		rule: 'yaml-syntax',
		mistake: 'a field written without its colon',
		make: (w) => w.edit(WATER, (text) => text.replace(/^level: beginner$/m, 'level beginner')),
		finding: { file: WATER, message: '`level beginner` has no colon after `level`, so YAML does not read it as the field `level`.', fix: "Put a colon after the field's name: level: beginner", line: (w) => lineOf(w.read(WATER), 'level beginner') },
		apply: (w) => w.edit(WATER, (text) => text.replace('level beginner', 'level: beginner')),
	},
	{
		rule: 'yaml-syntax',
		mistake: "a knowledge check's second choice written without its dash",
		make: (w) => w.edit(WATER, (text) => text.replace('      - text: Water at about 80 °C', '        text: Water at about 80 °C')),
		finding: {
			file: WATER,
			message: 'This line starts a new item of the list, as `- text:` starts the item above it, but it has no "- ", so YAML reads `text` as a second field of that item.',
			fix: 'Put "- " in place of the last two spaces before `text`, so that its dash is 6 spaces in, under the dash of the item above: - text: Water at about 80 °C',
			line: (w) => lineOf(w.read(WATER), 'text: Water at about 80 °C'),
		},
		apply: (w) => w.edit(WATER, (text) => text.replace('        text: Water at about 80 °C', '      - text: Water at about 80 °C')),
	},
	{
		rule: 'yaml-syntax',
		mistake: "a knowledge check's first choice written without its dash",
		make: (w) => w.edit(WATER, (text) => text.replace('      - text: Water just off the boil', '        text: Water just off the boil')),
		finding: {
			file: WATER,
			message: 'This line starts the first item of the list `choices`, whose other items start with "- ", but it has none, so YAML cannot read the list.',
			fix: 'Put "- " in place of the last two spaces before the field, so that its dash is 6 spaces in, above the dashes of the items below: - text: Water just off the boil',
			line: (w) => lineOf(w.read(WATER), 'text: Water just off the boil'),
		},
		apply: (w) => w.edit(WATER, (text) => text.replace('        text: Water just off the boil', '      - text: Water just off the boil')),
	},
	{
		rule: 'schema',
		mistake: "a module's version written as a number",
		// The clean copy has released serving as 1.1.0 (resolvePendingUpdate).
		make: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1')),
		finding: {
			file: SERVING,
			message: '`version` should be a text value, but it is the number 1.',
			fix: 'Write the version with its three parts, in double quotes: `version: "1.1.0"` (major, minor, patch; the newest version in the changelog).',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace(/^version: 1$/m, 'version: "1.1.0"')),
	},
	{
		rule: 'update-date',
		mistake: "an update's date typed as a day still to come",
		make: (w) => w.edit(INFUSER, (text) => text.replace(/^date: 2026-10-20$/m, 'date: 2027-10-20')),
		finding: { file: INFUSER, message: 'The file name says 2026-10-20, but `date:` says 2027-10-20.', fix: 'Set `date: 2026-10-20`, the day the file name gives, if the change happened then.' },
		apply: (w) => w.edit(INFUSER, (text) => text.replace(/^date: 2027-10-20$/m, 'date: 2026-10-20')),
	},
	{
		rule: 'table-dashes',
		mistake: 'a table without the line of dashes under its header row',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '| Cups | Teaspoons |\n| 2 | 2 |\n| 4 | 4 |')),
		finding: {
			file: SERVING,
			message: 'These lines are written as a table, but the site shows them as one paragraph of `|` characters: a table needs its header row and, under it, a line of dashes.',
			fix: 'Add a line of dashes under the first row, one `---` for each of its 2 columns: `| --- | --- |`. If the lines are not meant as a table, write the `|` that starts each of them as `\\|`.',
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('| Cups | Teaspoons |\n', '| Cups | Teaspoons |\n| --- | --- |\n')),
	},
	{
		rule: 'table-dashes',
		mistake: 'a line of dashes with a column fewer than the header row',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '| Cups | Teaspoons | Minutes |\n| --- | --- |\n| 2 | 2 | 3 |')),
		finding: {
			file: SERVING,
			message:
				'These lines are written as a table, but the site shows them as one paragraph of `|` characters: the header row has 3 columns and the line of dashes under it has 2, and a table needs as many in both.',
			fix: "Write the line of dashes with one `---` for each of the header row's 3 columns: `| --- | --- | --- |`.",
			line: (w) => lineOf(w.read(SERVING), '| Cups | Teaspoons | Minutes |'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('| Minutes |\n| --- | --- |\n', '| Minutes |\n| --- | --- | --- |\n')),
	},
	{
		rule: 'table-cells',
		mistake: 'a table row with a cell more than its header row',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '| Cups | Teaspoons |\n| --- | --- |\n| 2 | 2 |\n| 4 | 4 | heaped |')),
		finding: {
			file: SERVING,
			message: 'This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "heaped" is lost from the page.',
			fix: 'Add a column to the header row, and a `---` to the line of dashes under it; or, if a cell holds a `|` of its own, write it as `\\|`.',
			line: (w) => lineOf(w.read(SERVING), '| 4 | 4 | heaped |'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('| Cups | Teaspoons |\n| --- | --- |\n', '| Cups | Teaspoons | How |\n| --- | --- | --- |\n')),
	},
	{
		rule: 'table-cells',
		mistake: 'a `|` typed inside a table cell, which ends the cell',
		make: (w) => w.edit(SERVING, (text) => addToBody(text, '| Tea | Served with |\n| --- | --- |\n| Black | milk|lemon |\n| Green | nothing |')),
		finding: {
			file: SERVING,
			message: 'This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "lemon" is lost from the page.',
			fix: 'Write the `|` in "milk|lemon" as `\\|`: a `|` ends a cell, even inside `code`, unless a backslash comes before it. If the row has a column more than the table instead, add a column to the header row, and a `---` to the line of dashes under it.',
			line: (w) => lineOf(w.read(SERVING), '| Black | milk|lemon |'),
		},
		apply: (w) => w.edit(SERVING, (text) => text.replace('milk|lemon', 'milk\\|lemon')),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a platform update saved in a misspelt folder',
		make: (w) => w.write('update/2026-10-20-teapot-lids.md', w.read(INFUSER).replace('Teapots now ship with infusers', 'Teapots now ship with lids')),
		finding: {
			file: 'update/2026-10-20-teapot-lids.md',
			message: '"update/2026-10-20-teapot-lids.md" is in no folder the build reads, so the site would leave it out.',
			fix: 'Move it into updates/: the folder is named "updates", not "update".',
		},
		apply: (w) => w.rename('update/2026-10-20-teapot-lids.md', 'updates/2026-10-20-teapot-lids.md'),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a module saved in a folder of its own inside modules/',
		make: (w) => {
			w.write('modules/drafts/serving.mdx', w.read(SERVING));
			w.remove(SERVING);
		},
		finding: {
			file: 'modules/drafts/serving.mdx',
			message: '"modules/drafts/serving.mdx" is in no folder the build reads, so the site would leave it out.',
			fix: 'Move it into modules/ itself: the build reads no folder inside modules/.',
		},
		apply: (w) => w.rename('modules/drafts/serving.mdx', SERVING),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a translation saved in a folder named for its locale inside modules/',
		make: (w) => {
			withFinnish(w);
			w.write('modules/fi/brewing-basics.mdx', brewingFi());
		},
		finding: {
			file: 'modules/fi/brewing-basics.mdx',
			message: '"modules/fi/brewing-basics.mdx" is in a folder named for the locale "fi", and the build reads a translation only beside its original: the site would never publish it.',
			fix: 'Move it to modules/brewing-basics.fi.mdx: a translation sits beside its original, with its locale before the extension.',
			severity: 'error',
		},
		apply: (w) => w.rename('modules/fi/brewing-basics.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a translation saved under a folder for its locale at the top of the content folder',
		make: (w) => {
			withFinnish(w);
			w.write('fi/modules/brewing-basics.mdx', brewingFi());
		},
		finding: {
			file: 'fi/modules/brewing-basics.mdx',
			message: '"fi/modules/brewing-basics.mdx" is in a folder named for the locale "fi", and the build reads a translation only beside its original: the site would never publish it.',
			fix: 'Move it to modules/brewing-basics.fi.mdx: a translation sits beside its original, with its locale before the extension.',
			severity: 'error',
		},
		apply: (w) => w.rename('fi/modules/brewing-basics.mdx', 'modules/brewing-basics.fi.mdx'),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a track translation saved in a folder named for its locale inside tracks/',
		make: (w) => {
			withFinnish(w);
			w.write('tracks/fi/tea-foundations.yaml', TRACK_FI);
		},
		finding: {
			file: 'tracks/fi/tea-foundations.yaml',
			message: '"tracks/fi/tea-foundations.yaml" is in a folder named for the locale "fi", and the build reads a translation only beside its original: the site would never publish it.',
			fix: 'Move it to tracks/tea-foundations.fi.yaml: a translation sits beside its original, with its locale before the extension.',
			severity: 'error',
		},
		apply: (w) => w.rename('tracks/fi/tea-foundations.yaml', 'tracks/tea-foundations.fi.yaml'),
	},
	{
		rule: 'unexpected-file',
		mistake: 'an update translation saved in a folder named for its locale inside updates/',
		make: (w) => {
			withFinnish(w);
			w.write('updates/fi/2026-10-20-teapot-infuser.md', INFUSER_FI);
		},
		finding: {
			file: 'updates/fi/2026-10-20-teapot-infuser.md',
			message: '"updates/fi/2026-10-20-teapot-infuser.md" is in a folder named for the locale "fi", and the build reads a translation only beside its original: the site would never publish it.',
			fix: 'Move it to updates/2026-10-20-teapot-infuser.fi.md: a translation sits beside its original, with its locale before the extension.',
			severity: 'error',
		},
		apply: (w) => w.rename('updates/fi/2026-10-20-teapot-infuser.md', 'updates/2026-10-20-teapot-infuser.fi.md'),
	},
	{
		rule: 'unexpected-file',
		mistake: 'a translation saved in a folder for a language the curriculum does not have',
		make: (w) => {
			withFinnish(w);
			w.write('sv/modules/brewing-basics.mdx', brewingFi());
		},
		finding: {
			file: 'sv/modules/brewing-basics.mdx',
			message: '"sv/modules/brewing-basics.mdx" is in a folder for Swedish ("sv"), a language the curriculum does not have (its locales are en, fi): the site would never publish it.',
			fix: 'Ask the maintainers (in an issue or your pull request) to add "sv" to `locales` in curriculum.yaml; then move the file to modules/brewing-basics.sv.mdx, beside its original.',
			severity: 'error',
		},
		// The maintainers' part, then the translator's.
		apply: (w) => {
			w.edit('curriculum.yaml', (text) => text.replace('locales: [en, fi]', 'locales: [en, fi, sv]'));
			w.rename('sv/modules/brewing-basics.mdx', 'modules/brewing-basics.sv.mdx');
		},
	},
	{
		rule: 'content-file-type',
		mistake: 'notes saved next to a module',
		make: (w) => w.write('modules/notes.txt', 'Ideas for the next revision.\n'),
		finding: {
			file: 'modules/notes.txt',
			message: '"notes.txt" is a .txt file, and the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images.',
			fix: 'Remove it: the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images. If a module needs something that only code could do, open an issue and ask the maintainers.',
		},
		apply: (w) => w.remove('modules/notes.txt'),
	},
];

let template = '';
/** Every copy made, removed when the file's tests are done. */
const copies: string[] = [];

/** A fresh copy of the clean tea fixture; for a scenario with a base, in a git repository of its own with the copy committed. */
function workspace(base: boolean): Workspace {
	mkdirSync(TMP, { recursive: true });
	const repo = mkdtempSync(join(TMP, 'fix-'));
	copies.push(repo);
	cpSync(template, join(repo, 'content'), { recursive: true });
	return workspaceAt(join(repo, 'content'), base);
}

function workspaceAt(content: string, base: boolean): Workspace {
	const repo = dirname(content);
	const at = (path: string) => join(content, path);
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=Contributor', '-c', 'user.email=contributor@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (base) {
		git('init', '-q');
		git('add', '-A');
		git('commit', '-q', '-m', 'The curriculum as merged');
	}
	return {
		content,
		read: (path) => readFileSync(at(path), 'utf8'),
		write: (path, text) => {
			mkdirSync(dirname(at(path)), { recursive: true });
			writeFileSync(at(path), text);
		},
		edit: (path, change) => writeFileSync(at(path), change(readFileSync(at(path), 'utf8'))),
		remove: (path) => rmSync(at(path), { recursive: true }),
		rename: (from, to) => renameSync(at(from), at(to)),
		script: (name, ...args) => {
			const result = runScript(name, [...args, '--content', content]);
			if (result.status !== 0) throw new Error(`npm run ${name} failed:\n${result.output}`);
		},
		git,
		check: () => checkCurriculum(content, { root: content, on: TODAY, ...(base ? { base: 'HEAD' } : {}) }).findings,
	};
}

/** Rules with no scenario, and why: each must be a rule of the registry that has none. */
const WITHOUT_SCENARIO: Record<string, string> = {
	...Object.fromEntries(
		Object.keys(OUTPUT_RULES).map((rule) => [
			rule,
			'reported by the scan of the built site, not by `npm run check`: the content check refuses whatever could make it first, so no content can reach it, and its fix is addressed to the engine',
		])
	),
	'maintainer-review':
		'a notice to the reviewer that a configuration file changed; its fix is to say why in the pull request, which no change to the files can do, and the notice stays until a maintainer has looked',
};

const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}\n  fix: ${f.fix}`).join('\n');

describe('every fix a finding suggests leads out of the problem', () => {
	beforeAll(() => {
		// The clean copy: the fixture, with its overdue review and pending change resolved by their own fixes.
		template = copyFixture('valid-course');
		copies.push(dirname(template));
		const w = workspaceAt(template, false);
		resolveReviewDue(w);
		resolvePendingUpdate(w);
	});

	afterAll(() => {
		for (const copy of copies) rmSync(copy, { recursive: true, force: true });
	});

	it('starts from a copy of the fixture that the check passes without a finding', () => {
		expect(show(workspace(false).check())).toBe('');
	});

	it('has a scenario for every rule that can suggest a fix, and says why a rule has none', () => {
		const covered = new Set(SCENARIOS.map((scenario) => scenario.rule));
		const missing = Object.keys(RULE_DOCS).filter((rule) => !covered.has(rule) && !(rule in WITHOUT_SCENARIO));
		expect(missing, 'rules without a scenario of their fix').toEqual([]);
		expect(Object.keys(WITHOUT_SCENARIO).filter((rule) => !(rule in RULE_DOCS) || covered.has(rule))).toEqual([]);
	});

	it.each(SCENARIOS.map((scenario) => [`${scenario.rule}: ${scenario.mistake}`, scenario] as const))('%s', (_, scenario) => {
		const w = workspace(scenario.base ?? false);
		scenario.make(w);
		const before = w.check();
		const matches = (f: Finding) =>
			f.rule === scenario.rule &&
			f.file === scenario.finding.file &&
			(typeof scenario.finding.message === 'string' ? f.message === scenario.finding.message : scenario.finding.message.test(f.message));
		const found = before.find(matches);
		expect(found, `no such finding among:\n${show(before)}`).toBeDefined();
		expect(found!.fix).toBe(scenario.finding.fix);
		if (scenario.finding.line) expect(found!.line).toBe(scenario.finding.line(w));
		if (scenario.finding.severity) expect(found!.severity).toBe(scenario.finding.severity);

		scenario.apply(w, found!);
		const after = w.check().filter((f) => !(f.rule === scenario.stays?.rule && f.severity === 'notice'));
		expect(show(after), 'findings left after applying the fix').toBe('');
	});
});

describe('table rows and lines of dashes, read as the compiler reads them', () => {
	/** The findings of one module body that starts on line 10 of its file, as `line rule: message`. */
	const tables = (body: string, file = 'modules/tables.mdx') => checkTableHeaders([{ file, body, bodyLine: 10 }]).map((f) => `${f.line} ${f.severity} ${f.rule}: ${f.message}`);

	it('finds nothing in ordinary tables: escaped pipes, code spans with escaped pipes, short rows, empty extra cells, a table in a code block', () => {
		const body = [
			'| Tool | Shortcut | Notes |',
			'| :--- | :-: | ---: |',
			'| grep | `a\\|b` | either a or b \\| both |',
			'| shell | `ls \\| wc -l` | counts the lines |',
			'| pipe | \\| | a lone pipe |',
			'| short |',
			'| two | cells |',
			'| expression | {"a|b"} | an MDX expression keeps its pipe |',
			'| trailing | x | y | |',
			'',
			'> | Quoted | Table |',
			'> | --- | --- |',
			'> | a\\|b | c |',
			'',
			'```',
			'| a | b |',
			'| --- | --- |',
			'| 1 | 2 | 3 |',
			'```',
		].join('\n');
		expect(tables(body)).toEqual([]);
		expect(tables(body.replace('| expression | {"a|b"} | an MDX expression keeps its pipe |\n', ''), 'updates/tables.md')).toEqual([]);
	});

	it('names a row with more cells than the header row, its line, both counts and the text lost', () => {
		const body = ['Intro.', '', '| A | B |', '| --- | --- |', '| 1 | 2 |', '| 1 | 2 | LOSTCELL |', '| a|b | x |', '| `x|y` | z |', '| 1 | 2 | 3 | 4 |', '', '> | A | B |', '> | - | - |', '> | 1 | 2 | quoted |'].join('\n');
		expect(tables(body)).toEqual([
			'15 error table-cells: This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "LOSTCELL" is lost from the page.',
			'16 error table-cells: This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "x" is lost from the page.',
			'17 error table-cells: This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "z" is lost from the page.',
			'18 error table-cells: This table row has 4 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "3" and "4" are lost from the page.',
			'22 error table-cells: This table row has 3 cells, but the header row has 2 columns: the site shows only the first 2 and drops the rest, so "quoted" is lost from the page.',
		]);
		const fixes = checkTableHeaders([{ file: 'modules/tables.mdx', body, bodyLine: 10 }]).map((f) => f.fix);
		expect(fixes[0]).toBe('Add a column to the header row, and a `---` to the line of dashes under it; or, if a cell holds a `|` of its own, write it as `\\|`.');
		expect(fixes[1]).toBe(
			'Write the `|` in "a|b" as `\\|`: a `|` ends a cell, even inside `code`, unless a backslash comes before it. If the row has a column more than the table instead, add a column to the header row, and a `---` to the line of dashes under it.'
		);
		expect(fixes[2]).toMatch(/^Write the `\|` in "`x\|y`" as `\\\|`/);
		expect(fixes[3]).toBe('Add 2 columns to the header row, and 2 `---` to the line of dashes under it; or, if a cell holds a `|` of its own, write it as `\\|`.');
	});

	it('says that the columns differ when the line of dashes has fewer or more than the header row, not that it is missing', () => {
		const fewer = tables('| A | B | C |\n| --- | --- |\n| 1 | 2 | 3 |');
		expect(fewer).toEqual([
			'10 error table-dashes: These lines are written as a table, but the site shows them as one paragraph of `|` characters: the header row has 3 columns and the line of dashes under it has 2, and a table needs as many in both.',
		]);
		expect(checkTableHeaders([{ file: 'modules/tables.mdx', body: '| A | B | C |\n| --- | --- |\n| 1 | 2 | 3 |', bodyLine: 10 }])[0]!.fix).toBe(
			"Write the line of dashes with one `---` for each of the header row's 3 columns: `| --- | --- | --- |`."
		);
		expect(tables('| A | B |\n| :-- | --: | --- |\n| 1 | 2 |')).toEqual([
			'10 error table-dashes: These lines are written as a table, but the site shows them as one paragraph of `|` characters: the header row has 2 columns and the line of dashes under it has 3, and a table needs as many in both.',
		]);
		expect(tables('| A \\| B | C |\n| --- | --- |\n| 1 | 2 |')).toEqual([]);
		// Lines of `|` kept as text, as the fix says: the first `|` of each escaped.
		expect(tables('\\|x| + \\|y|\n\\|a| + \\|b|')).toEqual([]);
		expect(tables('|x| + |y|\n|a| + |b|')).toHaveLength(1);
	});
});
