/**
 * Building into the last build's output instead of an emptied folder. Astro's incremental build
 * leaves a page it can reuse where it is when the output still holds it, rather than copying it from
 * its cache, and writes every other page over the old file: at a thousand modules a build with
 * nothing changed takes a sixth less time.
 *
 * The output stays when Astro can reuse pages, and only when it cannot reuse one from anything but
 * the last build: when the output is, file for file, what the last successful build left
 * (`recordOutput`). Once the engine has written its own files, whatever the last build left and
 * this one has not written is removed (`pruneOutput`), before the scan of the output and the search
 * index read it. A build without Astro's record of a last build renders every page, and writing a
 * page over an old file measured no faster than writing it into an emptied folder, so such a build
 * starts from an emptied folder, the last output moved aside to be removed once the pages are written.
 */
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { KEPT, moveOutputAside, removeLeftovers } from './clear-output.ts';
import { keep, readKept } from './files.ts';

/** What tells a file's state apart: writing, linking or replacing it changes its inode or its change time. */
interface FileState {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	ino: number;
}

/** How a build starts on its output folder. */
export interface OutputStart {
	/** Whether the build writes into what the last build left, rather than into an emptied folder. */
	inPlace: boolean;
	/** The files the last build left, as they were when this build started; none unless in place. */
	left: ReadonlyMap<string, FileState>;
	/** Removes what was moved aside: the last output, when it could not stay, and left-overs of stopped builds. */
	removeLast: () => Promise<void>;
}

/**
 * Keeps the last build's output in place when Astro will reuse pages of it and can reuse them from
 * nothing else (see the top of this file), and otherwise moves it aside, to be removed later.
 * `astroCacheDir` is Astro's `cacheDir`, which holds its record of the last build and this engine's
 * record of the output.
 */
export function startOutput(outDir: string, astroCacheDir: string): OutputStart {
	const state = stateFile(astroCacheDir);
	// The output is read only when Astro has a record to reuse pages by: a cold build never stays in place.
	const left = existsSync(join(astroCacheDir, 'incremental-build.json')) ? filesOf(outDir) : new Map<string, FileState>();
	const inPlace = left.size > 0 && matchesRecord(left, outDir, state);
	// Until this build succeeds there is no record, so that a build stopped halfway never passes for a good one.
	rmSync(state, { force: true });
	return { inPlace, left: inPlace ? left : new Map(), removeLast: inPlace ? removeLeftovers(outDir) : moveOutputAside(outDir) };
}

/** Where the engine keeps its record of the last successful build's output. */
export const stateFile = (astroCacheDir: string): string => join(astroCacheDir, 'currents-output', 'state.json');

interface RecordedOutput {
	outDir: string;
	/** Path, size and time of last modification of every file. */
	files: [string, number, number][];
}

/** Keeps what a successful build left in its output, for the next build's `startOutput`. */
export function recordOutput(outDir: string, recordFile: string): void {
	const files = [...filesOf(outDir)].map(([path, { size, mtimeMs }]): [string, number, number] => [path, size, mtimeMs]);
	keep(recordFile, { outDir, files } satisfies RecordedOutput);
}

/** Whether the output holds exactly the files the last recorded build left, unchanged since. */
function matchesRecord(now: ReadonlyMap<string, FileState>, outDir: string, recordFile: string): boolean {
	const recorded = readKept(recordFile) as RecordedOutput | undefined;
	if (!recorded || recorded.outDir !== outDir || !Array.isArray(recorded.files) || recorded.files.length !== now.size) return false;
	return recorded.files.every(([path, size, mtimeMs]) => {
		const file = now.get(path);
		return file !== undefined && file.size === size && file.mtimeMs === mtimeMs;
	});
}

/**
 * Removes every file the last build left (`left`) that this build has not written, linked or
 * replaced since, unless it is among `reused` (the pages Astro left in place), and the folders that
 * leaves empty. Returns how many files it removed. A file is told by its inode and change time, not
 * by a clock, so a clock set back during the build cannot make a new file look old.
 */
export function pruneOutput(outDir: string, left: ReadonlyMap<string, FileState>, reused: ReadonlySet<string>): number {
	let removed = 0;
	for (const [path, before] of left) {
		if (reused.has(path)) continue;
		const file = join(outDir, ...path.split('/'));
		const now = statSync(file, { throwIfNoEntry: false });
		if (!now || now.ino !== before.ino || now.ctimeMs !== before.ctimeMs) continue;
		rmSync(file);
		removed++;
	}
	if (removed > 0) removeEmptyFolders(outDir);
	return removed;
}

/** The output files of the pages Astro's incremental build recorded in its manifest: those it rendered or left in place. */
export function recordedPages(astroCacheDir: string): Set<string> {
	const manifest = readKept(join(astroCacheDir, 'incremental-build.json')) as { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> } | undefined;
	const pages = new Set<string>();
	for (const route of Object.values(manifest?.routes ?? {})) {
		// Astro records each file as the tail of its address, with characters outside URLs escaped.
		for (const path of Object.values(route.paths ?? {})) if (typeof path.outputFile === 'string') pages.add(decodeURI(path.outputFile));
	}
	return pages;
}

/** Every file of a folder, by its path inside it with `/` between folders; a `.git` folder at its top is not the build's. */
function filesOf(dir: string): Map<string, FileState> {
	const files = new Map<string, FileState>();
	if (!existsSync(dir)) return files;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const relative = path.slice(dir.length + 1).split(sep).join('/');
		if (relative.split('/')[0] === KEPT) continue;
		const { size, mtimeMs, ctimeMs, ino } = statSync(path);
		files.set(relative, { size, mtimeMs, ctimeMs, ino });
	}
	return files;
}

/** Removes the empty folders under `dir`, and says whether `dir` itself is left empty. */
function removeEmptyFolders(dir: string): boolean {
	let empty = true;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === KEPT) {
			empty = false;
			continue;
		}
		if (entry.isDirectory() && removeEmptyFolders(join(dir, entry.name))) rmdirSync(join(dir, entry.name));
		else empty = false;
	}
	return empty;
}
