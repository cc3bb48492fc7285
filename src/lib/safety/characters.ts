/**
 * What a character is, for the check on the characters of a file (`bytes.ts`): refused or not, and
 * of which kind; how a message names it without printing it; and text quoted in a message with its
 * invisible characters spelled out.
 */

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

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
export const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Whether a UTF-16 code unit is the first half of a surrogate pair. */
export const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
