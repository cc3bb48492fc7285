import { isSeq, visit, type Document, type Scalar, type YAMLError } from 'yaml';

/** Where an offset of the YAML text is, by line and column. */
type At = (offset: number) => { line: number; col: number };

/** A YAML syntax error told in plain words, at the line where the slip is. */
export interface PlainYamlError {
	/** 1-based line within the YAML text. */
	line: number;
	/** 1-based column. */
	column: number;
	message: string;
	fix: string;
}

/**
 * The YAML library names errors after its grammar ("nested mappings are not allowed in compact
 * mappings"), and often at the line before the slip, since a line is only wrong once the next one
 * is read. The slips contributors make most are recognised from the text itself and told as what
 * to change; anything else keeps the library's words with a general fix.
 */
export function describeYamlError(error: YAMLError, text: string, at: At): PlainYamlError {
	const slip = slipIn(error, text, at);
	return tabIndent(slip) ?? oddSpace(slip) ?? noSpaceAfterColon(slip) ?? firstItemWithoutDash(slip) ?? itemWithoutDash(slip) ?? colonRead(slip) ?? noColon(slip) ?? duplicateKey(slip) ?? unclosedBracket(slip) ?? quoteInside(slip) ?? unclosedQuote(slip) ?? badIndent(slip) ?? unreadable(slip);
}

/** A YAML error and the text it is in, with what each kind of slip is recognised by. */
interface Slip {
	error: YAMLError;
	lines: string[];
	/** Where the library places the error. */
	pos: { line: number; col: number };
	/** A line's text, by 1-based number; empty past the end. */
	lineText: (line: number) => string;
	/** How many spaces a line starts with. */
	indent: (line: number) => number;
}

/** The error with its text split into lines and its place found. */
function slipIn(error: YAMLError, text: string, at: (offset: number) => { line: number; col: number }): Slip {
	const lines = text.split('\n');
	const pos = at(error.pos[0]);
	const lineText = (line: number) => lines[line - 1] ?? '';
	const indent = (line: number) => /^ */.exec(lineText(line))![0].length;
	return { error, lines, pos, lineText, indent };
}

/** A tab anywhere in the indentation. */
function tabIndent({ error, lines, lineText }: Slip): PlainYamlError | undefined {
	const tabbed = lines.findIndex((line) => /^ *\t/.test(line));
	if (tabbed < 0 || (error.code !== 'TAB_AS_INDENT' && !/tab/i.test(error.message))) return undefined;
	return {
		line: tabbed + 1,
		column: lineText(tabbed + 1).indexOf('\t') + 1,
		message: 'This line is indented with a tab, and YAML accepts only spaces for indentation.',
		fix: 'Replace the tab with spaces: two spaces for each level, as in the lines around it. Most editors can show tabs and convert them.',
	};
}

/** Spaces that are not YAML's space (U+0020), as a word processor or a web page pastes them. */
const ODD_SPACES: Record<string, string> = { '\u00a0': 'a non-breaking space (U+00A0)', '\u202f': 'a narrow non-breaking space (U+202F)', '\u2007': 'a figure space (U+2007)', '\u3000': 'an ideographic space (U+3000)' };
const ODD_SPACE = `[${Object.keys(ODD_SPACES).join('')}]`;
/** A field's `key:` (or a list item's `- key:`) followed by one of them, or a line starting with one. */
const ODD_SPACE_AFTER_KEY = new RegExp(`^(\\s*(?:- )?[\\w-]+:)(${ODD_SPACE})`);
const ODD_SPACE_FIRST = new RegExp(`^(\\s*)(${ODD_SPACE})`);

/**
 * A field whose `key:` is followed by a space YAML does not take for one: it reads the key, the
 * space and the value as one word, and then fails on what follows, with words about implicit keys.
 */
