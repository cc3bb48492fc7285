/**
 * The files of a content folder, one at a time: which files a folder holds, the id and locale a file
 * name gives, and what one YAML file or one document's frontmatter says once validated. Each reader
 * records what is wrong with a file as findings and carries on, so that one bad file does not hide
 * the problems of the others.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { parseYaml, splitFrontmatter, validate, type AllowedValues, type ParsedYaml } from './frontmatter.ts';
import { plainReader, type YamlReader } from './yaml-memo.ts';
import { isImageName } from '../safety/content-files.ts';
import { createLocator } from '../safety/context.ts';
import { ID_PATTERN } from './schema/common.ts';
import type { DocumentEntry, SourceDocument } from './load.ts';

/** `<id>.<locale>` in a file name (without its extension): the id and the locale, or null for an original. */
export function translationName(name: string): { id: string; locale: string } | null {
	const match = /^([^.]+)\.([^.]+)$/.exec(name);
	return match ? { id: match[1]!, locale: match[2]! } : null;
}

/**
 * The configured locales that a locale written in a file or folder name stands for: the same one in
 * other capitals (`FI` for `fi`), or else those of the same language (`fi-FI` or `fi_FI` for `fi`,
 * `pt` for `pt-BR`). Empty when it names none of them.
 */
export function meantLocales(written: string, locales: readonly string[]): string[] {
	const same = locales.filter((locale) => locale.toLowerCase() === written.toLowerCase());
	if (same.length > 0) return same;
	// Only a language with a script or a region after it: "it-security" is a folder's name, not Italian.
	if (!/^[a-z]{2,3}(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?$/i.test(written)) return [];
	const language = (code: string) => code.toLowerCase().split(/[-_]/)[0];
	return locales.filter((locale) => language(locale) === language(written));
}

/**
 * A translation named with "_" or "-" before its locale instead of a dot (`<id>_fi`, `<id>-FI`): the
 * id and the locale it means, when the locale is one of `locales` and the rest of the name is one
 * of `originals`; otherwise null.
 */
export function misnamedTranslation(name: string, originals: ReadonlySet<string>, locales: readonly string[]): { id: string; locale: string } | null {
	for (const locale of locales) {
		if (name.length <= locale.length + 1) continue;
		const rest = name.slice(0, -locale.length - 1);
		const id = slugify(rest);
		if (/[-_]/.test(name.charAt(rest.length)) && name.slice(rest.length + 1).toLowerCase() === locale.toLowerCase() && originals.has(id)) return { id, locale };
	}
	return null;
}

/** What a folder's reader needs to know a translation saved under a name of its own. */
export interface TranslationNaming {
	/** The curriculum's locales other than the first, the originals' language. */
	locales: readonly string[];
	/** The fields a translation of this kind may have (the keys of its schema). */
	fields: ReadonlySet<string>;
}

/** The id a file name gives: the name without its folder and its extension. */
export function idOf(path: string): string {
	const name = path.split(sep).pop() ?? path;
	return name.replace(/\.[^.]+$/, '');
}

/**
 * The files of one folder of a kind of content, in order, reporting any whose extension or name the
 * build would not take. With `translations`, a translation named `<id>_<locale>` or `<id>-<locale>`
 * beside its original is reported with its right name, `<id>.<locale>`: the first is no id at all,
 * and the second would make the translation a module (or track, or update) of its own.
 */
export function listFiles(
	folder: string,
	findings: Finding[],
	rel: (path: string) => string,
	extensions: string[],
	kind: string,
	translations?: TranslationNaming
): string[] {
	if (!existsSync(folder)) return [];
	const names = readdirSync(folder).sort();
	const extensionOf = (name: string) => name.slice(name.lastIndexOf('.'));
	// The originals here, by id, which a misnamed translation's name starts with.
	const originals = new Set(
		names
			.filter((name) => extensions.includes(extensionOf(name)))
			.map((name) => name.slice(0, -extensionOf(name).length))
			.filter((base) => ID_PATTERN.test(base))
	);
	const files: string[] = [];
	for (const name of names) {
		const path = join(folder, name);
		const entry = lstatSync(path);
		if (!entry.isFile() || name.startsWith('.')) continue;
		const extension = name.slice(name.lastIndexOf('.'));
		// Images may sit next to the pages that show them; the content-file check verifies their bytes.
		if (isImageName(name)) continue;
		if (!extensions.includes(extension)) {
			findings.push(
				finding({
					rule: 'unexpected-file',
					file: rel(path),
					message: `${kind}/ holds only ${extensions.join(' or ')} files, so "${name}" would be ignored.`,
					fix: `Rename it to end in ${extensions[0]}, or move it out of ${kind}/.`,
				})
			);
			continue;
		}
		const base = name.slice(0, -extension.length);
		// A translation is named <id>.<locale>; the locale is checked against the config later.
		const translated = translationName(base);
		const misnamed = translated || !translations ? null : misnamedTranslation(base, originals, translations.locales);
		// "<id>-fi" is a valid id too: it is taken for a translation only when it holds nothing else.
		if (misnamed && (!ID_PATTERN.test(base) || holdsOnly(path, extension, translations!.fields))) {
			const meant = `${misnamed.id}.${misnamed.locale}${extension}`;
			findings.push(
				finding({
					rule: 'invalid-id',
					file: rel(path),
					message: ID_PATTERN.test(base)
						? `"${name}" holds a translation of ${kind}/${misnamed.id}${extension} into "${misnamed.locale}", but its name makes it a ${kind.replace(/s$/, '')} of its own, "${base}".`
						: `The file name "${name}" does not make a valid id; it looks like a translation of ${kind}/${misnamed.id}${extension} into "${misnamed.locale}".`,
					fix: names.includes(meant)
						? `${kind}/${meant} already exists: keep the translation you mean to publish as ${meant}, and delete the other.`
						: `Rename the file to ${meant}: a translation's name puts a dot before its locale.`,
				})
			);
			continue;
		}
		const id = translated?.id ?? base;
		if (kind !== 'archive' && !ID_PATTERN.test(id)) {
			// A translation keeps its locale, so that the new name does not take its original's.
			const [locale] = translated ? meantLocales(translated.locale, translations?.locales ?? []) : [];
			findings.push(
				finding({
					rule: 'invalid-id',
					file: rel(path),
					message: `The file name "${name}" does not make a valid id: ids are lower-case words joined by hyphens.`,
					fix: renameTo(slugify(id), kind, `${translated ? `.${locale ?? translated.locale}` : ''}${extension}`),
				})
			);
			continue;
		}
		files.push(path);
	}
	return files;
}

/**
 * The fix for a file name that makes no valid id: the name made valid, or, where nothing of it is left
 * to keep (a name in another script, or an update's name with only its date), what to write instead.
 */
function renameTo(valid: string, kind: string, ending: string): string {
	const words = 'a few words in lower-case Latin letters (a to z) and digits, joined by hyphens';
	const date = /^\d{4}-\d{2}-\d{2}$/.exec(valid)?.[0];
	if (kind === 'updates' && date) {
		return `Rename the file to ${date}-<words>${ending}, putting after the date ${words}, that say what changed, as in ${date}-new-limits${ending}: the date alone is no name.`;
	}
	if (valid === '') return `Rename the file with ${words}, as in ${kind === 'updates' ? 'YYYY-MM-DD-new-limits' : 'first-steps'}${ending}: the name becomes the address, and its letters must be Latin.`;
	return `Rename the file to ${valid}${ending}.`;
}

/** Whether a file's frontmatter (a YAML file's whole text) has fields, and only ones of `fields`. */
export function holdsOnly(path: string, extension: string, fields: ReadonlySet<string>): boolean {
	const source = readFileSync(path, 'utf8');
	const yaml = extension === '.md' || extension === '.mdx' ? splitFrontmatter(source).frontmatter : source;
	const data = yaml === null ? null : parseYaml(yaml, path).parsed?.data;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
	const keys = Object.keys(data);
	return keys.length > 0 && keys.every((key) => fields.has(key));
}

/** Every file under a folder, at any depth, in order. */
export function walk(folder: string): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.map((name) => join(folder, name))
		// Symbolic links are never followed; the content-file check reports them.
		.filter((path) => lstatSync(path).isFile())
		.sort();
}

