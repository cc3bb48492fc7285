/*
 * The site's service worker, served at /sw.js (src/routes/sw.js.ts). A reader registers it only by
 * asking to keep a track for reading offline (src/client/offline.ts); until then no page has one.
 *
 * - Keeping a track: the page sends the track's addresses; each page is fetched and kept, with what
 *   it loads from the site (its stylesheets and scripts under /_astro/, the scripts those import,
 *   its images), and a record of the track (`/__offline/tracks/<id>`) lists what was kept.
 * - Reading: a page is fetched from the network while there is one, and a kept page is kept up to
 *   date so (with what its new version loads, and without the files no kept page loads any more);
 *   without a network, the kept copy answers. Files under
 *   /_astro/ never change (their names hold a hash of their content), so a kept one answers at once.
 *   Nothing the reader did not ask to keep is stored.
 * - Removing a track: its pages go, and every kept file no kept page loads any more.
 *
 * Plain JavaScript, as browsers load a service worker: not bundled, so it imports nothing.
 */
const PAGES = 'currents-offline-pages';
const FILES = 'currents-offline-files';
const RECORDS = 'currents-offline-records';
const RECORD_PREFIX = '/__offline/tracks/';
/**
 * The words of the page that answers, without a network, an address not kept: by language, each
 * language's pages under `/<code>/` and the first language's at the root. Filled in when the worker
 * is served (src/routes/sw.js.ts), from the interface strings.
 */
const WORDS = /* words */ {};

/** Changes to what is kept, one after another: a removal never runs while a page's files are still being kept. */
let changes = Promise.resolve();
const inTurn = (change) => {
	const turn = changes.then(change);
	changes = turn.catch(() => {});
	return turn;
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	if (request.mode === 'navigate') event.respondWith(page(event, url));
	else if (url.pathname.startsWith('/_astro/')) event.respondWith(lasting(request));
	else event.respondWith(fetch(request).catch(async (error) => (await caches.match(request, { cacheName: FILES })) ?? Promise.reject(error)));
});

/** A page from the network, a kept page refreshed with it; the kept copy when there is no network. */
async function page(event, url) {
	const key = pageKey(url);
	try {
		const response = await fetch(event.request);
		// A kept page's new version may load new files (a new build's): they are kept, and then the old ones no kept page loads go.
		if (response.ok && !response.redirected && (await caches.open(PAGES).then((cache) => cache.match(key)))) event.waitUntil(inTurn(() => keepPage(key, response.clone()).then((added) => (added > 0 ? prune() : undefined))));
		return response;
	} catch (error) {
		const kept = await caches.open(PAGES).then((cache) => cache.match(key));
		if (kept) return kept;
		return notKept(url).catch(() => Promise.reject(error));
	}
}

/**
 * Without a network, for an address not kept: a page in its language that says so and links the
 * tracks kept, which open from here. It has no script and no file of the site, only its own styles.
 */
async function notKept(url) {
	const codes = Object.keys(WORDS);
	const code = codes.find((candidate, index) => index > 0 && (url.pathname === `/${candidate}/` || url.pathname.startsWith(`/${candidate}/`))) ?? codes[0];
	const words = WORDS[code];
	if (!words) throw new Error('no words');
	const records = await caches.open(RECORDS);
	const tracks = [];
	for (const request of await records.keys()) {
		const record = await (await records.match(request)).json();
		if (record.pages[0]) tracks.push({ href: new URL(record.pages[0]).pathname, title: record.title || record.track });
	}
	const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	const list = tracks.length > 0 ? `<p>${escape(words.keptTracks)}</p><ul>${tracks.map((track) => `<li><a href="${escape(track.href)}">${escape(track.title)}</a></li>`).join('')}</ul>` : `<p>${escape(words.noneKept)}</p>`;
	const html = `<!doctype html><html lang="${escape(code)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(words.title)}</title><style>body{font:1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2328;background:#fff}a{color:#0a5fb4}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}}</style></head><body><main><h1>${escape(words.title)}</h1><p>${escape(words.notKept)}</p>${list}</main></body></html>`;
	return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** A file whose name holds its content's hash: the kept copy, or the network's. */
async function lasting(request) {
	return (await caches.match(request, { cacheName: FILES })) ?? fetch(request);
}

/** Pages are kept by their address without query or fragment: `/modules/x/`. */
function pageKey(url) {
	return new URL(url.pathname, self.location.origin).href;
}

self.addEventListener('message', (event) => {
	const port = event.ports[0];
	if (!port) return;
	const { type, track, title, urls } = event.data ?? {};
	const done = type === 'keep' ? inTurn(() => keepTrack(track, title, urls, (progress) => port.postMessage(progress))) : type === 'remove' ? inTurn(() => removeTrack(track)) : Promise.resolve({ error: `unknown request ${type}` });
	event.waitUntil(done.then((result) => port.postMessage({ done: true, ...result }), (error) => port.postMessage({ done: true, error: String(error) })));
});

/** Keeps every page of a track and what they load, reporting each page as it is kept. */
async function keepTrack(track, title, urls, report) {
	if (typeof track !== 'string' || !Array.isArray(urls)) return { error: 'no track to keep' };
	const keys = [...new Set(urls.map((href) => pageKey(new URL(href, self.location.origin))))].filter((href) => href.startsWith(self.location.origin));
	let kept = 0;
	const failed = [];
	for (const key of keys) {
		try {
			const response = await fetch(key, { cache: 'no-cache' });
			if (!response.ok) throw new Error(`${response.status}`);
			await keepPage(key, response);
			kept++;
		} catch {
			failed.push(new URL(key).pathname);
		}
		report({ kept, failed: failed.length, total: keys.length });
	}
	// The track's page comes first, as the page that links the others.
	const record = { track, title: typeof title === 'string' ? title : track, pages: keys, saved: new Date().toISOString() };
	await caches.open(RECORDS).then((cache) => cache.put(RECORD_PREFIX + encodeURIComponent(track), new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } })));
	await prune();
	return { kept, failed };
}

