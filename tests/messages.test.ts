import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { formatHuman } from '../src/lib/check/report.ts';
import { brewingFi, copyFixture, TODAY } from './utils.ts';

/**
 * The slips contributors make most, each made on a copy of the tea fixture's `serving` module. The
 * words they read are UI copy, so the whole report is kept in a snapshot and reviewed in diffs.
 */
const MISTAKES: Record<string, (frontmatter: string) => string> = {
	'a field indented two spaces too far': (text) => text.replace('summary:', '  summary:'),
	'a tab in the indentation': (text) => text.replace(/^outcomes:\n {2}- /m, 'outcomes:\n\t- '),
	'a value with ": " in it, unquoted': (text) => text.replace(/^summary: .*$/m, 'summary: Milk: before or after'),
	'a required field left out': (text) => text.replace(/^level: .*\n/m, ''),
	'a level the curriculum does not have': (text) => text.replace(/^level: .*$/m, 'level: Expert'),
	'an unknown field, misspelt': (text) => text.replace(/^summary:/m, 'sumary:'),
	'a date written the European way': (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 23.11.2026'),
	'a list item that swallowed the next line': (text) => text.replace(/^outcomes:\n {2}- (.*)$/m, 'outcomes:\n  - $1\n    - Pour without spilling.'),
	'a field written twice': (text) => text.replace(/^(level: .*)$/m, '$1\n$1'),
	'a hashtag in a value without quotes': (text) => text.replace(/^title: .*$/m, 'title: Serving for #teatime guests'),
	'a title in typographic quotes, pasted from a word processor': (text) => text.replace(/^title: .*$/m, 'title: “Serving”'),
	'a value with ": " in typographic quotes': (text) => text.replace(/^summary: .*$/m, 'summary: “Milk: before or after”'),
	'a non-breaking space after a field name, pasted from a word processor': (text) => text.replace(/^title: /m, 'title:\u00a0'),
	'a value that starts with a hashtag': (text) => text.replace(/^summary: .*$/m, 'summary: #teatime is when guests arrive.'),
	'an outcome with ": " in it, unquoted': (text) => text.replace(/^outcomes:\n {2}- .*$/m, 'outcomes:\n  - Strength: serve tea neither weak nor stewed.'),
	'a choice written as its words alone': (text) => text.replace(/^( {6})- text: (.*)\n {8}correct: .*\n {8}explanation: .*\n/m, '$1- $2\n'),
	'a source dated under `date`': (text) => text.replace(/^outcomes:/m, 'sources:\n  - title: Serving tea\n    publisher: Steeped\n    url: https://example.org/serving\n    date: 2026-11-01\noutcomes:'),
};

describe('the messages for the mistakes contributors make most', () => {
	it('point at the line to change and say how, in plain words', async () => {
		const reports: string[] = [];
		for (const [mistake, change] of Object.entries(MISTAKES)) {
			const content = copyFixture('valid-course');
			const file = join(content, 'modules', 'serving.mdx');
			writeFileSync(file, change(readFileSync(file, 'utf8')));
			const { findings } = checkCurriculum(content, { root: content, on: TODAY });
			const own = findings.filter((f) => f.file === 'modules/serving.mdx' && f.severity === 'error');
			expect(own.length, mistake).toBeGreaterThan(0);
			reports.push(`## ${mistake}\n\n${formatHuman(own, { site: 'https://example.org' })}\n`);
		}
		await expect(reports.join('\n')).toMatchFileSnapshot('__snapshots__/contributor-mistakes.txt');
	});

	it('say what a required field holds where its type would not: the version a translation follows', () => {
		const content = copyFixture('valid-course');
		// A curriculum in Finnish too: a translation into a language it lacks would be told so as well.
		appendFileSync(join(content, 'curriculum.yaml'), 'locales: [en, fi]\n');
		writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), brewingFi().replace(/^translates: .*\n/m, ''));
		const { findings } = checkCurriculum(content, { root: content, on: TODAY });
		expect(findings.filter((f) => f.file === 'modules/brewing-basics.fi.mdx' && f.severity === 'error').map((f) => [f.message, f.fix])).toEqual([
			[
				'The required field `translates` is missing from the module translation.',
				'Add `translates:` with the version of the original you translated, as its `version:` gives it (such as `translates: 1.2.0`).',
			],
		]);
	});
});
