import { execFileSync } from 'node:child_process';
import { basename, dirname, relative, sep } from 'node:path';
import { defaultBase, projectOf } from '../../src/lib/check/base-branch.ts';
import { gitReader, versionOf } from '../../src/lib/check/base.ts';
import { compareVersions, majorOf } from '../../src/lib/curriculum/versions.ts';

/** Where the text of the version a major release replaces was found, to be frozen as its archive. */
export type Released =
	/** The default branch holds that version: its file, the version as released there. */
	| { from: 'branch'; text: string; ref: string }
	/** A commit of the checked-out branch released it, which the default branch never held. */
	| { from: 'commit'; text: string; commit: string; subject: string; ref: string | null }
	/** No git history covers the module, so the file as it is here is all there is. */
	| { from: 'here'; why: 'no git' | 'ignored' }
	/** The version is in no commit, only in the working copy, which may hold edits made since it was released. */
	| { from: 'nowhere'; ref: string | null; committed: string | undefined };

/**
 * The text of version `version` of the module `file` as it was released. In a git checkout, the
 * default branch's file when it holds that version; else the file as the commit that released it
 * (the oldest of the latest commits of HEAD's history that hold it) has it, since a later commit that
 * kept the version may already hold edits meant for the next major, as the working copy may. Outside a
 * git checkout, or in a folder git ignores, the file as it is.
 */
export function releasedText(file: string, contentDir: string, version: string): Released {
	const git = gitAt(dirname(file));
	if (!git) return { from: 'here', why: 'no git' };
	// Paths relative to the module's own folder, which git reads as `./` in a revision.
	const name = basename(file);
	if (ignored(git, name)) return { from: 'here', why: 'ignored' };
	const ref = defaultBase(dirname(file), projectOf(contentDir));
	if (ref) {
		try {
			const reader = gitReader(ref, dirname(file));
			const text = reader.read(relative(reader.root, file).split(sep).join('/'));
			if (versionOf(text) === version) return { from: 'branch', text, ref };
		} catch {
			// The branch has no such module; look in the branch's own commits.
		}
	}
	const release = releaseCommit(git, name, version);
	if (release) return { from: 'commit', ...release, ref };
	const head = textAt(git, 'HEAD', name);
	return { from: 'nowhere', ref, committed: head === undefined ? undefined : versionOf(head) };
}

/** Runs git in `cwd`, with its output untrimmed (it may be a file's text); undefined outside a git checkout. */
function gitAt(cwd: string): ((args: string[]) => string) | undefined {
	const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
	try {
		git(['rev-parse', '--show-toplevel']);
		return git;
	} catch {
		return undefined;
	}
}

/** Whether git ignores the file, as it does scratch copies of a curriculum: it then has no history to read. */
function ignored(git: (args: string[]) => string, name: string): boolean {
	try {
		git(['check-ignore', '--quiet', '--', name]);
		return true;
	} catch {
		// Exit status 1: not ignored.
		return false;
	}
}

/** A file's text at a commit, or undefined when the commit has no such file (or there is no commit yet). */
function textAt(git: (args: string[]) => string, commit: string, name: string): string | undefined {
	try {
		return git(['show', `${commit}:./${name}`]);
	} catch {
		return undefined;
	}
}

/**
 * The commit that released `version` of the file: walking back along HEAD's first parents, through
 * the commits that changed the file, the oldest of the first run that holds that version.
 */
function releaseCommit(git: (args: string[]) => string, name: string, version: string): { text: string; commit: string; subject: string } | undefined {
	let commits: string[];
	try {
		commits = git(['rev-list', '--first-parent', 'HEAD', '--', name]).split('\n').filter(Boolean);
	} catch {
		// No commit yet.
		return undefined;
	}
	let found: { text: string; commit: string } | undefined;
	for (const commit of commits) {
		const text = textAt(git, commit, name);
		const at = text === undefined ? undefined : versionOf(text);
		if (text !== undefined && at === version) {
			found = { text, commit };
			continue;
		}
		if (found) break;
		// Versions only rise along a module's history, so an older one means no earlier commit holds it.
		if (at && /^\d+\.\d+\.\d+$/.test(at) && compareVersions(at, version) < 0) break;
	}
	if (!found) return undefined;
	const [commit = found.commit, subject = ''] = git(['log', '-1', '--format=%h%x00%s', found.commit]).trim().split('\0');
	return { text: found.text, commit, subject };
}

/** Where the frozen text came from, to follow "Froze version <v> as <archive>, ". */
export function describeOrigin(released: Exclude<Released, { from: 'nowhere' }>, version: string): string {
	switch (released.from) {
		case 'branch':
			return `as ${released.ref} holds it`;
		case 'commit':
			return `as commit ${released.commit} ("${released.subject}") released it${released.ref ? ` (${released.ref} does not hold ${version})` : ''}`;
		case 'here':
			return `from the module as it is here (${released.why === 'no git' ? 'this folder is not in a git checkout' : 'git ignores it'})`;
	}
}

/**
 * Why a major release will not freeze a version that no commit holds, and the ways on: commit it if
 * it is unedited; otherwise undo the edits and commit it, or, as nobody can have seen it, leave it out
 * and release the major from the last version committed.
 */
export function notCommitted(released: Extract<Released, { from: 'nowhere' }>, details: { id: string; version: string; to: string; file: string; archive: string }): string {
	const { id, version, to, file, archive } = details;
	const { ref, committed } = released;
	const where = [ref ? `${ref} does not hold it` : 'no default branch was found', committed ? `your last commit holds ${committed}` : 'no commit holds the module'].join(', and ');
	const leaveOut =
		committed && /^\d+\.\d+\.\d+$/.test(committed) && majorOf(committed) === majorOf(version)
			? ` Or, since ${version} was never committed, leave it out: put \`version:\` back to ${committed}, remove the changelog entries above ${committed} (keep what they say for this release's summary), and run this again, which freezes ${committed} and keeps all your edits in ${to}.`
			: '';
	return [
		`Version ${version} of "${id}", which this major replaces, is in no commit, only in your working copy (${where}). Its text as released cannot be told from edits made since, which freezing it as ${archive} would publish at /modules/${id}/v${majorOf(version)}/. Nothing was changed.`,
		`If you have not edited the module since releasing ${version}, commit it (\`git add ${file}\` and \`git commit -m "Release ${id} ${version}"\`) and run this again. If you have, undo those edits, commit ${version}, then make them again and run this.${leaveOut}`,
	].join('\n');
}
