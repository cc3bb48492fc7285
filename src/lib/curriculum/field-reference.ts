import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import type { z } from 'zod';
import { curriculumConfigSchema } from './schema/config.ts';
import { moduleSchema } from './schema/module.ts';
import { pageSchema } from './schema/page.ts';
import { redirectsSchema } from './schema/redirects.ts';
import { trackSchema } from './schema/track.ts';
import { moduleTranslationSchema, trackTranslationSchema, updateTranslationSchema } from './schema/translation.ts';
import { updateSchema } from './schema/update.ts';

/** The TypeScript parser, loaded only when a reference is read: it is large, and most builds start without it. */
const typescript = (): typeof TypeScript => createRequire(import.meta.url)('typescript') as typeof TypeScript;

/** One field of a content file, as the field reference page lists it. */
export interface FieldDoc {
	/** Where the field sits, such as `changelog[].version`. */
	path: string;
	/** What the field holds, in words: "text", "a list of module ids", "one of: a, b". */
	type: string;
	required: boolean;
	/** The value used when the field is left out, as YAML would show it. */
	default?: string;
	/** The field's documentation comment in the schema, without its tags. */
	description: string;
	example?: string;
}

interface Comment {
	description: string;
	default?: string;
	example?: string;
}

/**
 * The documentation comments of the object literals in the schema files, by their field names, with
 * the name of the field or constant each literal is written under (`owner`).
 */
export type CommentIndex = { keys: ReadonlySet<string>; comments: ReadonlyMap<string, Comment>; owner?: string }[];

/**
 * Reads the documentation comment of every property of every object literal in the given TypeScript
 * files. The schemas are documented where they are defined; this reads those very comments, so
 * the reference cannot say something the schema does not.
 */
