/**
 * The build's step that writes every cartridge the site offers (`writeSiteCartridges`), and its
 * line in the build log. Under `npm run build` it is one of the last steps, made after Astro's
 * process has exited (src/lib/cache/last-steps.ts): in a worker thread, while Pagefind's process
 * writes the search index beside it. Neither needs the other's output; at 1,000 modules both were
 * done 5.3 s after Astro's process had exited, against 9 s one after the other.
 */
import { Worker } from 'node:worker_threads';
// Types only: the process that waits for Astro's loads this file, and the cartridges' code only in the thread.
import type { CartridgeCurriculum, WrittenCartridge } from './export.ts';

export interface CartridgeStep {
	/** The output folder the site was built into. */
	dist: string;
	/** Where the last build's cartridges are kept, to be reused when made from the same inputs. */
	cacheDir?: string;
	curriculum: CartridgeCurriculum;
}

/** The build log's line for the cartridges, wherever they were written. */
export const cartridgesLine = (written: readonly Pick<WrittenCartridge, 'reused'>[], took: string): string => {
	const reused = written.filter((cartridge) => cartridge.reused).length;
	return `Wrote ${written.length} Common Cartridges to downloads/ (made ${written.length - reused}, reused ${reused} from the last build) in ${took}`;
};

/**
 * Writes the cartridges in a worker thread, so that this thread stays free for what runs beside
 * them: the search index is fed to Pagefind's process page by page from this thread's event loop.
 */
export function writeCartridgeStepApart(step: CartridgeStep): Promise<WrittenCartridge[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./site-step-worker.ts', import.meta.url), { workerData: step });
		let written: WrittenCartridge[] | undefined;
		worker.once('message', (message: WrittenCartridge[]) => (written = message));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (written) resolve(written);
			else reject(new Error(`The thread writing the Common Cartridges stopped (exit code ${code}) before it had written them.`));
		});
	});
}
