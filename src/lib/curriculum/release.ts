import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { splitFrontmatter } from './frontmatter.ts';
import { semver } from './schema/common.ts';
import type { ChangelogEntry } from './schema/module.ts';
import { bumpVersion, correctedVersion, majorOf, type Bump } from './versions.ts';

export interface ReleasePlan {
	/** The module file with its new version and changelog entry. */
	source: string;
	from: string;
	to: string;
	/** For a major release: the previous content, frozen, and the major it freezes. */
	archive?: { major: number; source: string };
}

const DEFAULT_KIND: Record<Bump, ChangelogEntry['kind']> = { major: 'major', minor: 'added', patch: 'fixed' };

/**
 * Bumps a module's version and records the release at the top of its changelog, keeping the rest
 * of the file (comments, order, body) as the author wrote it. A major release also returns the
 * current file unchanged, to be frozen as the previous major's permanent page.
 */
export function planRelease(
	source: string,
	bump: Bump,
	summary: string,
	options: { date: string; kind?: ChangelogEntry['kind'] }
): ReleasePlan {
	const split = splitFrontmatter(source);
	if (split.frontmatter === null) throw new Error('The module has no frontmatter between `---` lines.');
	const doc = parseDocument(split.frontmatter);
	if (doc.errors.length > 0) throw new Error(`The frontmatter cannot be read: ${doc.errors[0]!.message}`);
	const from = versionText(doc.get('version', true));
	if (!semver.safeParse(from).success) throw new Error(versionProblem(from, doc.get('changelog', true)));
	if (!summary.trim()) throw new Error('Say in one sentence what the release changes.');
	const to = bumpVersion(from, bump);

	doc.set('version', to);
	// The scaffold's note beside a draft's version ("Stays below 1.0.0 until the first review…") has
	// done its work once the module leaves 0.x.
	const written = doc.get('version', true);
	if (majorOf(from) === 0 && majorOf(to) >= 1 && isScalar(written)) written.comment = undefined;
	// A module's first release (0.x to 1.0.0) adds it to the curriculum; later majors change it.
	const kind = options.kind ?? (bump === 'major' && majorOf(from) === 0 ? 'added' : DEFAULT_KIND[bump]);
	const entry = doc.createNode({ version: to, date: options.date, kind, summary: summary.trim() });
	const changelog = doc.get('changelog', true);
	if (isSeq(changelog)) changelog.items.unshift(entry);
	else doc.set('changelog', doc.createNode([entry.toJSON()]));

	const frontmatter = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
	const next = `---\n${frontmatter}\n---\n${split.body}`;
	return {
		source: next,
		from,
		to,
		// 0.x is a pre-release with no permanent address, so releasing 1.0.0 freezes nothing.
		...(bump === 'major' && majorOf(from) >= 1 ? { archive: { major: majorOf(from), source } } : {}),
	};
}

/**
 * The version as the author wrote it. YAML reads `version: 1.10` as the number 1.1, so the text of
 * the scalar is kept rather than its value, to show the author what they wrote.
 */
function versionText(node: unknown): string {
	if (!isScalar(node) || node.value === null) return '';
	return typeof node.source === 'string' ? node.source : String(node.value);
}

/** Why a version cannot be bumped, with the line to write instead. */
function versionProblem(from: string, changelog: unknown): string {
	const then = 'then run the release again.';
	const corrected = correctedVersion(from);
	if (corrected) return `The module's version "${from}" is not MAJOR.MINOR.PATCH: write \`version: ${corrected}\` in its frontmatter, ${then}`;
	// Without a short form to complete, the newest release in the changelog is the best guess at the version.
	const newest = isSeq(changelog) && isMap(changelog.items[0]) ? String(changelog.items[0].get('version') ?? '') : '';
	const example = semver.safeParse(newest).success ? `\`version: ${newest}\`, the newest release in its changelog` : '`version: 1.0.0`';
	const what = from ? `The module's version "${from}" is not MAJOR.MINOR.PATCH` : 'The module has no `version`';
	return `${what}: write its current version in its frontmatter as three numbers, like ${example}, ${then}`;
}
