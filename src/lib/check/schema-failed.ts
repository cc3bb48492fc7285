import { relative, sep } from 'node:path';
import type { z } from 'zod';
import { splitFrontmatter, type ParsedYaml } from '../curriculum/frontmatter.ts';
import { translationName } from '../curriculum/files.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { ID_PATTERN } from '../curriculum/schema/common.ts';

/**
 * A module, archived major, update or translation of one whose frontmatter failed its schema, or
 * could not be read as YAML, as far as the rules can still read it. The body is the same whatever the
 * frontmatter holds, and a field that parses on its own is judged as it will be once the others are
 * fixed: so one slip in the frontmatter does not hide the file's other findings until the next run.
 */
export interface FailedDocument {
	/** What the file is; a translation is of this kind too, with its `locale`. */
	kind: 'module' | 'archive' | 'update';
	/** The id its file name gives: for a translation, its original's; for an archive, its module's. */
	id: string;
	/** A translation's locale (`<id>.<locale>.mdx`); undefined for an original. */
	locale?: string;
	/** The major an archive freezes (`archive/<id>/v<major>.mdx`). */
	major?: number;
	file: string;
	body: string;
	bodyLine: number;
	/**
	 * The frontmatter as read, when its YAML could be read (`SourceDocument.failedSchema`); its
	 * positions place each finding. A translation's fields are the translator's, not its original's:
	 * the rules on an original's fields pass over a document with a `locale`.
	 */
	parsed?: ParsedYaml;
	/** The frontmatter's fields as written, when `parsed` holds a set of fields; empty otherwise. */
	fields: Record<string, unknown>;
}

/**
 * Every Markdown or MDX file of the curriculum's modules, archives and updates (and their
 * translations) that the loader read but could not take, because its frontmatter failed its schema
 * or its YAML. A file whose fences no reader agrees on is left out: where its body starts is itself
 * the finding.
 */
export function schemaFailedDocuments(curriculum: Pick<Curriculum, 'dir' | 'documents' | 'modules' | 'archives' | 'updates' | 'translations'>): FailedDocument[] {
	const loaded = new Set([...curriculum.modules, ...curriculum.archives, ...curriculum.updates, ...curriculum.translations].map((entry) => entry.file));
	return curriculum.documents.flatMap((document): FailedDocument[] => {
		if (loaded.has(document.file)) return [];
		const path = relative(curriculum.dir, document.path).split(sep).join('/');
		const archive = /^archive\/([^/]+)\/v([1-9]\d*)\.mdx$/.exec(path);
		const original = /^(modules|updates)\/([^/]+)\.mdx?$/.exec(path);
		if (!archive && !original) return [];
		const { frontmatter, body, bodyLine } = splitFrontmatter(document.source);
		if (frontmatter === null) return [];
		const raw = document.failedSchema?.data;
		const fields = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
		const common = { file: document.file, body, bodyLine, fields, ...(document.failedSchema ? { parsed: document.failedSchema } : {}) };
		if (archive) return [{ kind: 'archive', id: archive[1]!, major: Number(archive[2]), ...common }];
		const kind = original![1] === 'modules' ? 'module' : 'update';
		const name = original![2]!;
		const translated = translationName(name);
		return [translated ? { kind, id: translated.id, locale: translated.locale, ...common } : { kind, id: name, ...common }];
	});
}

/** A value as its schema reads it, or undefined when the schema refuses it: the schema has said why, at its line. */
export function readable<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
	const result = schema.safeParse(value);
	return result.success ? result.data : undefined;
}

/**
 * The entries of a list of ids as written, at their places: an entry that is not an id's text is
 * undefined, for the schema has reported it; a value that is no list is empty.
 */
export function idsIn(value: unknown): (string | undefined)[] {
	return Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' && ID_PATTERN.test(entry) ? entry : undefined)) : [];
}

/** An entry of a list of sets of fields, as written; undefined when it is no set of fields. */
export function fieldsOf(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
