import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { formatGithub, formatHuman } from '../src/lib/check/report.ts';
import { characterKind, checkBytes, checkLimits, DEFAULT_LIMITS, describeCharacter, escapeInvisible } from '../src/lib/safety/bytes.ts';
import { parseYaml, validate } from '../src/lib/curriculum/frontmatter.ts';
import { curriculumConfigSchema } from '../src/lib/curriculum/schema/config.ts';
import { copyFixture, TODAY } from './utils.ts';

const FILE = 'content/modules/intro.mdx';
const MODULE = '---\ntitle: Intro\n---\n\nSome text.\n';
const places = (findings: Finding[]) => findings.map((f) => [f.rule, f.line, f.column]);

/** Whether a string holds a character the reports must never print raw. */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

describe('checkBytes', () => {
	it('passes ordinary text: tabs, CRLF line breaks, accents, emoji and right-to-left marks', () => {
		expect(checkBytes('---\r\ntitle: Café\r\n---\n\tcode 😀\nشكرا\u200f 2026\u061c and\u200e done\n', FILE)).toEqual([]);
	});

	it('refuses a NUL with the words a contributor reads, at its line and column', () => {
		expect(checkBytes('---\ntitle: Intro\n---\nBefore\u0000after\n', FILE)).toEqual([
			{
				rule: 'control-character',
				severity: 'error',
				file: FILE,
				line: 4,
				column: 7,
				message: 'The text holds the control character U+0000 (NUL), which cannot be seen in a review.',
				fix: 'Delete it: retype the text around it, or search for \\u0000 with regular expressions on. Tabs and line breaks are the only control characters text may hold.',
			},
		]);
	});

	it('reports one finding per line, counting the other characters on it', () => {
		const findings = checkBytes('a\u0007b\u001bc\u007f\nclean\n\u0085x\n', FILE);
		expect(places(findings)).toEqual([
			['control-character', 1, 2],
			['control-character', 3, 1],
		]);
		expect(findings[0]!.message).toBe(
			'The text holds the control character U+0007 (BEL), which cannot be seen in a review. The line holds 2 more such characters.'
		);
		expect(findings[1]!.message).toContain('U+0085 (NEL)');
	});

	it('refuses every character that reorders text, under its own rule', () => {
		for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
			const findings = checkBytes(`x = 1 ${String.fromCharCode(code)}// admin\n`, FILE);
			expect(places(findings), describeCharacter(code)).toEqual([['bidi-character', 1, 7]]);
		}
		expect(checkBytes('if (user \u202e) {\u2066 x \u2069\n', FILE)).toEqual([
			{
				rule: 'bidi-character',
				severity: 'error',
				file: FILE,
				line: 1,
				column: 10,
				message:
					'The text holds U+202E (RIGHT-TO-LEFT OVERRIDE), which changes the order in which the line is displayed, so a review would not show what readers get. The line holds 2 more such characters.',
				fix: 'Delete it and write the text in the order it is read; browsers lay out right-to-left text without it. Between right-to-left and left-to-right words, U+200F (RIGHT-TO-LEFT MARK) or U+200E (LEFT-TO-RIGHT MARK) is allowed.',
			},
		]);
	});

	it('reports a control character and a reordering character on the same line separately', () => {
		expect(places(checkBytes('a\u202eb\u0001c\n', FILE))).toEqual([
			['control-character', 1, 4],
			['bidi-character', 1, 2],
		]);
	});

	it('refuses a byte order mark at the first byte, where the frontmatter must start', () => {
		const [bom] = checkBytes(`\ufeff${MODULE}`, FILE);
		expect(bom).toMatchObject({ rule: 'control-character', line: 1, column: 1 });
		expect(bom!.message).toBe('The file starts with U+FEFF (BYTE ORDER MARK), an invisible mark some editors write before the text.');
		expect(bom!.fix).toBe(
			'Save the file as UTF-8 without a BOM (in VS Code: "Save with Encoding", then "UTF-8"), so that the frontmatter’s `---` is the very first bytes.'
		);
		expect(places(checkBytes('title: A\nsummary: B\ufeffC\n', 'content/tracks/a.yaml'))).toEqual([['control-character', 2, 11]]);
	});

	it('refuses line separators, replacement characters, lone surrogates and noncharacters', () => {
		expect(checkBytes('a\u2028b\n', FILE)[0]!.message).toBe(
			'The text holds U+2028 (LINE SEPARATOR), which some readers take for a line break and others do not.'
		);
		expect(checkBytes('caf\ufffd\n', FILE)[0]!.message).toBe(
			'The text holds U+FFFD (REPLACEMENT CHARACTER): the file is not valid UTF-8, or a character was lost when it was converted.'
		);
		expect(checkBytes('x\ud800y\n', FILE)[0]!.message).toContain('U+D800 (LONE SURROGATE)');
		expect(checkBytes('x\udc00\n', FILE)).toHaveLength(1);
		expect(checkBytes('x\uffff\n', FILE)[0]!.message).toBe('The text holds U+FFFF (NONCHARACTER), which is not a character at all.');
	});

	it('refuses every code unit that characterKind refuses, wherever it stands in a line of ordinary text', () => {
		// All 65,536 UTF-16 code units, each alone between letters: the quick pass over a text with nothing
		// to report must not pass over any of them. A lone carriage return is refused as well.
		const missed: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			const refused = code === 0x0d || characterKind(code) !== null;
			const found = checkBytes(`ab${String.fromCharCode(code)}cd`, FILE);
			if (refused !== (found.length === 1 && found[0]!.column === 3)) missed.push(code.toString(16));
		}
		expect(missed).toEqual([]);
	});

	it('never prints the raw character in a message or a fix', () => {
		for (let code = 0; code <= 0xffff; code++) {
			for (const f of checkBytes(`a${String.fromCharCode(code)}b`, FILE)) {
				expect(RAW.test(f.message) || RAW.test(f.fix), describeCharacter(code)).toBe(false);
			}
		}
	});

	it('reads a megabyte in well under a second', () => {
		const text = `${'An ordinary line of prose, with accents: é, ü, and — dashes.\n'.repeat(16_000)}\u0000`;
		const started = performance.now();
		expect(checkBytes(text, FILE)).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(500);
	});
});

