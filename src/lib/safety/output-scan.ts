/**
 * The last of three safety layers. The content check and the compiler guard stop script at the
 * source; this scan reads what actually ships, after `astro build`, so that a gap in either of them,
 * in a template or in a dependency still fails the build instead of reaching readers. HTML is read
 * with parse5, which follows the HTML standard, so the scan sees the elements a browser would build.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { codeFingerprint } from '../cache/fingerprint.ts';
import { finding, sortFindings, type Finding } from '../check/findings.ts';
import { BODY_END, BODY_START, SHARED_END, SHARED_START } from '../embeds/assemble.ts';
import { markerComments, parseMarked, partsOf, withoutParts, type Part, type PartMarkers, type PartName, type PartOf } from './html-parts.ts';
import { checkXml, lineAndColumn, type XmlAttribute } from './xml-wellformed.ts';

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

/** The CSP hash of an inline script's text, such as `sha256-abc…=`. */
export function inlineScriptHash(text: string): string {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
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
export function startOutputScan(start: Pick<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo'>, threads = Math.min(availableParallelism(), 8)): (rest: Omit<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo'>) => Promise<Finding[]> {
	const before = scanOf({ ...start, routedPages: new Set() });
	const candidates = before.files.filter((file) => kindOf(file));
	const stamps = new Map(candidates.map((file) => [file, stampOf(before, file)]));
	const shares = Array.from({ length: threads }, (_, i) => candidates.filter((_, j) => j % threads === i));
	const data: WorkerData = { outputScan: true, dir: before.dir, files: before.files, allowed: [...start.allowedInlineScripts], known: [...(start.memo?.known ?? [])], shares: [] };
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

/**
 * Pages parsed while Astro is still rendering the others. Rendering is one thread; the other core is
 * shared by the share cards and this scan, both below the rendering thread's priority, and this scan
 * below the cards'. It starts with the first page Astro renders, once bundling (the build's peak of
 * memory) is over: waiting for the cards to be drawn as well left it too little of the render at
 * 1,000 modules, and about 2.4 s of parsing for after the render, against about 1 s without waiting.
 * Told of each page as it is rendered, or as the engine completes or adds one (an embed page written
 * from its parts), a worker thread at the lowest priority reads the page's file once it is written
 * and parses it as the whole scan does; told again of bytes it has parsed, it does not parse them
 * twice. It gives the memo key (`ScanMemo`) of each page it found clean: path and bytes, so a key
 * stands for exactly the bytes parsed. The whole scan then skips a page only when the file holds those
 * bytes still, as it skips one the last build found clean; a page read before Astro had finished
 * writing it has another key, and is parsed again.
 */
export interface EarlyScan {
	/**
	 * A page being rendered, by its file in the output folder (`modules/x/index.html`); with `parts`, a
	 * page the engine filled in with parts of pages it told of before (html-parts.ts).
	 */
	page(file: string, parts?: readonly PartOf[]): void;
	/** How many pages it has found clean so far. */
	parsed(): number;
	/** How many of those it found clean without parsing the parts they copy again. */
	fromParts(): number;
	/** Stops the worker; the keys of the pages it found clean, in no order. */
	stop(): Promise<string[]>;
}

/** How long after a page is rendered the worker reads its file, so that Astro has written it. */
export const WRITTEN_AFTER_MS = 250;

export function startEarlyScan(start: Pick<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo'>): EarlyScan {
	const clean: string[] = [];
	let fromParts = 0;
	let worker: Worker | undefined;
	let failed = false;
	let stopped: Promise<string[]> | undefined;
	const data: EarlyWorkerData = { earlyScan: true, dir: start.dir, allowed: [...start.allowedInlineScripts], known: [...(start.memo?.known ?? [])] };
	const send = (request: EarlyRequest) => {
		if (!worker) {
			// As for the whole scan's workers: where this file cannot be loaded in a worker, nothing is parsed early.
			worker = new Worker(new URL(import.meta.url), { workerData: data });
			worker.on('message', (answer: EarlyAnswer) => {
				if ('clean' in answer) {
					clean.push(answer.clean);
					if (answer.fromParts) fromParts++;
				}
			});
			worker.once('error', () => (failed = true));
			// It must not keep a build that failed from ending.
			worker.unref();
		}
		worker.postMessage(request);
	};
	return {
		page(file, parts) {
			if (stopped || failed || !kindOf(file) || file.split('/').some((part) => part === '..' || part === '') || file.includes('\\')) return;
			const request: EarlyRequest = parts?.length ? { file, parts: parts.map(({ source, part }) => ({ source, part })) } : { file };
			send(request);
		},
		parsed: () => clean.length,
		fromParts: () => fromParts,
		stop() {
			stopped ??= new Promise((resolve) => {
				const running = worker;
				if (!running || failed) return resolve(clean);
				running.ref();
				const end = () => void running.terminate().finally(() => resolve(clean));
				// Its answers come in order, so every key it found comes before this one.
				running.on('message', (answer: EarlyAnswer) => 'stopped' in answer && end());
				running.once('error', end);
				running.once('exit', () => resolve(clean));
				running.postMessage({ stop: true } satisfies EarlyRequest);
			});
			return stopped;
		},
	};
}

type EarlyWorkerData = { earlyScan: true; dir: string; allowed: string[]; known: string[] };
type EarlyRequest = { file: string; parts?: PartOf[] } | { stop: true };
type EarlyAnswer = { clean: string; fromParts?: true } | { stopped: true };

/** The early scan's worker: pages in the order they were rendered, each once its file is written. */
function earlyWorker(data: EarlyWorkerData): void {
	// Below the rendering thread and the card process (the build's priority + 15), so that it takes only
	// what they leave of a core. On Linux a thread has a priority of its own, set by its thread id;
	// elsewhere it keeps the process's.
	try {
		setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
	} catch {
		// No per-thread priority here: the worker still only reads and parses.
	}
	const known = new Set(data.known);
	const memo: ScanMemo = { known, clean: new Set() };
	const scan = scanOf({ dir: data.dir, allowedInlineScripts: new Set(data.allowed), routedPages: new Set(), memo }, []);
	// The parts of the pages it parses are kept for the pages filled in from them, and the comment that
	// stands for a part is new in each build, so that no page can hold it before.
	scan.parts = new Map();
	scan.nonce = `currents-part:${randomUUID()}`;
	/** Keys found clean in this build and given to the build: a page told of twice with the same bytes is parsed and given once. */
	const given = new Set<string>();
	const queue: { file: string; parts?: PartOf[]; at: number }[] = [];
	/**
	 * Pages queued again as filled in with parts of others, by how many times. Astro's render of an
	 * embed page comes first, and a worker running behind would read the page already filled in and
	 * parse it whole; it leaves the page to the later request, which reads the same file.
	 */
	const filledLater = new Map<string, number>();
	let waiting = false;
	const next = () => {
		waiting = false;
		const head = queue[0];
		if (!head) return;
		const wait = head.at + WRITTEN_AFTER_MS - performance.now();
		if (wait > 0) return void ((waiting = true), setTimeout(next, wait));
		queue.shift();
		if (head.parts) filledLater.set(head.file, filledLater.get(head.file)! - 1);
		else if (filledLater.get(head.file)) return void ((waiting = true), setImmediate(next));
		let bytes: Buffer | undefined;
		try {
			bytes = readFileSync(join(scan.dir, head.file));
		} catch {
			// Not written, or not a file: the whole scan reads whatever is there at the end.
		}
		if (bytes) {
			// The memo's clean set holds this one page's key at most: the page's, if it was found clean.
			memo.clean.clear();
			const fromParts = { used: false };
			scanFile(scan, head.file, false, bytes, head.parts, fromParts);
			for (const key of memo.clean) {
				known.add(key);
				if (!given.has(key)) parentPort!.postMessage((fromParts.used ? { clean: key, fromParts: true } : { clean: key }) satisfies EarlyAnswer);
				given.add(key);
			}
		}
		// One page at a time, so that a request to stop is read between two pages.
		waiting = true;
		setImmediate(next);
	};
	parentPort!.on('message', (request: EarlyRequest) => {
		if ('stop' in request) {
			queue.length = 0;
			parentPort!.postMessage({ stopped: true } satisfies EarlyAnswer);
			return;
		}
		queue.push({ file: request.file, parts: request.parts, at: performance.now() });
		if (request.parts) filledLater.set(request.file, (filledLater.get(request.file) ?? 0) + 1);
		if (!waiting) next();
	});
}

/** Size and modification time, to tell whether a file changed after the workers read it. */
function stampOf(scan: Scan, file: string): string {
	const stat = statSync(join(scan.dir, file));
	return `${stat.size}:${stat.mtimeMs}`;
}

/** What a worker needs: the output's files, the allowed hashes, the memo's keys, and its share of the files to scan. */
type WorkerData = { outputScan: true; dir: string; files: string[]; allowed: string[]; known: string[]; shares: string[] };
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

// ---------------------------------------------------------------------------------------------
// Files

interface Scan {
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

interface FileContext {
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

function scanOf(options: OutputScanOptions, files?: string[]): Scan {
	const all = files ?? readdirSync(options.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => posix(relative(options.dir, join(entry.parentPath, entry.name))));
	return { options, dir: options.dir, root: options.root ?? join(options.dir, '..'), files: all.sort(), existing: new Set(all), hashes: new Map() };
}

function kindOf(file: string): 'html' | 'svg' | 'xml' | 'svgpack' | undefined {
	if (file.toLowerCase().endsWith('.svgpack.gz')) return 'svgpack';
	const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
	return extension === 'html' || extension === 'htm' ? 'html' : extension === 'svg' || extension === 'xml' ? extension : undefined;
}

/** Whether a file has any finding: a parse without positions, which are costly and rarely needed. */
const quickScan = (scan: Scan, file: string): boolean => scanFile(scan, file, false).length > 0;

/** Scans the flagged files again with positions and sources, and checks that every page has a route. */
function describe(scan: Scan, flagged: readonly string[]): Finding[] {
	const findings = flagged.flatMap((file) => scanFile(scan, file, true));
	for (const file of scan.files) {
		if (kindOf(file) !== 'html' || addressesOf(file).some((address) => scan.options.routedPages.has(address))) continue;
		const ctx = contextOf(scan, file, '', true);
		report(ctx, 'output-unrouted-page', undefined, `The HTML file ${file} is in the output, but Astro rendered no page at /${addressesOf(file)[0]}.`, 'Remove the file from `public/`, or from the tool that wrote it into the output folder; every page of the site must come from a route, so that the content checks see it.');
		findings.push(...ctx.findings);
	}
	return sortFindings(findings);
}

/**
 * Scans one file. `holds` names the parts of other pages the engine copied into it; when each is found
 * in it and the rest of it is clean, it is clean without parsing them again, and `fromParts.used` says so.
 */
function scanFile(scan: Scan, file: string, detailed: boolean, bytes?: Buffer, holds?: readonly PartOf[], fromParts?: { used: boolean }): Finding[] {
	const kind = kindOf(file);
	if (!kind) return [];
	bytes ??= readFileSync(join(scan.dir, file));
	const memo = detailed ? undefined : scan.options.memo;
	const key = memo && memoKey(scan, file, bytes);
	if (key && memo?.known.has(key)) {
		memo.clean.add(key);
		return [];
	}
	if (kind === 'svgpack') {
		const findings = scanPack(scan, file, bytes, detailed);
		if (key && findings.length === 0) memo?.clean.add(key);
		return findings;
	}
	const ctx = contextOf(scan, file, bytes.toString('utf8'), detailed);
	if (kind === 'html' && holds && !detailed && checkedFromParts(ctx, holds)) {
		if (fromParts) fromParts.used = true;
	} else if (kind === 'html') scanHtml(ctx);
	else if (kind === 'svg') scanSvg(ctx);
	else scanXml(ctx);
	if (key && ctx.findings.length === 0 && !ctx.readOthers) memo?.clean.add(key);
	return ctx.findings;
}

/**
 * A pack of SVG pictures (the certificate's emoji, see `src/lib/cards/browser-paths.ts`): gzipped
 * JSON, file name to SVG text. Each picture is scanned as an SVG file of its own would be, under the
 * name `<pack>#<picture>`; a pack that cannot be read so is refused whole.
 */
function scanPack(scan: Scan, file: string, bytes: Buffer, detailed: boolean): Finding[] {
	let pictures: unknown;
	try {
		pictures = JSON.parse(gunzipSync(bytes).toString('utf8'));
	} catch {
		pictures = undefined;
	}
	if (!pictures || typeof pictures !== 'object' || Array.isArray(pictures) || !Object.values(pictures).every((svg) => typeof svg === 'string')) {
		const ctx = contextOf(scan, file, '', detailed);
		report(ctx, 'output-xml', undefined, `${file} is not a pack of SVG pictures (gzipped JSON of file names and SVG texts).`, 'Fix the build step that writes it (src/lib/cards/browser-assets.ts).');
		return ctx.findings;
	}
	return Object.entries(pictures as Record<string, string>).flatMap(([name, svg]) => {
		const ctx = contextOf(scan, `${file}#${name.replace(/\.svg$/i, '')}.svg`, svg, detailed);
		scanSvg(ctx);
		return ctx.findings;
	});
}

/** A file's key in the scan memo: the scanner's code, the allowed inline scripts, the path and the bytes. */
function memoKey(scan: Scan, file: string, bytes: Buffer): string {
	scan.memoPrefix ??= `${codeFingerprint(dirname(fileURLToPath(import.meta.url)))}\0${[...scan.options.allowedInlineScripts].sort().join(' ')}\0`;
	return createHash('sha256').update(scan.memoPrefix).update(`${file}\0`).update(bytes).digest('base64url');
}

function contextOf(scan: Scan, file: string, text: string, detailed: boolean): FileContext {
	return { scan, file, text, address: kindOf(file) === 'html' ? addressesOf(file)[0]! : file, detailed, findings: [] };
}

/** The addresses a page file may be routed under: `a/index.html` is `a/`; `404.html` is `404/` or `404`. */
function addressesOf(file: string): string[] {
	if (file === 'index.html') return ['', file];
	if (file.endsWith('/index.html')) return [file.slice(0, -'index.html'.length), file];
	const bare = file.replace(/\.html?$/i, '');
	return [`${bare}/`, bare, file];
}

type Position = { line: number; column: number };

function report(ctx: FileContext, rule: string, at: Position | undefined, message: string, fix: string): void {
	const file = posix(relative(ctx.scan.root, join(ctx.scan.dir, ctx.file)));
	const source = ctx.detailed ? ctx.scan.options.sourceOf?.(ctx.address) : undefined;
	const where = !source ? '' : kindOf(ctx.file) === 'html' ? ` The page was built from ${source}.` : ` The file comes from ${source}.`;
	ctx.findings.push(finding({ rule, file, line: at?.line ?? 0, column: at?.column ?? 0, message: message + where, fix: fix.replace('{source}', source ?? 'the source of this page') }));
}

// ---------------------------------------------------------------------------------------------
// HTML

const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'base']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'longdesc', 'codebase', 'manifest', 'base']);
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping']);
/** The elements a redirect page of the build consists of (Astro's for renamed modules, and `aliasPage`). */
const REDIRECT_ELEMENTS = new Set(['html', 'head', 'body', 'title', 'meta', 'link', 'a', 'code']);
const ORIGIN = 'https://output-scan.invalid';
/** An address deeper than any page's: a script address names the same file from here and from the root only when it names it from every page. */
const DEEP = `${ORIGIN}/${'deep/'.repeat(64)}`;
const SPACES = /\s+/g;
const REDIRECT_REFRESH = /^[0-9]+;url=([!-~]+)$/;

/** The markers of a module page's parts (src/lib/embeds/assemble.ts), and the comments they are. */
const PART_MARKERS: PartMarkers = { embedStart: SHARED_START, embedEnd: SHARED_END, bodyStart: BODY_START, bodyEnd: BODY_END };
const PART_COMMENTS = markerComments(PART_MARKERS);

function scanHtml(ctx: FileContext): void {
	const parts = ctx.detailed ? undefined : ctx.scan.parts;
	if (!parts) return checkHtml(ctx, parse(ctx.text, { sourceCodeLocationInfo: ctx.detailed }));
	const { document, marks } = parseMarked(ctx.text, PART_COMMENTS, {});
	checkHtml(ctx, document);
	if (ctx.findings.length > 0 || ctx.relativeScript || ctx.redirects || marks.length === 0) return;
	const found = partsOf(ctx.text, marks, PART_MARKERS);
	if (Object.keys(found).length > 0) parts.set(ctx.file, found);
}

/**
 * Whether a page is clean as the parts of pages found clean before, named by `holds`, and the rest of it
 * (html-parts.ts): false when a part is not found or not known, or the rest has a finding, for the page
 * is then parsed whole.
 */
function checkedFromParts(ctx: FileContext, holds: readonly PartOf[]): boolean {
	const parts = holds.map(({ source, part }) => ctx.scan.parts?.get(source)?.[part]);
	if (!ctx.scan.nonce || parts.length === 0 || !parts.every((part) => part !== undefined)) return false;
	const rest = withoutParts(ctx.text, parts, ctx.scan.nonce, {});
	if (!rest) return false;
	const probe: FileContext = { ...ctx, findings: [] };
	// The parts' elements are not in the rest's tree, so it cannot be taken for a redirect page.
	checkHtml(probe, rest.document, false);
	if (probe.findings.length > 0) return false;
	ctx.readOthers = probe.readOthers;
	return true;
}

/** Checks the elements of a parsed page; `mayRedirect` false when the page holds more than the tree shows. */
function checkHtml(ctx: FileContext, document: Html.Document, mayRedirect = true): void {
	const refreshes: Html.Element[] = [];
	let redirectShaped = mayRedirect;
	// An explicit stack instead of recursion: a page may nest elements deeper than the call stack allows.
	const stack: Html.ParentNode[] = [document];
	while (stack.length > 0) {
		for (const node of stack.pop()!.childNodes) {
			if (!('tagName' in node)) continue;
			const name = node.tagName;
			if (!REDIRECT_ELEMENTS.has(name)) redirectShaped = false;
			if (name === 'script') checkScript(ctx, node);
			else if (FORBIDDEN_ELEMENTS.has(name)) report(ctx, 'output-element', startOf(node), `The page contains an <${name}> element, which loads other pages, collects input or changes where links lead.`, 'Remove the element from {source}. Link to the page instead of embedding it.');
			else if (name === 'meta' && attribute(node, 'http-equiv')?.trim().toLowerCase() === 'refresh') refreshes.push(node);
			else if (name === 'meta' && attribute(node, 'name') !== 'robots') redirectShaped = false;
			checkAttributes(ctx, node, (attr) => attributeAt(node, attr));
			stack.push(node);
			if (name === 'template') stack.push((node as Html.Template).content);
		}
	}
	for (const meta of refreshes) {
		const content = attribute(meta, 'content') ?? '';
		if (redirectShaped && refreshes.length === 1 && isSameSiteRefresh(content)) {
			ctx.redirects = true;
			continue;
		}
		report(ctx, 'output-element', startOf(meta), `The page contains <meta http-equiv="refresh" content=${quote(content)}>, which sends readers to another address; only the build's redirect pages may, and only to a page of this site.`, 'Remove the element from {source}. To move a page, list the old address in `redirects.yaml` instead.');
		if (unsafeScheme(content, true, true)) report(ctx, 'output-unsafe-url', startOf(meta), `The refresh target ${quote(content)} is a script or data URL.`, 'Remove the element from {source}.');
	}
}

function checkScript(ctx: FileContext, script: Html.Element): void {
	// SVG scripts name their file in `href` (or `xlink:href`) rather than `src`; a browser may take either, so each must be the site's.
	const sources = script.attrs.filter((attr) => attr.name === 'src' || attr.name === 'href');
	if (sources.length > 0) {
		for (const source of sources) {
			if (isOwnScript(ctx, source.value)) continue;
			report(ctx, 'output-script', attributeAt(script, source), `A <script> loads ${quote(source.value)}, which is not a file of this site.`, 'Remove the script from {source}. The site loads scripts only from its own `/_astro/` and `/pagefind/` folders.');
		}
		return;
	}
	const text = script.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
	if (attribute(script, 'type')?.trim().toLowerCase() === 'application/ld+json' && isJson(text) && !text.toLowerCase().includes('</script')) return;
	// Every page repeats the same few inline scripts; remembering their hashes saves hashing them again.
	let hash = ctx.scan.hashes.get(text);
	if (hash === undefined) ctx.scan.hashes.set(text, (hash = inlineScriptHash(text)));
	if (ctx.scan.options.allowedInlineScripts.has(hash)) return;
	report(ctx, 'output-script', startOf(script), `An inline <script> that neither the engine nor Starlight writes: ${quote(text.replace(SPACES, ' ').trim())} (${hash}).`, 'Remove the script from {source}: content cannot run code. If an engine component writes it on purpose, add its `inlineScriptHash()` to the allowed inline scripts.');
}

/** Whether a script address is a file of this site: under `/_astro/` or `/pagefind/`, or present in the output. */
function isOwnScript(ctx: FileContext, src: string): boolean {
	const url = URL.parse(src, `${ORIGIN}/${ctx.address}`);
	if (URL.parse(src, `${ORIGIN}/`)?.href !== URL.parse(src, DEEP)?.href) ctx.relativeScript = true;
	if (url?.origin !== ORIGIN) return false;
	let path = url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape names no file in the output; the encoded path is checked as it is.
	}
	if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) return true;
	ctx.readOthers = true;
	return ctx.scan.existing.has(path.slice(1));
}

