/**
 * Which pages of a built site the audit measures: one of each kind a reader lands on. The paths are
 * found in the built folder itself, so the audit works on any curriculum and on any `--dist`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The kinds of page, in the order the audit runs and prints them. */
export const PAGE_KINDS = ['home', 'track', 'module', 'embed', 'verify'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface AuditPage {
	/** The name in the table and the report files: a kind, or a path given on the command line. */
	name: string;
	/** The site path, e.g. `/modules/x/`. */
	path: string;
}

const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort() : []);
const hasPage = (dist: string, path: string) => existsSync(join(dist, path, 'index.html'));

/** The newest major of a module's embed pages (`v1`, `v2`, …), or undefined when it has none. */
function embedMajor(dist: string, id: string): string | undefined {
	const majors = folders(join(dist, 'embed', 'modules', id)).filter((name) => /^v\d+$/.test(name) && hasPage(dist, `/embed/modules/${id}/${name}/`));
	return majors.sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)))[0];
}

/**
 * The path of each kind of page in `dist`: the first track (by folder name), the first module with
 * an embed page (so the module and embed pages show the same material), that module's newest embed,
 * the home page and the verify page. Throws naming a kind the site does not have.
 */
export function findPages(dist: string): Record<PageKind, string> {
	const track = folders(join(dist, 'tracks')).find((id) => hasPage(dist, `/tracks/${id}/`));
	const modules = folders(join(dist, 'modules')).filter((id) => hasPage(dist, `/modules/${id}/`));
	const module = modules.find((id) => embedMajor(dist, id)) ?? modules[0];
	const major = module ? embedMajor(dist, module) : undefined;
	const found: Partial<Record<PageKind, string>> = {
		home: hasPage(dist, '/') ? '/' : undefined,
		track: track && `/tracks/${track}/`,
		module: module && `/modules/${module}/`,
		embed: module && major ? `/embed/modules/${module}/${major}/` : undefined,
		verify: hasPage(dist, '/verify/') ? '/verify/' : undefined,
	};
	return found as Record<PageKind, string>;
}

/**
 * The pages `--pages` names: kinds (`home,module`) or site paths (`/fi/`), every kind when empty.
 * Throws with the choices for a name that is neither, or a kind this site lacks.
 */
export function selectPages(dist: string, list?: string): AuditPage[] {
	const names = (list ?? PAGE_KINDS.join(','))
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const found = findPages(dist);
	return names.map((name) => {
		if (name.startsWith('/')) {
			if (!hasPage(dist, name)) throw new Error(`There is no page at ${name} in ${dist}.`);
			return { name: name.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase() || 'root', path: name };
		}
		if (!(PAGE_KINDS as readonly string[]).includes(name)) throw new Error(`"${name}" is not a page the audit knows. Pick from ${PAGE_KINDS.join(', ')}, or give a path such as /fi/.`);
		const path = found[name as PageKind];
		if (!path) throw new Error(`The site in ${dist} has no ${name} page.`);
		return { name, path };
	});
}
