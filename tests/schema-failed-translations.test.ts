import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { makeBilingual } from './tea-bilingual.ts';
import { brewingFi, copyFixture, TODAY } from './utils.ts';

/**
 * A translation, or the original it translates, whose frontmatter fails its schema is still held to
 * the translation rules as far as it can be read: a translator sees in one run that a question is
 * marked otherwise than the original's, beside the slip in a field name, and not in a second round.
 */

const TRANSLATION = 'modules/brewing-basics.fi.mdx';

/** The tea fixture in English and Finnish (tea-bilingual.ts): brewing-basics and its track translated. */
const bilingual = () => {
	const content = copyFixture('valid-course');
	makeBilingual(content);
	return content;
};

const edit = (content: string, path: string, change: (text: string) => string) => {
	const before = readFileSync(join(content, path), 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`The edit changed nothing in ${path}.`);
	writeFileSync(join(content, path), after);
};

/** The 1-based line of a file on which `text` first appears. */
const lineOf = (content: string, path: string, text: string) => {
	const index = readFileSync(join(content, path), 'utf8').split('\n').findIndex((line) => line.includes(text));
	if (index < 0) throw new Error(`"${text}" is not in ${path}.`);
	return index + 1;
};

/** The errors and warnings of a file, as `[rule, line, message]`: the fixture's pending updates give notices beside them. */
const findingsOf = (content: string, file: string) =>
	checkCurriculum(content, { root: content, on: TODAY })
		.findings.filter((f) => f.file === file && f.severity !== 'notice')
		.map((f) => [f.rule, f.line, f.message]);

/** The translation with both of its question's choices marked right, where the original marks the first. */
const bothRight = (text: string) => text.replace('        explanation: Enemmän lehteä', '        correct: true\n        explanation: Enemmän lehteä');

