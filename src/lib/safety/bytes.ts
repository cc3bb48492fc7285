/**
 * Checks on the characters and the size of every file the curriculum loads, before any reader
 * parses it. Invisible characters are refused because a reviewer cannot see them and the readers
 * (the YAML package, js-yaml, Astro's frontmatter cut, the Markdown compiler) each treat them their
 * own way; the size limits keep a single file from making the check or the build run for minutes.
 * Both checks read the text once. A text with nothing to report, as nearly every file is, is passed
 * by one regular expression of a single character class (linear in the text, whatever it holds), and
 * only a text it flags, or a line longer than the limit, is read character by character.
 *
 * The character check is here. What each character is, and how a message names it, is in
 * `characters.ts`; the size limits are in `limits.ts`, with their estimate of nesting in `nesting.ts`.
 * Importers take all of it from this file.
 */
import { finding, type Finding } from '../check/findings.ts';
import { characterKind, describeCharacter, escapeInvisible, isHigh, isLow, type CharacterKind } from './characters.ts';

export { characterKind, describeCharacter, escapeInvisible, quoteText, type CharacterKind } from './characters.ts';
export { checkLimits, DEFAULT_LIMITS, MAX_LIMITS, type ContentLimits } from './limits.ts';

export const BYTE_RULES: Record<string, { title: string; description: string }> = {
	'control-character': {
		title: 'No invisible control characters',
		description:
			'Text may hold tabs and line breaks, and no other control character: no NUL or other C0 or C1 control, no DEL, no U+2028 or U+2029 line separators, no byte order mark (not even at the start of a file, where the frontmatter’s `---` must be the very first bytes), and no U+FFFD replacement character or lone surrogate, which show that a file is not valid UTF-8. None of them can be seen in a review, and the YAML and Markdown readers disagree about what they mean. The report names each as its code point, such as `U+0000 (NUL)`; delete it, or save the file again as UTF-8 without a BOM.',
	},
	'bidi-character': {
		title: 'No characters that reorder text',
		description:
			'The bidirectional embedding, override and isolate characters (U+202A to U+202E and U+2066 to U+2069) change the order in which a line is displayed, so a reviewer could read one text while the build and readers get another. They are refused everywhere. Right-to-left text displays correctly without them; where a mark is needed between right-to-left and left-to-right words, the marks U+200E, U+200F and U+061C are allowed, because they change no order on their own.',
	},
};

/**
 * Every code unit `checkBytes` may refuse (see `characterKind`), and every carriage return: a text
 * without any of them has nothing to report. Surrogates are all here, paired or not, so a text with
 * an emoji is read character by character.
 */
const MAYBE_REFUSED = /[\0-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufffd-\uffff]/;

interface LineProblem {
	kind: CharacterKind;
	code: number;
	column: number;
	count: number;
}

/**
 * Refuses control characters, line separators, byte order marks, signs of text that is not UTF-8,
 * and characters that reorder text: one finding per rule and line, at the first such character.
 */
export function checkBytes(source: string, file: string): Finding[] {
	if (!MAYBE_REFUSED.test(source)) return [];
	const findings: Finding[] = [];
	let line = 1;
	let lineStart = 0;
	let control: LineProblem | null = null;
	let bidi: LineProblem | null = null;
	const flush = () => {
		if (control) findings.push(controlFinding(control, file, line));
		if (bidi) findings.push(bidiFinding(bidi, file, line));
		control = bidi = null;
	};
	for (let i = 0; i < source.length; i++) {
		const code = source.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) continue;
		if (code === 0x0a) {
			flush();
			line++;
			lineStart = i + 1;
			continue;
		}
		// A carriage return is a line break only before a line feed: alone, one YAML reader ends the
		// line there and the other does not, so a field could hide from the check inside a comment.
		const kind = code === 0x0d && source.charCodeAt(i + 1) !== 0x0a ? 'lone-cr' : characterKind(code);
		if (kind === null) continue;
		// A high surrogate followed by a low one is a single character beyond U+FFFF, such as an emoji.
		if (isHigh(code) && isLow(source.charCodeAt(i + 1))) {
			i++;
			continue;
		}
		const problem = { kind, code, column: i - lineStart + 1, count: 1 };
		if (kind === 'bidi') {
			if (bidi) bidi.count++;
			else bidi = problem;
		} else if (control) control.count++;
		else control = problem;
	}
	flush();
	return findings;
}

function more(count: number, what: string): string {
	return count > 1 ? ` The line holds ${count - 1} more ${what}.` : '';
}

function controlFinding(problem: LineProblem, file: string, line: number): Finding {
	const { kind, code, column, count } = problem;
	const name = describeCharacter(code);
	const others = more(count, count === 2 ? 'such character' : 'such characters');
	const at = { rule: 'control-character', file, line, column } as const;
	if (kind === 'bom') {
		const first = line === 1 && column === 1;
		const document = /\.mdx?$/i.test(file);
		return finding({
			...at,
			message: first
				? `The file starts with ${name}, an invisible mark some editors write before the text.${others}`
				: `The text holds ${name}, an invisible character.${others}`,
			fix: first
				? `Save the file as UTF-8 without a BOM (in VS Code: "Save with Encoding", then "UTF-8"), so that ${document ? 'the frontmatter’s `---` is the very first bytes' : 'it starts with its first real character'}.`
				: 'Delete it: retype the text around it, or search for \\ufeff with regular expressions on.',
		});
	}
	if (kind === 'not-utf8') {
		const lost = code === 0xfffd || (code >= 0xd800 && code <= 0xdfff);
		return finding({
			...at,
			message: lost
				? `The text holds ${name}: the file is not valid UTF-8, or a character was lost when it was converted.${others}`
				: `The text holds ${name}, which is not a character at all.${others}`,
			fix: lost
				? 'Save the file as UTF-8, then retype the character that was lost, or delete it.'
				: 'Delete it. If the file was saved as UTF-16, save it as UTF-8.',
		});
	}
	if (kind === 'lone-cr') {
		return finding({
			...at,
			message: `The text holds a carriage return (U+000D) that is not followed by a line feed, which some readers take for a line break and others do not.${others}`,
			fix: 'Save the file with Unix (LF) or Windows (CRLF) line endings; most editors show and change this in their status bar.',
		});
	}
	if (kind === 'separator') {
		return finding({
			...at,
			message: `The text holds ${name}, which some readers take for a line break and others do not.${others}`,
			fix: 'Replace it with an ordinary line break, or with a space.',
		});
	}
	return finding({
		...at,
		message: `The text holds the control character ${name}, which cannot be seen in a review.${others}`,
		fix: `Delete it: retype the text around it, or search for ${escapeInvisible(String.fromCharCode(code))} with regular expressions on. Tabs and line breaks are the only control characters text may hold.`,
	});
}

function bidiFinding(problem: LineProblem, file: string, line: number): Finding {
	const { code, column, count } = problem;
	return finding({
		rule: 'bidi-character',
		file,
		line,
		column,
		message: `The text holds ${describeCharacter(code)}, which changes the order in which the line is displayed, so a review would not show what readers get.${more(count, count === 2 ? 'such character' : 'such characters')}`,
		fix: 'Delete it and write the text in the order it is read; browsers lay out right-to-left text without it. Between right-to-left and left-to-right words, U+200F (RIGHT-TO-LEFT MARK) or U+200E (LEFT-TO-RIGHT MARK) is allowed.',
	});
}
