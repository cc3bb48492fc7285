import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * Search in the Finnish edition of the flagship curriculum: on a Finnish page the dialog
 * speaks Finnish, searches the Finnish index first (Pagefind picks it from `<html lang="fi">`), has
 * Finnish facet names and values that narrow the results, and lists English pages that are not
 * translated yet after the Finnish results; its facets and counts cover those English pages too.
 * On an English page nothing of this shows.
 */
describe('search in the Finnish edition', () => {
	let site: ServedSite;
	beforeAll(async () => {
		site = await serveShared('flagship');
	}, 240_000);
	afterAll(() => site?.close());

	const status = (page: Page) => page.locator('[data-search-status]');
	/** The pages of the build that Pagefind indexes, by address, with the values of their Pagefind filters. */
	const indexedPages = () => {
		const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
		const pages = new Map<string, string[]>();
		for (const file of readdirSync(site.build.outDir, { recursive: true, encoding: 'utf8' })) {
			if (!file.endsWith('index.html') || file.startsWith('pagefind/')) continue;
			const html = site.build.read(file);
			if (!html.includes('data-pagefind-body')) continue;
			pages.set(`/${file.slice(0, -'index.html'.length)}`, [...html.matchAll(/data-pagefind-filter="([^"]*)"/g)].map((match) => unescape(match[1]!)));
		}
		return pages;
	};
	const hrefs = (page: Page) => page.locator('[data-search-results] li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	/** Opens search on a page and waits until the index has loaded. */
	const openSearch = async (path: string) => {
		const opened = await site.open(path, { viewport: { width: 1280, height: 900 } });
		await opened.page.keyboard.press('Control+K');
		await expect.poll(() => opened.page.locator('fieldset[data-facet="type"]').isVisible()).toBe(true);
		return opened;
	};
	const search = async (page: Page, words: string, settled: RegExp) => {
		await page.locator('[data-search-input]').fill(words);
		await expect.poll(() => status(page).textContent()).toMatch(settled);
	};
	/** Every result, with "Show more results" pressed until none are left. */
	const allResults = async (page: Page) => {
		const more = page.locator('[data-search-more]');
		while (await more.isVisible()) {
			const before = (await hrefs(page)).length;
			await more.click();
			await expect.poll(async () => (await hrefs(page)).length).toBeGreaterThan(before);
		}
		return hrefs(page);
	};

	it('finds Finnish pages first for a Finnish word, with Finnish facets whose values narrow the results', async () => {
		const { page } = await openSearch('/fi/modules/goals-and-kpis/');
		expect(await page.locator('[data-search-input]').getAttribute('placeholder')).toBe('Hae moduuleja, opintopolkuja ja päivityksiä');
		expect(await page.locator('fieldset[data-facet]:not([hidden]) legend').allTextContents()).toEqual(expect.arrayContaining(['Sisältötyyppi', 'Opintopolku', 'Taso']));
		const typeValues = await page.locator('fieldset[data-facet="type"] label > span:not([data-count])').allTextContents();
		expect(typeValues).toContain('Moduuli');
		expect(typeValues).not.toContain('Module');
		// Tracks by their Finnish names; a track not translated yet (one the Finnish update touches, or one only
		// English pages have) keeps its English name, marked English for screen readers. Every track is listed once.
		const tracks = await page
			.locator('fieldset[data-facet="track"] label > span:not([data-count])')
			.evaluateAll((names) => Object.fromEntries(names.map((name) => [name.textContent, name.getAttribute('lang')])));
		expect(tracks).toMatchObject({ 'Strategia ja suunnittelu': null, 'Content and creative': 'en' });
		expect(Object.keys(tracks)).not.toContain('Strategy and planning');
		const englishTracks = new Set([...indexedPages()].flatMap(([path, filters]) => (path.startsWith('/fi/') ? [] : filters.filter((filter) => filter.startsWith('track:')))));
		expect(Object.keys(tracks)).toHaveLength(englishTracks.size);

		await search(page, 'tavoite', /^\d+ tulosta? haulla ”tavoite”\./);
		const found = await allResults(page);
		expect(found.length).toBeGreaterThan(1);
		expect(found[0]).toMatch(/^\/fi\//);
		// A Finnish word has no match among the English pages, so every result is a Finnish page.
		expect(found.every((href) => href.startsWith('/fi/'))).toBe(true);
		const total = Number(/^(\d+)/.exec((await status(page).textContent())!)![1]);
		expect(total).toBe(found.length);
		const module = page.locator('[data-search-results] li').filter({ has: page.locator('a[href="/fi/modules/goals-and-kpis/"]') });
		// Its duration too, from the Finnish page's header, in minutes as the header says it.
		const minutes = /data-pagefind-meta="duration:(\d+)"/.exec(site.build.read('fi/modules/goals-and-kpis/index.html'))![1];
		expect(await module.locator('[data-result-meta]').textContent()).toMatch(new RegExp(`^Moduuli · Versio \\d+\\.\\d+\\.\\d+ · .+ · ${minutes} min$`));

		// Ticking a value that fewer pages carry narrows the results to its count, still Finnish pages.
		const values = page.locator('fieldset[data-facet]:not([hidden]) li label');
		let ticked = false;
		for (let i = 0; i < (await values.count()) && !ticked; i++) {
			const count = Number(await values.nth(i).locator('[data-count]').textContent());
			if (count === 0 || count >= total) continue;
			await values.nth(i).locator('input').check();
			await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${count} tulosta? haulla ”tavoite”\\.`));
			const narrowed = await allResults(page);
			expect(narrowed).toHaveLength(count);
			expect(narrowed.every((href) => href.startsWith('/fi/'))).toBe(true);
			expect(await page.locator('[data-search-selected]').textContent()).toBe(' (1)');
			expect(await page.locator('[data-search-clear]').textContent()).toBe('Tyhjennä suodattimet');
			ticked = true;
		}
		expect(ticked).toBe(true);
	});

	it('reads the Finnish words with the Finnish stemmer, and the English pages with the English one', async () => {
		const { page } = await openSearch('/fi/');
		// The plural and the partitive of "tavoite" (goal) find the module whose title starts with the plural.
		for (const word of ['tavoitteet', 'tavoitteita']) {
			await search(page, word, new RegExp(`^\\d+ tulosta? haulla ”${word}”\\.`));
			expect((await hrefs(page))[0], word).toBe('/fi/modules/goals-and-kpis/');
		}
		// An English inflection finds the untranslated English module that has its stem ("playbooks", "playbook").
		await search(page, 'playbooks', /haulla ”playbooks”/);
		expect(await hrefs(page)).toContain('/modules/tiktok-playbook/');
	});

	it('says when the English pages found first, with no Finnish result, only matched words like the typed one', async () => {
		const { page } = await openSearch('/fi/');
		// No page has these words. Pagefind answers one with pages that hold words sharing its first letters, but
		// only from the part of its index where the word would sort, so which of them finds English pages and no
		// Finnish one changes as the curriculum's words do: the first that does is the one the message is about.
		const made = ['qzxqzx', 'vqzxqz', 'hqzxqz', 'qazxqz', 'xqzxqz', 'bqzxqz', 'kqzxqz', 'pqzxqz'];
		const settled = async (word: string) => {
			await page.locator('[data-search-input]').fill(word);
			await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^(\\d+ tulos|Ei tuloksia)[^]*”${word}”`));
			return (await status(page).textContent()) ?? '';
		};
		let word: string | undefined;
		let said = '';
		for (const candidate of made) {
			said = await settled(candidate);
			if (said.startsWith('0 tulosta')) {
				word = candidate;
				break;
			}
		}
		expect(word, `none of ${made.join(', ')} finds English pages and no Finnish page`).toBeDefined();
		expect(said).toMatch(new RegExp(`^0 tulosta haulla ”${word}”\\. Lisäksi \\d+ kääntämätön(tä)? sivua? alkuperäiskielellä \\(englanti\\), mutta (ensimmäisissä|siinä) ei ole sanaa ”${word}”: osum(at ovat samankaltaisiin sanoihin|a on samankaltaiseen sanaan)\\.$`));
		expect((await hrefs(page)).length).toBeGreaterThan(0);
	});

	it('lists English pages not translated yet after the Finnish results, marked as English, without the originals of Finnish pages', async () => {
		const { page } = await openSearch('/fi/modules/goals-and-kpis/');
		// "KPI" is in the Finnish module's title and in many English modules.
		await search(page, 'KPI', /^\d+ tulosta? haulla ”KPI”\. Lisäksi \d+ kääntämätön(tä)? sivu[a]? alkuperäiskielellä \(englanti\)\.$/);
		const found = await allResults(page);
		const firstEnglish = found.findIndex((href) => !href.startsWith('/fi/'));
		expect(found[0]).toMatch(/^\/fi\//);
		expect(firstEnglish).toBeGreaterThan(0);
		expect(found.slice(firstEnglish).every((href) => !href.startsWith('/fi/'))).toBe(true);
		expect(found).toContain('/fi/modules/goals-and-kpis/');
		expect(found).not.toContain('/modules/goals-and-kpis/');
		const english = page.locator('[data-search-results] li').nth(firstEnglish);
		expect(await english.locator('a').getAttribute('lang')).toBe('en');
		// The line of facts stays Finnish, content type included, and says the page is in English.
		expect(await english.locator('[data-result-meta]').getAttribute('lang')).toBeNull();
		expect(await english.locator('[data-result-meta]').textContent()).toMatch(/^(Moduuli|Opintopolku|Alustapäivitys)( · .*)? · Kieli: englanti$/);
		// Levels too: no English level name in any line of facts.
		const facts = (await page.locator('[data-search-results] [data-result-meta]').allTextContents()).join('\n');
		expect(facts).toMatch(/Perustaso|Ammattilaistaso|Edistynyt taso/);
		expect(facts).not.toMatch(/Foundation|Practitioner|Advanced/);
		const [own, extra] = /^(\d+) .*Lisäksi (\d+)/.exec((await status(page).textContent())!)!.slice(1).map(Number);
		expect(own).toBe(firstEnglish);
		expect(extra).toBe(found.length - firstEnglish);
	});

	it('marks each English page that has a Finnish page as translated into Finnish, and no other', async () => {
		const pages = indexedPages();
		const finnish = [...pages.keys()].filter((path) => path.startsWith('/fi/')).map((path) => path.slice('/fi'.length));
		const marked = [...pages].filter(([path, filters]) => !path.startsWith('/fi/') && filters.includes('translated:fi')).map(([path]) => path);
		expect(marked.sort()).toEqual(finnish.sort());
		expect(marked).toContain('/modules/goals-and-kpis/');
		expect(pages.get('/fi/modules/goals-and-kpis/')!.some((filter) => filter.startsWith('translated:'))).toBe(false);
	});

	it('filters by a track only the English pages have, listing them with counts that add up', async () => {
		const pages = indexedPages();
		const tracksOf = (filters: string[]) => filters.filter((filter) => filter.startsWith('track:')).map((filter) => filter.slice('track:'.length));
		const carried = (finnish: boolean) => new Set([...pages].filter(([path]) => path.startsWith('/fi/') === finnish).flatMap(([, filters]) => tracksOf(filters)));
		const finnishTracks = carried(true);
		const englishOnly = [...carried(false)].filter((track) => !finnishTracks.has(track) && track !== 'Strategy and planning');
		expect(englishOnly.length).toBeGreaterThan(0);

		const { page } = await openSearch('/fi/');
		const names = page.locator('fieldset[data-facet="track"] label > span:not([data-count])');
		const langs = await names.evaluateAll((spans) => Object.fromEntries(spans.map((span) => [span.textContent, span.getAttribute('lang')])));
		for (const track of englishOnly) expect(langs[track], track).toBe('en');
		const track = englishOnly[0]!;
		const value = page.locator('fieldset[data-facet="track"] li label').filter({ has: page.getByText(track, { exact: true }) });
		const count = Number(await value.locator('[data-count]').textContent());
		// Its English pages not translated into Finnish, as the build marks them.
		const expected = [...pages].filter(
			([path, filters]) => !path.startsWith('/fi/') && filters.includes(`track:${track}`) && !filters.includes('translated:fi') && !filters.includes('type:Earlier version')
		);
		expect(count).toBe(expected.length);
		expect(await value.locator('input').isEnabled()).toBe(true);
		await value.locator('input').check();
		const settled = new RegExp(`^Suodattimia vastaa 0 sivua\\. Lisäksi ${count} kääntämätön(tä)? sivua? alkuperäiskielellä \\(englanti\\)\\.$`);
		await expect.poll(() => status(page).textContent()).toMatch(settled);
		const found = await allResults(page);
		expect(found.sort()).toEqual(expected.map(([path]) => path).sort());
		expect(await page.locator('[data-search-results] li > a[lang="en"]').count()).toBe(count);
		// Every page has one content type: with the track ticked, the type counts add up to the results listed.
		const typeCounts = (await page.locator('fieldset[data-facet="type"] [data-count]').allTextContents()).map(Number);
		expect(typeCounts.reduce((sum, n) => sum + n, 0)).toBe(count);

		// With words as well, the count beside the track is what ticking it lists: Finnish pages (none) and English ones.
		await value.locator('input').uncheck();
		await search(page, 'KPI', /^\d+ tulosta? haulla ”KPI”\./);
		const withWords = Number(await value.locator('[data-count]').textContent());
		if (withWords === 0) {
			expect(await value.locator('input').isDisabled()).toBe(true);
		} else {
			await value.locator('input').check();
			await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^0 tulosta haulla ”KPI”\\. Lisäksi ${withWords} kääntämätön`));
			expect(await allResults(page)).toHaveLength(withWords);
		}
	});

	it('counts the English pages not translated yet beside every value, as the results list them', async () => {
		const { page } = await openSearch('/fi/modules/goals-and-kpis/');
		/** The results the live region counts: the Finnish ones, and the English ones said to follow. */
		const listed = async () => {
			const text = (await status(page).textContent())!;
			return Number(/^(\d+) /.exec(text)?.[1] ?? 0) + Number(/Lisäksi (\d+)/.exec(text)?.[1] ?? 0);
		};
		await search(page, 'KPI', /^\d+ tulosta? haulla ”KPI”\. Lisäksi \d+ kääntämätön/);
		const total = await listed();
		const typeCounts = (await page.locator('fieldset[data-facet="type"] [data-count]').allTextContents()).map(Number);
		expect(typeCounts.reduce((sum, n) => sum + n, 0)).toBe(total);
		// A level ticked lists as many pages as its count said, of both languages together.
		const level = page.locator('fieldset[data-facet="level"] li label').filter({ hasText: 'Perustaso' });
		const count = Number(await level.locator('[data-count]').textContent());
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThan(total);
		await level.locator('input').check();
		await expect.poll(listed).toBe(count);
		expect(await allResults(page)).toHaveLength(count);
	});

	it('searches the Finnish pages alone, with their own counts, when the English index cannot be loaded', async () => {
		const { page } = await site.open('/fi/', { viewport: { width: 1280, height: 900 } });
		await page.route((url) => url.pathname.endsWith('/pagefind/pagefind.js') && url.searchParams.has('index'), (route) => route.abort());
		await page.keyboard.press('Control+K');
		await expect.poll(() => page.locator('fieldset[data-facet="type"]').isVisible()).toBe(true);
		const tracks = await page.locator('fieldset[data-facet="track"] label > span:not([data-count])').allTextContents();
		expect(tracks).toContain('Strategia ja suunnittelu');
		await search(page, 'KPI', /^\d+ tulosta? haulla ”KPI”\.$/);
		const found = await allResults(page);
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((href) => href.startsWith('/fi/'))).toBe(true);
		const typeCounts = (await page.locator('fieldset[data-facet="type"] [data-count]').allTextContents()).map(Number);
		expect(typeCounts.reduce((sum, n) => sum + n, 0)).toBe(found.length);
	});

	it('lists the tracks in the curriculum’s order in Finnish as in English, each by its name in Finnish where it has one', async () => {
		const trackNames = async (path: string) => (await openSearch(path)).page.locator('fieldset[data-facet="track"] label > span:not([data-count])').allTextContents();
		const english = await trackNames('/');
		const finnish = await trackNames('/fi/');
		expect(english.length).toBeGreaterThan(2);
		expect(finnish).toEqual(english.map((name) => (name === 'Strategy and planning' ? 'Strategia ja suunnittelu' : name)));
	});

	it('offers the platform the flagship has for a misspelt one, in English and in Finnish, and lists its pages when pressed', async () => {
		const { page } = await openSearch('/');
		await search(page, 'instagarm', /Did you mean instagram\?$/);
		await status(page).getByRole('button', { name: 'instagram', exact: true }).click();
		await expect.poll(() => status(page).textContent()).toMatch(/^\d+ results for “instagram”\.$/);
		// The Instagram playbook is on the first screen of results, which no longer start with LinkedIn.
		expect(await hrefs(page)).toContain('/modules/instagram-playbook/');

		const finnish = (await openSearch('/fi/')).page;
		await search(finnish, 'instagarm', /Tarkoititko instagram\?$/);
		expect(await status(finnish).getByRole('button', { name: 'instagram', exact: true }).count()).toBe(1);
	});

	it('keeps the dialog English on an English page, with English pages only', async () => {
		const { page } = await openSearch('/modules/goals-and-kpis/');
		expect(await page.locator('fieldset[data-facet]:not([hidden]) legend').allTextContents()).toEqual(expect.arrayContaining(['Content type', 'Track', 'Level']));
		const typeValues = await page.locator('fieldset[data-facet="type"] label > span:not([data-count])').allTextContents();
		expect(typeValues).toContain('Module');
		expect(typeValues).not.toContain('Moduuli');
		await search(page, 'KPI', /^\d+ results? for “KPI”\.$/);
		const found = await allResults(page);
		expect(found.length).toBeGreaterThan(1);
		expect(found.some((href) => href.startsWith('/fi/'))).toBe(false);
		expect(await page.locator('[data-search-results] [lang]').count()).toBe(0);
	});
});
