import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { copyFixture, TODAY } from './utils.ts';

/** Checks a copy of the tea fixture after `change`, and returns the findings other than the fixture's own. */
function findingsAfter(change: (content: string) => void) {
	const content = copyFixture('valid-course');
	change(content);
	const { findings } = checkCurriculum(content, { root: content, on: TODAY });
	return findings
		.filter((f) => !['review-due', 'pending-update'].includes(f.rule))
		.map(({ rule, severity, file, line, message, fix }) => ({ rule, severity, file, line, message, fix }));
}

const edit = (content: string, path: string, change: (text: string) => string) =>
	writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));

describe('content rules, with the exact words a contributor reads', () => {
	it('leftover-todo: a scaffold marker left in the frontmatter and in the body', () => {
		const findings = findingsAfter((c) =>
			edit(c, 'modules/serving.mdx', (text) => text.replace('summary:', 'summary: TODO say it.\nx-summary:').replace(/\nx-summary:[^\n]*/, '') + '\nTODO Write the closing paragraph.\n')
		);
		expect(findings.filter((f) => f.rule === 'leftover-todo')).toEqual([
			{
				rule: 'leftover-todo',
				severity: 'error',
				file: 'modules/serving.mdx',
				line: 3,
				message: 'A scaffold marker is still here: `summary: TODO say it.`.',
				fix: 'Write the part the marker asks for, then delete the word TODO and any comment after `#` that explains it.',
			},
			expect.objectContaining({ rule: 'leftover-todo', message: 'A scaffold marker is still here: `TODO Write the closing paragraph.`.' }),
		]);
	});

	it('unknown-module: a misspelt id in an update whose `incorporated` list fails its schema is named in the same run', () => {
		const findings = findingsAfter((c) =>
			edit(c, 'updates/2026-11-10-kettle-presets.md', (text) =>
				text.replace('modules: [water-temperature, serving]', 'modules: [water-temperature, servng]\nstatus: incorporated\nincorporated:\n  - { module: servng, version: 1.0.0 }')
			)
		);
		expect(findings.map(({ rule, line, message, fix }) => ({ rule, line, message: message.slice(0, 80), fix }))).toEqual([
			{ rule: 'unknown-module', line: 5, message: 'The update names the module "servng", but there is no modules/servng.mdx.', fix: 'Did you mean "serving"?' },
			expect.objectContaining({ rule: 'update-status', line: 7, message: expect.stringContaining('no version is given for "') }),
			{ rule: 'unknown-module', line: 8, message: 'The update names the module "servng", but there is no modules/servng.mdx.', fix: 'Did you mean "serving"?' },
		]);
	});

	it('one slip, one finding: a byte order mark before the frontmatter, a text file among the modules', () => {
		const bom = findingsAfter((c) => edit(c, 'modules/serving.mdx', (text) => `\uFEFF${text}`));
		expect(bom.map((f) => [f.rule, f.file, f.line])).toEqual([['control-character', 'modules/serving.mdx', 1]]);
		expect(bom[0]!.fix).toContain('without a BOM');
		const text = findingsAfter((c) => writeFileSync(join(c, 'modules/notes.txt'), 'Ideas for a module.\n'));
		expect(text.map((f) => [f.rule, f.file])).toEqual([['content-file-type', 'modules/notes.txt']]);
	});

	it('update-date: a file name without the date', () => {
		const findings = findingsAfter((c) => renameSync(join(c, 'updates/2026-11-10-kettle-presets.md'), join(c, 'updates/kettle-presets.md')));
		expect(findings.filter((f) => f.rule === 'update-date')).toEqual([
			{
				rule: 'update-date',
				severity: 'error',
				file: 'updates/kettle-presets.md',
				line: 1,
				message: "The file name does not start with the update's date, 2026-11-10: updates are named updates/<YYYY-MM-DD>-<id>.md.",
				fix: 'Rename the file to updates/2026-11-10-kettle-presets.md: the date in the name orders the updates in the folder and in their addresses.',
			},
		]);
	});

	it('update-date: the file name and `date:` name different days', () => {
		const findings = findingsAfter((c) => edit(c, 'updates/2026-11-10-kettle-presets.md', (text) => text.replace(/^date: .*$/m, 'date: 2026-11-09')));
		expect(findings.filter((f) => f.rule === 'update-date')).toEqual([
			{
				rule: 'update-date',
				severity: 'error',
				file: 'updates/2026-11-10-kettle-presets.md',
				line: expect.any(Number),
				message: 'The file name says 2026-11-10, but `date:` says 2026-11-09.',
				fix: 'Make them the same day: set `date: 2026-11-10` if the file name is right, or rename the file to 2026-11-09-kettle-presets.md.',
			},
		]);
	});

	it('missing-file: no curriculum config', () => {
		expect(findingsAfter((c) => rmSync(join(c, 'curriculum.yaml')))).toEqual([
			{
				rule: 'missing-file',
				severity: 'error',
				file: 'curriculum.yaml',
				line: 0,
				message: 'The curriculum config curriculum.yaml is missing.',
				fix: 'Create curriculum.yaml with at least title, tagline, site and repository, and the `levels` and `platforms` that modules name; if it was deleted by mistake, restore it from git instead (`git checkout -- curriculum.yaml`).',
			},
		]);
	});

	it('missing-frontmatter and unexpected-file', () => {
		const findings = findingsAfter((c) => {
			writeFileSync(join(c, 'modules', 'notes.mdx'), '# Just notes\n');
			writeFileSync(join(c, 'modules', 'draft.md'), '---\ntitle: x\n---\n');
		});
		expect(findings).toEqual([
			{
				rule: 'unexpected-file',
				severity: 'error',
				file: 'modules/draft.md',
				line: 0,
				message: 'modules/ holds only .mdx files, so "draft.md" would be ignored.',
				fix: 'Rename it to end in .mdx, or move it out of modules/.',
			},
			{
				rule: 'missing-frontmatter',
				severity: 'error',
				file: 'modules/notes.mdx',
				line: 1,
				message: 'The file does not start with YAML frontmatter between two `---` lines.',
				fix: 'Start the file with `---`, the fields, and `---`; `npm run new` writes a valid file to copy from.',
			},
		]);
	});

	it('frontmatter-fence: a frontmatter never closed is one finding, at the line meant to close it, and the module is not published', () => {
		const findings = findingsAfter((c) => {
			const path = join(c, 'modules', 'serving.mdx');
			writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, '\n--\n'));
			writeFileSync(join(c, 'modules', 'unclosed.mdx'), '---\ntitle: Unclosed\nsummary: No fence at all.\n\n## A section\n');
		});
		expect(findings.map((f) => [f.rule, f.file, f.line, f.message])).toEqual([
			['frontmatter-fence', 'modules/serving.mdx', 29, 'The line `--` seems meant to close the frontmatter, but a closing fence is a line of exactly `---`, so no reader ends the fields here.'],
			['frontmatter-fence', 'modules/unclosed.mdx', 1, 'The frontmatter that opens on line 1 is never closed: no later line is exactly `---`.'],
		]);
	});

	it('archive-version: an archive of the current major, or named after the wrong major', () => {
		const findings = findingsAfter((c) => {
			renameSync(join(c, 'archive', 'brewing-basics', 'v1.mdx'), join(c, 'archive', 'brewing-basics', 'v2.mdx'));
		});
		// One finding: renaming the file back to the major it holds also ends the clash with the current major.
		expect(findings.map((f) => [f.rule, f.message, f.fix])).toEqual([
			['archive-version', 'The file is v2.mdx but its version is 1.0.0.', 'Rename the file to v1.mdx, the major it holds.'],
		]);
	});

	it('module-standards: the limits the config sets', () => {
		const findings = findingsAfter((c) => {
			edit(c, 'curriculum.yaml', (text) => `${text}standards:\n  minWords: 50\n  minOutcomes: 2\n  minQuestions: 2\n  minSources: 1\n`);
		});
		expect(findings.filter((f) => f.file === 'modules/serving.mdx').map((f) => f.message)).toEqual([
			'The module cites 0 sources; the curriculum asks for at least 1.',
			'The module lists 1 learning outcome; the curriculum asks for at least 2.',
			'The knowledge check has 1 question; the curriculum asks for at least 2.',
			'The module has 5 words of text; the curriculum asks for at least 50.',
		]);
	});

	it('module-standards: still said of a module whose frontmatter fails its schema, so one fix does not uncover the next', () => {
		const findings = findingsAfter((c) => {
			edit(c, 'curriculum.yaml', (text) => `${text}standards:\n  minWords: 50\n  minOutcomes: 2\n  minQuestions: 2\n  minSources: 1\n`);
			// A date in another form, and a list written as text: the schema's to report, not the standards'.
			edit(c, 'modules/serving.mdx', (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 06/12/2026').replace(/^outcomes:\n(  - .*\n)+/m, 'outcomes: Pour well.\n'));
		});
		expect(findings.filter((f) => f.file === 'modules/serving.mdx').map((f) => `${f.rule}: ${f.message}`)).toEqual([
			// (In the order of their lines: serving has no `sources` field, so that one is at the top.)
			'module-standards: The module cites 0 sources; the curriculum asks for at least 1.',
			'schema: `outcomes` should be a list, but it is the text "Pour well.".',
			'schema: `reviewed`: "06/12/2026" is not a date in the form YYYY-MM-DD, like 2026-11-23.',
			'module-standards: The knowledge check has 1 question; the curriculum asks for at least 2.',
			'module-standards: The module has 5 words of text; the curriculum asks for at least 50.',
		]);
	});

	it('orphan-module: not said of the modules a track names while that track cannot be read', () => {
		const findings = findingsAfter((c) => {
			edit(c, 'tracks/tea-foundations.yaml', (text) => text.replace(/passMark: \d+/, 'passMark: 80%'));
			writeFileSync(join(c, 'tracks/hosting.yaml'), 'title: Hosting\nsummary: Serve tea to guests.\naudience: Anyone with guests.\nmodules: [serving]\ncertificate:\n  title: Tea Hosting\n  passMark: 75\n');
		});
		// The one slip in the track is its one finding, not followed by a warning for each module it lists.
		expect(findings.map((f) => [f.rule, f.file])).toEqual([['schema', 'tracks/tea-foundations.yaml']]);
	});

	it('unknown-module with a suggestion, in a prerequisite', () => {
		const findings = findingsAfter((c) => edit(c, 'modules/serving.mdx', (text) => text.replace('prerequisites: [brewing-basics]', 'prerequisites: [brewing-basic]')));
		expect(findings).toEqual([
			{
				rule: 'unknown-module',
				severity: 'error',
				file: 'modules/serving.mdx',
				line: 10,
				message: 'The prerequisite names the module "brewing-basic", but there is no modules/brewing-basic.mdx.',
				fix: 'Did you mean "brewing-basics"?',
			},
		]);
	});

	it('duplicate-id: a redirect away from a module that still exists', () => {
		const findings = findingsAfter((c) => writeFileSync(join(c, 'redirects.yaml'), '- from: serving\n  to: brewing-basics\n'));
		expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
			['duplicate-id', 1, '"serving" is redirected, but modules/serving.mdx still exists, so the redirect would hide it.'],
		]);
	});

	it('duplicate-id: a prerequisite listed twice', () => {
		const findings = findingsAfter((c) => edit(c, 'modules/serving.mdx', (text) => text.replace('prerequisites: [brewing-basics]', 'prerequisites: [brewing-basics, brewing-basics]')));
		expect(findings.map(({ rule, file, line, message, fix }) => [rule, file, line, message, fix])).toEqual([
			['duplicate-id', 'modules/serving.mdx', 10, '`prerequisites`: The prerequisite "brewing-basics" is listed twice.', 'Remove the second "brewing-basics".'],
		]);
	});

	it('update-status: an incorporated version missing from the module changelog', () => {
		const findings = findingsAfter((c) => edit(c, 'updates/2026-10-20-teapot-infuser.md', (text) => text.replace('version: 2.1.0', 'version: 2.2.0')));
		expect(findings.map((f) => [f.rule, f.message])).toEqual([
			['update-status', 'The update says "brewing-basics" absorbed it in 2.2.0, but that module\'s changelog has no 2.2.0.'],
		]);
	});

	it('schema: an invalid date and URL in a source', () => {
		const findings = findingsAfter((c) =>
			edit(c, 'modules/brewing-basics.mdx', (text) => text.replace('url: https://example.org/brewing', 'url: example.org/brewing').replace('accessed: 2026-11-01', 'accessed: 2026-13-01'))
		);
		expect(findings.map((f) => [f.line, f.message])).toEqual([
			[17, '`sources[0].url` (source 1): "example.org/brewing" is not a full http(s) URL, like "https://example.org/page".'],
			[18, '`sources[0].accessed`: "2026-13-01" is written as a date but is no day of the calendar: check the month and the day.'],
		]);
	});

	it('schema: a date in another form, a number with its unit, a version read as a number, a missing date', () => {
		const findings = findingsAfter((c) => {
			edit(c, 'modules/brewing-basics.mdx', (text) =>
				text.replace('accessed: 2026-11-01', 'accessed: 1 November 2026').replace(/^duration: .*$/m, 'duration: 30 minutes').replace(/^reviewed: .*\n/m, '')
			);
			edit(c, 'updates/2026-10-20-teapot-infuser.md', (text) => text.replace('version: 2.1.0', 'version: 2.1'));
		});
		expect(findings.map((f) => [f.file.split('/').slice(-2).join('/'), f.message, f.fix])).toEqual([
			['modules/brewing-basics.mdx', 'The required field `reviewed` is missing from the module frontmatter.', 'Add `reviewed:` with the day you last checked the whole module against the platforms (YYYY-MM-DD).'],
			['modules/brewing-basics.mdx', '`duration` should be a number, but it is the text "30 minutes".', 'Write the number alone, without a unit: `duration: 30`.'],
			[
				'modules/brewing-basics.mdx',
				'`sources[0].accessed`: "1 November 2026" is not a date in the form YYYY-MM-DD, like 2026-11-23.',
				'Write the date as year-month-day with two-digit months and days, for example 2026-03-07 for 7 March 2026.',
			],
			[
				'updates/2026-10-20-teapot-infuser.md',
				'`incorporated[0].version` (entry 1) should be a text value, but it is the number 2.1.',
				'Write the version with its three parts, in double quotes: `version: "2.1.0"` (major, minor, patch; the module\'s changelog lists its versions).',
			],
		]);
	});
});

mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
