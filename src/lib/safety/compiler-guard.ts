import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { MdastPluginEntry } from 'satteri';
import type { Finding } from '../check/findings.ts';
import { formatHuman } from '../check/report.ts';
import { createContext, inspectTree, type InspectOptions } from './inspect.ts';

export interface GuardOptions extends Omit<InspectOptions, 'baseDir'> {
	/** The project root, for file names in messages. */
	root: string;
	/** The site address, for the rule links in messages; a function where it is known only later (the dev server's, `ruleDocs`). */
	site?: string | (() => string);
}

/** A file the guard refused to compile, with every reason and the first one's place. */
export class ContentRefusedError extends Error {
	readonly findings: readonly Finding[];
	readonly line: number;
	readonly column: number;

	constructor(file: string, findings: readonly Finding[], site: string | undefined) {
		super(`${file} was not compiled: it is not safe content.\n\n${formatHuman([...findings], { site })}`);
		this.name = 'ContentRefusedError';
		this.findings = findings;
		this.line = findings[0]?.line ?? 0;
		this.column = findings[0]?.column ?? 0;
		// The message says what and where; a stack of the compiler's internals would only bury it.
		this.stack = `${this.name}: ${this.message}`;
	}
}

/**
 * The wall: a Sätteri plugin that runs the content rules on the compiler's own tree of every
 * Markdown and MDX file, before any other plugin and before any code is generated, and refuses the
 * file when a rule fails. No difference between two parsers can slip past it, because there is only
 * one parse. The pre-build check runs the same rules to report everything at once; this guard is
 * what holds if that check is skipped or wrong.
 */
export function compilerGuard(options: GuardOptions): MdastPluginEntry {
	return ({ fileURL }) => ({
		name: 'currents:content-guard',
		options: { position: true },
		before(tree, ctx) {
			const path = fileURL ? fileURLToPath(fileURL) : '(a document without a file)';
			const file = fileURL ? relative(options.root, path).split(sep).join('/') : path;
			// A content file's images are files the build copies into the site: they must be there, and
			// in the content folder. Any other file (the engine's own) is not held to that.
			const content = fileURL !== undefined && options.contentDir !== undefined && path.startsWith(`${options.contentDir}${sep}`);
			const context = createContext(ctx.source, file, content ? { ...options, baseDir: dirname(path) } : { ...options, contentDir: undefined });
			inspectTree(tree as unknown as Root, context);
			const refused = context.findings.filter((finding) => finding.severity === 'error');
			if (refused.length > 0) throw new ContentRefusedError(file, refused, typeof options.site === 'function' ? options.site() : options.site);
		},
	});
}
