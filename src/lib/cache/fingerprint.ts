import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const known = new Map<string, string>();

/**
 * A hash of the code in a folder: each file's name and contents, in a stable order, so that any
 * edit, new file or removed file changes it. Caches between builds key on it, for they cannot tell
 * which of the code they use made what they kept. Worked out once per process and folder.
 */
export function codeFingerprint(dir: string, { recursive = false, extensions = ['.ts'] }: { recursive?: boolean; extensions?: string[] } = {}): string {
	const id = `${dir}\0${recursive}\0${extensions.join()}`;
	let fingerprint = known.get(id);
	if (fingerprint === undefined) {
		const hash = createHash('sha256');
		const files = (readdirSync(dir, { recursive, encoding: 'utf8' }) as string[]).filter((name) => extensions.some((extension) => name.endsWith(extension))).sort();
		for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(dir, file))).update('\0');
		fingerprint = hash.digest('hex');
		known.set(id, fingerprint);
	}
	return fingerprint;
}
