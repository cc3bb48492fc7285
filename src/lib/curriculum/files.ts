/**
 * The files of a content folder, one at a time: which files a folder holds, the id and locale a file
 * name gives, and what one YAML file or one document's frontmatter says once validated. Each reader
 * records what is wrong with a file as findings and carries on, so that one bad file does not hide
 * the problems of the others.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { splitFrontmatter, validate, type AllowedValues, type ParsedYaml } from './frontmatter.ts';
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

/** The id a file name gives: the name without its folder and its extension. */
export function idOf(path: string): string {
	const name = path.split(sep).pop() ?? path;
	return name.replace(/\.[^.]+$/, '');
}

/** The files of one folder of a kind of content, in order, reporting any whose extension or name the build would not take. */
export function listFiles(
	folder: string,
	findings: Finding[],
	rel: (path: string) => string,
	extensions: string[],
	kind: string
): string[] {
	if (!existsSync(folder)) return [];
	const files: string[] = [];
	for (const name of readdirSync(folder).sort()) {
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
		const id = translationName(base)?.id ?? base;
		if (kind !== 'archive' && !ID_PATTERN.test(id)) {
			findings.push(
				finding({
					rule: 'invalid-id',
					file: rel(path),
					message: `The file name "${name}" does not make a valid id: ids are lower-case words joined by hyphens.`,
					fix: `Rename the file to ${slugify(id)}${extension}.`,
				})
			);
			continue;
		}
		files.push(path);
	}
	return files;
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
		reader = plainReader,
	}: {
		/** Whether Astro reads the file too (as a data collection), so that both readers must agree. */
		readByBuild?: boolean;
		reader?: YamlReader;
	} = {}
): { data: T; parsed: ParsedYaml } | null {
	const source = readFileSync(path, 'utf8');
	sources.push({ file, path, source });
	const { parsed, findings: syntax } = reader.parse(source, file);
	findings.push(...syntax);
	if (!parsed) return null;
	const result = validate(schema, parsed, file, what);
	findings.push(...result.findings);
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
		reader = plainReader,
	}: {
		/** Rules across fields, run on the raw data when a field fails (`validate`). */
		rules?: (raw: unknown) => import('zod').core.$ZodIssue[];
		/** Values the config allows for some fields, named in the fix when such a field is missing. */
		allowed?: AllowedValues;
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
		if (allowed) document.failedSchema = parsed;
		return null;
	}
	// Astro reads the same frontmatter with its own YAML reader; both must see the same data.
	findings.push(...reader.agree(split.frontmatter, parsed, schema, file));
	return { id: idOf(path), file, data: result.data, parsed, source, body: split.body, bodyLine: split.bodyLine };
}
