import { describe, expect, it } from 'vitest';
import { EARLIER, FACETS, orderFacetValues, searchAttributes, searchFilter, translateSelection, TRANSLATES, type Facet, type PagefindFilter, type Selection } from '../src/lib/search/facets.ts';
import { indexedPart } from '../src/lib/search/index-step.ts';
import { facetedSearch, untranslatedResults, type FilterCounts, type PagefindSearch } from '../src/lib/search/pagefind.ts';
import { excerptParts, resultView } from '../src/lib/search/results.ts';
import { statusMessage, type SearchText } from '../src/lib/search/text.ts';
import { sameWord, wordsNotFound } from '../src/lib/search/close-match.ts';
import { SEARCH_TEXT_EN, searchText, typeLabels } from '../src/lib/search/words.ts';

describe('what a page tells the search index', () => {
	it('gives a module its type, tracks, platforms and level as filters, and its version and level as metadata', () => {
		const { filters, meta } = searchAttributes({ type: 'module', tracks: ['Tea foundations', 'Hosting'], platforms: ['Kettle', 'Teapot'], level: 'Beginner', version: '2.1.0' });
		expect(filters).toEqual(['type:Module', 'track:Tea foundations', 'track:Hosting', 'platform:Kettle', 'platform:Teapot', 'level:Beginner']);
		expect(meta).toEqual(['type:Module', 'version:2.1.0', 'level:Beginner']);
	});

	it('marks an earlier version both as a module and as an earlier version, and says so in its metadata', () => {
		const { filters, meta } = searchAttributes({ type: 'archived', platforms: ['Teapot'], level: 'Beginner', version: '1.0.0' });
		expect(filters).toEqual(['type:Module', `type:${EARLIER}`, 'platform:Teapot', 'level:Beginner']);
		expect(meta[0]).toBe(`type:${EARLIER}`);
	});

	it('keeps titles with commas and colons whole, since Pagefind reads the key up to the first colon', () => {
		const { filters } = searchAttributes({ type: 'track', tracks: ['Tea: leaf,  water\nand time'] });
		expect(filters).toEqual(['type:Track', 'track:Tea: leaf, water and time']);
	});

	it('names the content type in the page language, keeps the earlier-version marker, and names the page a translation translates', () => {
		const module = searchAttributes({ type: 'module', level: 'Beginner', translates: '/modules/brewing-basics/' }, typeLabels('fi'));
		expect(module.filters).toEqual(['type:Moduuli', 'level:Beginner', `${TRANSLATES}:/modules/brewing-basics/`]);
		expect(module.meta).toEqual(['type:Moduuli', 'level:Beginner']);
		const archived = searchAttributes({ type: 'archived' }, typeLabels('fi'));
		expect(archived.filters).toEqual(['type:Moduuli', `type:${EARLIER}`]);
		expect(archived.meta).toEqual(['type:Aiempi versio']);
		expect(searchAttributes({ type: 'update' }, typeLabels('fi')).filters).toEqual(['type:Alustapäivitys']);
		expect(searchAttributes({ type: 'track' }, typeLabels('fi')).filters).toEqual(['type:Opintopolku']);
		expect(searchAttributes({ type: 'page' }, typeLabels('fi')).filters).toEqual(['type:Sivu']);
	});

	it('leaves out what a page does not have, and values named twice', () => {
		const { filters, meta } = searchAttributes({ type: 'update', platforms: ['Kettle', 'Kettle', ' '], level: undefined });
		expect(filters).toEqual(['type:Platform update', 'platform:Kettle']);
		expect(meta).toEqual(['type:Platform update']);
	});
});

describe('the filter a search sends', () => {
	it('leaves earlier versions out unless the reader includes them', () => {
		expect(searchFilter({}, false)).toEqual({ all: [{ type: { none: [EARLIER] } }] });
		expect(searchFilter({}, true)).toEqual({});
	});

	it('accepts any ticked value within a facet and requires every facet with ticks', () => {
		expect(searchFilter({ platform: ['Kettle', 'Teapot'], level: ['Beginner'] }, true)).toEqual({
			all: [{ platform: { any: ['Kettle', 'Teapot'] } }, { level: { any: ['Beginner'] } }],
		});
	});

	it('can leave one facet out, to count that facet', () => {
		expect(searchFilter({ platform: ['Kettle'], level: ['Beginner'] }, false, 'platform')).toEqual({
			all: [{ level: { any: ['Beginner'] } }, { type: { none: [EARLIER] } }],
		});
	});
});