function oddSpace({ pos, lines, lineText }: Slip): PlainYamlError | undefined {
	for (const line of [pos.line, pos.line - 1, ...lines.keys()].filter((n) => n >= 1)) {
		const field = ODD_SPACE_AFTER_KEY.exec(lineText(line)) ?? ODD_SPACE_FIRST.exec(lineText(line));
		if (!field) continue;
		const what = ODD_SPACES[field[2]!]!;
		return {
			line,
			column: field[1]!.length + 1,
			message: `${field[1]!.trim() ? `After \`${field[1]!.trim()}\` is` : 'This line starts with'} ${what}, which looks like a space but is not one to YAML, so it cannot read the line.`,
			fix: 'Replace it with an ordinary space: delete it and type a space. Such spaces come in with text pasted from a word processor or a web page.',
		};
	}
	return undefined;
}

/**
 * `level:foundation`: a field name and its value with no space between the colon and the value, which
 * YAML reads as one word, not as a field. Looked for at the error's line and the lines around it, since
 * the library often places the error a line off. A colon followed by `/` is left alone (an address).
 */
function noSpaceAfterColon({ pos, lineText }: Slip): PlainYamlError | undefined {
	for (const line of [pos.line, pos.line - 1, pos.line + 1]) {
		const field = /^(\s*(?:- )?)([A-Za-z_][\w-]*):([^\s:/].*)$/.exec(lineText(line));
		if (!field) continue;
		const [, before, key, value] = field as unknown as [string, string, string, string];
		return {
			line,
			column: before.length + key.length + 2,
			message: `\`${key}:${value}\` has no space after the colon, so YAML does not read it as the field \`${key}\`.`,
			fix: `Put a space after the colon: ${before.trimStart()}${key}: ${value}`,
		};
	}
	return undefined;
}

/** The errors of a line read as more fields than it has, or as part of the line above. */
function colonRead(slip: Slip): PlainYamlError | undefined {
	const { error } = slip;
	if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY' && !/compact mappings|implicit key/i.test(error.message)) return undefined;
	return colonInItem(slip) ?? colonInValue(slip) ?? fieldIndentedFurther(slip);
}

/** A list item with ": " in it reads as a field. */
function colonInItem({ pos, lineText }: Slip): PlainYamlError | undefined {
	// `- Learn: this` is an item of text; `- title: A: b` is a field inside an item, handled below.
	const item = /^(\s*)- ((?![a-z][\w-]*:\s)\S.*:\s.*)$/.exec(lineText(pos.line));
	if (!item) return undefined;
	return {
		line: pos.line,
		column: item[1]!.length + 3,
		message: 'This list item contains ": ", which YAML reads as the start of a field.',
		fix: `Put the whole item in double quotes: - "${item[2]!.replace(/"/g, '\\"')}".`,
	};
}

/** A value with ": " in it reads as a second field on the same line. */
function colonInValue({ pos, lineText }: Slip): PlainYamlError | undefined {
	const field = /^\s*(?:- )?([\w-]+):\s+(.*:\s.*)$/.exec(lineText(pos.line));
	if (!field) return undefined;
	return {
		line: pos.line,
		column: pos.col,
		message: `The value of \`${field[1]}\` contains ": ", which YAML reads as the start of another field.`,
		fix: `Put the value in double quotes: ${field[1]}: "${unquoted(field[2]!).replace(/"/g, '\\"')}".`,
	};
}

/** Typographic quotes around a whole value (“…”, ‘…’), as a word processor writes them: YAML's are straight. */
const TYPOGRAPHIC = /^\s*([“”„«‘’‚‹])([^]*?)([“”»‘’›])\s*$/;

/** A value without the typographic quotes around it, which are not YAML's quotes but a writer's. */
function unquoted(value: string): string {
	return TYPOGRAPHIC.exec(value)?.[2] ?? value;
}

/**
 * A value wrapped in typographic quotes (“Reels tests”), pasted from a word processor: YAML has only
 * straight quotes, so it keeps the curly ones as part of the text, and the title shows them.
 */
