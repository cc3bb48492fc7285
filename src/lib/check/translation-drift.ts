import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { GitReader } from './base.ts';
import { finding, type Finding } from './findings.ts';
import { locate, splitFrontmatter } from '../curriculum/frontmatter.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { originalFiles, translationViews, type TranslationView } from './translation-views.ts';

/**
 * Translations of tracks and platform updates, against a base. A module's translation names the
 * version of the original it follows (`translates:`), and the check says when the original moves past
 * it; a track or an update has no version, so nothing would tell its translator that the original's
 * words changed. When a change rewrites what a translation of one translates (an update's title,
 * summary or text; a track's title, summary, audience or certificate title) and leaves the translation
 * as it is, each such translation hears which of its parts may now say something else.
 */
export function checkTranslationDrift(curriculum: Curriculum, git: GitReader, ref: string): Finding[] {
	const toRepo = (file: string) => relative(git.root, join(curriculum.root, file)).split(sep).join('/');
	const contentPath = relative(git.root, curriculum.dir).split(sep).join('/');
	const changed = new Map(git.changed(contentPath).map((change) => [change.path, change.status]));
	// A translation or an original whose frontmatter failed its schema too: its words changed all the same.
	const originals = originalFiles(curriculum);
	const findings: Finding[] = [];
	for (const translation of translationViews(curriculum)) {
		if (translation.kind === 'module' || changed.has(toRepo(translation.file))) continue;
		const file = originals[translation.kind].get(translation.id);
		if (!file || changed.get(toRepo(file)) !== 'modified') continue;
		let before: string;
		let now: string;
		try {
			before = git.read(toRepo(file));
			now = readFileSync(join(curriculum.root, file), 'utf8');
		} catch {
			continue;
		}
		const parts = changedParts(translation.kind, before, now);
		if (parts.length === 0) continue;
		findings.push(driftFinding(translation, file, parts, ref));
	}
	return findings;
}

/** The parts a translation of this kind translates, by name, with the path of each in the translation's YAML (the text has none). */
const PARTS: Record<'track' | 'update', { name: string; path: string[] | null }[]> = {
	track: [
		{ name: 'title', path: ['title'] },
		{ name: 'summary', path: ['summary'] },
		{ name: 'audience', path: ['audience'] },
		{ name: 'certificate title', path: ['certificate', 'title'] },
	],
	update: [
		{ name: 'title', path: ['title'] },
		{ name: 'summary', path: ['summary'] },
		{ name: 'text', path: null },
	],
};

/** The translated parts that differ between two texts of an original; none when either cannot be read. */
function changedParts(kind: 'track' | 'update', before: string, now: string): (typeof PARTS)['track'] {
	const read = (text: string) => {
		const split = kind === 'update' ? splitFrontmatter(text) : { frontmatter: text, body: '' };
		try {
			return { data: (parse(split.frontmatter ?? '') ?? {}) as unknown, body: split.body.trim() };
		} catch {
			return undefined;
		}
	};
	const [was, is] = [read(before), read(now)];
	if (!was || !is) return [];
	const at = (value: { data: unknown; body: string }, path: string[] | null) =>
		path === null ? value.body : path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value.data);
	return PARTS[kind].filter(({ path }) => JSON.stringify(at(was, path)) !== JSON.stringify(at(is, path)));
}

function driftFinding(translation: TranslationView, original: string, parts: (typeof PARTS)['track'], ref: string): Finding {
	const names = parts.map((part) => part.name);
	const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
	const first = parts[0]!;
	// A translation whose YAML cannot be read is named at its first line, where its own finding is.
	const place = first.path && translation.parsed ? locate(translation.parsed, first.path) : { line: first.path ? 1 : (translation.bodyLine ?? 1), column: 1 };
	return finding({
		rule: 'translation-drift',
		severity: 'warning',
		file: translation.file,
		...place,
		message: `Since ${ref}, ${original} changed its ${list}, and this translation was left as it was: it may now say something the original no longer says.`,
		fix: `Bring the same change into this translation's ${list} in this pull request. If the change leaves the meaning as it was (a typo, a link), change nothing: the warning is about this change only.`,
	});
}
