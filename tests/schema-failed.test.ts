import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum, checkCurriculumKeeping } from '../src/lib/check/check-curriculum.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { copyFixture, TMP, TODAY } from './utils.ts';

/**
 * A slip in a file's frontmatter fails its schema, and the file's other problems are still found in
 * the same run: a contributor who walked through the workflow needed three rounds of fixing and
 * checking again for one module, each round showing what the one before had hidden.
 */

const edit = (content: string, path: string, change: (text: string) => string) => {
	const before = readFileSync(join(content, path), 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`The edit changed nothing in ${path}.`);
	writeFileSync(join(content, path), after);
};

/** The 1-based line of a file on which `text` first appears. */
const lineOf = (content: string, path: string, text: string) => placeOf(content, path, text)[0];

/** The 1-based line and column at which `text` first appears in a file. */
const placeOf = (content: string, path: string, text: string): [number, number] => {
	const lines = readFileSync(join(content, path), 'utf8').split('\n');
	const index = lines.findIndex((line) => line.includes(text));
	if (index < 0) throw new Error(`"${text}" is not in ${path}.`);
	return [index + 1, lines[index]!.indexOf(text) + 1];
};

/** The errors and warnings: the fixture's pending updates give notices beside them. */
const check = (content: string) => checkCurriculum(content, { root: content, on: TODAY }).findings.filter((f) => f.severity !== 'notice');
const of = (findings: Finding[], file: string) => findings.filter((f) => f.file === file && f.severity !== 'notice').map(({ rule, line, column }) => [rule, line, column]);

