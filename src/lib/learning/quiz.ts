/**
 * The logic of a knowledge check, apart from the page: shuffling choices, scoring answers against
 * the right ones, and the sentences that tell the learner how they did. The browser script
 * (`src/client/quiz.ts`) only reads the page and calls these.
 */

/** A number in [0, 1), as `Math.random` returns. Injectable so tests can drive every outcome. */
export type RandomSource = () => number;

/**
 * A new array with the items in random order (Fisher–Yates): every order is equally likely when
 * the random source is uniform. The input is left as it was.
 */
export function shuffle<T>(items: readonly T[], random: RandomSource = Math.random): T[] {
	const result = [...items];
	for (let i = result.length - 1; i > 0; i--) {
		// The clamp keeps a source that returns exactly 1 (which `Math.random` never does) in range.
		const j = Math.min(i, Math.floor(random() * (i + 1)));
		[result[i], result[j]] = [result[j]!, result[i]!];
	}
	return result;
}

/**
 * Whether a question has more than one right choice: wherever it is shown (the page, the printed
 * track, a learning platform's quiz) it then asks for every right choice, and says so.
 */
export function hasSeveralRight(question: { choices: readonly { correct?: boolean | undefined }[] }): boolean {
	return question.choices.filter((choice) => choice.correct).length > 1;
}

/** A question as scoring sees it: the original indices of its right choices. */
export interface ScoredQuestion {
	right: readonly number[];
}

/**
 * Whether a question is answered right: exactly the right choices are chosen, no more and no
 * fewer. Half of a several-answer question earns nothing, so guessing every box never pays.
 */
export function isRight(question: ScoredQuestion, chosen: readonly number[]): boolean {
	const picked = new Set(chosen);
	return picked.size === question.right.length && question.right.every((choice) => picked.has(choice));
}

export interface QuizResult {
	/** For each question, in the authored order, whether it was answered right. */
	results: boolean[];
	correct: number;
	total: number;
	/** The share of questions answered right as a whole percentage, rounded down. */
	score: number;
	/** Whether the learner reached the pass mark. */
	passed: boolean;
	passMark: number;
}

/**
 * Scores a knowledge check. `answers[q]` holds the original indices of the choices chosen for
 * question `q`. The pass mark is inclusive and compared with the exact share, not the rounded
 * score: 2 of 3 (66.7%) does not pass a mark of 67. The score is rounded down so that the number
 * shown never reaches the pass mark when the learner did not.
 */
export function scoreQuiz(questions: readonly ScoredQuestion[], answers: readonly (readonly number[])[], passMark: number): QuizResult {
	const results = questions.map((question, q) => isRight(question, answers[q] ?? []));
	const correct = results.filter(Boolean).length;
	const total = questions.length;
	return {
		results,
		correct,
		total,
		score: total === 0 ? 0 : Math.floor((correct * 100) / total),
		passed: total > 0 && correct * 100 >= passMark * total,
		passMark,
	};
}

/** The questions (0-based, in the authored order) with no choice made. */
export function unanswered(answers: readonly (readonly number[])[]): number[] {
	return answers.flatMap((chosen, q) => (chosen.length === 0 ? [q] : []));
}

/** "1", "1 and 3", "1, 2 and 4": question numbers as a learner reads them. */
function listNumbers(indices: readonly number[]): string {
	const numbers = indices.map((q) => String(q + 1));
	return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** What the learner is told when they check with questions still open, naming them. */
export function describeUnanswered(indices: readonly number[]): string {
	const which = indices.length === 1 ? `Question ${listNumbers(indices)} has` : `Questions ${listNumbers(indices)} have`;
	return `${which} no answer yet. Choose an answer for ${indices.length === 1 ? 'it' : 'each'}, then check your answers again.`;
}

/** The result in one or two sentences: the score, and pass or fail against the pass mark. */
export function describeResult(result: QuizResult): string {
	const score = `${result.correct} of ${result.total} right, ${result.score}%.`;
	const mark = `The pass mark is ${result.passMark}%.`;
	return result.passed
		? `${score} Passed. ${mark}`
		: `${score} Not passed yet. ${mark} Read the explanations, then try again.`;
}

/** The event a knowledge check dispatches (bubbling, from its section) each time it is scored. */
export const QUIZ_RESULT_EVENT = 'currents:quiz-result';

/** The `detail` of a `currents:quiz-result` event: what a listener, such as progress, records. */
export interface QuizResultDetail {
	module: string;
	version: string;
	correct: number;
	total: number;
	/** 0 to 100, rounded down. */
	score: number;
	passed: boolean;
	passMark: number;
	/**
	 * Set by a listener that keeps the learner's results (progress) when this attempt failed but an
	 * earlier one passed: that pass's score, which still counts, so the check can say so.
	 */
	earlierPass?: number;
}
