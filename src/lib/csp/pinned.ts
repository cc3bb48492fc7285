/**
 * The inline scripts the Content Security Policy allows, by the SHA-256 hash of their text. Each is a
 * script Starlight writes `is:inline` (Astro's `security.csp` hashes only the scripts it bundles, not
 * these), so the policy must name them itself:
 *
 * - Starlight ThemeProvider: applies the saved colour theme before the page paints;
 * - Starlight ThemeSelect: sets the theme picker to the saved theme;
 * - Starlight SidebarPersister (two scripts): restore the sidebar's scroll position and which of its
 *   groups are open.
 *
 * The list is the output scan's (`src/lib/safety/inline-scripts.ts`), so that the scan and the policy can
 * never disagree. After a Starlight upgrade that changes one of these scripts, `tests/browser/csp.test.ts`
 * fails and prints the new hashes: read the new script in `node_modules/@astrojs/starlight/components/`,
 * make sure it is Starlight's and does what its description says, then replace the hash in
 * `src/lib/safety/inline-scripts.ts` and the `Content-Security-Policy` lines of `netlify.toml`
 * (`tests/csp.test.ts` prints them).
 */
import { INLINE_SCRIPTS } from '../safety/inline-scripts.ts';

export const PINNED_SCRIPTS: ReadonlyMap<string, string> = INLINE_SCRIPTS;

/** The pinned hashes, sorted, as a policy names them (without quotes). */
export const pinnedScriptHashes = (): string[] => [...PINNED_SCRIPTS.keys()].sort();
