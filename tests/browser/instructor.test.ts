import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShared, type ServedSite } from './harness.ts';

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
	const luminance = (colour: string) => {
		const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
			const c = Number(v) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

describe('for instructors', () => {
	let site: ServedSite;
	beforeAll(async () => {
		site = await serveShared('valid-course');
	});
	afterAll(() => site?.close());

	it('keeps instructor notes and discussion prompts out of the learner view until the instructor view is on, and remembers it', async () => {
		const { page } = await site.open('/modules/brewing-basics/');
		const notes = page.locator('[data-instructor-notes]');
		const discussion = page.getByText('Which do you use at home, and why?');
		expect(await notes.isVisible()).toBe(false);
		expect(await discussion.isVisible()).toBe(false);
		await page.getByLabel(/Instructor view/).check();
		expect(await notes.isVisible()).toBe(true);
		expect(await discussion.isVisible()).toBe(true);
		await page.reload();
		await expect.poll(() => notes.isVisible()).toBe(true);
	});

	it('shows the instructor view without JavaScript too', async () => {
		const { page } = await site.open('/modules/brewing-basics/', { javaScriptEnabled: false });
		expect(await page.locator('[data-instructor-notes]').isVisible()).toBe(false);
		await page.getByLabel(/Instructor view/).check();
		expect(await page.locator('[data-instructor-notes]').isVisible()).toBe(true);
	});

	it('shows the notes of every module on the whole-track print page when its instructor view is on', async () => {
		const { page } = await site.open('/tracks/tea-foundations/print/');
		const notes = page.locator('.currents-print-module [data-instructor-notes]');
		expect(await notes.count()).toBeGreaterThan(0);
		expect(await notes.first().isVisible()).toBe(false);
		await page.getByLabel(/Instructor view/).check();
		for (const note of await notes.all()) expect(await note.isVisible()).toBe(true);
	});

	it('prints the whole track without its answers for learners when asked, without JavaScript too', async () => {
		const { page } = await site.open('/tracks/tea-foundations/print/', { javaScriptEnabled: false });
		await page.emulateMedia({ media: 'print' });
		const answers = page.locator('.currents-print-answers');
		const notes = page.getByText('The answers are at the end of this document.');
		expect(await answers.isVisible()).toBe(true);
		expect(await notes.count()).toBe(3);
		for (const note of await notes.all()) expect(await note.isVisible()).toBe(true);
		// The switch is for the screen: paper shows neither it nor the print hint.
		const toggle = page.getByLabel('Leave out the answers, for a copy to give learners');
		expect(await toggle.isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });
		await toggle.check();
		await page.emulateMedia({ media: 'print' });
		expect(await answers.isVisible()).toBe(false);
		for (const note of await notes.all()) expect(await note.isVisible()).toBe(false);
		// The questions stay, to answer on paper.
		expect(await page.locator('.currents-print-module').getByText('A pot tastes bitter. What do you change first?').isVisible()).toBe(true);
	});

	it('prints a module in light colours with readable links, written-out sources, and its version and address', async () => {
		const { page } = await site.open('/');
		await page.evaluate(() => localStorage.setItem('starlight-theme', 'dark'));
		await page.goto(site.url('/modules/brewing-basics/'));
		await page.emulateMedia({ media: 'print' });
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const colours = await page.locator('main a').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent).map((a) => getComputedStyle(a).color));
		expect(colours.length).toBeGreaterThan(3);
		for (const colour of colours) expect(contrast(colour, background), colour).toBeGreaterThanOrEqual(4.5);
		const source = page.locator('.currents-sources a').first();
		expect(await source.evaluate((a) => getComputedStyle(a, '::after').content)).toContain('https://example.org/brewing');
		expect(await page.locator('#starlight__sidebar').isVisible()).toBe(false);
		// Paper's type: 11pt (about 14.7 CSS pixels), not the screen's 16 pixels, in the text and its tables.
		const sizes = await page.locator('.sl-markdown-content p:not([class])').evaluateAll((nodes) => [...new Set(nodes.map((node) => getComputedStyle(node).fontSize))]);
		expect(sizes.map((size) => Math.round(parseFloat(size) * 10) / 10)).toEqual([14.7]);
		const footer = page.locator('.currents-print-footer');
		expect(await footer.isVisible()).toBe(true);
		// The address that keeps the printed version: the major's permalink, not the page that moves on.
		expect(await footer.textContent()).toMatch(/version 2\.\d+\.\d+ · https:\/\/steeped\.example\.org\/modules\/brewing-basics\/v2\/$/);
		// It follows the text rather than lying over it.
		const covered = await footer.evaluate((element) => {
			const box = element.getBoundingClientRect();
			return [...document.querySelectorAll('main :is(p, li, h1, h2, h3, td, th)')]
				.filter((text) => text !== element && !element.contains(text) && (text as HTMLElement).offsetParent)
				.map((text) => text.getBoundingClientRect())
				.filter((rect) => rect.height > 0 && rect.top < box.bottom && rect.bottom > box.top).length;
		});
		expect(covered).toBe(0);
		// A box's label and title never end a sheet alone: paper keeps them with what follows.
		const keeps = await page.locator('.currents-box :is(.currents-box__label, .currents-box__title)').evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).breakAfter));
		expect(keeps.length).toBeGreaterThanOrEqual(4);
		expect(new Set(keeps)).toEqual(new Set(['avoid']));
		// The progress controls are for the screen.
		expect(await page.locator('.currents-progress').isVisible()).toBe(false);
		// Folded answers open for paper, and close again afterwards.
		const folded = await page.locator('main details:not([open])').count();
		expect(folded).toBeGreaterThan(0);
		const order = () => page.locator('[data-quiz-choices]').evaluateAll((lists) => lists.map((list) => [...list.children].map((choice) => Number((choice as HTMLElement).dataset.choice))));
		const shuffled = await order();
		await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
		expect(await page.locator('main details:not([open])').count()).toBe(0);
		// The knowledge check prints as a test: choices in their authored order (the same letters on
		// every printout), no buttons, and the explanations after the last question, not under each choice.
		expect(await order()).toEqual(shuffled.map((choices) => choices.map((_, c) => c)));
		expect(await page.locator('[data-quiz-choices]').first().evaluate((list) => getComputedStyle(list).listStyleType)).toBe('upper-alpha');
		expect(await page.locator('[data-quiz-check]').isVisible()).toBe(false);
		expect(await page.locator('[data-quiz-explanation]').first().isVisible()).toBe(false);
		const answers = page.locator('.currents-quiz__answers');
		expect(await answers.getByRole('heading', { name: 'Answers' }).isVisible()).toBe(true);
		expect(await answers.locator(':scope > ol > li').count()).toBe(shuffled.length);
		const firstQuestion = await page.locator('[data-quiz-question]').first().locator('[data-quiz-explanation] p').allTextContents();
		expect(await answers.locator(':scope > ol > li').first().locator('li').allTextContents()).toEqual(firstQuestion.map((text, c) => `${'ABCDEFGH'[c]}: ${text}`));
		expect(firstQuestion.join(' ')).toMatch(/^(Right|Not right)\./);
		// Each answer sits under its question, on a sheet of its own, and the screen's instructions do not print.
		const asked = (await page.locator('[data-quiz-question] .currents-quiz__prompt').first().textContent())!.replace(/^\s*\d+\.\s*/, '').replace(/\s+/g, ' ').trim();
		expect(await answers.locator(':scope > ol > li > p').first().textContent()).toBe(asked);
		expect(await answers.evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
		expect(await page.locator('.currents-quiz').textContent()).toContain('Choose your answers');
		expect(await page.locator('.currents-quiz').innerText()).not.toContain('Choose your answers');
		await page.evaluate(() => dispatchEvent(new Event('afterprint')));
		expect(await page.locator('main details:not([open])').count()).toBe(folded);
		expect(await answers.count()).toBe(0);
		expect(await order()).toEqual(shuffled);
		expect((await page.pdf()).length).toBeGreaterThan(1000);
	});

	it('has a syllabus and a whole-track print page per track, modules in track order', async () => {
		const order = ['water-temperature', 'brewing-basics', 'serving'];
		const { page } = await site.open('/tracks/tea-foundations/syllabus/');
		const rows = await page.locator('[data-syllabus-module]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-syllabus-module')));
		expect(rows).toEqual(order);
		expect(await page.locator('[data-syllabus-module="brewing-basics"] a').getAttribute('href')).toBe('https://steeped.example.org/modules/brewing-basics/v2/');
		expect(await page.locator('#assessment + p').textContent()).toContain('75%');
		// What each module asks of a class: the exercise with what learners hand in, and the discussion prompt.
		const brewing = page.locator('[data-syllabus-parts="brewing-basics"]');
		expect((await brewing.locator('[data-syllabus-exercise]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Exercise: Brew a pot. Learners hand in: A note of leaf, time and taste.');
		expect((await brewing.locator('[data-syllabus-discussion]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Discussion: Bag or leaf? Which do you use at home, and why?');
		expect(await page.locator('[data-syllabus-assessed]').textContent()).toContain('For work to grade, use the exercise above');
		// On a phone the titles wrap, and the version, level and time each keep to one line.
		await page.setViewportSize({ width: 390, height: 844 });
		const lines = await page.locator('[data-syllabus-module] :is(td:nth-child(3), td:nth-child(4), td:nth-child(5))').evaluateAll((cells) =>
			cells.map((cell) => {
				const range = document.createRange();
				range.selectNodeContents(cell);
				return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
			})
		);
		expect(lines.length).toBe(9);
		expect(lines.every((count) => count === 1), String(lines)).toBe(true);
		// On paper, where a link cannot be followed, each module's permanent address is written under its title.
		const address = page.locator('[data-syllabus-module="brewing-basics"] .currents-syllabus__address');
		expect(await address.isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		expect(await address.isVisible()).toBe(true);
		expect(await address.textContent()).toBe('https://steeped.example.org/modules/brewing-basics/v2/');
		await page.emulateMedia({ media: 'screen' });
		await page.goto(site.url('/tracks/tea-foundations/print/'));
		const articles = await page.locator('.currents-print-module__title').allTextContents();
		expect(articles.map((title) => title.replace(/^\d+\.\s*/, ''))).toEqual(['Water temperature', 'Brewing basics', 'Serving']);
		expect(await page.locator('#answers').count()).toBe(1);
	});
});
