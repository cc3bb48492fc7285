import { finding, type Finding } from './findings.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import type { ReadQuestion } from '../curriculum/schema/module.ts';

/** A question's form, which is all a translation must keep: how many choices it has, and which of them (from 1) are right. */
export interface QuestionForm {
	choices: number;
	right: number[];
}

/**
 * A question's form, or undefined when it cannot be read: its choices are no list, fewer than the two
 * the schema asks for, or one's mark is neither true nor false. The schema says why, at its line.
 */
export function formOf(question: ReadQuestion): QuestionForm | undefined {
	const marks = question.choices?.map((choice) => choice.correct);
	if (!marks || marks.length < 2 || marks.some((mark) => mark === undefined)) return undefined;
	return { choices: marks.length, right: marks.flatMap((mark, index) => (mark ? [index + 1] : [])) };
}

export const sameForm = (a: QuestionForm, b: QuestionForm) => a.choices === b.choices && a.right.join() === b.right.join();

/**
 * The translated knowledge check against the original's, question by question, so that every question
 * that differs is reported at its own line, saying what differs: the number of its choices, or which
 * of them are right. Two questions that each have the other's form are named as possibly having changed
 * places; only their text can tell, which the translator reads. A question more or fewer is reported
 * alone: the check cannot tell then which translated question stands for which of the original's, and
 * a fix for each question by its place would lead the translator astray. A question of either check
 * that cannot be read is compared with none: the schema's finding comes first.
 */
export function quizShapeRules(file: string, parsed: ParsedYaml, translated: readonly ReadQuestion[], originalQuiz: readonly ReadQuestion[]): Finding[] {
	const findings: Finding[] = [];
	const ours = translated.map(formOf);
	const theirs = originalQuiz.map(formOf);
	if (ours.length !== theirs.length) {
		const extra = ours.length - theirs.length;
		findings.push(
			finding({
				rule: 'translation-shape',
				file,
				...locate(parsed, ['quiz']),
				message: `The translated knowledge check has ${ours.length} questions; the original has ${theirs.length}.`,
				fix:
					extra > 0
						? `Translate each of the original's ${theirs.length} questions once, in their order, and remove the ${several(extra)} it does not have.`
						: `Translate all ${theirs.length} of the original's questions, in their order (${missing(-extra)}).`,
			})
		);
		return findings;
	}
	const differs = (q: number) => ours[q] !== undefined && theirs[q] !== undefined && !sameForm(ours[q], theirs[q]);
	for (let q = 0; q < ours.length; q++) {
		if (!differs(q)) continue;
		const [mine, original] = [ours[q]!, theirs[q]!];
		const choicesDiffer = mine.choices !== original.choices;
		const what =
			choicesDiffer && mine.right.join() !== original.right.join()
				? `has ${mine.choices} choices and marks ${choiceList(mine.right)} right; in the original it has ${original.choices} and marks ${choiceList(original.right)}.`
				: choicesDiffer
					? `has ${mine.choices} choices; in the original it has ${original.choices}.`
					: `marks ${choiceList(mine.right)} right; the original marks ${choiceList(original.right)}.`;
		// With a choice added or left out, the right ones are named too, by their places once the choices match.
		const steps = [
			...(!choicesDiffer
				? []
				: mine.choices > original.choices
					? [`keep a translated choice for each of the original's ${original.choices}, in their order, and remove the ${several(mine.choices - original.choices)} it does not have`]
					: [`translate all ${original.choices} of the original's choices, in their order (${missing(original.choices - mine.choices)})`]),
			`mark \`correct: true\` on ${choiceList(original.right)} and on no other`,
		].join(', then ');
		// Two questions swapped in the translation each have the other's form.
		const other = [...ours.keys()].find((j) => j !== q && differs(j) && sameForm(mine, theirs[j]!) && sameForm(ours[j]!, original));
		const words = translated[q]!.question;
		const pair = other === undefined ? '' : `${Math.min(q, other) + 1} and ${Math.max(q, other) + 1}`;
		findings.push(
			finding({
				rule: 'translation-shape',
				file,
				...locate(parsed, ['quiz', q]),
				message:
					`Question ${q + 1}${words === undefined ? '' : ` ("${words}")`} ${what}` +
					(other === undefined ? '' : ` It has the form of the original's question ${other + 1}, and question ${other + 1} has that of question ${q + 1}: the two may have changed places.`),
				fix:
					other === undefined
						? `${steps.charAt(0).toUpperCase()}${steps.slice(1)}.`
						: `If questions ${pair} have changed places, put them back in the original's order, each with its choices. If not, ${steps}.`,
			})
		);
	}
	return findings;
}

/** Choice numbers as a sentence says them: "choice 3", "choices 3 and 4", "choices 1, 3 and 4", "no choice". */
function choiceList(numbers: number[]): string {
	if (numbers.length === 0) return 'no choice';
	if (numbers.length === 1) return `choice ${numbers[0]}`;
	return `choices ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** How many, after "the": "the one", "the 2". */
const several = (n: number) => (n === 1 ? 'one' : String(n));
const missing = (n: number) => (n === 1 ? 'one is missing' : `${n} are missing`);
