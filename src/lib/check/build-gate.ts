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
	const where = relative(root, dir) || '.';
	const counted = `${errors} error${errors === 1 ? '' : 's'}`;
	if (errors > 0 || !curriculum.config) {
		if (command !== 'dev') {
			// The findings are the whole story: print them once and stop, without the engine's stack.
			logger.error(`The curriculum in ${where} has ${counted}; nothing was built.\n\n${report}\n\nFix each problem at the file and line shown, then build again. \`npm run check\` prints the same list without building.`);
			process.exit(1);
		}
		// The dev server starts all the same, so that a contributor can fix files while it runs:
		// each page with a problem shows its findings, and unsafe files are still never compiled.
		const hint = 'Fix each problem at the file and line shown. `npm run check` prints the same list.';
		if (!curriculum.config) throw new AstroError(`The curriculum in ${where} has ${counted}; the site cannot start without its config.\n\n${report}`, hint);
		// Once, with the warnings and notices among the errors.
		logger.error(`The curriculum in ${where} has ${counted}. The dev server runs all the same: a page with a problem shows its findings instead of its content.\n\n${report}\n\n${hint}`);
		return curriculum.config;
	}
	if (warnings > 0 || findings.length > blocking.length) logger.warn(report);
	return curriculum.config;
}
