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

/** A pass of a check that a major revision has rewritten since. */
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
