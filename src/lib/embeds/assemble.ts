/**
 * Pages that show a module's body without rendering it a second time. A module's body and knowledge
 * check are the same on its page, in its embed and, the body alone, in its track's print page, so a
 * build renders them once: the module page marks where they start and end, the other pages are
 * rendered with a placeholder in their place (the title, header and attribution around it are still
 * Astro's), and these steps copy the marked part of the built module page into the placeholder.
 * Markdown and MDX cannot write an HTML comment into a page (MDX has no comments in its output, and
 * `<` in text or code is escaped), so the markers come from the engine's templates only. The dev
 * server renders each page whole, as it renders every page on request.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWholeLater } from '../cache/files.ts';
import { majorOf } from '../curriculum/versions.ts';

/** Where the module page's shared part starts and ends, and where the embed page takes it. */
export const SHARED_START = '<!--currents:embed-start-->';
export const SHARED_END = '<!--currents:embed-end-->';
export const EMBED_BODY = '<!--currents:embed-body-->';
/** Where the module page's body alone (its MDX, inside the shared part) starts and ends. */
export const BODY_START = '<!--currents:body-start-->';
export const BODY_END = '<!--currents:body-end-->';
const PRINT_PREFIX = '<!--currents:print-body:';
/** The module page, as a file in the output, whose body a print page takes: the module's current page. */
export const printSource = (id: string): string => `modules/${id}/index.html`;
/** Where a track's print page takes the body of the module `id`. */
export const printBody = (id: string): string => `${PRINT_PREFIX}${id}-->`;
const PRINT_BODY = /<!--currents:print-body:([^>]*?)-->/g;
const MODULE_ID = /^[\w-]+$/;

/** Whether embed and print pages are rendered with placeholders: in a build, where the steps here fill them. */
export const assembledAfterBuild = (): boolean => process.env.CURRENTS_DEV !== '1';

export interface AssembleReport {
	pages: number;
}

/**
 * Fills the placeholder of every embed page under `dist/embed/modules/` with the marked part of the
 * module page of the same major: the canonical page for a current major, the archived page for an
 * earlier one. `currentMajors` maps each module id to its current major. Pages already filled in
 * while Astro rendered (`fillEmbedEarly`) hold no placeholder and are left as they are; those named in
 * `done` (paths in the output) are not even read.
 */
export function assembleEmbeds(dist: string, currentMajors: ReadonlyMap<string, number>, done?: ReadonlySet<string>): AssembleReport {
	const root = join(dist, 'embed', 'modules');
	if (!existsSync(root)) return { pages: 0 };
	let pages = 0;
	for (const id of readdirSync(root)) {
		for (const folder of readdirSync(join(root, id))) {
			const file = join(root, id, folder, 'index.html');
			if (done?.has(`embed/modules/${id}/${folder}/index.html`) || !existsSync(file)) continue;
			const html = readFileSync(file, 'utf8');
			const at = html.indexOf(EMBED_BODY);
			if (at < 0) continue;
			const major = Number(folder.slice(1));
			const source = currentMajors.get(id) === major ? `modules/${id}/index.html` : `modules/${id}/${folder}/index.html`;
			const shared = markedPart(join(dist, source), SHARED_START, SHARED_END, `The embed page embed/modules/${id}/${folder}/`);
			writeFileSync(file, filled(html, at, shared));
			pages++;
		}
	}
	return { pages };
}

/**
 * The embed page that takes its body from a module page, both as files in the output: the embed of
 * the current major for `modules/<id>/index.html`, of that major for an archived `modules/<id>/v<n>/index.html`.
 */
export function embedOfModulePage(file: string, currentMajors: ReadonlyMap<string, number>): { embed: string; source: string } | undefined {
	const [, id, archived] = /^modules\/([^/]+)\/(?:(v\d+)\/)?index\.html$/.exec(file) ?? [];
	if (!id) return undefined;
	const major = currentMajors.get(id);
	if (major === undefined) return undefined;
	// At the current major's own permanent address there is a redirect page, not a module page.
	if (archived && Number(archived.slice(1)) >= major) return undefined;
	const folder = archived ?? (major >= 1 ? `v${major}` : undefined);
	return folder ? { embed: `embed/modules/${id}/${folder}/index.html`, source: file } : undefined;
}

/**
 * Fills one embed page in while Astro is still rendering others, once its module page is written, so
 * that the scan of what ships can parse it then rather than after the build. Only when both files are
 * whole: the embed page ends as every page Astro writes ends, and the module page holds its shared
 * part's end marker (a file read while it is being written can be cut short). Anything else is left
 * to `assembleEmbeds`, which reports what is wrong; the answer says whether the page was filled in.
 * The files are read and written asynchronously, beside the thread that renders the pages, which is
 * what the build waits for: in CPU profiles of cold builds at 1,000 modules, filling the embed and
 * print pages in took 0.54 and 0.64 s of that thread's time, against 0.87 s with synchronous reads
 * and writes.
 */
export async function fillEmbedEarly(dist: string, { embed, source }: { embed: string; source: string }): Promise<boolean> {
	let html: string;
	let page: string;
	try {
		[html, page] = await Promise.all([readFile(join(dist, embed), 'utf8'), readFile(join(dist, source), 'utf8')]);
	} catch {
		return false;
	}
	const at = html.indexOf(EMBED_BODY);
	const shared = between(page, SHARED_START, SHARED_END);
	if (at < 0 || !isWhole(html) || shared === undefined) return false;
	return written(join(dist, embed), filled(html, at, shared));
}

