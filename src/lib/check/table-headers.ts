import type { Nodes, Paragraph, Table, TableCell } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

/**
 * A table's first row is its row of column headers, and a header cell left empty (often the top-left
 * corner of a comparison) gives its column no name: a screen reader announces the cells below it with
 * nothing, and accessibility checkers flag it; a warning. Lines written as a table that the compiler
 * reads as a paragraph (no line of dashes under the header row, or one with another number of columns)
 * are an error (`table-dashes`): the reader gets a paragraph of `|` instead of the table. A row with more cells than the header row is an error (`table-cells`): the site shows as many
 * cells as the header has and drops the rest, text and all. Found on the compiler's own tree, so that
 * a table in a code block is not taken for one, and a `|` the compiler does not split a row at (an
 * escaped `\|`, one inside an MDX expression) is not taken for a cell's end. Only bodies with a `|`
 * are parsed.
 */
export function checkTableHeaders(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	for (const [document, tree] of bodyTrees(documents, (body) => body.includes('|'))) {
		const warn = (node: Nodes, message: string, fix: string) => findings.push(finding({ rule: 'table-header', severity: 'warning', file: document.file, ...placeIn(document, node), message, fix }));
		// Lines meant as a table that the site shows as a paragraph of `|`: the reader gets no table at all.
		const notATable = (node: Nodes, message: string, fix: string) => findings.push(finding({ rule: 'table-dashes', file: document.file, ...placeIn(document, node), message, fix }));
		const source = (node: Nodes) => document.body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
		for (const node of nodesWhere(tree, (node): node is Paragraph | Table => node.type === 'paragraph' || node.type === 'table')) {
			if (node.type === 'paragraph') {
				const rows = headerless(source(node));
				if (!rows) continue;
				const dashes = `\`|${' --- |'.repeat(rows.columns)}\``;
				if (rows.delimiterColumns !== undefined) {
					notATable(
						node,
						`These lines are written as a table, but the site shows them as one paragraph of \`|\` characters: the header row has ${rows.columns} ${columns(rows.columns)} and the line of dashes under it has ${rows.delimiterColumns}, and a table needs as many in both.`,
						`Write the line of dashes with one \`---\` for each of the header row's ${rows.columns} columns: ${dashes}.`
					);
					continue;
				}
				notATable(
					node,
					'These lines are written as a table, but the site shows them as one paragraph of `|` characters: a table needs its header row and, under it, a line of dashes.',
					rows.delimiterFirst
						? 'Write the header row, with a name for each column, above the line of dashes.'
						: `Add a line of dashes under the first row, one \`---\` for each of its ${rows.columns} columns: ${dashes}. If the lines are not meant as a table, write the \`|\` that starts each of them as \`\\|\`.`
				);
				continue;
			}
			const header = node.children[0]?.children ?? [];
			const empty = header.flatMap((cell, i) => (cell.children.length === 0 ? [i + 1] : []));
			if (empty.length > 0) {
				warn(
					node,
					`The table's header row leaves column ${empty.join(', ')} without a name: a screen reader reads the cells below it with none.`,
					empty.length === 1 && empty[0] === 1 ? 'Write in the top-left cell what the rows compare, such as `| Compared on | … |`.' : `Write a name in each empty header cell (column ${empty.join(', ')}).`
				);
			}
			for (const row of node.children.slice(1)) {
				const lost = row.children
					.slice(header.length)
					.map((cell) => cellText(source(cell)))
					.filter((text) => text !== '');
				if (lost.length === 0) continue;
				const inCell = pipeInCell(row.children, document.body);
				const extra = row.children.length - header.length;
				findings.push(
					finding({
						rule: 'table-cells',
						file: document.file,
						...placeIn(document, row),
						message: `This table row has ${row.children.length} cells, but the header row has ${header.length} ${columns(header.length)}: the site shows ${header.length === 1 ? 'only the first cell' : `only the first ${header.length}`} and drops the rest, so ${listed(lost.map((text) => `"${text}"`))} ${lost.length === 1 ? 'is' : 'are'} lost from the page.`,
						fix: inCell
							? `Write the \`|\` in "${inCell}" as \`\\|\`: a \`|\` ends a cell, even inside \`code\`, unless a backslash comes before it. If the row has a column more than the table instead, add a column to the header row, and a \`---\` to the line of dashes under it.`
							: `Add ${extra === 1 ? 'a column' : `${extra} columns`} to the header row, and ${extra === 1 ? 'a `---`' : `${extra} \`---\``} to the line of dashes under it; or, if a cell holds a \`|\` of its own, write it as \`\\|\`.`,
					})
				);
			}
		}
	}
	return findings;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const columns = (count: number) => (count === 1 ? 'column' : 'columns');

/** A cell's text as written: its source without the `|` around it and the spaces inside them. */
function cellText(source: string): string {
	return source.replace(/^\s*\|/, '').replace(/(?<!\\)\|\s*$/, '').trim();
}

/**
 * A `|` of a row that was likely meant as part of a cell's text rather than as the end of one, shown
 * with the text of the two cells it parts (`a|b`, `` `ls | wc` ``): one written with no space on
 * either side, or one inside a code span (the cell before it opens more backticks than it closes).
 * Undefined for none.
 */
function pipeInCell(cells: readonly TableCell[], body: string): string | undefined {
	for (let i = 1; i < cells.length; i++) {
		const at = cells[i]!.position?.start.offset;
		const before = cells[i - 1]!.position?.start.offset;
		if (at === undefined || before === undefined || body[at] !== '|') continue;
		const previous = cellText(body.slice(before, at));
		const glued = /\S/.test(body[at - 1] ?? ' ') && /\S/.test(body[at + 1] ?? ' ') && previous !== '';
		const inCode = (previous.replace(/\\`/g, '').match(/`/g)?.length ?? 0) % 2 === 1;
		if (glued || inCode) return cellText(body.slice(before, cells[i]!.position?.end.offset));
	}
	return undefined;
}

/** The cells of a line written as a table row, split as GFM splits them: at each `|` not escaped as `\|`. */
function rowCells(line: string): string[] {
	const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
	return trimmed.split(/(?<!\\)\|/);
}

/** A line of dashes under a header row (`| --- | :-: |`), as GFM reads it. */
const DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

/**
 * The lines of a paragraph when each is written as a table row (`| a | b |`), as a table is read that
 * misses the line of dashes under its header row or has one with another number of columns: the
 * header row's number of columns, whether the first line is that line of dashes with no header row
 * above it, and the number of columns of a line of dashes under the first row, when there is one.
 * Undefined for a paragraph that is not so written.
 */
function headerless(text: string): { columns: number; delimiterFirst: boolean; delimiterColumns?: number } | undefined {
	const lines = text.split('\n').map((line) => line.trim());
	if (lines.length < 2 || !lines.every((line) => line.length > 1 && line.startsWith('|') && line.endsWith('|'))) return undefined;
	const first = lines[0]!;
	const second = lines[1]!;
	const columns = rowCells(first).length;
	const delimiterFirst = DELIMITER.test(first);
	if (!delimiterFirst && DELIMITER.test(second)) {
		const delimiterColumns = rowCells(second).length;
		if (delimiterColumns !== columns) return { columns, delimiterFirst, delimiterColumns };
	}
	return { columns, delimiterFirst };
}
