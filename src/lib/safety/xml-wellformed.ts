/**
 * A small, strict XML 1.0 well-formedness reader for the files the site ships: the feed, the
 * sitemaps and SVG images. It accepts less than XML allows, on purpose: no document type
 * declarations (and so no entities beyond the five predefined ones), which also means nothing in
 * a file can change how the rest of it is read. It reports the first problem only, because later
 * ones are usually caused by it, and hands each start tag to the caller, so that the SVG check
 * sees exactly the elements and attribute values a browser's XML parser would.
 */

export interface XmlAttribute {
	/** The qualified name as written, such as `xlink:href`. */
	name: string;
	/** The value with character and entity references replaced. */
	value: string;
	/** Offset of the attribute name in the text. */
	offset: number;
}

export interface XmlElement {
	/** The qualified name as written, such as `svg:script`. */
	name: string;
	attributes: XmlAttribute[];
	/** Offset of the `<` that opens the start tag. */
	offset: number;
}

export interface XmlProblem {
	/** Offset in the text where the problem starts. */
	offset: number;
	message: string;
}

// Characters XML 1.0 forbids anywhere: C0 controls other than tab, LF and CR; U+FFFE and U+FFFF;
// and surrogates that do not form a pair (a string read from bytes that were not valid UTF-8).
const ILLEGAL_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// The Name production of XML 1.0 (fifth edition), matched in place with `lastIndex`.
const START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`[${START}][${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'uy');
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const DECLARATION = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

class XmlError extends Error {
	readonly offset: number;
	constructor(offset: number, message: string) {
		super(message);
		this.offset = offset;
	}
}

/**
 * Reads a whole XML document and returns its first well-formedness problem, or null when there is
 * none. `onElement` is called for every start tag, in document order, before the problem if any.
 */
export function checkXml(text: string, onElement?: (element: XmlElement) => void): XmlProblem | null {
	const illegal = ILLEGAL_CHAR.exec(text);
	if (illegal) {
		const code = illegal[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
		return { offset: illegal.index, message: `The character U+${code} is not allowed in XML.` };
	}
	try {
		read(text, onElement);
		return null;
	} catch (error) {
		if (error instanceof XmlError) return { offset: error.offset, message: error.message };
		throw error;
	}
}

/**
 * The next offset of `needle` at or after `from`. Calls come with increasing `from`, so remembering
 * the last answer keeps a document with many short texts and few `&` linear instead of quadratic.
 */
type Finder = (from: number) => number;
function finder(text: string, needle: string): Finder {
	let found = -2;
	return (from) => {
		if (found !== -1 && found < from) found = text.indexOf(needle, from);
		return found;
	};
}

interface Scan {
	text: string;
	nextAmp: Finder;
	nextCdataEnd: Finder;
}

function read(text: string, onElement?: (element: XmlElement) => void): void {
	const scan: Scan = { text, nextAmp: finder(text, '&'), nextCdataEnd: finder(text, ']]>') };
	let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (text.startsWith('<?xml', pos) && /[ \t\r\n?]/.test(text[pos + 5] ?? '')) {
		DECLARATION.lastIndex = pos;
		if (!DECLARATION.test(text)) throw new XmlError(pos, 'The XML declaration is malformed; it reads `<?xml version="1.0" encoding="UTF-8"?>`.');
		pos = DECLARATION.lastIndex;
	}
	const open: { name: string; offset: number }[] = [];
	let rootSeen = false;

	while (pos < text.length) {
		const lt = text.indexOf('<', pos);
		const end = lt < 0 ? text.length : lt;
		if (open.length === 0) {
			for (let i = pos; i < end; i++) {
				if (!isSpace(text.charCodeAt(i))) throw new XmlError(i, 'Text is not allowed outside the root element.');
			}
		} else {
			checkText(scan, pos, end);
		}
		if (lt < 0) break;
		pos = lt;

		if (text.startsWith('<!--', pos)) {
			const close = text.indexOf('-->', pos + 4);
			if (close < 0) throw new XmlError(pos, 'A comment is never closed with `-->`.');
			const dashes = text.indexOf('--', pos + 4);
			if (dashes < close || (close > pos + 4 && text.charCodeAt(close - 1) === 0x2d)) throw new XmlError(pos, 'A comment contains `--`, which XML does not allow inside comments.');
			pos = close + 3;
		} else if (text.startsWith('<![CDATA[', pos)) {
			if (open.length === 0) throw new XmlError(pos, 'A CDATA section is not allowed outside the root element.');
			const close = text.indexOf(']]>', pos + 9);
			if (close < 0) throw new XmlError(pos, 'A CDATA section is never closed with `]]>`.');
			pos = close + 3;
		} else if (text.startsWith('<!', pos)) {
			throw new XmlError(pos, text.startsWith('<!DOCTYPE', pos) ? 'A document type declaration (`<!DOCTYPE`) is not allowed.' : 'Markup declarations such as `<!ENTITY` are not allowed.');
		} else if (text.startsWith('<?', pos)) {
			const target = nameAt(text, pos + 2);
			if (!target) throw new XmlError(pos, 'A processing instruction needs a name after `<?`.');
			if (target.toLowerCase() === 'xml') throw new XmlError(pos, 'The XML declaration `<?xml …?>` is allowed only at the very start of the file.');
			const after = pos + 2 + target.length;
			const close = text.indexOf('?>', after);
			if (close < 0) throw new XmlError(pos, 'A processing instruction is never closed with `?>`.');
			if (close !== after && !isSpace(text.charCodeAt(after))) throw new XmlError(after, 'A space must follow the name of a processing instruction.');
			pos = close + 2;
		} else if (text.startsWith('</', pos)) {
			const name = nameAt(text, pos + 2);
			const at = skipSpace(text, pos + 2 + name.length);
			if (!name || text[at] !== '>') throw new XmlError(pos, 'An end tag is malformed; it reads `</name>`.');
			const top = open.pop();
			if (!top) throw new XmlError(pos, `The end tag </${name}> has no matching start tag.`);
			// The element left open is usually the mistake, so that is where the problem is reported.
			if (top.name !== name) throw new XmlError(top.offset, `The element <${top.name}> is not closed before </${name}> on line ${lineAndColumn(text, pos).line}.`);
			pos = at + 1;
		} else {
			const element = readStartTag(scan, pos);
			if (open.length === 0 && rootSeen) throw new XmlError(pos, 'A document has exactly one root element; this is a second one.');
			rootSeen = true;
			onElement?.(element.element);
			if (!element.selfClosing) open.push({ name: element.element.name, offset: pos });
			pos = element.end;
		}
	}
	const unclosed = open.pop();
	if (unclosed) throw new XmlError(unclosed.offset, `The element <${unclosed.name}> is never closed.`);
	if (!rootSeen) throw new XmlError(0, 'The file has no root element.');
}

function readStartTag(scan: Scan, start: number): { element: XmlElement; selfClosing: boolean; end: number } {
	const { text } = scan;
	const name = nameAt(text, start + 1);
	if (!name) throw new XmlError(start, 'A `<` in text must be written as `&lt;`.');
	const attributes: XmlAttribute[] = [];
	let pos = start + 1 + name.length;
	for (;;) {
		const spaced = skipSpace(text, pos);
		const c = text[spaced];
		if (c === '>') return { element: { name, attributes, offset: start }, selfClosing: false, end: spaced + 1 };
		if (c === '/' && text[spaced + 1] === '>') return { element: { name, attributes, offset: start }, selfClosing: true, end: spaced + 2 };
		if (c === undefined) throw new XmlError(start, `The start tag <${name}> is never closed with \`>\`.`);
		const attribute = nameAt(text, spaced);
		if (!attribute) throw new XmlError(spaced, `Unexpected \`${c}\` in the start tag <${name}>.`);
		if (spaced === pos) throw new XmlError(spaced, `Attributes of <${name}> must be separated by a space.`);
		if (attributes.some((a) => a.name === attribute)) throw new XmlError(spaced, `The attribute ${attribute} appears twice on <${name}>.`);
		pos = skipSpace(text, spaced + attribute.length);
		if (text[pos] !== '=') throw new XmlError(spaced, `The attribute ${attribute} on <${name}> needs a value: ${attribute}="…".`);
		pos = skipSpace(text, pos + 1);
		const quote = text[pos];
		if (quote !== '"' && quote !== "'") throw new XmlError(pos, `The value of ${attribute} on <${name}> must be in quotes.`);
		const close = text.indexOf(quote, pos + 1);
		if (close < 0) throw new XmlError(pos, `The value of ${attribute} on <${name}> is never closed.`);
		const lt = text.indexOf('<', pos + 1);
		if (lt >= 0 && lt < close) throw new XmlError(lt, `The value of ${attribute} on <${name}> contains \`<\`; write it as \`&lt;\`.`);
		attributes.push({ name: attribute, value: decode(scan, pos + 1, close), offset: spaced });
		pos = close + 1;
	}
}

