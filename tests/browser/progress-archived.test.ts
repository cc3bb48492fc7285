import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../src/lib/i18n/ui/index.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * Progress on an archived major's page, as a class that was assigned it meets it: the valid-course
 * fixture, whose brewing-basics is at 2.1.0 with its major 1 archived at 1.0.0
 * (`/modules/brewing-basics/v1/`), given a knowledge check of two questions (`V1_QUIZ`) in the build
 * the search, knowledge-check and polish tests read (tests/browser/tea-for-browsers.ts). The track
 * tea-foundations (pass mark 75) also holds water-temperature (1.0.0) and serving (1.0.1).
 */
const KEY = 'currents:progress';
const AT = '2026-01-10T09:00:00.000Z';
const V1 = '/modules/brewing-basics/v1/';

const toggle = (page: Page) => page.locator('[data-progress-toggle]');
const status = (page: Page) => page.locator('[data-progress-status]');
const storedBrewing = async (page: Page) =>
	(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{"modules":{}}') as { modules: Record<string, { completed?: { version: string; via: string }; quiz?: { version: string; score: number } }> })
		.modules['brewing-basics'];

/** Answers every question of the page's check rightly and checks the answers. */
async function passCheck(page: Page): Promise<void> {
	await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
	for (const input of await page.locator('[data-quiz-question] [data-correct] input').all()) await input.check();
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toMatch(/^2 of 2 right, 100%\. Passed\./);
}

describe('progress on an archived major’s page', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string) => {
		const opened = await site.open(path);
		contexts.push(opened.context);
		return opened.page;
	};
	const seed = async (page: Page, modules: Record<string, unknown>) => {
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify({ version: 1, modules })]);
		await page.reload();
	};

	beforeAll(async () => {
		site = await serveShared('tea-for-browsers');
	}, 300_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('records a pass of the v1 check and a mark at 1.0.0, which the track and progress pages count', async () => {
		const page = await open(V1);
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
		// The status says which version the learner completes here, and that a current version exists; in the dictionary's words.
		expect(await status(page).textContent()).toBe(uiText('en', 'currents.moduleProgress.archivedNotComplete', { version: '1.0.0', current: '2.1.0' }));
		expect(await status(page).textContent()).toBe('Not complete yet. Completing it here records version 1.0.0, the earlier version on this page; the current version is 2.1.0.');

		await passCheck(page);
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await status(page).textContent()).toMatch(/^You completed version 1\.0\.0, the one on this page, on .+ by passing its knowledge check\. The current version is 2\.1\.0\. Knowledge check passed with 100%\.$/);
		expect(await storedBrewing(page)).toMatchObject({ completed: { version: '1.0.0', via: 'quiz' }, quiz: { version: '1.0.0', score: 100 } });

		// Un-marked and marked again with the toggle, it is still version 1.0.0 that is recorded.
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await status(page).textContent()).toMatch(/^You completed version 1\.0\.0, the one on this page, on .+\. The current version is 2\.1\.0\. Knowledge check passed with 100%\.$/);
		expect((await storedBrewing(page))?.completed).toMatchObject({ version: '1.0.0', via: 'marked' });

		// The track page counts it, advising a re-read of the current version.
		await page.goto(site.url('/tracks/tea-foundations/'));
		await expect.poll(() => page.locator('[data-track-count]').textContent()).toBe('1 of 3 modules complete');
		const item = page.locator('li[data-track-module="brewing-basics"]');
		await expect.poll(() => item.locator('.currents-notice__title').textContent()).toBe('Updated since you completed it: 1.0.0 → 2.1.0');
		// The progress page lists it at 1.0.0, with its pass, and advises the current version as for any completion before a major revision.
		await page.goto(site.url('/progress/'));
		await expect.poll(() => page.locator('[data-progress-row="brewing-basics"] [data-progress-state]').textContent()).toMatch(
			/^✓ Completed version 1\.0\.0 on [^;]+; knowledge check passed with 100%; updated since you completed it: 1\.0\.0 → 2\.1\.0, a major revision to re-read$/
		);
		expect(await page.locator('[data-progress-group="tea-foundations"] [data-progress-group-count]').textContent()).toBe('1 of 3 modules complete');

		// With the track's other modules complete, the v1 completion completes the track.
		const done = (version: string) => ({ completed: { version, at: AT, via: 'quiz' }, quiz: { version, score: 100, passMark: 75, at: AT } });
		const brewing = await storedBrewing(page);
		await page.goto(site.url('/tracks/tea-foundations/'));
		await seed(page, { 'water-temperature': done('1.0.0'), serving: done('1.0.1'), 'brewing-basics': brewing });
		await expect.poll(() => page.locator('[data-track-complete] .currents-notice__title').textContent()).toBe('Track complete');
	});

	it('keeps a completion of a later version, says so on the v1 page and offers no toggle to undo it', async () => {
		const page = await open(V1);
		await seed(page, { 'brewing-basics': { completed: { version: '2.1.0', at: AT, via: 'quiz' }, quiz: { version: '2.1.0', score: 90, passMark: 75, at: AT } } });
		await expect.poll(() => status(page).textContent()).toMatch(
			/^You completed version 2\.1\.0 on .+, a later version than this page's 1\.0\.0\. Your progress keeps that completion: nothing done on this page replaces it with an earlier one\. To record this version instead, un-mark the module on its current page first\. You passed the knowledge check of version 2\.1\.0 with 90%\.$/
		);
		expect(await toggle(page).isHidden()).toBe(true);
		// A failed attempt at the v1 check is not told that the 2.1.0 pass, of another check, still counts.
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		for (const input of await page.locator('[data-quiz-question] input:not([data-correct] input)').all()) await input.check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toMatch(/^0 of 2 right, 0%\./);
		expect(await page.locator('[data-quiz-status]').textContent()).not.toContain('still counts');
		await page.getByRole('button', { name: /Try again/ }).click();
		// Passing the v1 check here replaces neither the completion nor the pass of the later version: once
		// the pass has been saved (the store announces each change), the record is the seed's.
		await page.evaluate(() => {
			const counted = window as unknown as { saves: number };
			counted.saves = 0;
			document.addEventListener('currents:progress-changed', () => counted.saves++);
		});
		await passCheck(page);
		await expect.poll(() => page.evaluate(() => (window as unknown as { saves: number }).saves)).toBeGreaterThan(0);
		expect(await storedBrewing(page)).toMatchObject({ completed: { version: '2.1.0', via: 'quiz' }, quiz: { version: '2.1.0', score: 90 } });

		// Completed at 2.1.0 by a mark alone, the v1 pass is kept, and the page says it does not count for 2.1.0.
		await seed(page, { 'brewing-basics': { completed: { version: '2.1.0', at: AT, via: 'marked' } } });
		await passCheck(page);
		await expect.poll(async () => (await storedBrewing(page))?.quiz?.version).toBe('1.0.0');
		expect((await storedBrewing(page))?.completed?.version).toBe('2.1.0');
		await expect.poll(() => status(page).textContent()).toMatch(/ You passed the knowledge check of version 1\.0\.0 with 100%, before a major revision\.$/);
		// The current page still shows the module complete.
		await page.goto(site.url('/modules/brewing-basics/'));
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await status(page).textContent()).toMatch(/^You completed this module on /);
	});

	it('offers to bring a completion of an older version up to the page’s version', async () => {
		const page = await open(V1);
		await seed(page, { 'brewing-basics': { completed: { version: '0.9.0', at: AT, via: 'marked' } } });
		await expect.poll(() => status(page).textContent()).toMatch(/^You completed version 0\.9\.0 on .+\. This page is version 1\.0\.0, and the current version is 2\.1\.0\.$/);
		await page.getByRole('button', { name: 'Mark version 1.0.0 as complete' }).click();
		await expect.poll(async () => (await storedBrewing(page))?.completed?.version).toBe('1.0.0');
		expect(await status(page).textContent()).toMatch(/^You completed version 1\.0\.0, the one on this page, on .+\. The current version is 2\.1\.0\.$/);
	});

	it('embeds v1 as it embeds the current version: without progress, and a pass of its check saves nothing', async () => {
		for (const path of ['/embed/modules/brewing-basics/v1/', '/embed/modules/brewing-basics/v2/']) {
			const page = await open(path);
			expect(await page.locator('[data-module-progress]').count(), path).toBe(0);
			await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
			for (const input of await page.locator('[data-quiz-question] [data-correct] input').all()) await input.check();
			await page.getByRole('button', { name: 'Check answers' }).click();
			await expect.poll(() => page.locator('[data-quiz-status]').textContent(), { message: path }).toMatch(/ Passed\./);
			expect(await page.evaluate((key) => localStorage.getItem(key), KEY), path).toBeNull();
		}
	});
});