describe('the translation rules judge a translation or an original whose frontmatter fails its schema', () => {
	it("a module's translation with a misspelt field: its question marked otherwise than the original's", () => {
		const content = bilingual();
		edit(content, TRANSLATION, (text) => bothRight(text.replace('translates: 2.1.0\n', '$&kaantajat: [Aino Esimerkki]\n')));
		expect(findingsOf(content, TRANSLATION)).toEqual([
			['schema', lineOf(content, TRANSLATION, 'kaantajat:'), 'Unknown field `kaantajat` in the module translation.'],
			[
				'translation-shape',
				lineOf(content, TRANSLATION, '- question:'),
				'Question 1 ("Tee maistuu kitkerältä. Mitä muutat ensin?") marks choices 1 and 2 right; the original marks choice 1.',
			],
		]);
	});

	it("a module's translation whose schema failed still hears that it follows an older version, or one the original never had", () => {
		const content = bilingual();
		// A summary left empty; the translation follows 2.0.0, a release of the original's changelog.
		edit(content, TRANSLATION, (text) => text.replace(/^summary: .*$/m, 'summary:').replace('translates: 2.1.0', 'translates: 2.0.0'));
		const translates = lineOf(content, TRANSLATION, 'translates:');
		expect(findingsOf(content, TRANSLATION)).toEqual([
			['schema', lineOf(content, TRANSLATION, 'summary:'), expect.stringContaining('`summary`')],
			['translation-outdated', translates, 'The translation follows version 2.0.0; the original is now at 2.1.0.'],
		]);
		edit(content, TRANSLATION, (text) => text.replace('translates: 2.0.0', 'translates: 2.0.5'));
		expect(findingsOf(content, TRANSLATION)).toEqual([
			['schema', lineOf(content, TRANSLATION, 'summary:'), expect.stringContaining('`summary`')],
			['translation-version', translates, 'The translation says it follows version 2.0.5, which the original never had: its changelog lists 2.1.0, 2.0.0 and 1.0.0.'],
		]);
		// An entry of the original's changelog whose version cannot be read may be 2.0.5: its own schema finding comes first.
		edit(content, 'modules/brewing-basics.mdx', (text) => text.replace('  - version: 2.0.0\n', '  - version: two\n'));
		expect(findingsOf(content, TRANSLATION).map(([rule]) => rule)).toEqual(['schema']);
	});

	it('a translation of an original whose schema failed: compared with what the original says, and no orphan', () => {
		const content = bilingual();
		// The original's duration is no number, and its track and update each lack a field.
		edit(content, 'modules/brewing-basics.mdx', (text) => text.replace('duration: 30', 'duration: half an hour'));
		edit(content, 'tracks/tea-foundations.yaml', (text) => text.replace('audience: Anyone who owns a kettle.\n', ''));
		edit(content, 'updates/2026-11-10-kettle-presets.md', (text) => text.replace(/^summary: .*\n/m, ''));
		writeFileSync(join(content, 'updates/2026-11-10-kettle-presets.fi.md'), '---\ntitle: Vedenkeittimiin lämpötilavalinnat\nsummary: Valinnat 70, 80 ja 90 °C.\n---\n\nValinnat.\n');
		edit(content, TRANSLATION, bothRight);
		const findings = checkCurriculum(content, { root: content, on: TODAY }).findings.filter((f) => f.rule.startsWith('translation-'));
		expect(findings.map((f) => [f.file, f.rule, f.line])).toEqual([[TRANSLATION, 'translation-shape', lineOf(content, TRANSLATION, '- question:')]]);
	});

	it('a translation whose schema failed, named for a language the curriculum lacks or for an original that does not exist', () => {
		const content = bilingual();
		// Swedish is no locale of the curriculum; "brewing-basic" and "tea-foundation" are no originals.
		writeFileSync(join(content, 'modules/serving.sv.mdx'), '---\ntitle: Servering\n---\n\nHäll upp.\n');
		writeFileSync(join(content, 'modules/brewing-basic.fi.mdx'), bothRight(brewingFi()).replace('translates: 2.1.0', 'translates: 2.1'));
		writeFileSync(join(content, 'tracks/tea-foundation.fi.yaml'), 'title: Teen perusteet\nsummary: Kiehuvasta vedestä jaettavaan kannuun.\n');
		const findings = checkCurriculum(content, { root: content, on: TODAY }).findings;
		const of = (file: string) => findings.filter((f) => f.file === file && f.rule.startsWith('translation-')).map((f) => [f.rule, f.message, f.fix]);
		expect(of('modules/serving.sv.mdx')).toEqual([
			['translation-locale', '"sv" is not one of the curriculum\'s locales (en, fi).', 'Name the file serving.<locale>.mdx with one of fi, or add "sv" to `locales` in curriculum.yaml.'],
		]);
		expect(of('modules/brewing-basic.fi.mdx')).toEqual([
			['translation-orphan', 'This translates modules/brewing-basic.mdx, which does not exist.', 'Did you mean "brewing-basics"? Rename the file to brewing-basics.fi.mdx.'],
		]);
		expect(of('tracks/tea-foundation.fi.yaml')).toEqual([
			['translation-orphan', 'This translates tracks/tea-foundation.yaml, which does not exist.', 'Did you mean "tea-foundations"? Rename the file to tea-foundations.fi.yaml.'],
		]);
		// Each file's schema findings are there beside them, once.
		expect(findings.filter((f) => f.rule === 'schema').map((f) => f.file).sort()).toEqual(['modules/brewing-basic.fi.mdx', 'modules/serving.sv.mdx', 'modules/serving.sv.mdx', 'modules/serving.sv.mdx', 'tracks/tea-foundation.fi.yaml', 'tracks/tea-foundation.fi.yaml']);
	});

	it('a question of either knowledge check that cannot be read is compared with none, and its schema finding stands alone', () => {
		const content = bilingual();
		// A mark that is neither true nor false, and a question of one choice: what their forms are is unknown until they are fixed.
		edit(content, TRANSLATION, (text) => text.replace('        correct: true\n', '        correct: kyllä\n'));
		expect(findingsOf(content, TRANSLATION).map(([rule]) => rule)).toEqual(['schema']);
		const original = bilingual();
		edit(original, 'modules/brewing-basics.mdx', (text) => text.replace('      - text: Add more leaf\n        explanation: More leaf makes it stronger and more bitter.\n', ''));
		expect(findingsOf(original, TRANSLATION)).toEqual([]);
	});
});
