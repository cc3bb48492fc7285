import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { finding, type Finding } from '../check/findings.ts';
import { splitLikeCompiler, type FenceProblem } from '../safety/frontmatter-fence.ts';
import { checkYamlSubset } from '../safety/yaml-subset.ts';
import { describeYamlError, plainValueSlips } from './yaml-messages.ts';
import { editDistance } from './edit-distance.ts';
import { EMPTY_TEXT } from './schema/common.ts';
import { numberVersionFix, threeParts } from './version-fix.ts';

/** A parsed YAML document with what is needed to point at the line of any field. */
export interface ParsedYaml {
	data: unknown;
	doc: Document;
	lines: LineCounter;
	/** Lines before the YAML starts in the file (1 for frontmatter, after the opening `---`). */
	lineOffset: number;
}

export interface SplitSource {
	/** The YAML between the `---` fences, or null when the file has none. */
	frontmatter: string | null;
	body: string;
	/** 1-based line at which the body starts. */
	bodyLine: number;
	/** How the fences differ from the one form every reader agrees on, as the content check reports it. */
	fenceProblems: FenceProblem[];
}

/**
 * Splits a Markdown or MDX file into its YAML frontmatter and body where the compiler splits it (see
 * `splitLikeCompiler`); the content check refuses every fence the readers could split differently.
 */
export function splitFrontmatter(source: string): SplitSource {
	const fenced = splitLikeCompiler(source);
	const fenceProblems = fenced.problems;
	if (fenced.frontmatter === null) return { frontmatter: null, body: source, bodyLine: 1, fenceProblems };
	// Astro's YAML starts with the rest of the opening `---` line; line numbers count from the next one.
	return { frontmatter: fenced.frontmatter.replace(/^[^\n]*\n/, ''), body: fenced.body, bodyLine: fenced.bodyLine, fenceProblems };
}

/** Parses YAML and reports syntax errors as findings with their line and column. */
export function parseYaml(
	text: string,
	file: string,
	lineOffset = 0
): { parsed: ParsedYaml | null; findings: Finding[] } {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
	// Later syntax errors are usually knock-on effects of the first, so report that one only.
	const findings = doc.errors.slice(0, 1).map((error) => {
		const plain = describeYamlError(error, text, (offset) => lines.linePos(offset));
		return finding({ rule: 'yaml-syntax', file, line: plain.line + lineOffset, column: plain.column, message: plain.message, fix: plain.fix });
	});
	// Only plain data: the build reads the same text with another YAML library, which must not
	// understand it differently. A second document is refused here rather than as a syntax error.
	const subset = checkYamlSubset(doc, lines, file, lineOffset);
	if (subset.some((f) => f.message.startsWith('The YAML holds more than one document'))) return { parsed: null, findings: subset };
	if (findings.length > 0) return { parsed: null, findings };
	// Aliases can repeat a value until memory runs out; a file with any is refused, so not expanded.
	if (subset.some((f) => /alias|anchor/.test(f.message))) return { parsed: null, findings: subset };
	const slips = plainValueSlips(doc, text, (offset) => lines.linePos(offset)).map((plain) =>
		finding({ rule: 'yaml-syntax', file, line: plain.line + lineOffset, column: plain.column, message: plain.message, fix: plain.fix })
	);
	return { parsed: { data: doc.toJS() ?? null, doc, lines, lineOffset }, findings: [...subset, ...slips] };
}

/** Finds the line and column of a field by its path, falling back to its nearest parent. */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
	for (let depth = path.length; depth >= 0; depth--) {
		const keyPath = path.slice(0, depth);
		const node =
			keyPath.length === 0 ? parsed.doc.contents : parsed.doc.getIn(keyPath as unknown[], true);
		// A missing last key is best shown at its parent's key, so look up the pair, not the value.
		if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
			const pos = parsed.lines.linePos(pairStart(parsed, keyPath) ?? node.range[0]);
			return { line: pos.line + parsed.lineOffset, column: pos.col };
		}
	}
	return { line: parsed.lineOffset, column: 1 };
}

/** The offset of the key of a mapping pair, so that errors point at `title:` rather than its value. */
function pairStart(parsed: ParsedYaml, keyPath: readonly PropertyKey[]): number | undefined {
	if (keyPath.length === 0) return undefined;
	const parent = keyPath.length === 1 ? parsed.doc.contents : parsed.doc.getIn(keyPath.slice(0, -1) as unknown[], true);
	const last = keyPath[keyPath.length - 1];
	if (isMap(parent)) {
		const pair = parent.items.find((item) => (item.key as { value?: unknown })?.value === last);
		const key = pair?.key as { range?: [number, number, number] } | undefined;
		return key?.range?.[0];
	}
	return undefined;
}