describe('the order of facet values', () => {
	it('follows the curriculum, then the alphabet for values it does not name', () => {
		expect(orderFacetValues('level', ['Expert', 'Zeta', 'Beginner', 'Alpha'], ['Beginner', 'Expert'])).toEqual(['Beginner', 'Expert', 'Alpha', 'Zeta']);
	});

	it('leaves the earlier-version type to its own option', () => {
		expect(orderFacetValues('type', ['Track', EARLIER, 'Module'], ['Module', 'Track'])).toEqual(['Module', 'Track']);
		expect(orderFacetValues('platform', [EARLIER], [])).toEqual([EARLIER]);
	});
});

describe('a result as the dialog shows it', () => {
	it('marks the matched words and keeps every other character as text', () => {
		expect(excerptParts('Use a <mark>teaspoon</mark> a cup; the tag &lt;b&gt; is not markup &amp; <mark>tea</mark>')).toEqual([
			{ text: 'Use a ', mark: false },
			{ text: 'teaspoon', mark: true },
			{ text: ' a cup; the tag <b> is not markup & ', mark: false },
			{ text: 'tea', mark: true },
		]);
	});

	it('never turns the excerpt into elements other than marks', () => {
		const parts = excerptParts('<img src=x onerror=alert(1)> &lt;script&gt;alert(1)&lt;/script&gt; &#60;i&#x3e;');
		expect(parts).toEqual([{ text: '<img src=x onerror=alert(1)> <script>alert(1)</script> <i>', mark: false }]);
	});

	it('joins marks that follow each other and drops empty ones', () => {
		expect(excerptParts('<mark>tea</mark><mark>pot</mark><mark></mark> warm')).toEqual([
			{ text: 'teapot', mark: true },
			{ text: ' warm', mark: false },
		]);
	});

	it('shows a module with its type, version and level', () => {
		const view = resultView({ url: '/modules/brewing-basics/', excerpt: 'a <mark>pot</mark>', meta: { title: 'Brewing basics', type: 'Module', version: '2.1.0', level: 'Beginner' } });
		expect(view).toEqual({
			title: 'Brewing basics',
			url: '/modules/brewing-basics/',
			type: 'Module',
			details: ['Version 2.1.0', 'Beginner'],
			excerpt: [
				{ text: 'a ', mark: false },
				{ text: 'pot', mark: true },
			],
		});
	});

	it('shows a page without metadata by its address', () => {
		const view = resultView({ url: '/whats-new/', meta: {} });
		expect([view.title, view.type, view.details, view.excerpt]).toEqual(['/whats-new/', '', [], []]);
	});
});