function typographicQuotes(node: Scalar, text: string, at: At): PlainYamlError[] {
	const quoted = typeof node.value === 'string' ? TYPOGRAPHIC.exec(node.value) : null;
	if (!quoted) return [];
	const { line, col } = at(node.range![0]);
	return [
		{
			line,
			column: col,
			message: `The value is in typographic quotes, ${quoted[1]} and ${quoted[3]}, which YAML keeps as part of the text: the page would show them.`,
			fix: `Use straight double quotes, or none: ${inDoubleQuotes(text, node.range![0], quoted[2]!)}`,
		},
	];
}

/** A field indented more than the field above it reads as part of that field's value. */
function fieldIndentedFurther({ pos, lineText, indent }: Slip): PlainYamlError | undefined {
	const next = pos.line + 1;
	if (!(/^\s+[\w-]+:(\s|$)/.test(lineText(next)) && indent(next) > indent(pos.line) && !/:\s*$/.test(lineText(pos.line)))) return undefined;
	return {
		line: next,
		column: indent(next) + 1,
		message: `This line is indented ${indent(next) - indent(pos.line)} space${indent(next) - indent(pos.line) === 1 ? '' : 's'} more than the line above it, so YAML reads it as part of that line's value.`,
		fix:
			indent(pos.line) === 0
				? 'Start this line at the beginning of the line, like the one above it.'
				: `Indent this line like the one above it (${indent(pos.line)} space${indent(pos.line) === 1 ? '' : 's'}).`,
	};
}

/** A field's line, `name: value` or `name:`, without a list item's dash: its indentation and name. */
const FIELD_LINE = /^( *)([A-Za-z_][\w-]*):(?:\s|$)/;

/**
 * An item of a list of fields (a knowledge check's choices, a module's sources) written without its
 * `- `: its first field is then a second field of the item above, and YAML stops at the duplicate. The
 * library's words ("a field appears twice") lead a contributor to delete the line, and with it the item.
 */
function itemWithoutDash({ error, pos, lineText, indent }: Slip): PlainYamlError | undefined {
	if (error.code !== 'DUPLICATE_KEY') return undefined;
	const field = FIELD_LINE.exec(lineText(pos.line));
	if (!field) return undefined;
	const depth = field[1]!.length;
	// The item this field was read into: the nearest line above that is less indented.
	let above = pos.line - 1;
	while (above >= 1 && (lineText(above).trim() === '' || indent(above) >= depth)) above--;
	const item = new RegExp(`^ {${Math.max(depth - 2, 0)}}- ${field[2]}:(\\s|$)`);
	if (above < 1 || depth < 2 || !item.test(lineText(above))) return undefined;
	return {
		line: pos.line,
		column: 1,
		message: `This line starts a new item of the list, as \`- ${field[2]}:\` starts the item above it, but it has no "- ", so YAML reads \`${field[2]}\` as a second field of that item.`,
		fix: `Put "- " in place of the last two spaces before \`${field[2]}\`, so that its dash is ${depth - 2} spaces in, under the dash of the item above: - ${lineText(pos.line).trimStart()}`,
	};
}

/**
 * The first item of a list of fields written without its `- `, when the items after it have theirs:
 * its fields read as fields of the list's name, and YAML fails at the first item with a dash.
 */
