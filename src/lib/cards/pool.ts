/**
 * Draws share cards across the machine's cores: one child process per core, each fed the next card
 * as soon as it finishes one. Few cards are drawn in this thread instead, since starting a process
 * (loading satori and the fonts) costs more than a handful of cards.
 *
 * Processes rather than worker threads, for memory: drawing settles at a few hundred megabytes
 * (satori's young objects, resvg's pixel buffers), and a worker thread's share of it stayed with the
 * build's process after the thread ended, through to the search index at the end of the build. A
 * process gives all of it back when it exits, and a small young generation keeps it lower meanwhile.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { drawingEnv } from './allocator.ts';
import { releaseImages } from './node.ts';
import { shareCardDesign, type ShareCardInput } from './share-card.ts';
import { drawShareCard } from './share-card-draw.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** Below this many cards per process, a process costs more than it saves. */
const CARDS_PER_PROCESS = 6;

/**
 * Cards sent to a process ahead of the one it is drawing. Fed one card per answer, a card process
 * drawing beside the build waited for the build's thread, busy rendering, to read each answer and
 * send the next card: at 1,000 modules it took 36 s to draw cards that cost it 19 s of CPU time.
 */
export const CARDS_AHEAD = 8;

/**
 * Node's options for a card process: a young generation of a few megabytes, and the garbage
 * collector callable (worker.ts). A card makes many short-lived objects; with Node's default the
 * young generation grows to about 100 MB and stays there, while collecting it more often costs next
 * to no time.
 */
const CARD_PROCESS_ARGV = ['--max-semi-space-size=4', '--expose-gc'];

/**
 * How much lower than the build's the priority of a card process is when it draws beside the build
 * (as a `nice` value, added to the build's own). The cards are not what the build waits for: Astro's
 * thread, bundling and then rendering page after page, is. At the same priority the card process took
 * a share of the cores from it; at a lower one it draws on what Astro's threads leave, and the cards
 * are still drawn long before the last page. Cold builds of 1,000 modules, four alternated pairs: 40.3,
 * 41.9, 48.5 and 52.0 s against 48.9, 44.9, 54.6 and 57.3 s, with the same peak memory (1,481 to 1,606 MB
 * against 1,522 to 1,564 MB).
 */
const CARD_PROCESS_NICENESS = 15;

/** Lowers a card process's priority below this process's; where the system refuses, it draws as it is. */
function lowerPriority(child: ChildProcess): void {
	try {
		if (child.pid !== undefined) setPriority(child.pid, Math.min(19, getPriority() + CARD_PROCESS_NICENESS));
	} catch {
		// A priority is a preference: a system that does not let it be set still draws the cards.
	}
}

export interface DrawResult {
	png?: Uint8Array;
	error?: string;
}

/**
 * Draws every input, in order, and says how many processes drew them (this one, when there are few
 * cards). `beside` is for drawing while this thread does other work, as the build bundles and
 * renders: then every card is drawn in a child process.
 */
export async function drawShareCards(
	inputs: readonly ShareCardInput[],
	cores = availableParallelism(),
	perProcess = CARDS_PER_PROCESS,
	beside = false
): Promise<{ results: DrawResult[]; processes: number }> {
	if (inputs.length === 0) return { results: [], processes: 0 };
	const processes = Math.max(1, Math.min(cores, beside ? inputs.length : Math.floor(inputs.length / perProcess)));
	const order = drawingOrder(inputs);
	const results: DrawResult[] = new Array(inputs.length);
	if (processes === 1 && !beside) {
		for (const id of order) {
			try {
				results[id] = { png: await drawShareCard(inputs[id]!) };
			} catch (error) {
				results[id] = { error: error instanceof Error ? error.message : String(error) };
			}
			await releaseImages();
		}
		return { results, processes };
	}
	let next = 0;
	// Never more ahead than a fair share, so that a few cards are still spread over every process.
	const ahead = Math.min(CARDS_AHEAD, Math.ceil(inputs.length / processes));
	const children = Array.from({ length: processes }, () => {
		const child = fork(new URL('./worker.ts', import.meta.url), { serialization: 'advanced', execArgv: CARD_PROCESS_ARGV, env: drawingEnv(process.env), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		if (beside) lowerPriority(child);
		return child;
	});
	try {
		await Promise.all(
			children.map(
				(child) =>
					new Promise<void>((resolve, reject) => {
						let waiting = 0;
						const send = () => {
							if (next >= inputs.length) return waiting === 0 && resolve();
							const id = order[next++]!;
							waiting++;
							child.send({ id, input: inputs[id]! } satisfies WorkerRequest);
						};
						child.on('message', (reply: WorkerReply) => {
							results[reply.id] = 'error' in reply ? { error: reply.error } : { png: reply.png };
							waiting--;
							send();
						});
						child.on('error', reject);
						child.on('exit', (code, signal) =>
							reject(
								new Error(
									`A process drawing share cards stopped before the last card (${signal ? `signal ${signal}` : `exit code ${code}`}), ` +
										'perhaps for lack of memory. Build again; if it stops again, CURRENTS_SKIP_CARDS=1 builds the site without share cards.'
								)
							)
						);
						for (let sent = 0; sent < ahead; sent++) send();
					})
			)
		);
	} finally {
		// Each process ends with its IPC channel; waiting for that returns its memory before the build goes on.
		await Promise.all(children.map(end));
	}
	return { results, processes };
}

/**
 * The order to draw the cards in: those with the same footer together, and among them those with the
 * same header, so that a process draws each header and footer once and reuses it (share-card-draw.ts).
 */
function drawingOrder(inputs: readonly ShareCardInput[]): number[] {
	const keys = inputs.map((input) => {
		try {
			const { keys } = shareCardDesign(input);
			return `${keys.footer}\n${keys.header}`;
		} catch {
			// A card that cannot be drawn says why when it is drawn.
			return '';
		}
	});
	return inputs.map((_, id) => id).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

function end(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		if (child.connected) child.disconnect();
		else child.kill();
	});
}