describe('a file whose frontmatter fails its schema has its other findings in the same run', () => {
	it('a module: an unknown quiz field, a question without a correct choice and a broken link', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/brewing-basics.mdx';
		edit(content, file, (text) =>
			text
				.replace('  - question: A pot tastes bitter. What do you change first?\n', '$&    answer: 2\n')
				.replace('\n---\n', '\n  - question: Which water suits green tea?\n    choices:\n      - text: Boiling water\n        explanation: It scalds the leaf.\n      - text: Cold water\n        explanation: It draws out little.\n---\n')
				.replace('Use a teaspoon a cup.', 'Use a teaspoon a cup, as [serving tea](/modules/servng/) says.')
		);
		const findings = check(content);
		expect(of(findings, file)).toEqual([
			['schema', lineOf(content, file, 'answer: 2'), 5],
			['quiz-sanity', lineOf(content, file, 'Which water suits green tea?') + 1, 5],
			['broken-link', ...placeOf(content, file, '/modules/servng/')],
		]);
		expect(findings.find((f) => f.rule === 'broken-link')).toMatchObject({ message: 'The link "/modules/servng/" leads to no page of the curriculum.', fix: 'Did you mean "/modules/serving/"?' });
	});

	it('an update: a date that is no day, a date still to come, a file name that disagrees and a broken link', () => {
		const content = copyFixture('valid-course');
		const file = 'updates/2026-11-10-kettle-presets.md';
		edit(content, file, (text) => `${text.replace('date: 2026-11-10', 'date: 2026-12-01').replace('accessed: 2026-11-11', 'accessed: 2026-13-01')}\nRead [the module](/modules/water-temprature/).\n`);
		const findings = check(content);
		const date = lineOf(content, file, 'date: 2026-12-01');
		expect(of(findings, file)).toEqual([
			['future-date', date, 1],
			['update-date', date, 1],
			['schema', lineOf(content, file, 'accessed: 2026-13-01'), 5],
			['broken-link', ...placeOf(content, file, '/modules/water-temprature/')],
		]);
		expect(findings.find((f) => f.rule === 'update-date')?.message).toBe('The file name says 2026-11-10, but `date:` says 2026-12-01.');
	});

	it('an update: the rules across its fields, and a file name without its date', () => {
		const content = copyFixture('valid-course');
		const file = 'updates/kettle-presets.md';
		renameSync(join(content, 'updates/2026-11-10-kettle-presets.md'), join(content, file));
		// Incorporated, with a version for a module it does not name and none for one it does.
		edit(content, file, (text) =>
			text.replace('accessed: 2026-11-11', 'accessed: yesterday').replace('summary: Kettles', 'status: incorporated\nincorporated:\n  - module: brewing-basics\n    version: 2.1.0\nsummary: Kettles')
		);
		const rules = check(content)
			.filter((f) => f.file === file)
			.map((f) => f.rule);
		expect(rules.sort()).toEqual(['schema', 'update-date', 'update-status', 'update-status']);
	});

	it('a question with a choice lacking its explanation: duplicate choices in it and in a sibling question', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/serving.mdx';
		edit(content, file, (text) =>
			text
				.replace('        explanation: Only matters if the cups are fragile.\n', '      - text: first, always\n        explanation: The same choice again.\n')
				.replace('\n---\n', '\n  - question: Which cup keeps tea warm longest?\n    choices:\n      - text: A thick porcelain cup\n        correct: true\n        explanation: Thick walls hold heat.\n      - text: A glass\n        explanation: Glass loses heat fast.\n      - text: a  glass\n        explanation: The same again.\n---\n')
		);
		const findings = check(content).filter((f) => f.file === file);
		expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
			['schema', lineOf(content, file, '- text: First, always'), 'The required field `quiz[0].choices[1].explanation` (question 1, choice 2) is missing from the module frontmatter.'],
			['quiz-sanity', lineOf(content, file, '- text: first, always'), '`quiz[0].choices[2].text`: Question 1 lists the choice "first, always" twice (choices 2 and 3).'],
			['quiz-sanity', lineOf(content, file, '- text: a  glass'), '`quiz[1].choices[2].text`: Question 2 lists the choice "a  glass" twice (choices 2 and 3).'],
		]);
	});

	it('a changelog with one entry the schema refuses: the version and order rules on the entries that can be read', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/brewing-basics.mdx';
		// A kind the schema does not know in the newest entry; a version the changelog does not name;
		// the first release dated after the major that followed it.
		edit(content, file, (text) => text.replace('version: 2.1.0\n', 'version: 2.2.0\n').replace('kind: platform-change', 'kind: platform-update').replace('date: 2025-01-01', 'date: 2026-07-01'));
		const findings = check(content).filter((f) => f.file === file);
		expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
			['changelog-version', lineOf(content, file, '- version: 2.1.0'), '`changelog[0].version`: The newest changelog entry is 2.1.0 but the module\'s version is 2.2.0.'],
			['schema', lineOf(content, file, 'kind: platform-update'), expect.stringContaining('"platform-update" is not a change kind')],
			['changelog-order', lineOf(content, file, 'date: 2026-06-01'), '`changelog[1].date`: Version 2.0.0 is dated 2026-06-01, before the older 1.0.0 (2026-07-01).'],
		]);
	});

	it('a changelog entry whose date is no day still has its version compared, and one with no version is named by its place', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/brewing-basics.mdx';
		edit(content, file, (text) => text.replace('date: 2026-06-01', 'date: 2026-02-30').replace('version: 1.0.0', 'version: 3.0.0'));
		expect(
			check(content)
				.filter((f) => f.file === file)
				.map((f) => [f.rule, f.line, f.message])
		).toEqual([
			['schema', lineOf(content, file, 'date: 2026-02-30'), expect.stringContaining('"2026-02-30" is written as a date but is no day of the calendar')],
			['changelog-order', lineOf(content, file, '- version: 3.0.0'), '`changelog[2].version`: Changelog versions must decrease from top to bottom, but 3.0.0 comes after 2.0.0.'],
		]);
		const versionless = copyFixture('valid-course');
		edit(versionless, file, (text) => text.replace('  - version: 2.0.0\n', '  - version: "2.0"\n').replace('date: 2025-01-01', 'date: 2026-07-01'));
		expect(
			check(versionless)
				.filter((f) => f.file === file)
				.map((f) => [f.rule, f.message, f.fix])
		).toEqual([
			['schema', expect.stringContaining('"2.0" is not a version of the form MAJOR.MINOR.PATCH'), expect.anything()],
			[
				'changelog-order',
				'`changelog[1].date`: Changelog entry 2 is dated 2026-06-01, before the older 1.0.0 (2026-07-01).',
				'Correct the dates so that no release is dated before the one below it: changelog entry 2 on or after 2026-07-01, or 1.0.0 on or before 2026-06-01.',
			],
		]);
	});

	it("an older changelog entry's version written as a number: the fix writes what was written, with its three parts", () => {
		const content = copyFixture('valid-course');
		const file = 'modules/brewing-basics.mdx';
		// YAML reads `2.0` as the number 2 and `1.10` as 1.1; neither is the newest release, 2.1.0.
		edit(content, file, (text) => text.replace('  - version: 2.0.0\n', '  - version: 2.0\n').replace('  - version: 1.0.0\n', '  - version: 1.10\n'));
		expect(
			check(content)
				.filter((f) => f.file === file && f.rule === 'schema')
				.map((f) => [f.line, f.message, f.fix])
		).toEqual([
			[
				lineOf(content, file, '- version: 2.0'),
				'`changelog[1].version` (changelog entry 2) should be a text value, but it is the number 2.',
				'Write the version with its three parts, in double quotes: `version: "2.0.0"` (major, minor, patch; the version this entry records).',
			],
			[
				lineOf(content, file, '- version: 1.10'),
				'`changelog[2].version` (changelog entry 3) should be a text value, but it is the number 1.1.',
				'Write the version with its three parts, in double quotes: `version: "1.10.0"` (major, minor, patch; the version this entry records).',
			],
		]);
	});

	it('a changelog entry that is no set of fields is not stepped over: the entries on either side of it are not compared', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/brewing-basics.mdx';
		// Beside 1.0.0, 2.1.0 marked as a correction would open a new major; the unreadable entry between them may be 2.0.0.
		edit(content, file, (text) =>
			text.replace('kind: platform-change', 'kind: fixed').replace('  - version: 2.0.0\n    date: 2026-06-01\n    kind: major\n    summary: Reversed the advice on squeezing tea bags.\n', '  - 2.0.0 reversed the advice on squeezing tea bags\n')
		);
		expect(
			check(content)
				.filter((f) => f.file === file)
				.map((f) => f.rule)
		).toEqual(['schema']);
	});

	it('a question whose choices cannot all be read is judged on what can: its right answer waits for its marks', () => {
		const content = copyFixture('valid-course');
		const file = 'modules/serving.mdx';
		// A mark that is no true or false: whether the question has a right answer is unknown until it is fixed.
		edit(content, file, (text) => text.replace('        correct: true\n', '        correct: yes\n'));
		expect(
			check(content)
				.filter((f) => f.file === file)
				.map((f) => f.rule)
		).toEqual(['schema']);
	});

	it('a module: the quiz quality rules and the body rules on a module whose schema failed', () => {
		const content = copyFixture('valid-course');
		edit(content, 'curriculum.yaml', (text) => `${text.trimEnd()}\nstandards:\n  longestRightPerModule: 50\n`);
		const file = 'modules/brewing-basics.mdx';
		edit(content, file, (text) =>
			text
				.replace('title: Brewing basics\n', '$&autor: Ada Example\n')
				.replace('      - text: Add more leaf\n', '      - text: All of the above\n        explanation: Not so.\n$&')
				.replace('## Leaf', '##Leaf\n\n## Sources')
		);
		const findings = check(content).filter((f) => f.file === file);
		expect(findings.map((f) => [f.rule, f.line])).toEqual([
			['schema', lineOf(content, file, 'autor:')],
			['quiz-longest-answer', lineOf(content, file, 'quiz:')],
			['quiz-giveaway', lineOf(content, file, 'All of the above')],
			['heading-space', lineOf(content, file, '##Leaf')],
			['duplicate-section-id', lineOf(content, file, '## Sources')],
		]);
		expect(findings[1]?.message).toBe('The right answer is the longest choice in 1 of 1 questions (question 1); the curriculum allows at most 50%.');
	});

	it('references: the prerequisites of a module and the modules of a track whose schema failed', () => {
		const content = copyFixture('valid-course');
		const module = 'modules/serving.mdx';
		const track = 'tracks/tea-foundations.yaml';
		edit(content, module, (text) => text.replace('duration: 15', 'duration: a quarter of an hour').replace('prerequisites: [brewing-basics]', 'prerequisites: [brewing-basics, brewing-basic, serving]'));
		// The track lacks its certificate's title, names a module that does not exist, and puts brewing-basics before its prerequisite.
		edit(content, track, (text) => text.replace('  - water-temperature\n  - brewing-basics\n', '  - brewing-basics\n  - water-temperature\n').replace('  - serving\n', '$&  - milk\n').replace('  title: Tea Foundations\n', ''));
		edit(content, 'modules/brewing-basics.mdx', (text) => text.replace('prerequisites: [water-temperature]', 'prerequisites: [water-temperature, serving]'));
		const findings = check(content);
		expect(findings.filter((f) => f.file === module).map((f) => [f.rule, f.line, f.message])).toEqual([
			['schema', lineOf(content, module, 'duration:'), expect.stringContaining('`duration`')],
			['unknown-module', lineOf(content, module, 'prerequisites:'), 'The prerequisite names the module "brewing-basic", but there is no modules/brewing-basic.mdx.'],
			['prerequisite-cycle', lineOf(content, module, 'prerequisites:'), 'The module "serving" lists itself as a prerequisite.'],
		]);
		expect(findings.filter((f) => f.file === track).map((f) => [f.rule, f.line])).toEqual([
			// Before water-temperature and before serving, its two prerequisites.
			['prerequisite-order', lineOf(content, track, '- brewing-basics')],
			['prerequisite-order', lineOf(content, track, '- brewing-basics')],
			['unknown-module', lineOf(content, track, '- milk')],
			['schema', lineOf(content, track, 'certificate:')],
		]);
		// A cycle through the module whose schema failed.
		expect(findings.filter((f) => f.rule === 'prerequisite-cycle' && f.file === 'modules/brewing-basics.mdx')).toHaveLength(1);
	});

	it('update-status: the versions that absorbed an update are looked up in the changelogs of modules whose schema failed', () => {
		const content = copyFixture('valid-course');
		const update = 'updates/2026-11-10-kettle-presets.md';
		// Neither module's frontmatter passes; water-temperature never had 1.1.0, and serving released 1.0.1 before the change.
		edit(content, 'modules/water-temperature.mdx', (text) => text.replace('duration: 20', 'duration: twenty minutes'));
		edit(content, 'modules/serving.mdx', (text) => text.replace('duration: 15', 'duration: a quarter of an hour'));
		edit(content, update, (text) => text.replace('summary: Kettles', 'status: incorporated\nincorporated:\n  - module: water-temperature\n    version: 1.1.0\n  - module: serving\n    version: 1.0.1\nsummary: Kettles'));
		expect(check(content).filter((f) => f.file === update).map((f) => [f.rule, f.line, f.message, f.fix])).toEqual([
			[
				'update-status',
				lineOf(content, update, 'version: 1.1.0'),
				'The update says "water-temperature" absorbed it in 1.1.0, but that module\'s changelog has no 1.1.0.',
				"Use a version from modules/water-temperature.mdx's changelog (current: 1.0.0).",
			],
			[
				'update-status',
				lineOf(content, update, 'version: 1.0.1'),
				'The update says "serving" absorbed it in 1.0.1, released on 2026-10-01, before the change it records (2026-11-10).',
				expect.stringContaining('Release modules/serving.mdx with the change'),
			],
		]);
		// An update whose own schema failed too (a source's access date that is no date) is judged alike.
		edit(content, update, (text) => text.replace('accessed: 2026-11-11', 'accessed: yesterday'));
		expect(check(content).filter((f) => f.file === update).map((f) => [f.rule, f.line])).toEqual([
			['schema', lineOf(content, update, 'accessed: yesterday')],
			['update-status', lineOf(content, update, 'version: 1.1.0')],
			['update-status', lineOf(content, update, 'version: 1.0.1')],
		]);
		// A changelog entry whose version cannot be read may be the one named: its schema finding comes first.
		edit(content, 'modules/water-temperature.mdx', (text) => text.replace('  - version: 1.0.0\n', '  - version: one\n'));
		expect(check(content).filter((f) => f.file === update).map((f) => f.message)).not.toContain('The update says "water-temperature" absorbed it in 1.1.0, but that module\'s changelog has no 1.1.0.');
	});

	it('archives: an archived major and its module whose schema failed are held to the archive rules', () => {
		const content = copyFixture('valid-course');
		const archive = 'archive/brewing-basics/v1.mdx';
		// The module fails its schema, and its current major is archived beside the old one.
		edit(content, 'modules/brewing-basics.mdx', (text) => text.replace('duration: 30', 'duration: half an hour'));
		writeFileSync(join(content, 'archive/brewing-basics/v2.mdx'), readFileSync(join(content, 'modules/brewing-basics.mdx'), 'utf8'));
		// The old archive has a field the schema does not know, and a copy of it is filed under no module's id.
		edit(content, archive, (text) => text.replace(/^title: .*\n/m, '$&autor: Ada Example\n'));
		mkdirSync(join(content, 'archive/brewing-basic'));
		writeFileSync(join(content, 'archive/brewing-basic/v1.mdx'), readFileSync(join(content, archive), 'utf8'));
		const findings = check(content).filter((f) => f.file.startsWith('archive/') && f.rule !== 'schema');
		expect(findings.map((f) => [f.file, f.rule, f.message])).toEqual([
			['archive/brewing-basic/v1.mdx', 'unknown-module', 'archive/brewing-basic/ freezes a module that does not exist in modules/.'],
			['archive/brewing-basics/v2.mdx', 'archive-version', "v2 is archived, but the module's current version 2.1.0 is not a later major."],
		]);
	});

	it('a link to a page whose file fails its schema is not called broken: that file says what to fix', () => {
		const content = copyFixture('valid-course');
		edit(content, 'updates/2026-10-20-teapot-infuser.md', (text) => text.replace(/^title: .*$/m, 'title:'));
		edit(content, 'tracks/tea-foundations.yaml', (text) => text.replace('audience: Anyone who owns a kettle.\n', ''));
		edit(content, 'modules/water-temperature.mdx', (text) => `${text}\nSee [the infuser](/updates/2026-10-20-teapot-infuser/) and [the track](/tracks/tea-foundations/syllabus/).\n`);
		expect(check(content).filter((f) => f.rule === 'broken-link')).toEqual([]);
	});

	it('odd values where the schema wants others are its findings alone, and no rule stumbles on them', () => {
		const content = copyFixture('valid-course');
		const module = 'modules/water-temperature.mdx';
		edit(content, module, (text) =>
			text
				.replace('reviewed: 2020-01-10', 'reviewed: [2030-01-10]')
				.replace('reviewInterval: 365', 'reviewInterval: null')
				.replace(/^prerequisites:.*\n|(?=^reviewed:)/m, 'prerequisites: [null, [serving], {id: serving}]\n')
				.replace(/^quiz:\n/m, 'quiz:\n  - null\n  - A question as text\n  - question: [Which?]\n    choices: {text: Boiling}\n  - question: Which kettle?\n    choices: [null, [x], text]\n')
				.replace(/^sources:\n/m, 'sources:\n  - null\n  - accessed: [2030-01-01]\n')
				// A date of the right form that is no day of the calendar.
				.replace(/^(changelog:\n {2}- version: 1\.0\.0\n {4}date: )\S+/m, '$12030-02-30')
		);
		const update = 'updates/2026-11-10-kettle-presets.md';
		edit(content, update, (text) => text.replace('date: 2026-11-10', 'date: [2030-01-01]').replace('modules: [water-temperature, serving]', 'modules: [[water-temperature], null]'));
		const findings = check(content).filter((f) => f.file === module || f.file === update);
		expect(findings.length).toBeGreaterThan(0);
		// Every finding is the schema's, each once: no rule reads a value the schema refused.
		expect(findings.filter((f) => f.rule !== 'schema')).toEqual([]);
		const places = findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.message}`);
		expect(new Set(places).size).toBe(places.length);
	});

	it("the build's check, from its memo on the second run, gives the same full list", () => {
		const content = copyFixture('valid-course');
		edit(content, 'modules/brewing-basics.mdx', (text) => text.replace('title: Brewing basics\n', '$&autor: Ada Example\n').replace('Use a teaspoon a cup.', 'See [serving](/modules/servng/).'));
		edit(content, 'updates/2026-11-10-kettle-presets.md', (text) => text.replace('date: 2026-11-10', 'date: 2026-12-01').replace('accessed: 2026-11-11', 'accessed: 2026-13-01'));
		const memo = mkdtempSync(join(TMP, 'schema-failed-memo-'));
		const rules = () => checkCurriculumKeeping(memo, content, { root: content, on: TODAY }).findings.filter((f) => f.severity === 'error').map((f) => `${f.file} ${f.rule}`);
		const expected = ['modules/brewing-basics.mdx schema', 'modules/brewing-basics.mdx broken-link', 'updates/2026-11-10-kettle-presets.md future-date', 'updates/2026-11-10-kettle-presets.md update-date', 'updates/2026-11-10-kettle-presets.md schema'];
		expect(rules()).toEqual(expected);
		expect(rules()).toEqual(expected);
	});
});
