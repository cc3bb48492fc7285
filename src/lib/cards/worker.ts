/**
 * A child process that draws share cards for the build step (see pool.ts). It loads satori, its
 * layout engine and the fonts once, draws every card it is sent over the IPC channel, one after
 * another in the order sent, and ends when the channel closes.
 */
import { releaseImages } from './node.ts';
import type { ShareCardInput } from './share-card.ts';
import { drawShareCard } from './share-card-draw.ts';

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

/**
 * Cards sent and not yet drawn. The build sends a few ahead (pool.ts), so that this process has the
 * next card at hand when it finishes one, instead of waiting for the build's busy thread to send it.
 */
const queue: WorkerRequest[] = [];
let drawing = false;

process.on('message', (request: WorkerRequest) => {
	queue.push(request);
	if (!drawing) void drawQueued();
});

async function drawQueued(): Promise<void> {
	drawing = true;
	for (let request = queue.shift(); request; request = queue.shift()) {
		let reply: WorkerReply;
		try {
			reply = { id: request.id, png: await drawShareCard(request.input) };
		} catch (error) {
			reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
		}
		// The build may have ended meanwhile (a check that failed stops it while the first cards are drawn):
		// there is no one to answer, and nothing to report.
		if (!process.connected) break;
		process.send!(reply, undefined, undefined, () => {});
		if (++drawn % CARDS_PER_COLLECTION === 0) collect?.();
		// One card at a time, each after the event loop has turned: that frees the last card's pixels.
		await releaseImages();
	}
	drawing = false;
}

// Once the build's process is gone, the cards still to draw are for no one.
process.on('disconnect', () => process.exit(0));
