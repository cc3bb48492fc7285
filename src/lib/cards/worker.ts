/**
 * A child process that draws share cards for the build step (see pool.ts). It loads satori, its
 * layout engine and the fonts once, draws every card it is sent over the IPC channel, and ends when
 * the channel closes.
 */
import { nodeEnvironment } from './node.ts';
import { renderShareCard, type ShareCardInput } from './share-card.ts';

export interface WorkerRequest {
	id: number;
	input: ShareCardInput;
}
export type WorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

process.on('message', async ({ id, input }: WorkerRequest) => {
	let reply: WorkerReply;
	try {
		reply = { id, png: await renderShareCard(input, nodeEnvironment) };
	} catch (error) {
		reply = { id, error: error instanceof Error ? error.message : String(error) };
	}
	process.send!(reply);
});