/** Exactly what the build's redirect pages hold: `0;url=/path/` to a path of this site. */
function isSameSiteRefresh(content: string): boolean {
	const target = REDIRECT_REFRESH.exec(content)?.[1];
	return target?.startsWith('/') === true && URL.parse(target, `${ORIGIN}/`)?.origin === ORIGIN;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function attribute(element: Html.Element, name: string): string | undefined {
	return element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
}

function startOf(element: Html.Element): Position | undefined {
	const location = element.sourceCodeLocation?.startTag ?? element.sourceCodeLocation;
	return location ? { line: location.startLine, column: location.startCol } : undefined;
}

function attributeAt(element: Html.Element, attr: { name: string; prefix?: string }): Position | undefined {
	const location = element.sourceCodeLocation?.attrs?.[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name];
	return location ? { line: location.startLine, column: location.startCol } : startOf(element);
}

// ---------------------------------------------------------------------------------------------
// Attributes, shared by HTML and SVG

type AnyAttribute = { name: string; value: string; prefix?: string };

/** Checks event handlers and URLs. Attribute names are compared without their prefix, so `xlink:href` is `href`. */
function checkAttributes(ctx: FileContext, element: { tagName: string; attrs: AnyAttribute[] }, at: (attr: AnyAttribute) => Position | undefined): void {
	const tag = element.tagName;
	const local = tag.slice(tag.indexOf(':') + 1);
	for (const attr of element.attrs) {
		const colon = attr.name.indexOf(':');
		const name = (colon < 0 ? attr.name : attr.name.slice(colon + 1)).toLowerCase();
		if (attr.prefix === 'xmlns' || attr.name.startsWith('xmlns')) continue;
		const shown = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
		if (name.startsWith('on')) {
			report(ctx, 'output-event-handler', at(attr), `The <${tag}> element has an event handler, ${shown}=${quote(attr.value)}, which runs JavaScript.`, 'Remove the attribute from {source}. Content cannot run code.');
			continue;
		}
		let urls: string[];
		if (URL_ATTRIBUTES.has(name)) urls = [attr.value];
		// Splitting at every space and comma yields each candidate's URL at the start of a piece,
		// however the browser groups descriptors, so no candidate is missed.
		else if (URL_LIST_ATTRIBUTES.has(name)) urls = attr.value.split(LIST_SEPARATOR);
		// SVG animation can set a link's target: <set attributeName="href" to="javascript:…">.
		else if ((local === 'set' || local === 'animate') && ANIMATION_VALUES.has(name) && ANIMATED_LINK.test(element.attrs.find((a) => a.name.toLowerCase() === 'attributename')?.value ?? '')) urls = attr.value.split(';');
		else continue;
		const scheme = urls.map((url) => unsafeScheme(url, !(local === 'image' && kindOf(ctx.file) === 'svg'))).find(Boolean);
		if (scheme) report(ctx, 'output-unsafe-url', at(attr), `The <${tag}> element has ${shown}=${quote(attr.value)}, a ${scheme} URL.`, 'Use an `https://` address or a path on this site in {source}. Script and data URLs are never allowed.');
	}
}

const LIST_SEPARATOR = /[\t\n\f\r ,]+/;
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);
const ANIMATED_LINK = /href\s*$/i;
const SQUEEZE = /[\0- ]+/g;
const UNSAFE_SCHEMES = ['javascript:', 'vbscript:', 'data:'];
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;

