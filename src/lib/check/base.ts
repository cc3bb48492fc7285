import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { finding, type Finding } from './findings.ts';
import { locate, splitFrontmatter } from '../curriculum/frontmatter.ts';
import { LAYOUT, type Curriculum } from '../curriculum/load.ts';
import { semver } from '../curriculum/schema/common.ts';
import { compareVersions, majorOf } from '../curriculum/versions.ts';
import { readable, schemaFailedDocuments } from './schema-failed.ts';

/** Reads files as they were at a git ref. */
export interface GitReader {
	/** Files under `folder` that differ between the ref and the working tree, by path from the repository root, as they did when first asked. */
	changed(folder: string): { status: 'modified' | 'deleted' | 'added'; path: string }[];
	/** A file's text at the ref. */
	read(path: string): string;
	/** The repository root, absolute. */
	root: string;
}

/**
 * Reads the repository at `ref`. With `forkPoint`, at the commit where the checkout's branch left
 * `ref` (their merge base) when `ref` has moved on since: a pull request is judged by what it
 * changes, as GitHub shows its diff, and not blamed for modules released on the target branch after
 * it was started (a module released there would look lowered on the branch).
 */
export function gitReader(ref: string, cwd: string, { forkPoint = false }: { forkPoint?: boolean } = {}): GitReader {
	let where = cwd;
	const git = (args: string[]) =>
		execFileSync('git', args, { cwd: where, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
	let root: string;
	try {
		root = git(['rev-parse', '--show-toplevel']).trim();
		// Paths given to git are relative to the working directory, so work from the top.
		where = root;
		git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
	} catch {
		throw new Error(`"${ref}" is not a commit of this repository. Fetch it first (for example \`git fetch origin main\`) or name another ref.`);
	}
	let at = ref;
	if (forkPoint) {
		try {
			at = git(['merge-base', 'HEAD', ref]).trim() || ref;
		} catch {
			// No commit yet, or no history in common: the ref itself.
		}
	}
	// Each folder's changes are asked for once: the version rules and the translations' both read them.
	const changes = new Map<string, ReturnType<GitReader['changed']>>();
	const changed = (folder: string): ReturnType<GitReader['changed']> => [
		...git(['diff', '--name-status', '--no-renames', at, '--', folder])
			.split('\n')
			.map((line) => line.split('\t'))
			.filter(([status]) => status === 'M' || status === 'D' || status === 'A')
			.map(([status, path]) => ({ status: status === 'D' ? ('deleted' as const) : status === 'A' ? ('added' as const) : ('modified' as const), path: path! })),
		...git(['ls-files', '--others', '--exclude-standard', '--', folder])
			.split('\n')
			.filter(Boolean)
			.map((path) => ({ status: 'added' as const, path })),
	];
	return {
		root,
		// One diff names what changed, so only those files are read at the ref. Added files have no base to
		// read; files not yet given to git are added too, as they will be in the commit.
		changed: (folder) => {
			if (!changes.has(folder)) changes.set(folder, changed(folder));
			return changes.get(folder)!;
		},
		read: (path) => git(['show', `${at}:${path}`]),
	};
}

/** The `version` a module's text gives in its frontmatter, if it gives one. */
export function versionOf(source: string): string | undefined {
	const { frontmatter } = splitFrontmatter(source);
	if (frontmatter === null) return undefined;
	const version = parseDocument(frontmatter).get('version');
	return typeof version === 'string' ? version : undefined;
}

/** Configuration files a pull request may change only with a maintainer's review, and what each one decides. */
const REVIEWED_FILES: ReadonlyMap<string, string> = new Map([
	[LAYOUT.config, 'it sets the site address, the repository and the allowed image hosts'],
	[LAYOUT.redirects, 'it decides where old addresses of the site lead'],
]);

/**
 * The version rule against a base: a module whose text or metadata changed carries a higher
 * version, no version goes down, archived majors stay frozen, and a removed or renamed module
 * leaves a redirect.
 */
export function checkAgainstBase(curriculum: Curriculum, git: GitReader, ref: string): Finding[] {
	const base = againstBase(curriculum, git, ref);
	return git.changed(base.contentPath).flatMap((change) => changeFindings(base, change));
}

/** A file changed since the base, by path from the repository root. */
type Change = ReturnType<GitReader['changed']>[number];

/** What the checks of each changed file share: the base, where the content's folders are in the repository, and the curriculum as it is now. */
interface AgainstBase {
	git: GitReader;
	ref: string;
	/** A path from the repository root, as a finding names it (from the curriculum's root). */
	toReport: (repoPath: string) => string;
	contentPath: string;
	modulesPath: string;
	archivePath: string;
	/** Each module's version as the check read it, by id, where it can be read: a module whose schema failed too. */
	current: ReadonlyMap<string, Current>;
	/** The archived majors the content holds now, as `<id>/v<major>`, those whose schema failed too. */
	archived: ReadonlySet<string>;
	redirected: ReadonlySet<string>;
}

/** Finds the content's folders in the repository, and indexes the modules and redirects, for checking against `ref`. */
function againstBase(curriculum: Curriculum, git: GitReader, ref: string): AgainstBase {
	const toRepo = (absolute: string) => relative(git.root, absolute).split(sep).join('/');
	const toReport = (repoPath: string) => relative(curriculum.root, `${git.root}/${repoPath}`).split(sep).join('/');
	const contentPath = toRepo(curriculum.dir);
	return {
		git,
		ref,
		toReport,
		contentPath,
		modulesPath: `${contentPath}/${LAYOUT.modules}/`,
		archivePath: `${contentPath}/${LAYOUT.archive}/`,
		current: currentVersions(curriculum),
		// An archive is there whether or not its frontmatter passes: its own findings say what to correct.
		archived: new Set(curriculum.documents.flatMap((document) => /^archive\/([^/]+\/v[1-9]\d*)\.mdx$/.exec(relative(curriculum.dir, document.path).split(sep).join('/'))?.[1] ?? [])),
		redirected: new Set(curriculum.redirects.map((redirect) => redirect.from)),
	};
}

/** A module's version now, with the file and the place a finding about it names. */
interface Current {
	version: string;
	file: string;
	place: { line: number; column: number };
}

/**
 * The modules' versions as the check read them: a module whose frontmatter failed its schema has its
 * version read on its own, and one that cannot be read is the schema's finding, not a version rule's.
 */
function currentVersions(curriculum: Curriculum): Map<string, Current> {
	const versions = new Map<string, Current>();
	for (const { id, file, parsed, data } of curriculum.modules) versions.set(id, { version: data.version, file, place: locate(parsed, ['version']) });
	for (const { kind, locale, id, file, parsed, fields } of schemaFailedDocuments(curriculum)) {
		const version = kind === 'module' && locale === undefined && parsed ? readable(semver, fields.version) : undefined;
		if (version !== undefined) versions.set(id, { version, file, place: locate(parsed!, ['version']) });
	}
	return versions;
}

/** The findings of one file changed since the base, by what kind of file it is. */
function changeFindings(base: AgainstBase, change: Change): Finding[] {
	const { contentPath, modulesPath, archivePath } = base;
	const { status, path } = change;
	const name = path.slice(contentPath.length + 1);
	// An issuer profile decides whose signatures the verify page accepts as genuine.
	const reviewed = REVIEWED_FILES.get(name) ?? (name.startsWith('issuers/') ? 'it decides whose signed certificates the verify page accepts' : undefined);
	if (reviewed) return [maintainerReview(base, change, name, reviewed)];
	// An added module has nothing at the base to compare with; an added archive, the module it freezes.
	if (status === 'added') return path.startsWith(archivePath) && path.endsWith('.mdx') ? archiveAsReleased(base, path) : [];
	if (path.startsWith(modulesPath) && path.endsWith('.mdx')) {
		const id = path.slice(modulesPath.length, -'.mdx'.length);
		if (status === 'deleted') return base.redirected.has(id) ? [] : [missingRedirect(base, path, id)];
		return versionFindings(base, path, id);
	}
	if (path.startsWith(archivePath)) return [archiveEdited(base, change)];
	return [];
}

/** A configuration file changed, which a maintainer must review; `reviewed` says what it decides. */
function maintainerReview({ ref, toReport }: AgainstBase, { status, path }: Change, name: string, reviewed: string): Finding {
	return finding({
		rule: 'maintainer-review',
		severity: 'notice',
		file: toReport(path),
		line: 1,
		message: `${name} ${status === 'added' ? 'was added' : status === 'deleted' ? 'was removed' : 'changed'} since ${ref}: a maintainer must review it before merging (${reviewed}).`,
		fix: `If the change is intended, say why in the pull request; a maintainer approves it in the review (CODEOWNERS asks one). ${
			// A renamed or removed module needs its redirect in the same pull request (missing-redirect), so only the config goes alone.
			name === LAYOUT.redirects ? 'A redirect for a module this pull request renames or removes belongs in it, beside the change.' : 'Keep configuration changes in a pull request of their own.'
		}`,
	});
}

/** A module removed since the base with no redirect from its address. */
function missingRedirect({ ref, toReport, contentPath }: AgainstBase, path: string, id: string): Finding {
	return finding({
		rule: 'missing-redirect',
		file: toReport(path),
		message: `The module "${id}" existed at ${ref} and is gone, so links to /modules/${id}/ would end on a missing page.`,
		fix: `Add \`- from: ${id}\` and \`to: <the module that replaces it>\` to ${toReport(`${contentPath}/${LAYOUT.redirects}`)}.`,
	});
}

/**
 * The version a module's text gives, where its frontmatter is no YAML the check reads (a field given
 * twice, say): the version rule does not wait for the syntax to be corrected either.
 */
function versionInText(git: GitReader, path: string, file: string): Current | undefined {
	const text = textNow(git, path);
	const version = text === undefined ? undefined : versionOf(text);
	if (!version || !/^\d+\.\d+\.\d+$/.test(version)) return undefined;
	const line = text!.split('\n').findIndex((row) => /^version:/.test(row)) + 1;
	return { version, file, place: { line: Math.max(line, 1), column: 1 } };
}

/** The module's frontmatter `reviewed` line, the date of its last review. */
const REVIEWED_LINE = /^reviewed:[^\n]*\n/m;

/** A content file's text in the checkout, or undefined when it cannot be read. */
function textNow(git: GitReader, path: string): string | undefined {
	try {
		return readFileSync(join(git.root, path), 'utf8');
	} catch {
		return undefined;
	}
}

/** Whether a module's text differs from its text at the base in its `reviewed` date alone. */
function onlyReviewedChanged(before: string, now: string | undefined): boolean {
	return now !== undefined && now !== before && now.replace(REVIEWED_LINE, '') === before.replace(REVIEWED_LINE, '');
}

/**
 * A module changed since the base: its version must have gone up, reading the version it had at the
 * base. A module whose file fails its schema is held to it as well, from its version as read on its
 * own, so that this finding comes in the same run as the schema's and not only once those are fixed.
 */
function versionFindings({ git, ref, current: versions, archived, archivePath, toReport }: AgainstBase, path: string, id: string): Finding[] {
	const before = git.read(path);
	const from = versionOf(before);
	if (!from) return [];
	const current = versions.get(id) ?? versionInText(git, path, toReport(path));
	if (!current) return [];
	const order = compareVersions(current.version, from);
	const place = current.place;
	if (order < 0) {
		return [
			finding({
				rule: 'version-lowered',
				file: current.file,
				...place,
				message: `The version went down from ${from} (at ${ref}) to ${current.version}.`,
				fix: `Put the version back to ${from}, with the changelog entries it had at ${ref}: courses may already cite ${from}. Then release your change from there with \`npm run release -- ${id} patch "<what you corrected>"\`.`,
			}),
		];
	}
	if (order === 0) {
		// A review that found nothing to correct moves only the module's `reviewed` date: no release.
		if (onlyReviewedChanged(before, textNow(git, path))) return [];
		return [
			finding({
				rule: 'version-not-bumped',
				file: current.file,
				...place,
				message: `The module changed since ${ref} but is still version ${from}.`,
				fix: `Run \`npm run release -- ${id} patch "<what you corrected>"\` (minor for an addition or a platform change, with \`--kind added\` or \`--kind platform-change\`; major when outcomes change or advice is reversed).`,
			}),
		];
	}
	// A new major moves the module's page on; the major it replaces keeps its permanent address only
	// through its archive, which `npm run release -- <id> major` writes and a hand edit forgets.
	const replaced = majorOf(from);
	if (replaced >= 1 && majorOf(current.version) > replaced && !archived.has(`${id}/v${replaced}`)) {
		const archive = toReport(`${archivePath}${id}/v${replaced}.mdx`);
		return [
			finding({
				rule: 'missing-archive',
				file: current.file,
				...place,
				message: `The module went from version ${from} (at ${ref}) to ${current.version}, a new major, but ${archive} is missing: /modules/${id}/v${replaced}/, the address courses cite for version ${replaced}, would stop working.`,
				fix: `Put the version back to ${from} and its changelog as it was, then run \`npm run release -- ${id} major "<what changed>"\`: it freezes version ${from} as ${archive} and raises the version, and your edits stay in the module.`,
			}),
		];
	}
	return [];
}

/**
 * An archive added since the base, `archive/<id>/v<n>.mdx`, that freezes the version the base's module
 * is at: it must be that module's text as it is at the base, the release it freezes. Edited first and
 * released after, a module's new text would otherwise be frozen under its old version's address.
 */
function archiveAsReleased({ git, ref, toReport, modulesPath, archivePath }: AgainstBase, path: string): Finding[] {
	const [, id, major] = /^([^/]+)\/v(\d+)\.mdx$/.exec(path.slice(archivePath.length)) ?? [];
	if (!id) return [];
	const modulePath = `${modulesPath}${id}.mdx`;
	let released: string;
	try {
		released = git.read(modulePath);
	} catch {
		return [];
	}
	const version = versionOf(released);
	if (!version || majorOf(version) !== Number(major)) return [];
	let archived: string;
	try {
		archived = readFileSync(join(git.root, path), 'utf8');
	} catch {
		return [];
	}
	// An archive of a version the base never had (a minor released and then a major, in one branch) has nothing there to match.
	if (archived === released || versionOf(archived) !== version) return [];
	return [
		finding({
			rule: 'archive-not-as-released',
			file: toReport(path),
			line: 1,
			message: `This archive freezes version ${version} of "${id}", but its text is not that version's text at ${ref}: the permanent address of major ${major} would show text that ${version} never had.`,
			fix: `Write ${ref}'s file into it with \`git show ${ref}:${modulePath} > ${path}\` (run from the repository's root), and keep your edits in the module, released as the new major.`,
		}),
	];
}

/** The first line, counted from 1, at which a file's text differs from its text at the base. */
function firstChangedLine(before: string, now: string | undefined): number {
	if (now === undefined) return 1;
	const [was, is] = [before.split('\n'), now.split('\n')];
	const at = is.findIndex((line, index) => line !== was[index]);
	return (at < 0 ? Math.min(was.length, is.length) : at) + 1;
}

/** An archived major changed or removed since the base. */
function archiveEdited({ git, ref, toReport, archivePath }: AgainstBase, { status, path }: Change): Finding {
	return finding({
		rule: 'archive-edited',
		file: toReport(path),
		// An edited archive, at its first line that differs from the base's.
		...(status === 'deleted' ? {} : { line: firstChangedLine(git.read(path), textNow(git, path)) }),
		message:
			status === 'deleted'
				? `The archived major ${path.slice(archivePath.length)} was removed; courses cite its permanent address.`
				: `The archived major ${path.slice(archivePath.length)} changed since ${ref}; archived majors are frozen.`,
		fix: `Restore it with \`git checkout ${ref} -- ${path}\`, and make the change in the current version instead.`,
	});
}
