/**
 * Checks on the characters and the size of every file the curriculum loads, before any reader
 * parses it. Invisible characters are refused because a reviewer cannot see them and the readers
 * (the YAML package, js-yaml, Astro's frontmatter cut, the Markdown compiler) each treat them their
 * own way; the size limits keep a single file from making the check or the build run for minutes.
 * Both checks read the text once. A text with nothing to report, as nearly every file is, is passed
 * by one regular expression of a single character class (linear in the text, whatever it holds), and
 * only a text it flags, or a line longer than the limit, is read character by character.
 */
import { finding, type Finding } from '../check/findings.ts';

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

/** The size limits a file is held to; the curriculum config can change them under `limits`. */
export interface ContentLimits {
	/** The most bytes a file may have, counted in UTF-8. */
	fileBytes: number;
	/** The most characters a line may have. */
	lineLength: number;
	/** The deepest nesting of blocks and elements. The tree check uses it too. */
	nestingDepth: number;
	/** The most lines a code block may have. The tree check enforces it. */
	codeBlockLines: number;
}

export const DEFAULT_LIMITS: Readonly<ContentLimits> = {
	// Three times the longest module today. The compiler slows down with the square of the size for
	// some inputs (thousands of `:x` directives take 10 s at 190 KB); at 64 KB every input measured
	// by `npm run bench -- --adversarial` is checked in well under 2 s.
	fileBytes: 64 * 1024,
	lineLength: 4_000,
	nestingDepth: 30,
	codeBlockLines: 500,
};

/**
 * The highest values the config may set. A line of 64 KB already brings the compiler down, and a
 * limit that a pull request could raise to a billion would be no limit at all.
 */
export const MAX_LIMITS: Readonly<ContentLimits> = {
	fileBytes: 256 * 1024,
	lineLength: 16_000,
	nestingDepth: 100,
	codeBlockLines: 5_000,
};

export type CharacterKind = 'control' | 'separator' | 'bom' | 'not-utf8' | 'bidi' | 'lone-cr';

const C0_NAMES = [
	'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
	'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];
const C1_NAMES = [
	'PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3',
	'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGC', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC',
];
const OTHER_NAMES: Record<number, string> = {
	0x7f: 'DEL',
	0x202a: 'LEFT-TO-RIGHT EMBEDDING',
	0x202b: 'RIGHT-TO-LEFT EMBEDDING',
	0x202c: 'POP DIRECTIONAL FORMATTING',
	0x202d: 'LEFT-TO-RIGHT OVERRIDE',
	0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2066: 'LEFT-TO-RIGHT ISOLATE',
	0x2067: 'RIGHT-TO-LEFT ISOLATE',
	0x2068: 'FIRST STRONG ISOLATE',
	0x2069: 'POP DIRECTIONAL ISOLATE',
	0x2028: 'LINE SEPARATOR',
	0x2029: 'PARAGRAPH SEPARATOR',
	0xfeff: 'BYTE ORDER MARK',
	0xfffd: 'REPLACEMENT CHARACTER',
	0xfffe: 'NONCHARACTER',
	0xffff: 'NONCHARACTER',
};

/**
 * What is wrong with one UTF-16 code unit, or null when it is fine. Tab, line feed and carriage
 * return are the only controls text needs. The bidirectional marks U+200E, U+200F and U+061C pass:
 * right-to-left writing needs them next to digits and Latin words, and unlike the embeddings,
 * overrides and isolates they cannot make a run of text display in another order. U+FFFE and
 * U+FFFF are refused with the encoding problems because js-yaml refuses them while the YAML package
 * reads them, and a file must mean the same to both.
 */
export function characterKind(code: number): CharacterKind | null {
	if (code >= 0x20 && code < 0x7f) return null;
	if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d ? null : 'control';
	if (code <= 0x9f) return 'control';
	if (code < 0x2028) return null;
	if (code <= 0x2029) return 'separator';
	if (code <= 0x202e) return code >= 0x202a ? 'bidi' : null;
	if (code >= 0x2066 && code <= 0x2069) return 'bidi';
	if (code >= 0xd800 && code <= 0xdfff) return 'not-utf8';
	if (code === 0xfeff) return 'bom';
	if (code >= 0xfffd) return 'not-utf8';
	return null;
}

/** `U+0000 (NUL)`: a character named without printing it. */
export function describeCharacter(code: number): string {
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	const name =
		code < 0x20
			? C0_NAMES[code]
			: code >= 0x80 && code <= 0x9f
				? C1_NAMES[code - 0x80]
				: code >= 0xd800 && code <= 0xdfff
					? 'LONE SURROGATE'
					: OTHER_NAMES[code];
	return name ? `${hex} (${name})` : hex;
}

/**
 * Writes control, separator, reordering and other invisible characters as `\u0001`, so that text
 * quoted from a file cannot forge a line of a report, move the terminal's cursor or reorder what is
 * shown. Tabs and line breaks are escaped too: a message is one line.
 */
export function escapeInvisible(text: string): string {
	let out = '';
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) continue;
		if (characterKind(code) === null && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue;
		// A well-formed surrogate pair is one ordinary character.
		if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
			i++;
			continue;
		}
		out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
		from = i + 1;
	}
	return from === 0 ? text : out + text.slice(from);
}