/** Keeps a page, and every file of the site it loads that is not kept yet; answers how many files were new. */
async function keepPage(key, response) {
	let added = 0;
	const html = await response.clone().text();
	await caches.open(PAGES).then((cache) => cache.put(key, response));
	const files = await caches.open(FILES);
	const queue = filesOf(html, key);
	const seen = new Set(queue);
	while (queue.length > 0) {
		const file = queue.shift();
		if (await files.match(file)) continue;
		try {
			const fetched = await fetch(file);
			if (!fetched.ok) continue;
			// A stylesheet's fonts and images, and a script's static imports, are loaded with it.
			if (/\.(css|js)$/.test(new URL(file).pathname)) {
				for (const next of filesOf(await fetched.clone().text(), file)) {
					if (!seen.has(next)) {
						seen.add(next);
						queue.push(next);
					}
				}
			}
			await files.put(file, fetched);
			added++;
		} catch {
			// Left to the network: the page still reads without it.
		}
	}
	return added;
}

/**
 * The site's files a page, stylesheet or script loads, as absolute addresses: attributes that load
 * (`src`, a stylesheet's or preload's `href`), a stylesheet's `url()`, and a script's static imports
 * (`import … from "./x.js"`, `import "./x.js"`), not its dynamic ones, which load only on demand (the
 * certificate's drawing) and would keep megabytes for a page that may never ask for them.
 */
function filesOf(text, base) {
	const found = new Set();
	const add = (path) => {
		try {
			const url = new URL(path.replace(/&amp;/g, '&'), base);
			if (url.origin === self.location.origin && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) found.add(new URL(url.pathname, url.origin).href);
		} catch {
			// Not an address.
		}
	};
	for (const match of text.matchAll(/<(?:script|img|source)\b[^>]*?\ssrc="([^"]+)"/g)) add(match[1]);
	for (const match of text.matchAll(/<link\b[^>]*?\brel="(?:stylesheet|modulepreload|preload|icon|shortcut icon)"[^>]*?\shref="([^"]+)"/g)) add(match[1]);
	for (const match of text.matchAll(/<link\b[^>]*?\shref="([^"]+)"[^>]*?\brel="(?:stylesheet|modulepreload|preload|icon|shortcut icon)"/g)) add(match[1]);
	for (const match of text.matchAll(/url\(\s*["']?([^"')\s]+)["']?\s*\)/g)) if (!match[1].startsWith('data:') && !match[1].startsWith('#')) add(match[1]);
	for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+|\/_astro\/[^"']+)["']/g)) add(match[1]);
	return [...found];
}

/** Forgets a track: its record, its pages no other kept track has, and the files no kept page loads. */
async function removeTrack(track) {
	const records = await caches.open(RECORDS);
	await records.delete(RECORD_PREFIX + encodeURIComponent(track));
	await prune();
	return { removed: track, left: (await records.keys()).length };
}

/** Removes the pages no kept track lists, and the files none of the kept pages loads. */
async function prune() {
	const records = await caches.open(RECORDS);
	const wanted = new Set();
	for (const request of await records.keys()) {
		const record = await (await records.match(request)).json();
		for (const key of record.pages) wanted.add(key);
	}
	const pages = await caches.open(PAGES);
	const files = await caches.open(FILES);
	const used = new Set();
	for (const request of await pages.keys()) {
		if (!wanted.has(request.url)) {
			await pages.delete(request);
			continue;
		}
		const queue = filesOf(await (await pages.match(request)).text(), request.url);
		for (const file of queue) {
			if (used.has(file)) continue;
			used.add(file);
			const kept = await files.match(file);
			if (kept && /\.(css|js)$/.test(new URL(file).pathname)) queue.push(...filesOf(await kept.text(), file));
		}
	}
	for (const request of await files.keys()) if (!used.has(request.url)) await files.delete(request);
}