function firstItemWithoutDash({ error, pos, lineText, indent }: Slip): PlainYamlError | undefined {
	if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY' && error.code !== 'MISSING_CHAR') return undefined;
	for (const dashed of [pos.line, pos.line + 1, pos.line - 1]) {
		const item = /^( *)- [A-Za-z_][\w-]*:(\s|$)/.exec(lineText(dashed));
		if (!item) continue;
		const depth = item[1]!.length;
		// The lines above it, up to the list's name: fields two spaces further in than its dash, without one.
		let first = dashed - 1;
		while (first >= 1 && (lineText(first).trim() === '' || (indent(first) >= depth + 2 && !/^ *- /.test(lineText(first))))) first--;
		const parent = lineText(first);
		if (first < 1 || first === dashed - 1 || indent(first) >= depth || !/:\s*$/.test(parent)) continue;
		first++;
		while (lineText(first).trim() === '') first++;
		if (indent(first) !== depth + 2 || !FIELD_LINE.test(lineText(first))) continue;
		const name = /([\w-]+):\s*$/.exec(parent)?.[1];
		return {
			line: first,
			column: 1,
			message: `This line starts the first item of the list${name ? ` \`${name}\`` : ''}, whose other items start with "- ", but it has none, so YAML cannot read the list.`,
			fix: `Put "- " in place of the last two spaces before the field, so that its dash is ${depth} spaces in, above the dashes of the items below: - ${lineText(first).trimStart()}`,
		};
	}
	return undefined;
}

/**
 * A field written without its colon, `level beginner`: YAML reads the line as a word with no field,
 * and fails with words about implicit keys. Recognised when the lines around it, at its indentation,
 * are fields.
 */
function noColon({ error, pos, lineText, indent }: Slip): PlainYamlError | undefined {
	if (error.code !== 'MULTILINE_IMPLICIT_KEY' && error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
	for (const line of [pos.line, pos.line - 1, pos.line + 1]) {
		const bare = /^( *(?:- )?)([A-Za-z_][\w-]*) +([^\s:#][^:]*)$/.exec(lineText(line));
		if (!bare) continue;
		const depth = bare[1]!.length;
		const sibling = [line - 1, line + 1].some((other) => {
			const field = /^( *(?:- )?)[A-Za-z_][\w-]*:(\s|$)/.exec(lineText(other));
			return field !== null && (field[1]!.length === depth || indent(other) === indent(line));
		});
		if (!sibling) continue;
		const [, before, key, value] = bare as unknown as [string, string, string, string];
		return {
			line,
			column: before.length + key.length + 1,
			message: `\`${key} ${value.trim()}\` has no colon after \`${key}\`, so YAML does not read it as the field \`${key}\`.`,
			fix: `Put a colon after the field's name: ${before.trimStart()}${key}: ${value.trim()}`,
		};
	}
	return undefined;
}

