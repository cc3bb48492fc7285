import { load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { finding, type Finding } from '../check/findings.ts';
import { formatPath, locate, valueAt, type ParsedYaml } from './frontmatter.ts';

/**
 * The check reads YAML with the `yaml` package; Astro reads frontmatter and data files with
 * `js-yaml`. The content rules keep YAML to plain data, on which the two agree, but a file is only
 * trusted when they are seen to agree: the build's reader reads the same text, the two results must
 * be the same data, and the build's data must pass the same schema. Otherwise a field could hide
 * from the check (in what one reader takes for a comment) or a file could pass the check and stop
 * the build (a title the build reads as a date).
 */
export function checkReaderAgreement(text: string, parsed: ParsedYaml, schema: z.ZodType, file: string): Finding[] {
	let theirs: unknown;
	try {
		theirs = load(text);
	} catch (error) {
		const mark = error instanceof YAMLException ? error.mark : undefined;
		return [
			finding({
				rule: 'yaml-subset',
				file,
				line: (mark?.line ?? 0) + 1 + parsed.lineOffset,
				column: (mark?.column ?? 0) + 1,
				message: `The site builder's YAML reader cannot read this file: ${error instanceof YAMLException ? error.reason : String(error)}.`,
				fix: 'Write the YAML as plain fields, lists and quoted text, as in a file that builds; the check and the build must read it the same way.',
			}),
		];
	}
	const difference = firstDifference(normalise(parsed.data), normalise(theirs), []);
	if (difference) {
		return [
			finding({
				rule: 'yaml-subset',
				file,
				...locate(parsed, difference.path),
				message: `The check and the site builder read ${difference.path.length > 0 ? `\`${formatPath(difference.path)}\`` : 'this file'} differently: ${difference.what}.`,
				fix: 'Put text values in double quotes, and save the file with ordinary line endings (LF or CRLF), so both readers see the same fields.',
			}),
		];
	}
	const built = schema.safeParse(theirs);
	if (built.success) return [];
	return built.error.issues.map((issue) =>
		finding({
			rule: 'yaml-subset',
			file,
			...locate(parsed, issue.path),
			message: `The site builder reads \`${formatPath(issue.path)}\` as ${describe(valueAt(theirs, issue.path))}, not as the text the check reads, and would stop on it.`,
			fix: `Put the value of \`${formatPath(issue.path)}\` in double quotes.`,
		})
	);
}

/** Dates become `YYYY-MM-DD` text, as the schemas treat them; everything else stays as read. */
function normalise(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace(/T00:00:00\.000Z$/, '');
	if (Array.isArray(value)) return value.map(normalise);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]));
	return value;
}

function firstDifference(ours: unknown, theirs: unknown, path: PropertyKey[]): { path: PropertyKey[]; what: string } | null {
	if (Object.is(ours, theirs)) return null;
	const oursObject = ours !== null && typeof ours === 'object';
	const theirsObject = theirs !== null && typeof theirs === 'object';
	if (oursObject && theirsObject && Array.isArray(ours) === Array.isArray(theirs)) {
		const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
		for (const key of keys) {
			const step = Array.isArray(ours) ? Number(key) : key;
			if (!(key in ours)) return { path: [...path, step], what: `only the site builder sees the field \`${key}\`` };
			if (!(key in theirs)) return { path: [...path, step], what: `only the check sees the field \`${key}\`` };
			const inner = firstDifference((ours as Record<string, unknown>)[key], (theirs as Record<string, unknown>)[key], [...path, step]);
			if (inner) return inner;
		}
		return null;
	}
	return { path, what: `the check reads ${describe(ours)}, the site builder ${describe(theirs)}` };
}

function describe(value: unknown): string {
	if (value instanceof Date) return `the date ${Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10)}`;
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'boolean') return `${value}`;
	if (value === null || value === undefined) return 'nothing';
	return Array.isArray(value) ? 'a list' : 'a set of fields';
}
