/**
 * Content files in no place the build reads: a module saved in a subfolder of modules/, an update in a
 * misspelt folder, a track at the top of the content folder, a translation in a folder named for its
 * language. The readers of each kind list only their own folder, so such a file would be left out of
 * the site without a word; this names it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { ISSUERS_FOLDER } from '../credentials/profile.ts';
import { editDistance } from './edit-distance.ts';
import { holdsOnly, meantLocales, translationName } from './files.ts';
import { moduleTranslationSchema, trackTranslationSchema, updateTranslationSchema } from './schema/translation.ts';
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

/** The kinds of content that have translations, by folder, with the endings their files take. */
const TRANSLATED: ReadonlyMap<string, { endings: readonly string[]; fields: ReadonlySet<string> }> = new Map(
	(
		[
			[LAYOUT.modules, ['.mdx'], moduleTranslationSchema],
			[LAYOUT.tracks, ['.yaml', '.yml'], trackTranslationSchema],
			[LAYOUT.updates, ['.md'], updateTranslationSchema],
		] as const
	).map(([folder, endings, schema]) => [folder, { endings, fields: new Set(Object.keys(schema.shape)) }])
);

/**
 * A language's English name when a folder's name is a two-letter language code (`sv`, `pt-BR`), or
 * undefined for any other name. Three-letter codes are left out: many are also words (`new`, `art`).
 */
function languageNamed(code: string): string | undefined {
	if (!/^[a-z]{2}(?:[-_][a-z0-9]{2,8})?$/i.test(code)) return undefined;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code.replace('_', '-'));
	} catch {
		return undefined;
	}
}

/**
 * The finding for a translation saved in a folder named for its language (`modules/fi/<id>.mdx`,
 * `fi/modules/<id>.mdx`, or `fi/<id>.mdx` for a module that exists), which the build never reads,
 * with the name it takes beside its original; or null when the path is not such a file. A folder
 * named for a language the curriculum does not have counts only when the original exists and the
 * file holds a translation's fields, so that a folder whose name merely looks like a language's
 * code (`my/`, `no/`) is not taken for one.
 */
function translationInFolder(parts: readonly string[], dir: string, locales: readonly string[], file: string): Finding | null {
	const folders = parts.slice(0, -1);
	const name = parts.at(-1)!;
	if (locales.length === 0 || folders.length === 0 || folders.length > 2) return null;
	const extension = name.slice(name.lastIndexOf('.'));
	const kind = folders.length === 2 ? folders.find((folder) => TRANSLATED.has(folder)) : [...TRANSLATED.keys()].find((folder) => TRANSLATED.get(folder)!.endings.includes(extension));
	const code = folders.find((folder) => folder !== kind);
	const translated = kind === undefined ? undefined : TRANSLATED.get(kind);
	if (kind === undefined || code === undefined || !translated?.endings.includes(extension)) return null;
	const base = name.slice(0, -extension.length);
	const id = translationName(base)?.id ?? base;
	const original = translated.endings.some((ending) => existsSync(join(dir, kind, `${id}${ending}`)));
	// A file straight inside fi/ may be a free page, so it is a translation only when its original exists.
	if (folders.length === 1 && !original) return null;
	const meant = meantLocales(code, locales);
	if (meant.includes(locales[0]!)) return null;
	const where = `"${parts.join('/')}"`;
	if (meant.length > 0) {
		const target = `${kind}/${id}.${meant.length === 1 ? meant[0] : '<locale>'}${extension}`;
		return finding({
			rule: 'unexpected-file',
			file,
			message: `${where} is in a folder named for the locale "${code}", and the build reads a translation only beside its original: the site would never publish it.`,
			fix:
				meant.length > 1
					? `Move it to ${target} with one of ${meant.join(', ')}, the one it is written in: a translation sits beside its original, with its locale before the extension.`
					: existsSync(join(dir, target))
						? `${target} already exists: keep the translation you mean to publish as ${target}, and delete the other.`
						: `Move it to ${target}: a translation sits beside its original, with its locale before the extension.`,
		});
	}
	const language = languageNamed(code);
	// "my/" or "no/" holding a copy of a module is someone's draft: only a translation's fields make it one.
	if (language === undefined || !original || !holdsOnly(join(dir, ...parts), extension, translated.fields)) return null;
	const locale = code.replace('_', '-');
	return finding({
		rule: 'unexpected-file',
		file,
		message: `${where} is in a folder for ${language} ("${code}"), a language the curriculum does not have (its locales are ${locales.join(', ')}): the site would never publish it.`,
		fix: `Ask the maintainers (in an issue or your pull request) to add "${locale}" to \`locales\` in curriculum.yaml; then move the file to ${kind}/${id}.${locale}${extension}, beside its original.`,
	});
}

/** Whether the build reads a file, by its path from the content folder split at each folder. */
function isRead(parts: readonly string[]): boolean {
	const [first, ...rest] = parts;
	if (rest.length === 0) return first === LAYOUT.config || first === LAYOUT.redirects;
	if (first === LAYOUT.pages) return true;
	if (first === LAYOUT.archive) return rest.length === 2;
	return rest.length === 1 && FOLDERS.includes(first!);
}

/**
 * Content files the build does not read. `locales`, the curriculum's, tell a translation saved in a
 * folder of its language, an error since the translator's work would never be published; any other
 * such file is a warning.
 */
export function strayFiles(dir: string, root = process.cwd(), locales: readonly string[] = []): Finding[] {
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
		const translation = translationInFolder(parts, dir, locales, rel(path));
		if (translation) {
			findings.push(translation);
			continue;
		}
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
