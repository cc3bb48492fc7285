/**
 * One content map per build. Astro writes the list of a build's compiled content modules to one file
 * under the project root, `.astro/content-modules.mjs` (its images' list beside it), whatever the
 * build's `cacheDir`: the content sync writes the file and the bundler reads it back from disk later.
 * Two builds of one checkout at once (of two content folders, as the tests build them, or the
 * flagship beside a fixture) share that file, and a build that reads the other's list cannot find its
 * own modules (`UnknownContentCollectionError`). And a sync whose content cache says nothing changed
 * does not write the file at all, so the build reads whatever the last build of any folder left.
 *
 * So a build of this engine
 * 1. waits while another build of the same project root syncs its content, and holds a lock while its
 *    own sync runs (`holdContentMap`);
 * 2. removes the two files before its sync, so that the sync writes them for this build's content;
 * 3. keeps what its sync wrote and lets the lock go (`ContentMapLock.keep`);
 * 4. hands the bundler those copies rather than the files, which another build may since have
 *    replaced (`contentMapPlugin`).
 *
 * The dev server, `astro check` and `astro sync` take the lock too, and let it go as soon as their
 * sync has written the list (they bundle nothing, so they keep no copy).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Plugin } from 'vite';

/**
 * The files Astro's content sync writes under `.astro/`, and the module the bundler reads each as: the
 * file itself when it exists, otherwise a virtual module that reads the file when loaded.
 */
const CONTENT_MAP_FILES = [
	{ file: 'content-modules.mjs', virtual: '\0astro:content-module-imports' },
	{ file: 'content-assets.mjs', virtual: '\0astro:asset-imports' },
] as const;

/** The lock's folder under `.astro/`; making it is taking it. */
const LOCK = 'currents-sync.lock';

export interface ContentMapLock {
	/** Reads what this build's sync wrote, then lets the lock go. */
	keep: () => void;
	/** Lets the lock go without keeping anything. */
	release: () => void;
	/**
	 * Lets the lock go once the sync has written its list of modules, for a command that syncs without
	 * bundling (`astro check`, `astro sync`, the dev server) and so has no copy to keep.
	 */
	releaseOnceWritten: () => void;
}

/** The copies a build kept, by the ids the bundler may load them as: the file's absolute path or the virtual module's id. */
export type ContentMaps = Map<string, string>;

export interface HoldOptions {
	/** Called once when another build holds the lock, with that build's process id. */
	onWait?: (pid: number) => void;
	/** How long to wait for another build's sync before giving up; ten minutes unless given. */
	timeoutMs?: number;
}

/**
 * Takes the project's content-sync lock, waiting while another live process holds it, then removes
 * the content map files so that this build's sync writes its own. `dotAstroDir` is the project's
 * `.astro/` folder; `kept` receives the copies when `keep()` is called.
 */
export async function holdContentMap(dotAstroDir: string, kept: ContentMaps, { onWait, timeoutMs = 10 * 60_000 }: HoldOptions = {}): Promise<ContentMapLock> {
	const lock = join(dotAstroDir, LOCK);
	const owner = join(lock, 'pid');
	mkdirSync(dotAstroDir, { recursive: true });
	const started = Date.now();
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = holderOf(owner);
		// A lock whose process has ended (a build stopped with kill -9) is taken over; one whose owner
		// has not written its id yet is being taken this instant, and is waited for, unless it has been
		// so for seconds, when its process stopped between the two steps.
		if (holder === undefined ? ageOf(lock) > 10_000 : !alive(holder)) {
			rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - started > timeoutMs) {
			throw new Error(
				`Another build of this project (process ${holder ?? 'unknown'}) has been syncing its content for ${timeoutMs < 60_000 ? `${timeoutMs / 1000} seconds` : `${timeoutMs / 60_000} minutes`}. ` +
					`If no other build is running, remove ${lock} and build again.`
			);
		}
		if (!told && holder !== undefined) {
			told = true;
			onWait?.(holder);
		}
		await sleep(100);
	}
	for (const { file } of CONTENT_MAP_FILES) rmSync(join(dotAstroDir, file), { force: true });
	let held = true;
	const release = () => {
		if (!held) return;
		held = false;
		process.off('exit', release);
		// Only a lock that is still this process's own: one taken over as stale is someone else's now.
		if (holderOf(owner) === process.pid) rmSync(lock, { recursive: true, force: true });
	};
	// A build that throws or exits before `keep` never leaves the lock behind for the next one.
	process.on('exit', release);
	return {
		keep: () => {
			for (const { file, virtual } of CONTENT_MAP_FILES) {
				const path = join(dotAstroDir, file);
				if (!existsSync(path)) continue;
				const code = readFileSync(path, 'utf8');
				kept.set(path, code).set(virtual, code);
			}
			release();
		},
		release,
		releaseOnceWritten: () => {
			const modules = join(dotAstroDir, CONTENT_MAP_FILES[0].file);
			// The sync writes the file whole (to a temporary name, then renamed), after its images' list.
			const poll = setInterval(() => {
				if (!existsSync(modules)) return;
				clearInterval(poll);
				release();
			}, 50);
			poll.unref();
		},
	};
}

/**
 * How Astro marks a content map for its incremental build: as data, which pages do not depend on as
 * code (`createContentDataIncrementalMetadata` in Astro's core/build/incremental-metadata.js).
 */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } };

/**
 * Serves the bundler the content maps this build kept, in place of the files on disk. Astro resolves
 * each map to its file, or, when another build has just removed the file, to a virtual module that
 * Astro's own plugin would load from the disk; this plugin's load runs before every other plugin's.
 */
export function contentMapPlugin(kept: ContentMaps): Plugin {
	return {
		name: 'currents:content-map',
		enforce: 'pre',
		load: {
			order: 'pre',
			handler(id) {
				const code = kept.get(id);
				return code === undefined ? null : { code, meta: CONTENT_DATA };
			},
		},
	};
}

function holderOf(owner: string): number | undefined {
	try {
		const pid = Number(readFileSync(owner, 'utf8'));
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

function ageOf(path: string): number {
	try {
		return Date.now() - statSync(path).mtimeMs;
	} catch {
		return 0;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
