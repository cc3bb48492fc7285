import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizResultDetail } from '../../src/lib/learning/quiz.ts';
import { sharedContent } from '../utils.ts';
import { serveShared, type ServedSite } from './harness.ts';
import { activeLabel, answerByKeyboard } from './keys.ts';

/*
 * The check of the fixture's water-temperature module (track tea-foundations, pass mark 75) has two
 * questions more after its first (EXTRA_QUESTIONS in tea-for-browsers.ts), so the check has a
 * several-answer question and a score between pass and fail: 2 of 3 is 66%.
 */
const PAGE = '/modules/water-temperature/';

/** The authored indices of a question's choices in the order they are shown. */
function shownOrder(page: Page, question: number): Promise<string> {
	return page.$$eval(`[data-quiz-question]:nth-child(${question + 1}) [data-choice]`, (choices) => choices.map((choice) => choice.getAttribute('data-choice')).join(','));
}

/** The list markers of the knowledge check's choices, each style once. */
const listStyles = (page: Page) => page.locator('[data-quiz-choices]').evaluateAll((lists) => [...new Set(lists.map((list) => getComputedStyle(list).listStyleType))]);

const statusText = (page: Page) => page.locator('[data-quiz-status]').textContent();

/** Records every `currents:quiz-result` event that reaches the document. */
async function listen(page: Page): Promise<() => Promise<QuizResultDetail[]>> {
	await page.evaluate(() => {
		const results: unknown[] = [];
		(window as unknown as { quizResults: unknown[] }).quizResults = results;
		document.addEventListener('currents:quiz-result', (event) => results.push((event as CustomEvent).detail));
	});
	return () => page.evaluate(() => (window as unknown as { quizResults: QuizResultDetail[] }).quizResults);
}

