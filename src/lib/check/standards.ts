import { finding, type Finding } from './findings.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import { schemaFailedDocuments } from './schema-failed.ts';
import type { CurriculumConfig } from '../curriculum/schema/config.ts';

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

/** What the standards read of a module: its body, and the lists of its frontmatter that are lists. */
export interface StandardsEntry {
	id: string;
	file: string;
	body: string;
	bodyLine: number;
	parsed: ParsedYaml;
	data: { outcomes?: readonly unknown[]; quiz?: readonly unknown[]; sources?: readonly unknown[] };
}

/**
 * The modules whose frontmatter failed its schema, as far as the standards and the quiz rules can read
 * them (schema-failed.ts): a schema error does not hide a body too short, which the contributor would
 * otherwise meet only once it is fixed.
 */
export function schemaFailedModules(curriculum: Parameters<typeof schemaFailedDocuments>[0]): StandardsEntry[] {
	return schemaFailedDocuments(curriculum).flatMap((document) => {
		// Current modules only: modules/<id>.mdx, not a translation (<id>.<locale>.mdx) nor an archived major.
		const { kind, locale, parsed, fields } = document;
		if (kind !== 'module' || locale !== undefined || !parsed) return [];
		// As the schema reads them: a knowledge check or sources left out are empty lists; outcomes left out are the schema's finding.
		const list = (name: string, absent?: unknown[]) => (fields[name] === undefined ? absent : Array.isArray(fields[name]) ? (fields[name] as unknown[]) : undefined);
		return [{ id: document.id, file: document.file, body: document.body, bodyLine: document.bodyLine, parsed, data: { outcomes: list('outcomes'), quiz: list('quiz', []), sources: list('sources', []) } }];
	});
}

/** The curriculum's editorial standards (`standards` in the config), checked on every current module. */
export function checkStandards(modules: readonly StandardsEntry[], standards: CurriculumConfig['standards']): Finding[] {
	const findings: Finding[] = [];
	for (const module of modules) {
		const report = (place: { line: number; column: number }, message: string, fix: string) =>
			findings.push(finding({ rule: 'module-standards', file: module.file, ...place, message, fix }));
		const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
		const outside = (n: number, min?: number, max?: number) => (min !== undefined && n < min) || (max !== undefined && n > max);
		const body = { line: module.bodyLine, column: 1 };

		const words = countWords(module.body);
		if (outside(words, standards.minWords)) {
			report(body, `The module has ${words} words of text; the curriculum asks for at least ${standards.minWords}.`, 'Add a worked example, an exercise or the reasoning behind the advice, rather than padding.');
		}
		if (outside(words, undefined, standards.maxWords)) {
			report(body, `The module has ${words} words of text; the curriculum asks for at most ${standards.maxWords}.`, 'Split it into two modules, or cut what the learning outcomes do not need.');
		}
		// A list the frontmatter lacks, or holds as something else, is the schema's to report.
		const outcomes = module.data.outcomes?.length;
		if (outcomes !== undefined && outside(outcomes, standards.minOutcomes, standards.maxOutcomes)) {
			report(
				locate(module.parsed, ['outcomes']),
				`The module lists ${plural(outcomes, 'learning outcome')}; the curriculum asks for ${range(standards.minOutcomes, standards.maxOutcomes)}.`,
				'Write one outcome for each thing a learner can do afterwards, starting with an observable verb (choose, write, plan, measure).'
			);
		}
		const questions = module.data.quiz?.length;
		if (questions !== undefined && outside(questions, standards.minQuestions)) {
			report(
				locate(module.parsed, ['quiz']),
				`The knowledge check has ${plural(questions, 'question')}; the curriculum asks for at least ${standards.minQuestions}.`,
				`Add questions that ask the learner to apply the module to a situation, each with at least ${standards.minChoices ?? 2} choices, the right ones marked \`correct: true\`, and an explanation for every choice.`
			);
		}
		const sources = module.data.sources?.length;
		if (sources !== undefined && outside(sources, standards.minSources)) {
			report(
				locate(module.parsed, ['sources']),
				`The module cites ${plural(sources, 'source')}; the curriculum asks for at least ${standards.minSources}.`,
				'Cite the platform documentation or research behind the module, with its URL and the date you read it.'
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
