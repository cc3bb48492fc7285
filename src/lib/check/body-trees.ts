import type { Nodes, Root } from 'mdast';
import { parseLikeCompiler } from '../safety/parser-options.ts';

/** A Markdown or MDX body a reader sees, with its file and the line of the file it starts on. */
export interface Body {
	file: string;
	body: string;
	bodyLine: number;
}

/**
 * The compiler's own tree of each body that may hold what a rule looks for (`mayHold`, a quick look
 * at the text, so that most bodies are never parsed), with its document. A body that cannot be
 * parsed is passed over: the content check reports it in plain words.
 */
export function* bodyTrees<D extends { body: string; file: string }>(documents: readonly D[], mayHold: (body: string) => boolean): Generator<[D, Root]> {
	for (const document of documents) {
		if (!mayHold(document.body)) continue;
		let tree: Root;
		try {
			tree = parseLikeCompiler(document.body, document.file.endsWith('.mdx') ? 'mdx' : 'markdown');
		} catch {
			continue;
		}
		yield [document, tree];
	}
}

/** The nodes of a tree that pass `test`, in document order, looking inside every node. */
export function* nodesWhere<N extends Nodes>(node: Nodes, test: (node: Nodes) => node is N): Generator<N> {
	if (test(node)) yield node;
	if ('children' in node) for (const child of node.children) yield* nodesWhere(child as Nodes, test);
}

/** Where a node of a body's tree stands in its file, for a finding. */
export function placeIn(document: { bodyLine: number }, node: Nodes): { line: number; column: number } {
	return { line: document.bodyLine + (node.position?.start.line ?? 1) - 1, column: node.position?.start.column ?? 1 };
}