describe('the knowledge check', () => {
	let site: ServedSite;
	let version: string;
	beforeAll(async () => {
		// The tea fixture with two more questions in water-temperature's check (EXTRA_QUESTIONS).
		site = await serveShared('tea-for-browsers');
		version = /\nversion: (\S+)/.exec(readFileSync(join(sharedContent('tea-for-browsers'), 'modules', 'water-temperature.mdx'), 'utf8'))![1]!;
	});
	afterAll(() => site?.close());

	it('is answered, scored and passed with the keyboard alone, and says so to screen readers', async () => {
		// Following the table of contents' link puts the keyboard's starting point at the check.
		const { page } = await site.open(`${PAGE}#knowledge-check`);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		const results = await listen(page);
		const legends = await page.locator('[data-quiz] legend').allTextContents();
		expect(legends.map((text) => text.trim())).toEqual([
			'1. Which water suits a delicate green tea?',
			'2. Which of these make a pot stronger? (choose all that apply)',
			'3. What rests after the kettle boils?',
		]);
		expect(await page.locator('[data-quiz-question]:nth-child(1) input[type="radio"]').count()).toBe(2);
		expect(await page.locator('[data-quiz-question]:nth-child(2) input[type="checkbox"]').count()).toBe(4);
		// Before answering, no explanation gives the answer away.
		expect(await page.locator('[data-quiz-explanation]:visible').count()).toBe(0);
		expect(await page.getByText('The pass mark is 75%.').isVisible()).toBe(true);

		await answerByKeyboard(page, (_, right) => right);
		await page.keyboard.press('Tab');
		expect(await activeLabel(page)).toBe('Check answers');
		await page.keyboard.press('Enter');

		const status = page.locator('[role="status"][aria-live="polite"]');
		await expect.poll(() => status.textContent()).toBe('3 of 3 right, 100%. Passed. The pass mark is 75%.');
		expect(await activeLabel(page)).toBe('Try again');
		expect(await page.locator('[data-quiz-verdict]').allTextContents()).toEqual(['✓ Right.', '✓ Right.', '✓ Right.']);
		// Every choice's explanation is there; those of the four right answers, the learner's, are open.
		expect(await page.locator('[data-quiz-explanation]:visible').count()).toBe(9);
		expect(await page.locator('[data-quiz-explanation][open]').count()).toBe(4);
		expect(await page.locator('[data-quiz-mark]:visible').allTextContents()).toHaveLength(4);
		expect(await results()).toEqual([{ module: 'water-temperature', version, correct: 3, total: 3, score: 100, passed: true, passMark: 75 }]);
	});

	it('fails a check below the pass mark, counts half of a several-answer question as wrong and explains the learner’s answers', async () => {
		const { page } = await site.open(`${PAGE}#knowledge-check`);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		const results = await listen(page);
		// Question 2: only the first right box of the two.
		await answerByKeyboard(page, (q, right) => (q === 1 ? right.map((r, c) => r && c === right.indexOf(true)) : right));
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');

		await expect.poll(() => statusText(page)).toBe('2 of 3 right, 66%. Not passed yet. The pass mark is 75%. Read the explanations, then try again.');
		expect(await page.locator('[data-quiz-verdict]').allTextContents()).toEqual(['✓ Right.', '✗ Not right. The explanations say why.', '✓ Right.']);
		// The box the learner ticked says why it is right; the right box they missed stays closed, so that
		// the next attempt asks them to think again rather than to copy what was shown.
		// (The first right box as shown, which the shuffle picks.)
		const second = page.locator('[data-quiz-question]:nth-child(2)');
		const opened = await second.locator('[data-quiz-explanation][open]').allInnerTexts();
		expect(opened).toHaveLength(1);
		expect(opened[0]).toMatch(/Right\. (More leaf gives more flavour to the same water|Flavour keeps coming out of the leaf with time)\./);
		expect(await second.locator('[data-correct]:not(:has(input:checked)) [data-quiz-explanation]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
		expect(await page.locator('[data-quiz-explanation]:visible').count()).toBe(9);
		expect(await results()).toEqual([{ module: 'water-temperature', version, correct: 2, total: 3, score: 66, passed: false, passMark: 75 }]);

		// Try again, with Enter on the focused button: a clean slate, focus on the first question.
		expect(await activeLabel(page)).toBe('Try again');
		await page.keyboard.press('Enter');
		expect(await page.locator('[data-quiz] input:checked').count()).toBe(0);
		expect(await page.locator('[data-quiz] input:disabled').count()).toBe(0);
		expect(await page.locator('[data-quiz-explanation]:visible').count()).toBe(0);
		expect(await page.locator('[data-quiz-verdict]:visible').count()).toBe(0);
		expect(await statusText(page)).toBe('');
		expect(await page.getByRole('button', { name: 'Check answers' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.closest('[data-quiz-question]') === document.querySelector('[data-quiz-question]'))).toBe(true);
	});

	it("opens the explanations of the learner's choices, and of the right ones once the check is passed, and leaves the others a click away", async () => {
		const { page } = await site.open(PAGE);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		const third = page.locator('[data-quiz-question]:nth-child(3)');
		for (const n of [1, 2]) for (const input of await page.locator(`[data-quiz-question]:nth-child(${n}) [data-correct] input`).all()) await input.check();
		await third.locator('[data-choice="1"] input').check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toMatch(/^2 of 3 right/);
		const explanation = (choice: number) => third.locator(`[data-choice="${choice}"] [data-quiz-explanation]`);
		// The learner chose "The leaf"; the right answer is "The water"; "The pot" was left alone. The check
		// is not passed, so the right answer's explanation is closed like the pot's.
		const isOpen = (choice: number) => explanation(choice).evaluate((details) => (details as HTMLDetailsElement).open);
		expect(await explanation(1).innerText()).toContain('Not right. The leaf waits in the caddy either way.');
		expect([await isOpen(0), await isOpen(2)]).toEqual([false, false]);
		expect(await explanation(2).isVisible()).toBe(true);
		const pot = page.getByText('The pot is warmed, not rested.');
		expect(await pot.isVisible()).toBe(false);
		await explanation(2).locator('summary').click();
		expect(await pot.isVisible()).toBe(true);
		// The whole check: the learner's choices open (one, two and one), the pot's opened by the click above.
		expect(await page.locator('[data-quiz-explanation][open]').count()).toBe(5);
		expect(await page.locator('[data-quiz-explanation]:not([open])').count()).toBe(4);
	});

	it('puts the "Your answer" mark under the answer on a phone, so the answer keeps the width of the line', async () => {
		const { page } = await site.open(PAGE, { viewport: { width: 320, height: 700 }, isMobile: true });
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		for (const n of [1, 2, 3]) await page.locator(`[data-quiz-question]:nth-child(${n}) [data-choice] input`).first().check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toMatch(/right/);
		const boxes = await page.locator('[data-quiz-mark]:not([hidden])').evaluateAll((marks) =>
			marks.map((mark) => {
				const text = mark.parentElement!.querySelector('span')!.getBoundingClientRect();
				const line = mark.parentElement!.getBoundingClientRect();
				const badge = mark.getBoundingClientRect();
				return { below: badge.top >= text.bottom - 1, beside: line.width - text.width };
			})
		);
		expect(boxes).toHaveLength(3);
		// Under the answer, and the answer takes the line beside its control (24 px and a gap).
		for (const box of boxes) {
			expect(box.below).toBe(true);
			expect(box.beside).toBeLessThan(40);
		}
	});

	it('names unanswered questions instead of scoring them, and sends no result', async () => {
		const { page } = await site.open(PAGE);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		const results = await listen(page);
		await page.locator('[data-quiz-question]:nth-child(1) input').first().check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('Questions 2 and 3 have no answer yet. Choose an answer for each, then check your answers again.');
		expect(await page.locator('[data-quiz-verdict]:visible').allTextContents()).toEqual(['No answer yet.', 'No answer yet.']);
		expect(await page.evaluate(() => document.activeElement?.closest('[data-quiz-question]') === document.querySelectorAll('[data-quiz-question]')[1])).toBe(true);
		expect(await page.locator('[data-quiz-explanation]:visible').count()).toBe(0);
		expect(await results()).toEqual([]);
	});

	it('takes back the list of unanswered questions once the learner answers one of them, and keeps the notes on those still open', async () => {
		const { page } = await site.open(PAGE);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('Questions 1, 2 and 3 have no answer yet. Choose an answer for each, then check your answers again.');
		await page.locator('[data-quiz-question]:nth-child(2) input').first().check();
		await expect.poll(() => statusText(page)).toBe('');
		expect(await page.locator('[data-quiz-verdict]:visible').count()).toBe(2);
		// Checking again names the questions still open.
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('Questions 1 and 3 have no answer yet. Choose an answer for each, then check your answers again.');
	});

	it('leaves the button that replaced the one clicked where it is while the result is announced', async () => {
		const { page } = await site.open(PAGE);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		for (const question of await page.locator('[data-quiz-question]').all()) await question.locator('input').first().check();
		// Clicked and measured in one turn of the page, before the announcement's delay has passed.
		const moved = await page.evaluate(async () => {
			const retry = document.querySelector<HTMLElement>('[data-quiz-retry]')!;
			document.querySelector<HTMLElement>('[data-quiz-check]')!.click();
			const at = retry.getBoundingClientRect().top + window.scrollY;
			await new Promise((resolve) => setTimeout(resolve, 400));
			const status = document.querySelector('[data-quiz-status]')!.textContent ?? '';
			return { status, by: retry.getBoundingClientRect().top + window.scrollY - at };
		});
		expect(moved.status).toMatch(/ of 3 right/);
		expect(moved.by).toBe(0);
	});

	it('shuffles the choices for each attempt', async () => {
		const { page } = await site.open(PAGE);
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		// Question 2 has four choices, so 24 orders. If the shuffle is uniform, the chance that 21
		// attempts all show one order is 24 × (1/24)^21 = 24^-20, about 2.5 × 10^-28: never in practice.
		const orders = new Set<string>();
		for (let attempt = 0; attempt < 21; attempt++) {
			const order = await shownOrder(page, 1);
			expect(order.split(',').sort().join(',')).toBe('0,1,2,3');
			orders.add(order);
			for (const question of await page.locator('[data-quiz-question]').all()) await question.locator('input').first().check();
			await page.getByRole('button', { name: 'Check answers' }).click();
			await page.getByRole('button', { name: 'Try again' }).click();
		}
		expect(orders.size).toBeGreaterThan(1);
		// Shuffled, the choices carry no letters on screen: "C" would name another choice than on a
		// printout, which keeps the authored order and its letters.
		expect(await listStyles(page)).toEqual(['none']);
	});

	it('reads as questions with an explanation behind a disclosure for every choice without JavaScript', async () => {
		const { page } = await site.open(PAGE, { javaScriptEnabled: false });
		expect(await page.locator('[data-quiz] legend').allInnerTexts()).toHaveLength(3);
		expect(await page.getByText('Which of these make a pot stronger?').isVisible()).toBe(true);
		expect(await page.getByText('A warmed cup', { exact: true }).isVisible()).toBe(true);
		const disclosures = page.locator('[data-quiz] li[data-choice] > details');
		expect(await disclosures.count()).toBe(9);
		// In their authored order, the choices keep their letters.
		expect(await listStyles(page)).toEqual(['upper-alpha']);
		expect(await page.locator('[data-quiz] details:visible:not([open])').count()).toBe(9);
		// No control that would do nothing: without the script there are no boxes and no buttons.
		expect(await page.locator('[data-quiz] input:visible, [data-quiz] button:visible').count()).toBe(0);
		const explanation = page.getByText('Resting lets it cool towards the right temperature.');
		expect(await explanation.isVisible()).toBe(false);
		await page.locator('[data-quiz-question]:nth-child(3) [data-choice="0"] summary').click();
		expect(await explanation.isVisible()).toBe(true);
	});
});
