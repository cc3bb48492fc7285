import { finding, type Finding } from './findings.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import type { CurriculumConfig } from '../curriculum/schema/config.ts';
import { judgedChoices, type ReadQuestion } from '../curriculum/schema/module.ts';

/**
 * What the quiz rules read of a module: its questions as far as each part can be read (`readQuestion`),
 * so that a module whose frontmatter failed its schema (`schemaFailedModules`) is judged on every part
 * that can be. A valid module's questions are read already. A knowledge check that is no list is
 * undefined, and the schema's finding.
 */
export interface QuizEntry {
	id: string;
	file: string;
	parsed: ParsedYaml;
	data: { quiz?: readonly ReadQuestion[] | undefined };
}

/** A question's choices as the length rules compare them. */
type Choices = { choices: readonly { text: string; correct: boolean }[] };

/**
 * Choices that answer the question by their form rather than their content: a learner who has not
 * read the module still picks them (or rules them out) correctly.
 */
const GIVEAWAYS: readonly RegExp[] = [
	/^\s*(all|none|both|neither)\s+of\s+(these|the\s+others)(?![\w-])/i,
	/\b(all|none|both|neither|any|each)\s+of\s+the\s+above(?![\w-])/i,
	/^\s*(both|either)\s+[a-e]\s+(and|or)\s+[a-e]\s*\.?\s*$/i,
	/^\s*[a-e]\s+and\s+[a-e]\s*(only)?\s*\.?\s*$/i,
];

/** Whether a right choice is at least as long as every other choice, counted in characters. */
export function rightIsLongest(question: Choices): boolean {
	const longest = Math.max(...question.choices.map((choice) => [...choice.text].length));
	return question.choices.some((choice) => choice.correct && [...choice.text].length === longest);
}

/** Whether a right choice is at most as long as every other choice: the opposite habit, as easy to learn. */
export function rightIsShortest(question: Choices): boolean {
	const shortest = Math.min(...question.choices.map((choice) => [...choice.text].length));
	return question.choices.some((choice) => choice.correct && [...choice.text].length === shortest);
}

/** The two length clues a guesser can learn, with the limits the standards set for each. */
function lengthClues(standards: CurriculumConfig['standards']) {
	return [
		{ rule: 'quiz-longest-answer', word: 'longest', test: rightIsLongest, perModule: standards.longestRightPerModule, overall: standards.longestRightOverall },
		{ rule: 'quiz-shortest-answer', word: 'shortest', test: rightIsShortest, perModule: standards.shortestRightPerModule, overall: standards.shortestRightOverall },
	];
}

/** The phrase that makes a choice a giveaway, or null. */
export function giveaway(text: string): string | null {
	for (const pattern of GIVEAWAYS) {
		const match = pattern.exec(text);
		if (match) return match[0].trim();
	}
	return null;
}

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

/**
 * Knowledge checks worth passing: enough choices, no giveaway choices, and a right answer that is
 * neither simply the longest nor simply the shortest one, in each module and across the curriculum.
 */
export function checkQuizQuality(modules: readonly QuizEntry[], standards: CurriculumConfig['standards'], configFile: string): Finding[] {
	const findings: Finding[] = [];
	for (const module of modules) {
		(module.data.quiz ?? []).forEach((question, q) => {
			const count = question.choices?.length ?? 0;
			// Fewer than two is the schema's finding.
			if (standards.minChoices !== undefined && count >= 2 && count < standards.minChoices) {
				findings.push(
					finding({
						rule: 'quiz-choices',
						file: module.file,
						...locate(module.parsed, ['quiz', q, 'choices']),
						message: `Question ${q + 1} has ${count} choices; the curriculum asks for at least ${standards.minChoices}.`,
						fix: 'Add a choice that a practitioner could really pick by mistake, with an explanation of why it is wrong.',
					})
				);
			}
			question.choices?.forEach((choice, c) => {
				const phrase = choice.text === undefined ? null : giveaway(choice.text);
				if (!phrase) return;
				findings.push(
					finding({
						rule: 'quiz-giveaway',
						file: module.file,
						...locate(module.parsed, ['quiz', q, 'choices', c, 'text']),
						message: `Choice ${c + 1} of question ${q + 1} says "${phrase}", which can be judged without knowing the subject.`,
						fix: 'Replace it with a specific mistake a practitioner could make, and explain why it is wrong.',
					})
				);
			});
		});
	}
	for (const clue of lengthClues(standards)) findings.push(...checkLengthClue(modules, clue, configFile));
	return findings;
}

const FIXES: Record<string, string> = {
	longest: 'Make the wrong choices as specific as the right one (a concrete action, a number, a reason), or say the right one more briefly; do not pad.',
	shortest: 'Give the right choice its reason or condition as the wrong ones have theirs, or say a wrong one more briefly; do not pad.',
};

/** One length clue, in each module and across the curriculum. */
function checkLengthClue(modules: readonly QuizEntry[], clue: ReturnType<typeof lengthClues>[number], configFile: string): Finding[] {
	const findings: Finding[] = [];
	let questions = 0;
	let flaggedTotal = 0;
	const worst: { id: string; count: number; of: number }[] = [];
	for (const module of modules) {
		const quiz = module.data.quiz ?? [];
		// A question whose choices cannot all be read counts as not flagged: what is reported then holds once it is fixed.
		const flagged = quiz.flatMap((question, q) => {
			const choices = judgedChoices(question);
			return choices && clue.test({ choices }) ? [q + 1] : [];
		});
		questions += quiz.length;
		flaggedTotal += flagged.length;
		if (flagged.length > 0) worst.push({ id: module.id, count: flagged.length, of: quiz.length });
		if (clue.perModule !== undefined && quiz.length > 0 && percent(flagged.length, quiz.length) > clue.perModule) {
			findings.push(
				finding({
					rule: clue.rule,
					file: module.file,
					...locate(module.parsed, ['quiz']),
					message: `The right answer is the ${clue.word} choice in ${flagged.length} of ${quiz.length} questions (${flagged.map((n) => `question ${n}`).join(', ')}); the curriculum allows at most ${clue.perModule}%.`,
					fix: FIXES[clue.word]!,
				})
			);
		}
	}
	if (clue.overall !== undefined && questions > 0 && percent(flaggedTotal, questions) > clue.overall) {
		const top = worst.sort((a, b) => b.count / b.of - a.count / a.of || a.id.localeCompare(b.id)).slice(0, 5);
		findings.push(
			finding({
				rule: clue.rule,
				file: configFile,
				message: `Across the curriculum the right answer is the ${clue.word} choice in ${flaggedTotal} of ${questions} questions (${percent(flaggedTotal, questions)}%); the standards allow at most ${clue.overall}%.`,
				fix: `Rewrite the questions of the modules where it happens most: ${top.map((m) => `${m.id} (${m.count} of ${m.of})`).join(', ')}.`,
			})
		);
	}
	return findings;
}

