/**
 * The size limits of a file the curriculum loads, and the check that holds a file to them, before
 * any reader parses it: they keep a single file from making the check or the build run for minutes.
 * The check reads the text once, and reads a line character by character only when it is longer than the limit.
 */
import { finding, type Finding } from '../check/findings.ts';
import { isHigh, isLow } from './characters.ts';
import { estimateNesting } from './nesting.ts';

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
