import type { Nodes, Root } from 'mdast';
import { finding, type Finding } from './findings.ts';
import { bodyTrees, nodesWhere } from './body-trees.ts';

/** The `source` of every `<Case>` in a body, with its 1-based line in the body, read from the compiler's own tree. */
export function caseSources(tree: Root): { source: string | null; line: number }[] {
	const isCase = (node: Nodes): node is Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }> => (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Case';
	return [...nodesWhere(tree, isCase)].map((node) => {
		const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'source');
		return { source: attribute && typeof attribute.value === 'string' ? attribute.value : null, line: node.position?.start.line ?? 1 };
	});
}

/** What the case rule reads of a module: its body, and the addresses of its sources. */
export interface CasesEntry {
	file: string;
	body: string;
	bodyLine: number;
	data: { sources: readonly { url: string }[] };
}

/**
 * A real case is only as good as its source: the URL a `<Case>` names must be one of the module's
 * `sources`, where it carries its publisher and the date it was read.
 */
export function checkCases(modules: readonly CasesEntry[]): Finding[] {
	const findings: Finding[] = [];
	for (const [module, tree] of bodyTrees(modules, (body) => body.includes('<Case'))) {
		const listed = new Set(module.data.sources.map((source) => source.url));
		for (const { source, line } of caseSources(tree)) {
			if (source === null || listed.has(source)) continue; // A missing prop is the content check's finding.
			findings.push(
				finding({
					rule: 'case-source',
					file: module.file,
					line: module.bodyLine + line - 1,
					column: 1,
					message: `The case cites ${source}, which is not among the module's sources.`,
					fix: 'Add it to `sources` with its title, publisher and the date you read it (`accessed`), or cite a URL that is listed there.',
				})
			);
		}
	}
	return findings;
}
