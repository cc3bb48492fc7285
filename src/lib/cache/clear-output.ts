import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Empties the output folder by moving what it holds aside, which takes a moment whatever its size,
 * and returns the removal of that (and of left-overs of a build that stopped halfway) to start later.
 * Astro would otherwise remove the last build's files one by one before it starts bundling: about a
 * second for a curriculum of a thousand modules. The build starts the removal once it has written its
 * pages: a file system such as ext4 gives a new file a free inode only after it has passed over those
 * freed in the last minute, so thousands of files removed while thousands are written slow both down.
 */
export function moveOutputAside(outDir: string): () => Promise<void> {
	const parent = dirname(outDir);
	const prefix = asidePrefix(outDir);
	const folders = leftovers(outDir);
	if (existsSync(outDir)) {
		let aside: string | undefined;
		try {
			aside = mkdtempSync(join(parent, prefix));
			for (const name of readdirSync(outDir)) if (name !== KEPT) renameSync(join(outDir, name), join(aside, name));
		} catch {
			// Whatever could not be moved (under a read-only parent folder, say) is removed now: the build
			// starts from an empty folder, and Astro, told not to, does not empty it.
			for (const name of readdirSync(outDir)) if (name !== KEPT) rmSync(join(outDir, name), { recursive: true, force: true });
		}
		if (aside) folders.push(aside);
	}
	return removal(folders);
}

/** The removal of what builds stopped halfway left beside the output, to start later. */
export function removeLeftovers(outDir: string): () => Promise<void> {
	return removal(leftovers(outDir));
}

/** What the output folder keeps across builds, as Astro's own emptying does: a Git repository some sites deploy from. */
export const KEPT = '.git';

const asidePrefix = (outDir: string) => `.${basename(outDir)}-removing-`;

function leftovers(outDir: string): string[] {
	const parent = dirname(outDir);
	if (!existsSync(parent)) return [];
	return readdirSync(parent)
		.filter((name) => name.startsWith(asidePrefix(outDir)))
		.map((name) => join(parent, name));
}

const removal = (folders: string[]) => () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))).then(() => undefined);
