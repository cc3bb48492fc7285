import type { Paragraph } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere, placeIn, type Body } from './body-trees.ts';

/** Two to six `#` and then no space: a heading to its writer, a paragraph to Markdown. */
const UNSPACED = /^(#{2,6})(?=[^\s#])/;

/**
 * A line such as `##Trial reels` is a heading to whoever wrote it, but Markdown needs a space after the
 * hashes, so it is published as a paragraph that reads "##Trial reels". Found on the compiler's own
 * tree, so that a line in a code block is not taken for one: a paragraph whose text starts with two to
 * six `#` and something other than a space. An error, since the page loses the heading its writer
 * meant, and with it its entry in the contents list. A single `#` is left alone, since a line may start
 * with a hashtag, and so are hashes escaped as text (`\##`). Only bodies whose text has such a line are
 * parsed.
 */
export function checkHeadingSpaces(documents: readonly Body[]): Finding[] {
	const findings: Finding[] = [];
	for (const [document, tree] of bodyTrees(documents, (body) => /^[ \t]*#{2,6}[^\s#]/m.test(body))) {
		for (const node of nodesWhere(tree, (node): node is Paragraph => node.type === 'paragraph')) {
			const first = node.children[0];
			const hashes = first?.type === 'text' ? UNSPACED.exec(first.value) : null;
			if (!hashes || first?.type !== 'text') continue;
			// `\##…` is the writer saying the hashes are text; the compiler drops the backslash from the text.
			if (document.body[first.position?.start.offset ?? -1] === '\\') continue;
			const line = first.value.split('\n')[0]!;
			findings.push(
				finding({
					rule: 'heading-space',
					file: document.file,
					...placeIn(document, node),
					message: `"${line}" is published as a paragraph, not a heading: Markdown needs a space after the ${hashes[1]}.`,
					fix: `Write it as \`${hashes[1]} ${line.slice(hashes[1]!.length)}\`. If the hashes are meant as text, write a backslash before them: \`\\${line}\`.`,
				})
			);
		}
	}
	return findings;
}