describe('checkLimits', () => {
	it('passes a file within every limit', () => {
		expect(checkLimits(`${MODULE}> A quote\n> > nested\n- a list\n  - nested\n`, FILE)).toEqual([]);
	});

	it('refuses a file over the size limit, in bytes of UTF-8', () => {
		const text = `${MODULE}${'é'.repeat(60_000)}\n`.replace(/(é{1000})/g, '$1\n');
		expect(Buffer.byteLength(text)).toBe(120_094);
		expect(checkLimits(text, FILE, { fileBytes: 100_000 })).toEqual([
			{
				rule: 'content-limit',
				severity: 'error',
				file: FILE,
				line: 0,
				column: 0,
				message: 'The file is 120,094 bytes (117 KB); the limit is 100,000 bytes (98 KB).',
				fix: 'Split it: a module that long teaches better as two modules, each with its own outcomes and knowledge check. Move long tables, lists or code to where they are needed, or shorten them.',
			},
		]);
		expect(checkLimits('a'.repeat(DEFAULT_LIMITS.fileBytes - 1), FILE, { lineLength: 1e9 })).toEqual([]);
		expect(checkLimits('a'.repeat(DEFAULT_LIMITS.fileBytes + 1), FILE, { lineLength: 1e9 }).map((f) => f.message)).toEqual([
			'The file is 65,537 bytes (64 KB); the limit is 65,536 bytes (64 KB).',
		]);
	});

	it('refuses the longest line over the limit, counting characters, not UTF-16 units', () => {
		const text = `${MODULE}${'x'.repeat(4_001)}\nshort\n${'y'.repeat(65_536)}\n`;
		expect(checkLimits(text, FILE, { fileBytes: 1e6 })).toEqual([
			{
				rule: 'content-limit',
				severity: 'error',
				file: FILE,
				line: 8,
				column: 4_001,
				message: 'The line is 65,536 characters long; the limit is 4,000. 1 other line is over the limit too.',
				fix: 'Break it into shorter lines: the lines of one paragraph are joined when the page is built, so readers see no difference. Split a long table row or list item into several.',
			},
		]);
		expect(checkLimits('😀'.repeat(4_000), FILE)).toEqual([]);
		expect(checkLimits('title: x\n', 'content/tracks/a.yaml', { lineLength: 5 })[0]!.fix).toBe(
			'Break the value over several lines (YAML folds the lines of a `>-` block into one), or shorten it.'
		);
	});

	it('estimates nesting from quote markers, list markers, directive fences and indentation', () => {
		const quotes = `${MODULE}${'> '.repeat(31)}deep\n`;
		expect(checkLimits(quotes, FILE)).toEqual([
			{
				rule: 'content-limit',
				severity: 'error',
				file: FILE,
				line: 6,
				column: 63,
				message: 'The line is nested about 31 levels deep (block quotes, lists, directives and indentation); the limit is 30.',
				fix: 'Flatten the structure: fewer block quotes, lists or asides inside one another, and less indentation. Material that needs that many levels reads better as separate sections.',
			},
		]);
		expect(checkLimits(`${'> '.repeat(30)}fine\n`, FILE)).toEqual([]);
		expect(places(checkLimits(`${' '.repeat(80)}- item\n`, FILE))).toEqual([['content-limit', 1, 83]]);
		expect(places(checkLimits(`${'- '.repeat(40)}item\n`, FILE))).toEqual([['content-limit', 1, 81]]);
		expect(places(checkLimits(`${':'.repeat(40)}note\n`, FILE))).toEqual([['content-limit', 1, 1]]);
		expect(checkLimits('> a\n', FILE, { nestingDepth: 1 })).toEqual([]);
	});

	it('does not count indentation inside a fenced code block', () => {
		const code = `${MODULE}\`\`\`json\n${' '.repeat(100)}"deep": 1\n\`\`\`\n`;
		expect(checkLimits(code, FILE)).toEqual([]);
		expect(places(checkLimits(`${code}${' '.repeat(100)}after\n`, FILE))).toEqual([['content-limit', 9, 101]]);
	});

	it('measures a file of the largest size allowed in well under a second', () => {
		const text = `${'- '.repeat(10)}A list item with some words in it.\n`.repeat(6_000);
		const started = performance.now();
		checkLimits(text, FILE);
		expect(performance.now() - started).toBeLessThan(500);
	});
});

