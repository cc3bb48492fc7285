/** The cheap estimate of how deep a line of Markdown nests, which the size limits (`limits.ts`) hold a file to. */

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
export function estimateNesting(
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
