/**
 * "Read offline" on a track page (src/components/OfflineTrack.astro): registers the site's service
 * worker when the reader asks to keep the track, and asks it to keep the track's pages or to forget
 * them (src/lib/offline/service-worker.js). The worker keeps a record of each kept track, which this
 * script reads to say whether and since when this one is kept.
 */

import { fill } from './progress-text.ts';

/** Where the site's service worker is, and the record of a kept track in its caches. */
const WORKER = '/sw.js';
const RECORDS = 'currents-offline-records';
const record = (track: string) => `/__offline/tracks/${encodeURIComponent(track)}`;

type Words = Record<'keep' | 'update' | 'keeping' | 'kept' | 'keptSome' | 'keptOn' | 'removed' | 'failed', string>;
interface Reply {
	done?: boolean;
	kept?: number;
	failed?: number | string[];
	total?: number;
	left?: number;
	error?: string;
}


/** Sends one request to the active worker and hands each of its replies to `each`, until the last. */
async function ask(message: object, each: (reply: Reply) => void = () => {}): Promise<Reply> {
	const registration = await navigator.serviceWorker.register(WORKER, { scope: '/' });
	const ready = await navigator.serviceWorker.ready;
	const worker = ready.active ?? registration.active;
	if (!worker) throw new Error('the service worker did not start');
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = (event: MessageEvent<Reply>) => {
			if (event.data.done) {
				channel.port1.close();
				resolve(event.data);
			} else each(event.data);
		};
		worker.postMessage(message, [channel.port2]);
	});
}

/** When the track was kept, from the worker's record of it, or undefined when it is not kept. */
async function keptSince(track: string): Promise<string | undefined> {
	if (!(await caches.has(RECORDS))) return undefined;
	const response = await (await caches.open(RECORDS)).match(record(track));
	if (!response) return undefined;
	const saved = ((await response.json()) as { saved?: string }).saved;
	return saved ? new Date(saved).toLocaleDateString(document.documentElement.lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' }) : undefined;
}

for (const section of document.querySelectorAll<HTMLElement>('[data-offline]')) {
	// Nothing can be kept without service workers and their caches (or on an address that is not secure).
	if (!('serviceWorker' in navigator) || !('caches' in window) || !window.isSecureContext) continue;
	const track = section.dataset.track!;
	const pages = JSON.parse(section.dataset.pages ?? '[]') as string[];
	const words = JSON.parse(section.dataset.text ?? '{}') as Words;
	const keep = section.querySelector<HTMLButtonElement>('[data-offline-keep]')!;
	const remove = section.querySelector<HTMLButtonElement>('[data-offline-remove]')!;
	const status = section.querySelector<HTMLElement>('[data-offline-status]')!;
	const show = (since: string | undefined) => {
		keep.textContent = since ? words.update : words.keep;
		remove.hidden = since === undefined;
	};
	section.hidden = false;
	void keptSince(track).then((since) => {
		show(since);
		if (since) status.textContent = fill(words.keptOn, { date: since });
	});

	keep.addEventListener('click', async () => {
		keep.disabled = remove.disabled = true;
		status.textContent = fill(words.keeping, { kept: 0, total: pages.length });
		try {
			const reply = await ask({ type: 'keep', track, title: section.dataset.title, urls: pages }, (progress) => {
				status.textContent = fill(words.keeping, { kept: progress.kept ?? 0, total: progress.total ?? pages.length });
			});
			if (reply.error) throw new Error(reply.error);
			const failed = Array.isArray(reply.failed) ? reply.failed.length : 0;
			status.textContent = fill(failed > 0 ? words.keptSome : words.kept, { kept: reply.kept ?? 0, total: pages.length, failed });
			show(await keptSince(track));
		} catch (error) {
			status.textContent = fill(words.failed, { error: (error as Error).message });
		} finally {
			keep.disabled = remove.disabled = false;
		}
	});

	remove.addEventListener('click', async () => {
		keep.disabled = remove.disabled = true;
		try {
			const reply = await ask({ type: 'remove', track });
			if (reply.error) throw new Error(reply.error);
			// With no track kept, the worker has nothing left to do: it goes, and pages load as they did before.
			if (reply.left === 0) await (await navigator.serviceWorker.getRegistration(WORKER))?.unregister();
			status.textContent = words.removed;
			show(undefined);
		} catch (error) {
			status.textContent = fill(words.failed, { error: (error as Error).message });
		} finally {
			keep.disabled = remove.disabled = false;
		}
	});
}
