/**
 * Keeps the shell's and the CI's environment out of the code Astro's incremental build hashes.
 *
 * Where server code reads `import.meta.env` as a whole, and `import.meta.env?.PROD` counts as that,
 * Astro writes into that file the value of every environment variable whose name appears anywhere in
 * its text. Astro's actions runtime and astro-expressive-code read it so, and their text holds names
 * such as `_` (the last command a shell ran), `HEAD` and `CONTEXT` (the branch and the deploy context
 * on Netlify), `CI` and `URL`. Every page's code includes them, so a build started by another command
 * than the last, or on Netlify for another branch, changed every page's code hash and rendered every
 * page again. Read with a plain `.`, which means the same since Vite always defines `import.meta.env`,
 * such a file gets only the values it names.
 */
import type { Plugin } from 'vite';

/** `import.meta.env?.` followed by a name, as in `import.meta.env?.PROD`. */
const OPTIONAL_READ = /\bimport\.meta\.env\?\.(?=[A-Za-z_$])/g;

/** Rewrites optional reads of `import.meta.env` as plain ones, before Astro's own plugin reads the file. */
export function stableEnvPlugin(): Plugin {
	return {
		name: 'currents:stable-env',
		// Before Astro's `astro:vite-plugin-env`, which inlines the values.
		enforce: 'pre',
		transform: {
			filter: { code: /import\.meta\.env\?\./ },
			handler(code) {
				return { code: code.replace(OPTIONAL_READ, 'import.meta.env.'), map: null };
			},
		},
	};
}
