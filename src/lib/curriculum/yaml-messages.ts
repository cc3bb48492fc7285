import { visit, type Document, type YAMLError } from 'yaml';

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
export function describeYamlError(error: YAMLError, text: string, at: (offset: number) => { line: number; col: number }): PlainYamlError {
	const lines = text.split('\n');
	const pos = at(error.pos[0]);
	const lineText = (line: number) => lines[line - 1] ?? '';
	const indent = (line: number) => /^ */.exec(lineText(line))![0].length;

	// A tab anywhere in the indentation.
	const tabbed = lines.findIndex((line) => /^ *\t/.test(line));
	if (tabbed >= 0 && (error.code === 'TAB_AS_INDENT' || /tab/i.test(error.message))) {
		return {
			line: tabbed + 1,
			column: lineText(tabbed + 1).indexOf('\t') + 1,
			message: 'This line is indented with a tab, and YAML accepts only spaces for indentation.',
			fix: 'Replace the tab with spaces: two spaces for each level, as in the lines around it. Most editors can show tabs and convert them.',
		};
	}

	if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY' || /compact mappings|implicit key/i.test(error.message)) {
		// A list item with ": " in it reads as a field.
		// `- Learn: this` is an item of text; `- title: A: b` is a field inside an item, handled below.
		const item = /^(\s*)- ((?![a-z][\w-]*:\s)\S.*:\s.*)$/.exec(lineText(pos.line));
		if (item) {
			return {
				line: pos.line,
				column: item[1]!.length + 3,
				message: 'This list item contains ": ", which YAML reads as the start of a field.',
				fix: `Put the whole item in double quotes: - "${item[2]!.replace(/"/g, '\\"')}".`,
			};
		}
		// A value with ": " in it reads as a second field on the same line.
		const field = /^\s*(?:- )?([\w-]+):\s+(.*:\s.*)$/.exec(lineText(pos.line));
		if (field) {
			return {
				line: pos.line,
				column: pos.col,
				message: `The value of \`${field[1]}\` contains ": ", which YAML reads as the start of another field.`,
				fix: `Put the value in double quotes: ${field[1]}: "${field[2]!.replace(/"/g, '\\"')}".`,
			};
		}
		// A field indented more than the field above it reads as part of that field's value.
		const next = pos.line + 1;
		if (/^\s+[\w-]+:(\s|$)/.test(lineText(next)) && indent(next) > indent(pos.line) && !/:\s*$/.test(lineText(pos.line))) {
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
	}

	if (error.code === 'DUPLICATE_KEY') {
		const key = /^\s*(?:- )?([\w-]+):/.exec(lineText(pos.line))?.[1];
		return {
			line: pos.line,
			column: pos.col,
			message: `A field appears twice in the same place${key ? `: \`${key}\`` : ''}.`,
			fix: 'Keep one of the two: delete the other line, or merge what they say.',
		};
	}

	const bracket = /end with an? ([\]}])/.exec(error.message);
	if (bracket) {
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

	if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR' || /indent/i.test(error.message)) {
		return {
			line: pos.line,
			column: pos.col,
			message: 'This line is not indented like the lines it belongs with.',
			fix: 'Indent it like the line above it: fields nested under another use two more spaces than it, and list items start with "- ".',
		};
	}

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
export function swallowedLines(doc: Document, text: string, at: (offset: number) => { line: number; col: number }): PlainYamlError[] {
	const found: PlainYamlError[] = [];
	visit(doc, {
		Scalar(_, node) {
			if (node.type !== 'PLAIN' || !node.range) return;
			const source = text.slice(node.range[0], node.range[1]);
			if (!source.includes('\n')) return;
			let offset = node.range[0];
			for (const [index, line] of source.split('\n').entries()) {
				if (index > 0 && /^\s*- \S/.test(line)) {
					const { line: number } = at(offset);
					found.push({
						line: number,
						column: line.indexOf('-') + 1,
						message: 'This line is read as more text of the item above it, not as an item of its own: it is indented further than that item.',
						fix: 'To make it a separate item, indent its "- " exactly like the item above. To continue the text above, remove the "- ".',
					});
				}
				offset += line.length + 1;
			}
		},
	});
	return found;
}
