import { finding, type Finding } from './findings.ts';
import { locate } from './frontmatter.ts';
import type { ModuleEntry } from './load.ts';
import type { CurriculumConfig } from './schema/config.ts';

/**
 * Counts the words a reader reads in a Markdown or MDX body: fenced code, inline code, component
 * tags, link targets and Markdown punctuation are left out.
 */
export function countWords(body: string): number {
	const text = body
		.replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
		.replace(/`[^`\n]*`/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[#>*_|[\]-]+/g, ' ');
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The curriculum's editorial standards (`standards` in the config), checked on every current module. */
export function checkStandards(modules: readonly ModuleEntry[], standards: CurriculumConfig['standards']): Finding[] {
	const findings: Finding[] = [];
	for (const module of modules) {
		const words = countWords(module.body);
		const { minWords, maxWords, minOutcomes, maxOutcomes, minQuestions, minSources } = standards;
		if (minWords !== undefined && words < minWords) {
			findings.push(
				finding({
					rule: 'module-standards',
					file: module.file,
					line: module.bodyLine,
					column: 1,
					message: `The module has ${words} words of text; the curriculum asks for at least ${minWords}.`,
					fix: 'Add a worked example, an exercise or the reasoning behind the advice, rather than padding.',
				})
			);
		}
		if (maxWords !== undefined && words > maxWords) {
			findings.push(
				finding({
					rule: 'module-standards',
					file: module.file,
					line: module.bodyLine,
					column: 1,
					message: `The module has ${words} words of text; the curriculum asks for at most ${maxWords}.`,
					fix: 'Split it into two modules, or cut what the learning outcomes do not need.',
				})
			);
		}
		const outcomes = module.data.outcomes.length;
		if ((minOutcomes !== undefined && outcomes < minOutcomes) || (maxOutcomes !== undefined && outcomes > maxOutcomes)) {
			findings.push(
				finding({
					rule: 'module-standards',
					file: module.file,
					...locate(module.parsed, ['outcomes']),
					message: `The module lists ${outcomes} learning outcome${outcomes === 1 ? '' : 's'}; the curriculum asks for ${range(minOutcomes, maxOutcomes)}.`,
					fix: 'Write one outcome for each thing a learner can do afterwards, starting with an observable verb (choose, write, plan, measure).',
				})
			);
		}
		const questions = module.data.quiz.length;
		if (minQuestions !== undefined && questions < minQuestions) {
			findings.push(
				finding({
					rule: 'module-standards',
					file: module.file,
					...locate(module.parsed, ['quiz']),
					message: `The knowledge check has ${questions} question${questions === 1 ? '' : 's'}; the curriculum asks for at least ${minQuestions}.`,
					fix: 'Add questions that ask the learner to apply the module to a situation, with an explanation for every choice.',
				})
			);
		}
		const sources = module.data.sources.length;
		if (minSources !== undefined && sources < minSources) {
			findings.push(
				finding({
					rule: 'module-standards',
					file: module.file,
					...locate(module.parsed, ['sources']),
					message: `The module cites ${sources} source${sources === 1 ? '' : 's'}; the curriculum asks for at least ${minSources}.`,
					fix: 'Cite the platform documentation or research behind the module, with its URL and the date you read it.',
				})
			);
		}
	}
	return findings;
}

function range(min?: number, max?: number): string {
	if (min !== undefined && max !== undefined) return `${min} to ${max}`;
	if (min !== undefined) return `at least ${min}`;
	return `at most ${max}`;
}