/** A value quoted for a message: shortened, in double quotes, with invisible characters spelled out. */
export function quoteText(text: string, max = 60): string {
	const short = text.length <= max ? text : `${text.slice(0, max - 1)}…`;
	return `"${escapeInvisible(short)}"`;
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;

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

/**
 * Measures a file against the limits: its size in UTF-8 bytes, its longest line in characters,
 * and, line by line, a cheap estimate of nesting (block quote markers, list markers, directive
 * fences and indentation) that flags structures far too deep before the compiler is handed them.
 * The exact depth is measured on the parsed tree elsewhere. One finding per limit and file.
 */
export function checkLimits(source: string, file: string, limits: Partial<ContentLimits> = {}): Finding[] {
	const limit = { ...DEFAULT_LIMITS, ...limits };
	// UTF-8 bytes, a lone surrogate counted as U+FFFD (three bytes), as it would be written.
	const bytes = Buffer.byteLength(source, 'utf8');
	let longest = { line: 0, length: 0 };
	let longLines = 0;
	let deepest = { line: 0, column: 0, depth: 0 };
	let fence: { char: number; length: number } | null = null;
	let line = 1;
	for (let start = 0; start <= source.length; line++) {
		const newline = source.indexOf('\n', start);
		const end = newline < 0 ? source.length : newline;
		// Characters of the line, a pair of surrogates counting as one; counted only when the line has
		// more code units than the limit, for it cannot have more characters than code units.
		let length = end - start;
		if (length > limit.lineLength) {
			for (let i = start; i + 1 < end; i++) {
				if (isHigh(source.charCodeAt(i)) && isLow(source.charCodeAt(i + 1))) {
					length--;
					i++;
				}
			}
		}
		if (length > limit.lineLength) {
			longLines++;
			if (length > longest.length) longest = { line, length };
		}
		const nesting = estimateNesting(source, start, end, fence);
		fence = nesting.fence;
		if (nesting.depth > deepest.depth) deepest = { line, column: nesting.column, depth: nesting.depth };
		if (newline < 0) break;
		start = newline + 1;
	}

	const findings: Finding[] = [];
	const at = { rule: 'content-limit', file } as const;
	const document = /\.mdx?$/i.test(file);
	if (bytes > limit.fileBytes) {
		findings.push(
			finding({
				...at,
				message: `The file is ${size(bytes)}; the limit is ${size(limit.fileBytes)}.`,
				fix: document
					? 'Split it: a module that long teaches better as two modules, each with its own outcomes and knowledge check. Move long tables, lists or code to where they are needed, or shorten them.'
					: 'Split it into smaller files, or remove entries that are no longer needed.',
			})
		);
	}
	if (longLines > 0) {
		const others = longLines - 1;
		findings.push(
			finding({
				...at,
				line: longest.line,
				column: limit.lineLength + 1,
				message: `The line is ${formatNumber(longest.length)} characters long; the limit is ${formatNumber(limit.lineLength)}.${others > 0 ? ` ${others} other line${others === 1 ? ' is' : 's are'} over the limit too.` : ''}`,
				fix: document
					? 'Break it into shorter lines: the lines of one paragraph are joined when the page is built, so readers see no difference. Split a long table row or list item into several.'
					: 'Break the value over several lines (YAML folds the lines of a `>-` block into one), or shorten it.',
			})
		);
	}
	if (deepest.depth > limit.nestingDepth) {
		findings.push(
			finding({
				...at,
				line: deepest.line,
				column: deepest.column,
				message: `The line is nested about ${deepest.depth} levels deep (block quotes, lists, directives and indentation); the limit is ${limit.nestingDepth}.`,
				fix: 'Flatten the structure: fewer block quotes, lists or asides inside one another, and less indentation. Material that needs that many levels reads better as separate sections.',
			})
		);
	}
	return findings;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

function size(bytes: number): string {
	return bytes >= 1024 ? `${formatNumber(bytes)} bytes (${formatNumber(Math.round(bytes / 1024))} KB)` : `${formatNumber(bytes)} bytes`;
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const COLON = 0x3a;
const BACKTICK = 0x60;
const TILDE = 0x7e;

/**
 * Estimates how deep one line nests: one level for each `>` and list marker at its start, the
 * levels a directive fence of many colons can hold, and one level for every two columns of
 * indentation. Lines inside a fenced code block are code, so they do not count.
 */
function estimateNesting(
	source: string,
	start: number,
	end: number,
	fence: { char: number; length: number } | null
): { depth: number; column: number; fence: { char: number; length: number } | null } {
	let markers = 0;
	let indent = 0;
	let leading = true;
	let i = start;
	while (i < end) {
		const code = source.charCodeAt(i);
		if (code === SPACE || code === TAB) {
			if (leading) indent += code === TAB ? 4 : 1;
			i++;
		} else if (code === GT) {
			markers++;
			leading = false;
			i++;
		} else if ((code === 0x2d || code === 0x2a || code === 0x2b) && isBlank(source.charCodeAt(i + 1)) && i + 1 < end) {
			markers++;
			leading = false;
			i += 2;
		} else if (code >= 0x30 && code <= 0x39) {
			let j = i;
			while (j < end && j - i < 9 && source.charCodeAt(j) >= 0x30 && source.charCodeAt(j) <= 0x39) j++;
			const after = source.charCodeAt(j);
			if ((after === 0x2e || after === 0x29) && j + 1 < end && isBlank(source.charCodeAt(j + 1))) {
				markers++;
				leading = false;
				i = j + 2;
			} else break;
		} else break;
	}
	const column = i - start + 1;
	const first = source.charCodeAt(i);
	const run = runLength(source, i, end, first);
	if (fence) {
		// Only the fence that closes the block ends it; everything else is code.
		const closes = first === fence.char && run >= fence.length;
		return { depth: 0, column, fence: closes ? null : fence };
	}
	if ((first === BACKTICK || first === TILDE) && run >= 3) {
		return { depth: markers + (indent >> 1), column, fence: { char: first, length: run } };
	}
	const directive = first === COLON && run >= 3 ? run - 2 : 0;
	return { depth: markers + directive + (indent >> 1), column, fence: null };
}

function isBlank(code: number): boolean {
	return code === SPACE || code === TAB;
}

function runLength(source: string, from: number, end: number, char: number): number {
	let i = from;
	while (i < end && source.charCodeAt(i) === char) i++;
	return i - from;
}
