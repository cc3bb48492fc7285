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
