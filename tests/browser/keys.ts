/**
 * Keyboard helpers shared by the browser tests: what a keyboard user does and sees.
 */
import type { Page } from 'playwright-core';

/** For each question on the page, in order, whether each choice as now shown is right. */
export function shownRight(page: Page): Promise<boolean[][]> {
	return page.$$eval('[data-quiz-question]', (questions) =>
		questions.map((question) => [...question.querySelectorAll('[data-choice]')].map((choice) => choice.hasAttribute('data-correct')))
	);
}

/**
 * Answers with the keyboard only, from focus just before the first question: for a single-answer
 * question the arrow keys move to the wanted choice (Space picks the first), for a several-answer
 * question Tab visits each box and Space ticks the wanted ones. `pick(q, right)` says, for the
 * choices of question q as shown, which to choose.
 */
export async function answerByKeyboard(page: Page, pick: (q: number, right: boolean[]) => boolean[]): Promise<void> {
	const questions = await shownRight(page);
	for (const [q, right] of questions.entries()) {
		const wanted = pick(q, right);
		const several = right.filter(Boolean).length > 1;
		await page.keyboard.press('Tab');
		if (several) {
			for (const [c, choose] of wanted.entries()) {
				if (c > 0) await page.keyboard.press('Tab');
				if (choose) await page.keyboard.press('Space');
			}
		} else {
			const target = wanted.indexOf(true);
			if (target === 0) await page.keyboard.press('Space');
			for (let c = 0; c < target; c++) await page.keyboard.press('ArrowDown');
		}
	}
}

/** The focused element's label, as a keyboard user hears it: its button or label text, or its tag. */
export const activeLabel = (page: Page) =>
	page.evaluate(() => document.activeElement?.closest('label, button')?.textContent?.trim() ?? document.activeElement?.tagName);

/**
 * How the focused element shows that it has focus, or `null` when nothing shows it: an outline
 * (the browser's own ring included), or a box shadow, on the element or on the label around it.
 */
export function focusIndicator(page: Page): Promise<{ element: string; shown: string | null }> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return { element: 'body', shown: 'nothing focused' };
		const describe = (node: HTMLElement) =>
			`<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}> "${(node.textContent ?? node.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
		for (const node of [element, element.closest('label')].filter(Boolean) as HTMLElement[]) {
			const style = getComputedStyle(node);
			if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return { element: describe(element), shown: `outline ${style.outlineStyle} ${style.outlineWidth}` };
			if (style.boxShadow && style.boxShadow !== 'none') return { element: describe(element), shown: `box-shadow ${style.boxShadow}` };
		}
		return { element: describe(element), shown: null };
	});
}