describe('limits in the curriculum config', () => {
	const config = (limits: string) => {
		const text = `title: Steeped\ntagline: Tea.\nsite: https://steeped.example.org\nrepository: https://github.com/example/steeped\n${limits}`;
		return validate(curriculumConfigSchema, parseYaml(text, 'curriculum.yaml').parsed!, 'curriculum.yaml', 'the curriculum config');
	};

	it('defaults every limit when the config sets none or some', () => {
		expect(config('').data?.limits).toEqual(DEFAULT_LIMITS);
		expect(config('limits:\n  lineLength: 8000\n').data?.limits).toEqual({ ...DEFAULT_LIMITS, lineLength: 8000 });
	});

	it('refuses a limit above its ceiling, so a pull request cannot switch the limits off', () => {
		expect(config('limits:\n  fileBytes: 1000000000\n').findings.map((f) => [f.line, f.message])).toEqual([
			[6, '`limits.fileBytes`: Too big: expected number to be <=262144'],
		]);
		expect(config('limits:\n  nestingDepth: 0\n').findings).toHaveLength(1);
		expect(config('limits:\n  codeBlockLines: 2.5\n').findings).toHaveLength(1);
		expect(config('limits:\n  lines: 5\n').findings.map((f) => f.message)).toEqual(['Unknown field `limits.lines` in the curriculum config.']);
	});
});