describe('what the live region says', () => {
	it('counts results for the words searched', () => {
		expect(statusMessage(SEARCH_TEXT_EN, ' tea ', 1)).toBe('1 result for “tea”.');
		expect(statusMessage(SEARCH_TEXT_EN, 'tea', 7)).toBe('7 results for “tea”.');
		expect(statusMessage(SEARCH_TEXT_EN, 'tea', 0)).toBe('No results for “tea”. Try other words or clear a filter.');
	});

	it('counts pages when the reader browses by filters alone', () => {
		expect(statusMessage(SEARCH_TEXT_EN, '', 3)).toBe('3 pages match the filters.');
		expect(statusMessage(SEARCH_TEXT_EN, '', 0)).toBe('No pages match these filters. Clear a filter to see more.');
	});

	it('speaks the page language, and adds the untranslated pages of the first language that follow', () => {
		const fi: SearchText = { ...searchText('fi'), original: { lang: 'en', one: 'Lisäksi 1 kääntämätön sivu alkuperäiskielellä ({language}).', other: 'Lisäksi {count} kääntämätöntä sivua alkuperäiskielellä ({language}).', inexact: { one: 'Lisäksi 1 kääntämätön sivu ({language}), mutta siinä ei ole sanaa ”{words}”.', other: 'Lisäksi {count} kääntämätöntä sivua ({language}), mutta ensimmäisissä ei ole sanaa ”{words}”.' }, label: 'Kieli: englanti', language: 'englanti', values: {} } };
		expect(statusMessage(fi, 'tavoite', 3)).toBe('3 tulosta haulla ”tavoite”.');
		expect(statusMessage(fi, 'tavoite', 1)).toBe('1 tulos haulla ”tavoite”.');
		expect(statusMessage(fi, 'tavoite', 0)).toBe('Ei tuloksia haulla ”tavoite”. Kokeile muita sanoja tai poista jokin suodatin.');
		expect(statusMessage(fi, 'tiktok', 2, 5)).toBe('2 tulosta haulla ”tiktok”. Lisäksi 5 kääntämätöntä sivua alkuperäiskielellä (englanti).');
		expect(statusMessage(fi, 'tiktok', 0, 1)).toBe('0 tulosta haulla ”tiktok”. Lisäksi 1 kääntämätön sivu alkuperäiskielellä (englanti).');
		expect(statusMessage(fi, '', 1)).toBe('Suodattimia vastaa 1 sivu.');
		// Only untranslated pages, which matched words like the typed one: it is said of them.
		expect(statusMessage(fi, 'qzxqzx', 0, 3, ['qzxqzx'])).toBe('0 tulosta haulla ”qzxqzx”. Lisäksi 3 kääntämätöntä sivua (englanti), mutta ensimmäisissä ei ole sanaa ”qzxqzx”.');
		expect(statusMessage(fi, 'qzxqzx', 0, 1, ['qzxqzx'])).toBe('0 tulosta haulla ”qzxqzx”. Lisäksi 1 kääntämätön sivu (englanti), mutta siinä ei ole sanaa ”qzxqzx”.');
		// With results in the page's language, the words missing are theirs.
		expect(statusMessage(fi, 'strategai', 2, 5, ['strategai'])).toBe('2 tulosta haulla ”strategai”, mutta ensimmäisissä ei ole sanaa ”strategai”: osumat ovat samankaltaisiin sanoihin. Lisäksi 5 kääntämätöntä sivua alkuperäiskielellä (englanti).');
	});
});

describe('a search that found only words like the ones typed', () => {
	it('tells a word found with an ending from a misspelt one, by the words the excerpts mark', () => {
		const found = [['kpi', 'kpis'], ['campaigns', 'campaign'], ['strategies', 'strategy'], ['somessa', 'some'], ['strategioita', 'strategia'], ['tavoitteet', 'tavoite'], ['in', 'in']];
		const misspelt = [['instagarm', 'in'], ['instagarm', 'instagram'], ['instagarm', 'linkedin'], ['teapto', 'tea'], ['tae', 'green'], ['ai', 'aim']];
		expect(found.filter(([typed, marked]) => !sameWord(typed!, marked!))).toEqual([]);
		expect(misspelt.filter(([typed, marked]) => sameWord(typed!, marked!))).toEqual([]);
	});

	it('names the typed words no excerpt marks, and claims nothing when the excerpts mark nothing', () => {
		const excerpts = ['<mark>LinkedIn</mark> uses member data <mark>in</mark> more regions.', 'Short <mark>Reels</mark> and long videos.'];
		expect(wordsNotFound('Instagarm reels', excerpts)).toEqual(['instagarm']);
		expect(wordsNotFound('reels', excerpts)).toEqual([]);
		expect(wordsNotFound('instagarm', ['A page found by its title.'])).toEqual([]);
	});

	it('says so in the count, in the page language', () => {
		expect(statusMessage(SEARCH_TEXT_EN, 'instagarm reels', 17, 0, ['instagarm'])).toBe('17 results for “instagarm reels”, but the first ones do not have “instagarm”: they matched similar words.');
		expect(statusMessage(SEARCH_TEXT_EN, 'teapto', 1, 0, ['teapto'])).toBe('1 result for “teapto”, but it does not have “teapto”: it matched similar words.');
		expect(statusMessage(searchText('fi'), 'strategai', 4, 0, ['strategai'])).toBe('4 tulosta haulla ”strategai”, mutta ensimmäisissä ei ole sanaa ”strategai”: osumat ovat samankaltaisiin sanoihin.');
		expect(statusMessage(SEARCH_TEXT_EN, 'tea', 0, 0, ['tea'])).toBe('No results for “tea”. Try other words or clear a filter.');
	});
});

