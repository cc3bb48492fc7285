import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Finding } from '../check/findings.ts';
import { formatHuman } from '../check/report.ts';
import { parseYaml, splitFrontmatter } from '../curriculum/frontmatter.ts';
import { checkContentSafety } from './content-check.ts';
import { contentPathFinding, isImageName } from './content-files.ts';
import type { FileReference } from '../curriculum/field-reference.ts';
import type { CurriculumConfig } from '../curriculum/schema/config.ts';

export interface VitePluginOptions {
	/** The project root, for file names in errors. */
	root: string;
	/** The content folder, absolute. */
	dir: string;
	config: CurriculumConfig;
	/** The build date, `YYYY-MM-DD`, so every page agrees on what is due. */
	on: string;
	/**
	 * A fingerprint of the engine's code, for the `cacheKey` of pages: Astro's incremental build sees
	 * the code a page imports, but not the middleware that runs around every page.
	 */
	engine?: string;
	/** Sources the start-up check already passed, by absolute path; loading them again needs no second check. */
	checked?: ReadonlyMap<string, string>;
	/** Reads the field reference of every kind of content file; called only when its page is built. */
	fieldReference?: () => readonly FileReference[];
	/** Where the findings' rule pages are (`ruleDocs`), told of the dev server when there is one. */
	docs?: RuleDocs;
}

/**
 * Where a finding's rule page is linked: in the dev server, the page this server shows, as this
 * checkout's engine words the rule; in a build, on the published site. The compiler's guard and this
 * file's plugin share one, which the plugin tells of the dev server once Vite has made it.
 */
export interface RuleDocs {
	site: () => string;
	serve: (server: ViteDevServer) => void;
}

export function ruleDocs(site: string): RuleDocs {
	let server: ViteDevServer | undefined;
	return {
		site: () => server?.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? site,
		serve: (dev) => {
			server = dev;
		},
	};
}

const CONFIG_ID = 'virtual:currents/config';
const FIELDS_ID = 'virtual:currents/fields';

/**
 * Gives pages the validated curriculum config, the build date and the engine's fingerprint as
 * `virtual:currents/config`, and
 * guards every Markdown and MDX file of the content folder: the file is checked for code, script
 * and remote images when it is loaded, before the MDX compiler sees it. The integration checks
 * the whole curriculum at start-up; this guard also covers files edited while the dev server runs.
 * Any other file of the content folder that is not data by its name (a script, a style sheet, an
 * SVG) is refused outright, so no import can load code from there.
 */
export function currentsVitePlugin({ root, dir, config, on, engine = '', checked = new Map(), fieldReference = () => [], docs = ruleDocs(config.site) }: VitePluginOptions): Plugin {
	const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
	// Vite loads one module several times (with different queries), so remember what passed.
	const safe = new Map(checked);
	const docsSite = docs.site;
	return {
		name: 'currents:content',
		enforce: 'pre',
		configureServer(server) {
			docs.serve(server);
		},
		config() {
			// The dev server's file watcher drops a second save of a file that comes within 50 ms of the
			// first (editors that format on save write twice), and can hand over a file read halfway
			// through a save; either way a page would go on showing what the file no longer says. Waiting
			// until a file has stopped changing for a moment sees every save, and sees it whole.
			return { server: { watch: { awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 25 } } } };
		},
		resolveId(id, importer) {
			if (id === CONFIG_ID) return `\0${CONFIG_ID}`;
			if (id === FIELDS_ID) return `\0${FIELDS_ID}`;
			// A content file's relative imports (its images, as the compiler writes them) and any image it
			// names by an absolute path (Astro reads a Markdown image's path after its own marker so) stay in
			// the content folder, which the content check also holds each image path to ('image-outside').
			const from = importer?.split('?')[0];
			const path = id.split('?')[0]!;
			if (from?.startsWith(prefix) && (/^\.\.?\//.test(path) || (isAbsolute(path) && isImageName(path)))) {
				const target = isAbsolute(path) ? path : resolve(dirname(from), path);
				if (!target.startsWith(prefix)) {
					throw refusal(`${relative(root, from).split(sep).join('/')} imports ${id}, which is outside the content folder, so it was not loaded. Save the file in the content folder next to it and point to it there.`);
				}
			}
		},
		load(id) {
			if (id === `\0${CONFIG_ID}`) {
				return `export const config = ${JSON.stringify(config)};\nexport const buildDate = ${JSON.stringify(on)};\nexport const engine = ${JSON.stringify(engine)};`;
			}
			// Reading the schemas' comments needs the TypeScript parser, so only the page that shows them pays for it.
			if (id === `\0${FIELDS_ID}`) {
				return `export const fieldReference = ${JSON.stringify(fieldReference())};`;
			}
			const path = id.split('?')[0]!;
			if (!path.startsWith(prefix)) return null;
			// Nothing but data is loaded from the content folder, whatever imports it: a Markdown image
			// such as ![a](./x.mjs) compiles to an import, and that import must not load code.
			const refused = contentPathFinding(path.slice(prefix.length), relative(root, path).split(sep).join('/'));
			if (refused) {
				throw new Error(`${refused.file} was not loaded: the content folder holds data only.\n\n${formatHuman([refused], { site: docsSite() })}`);
			}
			if (!/\.mdx?$/.test(path)) return null;
			const source = readFileSync(path, 'utf8');
			if (safe.get(path) === source) return null;
			const file = relative(root, path).split(sep).join('/');
			const findings = checkContentSafety(source, file, {
				imageHosts: config.imageHosts,
				limits: config.limits,
				baseDir: dirname(path),
				contentDir: dir,
			}).filter((finding) => finding.severity === 'error');
			if (findings.length > 0) {
				throw refusal(`${file} is not safe to compile, so it was not:\n\n${formatHuman(findings, { site: docsSite() })}`);
			}
			// The compiler reads the frontmatter first, and its YAML reader would stop with a stack trace
			// of its own; the check's reader says what is wrong in plain words, at the line.
			const unreadable = unreadableFrontmatter(source, file);
			if (unreadable.length > 0) {
				throw refusal(`${file} has frontmatter that cannot be read, so it was not compiled:\n\n${formatHuman(unreadable, { site: docsSite() })}`);
			}
			safe.set(path, source);
			// Returning nothing lets Vite read the file as usual and hand it to the MDX compiler.
			return null;
		},
	};
}

/** The syntax errors of a file's YAML frontmatter, as `npm run check` reports them. */
function unreadableFrontmatter(source: string, file: string): Finding[] {
	const { frontmatter } = splitFrontmatter(source);
	if (frontmatter === null) return [];
	const { parsed, findings } = parseYaml(frontmatter, file, 1);
	return parsed === null ? findings.filter((finding) => finding.severity === 'error') : [];
}

/** An error whose message is the whole story: a stack of the dev server's internals would only bury it. */
function refusal(message: string): Error {
	const error = new Error(message);
	error.stack = `Error: ${message}`;
	return error;
}
