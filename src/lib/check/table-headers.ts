import type { Nodes, Paragraph, Table } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

/**
 * A table's first row is its row of column headers, and a header cell left empty (often the top-left
 * corner of a comparison) gives its column no name: a screen reader announces the cells below it with
 * nothing, and accessibility checkers flag it. Lines written as a table that the compiler reads as a
 * paragraph (no line of dashes under the header row) are named too. Found on the compiler's own tree,
 * so that a table in a code block is not taken for one. Only bodies with a `|` are parsed.
 */
export function checkTableHeaders(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	for (const [document, tree] of bodyTrees(documents, (body) => body.includes('|'))) {
		const warn = (node: Nodes, message: string, fix: string) => findings.push(finding({ rule: 'table-header', severity: 'warning', file: document.file, ...placeIn(document, node), message, fix }));
		for (const node of nodesWhere(tree, (node): node is Paragraph | Table => node.type === 'paragraph' || node.type === 'table')) {
			if (node.type === 'paragraph') {
				const rows = headerless(document.body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0));
				if (!rows) continue;
				warn(
					node,
					'These lines are written as a table, but the site shows them as one paragraph of `|` characters: a table needs its header row and, under it, a line of dashes.',
					rows.delimiterFirst
						? 'Write the header row, with a name for each column, above the line of dashes.'
						: `Add a line of dashes under the first row, one \`---\` for each of its ${rows.columns} columns: \`|${' --- |'.repeat(rows.columns)}\`.`
				);
				continue;
			}
			const header = node.children[0]?.children ?? [];
			const empty = header.flatMap((cell, i) => (cell.children.length === 0 ? [i + 1] : []));
			if (empty.length === 0) continue;
			warn(
				node,
				`The table's header row leaves column ${empty.join(', ')} without a name: a screen reader reads the cells below it with none.`,
				empty.length === 1 && empty[0] === 1 ? 'Write in the top-left cell what the rows compare, such as `| Compared on | … |`.' : `Write a name in each empty header cell (column ${empty.join(', ')}).`
			);
		}
	}
	return findings;
}

/**
 * The lines of a paragraph when each is written as a table row (`| a | b |`), as a table missing the
 * line of dashes under its header row is read: its number of columns, and whether the first line is
 * that line of dashes with no header row above it. Undefined for a paragraph that is not so written.
 */
function headerless(text: string): { columns: number; delimiterFirst: boolean } | undefined {
	const lines = text.split('\n').map((line) => line.trim());
	if (lines.length < 2 || !lines.every((line) => line.length > 1 && line.startsWith('|') && line.endsWith('|'))) return undefined;
	const first = lines[0]!;
	return { columns: first.slice(1, -1).split('|').length, delimiterFirst: /^\|(\s*:?-+:?\s*\|)+$/.test(first) };
}
