/**
 * The early scan: the output scan's parse of pages while Astro is still rendering the others. This
 * file is also the worker thread that parses them, started with `workerData` that says so.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { isMainThread, Worker, parentPort, workerData } from 'node:worker_threads';
import type { PartOf } from './html-parts.ts';
import { kindOf } from './output-scan-context.ts';
import { scanFile, scanOf } from './output-scan-files.ts';
import type { OutputScanOptions, ScanMemo } from './output-scan.ts';

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

export function startEarlyScan(start: Pick<OutputScanOptions, 'dir' | 'allowedInlineScripts' | 'memo' | 'imageHosts'>): EarlyScan {
	const clean: string[] = [];
	let fromParts = 0;
	let worker: Worker | undefined;
	let failed = false;
	let stopped: Promise<string[]> | undefined;
	const data: EarlyWorkerData = { earlyScan: true, dir: start.dir, allowed: [...start.allowedInlineScripts], hosts: [...(start.imageHosts ?? [])], known: [...(start.memo?.known ?? [])] };
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

type EarlyWorkerData = { earlyScan: true; dir: string; allowed: string[]; hosts: string[]; known: string[] };
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
	const scan = scanOf({ dir: data.dir, allowedInlineScripts: new Set(data.allowed), imageHosts: data.hosts, routedPages: new Set(), memo }, []);
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

// Started as a worker by startEarlyScan: parse the pages it is told of. It comes last so that every
// constant above is defined when it runs.
if (!isMainThread && (workerData as Partial<EarlyWorkerData> | null)?.earlyScan) {
	earlyWorker(workerData as EarlyWorkerData);
}
