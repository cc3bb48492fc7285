/**
 * Draws share cards across the machine's cores: one worker thread per core, each fed the next card
 * as soon as it finishes one. Few cards are drawn in this thread instead, since starting a worker
 * (loading satori and the fonts) costs more than a handful of cards.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { nodeEnvironment } from './node.ts';
import { renderShareCard, type ShareCardInput } from './share-card.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** Below this many cards per worker, a worker costs more than it saves. */
const CARDS_PER_WORKER = 6;

export interface DrawResult {
	png?: Uint8Array;
	error?: string;
}

/**
 * Draws every input, in order, and says how many threads drew them. `beside` is for drawing while
 * this thread does other work, as the build bundles and renders: then no card is drawn on it.
 */
export async function drawShareCards(
	inputs: readonly ShareCardInput[],
	cores = availableParallelism(),
	perWorker = CARDS_PER_WORKER,
	beside = false
): Promise<{ results: DrawResult[]; threads: number }> {
	if (inputs.length === 0) return { results: [], threads: 0 };
	const threads = Math.max(1, Math.min(cores, beside ? inputs.length : Math.floor(inputs.length / perWorker)));
	if (threads === 1 && !beside) {
		const results: DrawResult[] = [];
		for (const input of inputs) {
			try {
				results.push({ png: await renderShareCard(input, nodeEnvironment) });
			} catch (error) {
				results.push({ error: error instanceof Error ? error.message : String(error) });
			}
		}
		return { results, threads };
	}
	const results: DrawResult[] = new Array(inputs.length);
	let next = 0;
	const workers = Array.from({ length: threads }, () => new Worker(new URL('./worker.ts', import.meta.url)));
	try {
		await Promise.all(
			workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						const send = () => {
							if (next >= inputs.length) return resolve();
							const id = next++;
							worker.postMessage({ id, input: inputs[id]! } satisfies WorkerRequest);
						};
						worker.on('message', (reply: WorkerReply) => {
							results[reply.id] = 'error' in reply ? { error: reply.error } : { png: reply.png };
							send();
						});
						worker.on('error', reject);
						worker.on('exit', (code) =>
							next < inputs.length || code !== 0 ? reject(new Error(`A card worker stopped early (exit code ${code}).`)) : undefined
						);
						send();
					})
			)
		);
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
	return { results, threads };
}
