import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';

/**
 * The Markdown features the build gives Sätteri, Astro's compiler; the content check parses with
 * this very object. Starlight turns directives on for its asides, so they are on here too, and GFM
 * (tables, footnotes) and smart punctuation are Astro's defaults written out. The integration
 * asserts after every integration has configured Markdown that the compiler's features still
 * equal these (see `featureDrift`), so the check and the compiler cannot read a file differently.
 */
export const PARSER_FEATURES = { gfm: true, directive: true, smartPunctuation: true, frontmatter: true } as const satisfies Features;

/** Which grammar a file is compiled with: `.mdx` as MDX, everything else as plain Markdown. */
export type SourceKind = 'mdx' | 'markdown';

export function kindOf(file: string): SourceKind {
	return file.toLowerCase().endsWith('.mdx') ? 'mdx' : 'markdown';
}

/** Parses a file body exactly as the compiler will: Sätteri, the same grammar, the same features. */
export function parseLikeCompiler(content: string, kind: SourceKind): Root {
	const options = { features: PARSER_FEATURES, position: true };
	return (kind === 'mdx' ? mdxToMdast(content, options) : markdownToMdast(content, options)) as Root;
}

/** What Astro's own Markdown settings can override in the features it hands the compiler. */
export interface MarkdownSettings {
	gfm?: boolean | undefined;
	smartypants?: unknown;
}

/**
 * The difference between the features the compiler will use and `PARSER_FEATURES`, as one line
 * per feature, or an empty list when they agree. The compiler combines the processor's features
 * with Astro's deprecated `markdown.gfm` and `markdown.smartypants` settings, which win over them.
 */
export function featureDrift(processorFeatures: Readonly<Record<string, unknown>>, settings: MarkdownSettings = {}): string[] {
	const effective: Record<string, unknown> = { ...processorFeatures };
	if (settings.gfm !== undefined && typeof effective.gfm !== 'object') effective.gfm = settings.gfm !== false;
	if (settings.smartypants !== undefined && typeof effective.smartPunctuation !== 'object') {
		effective.smartPunctuation = settings.smartypants !== false;
	}
	const expected: Record<string, unknown> = PARSER_FEATURES;
	const keys = new Set([...Object.keys(expected), ...Object.keys(effective)]);
	const drift: string[] = [];
	for (const key of [...keys].sort()) {
		const want = JSON.stringify(expected[key]);
		const got = JSON.stringify(effective[key]);
		if (want !== got) drift.push(`${key}: the check parses with ${want ?? 'nothing'}, the compiler with ${got ?? 'nothing'}`);
	}
	return drift;
}
