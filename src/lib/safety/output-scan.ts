/**
 * The last of three safety layers. The content check and the compiler guard stop script at the
 * source; this scan reads what actually ships, after `astro build`, so that a gap in either of them,
 * in a template or in a dependency still fails the build instead of reaching readers. HTML is read
 * with parse5, which follows the HTML standard, so the scan sees the elements a browser would build.
 *
 * This file runs the scan over the output folder, on worker threads when it can, and is itself the
 * whole scan's worker. How each file is read is in output-scan-files.ts, the checks by kind of file
 * in output-scan-html.ts, -xml.ts and -attributes.ts, and the scan while Astro renders in
 * output-scan-early.ts.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker, parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../check/findings.ts';
import { kindOf, posix, type Scan } from './output-scan-context.ts';
import { describe, quickScan, scanOf } from './output-scan-files.ts';

export { startEarlyScan, WRITTEN_AFTER_MS, type EarlyScan } from './output-scan-early.ts';
export { inlineScriptHash } from './output-scan-html.ts';

export const OUTPUT_RULES: Record<string, { title: string; description: string }> = {
	'output-script': {
		title: 'Built pages run only the site’s own scripts',
		description:
			'After the build, every page is read again. A `<script>` may load a file of the site itself (under `/_astro/` or `/pagefind/`), be one of the inline scripts the engine and Starlight write (recognised by the SHA-256 hash of its text), or hold JSON-LD data. Any other script got past the content check and the compiler guard, so the build stops instead of publishing it. SVG files may not contain scripts at all.',
	},
	'output-event-handler': {
		title: 'No event handlers in the built site',
		description: 'An attribute starting with `on`, such as `onload` or `onerror`, runs JavaScript. None may appear in a built page or SVG file, whatever produced it.',
	},
	'output-unsafe-url': {
		title: 'No script or data URLs in the built site',
		description:
			'Links, sources, form targets, `srcset` candidates, refresh targets and SVG links may not use `javascript:`, `vbscript:` or `data:` URLs, however they are spelt: entities, control characters and letter case are undone first, as browsers do.',
	},
	'output-element': {
		title: 'No embeds, forms or page-changing elements',
		description:
			'`<iframe>`, `<frame>`, `<frameset>`, `<object>`, `<embed>`, `<form>`, `<base>` and `<meta http-equiv="refresh">` can load other pages, collect input or send readers elsewhere, and no template of the site writes them. The one exception is a redirect page, which the build writes for a renamed module and for the permanent address of the current major of a module, and which holds only a refresh to another page of the site. SVG files may not contain `<foreignObject>`.',
	},
	'output-remote': {
		title: 'Built pages load nothing from other servers',
		description:
			'A file a page fetches from another server as it opens tells that server who is reading, and can change after the page was checked. Images (`src` and `srcset` of `<img>` and `<source>`) may come from the hosts listed in `imageHosts` in curriculum.yaml, over https; every other address a page fetches by itself (media, posters, SVG pictures and shapes, style sheets, icons and the other `<link>` kinds a browser loads, a link’s `ping`) must be a file of this site. A `<style>` element, or a `style` attribute that could fetch a file (`url(…)`, `image-set(…)`, `@import` or a backslash escape), is refused too: the site’s styles come from its own stylesheet files.',
	},
	'output-unrouted-page': {
		title: 'Every page comes from a route',
		description: 'An HTML file in the output that Astro did not render, copied in from `public/` or written by another tool, bypasses every check of the content. Remove it, or add a route that renders it.',
	},
	'output-xml': {
		title: 'XML files are well-formed',
		description:
			'The feed, the sitemaps and SVG images are XML, which feed readers and browsers refuse entirely when a single character is wrong. Each must have one root element, balanced tags, quoted attribute values, only the predefined entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`) or numeric ones, no document type declaration, and no control characters other than tab and line breaks.',
	},
};

export interface OutputScanOptions {
	/** The output folder, absolute: `fileURLToPath(dir)` in `astro:build:done`. */
	dir: string;
	/** Hashes of every inline `<script>` the engine and Starlight may write, as `inlineScriptHash()` returns them. */
	allowedInlineScripts: ReadonlySet<string>;
	/** Hosts images may come from (`imageHosts` in curriculum.yaml); every other file a page fetches is the site's. */
	imageHosts?: readonly string[];
	/**
	 * Pages Astro rendered, as `routedPages()` returns them: addresses such as `''` (the home page),
	 * `modules/x/` or `404/`, or files such as `modules/x/index.html`.
	 */
	routedPages: ReadonlySet<string>;
	/** The source file a page such as `modules/x/` was built from, to name it in messages. */
	sourceOf?: (page: string) => string | undefined;
	/** The folder that finding paths are relative to. @default the output folder's parent, so paths read `dist/…` */
	root?: string;
	/** What earlier scans found clean, and where this scan records what it finds clean. */
	memo?: ScanMemo;
}

/**
 * Files found clean, by a key of the scanner's code, the allowed inline scripts, the file's path and
 * its bytes: a file whose key an earlier build recorded is not parsed again, for it would be found
 * clean again. A file whose verdict depends on other files (a script loaded from a path that must
 * exist in the output) is never recorded. A build keeps the memo beside Astro's cache of rendered
 * pages, which it trusts as much.
 */
