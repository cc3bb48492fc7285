/**
 * Pages that show a module's body without rendering it a second time. A module's body and knowledge
 * check are the same on its page, in its embed and, the body alone, in its track's print page, so a
 * build renders them once: the module page marks where they start and end, the other pages are
 * rendered with a placeholder in their place (the title, header and attribution around it are still
 * Astro's), and these steps copy the marked part of the built module page into the placeholder. The
 * print page's copy of a body is edited on the way (src/lib/embeds/print-body.ts): its headings go a
 * level lower and its ids become the module's own, since one page holds many modules.
 * Markdown and MDX cannot write an HTML comment into a page (MDX has no comments in its output, and
 * `<` in text or code is escaped), so the markers come from the engine's templates only. The dev
 * server renders each page whole, as it renders every page on request.
 *
 * Embed pages are not rendered by Astro one by one at all: what is their own (title, description,
 * canonical address, header and attribution) is rendered for all of them on one page
 * (src/routes/EmbedShells.astro, `SHELLS_PAGE`), and each embed page is written from that page's frame,
 * its own parts and its module page's body. Rendered as 1,000 pages, the embed pages' shells took
 * 3.2 s of the render at 1,000 modules (Astro's work per page: the request, the security policy's
 * digests, the page and its copy in the incremental cache written), on the thread the build waits for.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeWhole, writeWholeLater } from '../cache/files.ts';
import { majorOf } from '../curriculum/versions.ts';
import { printedBody } from './print-body.ts';

/** Where the module page's shared part starts and ends, and where the embed page takes it. */
export const SHARED_START = '<!--currents:embed-start-->';
export const SHARED_END = '<!--currents:embed-end-->';
export const EMBED_BODY = '<!--currents:embed-body-->';
/** The page of every embed page's own parts, as a file in the output; the engine removes it once it has written them. */
export const SHELLS_PAGE = 'embed/shells/index.html';
/** On that page: where each embed page's own head goes in the frame, */
export const SHELLS_HEAD = '<!--currents:shells-head-->';
const SHELL_PREFIX = '<!--currents:shell:';
/** where the parts of the embed page at `/embed/modules/<path>/` start, */
export const shellStart = (path: string): string => `${SHELL_PREFIX}${path}-->`;
/** where its main element starts after its head, */
export const SHELL_MAIN = '<!--currents:shell-main-->';
/** and where the last embed page's parts end and the frame goes on. */
export const SHELLS_END = '<!--currents:shells-end-->';
const SHELL_PATH = /^[\w-]+\/v\d+$/;
/** The embed page at `/embed/modules/<path>/`, as a file in the output. */
const embedFile = (path: string): string => `embed/modules/${path}/index.html`;

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
 * The shells of the embed pages, from the page of their parts (`SHELLS_PAGE`): the frame that is the
 * same on every embed page (the start of its head; the stylesheets, scripts and security policy Astro
 * put in the head; the end of the page), and each page's own parts by its path under
 * `/embed/modules/`. Undefined when the page is cut short or a marker is missing or out of place.
 */
export interface Shells {
	frame: { start: string; head: string; end: string };
	parts: ReadonlyMap<string, { head: string; main: string }>;
}

export function shellsOf(html: string): Shells | undefined {
	const head = html.indexOf(SHELLS_HEAD);
	const end = html.lastIndexOf(SHELLS_END);
	if (head < 0 || end < head || !isWhole(html)) return undefined;
	const first = html.indexOf(SHELL_PREFIX, head);
	const body = first < 0 || first > end ? end : first;
	const parts = new Map<string, { head: string; main: string }>();
	for (const part of html.slice(body, end).split(SHELL_PREFIX).slice(1)) {
		const close = part.indexOf('-->');
		const path = part.slice(0, close);
		const main = part.indexOf(SHELL_MAIN, close);
		if (close < 0 || main < 0 || !SHELL_PATH.test(path) || parts.has(path) || !part.includes(EMBED_BODY, main)) return undefined;
		parts.set(path, { head: part.slice(close + '-->'.length, main), main: part.slice(main + SHELL_MAIN.length) });
	}
	return { frame: { start: html.slice(0, head), head: html.slice(head + SHELLS_HEAD.length, body), end: html.slice(end + SHELLS_END.length) }, parts };
}

/** The embed page at `/embed/modules/<path>/` with its placeholder for the module body, or undefined when the shells hold no such page. */
export function shellOf({ frame, parts }: Shells, path: string): string | undefined {
	const own = parts.get(path);
	return own && frame.start + own.head + frame.head + own.main + frame.end;
}

/**
 * Writes every embed page under `dist/embed/modules/` from its shell (`shellsOf`) and the marked part
 * of the module page of the same major: the canonical page for a current major, the archived page for
 * an earlier one. `currentMajors` maps each module id to its current major. Pages written while Astro
 * rendered (`fillEmbedEarly`), named in `done` as paths in the output, are left as they are. The page
 * of the shells is removed: it is not part of the site. The answer lists every embed page's file.
 */
