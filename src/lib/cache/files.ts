import { constants, copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Puts a file into the output as a hard link, which costs no copy of its bytes; where the output is
 * on another file system, or the file system has no hard links, as a copy.
 */
export function placeFile(source: string, target: string): void {
	rmSync(target, { force: true });
	try {
		linkSync(source, target);
	} catch {
		copyFileSync(source, target, constants.COPYFILE_FICLONE);
	}
}

/** Places every file of a folder, and of the folders in it, at the same path under another folder. */
export function placeFolder(source: string, target: string): void {
	for (const entry of readdirSync(source, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const relative = join(entry.parentPath, entry.name).slice(source.length + 1);
		mkdirSync(join(target, relative, '..'), { recursive: true });
		placeFile(join(source, relative), join(target, relative));
	}
}

/**
 * Writes a cache file under a temporary name and renames it, so that no build reads half of it, and
 * so that a file placed in an output by `placeFile` never changes under it.
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
	mkdirSync(dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, data);
	renameSync(temporary, file);
}

/** `writeWhole` with writes that do not hold up the thread, into a folder that exists. */
export async function writeWholeLater(file: string, data: string | Uint8Array): Promise<void> {
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, file);
}

/** JSON an earlier build kept, or undefined when the file is missing or unreadable: a cache may always be lost. */
export function readKept(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Keeps JSON for a later build (`writeWhole`). */
export function keep(file: string, value: unknown): void {
	writeWhole(file, JSON.stringify(value));
}