/** Formats a zod path for people: `changelog[0].version`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('');
}

/** What an item of each list is called, to say which one a path names counting from 1. */
const ITEM_NAMES: Record<string, string> = {
	quiz: 'question',
	choices: 'choice',
	changelog: 'changelog entry',
	sources: 'source',
	outcomes: 'outcome',
	contributors: 'contributor',
	modules: 'module',
	platforms: 'platform',
	prerequisites: 'prerequisite',
	incorporated: 'entry',
	levels: 'level',
};

/** The items a path passes through, counted from 1 as people count: `quiz[4].choices[1]` is "question 5, choice 2". */
export function positionOf(path: readonly PropertyKey[]): string {
	return path
		.flatMap((key, i) => (typeof key === 'number' ? [`${ITEM_NAMES[String(path[i - 1])] ?? 'item'} ${key + 1}`] : []))
		.join(', ');
}

/**
 * Validates data against a schema and turns every issue into a finding at the field's line. Custom
 * issues may carry `params.rule` and `params.fix`; other issues get rule `schema` and a fix derived
 * from the kind of problem.
 */
export function validate<S extends z.ZodType>(
	schema: S,
	parsed: ParsedYaml,
	file: string,
	what: string,
	/** Rules across fields that zod skips once any field fails; run on the raw data in that case. */
	rules?: (raw: unknown) => z.core.$ZodIssue[],
	/** Values the config allows for some fields, named in the fix when such a field is missing. */
	allowed?: AllowedValues
): { data: z.output<S> | null; findings: Finding[] } {
	const result = schema.safeParse(parsed.data);
	if (result.success) return { data: result.data, findings: [] };
	// When every field parsed, zod already ran the rules; otherwise run them here, once per issue.
	const seen = new Set(result.error.issues.map((issue) => `${issue.path.join('.')}|${issue.message}`));
	const extra = (rules?.(parsed.data) ?? []).filter((issue) => !seen.has(`${issue.path.join('.')}|${issue.message}`));
	const issues = [...result.error.issues, ...extra];
	const findings = issues.flatMap((issue) => issueToFindings(issue, schema, parsed, file, what, allowed));
	// A misspelt field is reported once, as unknown with the right name: not also as the right one missing.
	// Both by their whole path: a source's misspelt `date` stands for `sources[0].accessed`.
	const misspelt = new Set(
		findings.flatMap((f) => {
			const meant = /^Did you mean `([^`]+)`/.exec(f.fix)?.[1];
			const unknown = /^Unknown field `([^`]+)`/.exec(f.message)?.[1];
			if (meant === undefined || unknown === undefined) return [];
			const parent = unknown.includes('.') ? unknown.slice(0, unknown.lastIndexOf('.') + 1) : '';
			return [`${parent}${meant}`];
		})
	);
	const missingName = (f: Finding) => /^The required field `([^`]+)`(?: \([^)]*\))? is missing/.exec(f.message)?.[1];
	return { data: null, findings: findings.filter((f) => !misspelt.has(missingName(f) ?? '')) };
}

/** Allowed values by field name, such as the level ids the curriculum config defines. */
export type AllowedValues = ReadonlyMap<string, readonly string[]>;

function issueToFindings(
	issue: z.core.$ZodIssue,
	schema: z.ZodType,
	parsed: ParsedYaml,
	file: string,
	what: string,
	allowed?: AllowedValues
): Finding[] {
	const field = formatPath(issue.path);
	// Nothing at all between the fences, or an empty file: one finding, not zod's words for a null.
	if (issue.path.length === 0 && (parsed.data === null || parsed.data === undefined)) {
		return [
			finding({
				rule: 'schema',
				file,
				line: 1,
				column: 1,
				message: `${what.charAt(0).toUpperCase()}${what.slice(1)} is empty: it has none of its fields.`,
				fix: `Write its fields, one \`name: value\` a line; the field reference at /contributing/fields/ lists them${what.endsWith('frontmatter') ? ', and `npm run new` writes a module, an update or a translation with every field to fill in' : ''}.`,
			}),
		];
	}
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => {
			const path = [...issue.path, key];
			const known = knownKeysAt(schema, issue.path);
			return finding({
				rule: 'schema',
				file,
				...locate(parsed, path),
				message: `Unknown field \`${formatPath(path)}\` in ${what}.`,
				fix: suggestKey(key, known),
			});
		});
	}
	const params = (issue.code === 'custom' ? issue.params : undefined) as { rule?: string; fix?: string } | undefined;
	const value = valueAt(parsed.data, issue.path);
	const expected = expectedOf(issue);
	const missing = expected !== undefined && value === undefined;
	// A list position in the path is also said as people count, `quiz[4]` is question 5, unless the
	// message is the engine's own words (a custom issue), which say what they mean.
	const position = issue.code === 'custom' ? '' : positionOf(issue.path);
	const named = `\`${field || 'The file'}\`${position ? ` (${position})` : ''}`;
	// Text left empty, or only spaces, which the schema trims away: said in the field's own name.
	const empty = issue.code === 'too_small' && issue.origin === 'string' && issue.message === EMPTY_TEXT;
	const message = missing
		? `The required field ${named} is missing from ${what}.`
		: empty
			? `${named} is empty${typeof value === 'string' && value !== '' ? ': it holds only spaces' : ''}, and readers would see nothing there.`
			: issue.code === 'invalid_type' && field
			? `${named} should be ${article(issue.expected)}, but it is ${described(value)}.`
			: `${named}: ${issue.message}`;
	return [
		finding({
			rule: params?.rule ?? 'schema',
			file,
			...locate(parsed, issue.path),
			message,
			fix: params?.fix ?? fixFor(issue, field, missing, allowed?.get(field), value, parsed.data, knownKeysAt(schema, issue.path), writtenAt(parsed, issue.path)),
		}),
	];
}

