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

/**
 * resvg keeps each card's pixels (3 MB at 1200×630) outside the JavaScript heap, freed only once
 * the small object that holds them is collected; V8 does not count them, so it saw no reason to
 * collect, and a process drawing 300 cards held 215–250 MB. A full collection every few cards keeps
 * it at about 155 MB, at no cost measurable beside the drawing (about 20 ms a card).
 */
const CARDS_PER_COLLECTION = 16;
const collect = (globalThis as { gc?: () => void }).gc;
let drawn = 0;

process.on('message', async ({ id, input }: WorkerRequest) => {
	let reply: WorkerReply;
	try {
		reply = { id, png: await renderShareCard(input, nodeEnvironment) };
	} catch (error) {
		reply = { id, error: error instanceof Error ? error.message : String(error) };
	}
	// The build may have ended meanwhile (a check that failed stops it while the first cards are drawn):
	// there is no one to answer, and nothing to report.
	if (!process.connected) return;
	process.send!(reply, undefined, undefined, () => {});
	if (++drawn % CARDS_PER_COLLECTION === 0) collect?.();
});

// Once the build's process is gone, the cards still to draw are for no one.
process.on('disconnect', () => process.exit(0));
