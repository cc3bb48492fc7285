import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShared, type ServedSite } from './harness.ts';
import { activeLabel, answerByKeyboard, focusIndicator } from './keys.ts';

/**
 * A learner who uses only the keyboard, on the valid-course fixture: through a knowledge check, the
 * module's progress and the track's certificate, seeing where focus is at every step.
 * The track tea-foundations is water-temperature, brewing-basics and serving (pass mark 75).
 */
const KEY = 'currents:progress';
const done = (version: string) => ({
	completed: { version, at: '2026-03-02T10:00:00.000Z', via: 'quiz' },
	quiz: { version, score: 100, passMark: 75, at: '2026-03-02T10:00:00.000Z' },
});

/**
 * Presses Tab until `reached` holds for the focused element, checking on the way that every element
 * that takes focus shows it; fails naming the elements that do not, or when `reached` never holds.
 */
async function tabUntil(page: Page, reached: () => Promise<boolean>, most = 200): Promise<string[]> {
	const unseen: string[] = [];
	for (let presses = 0; presses < most; presses++) {
		await page.keyboard.press('Tab');
		const focus = await focusIndicator(page);
		if (focus.shown === null) unseen.push(focus.element);
		if (await reached()) return unseen;
	}
	throw new Error(`Tab did not reach the element within ${most} presses; focus is on ${(await focusIndicator(page)).element}.`);
}

describe('a keyboard-only learner', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string, options = {}) => {
		const opened = await site.open(path, options);
		contexts.push(opened.context);
		return opened.page;
	};

	beforeAll(async () => {
		site = await serveShared('valid-course');
	}, 180_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('passes a knowledge check, sees the module marked complete, and downloads the track certificate, seeing focus at every step', async () => {
		const page = await open('/modules/serving/');
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules: { 'water-temperature': done('1.0.0'), 'brewing-basics': done('2.1.0') } })]);
		await page.reload();
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });

		// From the top of the page to the first answer, Tab by Tab: every stop shows where focus is.
		const unseen = await tabUntil(page, () => page.evaluate(() => document.activeElement?.closest('[data-quiz-question]') !== null));
		await page.keyboard.press('Shift+Tab');
		await answerByKeyboard(page, (_, right) => right);
		await page.keyboard.press('Tab');
		expect(await activeLabel(page)).toBe('Check answers');
		expect((await focusIndicator(page)).shown).not.toBeNull();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toMatch(/^\d+ of \d+ right, 100%\. Passed\./);
		// Passing the check completes the module, and the page says so where progress is shown.
		await expect.poll(() => page.locator('[data-progress-toggle]').getAttribute('aria-pressed')).toBe('true');
		// A toggle keeps its name; its pressed state says that it is on.
		expect(await page.locator('[data-progress-toggle]').textContent()).toBe('Completed');

		// The track page: Tab to the name field, type, Tab to the download button, Enter.
		await page.goto(site.url('/tracks/tea-foundations/'));
		await page.locator('[data-certificate-ready]').waitFor({ state: 'visible' });
		unseen.push(...(await tabUntil(page, () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() === 'Your name'))));
		await page.keyboard.type('Kim Keyboard');
		await page.keyboard.press('Tab');
		expect(await activeLabel(page)).toBe('Download certificate (PNG)');
		expect((await focusIndicator(page)).shown).not.toBeNull();
		const downloading = page.waitForEvent('download', { timeout: 30_000 });
		await page.keyboard.press('Enter');
		const saved = await downloading;
		const png = readFileSync((await saved.path())!);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1754, 1240]);

		expect(unseen, 'elements that take focus without showing it').toEqual([]);
	});

	it('sees focus on every element Tab reaches on the home, track, module and progress pages', async () => {
		for (const path of ['/', '/tracks/tea-foundations/', '/modules/brewing-basics/', '/progress/']) {
			const page = await open(path);
			const stops = new Set<string>();
			const unseen: string[] = [];
			// Around the whole page: until focus comes back to an element it has already been on.
			for (let presses = 0; presses < 300; presses++) {
				await page.keyboard.press('Tab');
				const focus = await focusIndicator(page);
				if (stops.has(focus.element)) break;
				stops.add(focus.element);
				if (focus.shown === null) unseen.push(focus.element);
			}
			expect(stops.size, path).toBeGreaterThan(5);
			expect(unseen, `${path}: elements that take focus without showing it`).toEqual([]);
		}
	});

	it('sees no animation or transition when the system asks for reduced motion', async () => {
		for (const path of ['/', '/modules/brewing-basics/', '/tracks/tea-foundations/']) {
			const page = await open(path, { reducedMotion: 'reduce' });
			const moving = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('*')].flatMap((element) => {
					const style = getComputedStyle(element);
					const seconds = (value: string) => Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
					const found = [];
					if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) found.push(`animation ${style.animationName} ${style.animationDuration}`);
					if (seconds(style.transitionDuration) > 0.01) found.push(`transition ${style.transitionProperty} ${style.transitionDuration}`);
					if (style.scrollBehavior === 'smooth') found.push('smooth scrolling');
					return found.map((what) => `<${element.tagName.toLowerCase()} class="${element.className}"> ${what}`);
				})
			);
			expect(moving, path).toEqual([]);
		}
	});
});
