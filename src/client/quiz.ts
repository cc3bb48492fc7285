/**
 * Makes each knowledge check on the page interactive. The server renders the questions as reading
 * with an explanation behind every choice; this script reveals the answer controls, hides the
 * explanations until the learner checks, shuffles the choices on every attempt, scores, announces
 * the result and tells listeners (progress) with a `currents:quiz-result` event. A page in another
 * language gives the words it writes in a `data-text` attribute; without one it writes English.
 */
import {
	describeResult,
	describeUnanswered,
	QUIZ_RESULT_EVENT,
	scoreQuiz,
	shuffle,
	unanswered,
	type QuizResultDetail,
	type ScoredQuestion,
} from '../lib/learning/quiz.ts';
import { wordsOf, type Say } from './progress-text.ts';

/** Question numbers as a sentence lists them, "1, 2 and 4", with the page's word for "and". */
function listNumbers(indices: readonly number[], and: string): string {
	const numbers = indices.map((q) => String(q + 1));
	return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')}${and}${numbers.at(-1)}`;
}

/** One knowledge check's elements, words and answer key, shared by what its buttons do. */
interface Quiz {
	section: HTMLElement;
	questions: HTMLElement[];
	status: HTMLElement;
	check: HTMLButtonElement;
	retry: HTMLButtonElement;
	passMark: number;
	say: Say;
	keys: ScoredQuestion[];
	/** The announcement waiting to be written, cancelled by the next one or by a fresh attempt. */
	pending: number;
}

/** The elements of a part of the knowledge check: any that match a selector, a question's inputs, its explanations. */
const all = <T extends HTMLElement>(selector: string, root: ParentNode) => [...root.querySelectorAll<T>(selector)];
const inputs = (question: HTMLElement) => all<HTMLInputElement>('input', question);
const explanations = (question: HTMLElement) => all<HTMLDetailsElement>('[data-quiz-explanation]', question);

/** Writes a question's verdict, or hides it when there is no text. */
function verdict(question: HTMLElement, text = '', result?: string): void {
	const element = question.querySelector<HTMLElement>('[data-quiz-verdict]');
	if (!element) return;
	element.textContent = text;
	element.hidden = !text;
	if (result) element.dataset.result = result;
	else delete element.dataset.result;
}

/** Says a message in the knowledge check's live region. */
function announce(quiz: Quiz, text: string): void {
	// Emptying the live region first makes screen readers announce a message even when it repeats.
	quiz.status.textContent = '';
	clearTimeout(quiz.pending);
	quiz.pending = window.setTimeout(() => (quiz.status.textContent = text), 100);
}

/** A fresh attempt: no answers, explanations hidden, choices in a new order. */
function start(quiz: Quiz): void {
	const { questions, status, check, retry } = quiz;
	for (const question of questions) {
		const list = question.querySelector('[data-quiz-choices]');
		if (list) for (const choice of shuffle([...list.children])) list.append(choice);
		for (const input of inputs(question)) {
			input.checked = false;
			input.disabled = false;
			input.hidden = false;
		}
		for (const details of explanations(question)) {
			details.open = false;
			details.hidden = true;
		}
		for (const mark of all('[data-quiz-mark]', question)) mark.hidden = true;
		verdict(question);
	}
	clearTimeout(quiz.pending);
	status.textContent = '';
	delete status.dataset.passed;
	check.hidden = false;
	retry.hidden = true;
}

/**
 * Shows a scored question's verdict, marks the learner's answers and shows every explanation: open
 * where it says why the learner's answer is right or is not, and, once the check is passed, why the
 * right ones are; closed, one click away, for the other choices. A failed attempt does not open the
 * right answers, so that the next one asks the learner to think again rather than to pick what was
 * shown; a learner who wants them is one click away. Opened all at once, the explanations more than
 * tripled the height of a module page's check, and far more in an embed on a phone, where the
 * learner had to scroll past what they had not chosen to reach what they had.
 */
function reveal(question: HTMLElement, right: boolean | undefined, passed: boolean, say: Say): void {
	verdict(question, right ? say('verdictRight', '✓ Right.') : say('verdictWrong', '✗ Not right. The explanations say why.'), right ? 'right' : 'wrong');
	for (const input of inputs(question)) {
		input.disabled = true;
		// The "your answer" mark is made only where it is needed, to keep it out of every page's HTML.
		let mark = input.parentElement?.querySelector<HTMLElement>('[data-quiz-mark]');
		if (!mark && input.checked && input.parentElement) {
			mark = document.createElement('span');
			mark.className = 'currents-quiz__mark';
			mark.dataset.quizMark = '';
			mark.dataset.pagefindIgnore = '';
			mark.textContent = say('yourAnswer', 'Your answer');
			input.parentElement.append(mark);
		}
		if (mark) mark.hidden = !input.checked;
	}
	for (const details of explanations(question)) {
		const choice = details.closest<HTMLElement>('[data-choice]');
		details.hidden = false;
		details.open = !choice || (passed && choice.dataset.correct !== undefined) || choice.querySelector<HTMLInputElement>('input')?.checked === true;
	}
}