describe('the check over a whole curriculum', () => {
	it('checks bytes and limits in every Markdown, MDX and YAML file, with the limits from the config', () => {
		const content = copyFixture('valid-course');
		const edit = (path: string, change: (text: string) => string) =>
			writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));
		edit('curriculum.yaml', (text) => `${text}limits:\n  lineLength: 300\n# ${'long '.repeat(100)}\n`);
		edit('modules/serving.mdx', (text) => `${text}\nA line with a hidden \u202e in it.\n`);
		edit('updates/2026-11-10-kettle-presets.md', (text) => `${text}\nBell\u0007\n`);
		edit('tracks/tea-foundations.yaml', (text) => `${text}# escape \u001b\n`);
		edit('redirects.yaml', (text) => `\ufeff${text}`);
		const { findings } = checkCurriculum(content, { root: content, on: TODAY });
		const seen = findings.filter((f) => ['control-character', 'bidi-character', 'content-limit'].includes(f.rule)).map((f) => [f.file, f.rule]);
		expect(seen).toEqual([
			['curriculum.yaml', 'content-limit'],
			['modules/serving.mdx', 'bidi-character'],
			['redirects.yaml', 'control-character'],
			['tracks/tea-foundations.yaml', 'control-character'],
			['updates/2026-11-10-kettle-presets.md', 'control-character'],
		]);
	});

	it('does not hand a file over the limits to the compiler, and still fails it', () => {
		const content = copyFixture('valid-course');
		// 75 KB of unclosed braces: over the 64 KB default, and slow for the compiler's reader.
		writeFileSync(join(content, 'modules', 'serving.mdx'), `${readFileSync(join(content, 'modules', 'serving.mdx'), 'utf8')}\n${`${'{ '.repeat(1_500)}\n`.repeat(25)}`);
		const { findings } = checkCurriculum(content, { root: content, on: TODAY });
		const serving = findings.filter((f) => f.file === 'modules/serving.mdx' && f.severity === 'error');
		expect(serving.map((f) => f.rule)).toEqual(['content-limit']);
	});
});

describe('reports', () => {
	const forged: Finding = {
		rule: 'schema',
		severity: 'error',
		file: 'content/modules/a\u001b[2Jb.mdx',
		line: 2,
		column: 1,
		message: '`title`: "Intro\nmodules/other.mdx:1:1  error  fake" is \u202ewrong\u0085.',
		fix: 'Fix 100% of it\r\nnow.',
	};

	it('spell out invisible characters for people, so content cannot forge a line or move the cursor', () => {
		const text = formatHuman([forged]);
		expect(RAW.test(text)).toBe(false);
		expect(text.split('\n').slice(0, 2)).toEqual([
			'content/modules/a\\u001b[2Jb.mdx:2:1  error  `title`: "Intro\\u000amodules/other.mdx:1:1  error  fake" is \\u202ewrong\\u0085.  schema',
			'  fix: Fix 100% of it\\u000d\\u000anow.',
		]);
	});

	it('spell them out in GitHub annotations too, after which %, CR and LF get the workflow-command escapes', () => {
		expect(formatGithub([forged])).toBe(
			'::error file=content/modules/a\\u001b[2Jb.mdx,line=2,col=1,title=schema::`title`: "Intro\\u000amodules/other.mdx:1:1  error  fake" is \\u202ewrong\\u0085.%0AFix: Fix 100%25 of it\\u000d\\u000anow.%0ASee: /contributing/rules/schema/'
		);
		// With the curriculum's site, the rule's page is a full address, which the annotation on the pull request links.
		expect(formatGithub([forged], { site: 'https://steeped.example.org/' }).endsWith('%0ASee: https://steeped.example.org/contributing/rules/schema/')).toBe(true);
	});

	it('leave emoji and right-to-left marks as they are', () => {
		expect(escapeInvisible('Café 😀 \u200f')).toBe('Café 😀 \u200f');
	});
});
