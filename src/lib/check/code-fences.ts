import type { Code } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

const NUMBERS: Record<number, string> = { 3: 'three', 4: 'four', 5: 'five', 6: 'six' };

/**
 * A fenced code node's first line, from where the compiler starts the node: up to three spaces, then
 * three or more backticks or tildes. An indented code block (Markdown's four spaces, which may show
 * a fence as an example) starts with four.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A code block opened with ``` or ~~~ runs until a line of the same character, at least as many, and
 * nothing else. One whose closing line is missing or mistyped (two backticks, a tilde for a backtick)
 * never ends: Markdown publishes the rest of the file, or of the list item or quote it stands in, as
 * code, headings and all. Found on the compiler's own tree: a fenced code node whose last line is not
 * a closing fence. Only bodies with a fence are parsed.
 */
export function checkCodeFences(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	for (const [document, tree] of bodyTrees(documents, (body) => body.includes('```') || body.includes('~~~'))) {
		for (const node of nodesWhere(tree, (node): node is Code => node.type === 'code')) {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) continue;
			const lines = document.body.slice(start, end).split('\n');
			const opening = FENCE.exec(lines[0]!)?.[1];
			// An indented code block has no fence to close.
			if (!opening) continue;
			const closing = new RegExp(`^[ \\t>]*${opening[0] === '`' ? '`' : '~'}{${opening.length},}[ \\t]*\\r?$`);
			if (lines.length > 1 && closing.test(lines.at(-1)!)) continue;
			const fence = `${NUMBERS[opening.length] ?? opening.length} ${opening[0] === '`' ? 'backticks' : 'tildes'}`;
			const swallowed = end >= document.body.trimEnd().length ? 'the rest of the file' : 'the rest of the list item or quote it stands in';
			findings.push(
				finding({
					rule: 'code-fence',
					file: document.file,
					...placeIn(document, node),
					message: `The code block opened here with ${fence} is never closed, so ${swallowed} is published as code.`,
					fix: `Where the code ends, add a line of ${fence} and nothing else: the same character as the opening line, and at least as many.`,
				})
			);
		}
	}
	return findings;
}
