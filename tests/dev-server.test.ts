import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { brokenPaths, BROKEN, fixedOrFindings, isBroken, readAgain, staleStore, tolerantLoader, tolerantSchema } from '../src/lib/curriculum/broken.ts';
import { ASTRO_CLI } from '../scripts/lib/build-env.ts';
import { moduleSchema } from '../src/lib/curriculum/schema/module.ts';
import { encodePng } from '../src/lib/cards/png.ts';
import { copyFixture, fixtureContent, ROOT, TMP, TODAY } from './utils.ts';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Polls until `check` holds or the deadline passes, for the dev server's reload after a file changes. */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, seconds = 60): Promise<T> {
	const until = Date.now() + seconds * 1000;
	let value = await probe();
	while (!check(value) && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		value = await probe();
	}
	return value;
}

/**
 * A project of its own for the dev server: the engine (`src/`, `public/`, the Astro config) linked
 * from the repository, and a copy of a fixture's content. Astro keeps the dev server's content store
 * and its table of content modules in `<project>/.astro/`, and every `astro build` or `astro check`
 * of the same project rewrites that table: a fixture built by another test file at the same time
 * would swap the dev server's content for its own, and pages would fail or come back at random.
 */
function devProject(fixture: string): { root: string; content: string } {
	mkdirSync(TMP, { recursive: true });
	const root = mkdtempSync(join(TMP, 'dev-project-'));
	for (const name of ['src', 'public']) if (existsSync(join(ROOT, name))) symlinkSync(join(ROOT, name), join(root, name));
	writeFileSync(join(root, 'astro.config.mjs'), `export { default } from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\n`);
	cpSync(fixtureContent(fixture), join(root, 'content'), { recursive: true });
	return { root, content: join(root, 'content') };
}

/**
 * What the error overlay shows, as text: Vite sends it to the page's HMR socket once the page's
 * request failed, with Markdown rendered (so `code` spans lose their backticks).
 */
interface Overlay {
	message: string;
	hint: string;
}

/**
 * Listens on the dev server's HMR socket as the page's script does, and collects every error the
 * overlay would show, as plain text.
 */
async function overlayListener(base: string): Promise<{ overlays: Overlay[]; close: () => void }> {
	const client = await fetch(`${base}/@vite/client`).then((response) => response.text());
	const token = /const wsToken = "([^"]*)"/.exec(client)?.[1] ?? '';
	const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/?token=${token}`, 'vite-hmr');
	const overlays: Overlay[] = [];
	const text = (html: unknown) => String(html ?? '').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
	socket.addEventListener('message', (event) => {
		const payload = JSON.parse(String(event.data)) as { type: string; err?: { message?: string; hint?: string } };
		if (payload.type === 'error') overlays.push({ message: text(payload.err?.message), hint: text(payload.err?.hint) });
	});
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', reject, { once: true });
	});
	return { overlays, close: () => socket.close() };
}

/**
 * The dev server on a copy of the tea fixture with an invalid module, an unsafe module, a module
 * whose frontmatter YAML cannot be read and a platform update whose YAML cannot be read either.
 */
describe('the dev server with content errors', () => {
	let server: ChildProcess;
	let output = '';
	let base = '';
	let content = '';
	let project = '';
	let listener: Awaited<ReturnType<typeof overlayListener>>;
	const status = (path: string) => fetch(`${base}${path}`).then((response) => response.status, () => 0);
	const edit = (path: string, change: (text: string) => string) => writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));
	/** Requests a page and returns its status with what the overlay then shows about `file`, if anything. */
	const visit = async (path: string, file: string) => {
		const before = listener.overlays.length;
		const code = await status(path);
		if (code !== 500) return { code, overlay: '' };
		// The overlay follows the failed response by a moment.
		const shown = await eventually(async () => listener.overlays.slice(before).find((o) => o.message.includes(file)), (o) => o !== undefined, 5);
		return { code, overlay: shown ? `${shown.message}\nhint: ${shown.hint}` : '' };
	};
	/** Waits for a page to fail with an overlay that holds `text`. */
	const shows = (path: string, file: string, text: string) =>
		eventually(() => visit(path, file), (seen) => seen.code === 500 && seen.overlay.includes(text));
	const SLIP = 'level: expert\n  duration: 15\n';
	/** For a failed wait: the dev server's last output, and how many broken entries its content store on disk holds. */
	const state = () => {
		const store = join(project, '.astro', 'data-store.json');
		const markers = existsSync(store) ? readFileSync(store, 'utf8').split(BROKEN).length - 1 : 'no store';
		const reloads = output.match(/Reloaded data from .*/g) ?? [];
		return `broken entries in ${store}: ${markers}; the last reloads: ${reloads.slice(-4).join(', ')}\n${output.slice(-3000)}`;
	};

	beforeAll(async () => {
		const created = devProject('valid-course');
		project = created.root;
		content = created.content;
		edit('modules/serving.mdx', (text) => text.replace(/^summary: .*\n/m, ''));
		edit('modules/water-temperature.mdx', (text) => `${text}\nexport const pwned = 1\n`);
		// A second module like serving, with a field indented under the one above it.
		writeFileSync(join(content, 'modules/pouring.mdx'), readFileSync(join(content, 'modules/serving.mdx'), 'utf8').replace('title: Serving', 'title: Pouring\nsummary: How to pour.').replace('level: expert\n', SLIP));
		edit('updates/2026-10-20-teapot-infuser.md', (text) => text.replace('platforms: [teapot]', 'platforms: [teapot'));
		// An image beside a module, as a contributor adds one.
		writeFileSync(join(content, 'modules/kettle.png'), encodePng(new Uint8Array(16 * 16 * 4).fill(200), 16, 16));
		edit('modules/brewing-basics.mdx', (text) => `${text}
