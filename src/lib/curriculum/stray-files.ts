/**
 * Content files in no place the build reads: a module saved in a subfolder of modules/, an update in a
 * misspelt folder, a track at the top of the content folder. The readers of each kind list only their
 * own folder, so such a file would be left out of the site without a word; this names it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { ISSUERS_FOLDER } from '../credentials/profile.ts';
import { editDistance } from './edit-distance.ts';
import { LAYOUT } from './load.ts';

/** The endings of the files the build reads as content. Other files (images, a licence) are the content-file check's. */
const CONTENT_FILE = /\.(mdx?|ya?ml)$/i;
/** Files a content folder may hold for the people who edit it, which the site is not meant to show. */
const FOR_EDITORS = /^(readme|contributing|license|licence)(\.[a-z]+)?$/i;

/** The folders the build reads, each holding its kind of file directly (pages/ at any depth). */
const FOLDERS: string[] = [LAYOUT.modules, LAYOUT.tracks, LAYOUT.updates, LAYOUT.pages, LAYOUT.archive, ISSUERS_FOLDER];

/** Where a file of each ending may belong, as the fix says it. */
const BY_ENDING: [RegExp, string][] = [
	[/\.mdx$/i, `Move it to ${LAYOUT.modules}/ if it is a module, or to ${LAYOUT.pages}/ if it is a free page such as an about page.`],
	[/\.md$/i, `Move it to ${LAYOUT.updates}/ if it is a platform update, or to ${LAYOUT.pages}/ if it is a free page such as an about page.`],
	[/\.ya?ml$/i, `Move it to ${LAYOUT.tracks}/ if it is a track, or to ${ISSUERS_FOLDER}/ if it is a certificate issuer.`],
];

/** How to put a file the build does not read where it does. */
function fixFor(parts: readonly string[]): string {
	const folder = parts.length > 1 ? parts[0]! : undefined;
	if (folder === LAYOUT.archive) return `An archived major is ${LAYOUT.archive}/<module-id>/v<major>.mdx, and \`npm run release\` writes it; move or rename the file so.`;
	if (folder && FOLDERS.includes(folder)) return `Move it into ${folder}/ itself: the build reads no folder inside ${folder}/.`;
	const meant = folder && FOLDERS.find((place) => editDistance(place, folder.toLowerCase()) <= 2);
	if (meant) return `Move it into ${meant}/: the folder is named "${meant}", not "${folder}".`;
	return BY_ENDING.find(([ending]) => ending.test(parts.at(-1)!))![1];
}

/** Whether the build reads a file, by its path from the content folder split at each folder. */
function isRead(parts: readonly string[]): boolean {
	const [first, ...rest] = parts;
	if (rest.length === 0) return first === LAYOUT.config || first === LAYOUT.redirects;
	if (first === LAYOUT.pages) return true;
	if (first === LAYOUT.archive) return rest.length === 2;
	return rest.length === 1 && FOLDERS.includes(first!);
}

export function strayFiles(dir: string, root = process.cwd()): Finding[] {
	const rel = (path: string) => relative(root, path).split(sep).join('/');
	const findings: Finding[] = [];
	if (!existsSync(dir)) return findings;
	// Directory entries say what is a file without a second call per file; a link is no file here (the content-file check reports it).
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const parts = relative(dir, path).split(sep);
		const name = parts.at(-1)!;
		if (!CONTENT_FILE.test(name) || parts.some((part) => part.startsWith('.')) || isRead(parts)) continue;
		if (parts.length === 1 && FOR_EDITORS.test(name)) continue;
		findings.push(
			finding({
				rule: 'unexpected-file',
				severity: 'warning',
				file: rel(path),
				message: `"${parts.join('/')}" is in no folder the build reads, so the site would leave it out.`,
				fix: fixFor(parts),
			})
		);
	}
	return findings;
}
