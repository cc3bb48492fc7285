/**
 * Reading YAML with what an earlier build found in the same text kept. Reading every file's YAML with
 * the `yaml` package (for the line of each field) and again with Astro's own reader (to see that the
 * two agree) was most of a warm build's content check: about 0.8 s of 2 s at 1,000 modules, for files
 * that had not changed since the last build. What a read finds depends only on the text, where it
 * starts in its file, the file's name (in messages, and which schema Astro reads it with) and the
 * engine's code, so a build keeps it (`keepYamlMemo`) under a key of the first three, in a file that
 * names the engine it was made by; a file made by other code is not read.
 *
 * A read taken from the memo gives the data at once and parses the text again only when something
 * asks where a field is (`locate`), which a finding about that file does.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { z } from 'zod';
import { writeWhole } from '../cache/files.ts';
import type { Finding } from '../check/findings.ts';
import { parseYaml, type ParsedYaml } from './frontmatter.ts';
import { checkReaderAgreement } from './reader-agreement.ts';

/** What one read of a YAML text found: its data when it could be read, its findings, and whether Astro's reader agrees. */
interface KeptRead {
	readable: boolean;
	data: unknown;
	findings: Finding[];
	agreement?: Finding[];
}

/** Reads, by a key of the text, where it starts and the file's name. */
export type YamlMemo = Map<string, KeptRead>;

/** Reads YAML as `parseYaml` and `checkReaderAgreement` do, taking what the memo kept of the same text. */
export interface YamlReader {
	parse(text: string, file: string, lineOffset?: number): { parsed: ParsedYaml | null; findings: Finding[] };
	/** `checkReaderAgreement` for a text this reader parsed. */
	agree(text: string, parsed: ParsedYaml, schema: z.ZodType, file: string): Finding[];
}

/** A reader that keeps nothing: every text is read. */
export const plainReader: YamlReader = {
	parse: (text, file, lineOffset) => parseYaml(text, file, lineOffset),
	agree: checkReaderAgreement,
};

/**
 * A reader that takes from `memo` what earlier reads found, and adds what it reads. Only the texts it
 * was asked for stay in the memo (`used`), so that the memo does not grow with every edit.
 */
export function memoReader(memo: YamlMemo): YamlReader & { used: YamlMemo } {
	const used: YamlMemo = new Map();
	const keys = new WeakMap<ParsedYaml, string>();
	return {
		used,
		parse(text, file, lineOffset = 0) {
			const key = memoKey(text, file, lineOffset);
			let kept = memo.get(key);
			if (!kept) {
				const read = parseYaml(text, file, lineOffset);
				kept = { readable: read.parsed !== null, data: read.parsed === null ? null : deepFreeze(read.parsed.data), findings: read.findings };
			}
			used.set(key, kept);
			const parsed = kept.readable ? keptParsed(text, file, lineOffset, kept.data) : null;
			if (parsed) keys.set(parsed, key);
			// Copies, since a caller may edit a finding (an archive's fix is rewritten).
			return { parsed, findings: kept.findings.map((found) => ({ ...found })) };
		},
		agree(text, parsed, schema, file) {
			const kept = used.get(keys.get(parsed) ?? '');
			if (!kept) return checkReaderAgreement(text, parsed, schema, file);
			kept.agreement ??= checkReaderAgreement(text, parsed, schema, file);
			return kept.agreement.map((found) => ({ ...found }));
		},
	};
}

function memoKey(text: string, file: string, lineOffset: number): string {
	return createHash('sha256').update(`${file}\0${lineOffset}\0`).update(text).digest('base64url');
}

/**
 * The read of a text whose data is known: its YAML document and lines, which only `locate` uses, are
 * parsed again the first time they are asked for.
 */
function keptParsed(text: string, file: string, lineOffset: number, data: unknown): ParsedYaml {
	let whole: ParsedYaml | undefined;
	const read = (): ParsedYaml => {
		whole ??= parseYaml(text, file, lineOffset).parsed ?? undefined;
		if (!whole) throw new Error(`${file}: its YAML was readable when the memo was kept and is not now; remove the build's cache and build again.`);
		return whole;
	};
	return {
		data,
		lineOffset,
		get doc() {
			return read().doc;
		},
		get lines() {
			return read().lines;
		},
	};
}

/**
 * Data shared by every read of the same text is frozen, so that a caller that edited it would fail
 * at once instead of changing what the next read gets.
 */
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** The memo a build kept in `file` for the engine `engine`, or an empty one when there is none, it is unreadable, or another engine made it. */
export function readYamlMemo(file: string, engine: string): YamlMemo {
	try {
		const kept = deserialize(readFileSync(file)) as { engine?: unknown; reads?: unknown };
		if (kept.engine !== engine || !Array.isArray(kept.reads)) return new Map();
		return new Map((kept.reads as [string, KeptRead][]).map(([key, read]) => [key, { ...read, data: deepFreeze(read.data) }]));
	} catch {
		return new Map();
	}
}

/** Keeps a memo for the next build of the same engine. */
export function keepYamlMemo(file: string, engine: string, memo: YamlMemo): void {
	writeWhole(file, serialize({ engine, reads: [...memo] }));
}
