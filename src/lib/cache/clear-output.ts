import { existsSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Empties the output folder by moving what it holds aside, which takes a moment whatever its size,
 * and removes that while the build goes on. Astro would otherwise remove the last build's files one
 * by one before it starts bundling: about a second for a curriculum of a thousand modules. Left-overs
 * of a build that stopped halfway are removed too.
 */
export function clearOutputInBackground(outDir: string): Promise<void> {
	const parent = dirname(outDir);
	const prefix = `.${basename(outDir)}-removing-`;
	const removals: Promise<void>[] = [];
	if (existsSync(parent)) {
		for (const name of readdirSync(parent)) if (name.startsWith(prefix)) removals.push(rm(join(parent, name), { recursive: true, force: true }));
	}
	if (existsSync(outDir)) {
		let aside: string | undefined;
		try {
			aside = mkdtempSync(join(parent, prefix));
			for (const name of readdirSync(outDir)) renameSync(join(outDir, name), join(aside, name));
		} catch {
			// Whatever could not be moved (under a read-only parent folder, say), Astro removes itself.
		}
		if (aside) removals.push(rm(aside, { recursive: true, force: true }));
	}
	return Promise.all(removals).then(() => undefined);
}
