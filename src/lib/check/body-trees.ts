import type { Root } from 'mdast';
import { parseLikeCompiler } from '../safety/parser-options.ts';

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
