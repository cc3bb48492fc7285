/**
 * The build's last steps, the search index, the Common Cartridges and the record of the output,
 * made after Astro's process has ended when `npm run build` started it (scripts/build.ts).
 *
 * When the pages are written, Astro's process still holds what it bundled and rendered with (about
 * 1.4 GB at 1,000 modules), and Pagefind's process grows beside it to 300-700 MB while it writes the
 * index: the end of the build was the peak of its memory. Astro gives that memory back only by
 * exiting. So a build started with `CURRENTS_LAST_STEPS` set to a file name writes there what is left
 * to do instead of doing it, once the output has passed the scan, and the process that started it
 * does it after Astro's has exited. A build started any other way (`astro build`) does these steps
 * itself, as before.
 *
 * Here the cartridges are written in a worker thread while Pagefind indexes. At 1,000 modules they
 * took 2.4 s alone in a thread of their own, against 4.3 to 4.7 s in Astro's process after the
 * render, and the index 4.3 s alone. Side by side in a cold build, the cartridges were written 4.4 s
 * and the index 5.3 s after Astro's process had exited, where the two had taken 9 s one after the other.
 */
import { rmSync } from 'node:fs';
import { cartridgesLine, writeCartridgeStepApart, type CartridgeStep } from '../cartridge/site-step.ts';
import type { SearchIndexReport } from '../search/index-step.ts';
import { keep, readKept } from './files.ts';
import { recordOutput } from './output-state.ts';

/** The variable naming the file a build leaves its last steps in. */
export const LAST_STEPS_VARIABLE = 'CURRENTS_LAST_STEPS';

export interface LastSteps {
	/** The search index to make: the output folder, and where the last build's index is kept. */
	search?: { dist: string; cacheDir?: string };
	/** The Common Cartridges to write: the output folder, their cache, and the curriculum's data. */
	cartridges?: CartridgeStep;
	/** The record of the output to keep for the next build (`recordOutput`), once the index and the cartridges are in it. */
	record: { outDir: string; file: string };
}

/** In the build: the file to leave the last steps in, when the process that started the build makes them. */
export const lastStepsFile = (env: NodeJS.ProcessEnv = process.env): string | undefined => env[LAST_STEPS_VARIABLE] || undefined;

/** In the build, once the output has passed the scan: what is left to do, for the process that started it. */
export function leaveLastSteps(file: string, steps: LastSteps): void {
	keep(file, steps);
}

/** A message for the build log. */
export type StepLog = (message: string) => void;

/** The build log's line for the search index, wherever it was made. */
export const searchIndexLine = (index: SearchIndexReport, took: string): string =>
	`Search index: ${index.pages} pages, ${index.reused ? 'reused from the last build' : 'indexed with Pagefind'} in ${took}`;

const AFTER = "after the build's process had ended";

/**
 * After the build's process has exited: makes the steps it left, if it left any (a build that failed,
 * or `astro build --help`, leaves none). The file is removed first, so that it is never read twice.
 * The search index and the cartridges are made side by side; the output is recorded only when both
 * were made, so that the next build does not build into an output that lacks one of them.
 */
export async function makeLastSteps(file: string, log: StepLog): Promise<void> {
	const steps = readKept(file) as LastSteps | undefined;
	rmSync(file, { force: true });
	if (!steps) return;
	const started = performance.now();
	const took = () => `${Math.round(performance.now() - started)} ms`;
	const cartridges = async (step: CartridgeStep) => log(`${cartridgesLine(await writeCartridgeStepApart(step), took())}, ${AFTER}.`);
	const search = async (step: NonNullable<LastSteps['search']>) => {
		// Loaded only now, so that the process waiting for the build holds no more than it needs (7 MB less).
		const { writeSearchIndex } = await import('../search/index-step.ts');
		log(`${searchIndexLine(await writeSearchIndex(step.dist, step.cacheDir), took())}, ${AFTER}.`);
	};
	const made = await Promise.allSettled([steps.cartridges && cartridges(steps.cartridges), steps.search && search(steps.search)]);
	const reasons = made.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
	if (reasons.length > 0) throw new AggregateError(reasons, reasons.map((reason) => (reason instanceof Error ? reason.message : String(reason))).join('\n'));
	recordOutput(steps.record.outDir, steps.record.file);
}
