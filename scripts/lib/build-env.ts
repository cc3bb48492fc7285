import { fileURLToPath } from 'node:url';

/** The script `npm run build` runs, for tools and tests that build the site as it does. */
export const BUILD_SCRIPT = fileURLToPath(new URL('../build.ts', import.meta.url));

/** Astro's own command line (`astro build`, `astro dev`), which the build script runs in a process of its own. */
export const ASTRO_CLI = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * The environment of a production `astro build` started from another Node process, such as the test
 * runner, the benchmark or the audit. Vitest copies `import.meta.env` into `process.env` (`MODE=test`,
 * `DEV=1`, `PROD=`, `SSR=1`, `BASE_URL`), and Astro hands `process.env` to the code it builds as
 * `import.meta.env`: a build started from a test would run as in development, where Starlight's own
 * search, for one, shows "only available in production builds" instead of searching.
 */
const RUNNER_VARIABLES = /^(MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST(_.*)?)$/;

export function productionEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) if (!RUNNER_VARIABLES.test(name)) env[name] = value;
	return { ...env, NODE_ENV: 'production', ...extra };
}

/** The allocator settings a Currents build runs with (see scripts/build.ts for why and what they save). */
const ALLOCATOR_SETTINGS = { MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' };

/** The allocator settings `env` lacks: a value the caller chose is kept. */
export function allocatorEnv(env: NodeJS.ProcessEnv): Record<string, string> {
	return Object.fromEntries(Object.entries(ALLOCATOR_SETTINGS).filter(([name]) => env[name] === undefined));
}

/**
 * The V8 setting Astro's process runs with (see scripts/build.ts): its heap may grow by half of what
 * was alive after a full collection before the next one, where V8 by default lets it grow up to
 * fourfold. A setting the caller gave Node is kept.
 */
const HEAP_GROWING = '--heap-growing-percent=50';

/** The Node flags of Astro's process: the caller's own, and the heap setting unless the caller gave one. */
export function astroNodeFlags(execArgv: readonly string[]): string[] {
	return execArgv.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag)) ? [...execArgv] : [...execArgv, HEAP_GROWING];
}