/** A text as an id or a part of an address: accents dropped, lower-case letters and digits joined by hyphens. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Reads a YAML file and validates it, or returns null after recording why it could not. */
export function loadYaml<T>(
	path: string,
	file: string,
	schema: import('zod').ZodType<T>,
	what: string,
	findings: Finding[],
	sources: SourceDocument[],
	{
		readByBuild = false,
		keepFailed = false,
		reader = plainReader,
	}: {
		/** Whether Astro reads the file too (as a data collection), so that both readers must agree. */
		readByBuild?: boolean;
		/** Whether to keep the YAML as read when it fails its schema (`SourceDocument.failedSchema`), for the rules that still read it. */
		keepFailed?: boolean;
		reader?: YamlReader;
	} = {}
): { data: T; parsed: ParsedYaml } | null {
	const source = readFileSync(path, 'utf8');
	const document: SourceDocument = { file, path, source };
	sources.push(document);
	const { parsed, findings: syntax } = reader.parse(source, file);
	findings.push(...syntax);
	if (!parsed) return null;
	const result = validate(schema, parsed, file, what);
	findings.push(...result.findings);
	if (result.data === null && keepFailed) document.failedSchema = parsed;
	if (result.data !== null && readByBuild) findings.push(...reader.agree(source, parsed, schema, file));
	return result.data === null ? null : { data: result.data, parsed };
}