/** Checks the references in character data and that it does not contain `]]>`. */
function checkText(scan: Scan, from: number, to: number): void {
	const cdataEnd = scan.nextCdataEnd(from);
	if (cdataEnd >= 0 && cdataEnd < to) throw new XmlError(cdataEnd, '`]]>` is not allowed in text; write `]]&gt;`.');
	for (let amp = scan.nextAmp(from); amp >= 0 && amp < to; amp = scan.nextAmp(amp + 1)) reference(scan.text, amp);
}

/** The text between two offsets with its references replaced, checking each one. */
function decode(scan: Scan, from: number, to: number): string {
	const { text } = scan;
	let out = '';
	let last = from;
	for (let amp = scan.nextAmp(from); amp >= 0 && amp < to; amp = scan.nextAmp(last)) {
		const { value, end } = reference(text, amp);
		out += text.slice(last, amp) + value;
		last = end;
	}
	return out + text.slice(last, to);
}

function reference(text: string, at: number): { value: string; end: number } {
	REFERENCE.lastIndex = at;
	const match = REFERENCE.exec(text);
	if (!match) throw new XmlError(at, 'A `&` must start `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` or a numeric reference like `&#38;`; write a literal & as `&amp;`.');
	const end = at + match[0].length;
	if (match[1]) return { value: PREDEFINED[match[1]]!, end };
	const code = match[2] !== undefined ? Number.parseInt(match[2], 10) : Number.parseInt(match[3]!, 16);
	const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
	if (!legal) throw new XmlError(at, `The reference ${match[0]} names a character XML does not allow.`);
	return { value: String.fromCodePoint(code), end };
}

function nameAt(text: string, at: number): string {
	NAME.lastIndex = at;
	return NAME.exec(text)?.[0] ?? '';
}

function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

function skipSpace(text: string, at: number): number {
	while (at < text.length && isSpace(text.charCodeAt(at))) at++;
	return at;
}

/** 1-based line and column of an offset, counting LF, CRLF and CR as line ends like XML does. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xa || (c === 0xd && text.charCodeAt(i + 1) !== 0xa)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}
