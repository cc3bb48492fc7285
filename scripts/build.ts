/**
 * `npm run build`: Astro's `astro build`, started so that the build gives memory back as it goes.
 *
 * Usage: node scripts/build.ts [any flag of `astro build`, e.g. --outDir dist-test or --force]
 *
 * Two allocators decide how much of what the build frees stays resident (measured on cold builds of
 * 1,000 modules; `npm run bench` shows the whole process tree):
 *
 * - The bundler (rolldown) and Astro's compiler are native libraries that allocate with mimalloc,
 *   which by default keeps freed memory for a second and returns it only when it is next called.
 *   Once bundling ends the bundler is not called again, so what it freed stayed resident through
 *   rendering, the share cards and the search index: the build's process peaked near 2.0 GB, and
 *   at 1.55–1.65 GB with `MIMALLOC_PURGE_DELAY=0`. (The card processes, whose resvg also uses
 *   mimalloc, reuse their memory card after card and keep its default: src/lib/cards/pool.ts.)
 * - Node's own allocations go through the C library's malloc, which on Linux (glibc) keeps a pool of
 *   memory per thread, up to eight per core; the build runs some twenty threads. Two pools
 *   (`MALLOC_ARENA_MAX=2`) took another ~100 MB off the peak.
 *
 * mimalloc reads its options when its library loads, which `astro build` does before it reads the
 * project's config, and glibc reads its own when the process starts. So where the system can
 * (not on Windows), this process starts again in place, the same process with the same output and
 * exit status, with both in its environment; elsewhere mimalloc's is set before Astro loads. A value
 * already in the environment is kept.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allocatorEnv } from './lib/build-env.ts';

const missing = allocatorEnv(process.env);
if (Object.keys(missing).length > 0 && process.platform !== 'win32' && typeof process.execve === 'function') {
	process.execve(process.execPath, [process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], { ...process.env, ...missing });
}
Object.assign(process.env, missing);

// Astro's own command line, as if `astro build <flags>` had been typed.
const astro = join(resolve(import.meta.dirname, '..'), 'node_modules', 'astro', 'bin', 'astro.mjs');
process.argv = [process.argv[0]!, astro, 'build', ...process.argv.slice(2)];
await import(pathToFileURL(astro).href);
