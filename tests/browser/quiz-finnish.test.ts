import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en as quizEnglish, fi as quizFinnish } from '../../src/lib/i18n/ui/quiz.ts';
import { uiText, type UiKey } from '../../src/lib/i18n/ui/index.ts';
import { describeResult, describeUnanswered, scoreQuiz } from '../../src/lib/learning/quiz.ts';
import { NOT_SAVED, SET_ASIDE_WORDS, setAsideNotice, setAsideSummary, setAsideTitle, type Say } from '../../src/lib/progress/text.ts';
import { serveShared, type ServedSite } from './harness.ts';
import { activeLabel, answerByKeyboard, shownRight } from './keys.ts';

/**
 * The knowledge check and the module page's progress in Finnish, on the run's one build of the
 * flagship: the Finnish module "goals-and-kpis" (five questions, pass mark 80, the second with two
 * right answers) answered wrongly with the keyboard, then rightly with the mouse. The English page of
 * the same module still speaks English.
 */
const MODULE = 'goals-and-kpis';
const FINNISH = `/fi/modules/${MODULE}/`;
const ENGLISH = `/modules/${MODULE}/`;
const KEY = 'currents:progress';

/** The page's words as the scripts take them (wordsOf in src/client/progress-text.ts), from a dictionary. */
const sayFrom =
	(locale: string, prefix: string): Say =>
	(key, _english, values) =>
		uiText(locale, `${prefix}${key}` as UiKey, values);

describe('the English entries of the knowledge check and module progress', () => {
	// The scripts write their English fallbacks and never these entries; the two must say the same.
	it('say exactly what the scripts and text.ts write in English', () => {
		const result = scoreQuiz([{ right: [0] }, { right: [1] }, { right: [0, 1] }], [[0], [0], [0, 1]], 75);
		const values = { correct: result.correct, total: result.total, score: result.score, mark: result.passMark };
		expect(uiText('en', 'currents.quiz.failed', values)).toBe(describeResult(result));
		const passed = scoreQuiz([{ right: [0] }], [[0]], 75);
		expect(uiText('en', 'currents.quiz.passed', { correct: 1, total: 1, score: 100, mark: 75 })).toBe(describeResult(passed));
		expect(uiText('en', 'currents.quiz.unansweredOne', { numbers: '2' })).toBe(describeUnanswered([1]));
		expect(uiText('en', 'currents.quiz.unansweredMany', { numbers: `1, 2${quizEnglish['currents.quiz.and']}4` })).toBe(describeUnanswered([0, 1, 3]));
		expect(uiText('en', 'currents.moduleProgress.notSaved')).toBe(NOT_SAVED);
		const english = sayFrom('en', 'currents.moduleProgress.');
		const entries: Parameters<typeof setAsideNotice>[0][] = [
			{ key: 'progress', reason: 'future', version: 2 },
			{ key: 'progress', reason: 'repaired', dropped: ['a', 'b'] },
			{ key: 'visits', reason: 'unreadable' },
		];
		for (const entry of entries) {
			expect(setAsideNotice(entry, undefined, english)).toBe(setAsideNotice(entry));
			expect(setAsideNotice(entry, 'below', english)).toBe(setAsideNotice(entry, 'below'));
			expect(setAsideTitle(entry, english)).toBe(setAsideTitle(entry));
			expect(setAsideSummary(entry, english)).toBe(setAsideSummary(entry));
		}
	});

	it('have Finnish set-aside notices that read as Finnish sentences', () => {
		const finnish = sayFrom('fi', 'currents.moduleProgress.');
		expect(setAsideNotice({ key: 'progress', reason: 'repaired', dropped: ['a'] }, undefined, finnish)).toBe(
			'Osaa tallennetusta edistymisestäsi ei voitu lukea (”a”). Kaikki muu säilytetään. Kopio tiedoista sellaisinaan on Oma edistyminen -sivulla ladattavissa tai poistettavissa.'
		);
		expect(setAsideTitle({ reason: 'future' }, finnish)).toBe(quizFinnish['currents.moduleProgress.setAsideTitleFuture']);
		expect(setAsideSummary({ key: 'visits', reason: 'unreadable' }, finnish)).toBe('Tallennetut käynnit: tietoja ei voitu lukea lainkaan.');
		for (const key of SET_ASIDE_WORDS) expect(quizFinnish[`currents.moduleProgress.${key}`]).toBeTruthy();
	});
});

/** Every right choice, and no other, with the mouse. */
async function answerRightByMouse(page: Page): Promise<void> {
	for (const [q, right] of (await shownRight(page)).entries()) {
		for (const [c, isRight] of right.entries()) {
			if (isRight) await page.locator(`[data-quiz-question]:nth-child(${q + 1}) [data-choice]:nth-child(${c + 1}) label`).click();
		}
	}
}

/** The first wrong choice of a single-answer question; a several-answer one gets only its wrong boxes. */
const wrongly = (_: number, right: boolean[]) => (right.filter(Boolean).length > 1 ? right.map((r) => !r) : right.map((_, c) => c === right.indexOf(false)));

