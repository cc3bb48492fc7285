import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { LAYOUT } from '../curriculum/load.ts';

/*
 * Which branch the check compares a checkout with when none is named: the branch a pull request will
 * be merged into, found through the project's repository as the curriculum config names it, and why
 * there is none when none is found.
 */

/** What the curriculum's config says of the project's repository: its address and its default branch. */
export interface Project {
	repository?: string;
	branch?: string;
}

/** The project's `repository` and `branch` as the config in `contentDir` gives them, or nothing where it cannot be read (the check then says why). */
export function projectOf(contentDir: string): Project {
	try {
		const config = parseDocument(readFileSync(join(contentDir, LAYOUT.config), 'utf8')).toJS() as Record<string, unknown> | null;
		const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
		return { repository: text(config?.repository), branch: text(config?.branch) };
	} catch {
		return {};
	}
}

/**
 * A forge address as `host/owner/name`, lowercased, from an https or an ssh address
 * (`https://github.com/Owner/Name.git`, `git@github.com:owner/name`); undefined for a local path.
 */
export function repositoryKey(url: string): string | undefined {
	const match = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/*$/.exec(url) ?? /^[^@/\s]+@([^:/\s]+):(.+?)(?:\.git)?\/*$/.exec(url);
	return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

/** The checkout's remotes and their fetch addresses. */
function remotesOf(git: (args: string[]) => string): Map<string, string> {
	const remotes = new Map<string, string>();
	let listed = '';
	try {
		listed = git(['config', '--get-regexp', '^remote\\..*\\.url$']);
	} catch {
		// No remote at all.
	}
	for (const line of listed.split('\n')) {
		const match = /^remote\.(.+)\.url (.+)$/.exec(line.trim());
		if (match) remotes.set(match[1]!, match[2]!);
	}
	return remotes;
}

/** The names of the checkout's remotes whose address is the project's repository (a fork's `upstream`, once added). */
function projectRemotes(remotes: ReadonlyMap<string, string>, project: Project): string[] {
	const wanted = project.repository ? repositoryKey(project.repository) : undefined;
	return wanted ? [...remotes].filter(([, url]) => repositoryKey(url) === wanted).map(([name]) => name) : [];
}

/** The commands that add the project's repository as a remote and fetch it, for a message about a fork's clone. */
export function addUpstream(repository: string): string {
	return `\`git remote add upstream ${repository.replace(/\/+$/, '')}.git\` and \`git fetch upstream\``;
}

/** Runs git in `cwd`, or undefined outside a git checkout. */
function gitIn(cwd: string): ((args: string[]) => string) | undefined {
	const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	try {
		git(['rev-parse', '--show-toplevel']);
		return git;
	} catch {
		return undefined;
	}
}

/**
 * The branch a pull request will be merged into, as this checkout knows it. First the project's own
 * repository, by the config's `repository`, whatever its remote is called (a fork's clone has it as
 * `upstream`, once added): its `branch`, its default branch, `main` or `master` there. Without such a
 * remote, `origin`'s default branch, `origin/main`, `main`, `origin/master` or `master`. Null outside a
 * git checkout or when none of them exists, for example in a fresh clone of a fork with another default
 * branch, or in a fork's clone whose project remote is not fetched yet: the fork's own branch, which
 * already holds what was pushed there, is not taken for the project's, and `noBaseReason` says to fetch.
 */
export function defaultBase(cwd: string, project: Project = {}): string | null {
	const git = gitIn(cwd);
	if (!git) return null;
	const candidates: string[] = [];
	const own = projectRemotes(remotesOf(git), project);
	for (const remote of own.length > 0 ? own : ['origin']) {
		if (own.includes(remote) && project.branch) candidates.push(`${remote}/${project.branch}`);
		try {
			candidates.push(git(['symbolic-ref', '--short', `refs/remotes/${remote}/HEAD`]));
		} catch {
			// No remote default recorded; try the usual names.
		}
		candidates.push(`${remote}/main`, ...(remote === 'origin' ? ['main'] : []), `${remote}/master`, ...(remote === 'origin' ? ['master'] : []));
	}
	for (const ref of candidates) {
		try {
			git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
			return ref;
		} catch {
			// Not in this checkout; try the next.
		}
	}
	return null;
}

/**
 * When the checkout's `origin` is a forge repository other than the project's, and no remote is the
 * project's (a clone of a contributor's fork): the address of `origin`. A comparison with its
 * branch misses what the contributor has already pushed there, which CI, comparing with the
 * project's branch, will see.
 */
export function forkOrigin(cwd: string, project: Project): string | undefined {
	const git = gitIn(cwd);
	const wanted = project.repository ? repositoryKey(project.repository) : undefined;
	if (!git || !wanted) return undefined;
	const remotes = remotesOf(git);
	const origin = remotes.get('origin');
	if (!origin || projectRemotes(remotes, project).length > 0) return undefined;
	const key = repositoryKey(origin);
	return key && key !== wanted ? origin : undefined;
}

/**
 * Why `defaultBase` found no branch to compare with, and what to do, for a checkout where it returned
 * null: outside git; a remote that is the project's but not fetched; or no remote that is the
 * project's and no `main` or `master` of `origin`'s or the checkout's own.
 */
export function noBaseReason(cwd: string, project: Project): string {
	const git = gitIn(cwd);
	if (!git) return 'this folder is not in a git checkout, so there is no branch to compare with.';
	const own = projectRemotes(remotesOf(git), project);
	if (own.length > 0) return `the remote ${own[0]} is the project's repository, but none of its branches is here. Run \`git fetch ${own[0]}\`, and the check compares with it.`;
	if (project.repository) {
		return `no remote of this checkout is the project's repository (${project.repository}), and it has no origin/main or main branch. Add the project as a remote, ${addUpstream(project.repository)}, and the check compares with it.`;
	}
	return 'this checkout has no origin/main or main branch, and `repository` in the curriculum config names no project repository to look for.';
}