describe('the dialog words in each language', () => {
	it('writes the English words as the English dialog always had them', () => {
		expect(SEARCH_TEXT_EN.placeholder).toBe('Search modules, tracks and updates');
		expect(SEARCH_TEXT_EN.facets).toEqual({ type: 'Content type', track: 'Track', platform: 'Platform', level: 'Level' });
		expect(SEARCH_TEXT_EN.version).toBe('Version {version}');
		expect(JSON.stringify(SEARCH_TEXT_EN)).not.toContain('original');
	});

	it('has every word in Finnish, with the placeholders the script fills', () => {
		const fi = searchText('fi');
		const flat = (text: SearchText) => JSON.stringify(text).match(/"[^"]*"/g)!;
		expect(flat(fi).length).toBe(flat(SEARCH_TEXT_EN).length);
		expect(fi.facets).toEqual({ type: 'Sisältötyyppi', track: 'Opintopolku', platform: 'Alusta', level: 'Taso' });
		expect(fi.version).toBe('Versio {version}');
		expect(fi.results.other).toContain('{count}');
		expect(fi.results.other).toContain('{query}');
	});
});

/** A small index and a stand-in for Pagefind's search that applies the filter forms the dialog sends. */
interface Page {
	url: string;
	words: string[];
	filters: Partial<Record<Facet, string[]>>;
}
const PAGES: Page[] = [
	{ url: '/m/a/', words: ['tea', 'water'], filters: { type: ['Module'], platform: ['Kettle'], level: ['Beginner'], track: ['T'] } },
	{ url: '/m/b/', words: ['tea', 'pot'], filters: { type: ['Module'], platform: ['Teapot'], level: ['Beginner'], track: ['T'] } },
	{ url: '/m/b/v1/', words: ['tea', 'pot'], filters: { type: ['Module', EARLIER], platform: ['Teapot'], level: ['Beginner'], track: ['T'] } },
	{ url: '/m/c/', words: ['tea', 'cup'], filters: { type: ['Module'], platform: ['Teapot', 'Kettle'], level: ['Expert'], track: ['T'] } },
	{ url: '/u/x/', words: ['tea', 'kettle'], filters: { type: ['Platform update'], platform: ['Kettle'], track: ['T'] } },
	{ url: '/t/', words: ['tea'], filters: { type: ['Track'], track: ['T'] } },
	{ url: '/', words: ['tea', 'home'], filters: {} },
];

function matches(page: Page, filter: PagefindFilter): boolean {
	return Object.entries(filter).every(([key, value]) => {
		if (key === 'all') return (value as PagefindFilter[]).every((part) => matches(page, part));
		const { any, none } = value as { any?: string[]; none?: string[] };
		const has = page.filters[key as Facet] ?? [];
		return (!any || any.some((v) => has.includes(v))) && (!none || !none.some((v) => has.includes(v)));
	});
}

const fakePagefind = {
	async search(term: string | null, options: { filters?: PagefindFilter }): Promise<PagefindSearch> {
		const found = PAGES.filter((page) => (term === null || page.words.includes(term)) && matches(page, options.filters ?? {}));
		const filters: FilterCounts = {};
		for (const facet of FACETS) {
			filters[facet] = {};
			for (const page of PAGES) for (const value of page.filters[facet] ?? []) filters[facet]![value] = found.filter((p) => p.filters[facet]?.includes(value)).length;
		}
		return { results: found.map((page) => ({ id: page.url, data: async () => ({ url: page.url }) })), filters };
	},
};
const TOTALS: FilterCounts = { type: { Module: 4, [EARLIER]: 1 } };