export function assembleEmbeds(dist: string, currentMajors: ReadonlyMap<string, number>, done?: ReadonlySet<string>): AssembleReport & { files: string[]; unchanged: string[] } {
	const page = join(dist, SHELLS_PAGE);
	if (!existsSync(page)) return { pages: 0, files: [], unchanged: [] };
	const shells = shellsOf(readFileSync(page, 'utf8'));
	if (!shells) throw new Error(`${SHELLS_PAGE}, the page of the embed pages' own parts, is cut short or lacks a marker. Build again, and report it if this repeats: src/routes/EmbedShells.astro writes it.`);
	let pages = 0;
	const unchanged: string[] = [];
	for (const path of shells.parts.keys()) {
		const file = embedFile(path);
		if (done?.has(file)) continue;
		const shared = markedPart(join(dist, embedSource(path, currentMajors)), SHARED_START, SHARED_END, `The embed page embed/modules/${path}/`);
		const html = shellOf(shells, path)!;
		const embed = filled(html, html.indexOf(EMBED_BODY), shared);
		// In a build into the last build's output, most embed pages are what that build wrote: comparing
		// costs less than writing each again, and a page left as it was keeps its place (and its memo in the scan).
		if (sameText(join(dist, file), embed)) unchanged.push(file);
		else writeWhole(join(dist, file), embed);
		pages++;
	}
	rmSync(dirname(page), { recursive: true, force: true });
	return { pages, files: [...shells.parts.keys()].map(embedFile), unchanged };
}

/** Whether a file holds exactly `text`; false when there is no such file. */
function sameText(path: string, text: string): boolean {
	try {
		return readFileSync(path, 'utf8') === text;
	} catch {
		return false;
	}
}

/** The module page, as a file in the output, whose body the embed page at `/embed/modules/<id>/v<n>/` shows. */
function embedSource(path: string, currentMajors: ReadonlyMap<string, number>): string {
	const [id, folder] = path.split('/') as [string, string];
	return currentMajors.get(id) === Number(folder.slice(1)) ? `modules/${id}/index.html` : `modules/${path}/index.html`;
}

/**
 * The embed page that takes its body from a module page, both as files in the output: the embed of
 * the current major for `modules/<id>/index.html`, of that major for an archived `modules/<id>/v<n>/index.html`.
 */
export function embedOfModulePage(file: string, currentMajors: ReadonlyMap<string, number>): { embed: string; path: string; source: string } | undefined {
	const [, id, archived] = /^modules\/([^/]+)\/(?:(v\d+)\/)?index\.html$/.exec(file) ?? [];
	if (!id) return undefined;
	const major = currentMajors.get(id);
	if (major === undefined) return undefined;
	// At the current major's own permanent address there is a redirect page, not a module page.
	if (archived && Number(archived.slice(1)) >= major) return undefined;
	const folder = archived ?? (major >= 1 ? `v${major}` : undefined);
	return folder ? { embed: embedFile(`${id}/${folder}`), path: `${id}/${folder}`, source: file } : undefined;
}

/** The shells of the embed pages, read while Astro renders once it has written their page; undefined when it cannot be read whole. */
export async function readShells(dist: string): Promise<Shells | undefined> {
	try {
		return shellsOf(await readFile(join(dist, SHELLS_PAGE), 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Writes one embed page while Astro is still rendering others, once its module page is written, from
 * its shell (`shellOf`), so that the scan of what ships can parse it then rather than after the build.
 * Only when the module page holds its shared part's end marker (a file read while it is being written
 * can be cut short). Anything else is left to `assembleEmbeds`, which reports what is wrong; the answer
 * says whether the page was written. The files are read and written asynchronously, beside the thread
 * that renders the pages, which is what the build waits for.
 */
export async function fillEmbedEarly(dist: string, { embed, source }: { embed: string; source: string }, shell: string): Promise<boolean> {
	let page: string;
	try {
		page = await readFile(join(dist, source), 'utf8');
	} catch {
		return false;
	}
	const at = shell.indexOf(EMBED_BODY);
	const shared = between(page, SHARED_START, SHARED_END);
	if (at < 0 || shared === undefined) return false;
	try {
		await mkdir(dirname(join(dist, embed)), { recursive: true });
	} catch {
		return false;
	}
	return written(join(dist, embed), filled(shell, at, shared));
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
 * module's current page, as a print page shows it (`printedBody`: its headings a level lower, its ids
 * the module's own). Each module page is read once, however many tracks hold the module. Pages
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
				body = printedBody(markedPart(join(dist, printSource(id)), BODY_START, BODY_END, `The print page tracks/${track}/print/`), id);
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
					const body = MODULE_ID.test(id) ? between(await readFile(join(dist, printSource(id)), 'utf8'), BODY_START, BODY_END) : undefined;
					return [id, body === undefined ? undefined : printedBody(body, id)];
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