/** A field that appears twice in the same mapping. */
function duplicateKey({ error, pos, lineText }: Slip): PlainYamlError | undefined {
	if (error.code !== 'DUPLICATE_KEY') return undefined;
	const key = /^\s*(?:- )?([\w-]+):/.exec(lineText(pos.line))?.[1];
	return {
		line: pos.line,
		column: pos.col,
		message: `A field appears twice in the same place${key ? `: \`${key}\`` : ''}.`,
		fix: 'Keep one of the two: delete the other line, or merge what they say.',
	};
}

/** A list or set of fields opened with a bracket and never closed. */
function unclosedBracket({ error, lines, pos, lineText }: Slip): PlainYamlError | undefined {
	const bracket = /end with an? ([\]}])/.exec(error.message);
	if (!bracket) return undefined;
	// The parser notices at the end of the file; the slip is on the line that opened the bracket.
	const open = bracket[1] === ']' ? '[' : '{';
	// Lines below the slip may hold brackets that are closed; the slip opens more than it closes.
	const unclosed = (text: string) => text.split(open).length - text.split(bracket[1]!).length > 0;
	let line = Math.min(pos.line, lines.length);
	while (line > 1 && !unclosed(lineText(line))) line--;
	return {
		line,
		column: lineText(line).lastIndexOf(open) + 1,
		message: `A list or set of fields opened with "${bracket[1] === ']' ? '[' : '{'}" is not closed with "${bracket[1]}".`,
		fix: `Close it with "${bracket[1]}" on the same line, or write the items as a list, one "- " line each.`,
	};
}

/** A value opened with a quote and never closed. */
function unclosedQuote({ error, lines, pos, lineText }: Slip): PlainYamlError | undefined {
	const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
	if (!quote) return undefined;
	// The library notices where the text it took for the value ends, at the end of its line or of the
	// file; the slip is on the line that opened the quote, the nearest above with one left open.
	const opened = (text: string) => {
		const start = /^\s*(?:- )?(?:[\w-]+:\s+)?/.exec(text)![0].length;
		return text[start] === quote && (quote === '"' ? !/(?<!\\)"\s*$/.test(text.slice(start + 1)) : !/'\s*$/.test(text.slice(start + 1).replace(/''/g, '')));
	};
	let line = Math.min(pos.line, lines.length);
	while (line > 1 && !opened(lineText(line))) line--;
	const start = /^\s*(?:- )?(?:[\w-]+:\s+)?/.exec(lineText(line))![0].length;
	return {
		line,
		column: start + 1,
		message: `A value opened with ${quote} is not closed: YAML reads everything after it, the next lines too, as one value.`,
		fix:
			quote === '"'
				? 'End the value with " on the same line (a " inside it is written \\"), or remove the opening ".'
				: "End the value with ' on the same line (a ' inside it is written ''), or remove the opening '.",
	};
}

/**
 * A quoted value with the same quote inside it, such as `title: 'A creator's guide'`: YAML ends the
 * value at the inner quote and cannot read what follows it on the line.
 */
function quoteInside({ pos, lineText }: Slip): PlainYamlError | undefined {
	for (const line of [pos.line, pos.line - 1]) {
		const text = lineText(line);
		const quoted = /^(\s*(?:- )?(?:[\w-]+:\s+)?)(['"])((?:(?!\2).)*)\2([^\s#,\]}][^#]*)$/.exec(text);
		if (!quoted) continue;
		const [, before, quote, start, rest] = quoted as unknown as [string, string, string, string, string];
		const whole = `${start}${quote}${rest.replace(new RegExp(`${quote}\\s*$`), '')}`;
		return {
			line,
			column: before.length + 1,
			message: `The value in ${quote} quotes ends at the ${quote} after "${start}": YAML cannot read the "${rest.trim()}" that follows it.`,
			fix:
				quote === "'"
					? `Write the ' inside it twice, '${whole.replaceAll("'", "''")}', or put the value in double quotes: "${whole.replaceAll('"', '\\"')}".`
					: `Write the " inside it as \\", "${whole.replaceAll('"', '\\"')}", or put the value in single quotes: '${whole.replaceAll("'", "''")}'.`,
		};
	}
	return undefined;
}

/** A line indented unlike the lines it belongs with, in a way none of the above recognises. */
function badIndent({ error, pos }: Slip): PlainYamlError | undefined {
	if (error.code !== 'BAD_INDENT' && error.code !== 'MISSING_CHAR' && !/indent/i.test(error.message)) return undefined;
	return {
		line: pos.line,
		column: pos.col,
		message: 'This line is not indented like the lines it belongs with.',
		fix: 'Indent it like the line above it: fields nested under another use two more spaces than it, and list items start with "- ".',
	};
}

/** Any other error, in the library's words, with a general fix. */
function unreadable({ error, pos }: Slip): PlainYamlError {
	return {
		line: pos.line,
		column: pos.col,
		message: `The YAML cannot be read: ${error.message.split('\n')[0]}`,
		fix: 'Compare the line with a valid file: put values that contain ": " or start with a special character in double quotes, and indent nested fields by two spaces.',
	};
}

/**
 * A list item indented further than the one above it, or written without its dash, is read as the
 * rest of the text above: two outcomes silently become one. YAML accepts it, so it is looked for in
 * the parsed document: a plain text value that runs over several lines, one of them starting `- `.
 */
function swallowedLines(node: Scalar, text: string, at: At): PlainYamlError[] {
	const source = text.slice(node.range![0], node.range![1]);
	if (!source.includes('\n')) return [];
	const found: PlainYamlError[] = [];
	let offset = node.range![0];
	for (const [index, line] of source.split('\n').entries()) {
		if (index > 0 && /^\s*- \S/.test(line)) {
			found.push({
				line: at(offset).line,
				column: line.indexOf('-') + 1,
				message: 'This line is read as more text of the item above it, not as an item of its own: it is indented further than that item.',
				fix: 'To make it a separate item, indent its "- " exactly like the item above. To continue the text above, remove the "- ".',
			});
		}
		offset += line.length + 1;
	}
	return found;
}

/**
 * In YAML, ` #` starts a comment: in a value written without quotes, a hashtag and everything after
 * it are dropped without a word, so `title: Reels for #creators` is the title "Reels for", and
 * `summary: #ReelsTest lets …` is no summary at all. Hashtags are everyday words in this field, so
 * a comment that starts straight after its `#`, as a hashtag does, right after a value on its line,
 * is reported; a comment written `# like this`, with a space, is taken for the comment it looks like.
 */
function hashtagComments(node: Scalar, text: string, at: At): PlainYamlError[] {
	if (!node.comment || /^\s/.test(node.comment)) return [];
	const from = node.range![0];
	const lineEnd = text.indexOf('\n', from);
	const rest = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
	const hash = /(?:^|\s)#\S/.exec(rest);
	if (!hash) return [];
	const start = hash.index + (hash[0].startsWith('#') ? 0 : 1);
	const { line, col } = at(from + start);
	const kept = node.value === null ? 'empty' : `“${String(node.value)}”`;
	const hashtag = /^#\S+/.exec(rest.slice(start))![0];
	return [
		{
			line,
			column: col,
			message: `\`${hashtag}\` and everything after it on this line are read as a comment and left out (in YAML, " #" starts a comment), so the value is ${kept}.`,
			fix: `Put the whole value in double quotes: ${inDoubleQuotes(text, from, rest.trimEnd())}`,
		},
	];
}

/**
 * What YAML reads otherwise than a writer meant in its plain values (written without quotes), with
 * no syntax error to say so: each plain value is looked at once, for every such slip above.
 */
export function plainValueSlips(doc: Document, text: string, at: At): PlainYamlError[] {
	const found: PlainYamlError[] = [];
	visit(doc, {
		Scalar(_, node, path) {
			if (node.type !== 'PLAIN' || !node.range) return;
			found.push(...swallowedLines(node, text, at), ...hashtagComments(node, text, at), ...typographicQuotes(node, text, at));
			if (isSeq(path.at(-1))) found.push(...itemsRunTogether(node, text, at));
		},
	});
	return found;
}

/**
 * A list item whose next item lost its dash, such as a module's outcomes:
 *
 *     - Plan a test of Reels hooks.
 *       Write two or three hook variants.
 *
 * YAML reads the second line as more text of the first item, so two outcomes become one, and the file
 * is valid. A sentence that ends a line, followed by one that starts the next at the item's text, is
 * taken for that slip; a sentence wrapped in mid-flow is not.
 */
function itemsRunTogether(node: Scalar, text: string, at: At): PlainYamlError[] {
	const source = text.slice(node.range![0], node.range![1]);
	if (!source.includes('\n')) return [];
	const { col } = at(node.range![0]);
	const found: PlainYamlError[] = [];
	let offset = node.range![0];
	const lines = source.split('\n');
	for (const [index, line] of lines.entries()) {
		if (index > 0 && /[.!?]["')\]”’]?\s*$/.test(lines[index - 1]!) && new RegExp(`^ {${col - 1}}\\p{Lu}`, 'u').test(line)) {
			found.push({
				line: at(offset).line,
				column: col,
				message: 'This line starts a new sentence at the text of the list item above it, with no "- ", so YAML reads it as more of that item: the two are one item.',
				fix: `To make it an item of its own, put "- " before it, under the dash above (- ${line.trim()}); to keep one item of two sentences, write it on one line.`,
			});
		}
		offset += line.length + 1;
	}
	return found;
}

/** The line of a value that starts at `offset`, with `value` in its place in double quotes: `title: "…"`, `- "…"`. */
function inDoubleQuotes(text: string, offset: number, value: string): string {
	const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset).trim();
	return `${before ? `${before} ` : ''}"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