![A kettle on a stove](./kettle.png)
`);
		// A free page (Starlight's own collection) whose title YAML cannot read.
		mkdirSync(join(content, 'pages'));
		writeFileSync(join(content, 'pages/about.md'), '---\ntitle: About: this course\n---\n\nA page about the course.\n');
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, [ASTRO_CLI, 'dev', '--root', project, '--port', String(port), '--host', '127.0.0.1'], {
			cwd: project,
			// Not the test runner's environment: NODE_ENV=test and Vitest's variables change how Vite serves.
			env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', CURRENTS_CONTENT: content, CURRENTS_CACHE_DIR: join(project, 'cache'), CURRENTS_TODAY: TODAY, NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		server.stdout?.on('data', (chunk) => (output += String(chunk)));
		server.stderr?.on('data', (chunk) => (output += String(chunk)));
		// The first requests can come before the content store is filled; wait for a module page.
		await eventually(() => status('/modules/brewing-basics/'), (code) => code === 200, 120);
		listener = await overlayListener(base);
	});

	afterAll(async () => {
		listener?.close();
		if (server && server.exitCode === null) {
			const exited = new Promise((resolve) => server.once('exit', resolve));
			server.kill();
			await exited;
		}
		if (project) rmSync(project, { recursive: true, force: true });
	});

	it('starts anyway, and serves every other page', async () => {
		expect(await status('/'), output.slice(-3000)).toBe(200);
		expect(await status('/modules/brewing-basics/')).toBe(200);
		expect(await status('/tracks/tea-foundations/')).toBe(200);
		expect(await status('/updates/2026-11-10-kettle-presets/')).toBe(200);
		expect(await status('/whats-new/')).toBe(200);
		// The update whose YAML cannot be read has no page of its own to show.
		expect(await status('/updates/2026-10-20-teapot-infuser/')).not.toBe(200);
		// Printed once, with what the dev server does about it; not a second time among the warnings.
		expect(output.split('content/modules/serving.mdx:2:1  error  The required field `summary` is missing from the module frontmatter.').length - 1).toBe(1);
		expect(output).toMatch(/The curriculum in \S+ has \d+ errors\. The dev server runs all the same: a page with a problem shows its findings instead of its content\./);
		expect(output).not.toContain('nothing was built');
	});

	it("shows a module's image in the preview", async () => {
		const page = await (await fetch(`${base}/modules/brewing-basics/`)).text();
		const src = /<img[^>]*?src="([^"]+)"[^>]*?alt="A kettle on a stove"|<img[^>]*?alt="A kettle on a stove"[^>]*?src="([^"]+)"/.exec(page);
		expect(src, 'no <img> for the image').not.toBeNull();
		const image = await fetch(new URL((src![1] ?? src![2]!).replaceAll('&#38;', '&').replaceAll('&amp;', '&'), base));
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toMatch(/^image\//);
	});

	it('renders an embed page whole, body and knowledge check included, where a build writes it from its parts', async () => {
		const response = await fetch(`${base}/embed/modules/brewing-basics/v2/`);
		expect(response.status).toBe(200);
		const page = await response.text();
		expect(page).toMatch(/<title>Brewing basics \(version 2\.\d+\.\d+\) · Steeped<\/title>/);
		// The header, then the body and knowledge check, then the attribution.
		const at = ['id="outcomes"', 'Never squeeze the bag.', 'class="currents-quiz"', 'class="currents-embed__attribution"'].map((text) => page.indexOf(text));
		expect(at.every((position, i) => position > (at[i - 1] ?? 0)), String(at)).toBe(true);
		expect(page).not.toContain('currents:embed-body');
		expect(page).not.toContain('currents:shell');
	});

	it('serves the certificate\'s emoji pictures in the packs a build writes', async () => {
		const response = await fetch(`${base}/certificate-assets/@twemoji/svg/packs/7cc.svgpack.gz`);
		expect(response.status).toBe(200);
		const pictures = JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')) as Record<string, string>;
		expect(pictures['1f331.svg']).toBe(readFileSync(join(ROOT, 'node_modules', '@twemoji', 'svg', '1f331.svg'), 'utf8'));
		expect(await status('/certificate-assets/@twemoji/svg/packs/0.svgpack.gz')).toBe(200);
		expect(await status('/certificate-assets/@twemoji/svg/packs/nothing.svgpack.gz')).toBe(404);
	});

	it("shows each broken page's own findings in the overlay, as npm run check words them, and compiles no unsafe file", async () => {
		const serving = await visit('/modules/serving/', 'serving.mdx');
		expect(serving.code).toBe(500);
		expect(serving.overlay).toMatch(/serving\.mdx has problems, so its page cannot be shown\.\s+\S*serving\.mdx:2:1 {2}error {2}The required field summary is missing from the module frontmatter\./);
		expect(serving.overlay).toContain('fix: Add summary: with a text value.');
		// The rule's page on this server, as this checkout's engine words it, not the published site's.
		expect(serving.overlay).toContain(`see: ${base}/contributing/rules/schema/`);
		expect(serving.overlay).toContain('the page comes back on its own');

		const water = await visit('/modules/water-temperature/', 'water-temperature.mdx');
		expect(water.code).toBe(500);
		expect(water.overlay).toMatch(/water-temperature\.mdx was not compiled: it is not safe content\.\s+\S*water-temperature\.mdx:\d+:1 {2}error {2}The export statement/);
		// The compiler's guard links the rule page on this server too.
		expect(water.overlay).toContain(`see: ${base}/contributing/rules/`);
	});

	it('shows a module whose YAML cannot be read with the finding in plain words, never the YAML reader\'s stack', async () => {
		const pouring = await visit('/modules/pouring/', 'pouring.mdx');
		expect(pouring.code).toBe(500);
		expect(pouring.overlay).toMatch(/pouring\.mdx:6:3 {2}error {2}This line is indented 2 spaces more than the line above it, so YAML reads it as part of that line's value\./);
		expect(pouring.overlay).toContain('fix: Start this line at the beginning of the line, like the one above it.');
		expect(output).not.toMatch(/YAMLException|bad indentation of a mapping entry/);
	});

	it('shows a free page whose YAML cannot be read with its finding, not an empty page or Starlight\'s error', async () => {
		const about = await visit('/about/', 'about.md');
		expect(about.code).toBe(500);
		expect(about.overlay).toMatch(/about\.md has problems, so its page cannot be shown\.\s+\S*pages\/about\.md:2:\d+ {2}error {2}The value of title contains ": "/);
		expect(about.overlay).toContain('fix: Put the value in double quotes: title: "About: this course".');
		expect(about.overlay).toContain(`see: ${base}/contributing/rules/yaml-syntax/`);
	});

	it('brings each page back as soon as its file is fixed, without a restart', async () => {
		edit('modules/serving.mdx', (text) => text.replace('title: Serving\n', 'title: Serving\nsummary: Cups, milk and timing.\n'));
		edit('modules/water-temperature.mdx', (text) => text.replace('\nexport const pwned = 1\n', '\n'));
		edit('modules/pouring.mdx', (text) => text.replace(SLIP, 'level: expert\n'));
		edit('pages/about.md', (text) => text.replace('title: About: this course', 'title: "About: this course"'));
		expect(await eventually(() => status('/modules/serving/'), (code) => code === 200), state()).toBe(200);
		expect(await eventually(() => status('/modules/water-temperature/'), (code) => code === 200), state()).toBe(200);
		expect(await eventually(() => status('/modules/pouring/'), (code) => code === 200), state()).toBe(200);
		expect(await eventually(() => status('/about/'), (code) => code === 200), state()).toBe(200);
		expect(await fetch(`${base}/about/`).then((response) => response.text())).toContain('A page about the course.');
	});

	// Once the track's modules are mended (above): a page that shows a broken module's body shows its error instead.
	it("renders a track's print page whole, each module's sections a level below its title, as a build edits them", async () => {
		const page = await fetch(`${base}/tracks/tea-foundations/print/`).then((response) => response.text());
		// The dev server adds attributes naming each template's source to the page's own elements.
		expect(page).toMatch(/<h2 id="module-brewing-basics" class="currents-print-module__title"[^>]*>2\. Brewing basics<\/h2>/);
		expect(page).toContain('<h3 id="brewing-basics/leaf">Leaf</h3>');
		expect(page).not.toContain('currents:print-body');
	});

	it('shows a problem as soon as a working page breaks, and clears it when the file is fixed', async () => {
		const file = 'modules/brewing-basics.mdx';
		const good = readFileSync(join(content, file), 'utf8');
		// A YAML slip: the overlay names the line, whether the compiler or the collection notices first.
		edit(file, (text) => text.replace(/^(level: .*\n)/m, '$1  duration: 15\n'));
		expect((await shows('/modules/brewing-basics/', 'brewing-basics.mdx', 'This line is indented 2 spaces more than the line above it')).overlay).toMatch(/brewing-basics\.mdx:\d+:3 {2}error/);
		writeFileSync(join(content, file), good);
		expect(await eventually(() => status('/modules/brewing-basics/'), (code) => code === 200), state()).toBe(200);
		// Two saves in quick succession, as an editor that formats on save makes: the second one counts.
		writeFileSync(join(content, file), good.replace('title: Brewing basics', 'title: Brewing basics, again'));
		await new Promise((resolve) => setTimeout(resolve, 20));
		edit(file, (text) => text.replace(/^summary: .*\n/m, ''));
		const missing = await shows('/modules/brewing-basics/', 'brewing-basics.mdx', 'The required field summary is missing');
		expect(missing.overlay, `status ${missing.code}; ${state()}`).toContain('brewing-basics.mdx:2:1  error');
		writeFileSync(join(content, file), good);
		expect(await eventually(() => status('/modules/brewing-basics/'), (code) => code === 200), state()).toBe(200);
		expect(output).not.toMatch(/YAMLException/);
	});
});

describe('broken entries, as the collections keep them and pages list them', () => {
	const DEV = { CURRENTS_DEV: '1' };

	it('keeps an entry that fails its schema as a marker in the dev server only', () => {
		expect(isBroken(tolerantSchema(moduleSchema, DEV).parse({ title: 'No other field' }))).toBe(true);
		expect(() => tolerantSchema(moduleSchema, {}).parse({ title: 'No other field' })).toThrow();
	});

	it('reads a file whose YAML cannot be read as a marker, in the dev server only', async () => {
		const yamlError = new Error('bad indentation of a mapping entry');
		const seen: unknown[] = [];
		const loader: Loader = {
			name: 'probe',
			async load(context) {
				const entryTypes = (context as LoaderContext & { entryTypes: Map<string, { getEntryInfo: (p: unknown) => Promise<unknown> }> }).entryTypes;
				seen.push(await entryTypes.get('.mdx')!.getEntryInfo({ contents: '---\na: b\n  c: d\n---\n', fileUrl: new URL('file:///x.mdx') }));
			},
		};
		const context = { entryTypes: new Map([['.mdx', { extensions: ['.mdx'], getEntryInfo: () => Promise.reject(yamlError) }]]) } as unknown as LoaderContext;
		await tolerantLoader(loader, DEV).load(context);
		expect(seen).toEqual([{ data: { [BROKEN]: true }, body: '', slug: undefined, rawData: '' }]);
		await expect(tolerantLoader(loader, {}).load(context)).rejects.toBe(yamlError);
	});

	/** A loader that reads a file on each change as Astro's glob loader does, with its context's watcher and store. */
	function watchingLoader(read: (path: string) => Promise<void>) {
		const watcher = new EventEmitter();
		const entries = new Map([
			['serving', { id: 'serving', data: { [BROKEN]: true }, filePath: 'content/modules/serving.mdx' }],
			['brewing', { id: 'brewing', data: { title: 'Brewing' }, filePath: 'content/modules/brewing.mdx' }],
		]);
		const store = { entries: () => [...entries] };
		const context = { collection: 'probe-modules', config: { root: new URL('file:///project/') }, store, watcher, entryTypes: new Map() } as unknown as LoaderContext;
		const loader: Loader = { name: 'probe', load: async (given) => void given.watcher!.on('change', read) };
		return { watcher, load: () => tolerantLoader(loader, DEV).load(context) };
	}

	it('reads two saves of one file in the order they were made, each after the one before has been read', async () => {
		const steps: string[] = [];
		let save = 0;
		const { watcher, load } = watchingLoader(async (path) => {
			const which = ++save;
			steps.push(`start ${which} ${path}`);
			// The first read is the slow one, as a read that finds a broken file and checks it is.
			await new Promise((resolve) => setTimeout(resolve, which === 1 ? 50 : 1));
			steps.push(`end ${which}`);
		});
		await load();
		watcher.emit('change', '/project/content/modules/serving.mdx');
		watcher.emit('change', '/project/content/modules/serving.mdx');
		// Then once more when the changes have settled, for a save the watcher may have dropped.
		await vi.waitFor(() => expect(steps).toHaveLength(6));
		expect(steps).toEqual(['start 1 /project/content/modules/serving.mdx', 'end 1', 'start 2 /project/content/modules/serving.mdx', 'end 2', 'start 3 /project/content/modules/serving.mdx', 'end 3']);
	});

	it('reads a file once more after its changes settle, since the watcher drops a second change within 50 ms', async () => {
		const reads: number[] = [];
		const { watcher, load } = watchingLoader(async () => void reads.push(Date.now()));
		await load();
		const changed = Date.now();
		// One change heard; a second save 20 ms later would be dropped by Vite's watcher.
		watcher.emit('change', '/project/content/modules/serving.mdx');
		await vi.waitFor(() => expect(reads).toHaveLength(2));
		expect(reads[1]! - changed).toBeGreaterThanOrEqual(100);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(reads).toHaveLength(2);
	});

	it('reads a file again when a page finds it good on disk while its entry is still broken, and only then', async () => {
		const read: string[] = [];
		const { load } = watchingLoader(async (path) => void read.push(path));
		await load();
		expect(readAgain('content/modules/unknown.mdx')).toBe(false);
		// Stored good already: reading it on every request would keep Astro from writing its store for the pages.
		expect(readAgain('/project/content/modules/brewing.mdx')).toBe(false);
		expect(readAgain('/project/content/modules/serving.mdx')).toBe(true);
		// Read at once, and once more when its changes settle, as every change is; the brewing file never.
		// (Waiting for one read alone failed on a busy machine whose poll came after the second.)
		await vi.waitFor(() => expect(read).toHaveLength(2));
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(read).toEqual(['/project/content/modules/serving.mdx', '/project/content/modules/serving.mdx']);
	});

	it('has the pages load the content store again when they are handed entries other than their collections hold, once the store is written', async () => {
		// Astro tells the pages to load its content store again when it writes it; on a busy machine that
		// can fail to take, and the pages keep the store as it was before.
		mkdirSync(TMP, { recursive: true });
		const root = mkdtempSync(join(TMP, 'store-nudge-'));
		mkdirSync(join(root, '.astro'));
		const file = join(root, '.astro', 'data-store.json');
		const longAgo = new Date('2026-01-01T00:00:00Z');
		writeFileSync(file, '[]');
		utimesSync(file, longAgo, longAgo);
		const touched = () => statSync(file).mtimeMs > longAgo.getTime();
		type Entry = { id: string; data: unknown; filePath: string; digest: string };
		const entries = new Map<string, Entry>();
		const store = { entries: () => [...entries], keys: () => [...entries.keys()], get: (id: string) => entries.get(id), set: (entry: Entry) => void entries.set(entry.id, entry) };
		const context = { collection: 'nudged-modules', config: { root: pathToFileURL(`${root}/`) }, store, watcher: new EventEmitter(), entryTypes: new Map() } as unknown as LoaderContext;
		const loader: Loader = { name: 'probe', load: async (given) => void given.store.set({ id: 'brewing', data: { title: 'Brewing' }, filePath: 'content/modules/brewing.mdx', digest: 'new' } as never) };
		await tolerantLoader(loader, DEV).load(context);
		const handed = (digest: string, id = 'brewing', collection = 'nudged-modules') => staleStore([{ collection, id, digest }]);
		// The pages have the entry as the collection holds it: nothing to do.
		expect(handed('new')).toBe(false);
		// An older entry, but the store has not been written since the change: its write brings the new one.
		expect(handed('old')).toBe(true);
		expect(touched()).toBe(false);
		// Written since, and the pages still have the older entry: the file is touched for the pages to load it again.
		const written = new Date(Date.now() + 1000);
		utimesSync(file, written, written);
		expect(handed('old')).toBe(true);
		expect(statSync(file).mtimeMs).not.toBe(written.getTime());
		// At most once a second, as pages requested again and again ask.
		const once = statSync(file).mtimeMs;
		expect(handed('old')).toBe(true);
		expect(statSync(file).mtimeMs).toBe(once);
		// An entry the collection no longer holds, or more entries than it holds, is stale too.
		expect(handed('old', 'nowhere')).toBe(true);
		expect(staleStore([])).toBe(false);
		expect(staleStore([{ collection: 'nudged-modules', id: 'brewing', digest: 'new' }, { collection: 'nudged-modules', id: 'steeping', digest: 'new' }])).toBe(true);
		// Collections the dev server does not read are no one's business here.
		expect(handed('old', 'brewing', 'no-such-collection')).toBe(false);
		rmSync(root, { recursive: true, force: true });
	});

	it("lists a collection's broken entries under the route's parameter, and shows their findings until fixed", () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'updates', '2026-10-20-teapot-infuser.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*\n/m, ''));
		const broken = [
			{ collection: 'updates', id: '2026-10-20-teapot-infuser', filePath: file },
			{ collection: 'modules', id: 'serving', filePath: join(content, 'modules', 'serving.mdx') },
		];
		const paths = brokenPaths(broken, 'updates', 'update');
		expect(paths).toEqual([{ params: { update: '2026-10-20-teapot-infuser' }, props: { id: '2026-10-20-teapot-infuser', broken: file } }]);

		const previous = process.env.CURRENTS_CONTENT;
		process.env.CURRENTS_CONTENT = content;
		try {
			const attempt = () => fixedOrFindings(paths[0]!.props, [{ id: 'another-update' }]);
			expect(attempt).toThrow(AstroError);
			expect(attempt).toThrow(/has problems, so its page cannot be shown\.[\s\S]*The required field `summary` is missing from the platform update\./);
			// Fixed after the page was listed: the page shows the entry as it is now.
			expect(fixedOrFindings(paths[0]!.props, [{ id: '2026-10-20-teapot-infuser' }])).toEqual({ id: '2026-10-20-teapot-infuser' });
		} finally {
			if (previous === undefined) delete process.env.CURRENTS_CONTENT;
			else process.env.CURRENTS_CONTENT = previous;
		}
	});
});