export function indexComments(files: readonly string[]): CommentIndex {
	const ts = typescript();
	const index: { keys: Set<string>; comments: Map<string, Comment>; owner?: string }[] = [];
	for (const file of files) {
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const visit = (node: TypeScript.Node): void => {
			if (ts.isObjectLiteralExpression(node)) {
				const owner = ownerOf(ts, node);
				const entry = { keys: new Set<string>(), comments: new Map<string, Comment>(), ...(owner ? { owner } : {}) };
				for (const property of node.properties) {
					if (!ts.isPropertyAssignment(property) || !property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
					entry.keys.add(property.name.text);
					const comment = commentOf(ts, property);
					if (comment) entry.comments.set(property.name.text, comment);
				}
				if (entry.keys.size > 0) index.push(entry);
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return index;
}

/** The name of the field or constant an object literal is written under: `levels` for `levels: z.array(z.strictObject({ … }))`. */
function ownerOf(ts: typeof TypeScript, node: TypeScript.Node): string | undefined {
	for (let current = node.parent; current; current = current.parent) {
		if ((ts.isPropertyAssignment(current) || ts.isVariableDeclaration(current)) && (ts.isIdentifier(current.name) || ts.isStringLiteral(current.name))) return current.name.text;
		if (ts.isObjectLiteralExpression(current)) return undefined;
	}
	return undefined;
}

function commentOf(ts: typeof TypeScript, node: TypeScript.Node): Comment | undefined {
	const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	const doc = docs.at(-1);
	if (!doc) return undefined;
	const text = (value: string | TypeScript.NodeArray<TypeScript.JSDocComment> | undefined) => (typeof value === 'string' ? value : (value?.map((part) => part.text).join('') ?? '')).trim();
	const tag = (name: string) => doc.tags?.find((t) => t.tagName.text === name);
	const defaultTag = tag('default');
	const exampleTag = tag('example');
	return {
		description: text(doc.comment).replace(/\s+/g, ' '),
		...(defaultTag ? { default: text(defaultTag.comment) } : {}),
		...(exampleTag ? { example: text(exampleTag.comment) } : {}),
	};
}

type Def = {
	type: string;
	innerType?: z.core.$ZodType;
	in?: z.core.$ZodType;
	element?: z.core.$ZodType;
	options?: z.core.$ZodType[];
	shape?: Record<string, z.core.$ZodType>;
	entries?: Record<string, string>;
	values?: unknown[];
	defaultValue?: unknown;
};

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** Every field of a schema, nested fields included, with the comments the index holds for them. */
export function fieldReference(schema: z.core.$ZodType, comments: CommentIndex): FieldDoc[] {
	const fields: FieldDoc[] = [];
	const walkObject = (object: z.core.$ZodType, prefix: string, owner?: string) => {
		const shape = defOf(object).shape ?? {};
		const keys = Object.keys(shape);
		// The object literal that defined this shape is the one with exactly its field names (of two
		// such, the one written under this field's name: a platform's and a level's \`id\` and \`name\`),
		// or, for a shape with fields added by spreading, the literal of its documented fields.
		const exact = comments.filter((entry) => entry.keys.size === keys.length && keys.every((key) => entry.keys.has(key)));
		const literal =
			exact.find((entry) => owner !== undefined && entry.owner === owner) ??
			exact[0] ??
			comments
				.filter((entry) => [...entry.keys].every((key) => keys.includes(key)))
				.sort((a, b) => b.comments.size - a.comments.size)[0];
		for (const key of keys) {
			const field = shape[key]!;
			// A field that may never be set (a page's Starlight fields) is refused, not documented.
			if (defOf(unwrap(field)).type === 'custom') continue;
			const path = `${prefix}${key}`;
			const comment = literal?.comments.get(key);
			const { required, defaultValue } = presence(field);
			fields.push({
				path,
				type: describeType(field),
				required,
				...(comment?.default ? { default: comment.default } : defaultValue !== undefined ? { default: JSON.stringify(defaultValue) } : {}),
				description: comment?.description ?? '',
				...(comment?.example ? { example: comment.example } : {}),
			});
			const nested = objectWithin(field);
			if (nested) walkObject(nested.object, `${path}${nested.list ? '[]' : ''}.`, key);
		}
	};
	const root = objectWithin(schema);
	if (root) walkObject(root.object, root.list ? '[].' : '');
	return fields;
}

/** Whether a field must be written, and the default used when it is not. */
function presence(schema: z.core.$ZodType): { required: boolean; defaultValue?: unknown } {
	let current: z.core.$ZodType | undefined = schema;
	while (current) {
		const def = defOf(current);
		if (def.type === 'default' || def.type === 'prefault') {
			const value = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
			return { required: false, defaultValue: value };
		}
		if (def.type === 'optional' || def.type === 'nullable') return { required: false };
		current = def.type === 'pipe' ? def.in : def.innerType;
	}
	return { required: true };
}

/** The object a field holds, directly or as the items of a list. */
function objectWithin(schema: z.core.$ZodType): { object: z.core.$ZodType; list: boolean } | undefined {
	const core = unwrap(schema);
	const def = defOf(core);
	if (def.type === 'object') return { object: core, list: false };
	if (def.type === 'array' && def.element) {
		const item = unwrap(def.element);
		if (defOf(item).type === 'object') return { object: item, list: true };
		// A list of either a name or an object with a name, such as contributors.
		const objects = (defOf(item).options ?? []).map(unwrap).filter((option) => defOf(option).type === 'object');
		if (objects.length === 1) return { object: objects[0]!, list: true };
	}
	return undefined;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
	let current = schema;
	for (let i = 0; i < 10; i++) {
		const def = defOf(current);
		const next = def.type === 'pipe' ? def.in : def.innerType;
		if (!next) break;
		current = next;
	}
	return current;
}

function describeType(schema: z.core.$ZodType): string {
	const core = unwrap(schema);
	const def = defOf(core);
	switch (def.type) {
		case 'string':
			return 'text';
		case 'number':
			return 'number';
		case 'boolean':
			return 'true or false';
		case 'date':
			return 'date';
		case 'enum':
			return `one of: ${Object.values(def.entries ?? {}).join(', ')}`;
		case 'literal':
			return `exactly ${(def.values ?? []).map((value) => JSON.stringify(value)).join(' or ')}`;
		case 'array':
			return `a list of ${plural(describeType(def.element!))}`;
		case 'object':
			return 'fields (below)';
		case 'union': {
			const options = (def.options ?? []).map(describeType);
			// A date may be written as a YAML date or as text; both mean YYYY-MM-DD.
			if (options.includes('date') && options.includes('text')) return 'date (YYYY-MM-DD)';
			return [...new Set(options)].join(', or ');
		}
		default:
			return def.type;
	}
}

function plural(type: string): string {
	if (type.includes(', or ')) return `items, each ${type}`;
	if (type === 'text') return 'texts';
	if (type === 'fields (below)') return 'entries with fields (below)';
	if (type.startsWith('one of')) return `values, each ${type}`;
	return type.endsWith('s') ? type : `${type}s`;
}

/** The schema of each kind of content file, by the id of its section in the reference. */
export const CONTENT_SCHEMAS = {
	config: curriculumConfigSchema,
	module: moduleSchema,
	track: trackSchema,
	update: updateSchema,
	page: pageSchema,
	redirects: redirectsSchema,
	'module-translation': moduleTranslationSchema,
	'track-translation': trackTranslationSchema,
	'update-translation': updateTranslationSchema,
};

/** One kind of content file and its fields. */
export interface FileReference {
	/** An anchor for the section, such as `module`. */
	id: string;
	title: string;
	/** Where the file lives in the content folder. */
	file: string;
	fields: FieldDoc[];
}

/**
 * The reference of every kind of content file, read from the schemas and their comments in
 * `schemaDir` (the `schema/` folder next to this file).
 */
export function curriculumFieldReference(schemaDir: string, schemas: Readonly<Record<keyof typeof CONTENT_SCHEMAS, z.core.$ZodType>> = CONTENT_SCHEMAS): FileReference[] {
	const files = ['common.ts', 'config.ts', 'module.ts', 'track.ts', 'update.ts', 'page.ts', 'redirects.ts', 'translation.ts'].map((name) => `${schemaDir.replace(/\/$/, '')}/${name}`);
	const comments = indexComments(files);
	const section = (id: keyof typeof schemas, title: string, file: string): FileReference => ({ id, title, file, fields: fieldReference(schemas[id], comments) });
	return [
		section('module', 'Module frontmatter', 'modules/<id>.mdx, between the --- lines at the top'),
		section('track', 'Track', 'tracks/<id>.yaml'),
		section('update', 'Platform update frontmatter', 'updates/<YYYY-MM-DD>-<id>.md'),
		section('page', 'Free page frontmatter', 'pages/<name>.mdx'),
		section('redirects', 'Redirects', 'redirects.yaml, one entry per renamed or removed module'),
		section('config', 'Curriculum config', 'curriculum.yaml'),
		section('module-translation', "Module translation frontmatter", 'modules/<id>.<locale>.mdx, such as modules/<id>.fi.mdx, beside the original'),
		section('track-translation', 'Track translation', 'tracks/<id>.<locale>.yaml'),
		section('update-translation', 'Platform update translation frontmatter', 'updates/<YYYY-MM-DD>-<id>.<locale>.md'),
	];
}