describe('a faceted search', () => {
	const urls = async (query: string, selection: Selection, includeEarlier = false) =>
		Promise.all((await facetedSearch(fakePagefind, query, selection, includeEarlier, TOTALS))!.results.map(async (r) => (await r.data()).url));

	it('finds pages with any ticked value of a facet, and leaves earlier versions out by default', async () => {
		expect(await urls('pot', {})).toEqual(['/m/b/']);
		expect(await urls('pot', {}, true)).toEqual(['/m/b/', '/m/b/v1/']);
		expect(await urls('tea', { platform: ['Kettle', 'Teapot'], level: ['Expert'] })).toEqual(['/m/c/']);
	});

	it('counts, for every value, the results it has with the words and the other facets as ticked', async () => {
		const selections: Selection[] = [{}, { platform: ['Kettle'] }, { platform: ['Kettle'], level: ['Beginner'] }, { type: ['Module', 'Track'], platform: ['Teapot'] }];
		for (const includeEarlier of [false, true]) {
			for (const selection of selections) {
				const found = (await facetedSearch(fakePagefind, 'tea', selection, includeEarlier, TOTALS))!;
				for (const facet of FACETS) {
					const others = { ...selection, [facet]: [] };
					for (const [value, count] of Object.entries(found.counts[facet] ?? {})) {
						const expected = (await urls('tea', { ...others, [facet]: [value] }, includeEarlier)).length;
						expect(count, `${facet} ${value} with ${JSON.stringify(selection)}`).toBe(expected);
					}
				}
			}
		}
	});

	it('waits for words or a ticked value before listing results, and counts every page meanwhile', async () => {
		const idle = (await facetedSearch(fakePagefind, '  ', {}, false, TOTALS))!;
		expect(idle.searched).toBe(false);
		expect(idle.results).toEqual([]);
		expect(idle.counts.type).toEqual({ Module: 3, [EARLIER]: 0, 'Platform update': 1, Track: 1 });
		const browsing = (await facetedSearch(fakePagefind, '', { level: ['Expert'] }, false, TOTALS))!;
		expect([browsing.searched, browsing.results.length]).toEqual([true, 1]);
		// With earlier versions included and nothing to narrow, the index's own totals are the counts.
		expect((await facetedSearch(fakePagefind, '', {}, true, TOTALS))!.counts.type).toEqual(TOTALS.type);
	});
});

describe('the untranslated pages listed after the results of a second language', () => {
	const original = {
		async search(term: string | null, options: { filters?: PagefindFilter }): Promise<PagefindSearch> {
			return fakePagefind.search(term, options);
		},
	};

	it('lists the matches the page language has no translation of, best first, and nothing without words or ticks', async () => {
		const urls = async (query: string, selection: Selection, translated: string[]) => (await untranslatedResults(original, query, selection, false, new Set(translated))).map((fragment) => fragment.url);
		expect(await urls('pot', {}, [])).toEqual(['/m/b/']);
		expect(await urls('tea', {}, ['/m/a/', '/t/'])).toEqual(['/m/b/', '/m/c/', '/u/x/', '/']);
		expect(await urls('tea', { platform: ['Kettle'] }, ['/m/a/'])).toEqual(['/m/c/', '/u/x/']);
		expect(await urls('', {}, [])).toEqual([]);
	});

	it('searches the other index with its own names for the ticked values', () => {
		expect(translateSelection({ type: ['Moduuli', 'Opintopolku'], platform: ['Kettle'] }, { type: { Moduuli: 'Module', Opintopolku: 'Track' } })).toEqual({ type: ['Module', 'Track'], platform: ['Kettle'] });
	});
});

describe('the part of a page Pagefind is given', () => {
	const head = '<!DOCTYPE html><html lang="fi" dir="ltr"><head><meta charset="utf-8"><title>Kettles | Steeped</title></head>';
	const main = '<main data-pagefind-body lang="fi"><h1>Kettles</h1><p>Water boils.</p><span data-pagefind-filter="type:Module"></span></main>';
	const page = (nav: string, after = '<footer><a href="/">Home</a></footer>') => `${head}<body class="x"><nav aria-label="Main"><ul>${nav}</ul></nav>${main}${after}</body></html>`;

	it('is the head and the marked main, without the navigation and footer around it', () => {
		expect(indexedPart(page('<li><a href="/a/">Brewing</a></li>'))).toBe(`${head}<body class="x">${main}</body></html>`);
	});

	it('is the whole page when something Pagefind reads lies outside the main', () => {
		for (const outside of ['<li data-pagefind-filter="track:Tea">Tea</li>', '<li><h1>Site</h1></li>', '<li><img src="/logo.png" alt=""></li>']) {
			expect(indexedPart(page(outside)), outside).toBe(page(outside));
		}
		const footerMeta = page('', '<footer data-pagefind-meta="author:Sam"></footer>');
		expect(indexedPart(footerMeta)).toBe(footerMeta);
	});

	it('is the whole page when the main is not marked, or is not the only one', () => {
		const unmarked = page('').replace('<main data-pagefind-body', '<main');
		expect(indexedPart(unmarked)).toBe(unmarked);
		const two = page('<li><main>x</main></li>');
		expect(indexedPart(two)).toBe(two);
		const inScript = `${head}<body><script>const html = "<main>";</script>${main}</body></html>`;
		expect(indexedPart(inScript)).toBe(inScript);
	});
});