/**
 * The unsafe scheme a URL uses, if any. Browsers drop leading control characters and spaces and
 * every tab and line break; dropping all of them, anywhere, catches at least as much.
 */
function unsafeScheme(url: string, refuseRasterData: boolean, anywhere = false): string | undefined {
	const first = url.charCodeAt(0);
	if (!anywhere && (first === 0x2f || first === 0x23 || first === 0x2e || url.startsWith('https://'))) return undefined;
	const squeezed = url.replace(SQUEEZE, '').toLowerCase();
	const scheme = UNSAFE_SCHEMES.find((candidate) => (anywhere ? squeezed.includes(candidate) : squeezed.startsWith(candidate)));
	// An SVG's <image> may embed a picture as a data URL; pictures cannot run script.
	if (scheme === 'data:' && !refuseRasterData && RASTER_DATA.test(squeezed)) return undefined;
	return scheme?.slice(0, -1);
}

function quote(value: string): string {
	return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

// ---------------------------------------------------------------------------------------------
// SVG and XML

/** SVG files are read as XML, as browsers read them when a reader opens one directly. */
function scanSvg(ctx: FileContext): void {
	const at = (offset: number) => (ctx.detailed ? lineAndColumn(ctx.text, offset) : undefined);
	const problem = checkXml(ctx.text, (element) => {
		const name = element.name.slice(element.name.indexOf(':') + 1).toLowerCase();
		if (name === 'script') report(ctx, 'output-script', at(element.offset), `The SVG contains a <${element.name}> element, which runs when a reader opens the image on its own.`, 'Remove the script from the SVG file; images cannot run code. Most editors have an option to export plain SVG.');
		else if (name === 'foreignobject' || FORBIDDEN_ELEMENTS.has(name)) report(ctx, 'output-element', at(element.offset), `The SVG contains a <${element.name}> element, which can hold a web page inside the image.`, 'Remove the element from the SVG file, or export the image as plain SVG or PNG.');
		checkAttributes(ctx, { tagName: element.name, attrs: element.attributes }, (attr) => at((attr as XmlAttribute).offset));
	});
	if (problem) reportXml(ctx, problem);
}

function scanXml(ctx: FileContext): void {
	const problem = checkXml(ctx.text);
	if (problem) reportXml(ctx, problem);
}

function reportXml(ctx: FileContext, problem: { offset: number; message: string }): void {
	const at = ctx.detailed ? lineAndColumn(ctx.text, problem.offset) : undefined;
	report(ctx, 'output-xml', at, `${ctx.file} is not well-formed XML: ${problem.message}`, 'Fix the template or tool that writes this file so that it escapes text and attribute values; readers and browsers refuse malformed XML entirely.');
}

function posix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}

// Started as a worker by scanOutputInParallel: scan this share of the files and answer which have
// findings. It comes last so that every constant above is defined when it runs.
if (!isMainThread && (workerData as Partial<WorkerData> | null)?.outputScan) {
	const data = workerData as WorkerData;
	const memo: ScanMemo = { known: new Set(data.known), clean: new Set() };
	const scan = scanOf({ dir: data.dir, allowedInlineScripts: new Set(data.allowed), routedPages: new Set(), memo }, data.files);
	const flagged = data.shares.filter((file) => quickScan(scan, file));
	parentPort?.postMessage({ flagged, clean: [...memo.clean] } satisfies WorkerAnswer);
} else if (!isMainThread && (workerData as Partial<EarlyWorkerData> | null)?.earlyScan) {
	earlyWorker(workerData as EarlyWorkerData);
}