/**
 * Writes a page filled in early, whole or not at all; false when it cannot, which leaves the page as
 * Astro wrote it to the step after the render.
 */
async function written(file: string, html: string): Promise<boolean> {
	try {
		await writeWholeLater(file, html);
		return true;
	} catch {
		return false;
	}
}

/** Whether a page read from the output ends as every page Astro writes ends, rather than cut short. */
const isWhole = (html: string): boolean => html.trimEnd().endsWith('</html>');

/** The embed page with the module page's shared part, without the body's own markers, in place of the placeholder at `at`. */
const filled = (html: string, at: number, shared: string): string => html.slice(0, at) + shared.replace(BODY_START, '').replace(BODY_END, '') + html.slice(at + EMBED_BODY.length);

/**
 * Fills every module placeholder of the track print pages under `dist/tracks/` with the body of that
 * module's current page. Each module page is read once, however many tracks hold the module. Pages
 * named in `done` (paths in the output), filled in while Astro rendered, are not read.
 */
export function assemblePrintPages(dist: string, done?: ReadonlySet<string>): AssembleReport {
	const root = join(dist, 'tracks');
	if (!existsSync(root)) return { pages: 0 };
	const bodies = new Map<string, string>();
	let pages = 0;
	for (const track of readdirSync(root)) {
		const file = join(root, track, 'print', 'index.html');
		if (done?.has(`tracks/${track}/print/index.html`) || !existsSync(file)) continue;
		const html = readFileSync(file, 'utf8');
		if (!html.includes(PRINT_PREFIX)) continue;
		const filled = withBodies(html, (id) => {
			if (!MODULE_ID.test(id)) throw new Error(`The print page tracks/${track}/print/ asks for the body of "${id}", which is not a module id. Report it: the engine's own template wrote it.`);
			let body = bodies.get(id);
			if (body === undefined) {
				body = markedPart(join(dist, printSource(id)), BODY_START, BODY_END, `The print page tracks/${track}/print/`);
				bodies.set(id, body);
			}
			return body;
		});
		writeFileSync(file, filled!);
		pages++;
	}
	return { pages };
}

/**
 * The modules whose bodies a track's print page (`tracks/<id>/print/index.html`) takes, once Astro
 * has written it whole; undefined when it has not, or when it takes none.
 */
export function printModules(dist: string, file: string): string[] | undefined {
	let html: string;
	try {
		html = readFileSync(join(dist, file), 'utf8');
	} catch {
		return undefined;
	}
	const ids = printIds(html);
	return isWhole(html) && ids.length > 0 && ids.every((id) => MODULE_ID.test(id)) ? ids : undefined;
}

/** The modules whose bodies a print page's placeholders ask for, each once, in the order they first appear. */
const printIds = (html: string): string[] => [...new Set([...html.matchAll(PRINT_BODY)].map(([, id]) => id!))];

/**
 * Fills one track print page in while Astro is still rendering others, once the module pages it
 * takes bodies from are written, as `fillEmbedEarly` fills an embed page: only when every file is
 * whole, and otherwise left to `assemblePrintPages`. The answer says whether the page was filled in.
 */
export async function fillPrintEarly(dist: string, file: string): Promise<boolean> {
	let html: string;
	try {
		html = await readFile(join(dist, file), 'utf8');
	} catch {
		return false;
	}
	if (!isWhole(html)) return false;
	const bodies = new Map(
		await Promise.all(
			printIds(html).map(async (id): Promise<[string, string | undefined]> => {
				try {
					return [id, MODULE_ID.test(id) ? between(await readFile(join(dist, printSource(id)), 'utf8'), BODY_START, BODY_END) : undefined];
				} catch {
					return [id, undefined];
				}
			})
		)
	);
	const filledIn = withBodies(html, (id) => bodies.get(id));
	if (filledIn === undefined || filledIn === html) return false;
	return written(join(dist, file), filledIn);
}

/** A print page with each module's placeholder replaced by `bodyOf` the module, or undefined when it has no body for one. */
function withBodies(html: string, bodyOf: (id: string) => string | undefined): string | undefined {
	let complete = true;
	const filledIn = html.replace(PRINT_BODY, (placeholder, id: string) => {
		const body = bodyOf(id);
		if (body === undefined) complete = false;
		return body ?? placeholder;
	});
	return complete ? filledIn : undefined;
}

/** The text between the first `start` and the last `end`, or undefined when it does not hold both in that order. */
function between(text: string, start: string, end: string): string | undefined {
	const from = text.indexOf(start);
	const to = text.lastIndexOf(end);
	return from < 0 || to < from ? undefined : text.slice(from + start.length, to);
}

/** The part of a built module page between two markers, or an error naming the page that needs it and what the module page lacks. */
function markedPart(page: string, start: string, end: string, needer: string): string {
	const html = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
	const part = html === undefined ? undefined : between(html, start, end);
	if (part === undefined) {
		throw new Error(
			`${needer} takes its body from ${page}, which ${html ? 'does not mark its body' : 'was not built'}. ` +
				'Every module shown there needs a module page from src/routes/Module.astro; build again, and report it if this repeats.'
		);
	}
	return part;
}

/** Each module's current major, for `assembleEmbeds`. */
export const currentMajors = (modules: readonly { id: string; data: { version: string } }[]): Map<string, number> =>
	new Map(modules.map((module) => [module.id, majorOf(module.data.version)]));
