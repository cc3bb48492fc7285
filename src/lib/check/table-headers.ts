import type { Table } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

/**
 * A table's first row is its row of column headers, and a header cell left empty (often the top-left
 * corner of a comparison) gives its column no name: a screen reader announces the cells below it with
 * nothing, and accessibility checkers flag it. Found on the compiler's own tree, so that a table in a
 * code block is not taken for one. Only bodies with a `|` are parsed.
 */
export function checkTableHeaders(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	for (const [document, tree] of bodyTrees(documents, (body) => body.includes('|'))) {
		for (const node of nodesWhere(tree, (node): node is Table => node.type === 'table')) {
			const header = node.children[0]?.children ?? [];
			const empty = header.flatMap((cell, i) => (cell.children.length === 0 ? [i + 1] : []));
			if (empty.length === 0) continue;
			findings.push(
				finding({
					rule: 'table-header',
					severity: 'warning',
					file: document.file,
					...placeIn(document, node),
					message: `The table's header row leaves column ${empty.join(', ')} without a name: a screen reader reads the cells below it with none.`,
					fix:
						empty.length === 1 && empty[0] === 1
							? 'Write in the top-left cell what the rows compare, such as `| Compared on | … |`.'
							: `Write a name in each empty header cell (column ${empty.join(', ')}).`,
				})
			);
		}
	}
	return findings;
}
