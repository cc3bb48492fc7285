/**
 * The compiled MDX of a module unchanged since the last build, taken from that build instead of
 * compiled again. Astro's MDX plugin compiles every module on every build, in JavaScript on the
 * thread the bundler waits for: the compile (Sätteri, the content guard, Expressive Code's
 * highlighting) took about 2 s of a warm build of 1,000 modules, for output that is the same
 * whenever its input is.
 *
 * The input is more than the file: the compiler's plugins and options come from the engine's code,
 * the Astro config, the installed packages (their lockfile) and the curriculum's config (the image
 * hosts the guard allows, the site address, the languages). So a compile is kept under a key of all of
 * them, the file's path and its text (`mdxCacheKey`); a change to any of them compiles again. Only
 * compiles that succeeded are kept, so a file the guard refused is refused again on every build. What
 * ships is still scanned whole after the build (src/lib/safety/output-scan.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Plugin } from 'vite';
import { writeWholeLater } from './files.ts';
import { packageVersions } from './fingerprint.ts';

/** The name of the plugin of `@astrojs/mdx` that compiles `.mdx` files. */
const MDX_PLUGIN = '@mdx-js/rolldown';

/** Marks a compile already wrapped. */
const WRAPPED = Symbol('currents:mdx-cache');

/** Raised when the cache's format changes, so that no build reads a file of the old format. */
const FORMAT = 1;

interface Compiled {
	code: string;
	map: unknown;
	meta?: unknown;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<Compiled | null | undefined> | Compiled | null | undefined;

export interface MdxCacheOptions {
	/** The folder that keeps the compiles. */
	dir: string;
	/** Everything besides the file that decides its compile: engine, config, packages, curriculum config (see the top of this file). */
	inputs: string;
	/** Called once at the end of the build with how many modules were taken from the cache and how many compiled. */
	report?: (counts: { reused: number; compiled: number }) => void;
}

/** Files of the project that set how MDX compiles: the Astro config, and the lockfile that pins the compiler's packages. */
const PROJECT_FILES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts', 'astro.config.js', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];
/** The packages that compile MDX, by version, for a project without a lockfile. */
const COMPILER_PACKAGES = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri', '@astrojs/starlight', 'astro-expressive-code'];

/**
 * What decides every module's compile besides the module: Node, the engine's code (`engine`, its
 * fingerprint), the content folder, the curriculum's config, the project's Astro config and lockfile,
 * and the compiler's packages.
 */
export function compileInputs({ root, engine, dir, config }: { root: string; engine: string; dir: string; config: unknown }): string {
	const hash = createHash('sha256').update(`${process.version}\0${engine}\0${dir}\0${JSON.stringify(config)}\0`);
	for (const name of PROJECT_FILES) {
		const path = join(root, name);
		if (existsSync(path)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
	}
	return hash.update(packageVersions(COMPILER_PACKAGES)).digest('hex');
}

/** The key of one file's compile. */
export function mdxCacheKey(inputs: string, id: string, code: string): string {
	return createHash('sha256').update(`${FORMAT}\0${inputs}\0${id}\0`).update(code).digest('base64url');
}

/**
 * A Vite plugin that wraps the MDX plugin's compile with the cache. Compiles kept by earlier builds and
 * not used by this one are removed at its end, so that the folder holds one compile per module.
 */
export function mdxCachePlugin({ dir, inputs, report }: MdxCacheOptions): Plugin {
	const used = new Set<string>();
	const writes: Promise<void>[] = [];
	let reused = 0;
	let compiled = 0;
	return {
		name: 'currents:mdx-cache',
		configResolved(resolved) {
			const mdx = resolved.plugins.find((plugin) => plugin.name === MDX_PLUGIN);
			const transform = mdx?.transform;
			if (!mdx || !transform || typeof transform !== 'object' || typeof transform.handler !== 'function' || WRAPPED in transform.handler) return;
			const compile = transform.handler as TransformHandler;
			mkdirSync(dir, { recursive: true });
			const cached: TransformHandler = async function (this: unknown, code, id, ...rest) {
				const key = mdxCacheKey(inputs, id, code);
				used.add(key);
				const file = join(dir, key);
				const kept = readCompiled(file);
				if (kept) {
					reused++;
					return kept;
				}
				const result = await compile.call(this, code, id, ...rest);
				compiled++;
				// Written by the thread pool, so that the compile of the next module does not wait for the disk.
				// A compile that could not be kept (a full disk) is compiled again next time.
				if (result) writes.push(writeWholeLater(file, serialize({ code: result.code, map: result.map ?? null, meta: result.meta })).catch(() => {}));
				return result;
			};
			// Astro bundles the server and the browser side with one config each, both holding these plugins.
			Object.assign(cached, { [WRAPPED]: true });
			(mdx as { transform: unknown }).transform = { ...transform, handler: cached };
		},
		async buildEnd(error) {
			await Promise.all(writes.splice(0));
			// The side that compiled no module (the browser's) leaves the folder as it is, and so does a
			// build that stopped before it reached every module.
			if (reused + compiled === 0 || error) return;
			// Only whole compiles: a name with a dot is another build's file still being written.
			for (const name of readdirSync(dir)) if (!used.has(name) && !name.includes('.')) rmSync(join(dir, name), { force: true });
			report?.({ reused, compiled });
			reused = compiled = 0;
		},
	};
}

/** A kept compile, or undefined when there is none or it cannot be read (a cache may always be lost). */
function readCompiled(file: string): Compiled | undefined {
	try {
		const kept = deserialize(readFileSync(file)) as Partial<Compiled>;
		return typeof kept.code === 'string' ? { code: kept.code, map: kept.map ?? null, meta: kept.meta } : undefined;
	} catch {
		return undefined;
	}
}
