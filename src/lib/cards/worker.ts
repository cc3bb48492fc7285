/**
 * A worker thread that draws share cards for the build step (see pool.ts). Each worker loads satori,
 * its layout engine and the fonts once, then draws every card it is sent.
 */
import { parentPort } from 'node:worker_threads';
import { nodeEnvironment } from './node.ts';
import { renderShareCard, type ShareCardInput } from './share-card.ts';

export interface WorkerRequest {
	id: number;
	input: ShareCardInput;
}
export type WorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort?.on('message', async ({ id, input }: WorkerRequest) => {
	try {
		const png = await renderShareCard(input, nodeEnvironment);
		parentPort!.postMessage({ id, png } satisfies WorkerReply);
	} catch (error) {
		parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
	}
});
