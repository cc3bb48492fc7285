import { relative, sep } from 'node:path';
import type { ParsedYaml } from '../curriculum/frontmatter.ts';
import { idOf, translationName } from '../curriculum/files.ts';
import { LAYOUT, type Curriculum } from '../curriculum/load.ts';
import { semver } from '../curriculum/schema/common.ts';
import { readChangelogEntry, readQuestion, type ReadQuestion } from '../curriculum/schema/module.ts';
import { readable, schemaFailedDocuments } from './schema-failed.ts';

/*
 * Translations and their originals as the translation rules read them, whether their frontmatter
 * passed its schema or not. A translation's locale and original are read from its file name, which
 * no slip in its frontmatter changes; a field of one that failed is read where it parses on its own
 * and is undefined where it does not, for the schema has reported it (schema-failed.ts).
 */

export type TranslatedKind = 'module' | 'track' | 'update';

export interface TranslationView {
	kind: TranslatedKind;
	/** The id of the original it translates, from its file name. */
	id: string;
	locale: string;
	file: string;
	/** Its frontmatter (a track's whole YAML) as read; undefined when that is no YAML the check reads. */
	parsed: ParsedYaml | undefined;
	/** Where the body of a module's or an update's translation starts. */
	bodyLine: number | undefined;
	/** What a module's translation says of its original; undefined for a track's or an update's. */
	module: ModuleParts | undefined;
}

/** The parts of a module or its translation that the translation rules compare. */
export interface ModuleParts {
	/** A translation's `translates:`, an original's `version:`. */
	version: string | undefined;
	/** How many learning outcomes it lists; undefined where that is no list of any. */
	outcomes: number | undefined;
	/** Its knowledge check, each question as far as it can be read; undefined when `quiz` is no list. */
	quiz: readonly ReadQuestion[] | undefined;
}

/** An original module: its parts, and the versions its changelog names, each undefined where it cannot be read. */
export interface OriginalModule extends ModuleParts {
	changelog: readonly (string | undefined)[] | undefined;
}

/** Every translation of a module, track or update: those that loaded, and those whose schema failed. */
export function translationViews(curriculum: Curriculum): TranslationView[] {
	const loaded: TranslationView[] = curriculum.translations.map((translation) => ({
		kind: translation.kind,
		id: translation.id,
		locale: translation.locale,
		file: translation.file,
		parsed: translation.parsed,
		bodyLine: 'bodyLine' in translation ? translation.bodyLine : undefined,
		module: translation.kind === 'module' ? { version: translation.data.translates, outcomes: translation.data.outcomes.length, quiz: translation.data.quiz } : undefined,
	}));
	const documents = schemaFailedDocuments(curriculum).flatMap(({ kind, id, locale, file, parsed, bodyLine, fields }): TranslationView[] =>
		locale === undefined || kind === 'archive' ? [] : [{ kind, id, locale, file, parsed, bodyLine, module: kind === 'module' && parsed ? moduleParts(fields.translates, fields) : undefined }]
	);
	const read = new Set(curriculum.translations.map((translation) => translation.file));
	const tracks = curriculum.yamlFiles.flatMap((source): TranslationView[] => {
		const named = kindAndName(curriculum, source.path);
		const translated = named?.kind === 'track' ? translationName(named.name) : null;
		if (!translated || read.has(source.file)) return [];
		return [{ kind: 'track', id: translated.id, locale: translated.locale, file: source.file, parsed: source.failedSchema, bodyLine: undefined, module: undefined }];
	});
	return [...loaded, ...documents, ...tracks];
}

/**
 * The files of the originals, by kind and id, whether their frontmatter passed its schema or not: a
 * translation of one that failed is no orphan, and the original's own findings say what to correct.
 */
export function originalFiles(curriculum: Curriculum): Record<TranslatedKind, Map<string, string>> {
	const files: Record<TranslatedKind, Map<string, string>> = { module: new Map(), track: new Map(), update: new Map() };
	for (const source of [...curriculum.documents, ...curriculum.yamlFiles]) {
		const named = kindAndName(curriculum, source.path);
		if (named && translationName(named.name) === null) files[named.kind].set(named.name, source.file);
	}
	return files;
}

/** The original modules by id, those whose schema failed too, as far as their frontmatter can be read. */
export function originalModules(curriculum: Curriculum): Map<string, OriginalModule> {
	const modules = new Map<string, OriginalModule>(
		curriculum.modules.map(({ id, data }) => [id, { version: data.version, changelog: data.changelog.map((entry) => entry.version), outcomes: data.outcomes.length, quiz: data.quiz }])
	);
	for (const { kind, locale, id, parsed, fields } of schemaFailedDocuments(curriculum)) {
		if (kind !== 'module' || locale !== undefined || !parsed) continue;
		const changelog = Array.isArray(fields.changelog) ? fields.changelog.map((entry) => readChangelogEntry(entry).version) : undefined;
		modules.set(id, { ...moduleParts(fields.version, fields), changelog });
	}
	return modules;
}

/**
 * The parts of a module or a translation as its schema reads them: a knowledge check left out is
 * none; an empty list of outcomes is the schema's finding, not a count to compare.
 */
function moduleParts(version: unknown, fields: Record<string, unknown>): ModuleParts {
	const outcomes = Array.isArray(fields.outcomes) && fields.outcomes.length > 0 ? fields.outcomes.length : undefined;
	const quiz = fields.quiz === undefined ? [] : Array.isArray(fields.quiz) ? fields.quiz.map((question) => readQuestion(question)) : undefined;
	return { version: readable(semver, version), outcomes, quiz };
}

/** What kind of original or translation a file of the content is by its folder, with its name (`<id>` or `<id>.<locale>`). */
function kindAndName(curriculum: Curriculum, path: string): { kind: TranslatedKind; name: string } | undefined {
	const inContent = relative(curriculum.dir, path).split(sep).join('/');
	const match = new RegExp(`^(${LAYOUT.modules}|${LAYOUT.tracks}|${LAYOUT.updates})/([^/]+)$`).exec(inContent);
	if (!match) return undefined;
	const extension = { [LAYOUT.modules]: /\.mdx$/, [LAYOUT.tracks]: /\.ya?ml$/, [LAYOUT.updates]: /\.md$/ }[match[1]!]!;
	if (!extension.test(match[2]!)) return undefined;
	const kind = match[1] === LAYOUT.modules ? 'module' : match[1] === LAYOUT.tracks ? 'track' : 'update';
	return { kind, name: idOf(path) };
}
