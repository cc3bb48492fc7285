import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShared, type ServedSite } from './harness.ts';
import { serveFolder } from '../../scripts/lib/static-server.ts';

/**
 * Progress on the valid-course fixture: modules water-temperature (1.0.0), brewing-basics (2.1.0,
 * with a major 2.0.0 after 1.0.0) and serving (1.0.1), all in the track tea-foundations (pass mark
 * 75). The site's address is https://steeped.example.org.
 */
const KEY = 'currents:progress';
const SITE = 'https://steeped.example.org';
const AT = '2026-01-10T09:00:00.000Z';

const toggle = (page: Page) => page.locator('[data-progress-toggle]');
const stored = (page: Page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const storedProgress = async (page: Page) => JSON.parse((await stored(page)) ?? 'null') as { modules: Record<string, { completed?: { version: string }; quiz?: { score: number } }> };
const sidebarMark = (page: Page, id: string) => page.locator(`.sidebar-content a[href$="/modules/${id}/"] [data-progress-mark]`);

/** Writes localStorage as another visit (or a tamperer) left it, then loads the page afresh. */
async function seed(page: Page, values: Record<string, string>, path?: string): Promise<void> {
	await page.evaluate((entries) => {
		for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
	}, values);
	if (path) await page.goto(new URL(path, page.url()).href);
	else await page.reload();
}

const completedAt = (version: string) => ({ completed: { version, at: AT, via: 'marked' } });

/** Exports progress from the progress page and returns the file's text. */
async function exportFile(page: Page, site: ServedSite): Promise<string> {
	await page.goto(site.url('/progress/'));
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
	return readFileSync((await download.path())!, 'utf8');
}

async function importFile(page: Page, name: string, text: string): Promise<string> {
	await page.locator('[data-progress-file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const status = page.locator('[data-progress-import-status]');
	await expect.poll(() => status.textContent()).not.toBe('');
	return (await status.textContent()) ?? '';
}

describe('progress in the browser', () => {
	let site: ServedSite;
	const contexts: BrowserContext[] = [];
	const open = async (path: string) => {
		const opened = await site.open(path);
		contexts.push(opened.context);
		return opened.page;
	};

	beforeAll(async () => {
		site = await serveShared('valid-course');
	}, 120_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('shows nothing of progress to a first-time visitor and downloads nothing for it', async () => {
		const page = await open('/');
		await page.waitForLoadState('networkidle');
		expect(await page.locator('[data-learner-home]').isHidden()).toBe(true);
		const homePaths = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
		expect(homePaths.filter((path) => /learner\.json|progress-store/.test(path))).toEqual([]);
		await page.goto(site.url('/modules/brewing-basics/'), { waitUntil: 'networkidle' });
		await expect.poll(() => toggle(page).isVisible()).toBe(true);
		const paths = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
		expect(paths.filter((path) => /learner\.json|progress-store/.test(path))).toEqual([]);
	});

	it('without JavaScript, says that it needs it, and "On this page" leads only where the reader can go', async () => {
		const toc = (page: Page, anchor: string) => page.locator(`starlight-toc a[href="${anchor}"]`);
		const without = await site.open('/progress/', { javaScriptEnabled: false });
		contexts.push(without.context);
		expect(await without.page.locator('[data-progress-nojs]').isVisible()).toBe(true);
		for (const anchor of ['#by-track', '#move', '#clear']) expect(await toc(without.page, anchor).isVisible(), anchor).toBe(false);
		const page = await open('/progress/');
		for (const anchor of ['#by-track', '#move', '#clear']) await expect.poll(() => toc(page, anchor).isVisible(), { message: anchor }).toBe(true);
	});

	it('keeps a module marked complete across a reload, with a sidebar mark and the track’s count', async () => {
		const page = await open('/modules/water-temperature/');
		/** What the eye sees in the box before the toggle's name: empty, or a tick (which screen readers skip). */
		const box = () => toggle(page).evaluate((button) => getComputedStyle(button, '::before').content);
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
		expect(await box()).toBe('""');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await box()).toBe('"✓" / ""');
		// A toggle keeps its name, the state it sets ("Completed, toggle button, pressed"), so that a pressed
		// one never reads as a step still to take; the status beside it says more.
		expect(await toggle(page).textContent()).toBe('Completed');
		expect(await page.locator('[data-progress-status]').textContent()).toMatch(/^You completed this module on /);

		await page.reload();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		await expect.poll(() => sidebarMark(page, 'water-temperature').textContent()).toBe('✓ (completed)');
		expect(await sidebarMark(page, 'serving').count()).toBe(0);

		await page.goto(site.url('/tracks/tea-foundations/'));
		await expect.poll(() => page.locator('[data-track-count]').textContent()).toBe('1 of 3 modules complete');
		expect(await page.locator('[data-track-bar]').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(1);
		expect(await page.locator('li[data-track-module="water-temperature"] [data-progress-mark]').first().textContent()).toBe('✓ Completed');
		expect(await page.locator('li[data-track-module="serving"] [data-progress-mark]').count()).toBe(0);
		// So does the track's card on the home page.
		await page.goto(site.url('/'));
		await expect.poll(() => page.locator('[data-track-card="tea-foundations"] [data-track-progress]').textContent()).toBe(' · 1 of 3 modules complete');

		// Un-marking takes it back everywhere.
		await page.goto(site.url('/modules/water-temperature/'));
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
		expect(await sidebarMark(page, 'water-temperature').count()).toBe(0);
	});

	it('completes a module when its knowledge check is passed, and a failed attempt never un-completes it', async () => {
		const page = await open('/modules/serving/');
		await page.locator('[data-quiz][data-quiz-ready]').waitFor();
		await page.locator('[data-quiz-question] [data-correct] input').check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator('[data-progress-status]').textContent()).toContain('by passing the knowledge check. Knowledge check passed with 100%.');
		expect((await storedProgress(page)).modules.serving?.quiz?.score).toBe(100);

		await page.getByRole('button', { name: 'Try again' }).click();
		await page.locator('[data-quiz-question] [data-choice]:not([data-correct]) input').check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		// The check says the earlier pass still counts, as the progress box above it does.
		await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toMatch(/^0 of 1 right, 0%\. Not passed yet\. .* Your earlier pass, 100%, still counts\.$/);
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect((await storedProgress(page)).modules.serving?.quiz?.score).toBe(100);
	});

	it('says what changed since the version completed, marking the major revision to re-read', async () => {
		const page = await open('/modules/brewing-basics/');
		await seed(page, { [KEY]: JSON.stringify({ version: 1, modules: { 'brewing-basics': completedAt('1.0.0') } }) });
		const notice = page.locator('[data-progress-notices] .currents-notice');
		await expect.poll(() => notice.locator('.currents-notice__title').textContent()).toBe('Updated since you completed it: 1.0.0 → 2.1.0');
		expect(await notice.locator('li').evaluateAll((items) => items.map((item) => [item.getAttribute('data-change'), item.hasAttribute('data-reread'), item.textContent]))).toEqual([
			['2.1.0', false, '2.1.0 · 2026-11-01 · Platform change: Covers the new teapot infuser.'],
			['2.0.0', true, 'Re-read: 2.0.0 · 2026-06-01 · Major revision: Reversed the advice on squeezing tea bags.'],
		]);
		expect(await page.locator('[data-progress-status]').textContent()).toContain('You completed version 1.0.0 on');

		// The track page says so too, in the module's entry.
		await page.goto(site.url('/tracks/tea-foundations/'));
		const item = page.locator('li[data-track-module="brewing-basics"]');
		await expect.poll(() => item.locator('.currents-notice__title').textContent()).toBe('Updated since you completed it: 1.0.0 → 2.1.0');
		expect(await item.locator('[data-reread]').count()).toBe(1);

		// Completing the current version ends the notice.
		await page.goto(site.url('/modules/brewing-basics/'));
		await page.getByRole('button', { name: 'Mark version 2.1.0 as complete' }).click();
		await expect.poll(() => notice.count()).toBe(0);
		expect((await storedProgress(page)).modules['brewing-basics']?.completed?.version).toBe('2.1.0');
	});

	it('says in the knowledge check that a major revision rewrote it since the learner passed it, and counts that pass nowhere for the new version', async () => {
		const page = await open('/modules/brewing-basics/');
		const passed = (version: string) => ({ completed: { version, at: AT, via: 'quiz' }, quiz: { version, score: 100, passMark: 75, at: AT } });
		// Every module of the track complete with its check passed; brewing-basics at 1.0.0, before its major revision 2.0.0.
		await seed(page, { [KEY]: JSON.stringify({ version: 1, modules: { 'water-temperature': passed('1.0.0'), 'brewing-basics': passed('1.0.0'), serving: passed('1.0.1') } }) });
		const prompt = page.locator('[data-quiz] [data-quiz-rewritten]');
		await expect.poll(() => prompt.locator('.currents-notice__title').textContent()).toBe('Take the check again');
		expect(await prompt.locator('p').last().textContent()).toBe(
			'You passed this knowledge check at version 1.0.0, and version 2.0.0, a major revision, has come out since, which may have changed what it asks. Your pass does not count for this version: answer the questions below to take it again.'
		);
		// Read in its place, under the check's instructions and before the questions; no live region announces it, and focus stays where it was.
		expect(await prompt.evaluate((element) => [element.previousElementSibling?.tagName, element.nextElementSibling?.className])).toEqual(['P', 'currents-quiz__questions']);
		expect(await prompt.evaluate((element) => element.closest('[aria-live], [role="status"], [role="alert"]') === null && element.querySelector('[aria-live], [role]') === null)).toBe(true);
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		expect(await page.locator('[data-progress-status]').textContent()).toMatch(/^You completed version 1\.0\.0 on .+\. You passed the knowledge check of version 1\.0\.0 with 100%, before a major revision\.$/);

		// A failed attempt at the new check is not told that the old pass still counts.
		await page.locator('[data-quiz][data-quiz-ready]').waitFor();
		await page.locator('[data-quiz-question] [data-choice]:not([data-correct]) input').check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toBe('0 of 1 right, 0%. Not passed yet. The pass mark is 75%. Read the explanations, then try again.');

		// Re-read and marked complete at the current version, the module's old pass no longer completes the track or earns the certificate.
		await page.getByRole('button', { name: 'Mark version 2.1.0 as complete' }).click();
		await expect.poll(async () => (await storedProgress(page)).modules['brewing-basics']?.completed?.version).toBe('2.1.0');
		expect(await prompt.count()).toBe(1);
		await page.goto(site.url('/tracks/tea-foundations/'));
		const message = page.locator('[data-track-complete] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Every module is complete');
		expect(await message.textContent()).toContain('To complete the track, pass the knowledge check of Brewing basics with 75% or more.');
		expect(await page.locator('[data-certificate-todo-item]').allTextContents()).toEqual(['Brewing basics: pass its knowledge check with 75% or more']);
		await page.goto(site.url('/progress/'));
		await expect.poll(() => page.locator('[data-progress-row="brewing-basics"] [data-progress-state]').textContent()).toMatch(/^✓ Completed version 2\.1\.0 on .+; knowledge check of version 1\.0\.0 passed with 100%, before a major revision: take it again$/);
		expect(await page.locator('[data-progress-group="tea-foundations"] [data-progress-group-count]').textContent()).toBe('3 of 3 modules complete');

		// Passing the new check ends the prompt and completes the track.
		await page.goto(site.url('/modules/brewing-basics/'));
		await page.locator('[data-quiz][data-quiz-ready]').waitFor();
		await expect.poll(() => prompt.count()).toBe(1);
		await page.locator('[data-quiz-question] [data-correct] input').check();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect.poll(() => prompt.count()).toBe(0);
		expect(await page.locator('[data-progress-status]').textContent()).toMatch(/ Knowledge check passed with 100%\.$/);
		await page.goto(site.url('/tracks/tea-foundations/'));
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Track complete');
	});

	it('keeps the keyboard’s place when the learner marks the current version complete from the update notice', async () => {
		const page = await open('/modules/brewing-basics/');
		await seed(page, { [KEY]: JSON.stringify({ version: 1, modules: { 'brewing-basics': completedAt('1.0.0') } }) });
		const mark = page.getByRole('button', { name: 'Mark version 2.1.0 as complete' });
		await mark.focus();
		await page.keyboard.press('Enter');
		const status = page.locator('[data-progress-status]');
		await expect.poll(() => status.textContent()).toMatch(/^You completed this module on /);
		expect(await mark.count()).toBe(0);
		// Focus is on the status that says so, not back at the start of the page.
		expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual(['P', await status.textContent()]);
		expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
		// Tab goes on from there, to the next control after it.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your progress');
	});

	it('keeps the keyboard’s place when a dismissed notice or a deleted entry of data set aside goes', async () => {
		const page = await open('/progress/');
		await seed(page, { [KEY]: '{not json' });
		const dismiss = page.locator('[data-progress-messages]').getByRole('button', { name: 'Dismiss' });
		await expect.poll(() => dismiss.count()).toBe(1);
		const focused = () => page.evaluate(() => (document.activeElement === document.body ? 'body' : `${document.activeElement?.tagName} ${document.activeElement?.textContent}`));
		await dismiss.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => dismiss.count()).toBe(0);
		// On to the next control, the first track's name under "By track".
		expect(await focused()).toBe('A Tea foundations');

		const remove = page.locator('[data-progress-set-aside-list]').getByRole('button', { name: 'Delete' });
		await remove.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-progress-set-aside]').isHidden()).toBe(true);
		expect(await focused()).toBe('BUTTON Export progress');
	});

	it('says when a track is complete, and which checks stand in the way when only they do', async () => {
		const page = await open('/tracks/tea-foundations/');
		const pass = (version: string, score: number) => ({ completed: { version, at: AT, via: 'quiz' }, quiz: { version, score, passMark: 75, at: AT } });
		const modules = { 'water-temperature': pass('1.0.0', 100), 'brewing-basics': pass('2.1.0', 50), serving: pass('1.0.1', 100) };
		await seed(page, { [KEY]: JSON.stringify({ version: 1, modules }) });
		const message = page.locator('[data-track-complete] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Every module is complete');
		expect(await message.textContent()).toContain('To complete the track, pass the knowledge check of Brewing basics with 75% or more.');
		await seed(page, { [KEY]: JSON.stringify({ version: 1, modules: { ...modules, 'brewing-basics': pass('2.1.0', 75) } }) });
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Track complete');
		expect(await page.locator('[data-track-count]').textContent()).toBe('3 of 3 modules complete');
		// The home page's card of the track says so too.
		await page.goto(site.url('/'));
		await expect.poll(() => page.locator('[data-track-card="tea-foundations"] [data-track-progress]').textContent()).toBe(' · 3 of 3 modules complete: track complete');
	});

	it('round-trips an export into a fresh browser, adding to the progress already there', async () => {
		const first = await open('/modules/water-temperature/');
		await toggle(first).click();
		// Each completion is stored before the next page opens.
		await expect.poll(() => toggle(first).getAttribute('aria-pressed')).toBe('true');
		await first.goto(site.url('/modules/brewing-basics/'));
		await toggle(first).click();
		await expect.poll(() => toggle(first).getAttribute('aria-pressed')).toBe('true');
		const text = await exportFile(first, site);
		expect(JSON.parse(text)).toMatchObject({ format: 'currents-progress', version: 1, site: SITE, modules: { 'water-temperature': { completed: { version: '1.0.0' } }, 'brewing-basics': { completed: { version: '2.1.0' } } } });

		const second = await open('/modules/serving/');
		await toggle(second).click();
		await expect.poll(() => toggle(second).getAttribute('aria-pressed')).toBe('true');
		await second.goto(site.url('/progress/'));
		// The file field's button is drawn as the import button beside it is, not as the browser's default.
		const LOOK = ['border-top-left-radius', 'border-top-color', 'color', 'background-color', 'font-weight'];
		const field = await second.locator('[data-progress-file]').evaluate((input, names) => names.map((name) => getComputedStyle(input, '::file-selector-button').getPropertyValue(name)), LOOK);
		const button = await second.locator('[data-progress-import]').evaluate((element, names) => names.map((name) => getComputedStyle(element).getPropertyValue(name)), LOOK);
		expect(field).toEqual(button);
		expect(await importFile(second, 'progress.json', text)).toBe('Imported progress.json: 2 completed modules in it were new to this browser, whose progress now has 3.');
		expect(await second.locator('[data-progress-group="tea-foundations"] [data-progress-group-count]').textContent()).toBe('3 of 3 modules complete');
		expect(await second.locator('[data-progress-row="brewing-basics"] [data-progress-state]').textContent()).toMatch(/^✓ Completed version 2\.1\.0 on /);
		// The same file again brings nothing new, and says so.
		expect(await importFile(second, 'progress.json', text)).toBe('Imported progress.json: this browser already held all of its progress, so nothing changed.');
		// A file with an earlier completion of a module already here adds no module but changes its record.
		const earlier = JSON.stringify({ format: 'currents-progress', version: 1, site: SITE, exportedAt: AT, modules: { 'brewing-basics': { completed: { version: '2.1.0', at: '2026-01-01T00:00:00.000Z', via: 'marked' } } } });
		expect(await importFile(second, 'earlier.json', earlier)).toBe('Imported earlier.json: no completed module in it was new to this browser, but it updated what this browser holds for modules already here.');
		// An export says what it saved.
		const [download] = await Promise.all([second.waitForEvent('download'), second.getByRole('button', { name: 'Export progress' }).click()]);
		expect(await second.locator('[data-progress-export-status]').textContent()).toBe(`Saved ${download.suggestedFilename()} with 3 completed modules. Import it in another browser or on another device to carry on there.`);
		expect(await second.locator('[data-progress-import-status]').textContent()).toBe('');
		await second.goto(site.url('/modules/water-temperature/'));
		await expect.poll(() => toggle(second).getAttribute('aria-pressed')).toBe('true');
	});

	it('refuses a file from another site, from a newer version or damaged, and changes nothing', async () => {
		const page = await open('/modules/serving/');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		await page.goto(site.url('/progress/'));
		const before = await stored(page);
		const file = (fields: object) => JSON.stringify({ format: 'currents-progress', version: 1, site: SITE, exportedAt: AT, modules: { 'water-temperature': completedAt('1.0.0') }, ...fields });

		expect(await importFile(page, 'other.json', file({ site: 'https://other.example.org' }))).toBe(
			'This file holds progress from another site (https://other.example.org), not from this one (https://steeped.example.org). Nothing was imported.'
		);
		expect(await page.locator('[data-progress-import-status]').getAttribute('data-result')).toBe('refused');
		expect(await importFile(page, 'future.json', file({ version: 2 }))).toContain('This file was exported by a newer version of this site (progress format 2; this page reads format 1).');
		expect(await importFile(page, 'damaged.json', file({ modules: { 'water-temperature': completedAt('1.0.0'), serving: { completed: { version: 'latest', at: AT, via: 'marked' } } } }))).toBe(
			'This file is damaged: the entry for “serving” has a “completed.version” that should be a version number such as 1.2.0. Nothing was imported.'
		);
		expect(await importFile(page, 'notes.txt', 'not json at all')).toContain('it does not hold JSON data');
		expect(await stored(page)).toBe(before);
		expect(await page.locator('[data-progress-row="water-temperature"] [data-progress-state]').textContent()).toBe('Not complete');
	});

	it('works on with unreadable stored progress, says so and keeps it aside', async () => {
		const page = await open('/modules/serving/');
		await seed(page, { [KEY]: '{not json' });
		const message = page.locator('[data-progress-messages] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Saved progress could not be read');
		expect(await message.textContent()).toContain('The unreadable data is kept on Your progress');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');

		await page.goto(site.url('/progress/'));
		const aside = page.locator('[data-progress-set-aside-list] li');
		await expect.poll(() => aside.count()).toBe(1);
		const [download] = await Promise.all([page.waitForEvent('download'), aside.getByRole('button', { name: 'Download' }).click()]);
		expect(readFileSync((await download.path())!, 'utf8')).toBe('{not json');
	});

	it('keeps the valid records of a tampered store and names the ones it set aside', async () => {
		const page = await open('/progress/');
		const tampered = JSON.stringify({ version: 1, modules: { 'water-temperature': completedAt('1.0.0'), 'brewing-basics': { completed: { version: 42, at: AT, via: 'marked' } } } });
		await seed(page, { [KEY]: tampered });
		const message = page.locator('[data-progress-messages] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Some saved progress could not be read');
		expect(await message.textContent()).toContain('Part of your saved progress could not be read (“brewing-basics”). Everything else is kept.');
		expect(await page.locator('[data-progress-row="water-temperature"] [data-progress-state]').textContent()).toMatch(/^✓ Completed version 1\.0\.0/);
		expect(Object.keys((await storedProgress(page)).modules)).toEqual(['water-temperature']);
		expect(JSON.parse((await stored(page, 'currents:set-aside'))!)[0].raw).toBe(tampered);

		// Dismissed, the notice stays away; the data stays on the list.
		await message.getByRole('button', { name: 'Dismiss' }).click();
		await page.reload();
		await expect.poll(() => page.locator('[data-progress-set-aside-list] li').count()).toBe(1);
		expect(await message.count()).toBe(0);
	});

	it('never writes over progress saved by a newer version of the site', async () => {
		const page = await open('/modules/serving/');
		const future = JSON.stringify({ version: 2, modules: { serving: { done: true } }, streak: 12 });
		await seed(page, { [KEY]: future });
		const message = page.locator('[data-progress-messages] .currents-notice');
		await expect.poll(() => message.locator('.currents-notice__title').textContent()).toBe('Progress from a newer version of this site');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(JSON.parse((await stored(page, 'currents:set-aside'))!).map((entry: { raw: string }) => entry.raw)).toEqual([future]);
	});

	it('offers to continue where the learner left off, and lists modules updated since the last visit', async () => {
		const page = await open('/modules/serving/');
		const longAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
		const versions = { 'water-temperature': '1.0.0', 'brewing-basics': '2.1.0', serving: '1.0.0' };
		await seed(page, { 'currents:visits': JSON.stringify({ version: 1, last: { module: 'serving', at: longAgo }, seen: { at: longAgo, versions }, since: { at: longAgo, versions } }) }, '/');
		const home = page.locator('[data-learner-home]');
		await expect.poll(() => home.isVisible()).toBe(true);
		expect(await home.locator('[data-continue]').getAttribute('data-continue')).toBe('serving');
		expect(await home.locator('[data-continue] a').first().textContent()).toBe('Serving');
		expect(await home.locator('[data-updated]').evaluateAll((items) => items.map((item) => item.textContent))).toEqual(['Serving 1.0.0 → 1.0.1']);
		// Looking again in the same visit shows the same.
		await page.reload();
		await expect.poll(() => home.locator('[data-updated]').count()).toBe(1);
	});

	it('clears everything after a confirmation', async () => {
		const page = await open('/modules/serving/');
		await toggle(page).click();
		// Saving loads its validator first; the completion is stored once the button says so.
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		await page.goto(site.url('/progress/'));
		await page.getByRole('button', { name: 'Clear progress…' }).click();
		expect(await page.getByRole('button', { name: 'Clear progress…' }).getAttribute('aria-expanded')).toBe('true');
		await page.getByRole('button', { name: 'Cancel' }).click();
		expect(await stored(page)).not.toBeNull();
		await page.getByRole('button', { name: 'Clear progress…' }).click();
		await page.getByRole('button', { name: 'Yes, delete everything' }).click();
		expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('currents:progress') || key.startsWith('currents:visits')))).toEqual([]);
		expect(await page.locator('[data-progress-clear-status]').textContent()).toBe('Your progress in this browser was deleted.');
		expect(await page.locator('[data-progress-row="serving"] [data-progress-state]').textContent()).toBe('Not complete');
		// The two buttons of the confirmation stand apart, so that a finger does not press the one for the other.
		await page.getByRole('button', { name: 'Clear progress…' }).click();
		const [yes, cancel] = await Promise.all([page.getByRole('button', { name: 'Yes, delete everything' }).boundingBox(), page.getByRole('button', { name: 'Cancel' }).boundingBox()]);
		expect(cancel!.x - (yes!.x + yes!.width)).toBeGreaterThanOrEqual(8);
		await page.getByRole('button', { name: 'Cancel' }).click();
		// A message stays only until the next action: an import after the deletion replaces it.
		const file = JSON.stringify({ format: 'currents-progress', version: 1, site: SITE, exportedAt: AT, modules: { serving: completedAt('1.0.1') } });
		expect(await importFile(page, 'back.json', file)).toBe('Imported back.json: 1 completed module in it was new to this browser, whose progress now has 1.');
		expect(await page.locator('[data-progress-clear-status]').textContent()).toBe('');
	});

	it('says why it cannot show progress when the list of modules does not load, and still exports it', async () => {
		const page = await open('/modules/serving/');
		await toggle(page).click();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
		// The page carries no copy of the catalogue: it fetches the one the home page uses.
		await page.route('**/learner.json', (route) => route.abort());
		await page.goto(site.url('/progress/'));
		await expect
			.poll(() => page.locator('[data-progress-total]').textContent())
			.toBe('The list of this site’s modules could not be loaded, so your progress cannot be shown here. Reload the page to try again; exporting, importing and deleting still work.');
		expect(await page.locator('[data-progress-row="serving"] [data-progress-state]').textContent()).toBe('');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
		expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toMatchObject({ site: SITE, modules: { serving: { completed: { version: '1.0.1' } } } });

		await page.unroute('**/learner.json');
		await page.reload();
		await expect.poll(() => page.locator('[data-progress-row="serving"] [data-progress-state]').textContent()).toMatch(/^✓ Completed version 1\.0\.1 on /);
	});

	it('keeps a track for reading offline when asked: its module pages open without a connection, styled and with their knowledge checks, and are forgotten when asked', async () => {
		// A server of its own, stopped to take the connection away; its address is its own origin, so its service worker answers nothing else.
		let server = await serveFolder(site.build.outDir);
		const { context } = await site.open('/', { locale: 'en-GB' });
		contexts.push(context);
		const page = await context.newPage();
		const status = page.locator('[data-offline-status]');
		await page.goto(server.url('/tracks/tea-foundations/'));
		// Nothing is kept, and no service worker is registered, until the reader asks.
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		await page.getByRole('button', { name: 'Keep this track for reading offline' }).click();
		// The track page, its three modules and the whole track on one page.
		await expect.poll(() => status.textContent()).toMatch(/^Kept 5 pages for reading offline\./);
		const port = server.port;
		await server.close();
		// Serving was never opened: it reads from what was kept, with the site's styles and scripts.
		await page.goto(`http://127.0.0.1:${port}/modules/serving/`);
		await expect.poll(() => page.locator('h1').textContent()).toBe('Serving');
		await page.locator('[data-quiz][data-quiz-ready]').waitFor({ state: 'attached' });
		expect(await page.locator('.sidebar-pane').evaluate((pane) => getComputedStyle(pane).position)).toBe('fixed');
		await page.goto(`http://127.0.0.1:${port}/tracks/tea-foundations/print/`);
		await expect.poll(() => page.locator('h1').textContent()).toBe('Tea foundations: the whole track');
		// A page the reader did not keep is not there: a page says so, and leads to the track kept.
		expect((await page.goto(`http://127.0.0.1:${port}/verify/`))?.status()).toBe(503);
		expect(await page.locator('h1').textContent()).toBe('You are offline');
		await page.getByRole('link', { name: 'Tea foundations' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Tea foundations');
		expect(new URL(page.url()).pathname).toBe('/tracks/tea-foundations/');
		// Back online, the track page says it is kept, and removes it when asked: nothing is left, not even the worker.
		server = await serveFolder(site.build.outDir, {}, port);
		try {
			const again = await context.newPage();
			await again.goto(server.url('/tracks/tea-foundations/'));
			await expect.poll(() => again.locator('[data-offline-status]').textContent()).toMatch(/^This track is kept for reading offline in this browser, since /);
			await again.getByRole('button', { name: 'Remove the offline copy' }).click();
			await expect.poll(() => again.locator('[data-offline-status]').textContent()).toBe('The offline copy of this track is removed.');
			expect(await again.evaluate(async () => Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).length)))).toEqual([0, 0, 0]);
			expect(await again.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		} finally {
			await server.close();
		}
	});
});
