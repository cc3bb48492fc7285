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
import { join } from 'node:path';
import { majorOf } from '../curriculum/versions.ts';

/** Where the module page's shared part starts and ends, and where the embed page takes it. */
export const SHARED_START = '<!--currents:embed-start-->';
export const SHARED_END = '<!--currents:embed-end-->';
export const EMBED_BODY = '<!--currents:embed-body-->';
/** Where the module page's body alone (its MDX, inside the shared part) starts and ends. */
export const BODY_START = '<!--currents:body-start-->';
export const BODY_END = '<!--currents:body-end-->';
const PRINT_PREFIX = '<!--currents:print-body:';
/** Where a track's print page takes the body of the module `id`. */
export const printBody = (id: string): string => `${PRINT_PREFIX}${id}-->`;
const PRINT_BODY = /<!--currents:print-body:([^>]*?)-->/g;

/** Whether embed and print pages are rendered with placeholders: in a build, where the steps here fill them. */
export const assembledAfterBuild = (): boolean => process.env.CURRENTS_DEV !== '1';

export interface AssembleReport {
	pages: number;
}

/**
 * Fills the placeholder of every embed page under `dist/embed/modules/` with the marked part of the
 * module page of the same major: the canonical page for a current major, the archived page for an
 * earlier one. `currentMajors` maps each module id to its current major.
 */
export function assembleEmbeds(dist: string, currentMajors: ReadonlyMap<string, number>): AssembleReport {
	const root = join(dist, 'embed', 'modules');
	if (!existsSync(root)) return { pages: 0 };
	let pages = 0;
	for (const id of readdirSync(root)) {
		for (const folder of readdirSync(join(root, id))) {
			const file = join(root, id, folder, 'index.html');
			if (!existsSync(file)) continue;
			const html = readFileSync(file, 'utf8');
			const at = html.indexOf(EMBED_BODY);
			if (at < 0) continue;
			const major = Number(folder.slice(1));
			const source = currentMajors.get(id) === major ? `modules/${id}/index.html` : `modules/${id}/${folder}/index.html`;
			const shared = markedPart(join(dist, source), SHARED_START, SHARED_END, `The embed page embed/modules/${id}/${folder}/`);
			writeFileSync(file, html.slice(0, at) + shared.replace(BODY_START, '').replace(BODY_END, '') + html.slice(at + EMBED_BODY.length));
			pages++;
		}
	}
	return { pages };
}

/**
 * Fills every module placeholder of the track print pages under `dist/tracks/` with the body of that
 * module's current page. Each module page is read once, however many tracks hold the module.
 */
export function assemblePrintPages(dist: string): AssembleReport {
	const root = join(dist, 'tracks');
	if (!existsSync(root)) return { pages: 0 };
	const bodies = new Map<string, string>();
	let pages = 0;
	for (const track of readdirSync(root)) {
		const file = join(root, track, 'print', 'index.html');
		if (!existsSync(file)) continue;
		const html = readFileSync(file, 'utf8');
		if (!html.includes(PRINT_PREFIX)) continue;
		const filled = html.replace(PRINT_BODY, (_, id: string) => {
			if (!/^[\w-]+$/.test(id)) throw new Error(`The print page tracks/${track}/print/ asks for the body of "${id}", which is not a module id. Report it: the engine's own template wrote it.`);
			let body = bodies.get(id);
			if (body === undefined) {
				body = markedPart(join(dist, 'modules', id, 'index.html'), BODY_START, BODY_END, `The print page tracks/${track}/print/`);
				bodies.set(id, body);
			}
			return body;
		});
		writeFileSync(file, filled);
		pages++;
	}
	return { pages };
}

/** The part of a built module page between two markers, or an error naming the page that needs it and what the module page lacks. */
function markedPart(page: string, start: string, end: string, needer: string): string {
	const html = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
	const from = html?.indexOf(start) ?? -1;
	const to = html?.lastIndexOf(end) ?? -1;
	if (!html || from < 0 || to < from) {
		throw new Error(
			`${needer} takes its body from ${page}, which ${html ? 'does not mark its body' : 'was not built'}. ` +
				'Every module shown there needs a module page from src/routes/Module.astro; build again, and report it if this repeats.'
		);
	}
	return html.slice(from + start.length, to);
}

/** Each module's current major, for `assembleEmbeds`. */
export const currentMajors = (modules: readonly { id: string; data: { version: string } }[]): Map<string, number> =>
	new Map(modules.map((module) => [module.id, majorOf(module.data.version)]));
