import type { Code } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

/** A line indented as Markdown's indented code is: four spaces or a tab, then text. */
const INDENTED = /^(?: {4}|\t)[ \t]*\S/m;
/** A code node's first line when the block is fenced, which the `code-fence` rule looks after. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A paragraph indented by four spaces or a tab, often from an editor's indentation or text pasted
 * from elsewhere, is published as a code block in Markdown: in a box, in a fixed-width type, with
 * its emphasis and links shown as typed. Found on the compiler's own tree: a code block without a
 * fence. Code meant as code is written between fences, which also name its language. A warning.
 */
export function checkIndentedCode(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	// MDX has no indented code (its compiler reads such lines as text), so only Markdown files are parsed.
	const markdown = documents.filter((document) => !document.file.endsWith('.mdx'));
	for (const [document, tree] of bodyTrees(markdown, (body) => INDENTED.test(body))) {
		for (const node of nodesWhere(tree, (node): node is Code => node.type === 'code')) {
			const start = node.position?.start.offset;
			if (start === undefined || FENCE.test(document.body.slice(start, document.body.indexOf('\n', start) >>> 0))) continue;
			const first = node.value.split('\n', 1)[0]!.trim();
			findings.push(
				finding({
					rule: 'indented-code',
					severity: 'warning',
					file: document.file,
					...placeIn(document, node),
					message: `"${first.length > 40 ? `${first.slice(0, 39)}…` : first}" is published as a code block, not as text: Markdown makes a code block of lines indented by four spaces or a tab.`,
					fix: 'Remove the indentation at the start of its lines. If it is code, put it between two lines of three backticks instead.',
				})
			);
		}
	}
	return findings;
}
