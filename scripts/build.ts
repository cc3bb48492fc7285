/**
 * `npm run build`: Astro's `astro build`, started so that the build gives memory back as it goes.
 *
 * Usage: node scripts/build.ts [any flag of `astro build`, e.g. --outDir dist-test or --force]
 *
 * The bundler (rolldown) and Astro's compiler are native libraries that allocate with mimalloc. By
 * default mimalloc keeps memory it has freed for a second and returns it to the system only when it
 * is next called; once bundling ends the bundler is not called again, so what it freed stays resident
 * through rendering, the share cards and the search index (about 250 MB of a cold build of 1,000
 * modules). `MIMALLOC_PURGE_DELAY=0` returns it at once. mimalloc reads its options when its library
 * loads, which `astro build` does before it reads the project's config; so they are set here, before
 * Astro starts, and not in `astro.config.mjs`. A value already in the environment is kept.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.MIMALLOC_PURGE_DELAY ??= '0';

// Astro's own command line, as if `astro build <flags>` had been typed.
const astro = join(resolve(import.meta.dirname, '..'), 'node_modules', 'astro', 'bin', 'astro.mjs');
process.argv = [process.argv[0]!, astro, 'build', ...process.argv.slice(2)];
await import(pathToFileURL(astro).href);
