/** What the content rules share while they read one file: its text, options, and the findings so far. */
import type { Nodes } from 'mdast';
import { finding, type Finding } from '../check/findings.ts';
import { DEFAULT_LIMITS } from './bytes.ts';
import { CONTENT_COMPONENTS, type ComponentSpec } from './components.ts';
import { normaliseHost } from './urls.ts';

export interface InspectOptions {
	/** Image hosts allowed for remote images (from the curriculum config `imageHosts`). */
	imageHosts?: readonly string[];
	/** Allowed components; defaults to CONTENT_COMPONENTS. */
	components?: Record<string, ComponentSpec>;
	/** Absolute path of the file's folder, to check that local images exist; skipped when absent. */
	baseDir?: string;
	/** Absolute path of the content folder, which local images may not leave; not checked when absent. */
	contentDir?: string;
	/** The deepest nesting of blocks and elements a file may have. */
	maxDepth?: number;
	/** The most lines a code block may have. */
	maxCodeLines?: number;
}


export interface Context {
	/** The text positions refer to: the file as the compiler sees it, frontmatter blanked. */
	text: string;
	file: string;
	at: Locator;
	components: Record<string, ComponentSpec>;
	imageHosts: Set<string>;
	baseDir: string | undefined;
	contentDir: string | undefined;
	maxDepth: number;
	maxCodeLines: number;
	findings: Finding[];
	seen: Set<string>;
	/** Findings per rule, including those not listed. */
	counts: Map<string, number>;
}

export function createContext(text: string, file: string, options: InspectOptions = {}): Context {
	return {
		text,
		file,
		at: createLocator(text),
		components: options.components ?? CONTENT_COMPONENTS,
		imageHosts: new Set((options.imageHosts ?? []).map((host) => normaliseHost(host))),
		baseDir: options.baseDir,
		contentDir: options.contentDir,
		maxDepth: options.maxDepth ?? DEFAULT_LIMITS.nestingDepth,
		maxCodeLines: options.maxCodeLines ?? DEFAULT_LIMITS.codeBlockLines,
		findings: [],
		seen: new Set(),
		counts: new Map(),
	};
}

/** Past this many findings of one rule in one file, the rest are counted, not listed. */
const MAX_PER_RULE = 20;

export function report(ctx: Context, rule: string, offset: number, message: string, fix: string): void {
	const { line, column } = ctx.at.point(offset);
	const key = `${rule}:${line}:${column}:${message}`;
	if (ctx.seen.has(key)) return;
	ctx.seen.add(key);
	const count = (ctx.counts.get(rule) ?? 0) + 1;
	ctx.counts.set(rule, count);
	if (count <= MAX_PER_RULE) ctx.findings.push(finding({ rule, file: ctx.file, line, column, message, fix }));
}

/** One finding for each rule that was reported more often than listed. */
export function summarise(ctx: Context): void {
	for (const [rule, count] of ctx.counts) {
		if (count <= MAX_PER_RULE) continue;
		ctx.findings.push(
			finding({
				rule,
				file: ctx.file,
				line: 1,
				column: 1,
				message: `${count - MAX_PER_RULE} more problems of this kind in the file are not listed; only the first ${MAX_PER_RULE} are.`,
				fix: 'Fix the ones listed, or the pattern behind them, and run the check again.',
			})
		);
	}
}

export function startOf(node: { position?: { start: { offset?: number } } | undefined | null }): number {
	return node.position?.start.offset ?? 0;
}

export function sliceOf(ctx: Context, node: Nodes): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start === undefined || end === undefined ? '' : ctx.text.slice(start, end);
}

/** Node types that carry no code and no address of their own; their children are still walked. */
// ---------------------------------------------------------------------------------------------
// Positions

export interface Locator {
	point(offset: number): { line: number; column: number };
	offset(line: number, column: number): number;
}

export function createLocator(text: string): Locator {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return {
		point(offset) {
			let low = 0;
			let high = starts.length - 1;
			while (low < high) {
				const middle = Math.ceil((low + high) / 2);
				if (starts[middle]! <= offset) low = middle;
				else high = middle - 1;
			}
			return { line: low + 1, column: offset - starts[low]! + 1 };
		},
		offset(line, column) {
			const start = starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
			return Math.min(start + Math.max(column, 1) - 1, text.length);
		},
	};
}


