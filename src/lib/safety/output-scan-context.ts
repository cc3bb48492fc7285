/**
 * What the output scan (output-scan.ts) carries while it reads the built site: the scan itself, the
 * file being read, and how a finding in that file is reported, with its position and the source it
 * was built from.
 */
import { join, relative, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import type { Part, PartName } from './html-parts.ts';
import type { OutputScanOptions } from './output-scan.ts';

export interface Scan {
	options: OutputScanOptions;
	dir: string;
	root: string;
	/** Every file in the output, relative to it, with forward slashes. */
	files: string[];
	existing: Set<string>;
	/** Inline script texts already hashed, with their hashes. */
	hashes: Map<string, string>;
	/** The part of every memo key that is the same for all files. */
	memoPrefix?: string;
	/** When set, the parts of each page found clean, by file, for the pages that copy them (html-parts.ts). */
	parts?: Map<string, Partial<Record<PartName, Part>>>;
	/** The comment text that stands for a part, new in each scan that keeps parts. */
	nonce?: string;
}

export interface FileContext {
	scan: Scan;
	file: string;
	text: string;
	/** The page's address (`modules/x/`), or the file's path for files that are not pages. */
	address: string;
	/** Whether to record positions and sources; the first pass only asks whether a file is clean. */
	detailed: boolean;
	findings: Finding[];
	/** Whether the verdict depended on another file of the output, so that the memo may not keep it. */
	readOthers?: boolean;
	/** Whether a script's file is named relative to the page's address, so that a copy elsewhere may load another. */
	relativeScript?: boolean;
	/** Whether the page was let hold a refresh as a redirect page, which a part of it copied elsewhere would not be. */
	redirects?: boolean;
}

export function kindOf(file: string): 'html' | 'svg' | 'xml' | 'svgpack' | undefined {
	if (file.toLowerCase().endsWith('.svgpack.gz')) return 'svgpack';
	const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
	return extension === 'html' || extension === 'htm' ? 'html' : extension === 'svg' || extension === 'xml' ? extension : undefined;
}

export function contextOf(scan: Scan, file: string, text: string, detailed: boolean): FileContext {
	return { scan, file, text, address: kindOf(file) === 'html' ? addressesOf(file)[0]! : file, detailed, findings: [] };
}

/** The addresses a page file may be routed under: `a/index.html` is `a/`; `404.html` is `404/` or `404`. */
export function addressesOf(file: string): string[] {
	if (file === 'index.html') return ['', file];
	if (file.endsWith('/index.html')) return [file.slice(0, -'index.html'.length), file];
	const bare = file.replace(/\.html?$/i, '');
	return [`${bare}/`, bare, file];
}

export type Position = { line: number; column: number };

export function report(ctx: FileContext, rule: string, at: Position | undefined, message: string, fix: string): void {
	const file = posix(relative(ctx.scan.root, join(ctx.scan.dir, ctx.file)));
	const source = ctx.detailed ? ctx.scan.options.sourceOf?.(ctx.address) : undefined;
	const where = !source ? '' : kindOf(ctx.file) === 'html' ? ` The page was built from ${source}.` : ` The file comes from ${source}.`;
	ctx.findings.push(finding({ rule, file, line: at?.line ?? 0, column: at?.column ?? 0, message: message + where, fix: fix.replace('{source}', source ?? 'the source of this page') }));
}

export function quote(value: string): string {
	return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

export function posix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}