/** Checks the learner's answers: names the questions still open, or scores them and reports the result. */
function submit(quiz: Quiz): void {
	const { section, questions, status, check, retry, passMark, say } = quiz;
	const answers = questions.map((question) => inputs(question).filter((input) => input.checked).map((input) => Number(input.value)));
	// A skipped question is more often a slip than a choice, so the learner is told which ones
	// are open and scores nothing yet, rather than failing on a question they never saw.
	const missing = unanswered(answers);
	if (missing.length > 0) {
		for (const q of missing) verdict(questions[q]!, say('noAnswer', 'No answer yet.'), 'missing');
		announce(quiz, say(missing.length === 1 ? 'unansweredOne' : 'unansweredMany', describeUnanswered(missing), { numbers: listNumbers(missing, say('and', ' and ')) }));
		inputs(questions[missing[0]!]!)[0]?.focus();
		return;
	}
	const result = scoreQuiz(quiz.keys, answers, passMark);
	const { correct, total, score, passed } = result;
	questions.forEach((question, q) => reveal(question, result.results[q], passed, say));
	status.dataset.passed = String(passed);
	// Progress records the result first, and says whether an earlier pass still counts.
	const detail: QuizResultDetail = { module: section.dataset.module ?? '', version: section.dataset.version ?? '', correct, total, score, passed, passMark };
	section.dispatchEvent(new CustomEvent(QUIZ_RESULT_EVENT, { bubbles: true, detail }));
	const kept = detail.earlierPass === undefined ? '' : ` ${say('earlierPass', `Your earlier pass, ${detail.earlierPass}%, still counts.`, { score: detail.earlierPass })}`;
	announce(quiz, `${say(passed ? 'passed' : 'failed', describeResult(result), { correct, total, score, mark: passMark })}${kept}`);
	// The button that was pressed disappears; its replacement, beside the result, takes focus.
	check.hidden = true;
	retry.hidden = false;
	retry.focus();
}

/** Shows one knowledge check's controls and connects its buttons. */
function enhance(section: HTMLElement): void {
	const questions = all('[data-quiz-question]', section);
	const status = section.querySelector<HTMLElement>('[data-quiz-status]');
	const check = section.querySelector<HTMLButtonElement>('[data-quiz-check]');
	const retry = section.querySelector<HTMLButtonElement>('[data-quiz-retry]');
	if (!status || !check || !retry || questions.length === 0) return;
	const passMark = Number(section.dataset.passMark);
	const say = wordsOf(section);
	// A choice keeps its identity by its authored index, whatever position the shuffle gives it.
	const keys = questions.map((question) => ({ right: all('[data-correct]', question).map((choice) => Number(choice.dataset.choice)) }));
	const quiz: Quiz = { section, questions, status, check, retry, passMark, say, keys, pending: 0 };

	check.addEventListener('click', () => submit(quiz));

	retry.addEventListener('click', () => {
		start(quiz);
		inputs(questions[0]!)[0]?.focus();
	});

	// Answering a question that was reported as open clears its note, and the message that listed
	// the open questions, which no longer holds; the notes left mark the questions still open. The
	// message is cleared, not rewritten, so that a screen reader does not announce every answer.
	section.addEventListener('change', (event) => {
		const question = (event.target as Element).closest<HTMLElement>('[data-quiz-question]');
		if (!question?.querySelector('[data-result="missing"]')) return;
		verdict(question);
		if (status.dataset.passed === undefined) {
			clearTimeout(quiz.pending);
			status.textContent = '';
		}
	});

	for (const element of all('[data-quiz-static]', section)) element.hidden = true;
	for (const element of all('[data-quiz-live]', section)) element.hidden = false;
	start(quiz);
	section.dataset.quizReady = '';
}

/**
 * Paper gets the knowledge check as a printed test has it: the choices in their authored order, so
 * that a printout's letters are the same every time and match the track's print page and the
 * course cartridge, and the explanations after the last question, under "Answers", rather than under
 * every choice, where they gave the answers away. Printed without JavaScript, the page keeps them
 * under each choice (print.css opens them). After printing, the page is as it was.
 */
function printAnswers(sections: readonly HTMLElement[]): void {
	const undo: (() => void)[] = [];
	addEventListener('beforeprint', () => {
		for (const section of sections) {
			const say = wordsOf(section);
			const answers = document.createElement('section');
			answers.className = 'currents-quiz__answers';
			answers.dataset.quizAnswers = '';
			answers.dataset.pagefindIgnore = '';
			const heading = document.createElement('h3');
			heading.textContent = say('answers', 'Answers');
			const list = document.createElement('ol');
			for (const question of all('[data-quiz-question]', section)) {
				const choices = question.querySelector('[data-quiz-choices]');
				if (!choices) continue;
				const shown = [...choices.children];
				const authored = [...shown].sort((a, b) => Number((a as HTMLElement).dataset.choice) - Number((b as HTMLElement).dataset.choice));
				choices.append(...authored);
				undo.push(() => choices.append(...shown));
				// Each answer under its question, as the track's print page has them, so that the key reads
				// without turning back to the questions.
				const item = document.createElement('li');
				const prompt = question.querySelector('.currents-quiz__prompt')?.cloneNode(true) as HTMLElement | undefined;
				prompt?.querySelector('.currents-quiz__number')?.remove();
				const asked = document.createElement('p');
				asked.textContent = prompt?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
				const why = document.createElement('ul');
				authored.forEach((choice, c) => {
					const line = document.createElement('li');
					const letter = document.createElement('strong');
					letter.textContent = `${String.fromCharCode(65 + c)}: `;
					line.append(letter, ...[...(choice.querySelector('[data-quiz-explanation] p')?.childNodes ?? [])].map((node) => node.cloneNode(true)));
					why.append(line);
				});
				item.append(asked, why);
				list.append(item);
			}
			answers.append(heading, list);
			section.append(answers);
			undo.push(() => answers.remove());
		}
	});
	addEventListener('afterprint', () => {
		for (const step of undo.splice(0).reverse()) step();
	});
}

const sections = [...document.querySelectorAll<HTMLElement>('[data-quiz]')];
for (const section of sections) enhance(section);
printAnswers(sections);