/** Reads a Markdown or MDX file and validates its frontmatter, or returns null after recording why it could not. */
export function loadDocument<T>(
	path: string,
	file: string,
	schema: import('zod').ZodType<T>,
	what: string,
	findings: Finding[],
	documents: SourceDocument[],
	{
		rules,
		allowed,
		keepFailed = allowed !== undefined,
		reader = plainReader,
	}: {
		/** Rules across fields, run on the raw data when a field fails (`validate`). */
		rules?: (raw: unknown) => import('zod').core.$ZodIssue[];
		/** Values the config allows for some fields, named in the fix when such a field is missing. */
		allowed?: AllowedValues;
		/** Whether to keep the YAML as read when it fails its schema (`SourceDocument.failedSchema`); by default, where the config's values are known. */
		keepFailed?: boolean;
		reader?: YamlReader;
	} = {}
): DocumentEntry<T> | null {
	const source = readFileSync(path, 'utf8');
	const document: SourceDocument = { file, path, source };
	documents.push(document);
	const split = splitFrontmatter(source);
	if (split.frontmatter === null) {
		// A file that opens its frontmatter but never closes it as every reader does: said where it was
		// meant to close, as the content check says it (checkCurriculum keeps one of the two).
		if (split.fenceProblems.length > 0) {
			const at = createLocator(source);
			for (const problem of split.fenceProblems) findings.push(finding({ rule: 'frontmatter-fence', file, ...at.point(problem.offset), message: problem.message, fix: problem.fix }));
			return null;
		}
		findings.push(
			finding({
				rule: 'missing-frontmatter',
				file,
				line: 1,
				column: 1,
				message: 'The file does not start with YAML frontmatter between two `---` lines.',
				fix: 'Start the file with `---`, the fields, and `---`; `npm run new` writes a valid file to copy from.',
			})
		);
		return null;
	}
	const { parsed, findings: syntax } = reader.parse(split.frontmatter, file, 1);
	findings.push(...syntax);
	if (!parsed) return null;
	const result = validate(schema, parsed, file, what, rules, allowed);
	findings.push(...result.findings);
	if (result.data === null) {
		if (keepFailed) document.failedSchema = parsed;
		return null;
	}
	// Astro reads the same frontmatter with its own YAML reader; both must see the same data.
	findings.push(...reader.agree(split.frontmatter, parsed, schema, file));
	return { id: idOf(path), file, data: result.data, parsed, source, body: split.body, bodyLine: split.bodyLine };
}
