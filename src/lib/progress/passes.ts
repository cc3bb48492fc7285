/**
 * Which of a learner's knowledge check passes still count. A major revision may rewrite a module's
 * check along with its outcomes, so a pass is a pass of the check of its own major: it counts for a
 * completion of that major (a certificate then names the version completed), never for one of a later
 * major, whose check the learner has not taken yet.
 */
import { majorOf } from '../curriculum/versions.ts';
import type { ProgressView } from './peek.ts';

/** A passed knowledge check as pages show it: the best score, at the newest version passed. */
export interface Pass {
	score: number;
	version: string;
}

/**
 * The learner's pass of module `id`'s knowledge check that counts for `version` of the module (the
 * version completed, or the current one): undefined when there is none, or when it is of an earlier
 * major than `version`.
 */
export function passFor(view: Pick<ProgressView, 'passed'>, id: string, version: string): Pass | undefined {
	const pass = view.passed.get(id);
	return pass && majorOf(pass.version) >= majorOf(version) ? pass : undefined;
}

/** A pass of a check from before a major revision, which may have rewritten it. */
export interface RewrittenCheck {
	/** The version at which the learner passed it. */
	passed: string;
	score: number;
	/** The first release of the current major: the version whose check the learner has not taken. */
	rewritten: string;
}

/** The learner's pass of module `id`'s check when it is of an earlier major than `current`, the module's version now. */
export function rewrittenSincePass(view: Pick<ProgressView, 'passed'>, id: string, current: string): RewrittenCheck | undefined {
	const pass = view.passed.get(id);
	if (!pass || passFor(view, id, current)) return undefined;
	return { passed: pass.version, score: pass.score, rewritten: `${majorOf(current)}.0.0` };
}

/** How a module page names a pass of its check (see `passOnPage`). */
export type PassOnPage = 'this' | 'later' | 'rewritten';

/**
 * How a module page names the learner's pass of its knowledge check, beside the completion it shows:
 * - `this`: a pass of the check of this page's major, which counts;
 * - `later`: a pass of a later major's check, on an archived major's page: it counts for a completion
 *   of this major, but it was of another check, so the page names its version;
 * - `rewritten`: a pass that counts for neither this page's version nor the version completed (`done`),
 *   a major revision having rewritten the check since.
 * Undefined when the learner has passed no version of the check.
 */
export function passOnPage(view: Pick<ProgressView, 'passed'>, id: string, version: string, done?: string): { kind: PassOnPage; pass: Pass } | undefined {
	const pass = view.passed.get(id);
	if (!pass) return undefined;
	if (!passFor(view, id, version) || (done !== undefined && !passFor(view, id, done))) return { kind: 'rewritten', pass };
	return { kind: majorOf(pass.version) > majorOf(version) ? 'later' : 'this', pass };
}
