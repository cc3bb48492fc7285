/**
 * Embed pages without a second render. A module's body and knowledge check are the same on its page
 * and in its embed, so a build renders them once: the module page marks where they start and end,
 * each embed page is rendered with a placeholder in their place (the title, header and attribution
 * around it are still Astro's), and this step copies the marked part of the built module page into
 * the placeholder. Markdown and MDX cannot write an HTML comment into a page (MDX has no comments in
 * its output, and `<` in text or code is escaped), so the markers come from the engine's templates
 * only. The dev server renders each embed whole, as it renders every page on request.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { majorOf } from '../curriculum/versions.ts';

/** Where the module page's shared part starts and ends, and where the embed page takes it. */
export const SHARED_START = '<!--currents:embed-start-->';
export const SHARED_END = '<!--currents:embed-end-->';
export const EMBED_BODY = '<!--currents:embed-body-->';

/** Whether embed pages are rendered with the placeholder: in a build, where `assembleEmbeds` fills it. */
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
			const shared = sharedPart(join(dist, source), `embed/modules/${id}/${folder}/`);
			writeFileSync(file, html.slice(0, at) + shared + html.slice(at + EMBED_BODY.length));
			pages++;
		}
	}
	return { pages };
}

/** The part of a built module page between the markers, or an error naming the page and what it lacks. */
function sharedPart(page: string, embed: string): string {
	const html = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
	const start = html?.indexOf(SHARED_START) ?? -1;
	const end = html?.lastIndexOf(SHARED_END) ?? -1;
	if (!html || start < 0 || end < start) {
		throw new Error(
			`The embed page ${embed} takes its body from ${page}, which ${html ? 'does not mark its body' : 'was not built'}. ` +
				'Every module major with an embed needs a module page from src/routes/Module.astro; build again, and report it if this repeats.'
		);
	}
	return html.slice(start + SHARED_START.length, end);
}

/** Each module's current major, for `assembleEmbeds`. */
export const currentMajors = (modules: readonly { id: string; data: { version: string } }[]): Map<string, number> =>
	new Map(modules.map((module) => [module.id, majorOf(module.data.version)]));
