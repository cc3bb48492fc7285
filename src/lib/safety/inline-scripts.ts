/**
 * The inline scripts a built page may hold, by the SHA-256 hash of their text, in the form a
 * Content Security Policy pins them. Each comes from a Starlight component, written `is:inline`;
 * every other script of the site is a file under `/_astro/` (the build keeps small scripts out of
 * the page for this reason). The output scan refuses any inline script not listed here, and
 * `tests/inline-scripts.test.ts` builds a fixture and fails when this list and the build disagree,
 * for example after a Starlight upgrade.
 */
export const INLINE_SCRIPTS: ReadonlyMap<string, string> = new Map([
	['sha256-VWo5Wp4aqSj6nSgMpeAp9cKieaoIfwFUAunAVugI5gA=', 'Starlight ThemeProvider: applies the saved colour theme before the page paints'],
	['sha256-GkZBRnvSuhtx/cvzvukVkX2JJZW+DdPlVr7BX8Tefqo=', 'Starlight ThemeSelect: sets the theme picker to the saved theme'],
	['sha256-wX2yOADeV+NMngflD5uYi3vl50SHC4sfM1EmylVjlX4=', 'Starlight SidebarPersister: restores the sidebar scroll position'],
	['sha256-7eCV4jtsr4t4knb3c4FCRPeu7GGZeOUGE3XvWix0XOQ=', 'Starlight SidebarPersister: restores which sidebar groups are open'],
]);
