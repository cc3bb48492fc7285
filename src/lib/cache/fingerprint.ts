import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package, looked up along Node's module paths, or undefined when it is
 * not installed. Resolving `<package>/package.json` would be simpler, but packages with an `exports`
 * map may not allow it.
 */
export function installedDir(name: string): string | undefined {
	for (const folder of require.resolve.paths(name) ?? []) {
		if (existsSync(join(folder, name, 'package.json'))) return join(folder, name);
	}
	return undefined;
}

/**
 * The installed version of each package, as `name@version` lines (`name missing` where it is not
 * installed). What a cache kept was also made by the packages the engine's code calls, and an
 * upgrade can change it as much as an edit to the engine.
 */
export function packageVersions(names: readonly string[]): string {
	return names
		.map((name) => {
			const dir = installedDir(name);
			return dir ? `${name}@${(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version}` : `${name} missing`;
		})
		.join('\n');
}
