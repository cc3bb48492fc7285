import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkYamlSubset } from '../src/lib/safety/yaml-subset.ts';

const FILE = 'content/modules/intro.mdx';

/** Parses YAML as the check does and returns what the subset check says, with the frontmatter's line offset. */
function check(text: string, lineOffset = 1) {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
	return checkYamlSubset(doc, lines, FILE, lineOffset);
}
const short = (text: string) => check(text).map((f) => [f.line, f.column, f.message]);

describe('YAML beyond plain data', () => {
	it('passes plain data: fields, lists, text, numbers, dates, booleans, block scalars and a start marker', () => {
		expect(check('---\ntitle: "Intro: the <<basics>>"\nduration: 30\nreviewed: 2026-11-20\ndraft: false\nsummary: >-\n  Two\n  lines.\nlist: [a, b]\nmap: { a: 1 }\n? explicit\n: key\n')).toEqual([]);
		expect(check("title: 'It''s &amp; fine'\nnote: 'a & b * c ! d'\n")).toEqual([]);
	});

	it('refuses a tag, with the words a contributor reads', () => {
		expect(check('title: Intro\ndata: !!binary aGVsbG8=\n')).toEqual([
			{
				rule: 'yaml-subset',
				severity: 'error',
				file: FILE,
				line: 3,
				column: 16,
				message: 'The value is tagged `!!binary`; YAML tags are not allowed.',
				fix: 'Remove the tag and write plain data: text, a number, a date, true or false, a list or fields. A text value that starts with "!" goes in quotes, like "!important".',
			},
		]);
	});

	it.each([
		['a core tag', 'a: !!str 12\n', '!!str'],
		['a local tag', 'a: !foo x\n', '!foo'],
		['a language tag', 'a: !!js/function "function () {}"\n', '!!js/function'],
		['the non-specific tag', 'a: ! 12\n', '!'],
		['a tag on a mapping', 'a: !!set\n  ? x\n', '!!set'],
		['a tag on a list', 'a: !!omap\n  - x: 1\n', '!!omap'],
	])('refuses %s', (_what, text, tag) => {
		expect(check(text).map((f) => f.message)).toEqual([`The value is tagged \`${tag}\`; YAML tags are not allowed.`]);
	});

	it('refuses anchors and aliases, each where it is written', () => {
		expect(check('base: &b\n  title: x\nother: *b\nlist:\n  - &item one\n  - *item\n')).toEqual([
			expect.objectContaining({ line: 2, column: 1, message: 'The anchor `&b` is not allowed.' }),
			expect.objectContaining({ line: 4, column: 8, message: 'The alias `*b` is not allowed.' }),
			expect.objectContaining({ line: 6, column: 11, message: 'The anchor `&item` is not allowed.' }),
			expect.objectContaining({
				line: 7,
				column: 5,
				message: 'The alias `*item` is not allowed.',
				fix: 'Write the value out in full everywhere it is needed: the YAML readers of the check and of the build treat anchors differently, and aliases can repeat a value many times over.',
			}),
		]);
	});

	it('refuses merge keys, written plain or in quotes', () => {
		expect(check('a:\n  <<: { x: 1 }\n  y: 2\n')).toEqual([
			expect.objectContaining({
				line: 3,
				column: 3,
				message: 'The merge key `<<` is not allowed.',
				fix: 'Write the fields out in full instead: one YAML reader merges `<<` fields into the mapping and the other reads `<<` as an ordinary field.',
			}),
		]);
		expect(short('"<<": 1\n')).toEqual([[2, 1, 'The merge key `<<` is not allowed.']]);
	});

	it('refuses lists and mappings as keys', () => {
		expect(check('? [a, b]\n: 1\n{ x: 1 }: 2\n').map((f) => [f.line, f.message, f.fix])).toEqual([
			[2, 'A key is a list or a mapping; keys must be plain names.', 'Write the key as a plain name followed by a colon, like `title:`, and put the list or fields in its value.'],
			[4, 'A key is a list or a mapping; keys must be plain names.', 'Write the key as a plain name followed by a colon, like `title:`, and put the list or fields in its value.'],
		]);
	});

	it('refuses a second document', () => {
		expect(check('title: a\n---\ntitle: b\n')).toEqual([
			expect.objectContaining({
				line: 3,
				message: 'The YAML holds more than one document: a `---` or `...` line ends the first one here.',
				fix: 'Keep all fields in one block: remove the `---` or `...` line and the repeated fields after it.',
			}),
		]);
		expect(short('title: a\n...\ntitle: b\n')).toHaveLength(1);
	});

	it('refuses %YAML and %TAG directives, which change what values mean', () => {
		expect(check('%YAML 1.1\n---\nagree: yes\n', 0).map((f) => [f.line, f.message])).toEqual([[1, 'The directive `%YAML 1.1` is not allowed.']]);
		expect(check('%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n', 0).map((f) => f.message)).toEqual([
			'The directive `%TAG !e!` is not allowed.',
			'The value is tagged `tag:example.com,2000:x`; YAML tags are not allowed.',
		]);
	});

	it('counts lines from the start of the file, for a standalone YAML file', () => {
		expect(check('a: *x\n', 0).map((f) => f.line)).toEqual([1]);
	});
});