const statusText = (page: Page) => page.locator('[data-quiz-status]').textContent();
const toggle = (page: Page) => page.locator('[data-progress-toggle]');

describe('the knowledge check and progress of a Finnish module page', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string) => {
		const opened = await site.open(path, { timezoneId: 'UTC' });
		contexts.push(opened.context);
		await opened.page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		return opened.page;
	};

	beforeAll(async () => {
		site = await serveShared('flagship');
	}, 600_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('reads in Finnish without JavaScript', async () => {
		const { context, page } = await site.open(FINNISH, { javaScriptEnabled: false });
		contexts.push(context);
		const quiz = page.locator('[data-quiz]');
		// As a reader scrolls to it: the browser draws the check only near the screen, a frame later (currents.css).
		await quiz.scrollIntoViewIfNeeded();
		await quiz.locator('p').first().waitFor({ state: 'visible' });
		// Playwright finds the element visible by its reserved size (contain-intrinsic-size) before the
		// browser has drawn its text, and innerText is empty until then: wait for the drawn text.
		await expect.poll(() => quiz.locator('p').first().innerText()).toBe('5 kysymystä. Päätä vastauksesi ennen kuin avaat selitykset.');
		expect(await quiz.locator('h2').textContent()).toBe('Osaamisen tarkistus');
		expect(await quiz.locator('legend').first().innerText()).toMatch(/^1\. Kuvitteellinen/);
		// Only the question with two right answers asks for every right one.
		const hints = await quiz.locator('legend').evaluateAll((legends) => legends.map((legend) => legend.querySelector('.currents-quiz__hint')?.textContent ?? null));
		expect(hints).toEqual([null, ' (valitse kaikki oikeat)', null, null, null]);
		expect(await quiz.locator('input:visible, button:visible').count()).toBe(0);
		expect(new Set(await quiz.locator('summary').allTextContents())).toEqual(new Set(['Selitys']));
		expect(new Set(await quiz.locator('details strong').allTextContents())).toEqual(new Set(['Oikein.', 'Väärin.']));
	});

	it('names the open questions, fails a wrong attempt and passes a right one, all in Finnish', async () => {
		const page = await open(`${FINNISH}#knowledge-check`);
		expect(await page.getByText('Valitse vastauksesi ja tarkista ne. Hyväksymisraja on 80 %.').isVisible()).toBe(true);
		await expect.poll(() => toggle(page).textContent()).toBe('Suoritettu');
		expect(await page.locator('[data-progress-status]').textContent()).toBe('Ei vielä suoritettu.');
		expect(await page.locator('.currents-progress__link').getAttribute('href')).toBe('/fi/progress/');

		// Nothing answered: every question is named, with the Finnish "and".
		await page.getByRole('button', { name: 'Tarkista vastaukset' }).click();
		await expect.poll(() => statusText(page)).toBe(
			'Kysymyksiin 1, 2, 3, 4 ja 5 ei ole vielä vastattu. Valitse vastaus jokaiseen ja tarkista vastauksesi uudelleen.'
		);
		expect(await page.locator('[data-quiz-verdict]:visible').allTextContents()).toEqual(Array(5).fill('Ei vielä vastausta.'));

		// Wrongly, with the keyboard alone.
		await page.goto(site.url(`${FINNISH}#knowledge-check`));
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		await answerByKeyboard(page, wrongly);
		await page.keyboard.press('Tab');
		expect(await activeLabel(page)).toBe('Tarkista vastaukset');
		await page.keyboard.press('Enter');
		await expect.poll(() => statusText(page)).toBe('0/5 oikein, 0 %. Ei vielä hyväksytty. Hyväksymisraja on 80 %. Lue selitykset ja yritä uudelleen.');
		expect(await page.locator('[data-quiz-verdict]').allTextContents()).toEqual(Array(5).fill('✗ Väärin. Selityksistä näet, miksi.'));
		expect(new Set(await page.locator('[data-quiz-mark]:visible').allTextContents())).toEqual(new Set(['Vastauksesi']));
		expect(await activeLabel(page)).toBe('Yritä uudelleen');
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
		expect(await page.locator('[data-progress-status]').textContent()).toBe('Ei vielä suoritettu.');

		// Again, rightly, with the mouse.
		await page.keyboard.press('Enter');
		expect(await page.getByRole('button', { name: 'Tarkista vastaukset' }).isVisible()).toBe(true);
		await answerRightByMouse(page);
		await page.getByRole('button', { name: 'Tarkista vastaukset' }).click();
		await expect.poll(() => statusText(page)).toBe('5/5 oikein, 100 %. Hyväksytty. Hyväksymisraja on 80 %.');
		expect(await page.locator('[data-quiz-verdict]').allTextContents()).toEqual(Array(5).fill('✓ Oikein.'));

		// The pass completes the module, in Finnish, and stays so after a reload.
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await toggle(page).textContent()).toBe('Suoritettu');
		const completed = /^Suoritit tämän moduulin \d{1,2}\. \p{L}+ \d{4} läpäisemällä osaamisen tarkistuksen\. Osaamisen tarkistus läpäisty tuloksella 100 %\.$/u;
		expect(await page.locator('[data-progress-status]').textContent()).toMatch(completed);
		await page.reload();
		await expect.poll(() => page.locator('[data-progress-status]').textContent()).toMatch(completed);
	});

	it('tells in Finnish what changed since an older completed version, and what was set aside', async () => {
		const page = await open(FINNISH);
		const version = await page.locator('[data-module-progress]').getAttribute('data-version');
		const at = '2026-01-10T09:00:00.000Z';
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules: { [MODULE]: { completed: { version: '1.0.0', at, via: 'marked' } } } })]);
		await page.reload();
		await expect.poll(() => page.locator('[data-progress-status]').textContent()).toBe('Suoritit 10. tammikuuta 2026 version 1.0.0.');
		const notice = page.locator('[data-progress-notices] .currents-notice');
		expect(await notice.locator('.currents-notice__title').textContent()).toBe(`Päivitetty suorituksesi jälkeen: 1.0.0 → ${version}`);
		await notice.getByRole('button', { name: `Merkitse versio ${version} suoritetuksi` }).click();
		await expect.poll(() => page.locator('[data-progress-status]').textContent()).toMatch(/^Suoritit tämän moduulin /);

		await page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
		await page.reload();
		const message = page.locator('[data-progress-messages] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Tallennettua edistymistä ei voitu lukea');
		expect(await message.locator('p').nth(1).textContent()).toBe(
			'Mitään tallennetusta edistymisestäsi ei voitu lukea tässä selaimessa, joten sivu aloitti alusta. Lukukelvottomat tiedot säilytetään Oma edistyminen -sivulla, ja voit ladata tai poistaa ne. Avaa Oma edistyminen'
		);
		expect(await message.getByRole('link', { name: 'Avaa Oma edistyminen' }).getAttribute('href')).toBe('/fi/progress/');
	});

	it('asks in Finnish to take the check again after a major revision that came out since the learner passed it', async () => {
		const page = await open(FINNISH);
		const at = '2026-01-10T09:00:00.000Z';
		// A pass of the check of 0.9.0, before the major revision that made 1.0.0.
		const record = { completed: { version: '0.9.0', at, via: 'quiz' }, quiz: { version: '0.9.0', score: 100, passMark: 80, at } };
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules: { [MODULE]: record } })]);
		await page.reload();
		const prompt = page.locator('[data-quiz] [data-quiz-rewritten]');
		await expect.poll(() => prompt.locator('.currents-notice__title').textContent()).toBe('Tee tarkistus uudelleen');
		expect(await prompt.locator('p').last().textContent()).toBe(
			'Läpäisit tämän osaamisen tarkistuksen versiossa 0.9.0, ja sen jälkeen on julkaistu uusi pääversio 1.0.0, jossa tarkistuksen kysymykset ovat voineet muuttua. Läpäisysi ei kelpaa tähän versioon: vastaa alla oleviin kysymyksiin ja tee tarkistus uudelleen.'
		);
		expect(await page.locator('[data-progress-status]').textContent()).toBe(
			'Suoritit 10. tammikuuta 2026 version 0.9.0. Läpäisit version 0.9.0 osaamisen tarkistuksen tuloksella 100 % ennen uutta pääversiota.'
		);
	});

	it('still speaks English on the English page, which carries no words for its scripts', async () => {
		const page = await open(`${ENGLISH}#knowledge-check`);
		expect(await page.locator('[data-quiz][data-text], [data-module-progress][data-text]').count()).toBe(0);
		expect(await page.locator('[data-quiz] h2').textContent()).toBe('Knowledge check');
		await expect.poll(() => toggle(page).textContent()).toBe('Completed');
		expect(await page.locator('[data-progress-status]').textContent()).toBe('Not complete yet.');
		await answerByKeyboard(page, wrongly);
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('0 of 5 right, 0%. Not passed yet. The pass mark is 80%. Read the explanations, then try again.');
		expect(await page.locator('[data-quiz-verdict]').allTextContents()).toEqual(Array(5).fill('✗ Not right. The explanations say why.'));
		expect(new Set(await page.locator('[data-quiz-mark]:visible').allTextContents())).toEqual(new Set(['Your answer']));
		await page.getByRole('button', { name: 'Try again' }).click();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('Questions 1, 2, 3, 4 and 5 have no answer yet. Choose an answer for each, then check your answers again.');
		await answerRightByMouse(page);
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => statusText(page)).toBe('5 of 5 right, 100%. Passed. The pass mark is 80%.');
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator('[data-progress-status]').textContent()).toMatch(/^You completed this module on .+ by passing the knowledge check\. Knowledge check passed with 100%\.$/);
	});
});