export interface ScanMemo {
	known: ReadonlySet<string>;
	/** Filled by the scan: the key of every file found clean, known before or not. */
	clean: Set<string>;
}

/**
 * The pages Astro wrote, from the parameters of `astro:build:done`. `pages` leaves out redirect
 * pages, which only `assets` lists (with every other route's files), so both are read.
 */
export function routedPages(done: { pages: readonly { pathname: string }[]; assets: ReadonlyMap<string, readonly URL[]>; dir: URL }): Set<string> {
	const dir = fileURLToPath(done.dir);
	const routed = new Set(done.pages.map((page) => page.pathname.replace(/^\//, '')));
	for (const files of done.assets.values()) for (const file of files) routed.add(posix(relative(dir, fileURLToPath(file))));
	return routed;
}

/** Scans every file of the output folder and returns what must not ship, sorted by file and line. */
export function scanOutput(options: OutputScanOptions): Finding[] {
	const scan = scanOf(options);
	return describe(scan, scan.files.filter((file) => quickScan(scan, file)));
}

/**
 * The same scan with the parsing, nearly all of its cost, shared among worker threads: nothing else
 * runs while `astro:build:done` waits, so the other cores are free.
 */
export function scanOutputInParallel(options: OutputScanOptions, threads?: number): Promise<Finding[]> {
	return startOutputScan(options, threads)(options);
}

/**
 * Starts the parallel scan of the files the output holds now and returns the function that finishes
 * it. Started in `astro:build:generated`, when every page is written, the parse runs while the
 * sitemap and Pagefind do their work; finishing in `astro:build:done`, once `routedPages` is known,
 * scans again on this thread any file that was added or changed since the start.
 */
export function startOutputScan(start: Pick<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo' | 'imageHosts'>, threads = Math.min(availableParallelism(), 8)): (rest: Omit<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo' | 'imageHosts'>) => Promise<Finding[]> {
	const before = scanOf({ ...start, routedPages: new Set() });
	const candidates = before.files.filter((file) => kindOf(file));
	const stamps = new Map(candidates.map((file) => [file, stampOf(before, file)]));
	const shares = Array.from({ length: threads }, (_, i) => candidates.filter((_, j) => j % threads === i));
	const data: WorkerData = { outputScan: true, dir: before.dir, files: before.files, allowed: [...start.allowedInlineScripts], hosts: [...(start.imageHosts ?? [])], known: [...(start.memo?.known ?? [])], shares: [] };
	// A worker cannot start where this file cannot be loaded outside Vite (from a package, or on a Node
	// without type stripping); every file is then scanned on this thread, slower but complete.
	const fromWorkers: Promise<string[] | undefined> =
		threads < 2 || candidates.length < 200
			? Promise.resolve(undefined)
			: Promise.all(shares.map((share) => runWorker({ ...data, shares: share }))).then(
					(answers) => {
						for (const { clean } of answers) for (const key of clean) start.memo?.clean.add(key);
						return answers.flatMap(({ flagged }) => flagged);
					},
					() => undefined
				);
	return async (rest) => {
		const scan = scanOf({ ...start, ...rest });
		const flagged = await fromWorkers;
		const covered = new Set(flagged ? candidates : []);
		const again = new Set(scan.files.filter((file) => kindOf(file) && (!covered.has(file) || stampOf(scan, file) !== stamps.get(file))));
		return describe(scan, [...(flagged ?? []).filter((file) => scan.existing.has(file) && !again.has(file)), ...[...again].filter((file) => quickScan(scan, file))]);
	};
}

/** Size and modification time, to tell whether a file changed after the workers read it. */
function stampOf(scan: Scan, file: string): string {
	const stat = statSync(join(scan.dir, file));
	return `${stat.size}:${stat.mtimeMs}`;
}

/** What a worker needs: the output's files, the allowed hashes, the memo's keys, and its share of the files to scan. */
type WorkerData = { outputScan: true; dir: string; files: string[]; allowed: string[]; hosts: string[]; known: string[]; shares: string[] };
/** A worker's answer: the files with findings, and the memo keys of the files found clean. */
type WorkerAnswer = { flagged: string[]; clean: string[] };

function runWorker(data: WorkerData): Promise<WorkerAnswer> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: data });
		worker.once('message', (answer: WorkerAnswer) => resolve(answer));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`The output scan worker stopped with code ${code}.`)));
	});
}

// Started as a worker by scanOutputInParallel: scan this share of the files and answer which have
// findings. It comes last so that every constant above is defined when it runs.
if (!isMainThread && (workerData as Partial<WorkerData> | null)?.outputScan) {
	const data = workerData as WorkerData;
	const memo: ScanMemo = { known: new Set(data.known), clean: new Set() };
	const scan = scanOf({ dir: data.dir, allowedInlineScripts: new Set(data.allowed), imageHosts: data.hosts, routedPages: new Set(), memo }, data.files);
	const flagged = data.shares.filter((file) => quickScan(scan, file));
	parentPort?.postMessage({ flagged, clean: [...memo.clean] } satisfies WorkerAnswer);
}