/** The value at a path in parsed data, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let current = data;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** The type a field should have, when the issue is about its type: one type, or the types of a union's options. */
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code === 'invalid_type') return issue.expected;
	if (issue.code !== 'invalid_union') return undefined;
	const types = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected as string] : []));
	// A date may be written as a date or as text: it is a date.
	return types.includes('date') ? 'date' : types[0];
}

/** A value as a message describes what a contributor wrote. */
function described(value: unknown): string {
	if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'boolean') return `\`${value}\``;
	if (value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
	return 'a set of nested fields';
}

/** The text of a scalar value as its file writes it (`1.10`, where YAML reads the number 1.1), when the path leads to one. */
function writtenAt(parsed: ParsedYaml, path: readonly PropertyKey[]): string | undefined {
	const node = path.length === 0 ? undefined : parsed.doc.getIn(path as unknown[], true);
	return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** What to write in a required field left out, where its type alone ("a text value") would not say. */
const MISSING_HINTS: Readonly<Record<string, string>> = {
	translates: 'the version of the original you translated, as its `version:` gives it (such as `translates: 1.2.0`)',
	version: 'the version, major, minor and patch (such as `version: 1.0.0`); `npm run release` raises it',
	accessed: 'the day you last read the source and checked it (YYYY-MM-DD)',
	reviewed: 'the day you last checked the whole module against the platforms (YYYY-MM-DD)',
};

function fixFor(issue: z.core.$ZodIssue, field: string, missing: boolean, choices?: readonly string[], value?: unknown, data?: unknown, fields: readonly string[] = [], written?: string): string {
	if (!missing && choices?.length) return `Use one of: ${choices.join(', ')}.`;
	if (missing) {
		const hint = MISSING_HINTS[field.split('.').pop()!];
		return choices?.length ? `Add \`${field}:\` with one of: ${choices.join(', ')}.` : `Add \`${field}:\` with ${hint ?? article(expectedOf(issue)!)}.`;
	}
	switch (issue.code) {
		case 'invalid_type': {
			// "30 minutes" for a number: the number without its unit.
			const leading = issue.expected === 'number' && typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\b/.exec(value)?.[1] : undefined;
			if (leading) return `Write the number alone, without a unit: \`${field}: ${leading}\`.`;
			// 1.3 for a text value: YAML reads it as a number.
			if (issue.expected === 'string' && typeof value === 'number') {
				const name = field.split('.').pop()!;
				// YAML has already read `1.0` as 1 and `1.3` as 1.3: a version is given its three parts.
				if (name === 'version') return numberVersionFix(issue.path, value, written, data);
				// A translation's version of its original, likewise: three parts, as the original's `version:` has them.
				if (name === 'translates') {
					return `Write the version of the original you translated with its three parts, in double quotes: \`translates: "${threeParts(value, written)}"\` (major, minor, patch, as the original's \`version:\` gives it).`;
				}
				return `Put the value in double quotes, so that YAML reads it as text: \`${name}: "${value}"\`.`;
			}
			// Text with ": " in it, which YAML reads as a field and its value (`- Plan: a carousel`).
			const entries = issue.expected === 'string' && value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
			if (entries.length === 1 && ['string', 'number', 'boolean'].includes(typeof entries[0]![1])) {
				const text = `${entries[0]![0]}: ${String(entries[0]![1])}`.replace(/"/g, '\\"');
				const last = issue.path.at(-1);
				return `Put the whole value in double quotes, so that YAML does not read "${entries[0]![0]}:" as the name of a field: \`${typeof last === 'number' ? '- ' : `${String(last)}: `}"${text}"\`.`;
			}
			// Text where a set of fields belongs (a choice written as its words alone).
			if (issue.expected === 'object' && fields.length > 0) {
				return `Write \`${field}\` as its fields, one a line, the first after its "- " and the others indented to line up with it: ${fields.map((name) => `\`${name}:\``).join(', ')}${typeof value === 'string' ? ` (as \`- ${fields[0]}: ${value}\`)` : ''}.`;
			}
			return `Give \`${field}\` ${article(issue.expected)}${issue.expected === 'array' ? ' (a list of "- " items)' : ''}.`;
		}
		case 'too_small':
			return issue.origin === 'array'
				? `List at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'} under \`${field}\`.`
				: issue.origin === 'string'
					? issue.message === EMPTY_TEXT && typeof issue.path.at(-1) === 'string'
						? `Write the text after \`${String(issue.path.at(-1))}:\` on its line, in double quotes if it holds a colon.`
						: `Write a value for \`${field}\`.`
					: `Use a value of at least ${issue.minimum} for \`${field}\`.`;
		case 'too_big':
			return `Use a value of at most ${issue.maximum} for \`${field}\`.`;
		case 'invalid_value':
			return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
		default:
			return `Correct \`${field}\` as the message says.`;
	}
}

function article(expected: string): string {
	const map: Record<string, string> = {
		string: 'a text value',
		number: 'a number',
		boolean: 'true or false',
		array: 'a list',
		object: 'nested fields',
		date: 'a date (YYYY-MM-DD)',
	};
	return map[expected] ?? `a ${expected}`;
}

/** The field names a schema allows at a path, for "did you mean" hints on unknown fields. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	let current: z.core.$ZodType | undefined = unwrap(schema);
	for (const key of path) {
		if (!current) return [];
		const def = current._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
		if (def.type === 'object' && typeof key === 'string') current = unwrap(def.shape?.[key]);
		else if (def.type === 'array') current = unwrap(def.element);
		else return [];
	}
	const def = current?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
	return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
	let current = schema;
	for (let i = 0; current && i < 10; i++) {
		const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else break;
	}
	return current;
}

/**
 * Field names contributors reach for, with what this curriculum calls them: a source's `date` is the
 * day it was read (`accessed`), not the nearest spelling (`note`).
 */
const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
	date: ['accessed', 'reviewed'],
	link: ['url'],
	href: ['url'],
	description: ['summary'],
	tags: ['topics'],
	author: ['contributors'],
	authors: ['contributors'],
	answer: ['correct'],
	answers: ['choices'],
};

function suggestKey(key: string, known: string[]): string {
	// A question's right answer is not named beside its choices: it is the choice marked as correct.
	if (/^(?:(?:correct|right)[-_ ]?)?answer$|^correct$|^solution$/i.test(key) && known.includes('choices') && !known.includes('correct')) {
		return `Remove \`${key}\`: the right answer is marked on its choice. Under \`choices\`, add \`correct: true\` to the right one, on a line of its own indented like its \`text:\`.`;
	}
	const close = FIELD_ALIASES[key.toLowerCase()]?.find((alias) => known.includes(alias)) ?? known.find((candidate) => editDistance(candidate, key) <= 2);
	return close
		? `Did you mean \`${close}\`? Rename the field or remove it.`
		: known.length > 0 && known.length <= 8
			? `Remove \`${key}\`, or rename it to one of the fields allowed here: ${known.map((name) => `\`${name}\``).join(', ')}. The field reference (/contributing/fields/ on the site) says what each means.`
			: `Remove \`${key}\`. The field reference (/contributing/fields/ on the site) lists the fields each file may have.`;
}
