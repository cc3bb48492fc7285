import { statSync, utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'zod';
import { formatHuman } from '../check/report.ts';
import { checkCurriculum } from '../check/check-curriculum.ts';

/**
 * Broken entries in the dev server. A build stops on any content error before it loads a file, but
 * the dev server keeps running while a contributor edits: a file that cannot be read or fails its
 * schema stays in its collection as an entry holding only a marker, its page shows the findings of
 * `npm run check` in Astro's error overlay, and fixing the file brings the page back.
 */

/** The key the dev server's collections put on an entry whose file cannot be read or fails its schema. */
export const BROKEN = '__currentsBroken';

export function isBroken(data: unknown): boolean {
	return data !== null && typeof data === 'object' && (data as Record<string, unknown>)[BROKEN] === true;
}

/** Whether the collections keep broken entries: only in the dev server, where the integration sets this. */
const tolerating = (env: Record<string, string | undefined> = process.env) => env.CURRENTS_DEV === '1';

/**
 * A collection schema that keeps an entry failing `schema` as a marker instead of stopping the
 * content sync. Outside the dev server it is `schema` itself.
 */
export function tolerantSchema<S extends z.ZodType>(schema: S, env?: Record<string, string | undefined>): S {
	if (!tolerating(env)) return schema;
	return z.unknown().transform((value) => {
		const result = schema.safeParse(value);
		return result.success ? result.data : { [BROKEN]: true };
	}) as unknown as S;
}

/**
 * Starlight's schema for free pages, tolerant in the dev server: a page that fails it (or whose YAML
 * cannot be read) becomes a page titled by `title`, carrying the marker, so that Starlight can still
 * list and route it and the route middleware (src/route-middleware.ts) can show its findings instead.
 * `schema` must accept the marker's key (extend Starlight's schema with it) and `{ title }` alone.
 */
export function tolerantPageSchema<S extends z.ZodType>(schema: S, title: string, env?: Record<string, string | undefined>): S {
	if (!tolerating(env)) return schema;
	return z.unknown().transform((value) => {
		const result = schema.safeParse(value);
		return result.success ? result.data : schema.parse({ title, [BROKEN]: true });
	}) as unknown as S;
}

/** The part of Astro's content entry types this wrapper relies on. */
interface EntryType {
	getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
}

/**
 * A loader whose files may hold YAML that cannot be read at all. Astro reads each file's
 * frontmatter (or a YAML file) before the schema sees it, and a syntax error there throws: at
 * start-up it stops the whole content sync, and later it leaves the last good version of the entry
 * in place, so the page goes on showing what the file no longer says. In the dev server, such a
 * file is read as an entry holding only the marker, like one that fails its schema.
 *
 * Astro hands loaders its readers as `entryTypes`, a field its public types leave out; when it is
 * not there, the loader runs unchanged, and the dev server test notices.
 *
 * The loader also sees the file watcher through `orderedWatcher`, so that two saves of one file are
 * read in the order they were made, and a page can ask for a file to be read again (`readAgain`).
 */
export function tolerantLoader(loader: Loader, env?: Record<string, string | undefined>): Loader {
	if (!tolerating(env)) return loader;
	return {
		...loader,
		load(context: LoaderContext) {
			const { entryTypes } = context as LoaderContext & { entryTypes?: unknown };
			if (!(entryTypes instanceof Map)) return loader.load(context);
			const tolerant = new Map([...(entryTypes as Map<string, EntryType>)].map(([extension, type]) => [extension, tolerantEntryType(type)]));
			const watcher = context.watcher && orderedWatcher(context.watcher, context);
			const store = context.watcher ? nudgingStore(context.store) : context.store;
			return loader.load({ ...context, entryTypes: tolerant, watcher, store } as LoaderContext);
		},
	};
}

type Watcher = NonNullable<LoaderContext['watcher']>;
type Listener = (path: string, ...rest: unknown[]) => unknown;

/** Per collection, what reads a file again: the loader's own change listeners and its store. */
interface Reader {
	root: string;
	store: LoaderContext['store'];
	listeners: Listener[];
}

/**
 * Shared through `globalThis`: the content config runs the loaders and the pages call `readAgain`,
 * and Vite may evaluate this file once for each.
 */
const readers: Map<string, Reader> = ((globalThis as Record<symbol, unknown>)[Symbol.for('currents.readers')] ??= new Map()) as Map<string, Reader>;

/**
 * How long after a file's last change it is read once more. Vite's watcher passes on at most one
 * change of a file in 50 ms and drops the others, so a second save soon after the first (an editor
 * that formats on save) would otherwise never be read.
 */
const SETTLE_MS = 120;

/**
 * The watcher as a loader sees it:
 * - a change to a file is handed to the loader only once the loader has finished with the change
 *   before it. Astro's glob loader reads a file on every change without waiting for the last read to
 *   finish, and skips a file whose text is what its collection holds; so when a save breaks a file
 *   and the next one restores it, the broken read could finish last and stay, and the page would
 *   show findings for a file that has none;
 * - once a file's changes settle, it is read once more (`SETTLE_MS`), for a save the watcher dropped.
 *   When nothing changed since, the loader finds the same text and stops there.
 */
function orderedWatcher(watcher: Watcher, context: Pick<LoaderContext, 'collection' | 'store' | 'config'>): Watcher {
	const reader: Reader = { root: fileURLToPath(context.config.root), store: context.store, listeners: [] };
	readers.set(context.collection, reader);
	const running = new Map<string, Promise<unknown>>();
	const ordered =
		(listener: Listener): Listener =>
		(path, ...rest) => {
			const next = (running.get(path) ?? Promise.resolve()).then(() => listener(path, ...rest)).catch(() => undefined);
			running.set(path, next);
			void next.then(() => running.get(path) === next && running.delete(path));
			return next;
		};
	const settled = (listener: Listener): Listener => {
		const read = ordered(listener);
		const timers = new Map<string, ReturnType<typeof setTimeout>>();
		return (path, ...rest) => {
			clearTimeout(timers.get(path));
			timers.set(
				path,
				setTimeout(() => {
					timers.delete(path);
					void read(path);
				}, SETTLE_MS)
			);
			return read(path, ...rest);
		};
	};
	const proxy: Watcher = new Proxy(watcher, {
		get(target, key) {
			if (key === 'on')
				return (event: 'change', listener: Listener) => {
					const heard = event === 'change' ? settled(listener) : event === 'add' ? ordered(listener) : listener;
					if (event === 'change') reader.listeners.push(heard);
					target.on(event, heard);
					return proxy;
				};
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return proxy;
}

/**
 * Reads a file into its collection again, as if it had just been saved, for a page that finds the
 * file good on disk while its entry is still broken. Only an entry the collection holds as broken
 * is read again: once it is stored good, the dev server's pages see it as soon as Astro has written
 * its store (half a second after the last change, so a change on every request would hold it back).
 * Returns whether the file was read again.
 */
export function readAgain(filePath: string): boolean {
	for (const { root, store, listeners } of readers.values()) {
		const found = store.entries().find(([, entry]) => entry.filePath !== undefined && resolve(root, entry.filePath) === resolve(root, filePath));
		if (!found) continue;
		if (!isBroken(found[1].data)) {
			// The collection holds it good, so the page saw the store as it was before: have it reloaded.
			nudge(root);
			return false;
		}
		for (const listener of listeners) void listener(resolve(root, filePath));
		return true;
	}
	return false;
}

/**
 * The dev server's pages read Astro's content store from `.astro/data-store.json`, which Astro writes
 * half a second after the last change to a collection and then tells the pages to load again. On a
 * busy machine that can fail to take: the dev server test saw the pages keep a store a minute old,
 * with the newer one on disk, so a fixed file stayed broken, or a broken one kept its old page, until
 * the next save. A page that notices (`staleStore`, `readAgain`) touches the file, which Astro's
 * watcher reports as a change, and the pages load the store again. Only once the store has been
 * written since the last change: before that, the write itself brings the new store, and a touch
 * would only reload the reader's browser a second time.
 */
const nudges: { changed: number; touched: number } = ((globalThis as Record<symbol, unknown>)[Symbol.for('currents.nudges')] ??= { changed: 0, touched: 0 }) as {
	changed: number;
	touched: number;
};

/** Touches the content store's file when it was written after the last change, at most once a second. */
function nudge(root: string): boolean {
	const file = resolve(root, '.astro', 'data-store.json');
	let written: number;
	try {
		written = statSync(file).mtimeMs;
	} catch {
		return false;
	}
	if (written < nudges.changed || Date.now() - nudges.touched < 1000) return false;
	nudges.touched = Date.now();
	const now = new Date();
	utimesSync(file, now, now);
	return true;
}

/** A collection's store that notes the time of each change, for `nudge`. */
function nudgingStore(store: LoaderContext['store']): LoaderContext['store'] {
	return new Proxy(store, {
		get(target, key) {
			const value = Reflect.get(target, key, target) as unknown;
			if (typeof value !== 'function') return value;
			if (key !== 'set' && key !== 'delete' && key !== 'clear') return value.bind(target);
			return (...args: unknown[]) => {
				nudges.changed = Date.now();
				return (value as (...a: unknown[]) => unknown).apply(target, args);
			};
		},
	});
}

/**
 * For the dev server's pages, with the entries they were handed: whether a collection holds any of
 * them otherwise, or holds more or fewer, than the store the pages read. If so, and the store was
 * written since, the pages are made to load it again, and the reader's browser reloads with it.
 * Outside the dev server there is nothing to compare, and it says no.
 */
export function staleStore(entries: Iterable<{ collection: string; id: string; digest?: string | number }>): boolean {
	const handed = new Map<string, number>();
	let stale: Reader | undefined;
	for (const { collection, id, digest } of entries) {
		const reader = readers.get(collection);
		if (!reader) continue;
		handed.set(collection, (handed.get(collection) ?? 0) + 1);
		if (reader.store.get(id)?.digest !== digest) stale = reader;
	}
	for (const [collection, count] of handed) if (readers.get(collection)!.store.keys().length !== count) stale = readers.get(collection);
	if (stale) nudge(stale.root);
	return stale !== undefined;
}

function tolerantEntryType<T extends EntryType>(type: T): T {
	return {
		...type,
		async getEntryInfo(params: { fileUrl: URL; contents: string }) {
			try {
				return await type.getEntryInfo(params);
			} catch {
				// The check reports the syntax error in plain words at its line; the page shows that.
				return { data: { [BROKEN]: true }, body: '', slug: undefined, rawData: '' };
			}
		},
	};
}

/**
 * The dev server's error overlay for a page whose file is broken: what `npm run check` says about
 * that file, since the whole check is run again, the findings are current with what is on disk.
 * The file can be fixed on disk a moment before the dev server has read it again; then its entry is
 * stale, so it is read once more and the overlay says so, with no findings.
 */
export function brokenPageError(filePath: string, options: { site?: string } = {}): AstroError {
	const dir = process.env.CURRENTS_CONTENT ?? 'content';
	const { findings } = checkCurriculum(dir);
	const own = findings.filter((f) => f.severity === 'error' && resolve(f.file) === resolve(filePath));
	if (own.length === 0) {
		readAgain(filePath);
		return new AstroError(`${filePath} was fixed a moment ago: the dev server is reading it again.`, 'Reload the page in a moment.');
	}
	return new AstroError(
		`${filePath} has problems, so its page cannot be shown.\n\n${formatHuman(own, options)}`,
		'Fix each problem at the line shown and save: the page comes back on its own. `npm run check` prints the same list.'
	);
}

/** An entry the dev server kept although its file is broken, as `loadSite()` lists them. */
export interface BrokenEntry {
	collection: string;
	id: string;
	filePath: string;
}

/** The props of a page listed for a broken entry. */
export interface BrokenProps {
	id: string;
	/** The file, relative to the project root. */
	broken: string;
}

/**
 * The addresses of a collection's broken entries, for a page's `getStaticPaths`: each gets its
 * page, so that the page can show why it cannot be shown. `param` is the route's parameter, such
 * as `update` for `/updates/[update]`. Outside the dev server there are none.
 */
export function brokenPaths<P extends string>(broken: readonly BrokenEntry[], collection: string, param: P): { params: Record<P, string>; props: BrokenProps }[] {
	return broken
		.filter((entry) => entry.collection === collection)
		.map((entry) => ({ params: { [param]: entry.id } as Record<P, string>, props: { id: entry.id, broken: entry.filePath } }));
}

/**
 * For a page listed by `brokenPaths`: the entry, when its file was fixed after the dev server
 * listed the page (`entries` are the collection's good entries as they are now); otherwise the
 * error overlay, with the file's findings as `npm run check` words them.
 */
export function fixedOrFindings<T extends { id: string }>(props: BrokenProps, entries: readonly T[], options: { site?: string } = {}): T {
	const fixed = entries.find((entry) => entry.id === props.id);
	if (fixed) return fixed;
	throw brokenPageError(props.broken, options);
}
