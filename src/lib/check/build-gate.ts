import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { relative } from 'node:path';
import { countBySeverity, type Finding } from './findings.ts';
import { formatHuman } from './report.ts';
import type { Curriculum } from '../curriculum/load.ts';
import type { CurriculumConfig } from '../curriculum/schema/config.ts';

/** Rules a draft may break in the dev server: the page still renders, and the check still reports them. */
export const DRAFT_RULES = new Set(['module-standards', 'broken-link', 'prerequisite-order', 'future-date', 'leftover-todo', 'quiz-choices', 'quiz-giveaway', 'quiz-longest-answer', 'quiz-shortest-answer', 'case-source']);

/**
 * What Astro does with the content check's findings: a build with an error prints them all once and
 * stops, before anything is compiled; the dev server still starts, so that a contributor can fix files
 * while it runs. Warnings are printed and the work goes on. Returns the curriculum's config, which
 * the rest of the engine configures the site from.
 */
export function gateOnFindings(
	curriculum: Curriculum,
	findings: Finding[],
	{ command, root, dir, logger }: { command: string; root: string; dir: string; logger: AstroIntegrationLogger }
): CurriculumConfig {
	// While writing, the dev server still starts for problems that do not stop a page rendering,
	// such as a draft below the word count; `npm run check` and the build still fail on them.
	const blocking = command === 'dev' ? findings.filter((f) => f.severity === 'error' && !DRAFT_RULES.has(f.rule)) : findings;
	const { errors } = countBySeverity(blocking);
	const { warnings } = countBySeverity(findings);
	const report = formatHuman(findings, { site: curriculum.config?.site });
	if (errors > 0 || !curriculum.config) {
		const summary = `The curriculum in ${relative(root, dir) || '.'} has ${errors} error${errors === 1 ? '' : 's'}; nothing was built.\n\n${report}`;
		const hint = 'Fix each problem at the file and line shown, then build again. `npm run check` prints the same list without building.';
		// The dev server starts all the same, so that a contributor can fix files while it runs:
		// each page with a problem shows its findings, and unsafe files are still never compiled.
		if (command !== 'dev') {
			// The findings are the whole story: print them once and stop, without the engine's stack.
			logger.error(`${summary}\n\n${hint}`);
			process.exit(1);
		}
		if (!curriculum.config) throw new AstroError(summary, hint);
		logger.error(`${summary}\n\n${hint}`);
	}
	if (warnings > 0 || findings.length > blocking.length) logger.warn(report);
	return curriculum.config;
}
