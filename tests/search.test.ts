import { describe, expect, it } from 'vitest';
import {
	EARLIER,
	FACETS,
	orderFacetValues,
	searchAttributes,
	searchFilter,
	translateSelection,
	untranslatedOnly,
	type Facet,
	type PagefindFilter,
	type Selection,
} from '../src/lib/search/facets.ts';
import { indexedPart } from '../src/lib/search/index-step.ts';
import { facetedSearch, type FilterCounts, type PagefindSearch } from '../src/lib/search/pagefind.ts';
import { mergeCounts, searchBoth, untranslatedTotals, type OriginalIndex } from '../src/lib/search/untranslated.ts';
import { excerptParts, resultView } from '../src/lib/search/results.ts';
import { statusMessage, type SearchText } from '../src/lib/search/text.ts';
import { correctedQuery, sameWord, wordsNotFound } from '../src/lib/search/close-match.ts';
import { typingDistance } from '../src/lib/curriculum/edit-distance.ts';
import { browseSort, CURRICULUM_SORT, sortAttributes, trackSort, type PlaceFacts } from '../src/lib/search/order.ts';
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

	it('names the languages a page of the first language has a page in, so that their search can leave it out', () => {
		const { filters } = searchAttributes({ type: 'module', level: 'Beginner', translatedInto: ['fi', 'sv', 'fi'] });
		expect(filters).toEqual(['type:Module', 'level:Beginner', 'translated:fi', 'translated:sv']);
		expect(searchAttributes({ type: 'module', translatedInto: [] }).filters).toEqual(['type:Module']);
	});

	it('names the content type in the page language and keeps the earlier-version marker', () => {
		const module = searchAttributes({ type: 'module', level: 'Beginner' }, typeLabels('fi'));
		expect(module.filters).toEqual(['type:Moduuli', 'level:Beginner']);
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

	it('keeps a search to the part of an index its scope names, such as the pages not translated into a language', () => {
		expect(searchFilter({ level: ['Beginner'] }, false, undefined, [untranslatedOnly('fi')])).toEqual({
			all: [{ translated: { none: ['fi'] } }, { level: { any: ['Beginner'] } }, { type: { none: [EARLIER] } }],
		});
		expect(searchFilter({}, true, undefined, [untranslatedOnly('fi')])).toEqual({ all: [{ translated: { none: ['fi'] } }] });
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

	it('shows a module with its duration, in the units of the reader’s language', () => {
		const meta = { title: 'Brewing basics', type: 'Moduuli', version: '2.1.0', level: 'Perustaso', duration: '90' };
		expect(resultView({ url: '/fi/modules/brewing-basics/', meta }, (version) => `Versio ${version}`, { hours: 't', minutes: 'min' }).details).toEqual(['Versio 2.1.0', 'Perustaso', '1 t 30 min']);
		expect(resultView({ url: '/modules/brewing-basics/', meta: { ...meta, duration: '20' } }).details).toEqual(['Version 2.1.0', 'Perustaso', '20 min']);
		// Anything but a whole number of minutes is left out rather than shown as it came.
		for (const duration of ['', 'soon', '0', '2.5']) expect(resultView({ url: '/x/', meta: { duration } }).details).toEqual([]);
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
		const fi: SearchText = { ...searchText('fi'), original: { lang: 'en', one: 'Lisäksi 1 kääntämätön sivu alkuperäiskielellä ({language}).', other: 'Lisäksi {count} kääntämätöntä sivua alkuperäiskielellä ({language}).', inexact: { one: 'Lisäksi 1 kääntämätön sivu ({language}), mutta siinä ei ole sanaa ”{words}”.', other: 'Lisäksi {count} kääntämätöntä sivua ({language}), mutta ensimmäisissä ei ole sanaa ”{words}”.' }, label: 'Kieli: englanti', language: 'englanti', pageLang: 'fi', values: {} } };
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

describe('the words offered for a misspelt one', () => {
	/** Words the site surely has, as the dialog gathers them: facet values and result titles. */
	const vocabulary = ['TikTok', 'Instagram', 'LinkedIn', 'Strategy and planning', 'Strategia ja suunnittelu', 'Foundation', 'Module', 'LinkedIn playbook'];

	it('offers the closest word the site has, in place of the word not found, keeping the words that were', () => {
		expect(correctedQuery('instagarm', ['instagarm'], vocabulary)).toBe('instagram');
		expect(correctedQuery('Instagarm  reels', ['instagarm'], vocabulary)).toBe('instagram reels');
		expect(correctedQuery('strategai', ['strategai'], vocabulary)).toBe('strategia');
		expect(correctedQuery('tiktk linkdin', ['tiktk', 'linkdin'], vocabulary)).toBe('tiktok linkedin');
	});

	it('offers nothing for a word far from every word of the site, a very short word, or a word the site has', () => {
		expect(correctedQuery('qzxqzx', ['qzxqzx'], vocabulary)).toBeUndefined();
		// Three letters wrong in nine are a different word; two in five too.
		expect(correctedQuery('instaxxxm', ['instaxxxm'], vocabulary)).toBeUndefined();
		expect(correctedQuery('tikxx', ['tikxx'], vocabulary)).toBeUndefined();
		// Two letters are a slip away from too many words to guess which was meant.
		expect(correctedQuery('ti', ['ti'], vocabulary)).toBeUndefined();
		// Spelt as the site spells it, though the first results do not mark it.
		expect(correctedQuery('module', ['module'], vocabulary)).toBeUndefined();
		// Only the words not found are corrected: "linkdin" was found (say, by a stem), so it stays.
		expect(correctedQuery('linkdin', [], vocabulary)).toBeUndefined();
	});

	it('counts two letters typed the wrong way round as one slip, and prefers a word that starts like the typed one', () => {
		expect(correctedQuery('tae', ['tae'], ['Tea'])).toBe('tea');
		expect(correctedQuery('hats', ['hats'], ['cats', 'hate'])).toBe('hate');
		expect([typingDistance('instagarm', 'instagram'), typingDistance('strategai', 'strategy'), typingDistance('kettle', 'kettle'), typingDistance('', 'tea')]).toEqual([1, 2, 0, 3]);
	});
});

describe('the order of a search without words', () => {
	/** The tea fixture's tracks, in the curriculum's order: a module in two tracks. */
	const TRACKS = [
		{ id: 'tea-foundations', data: { modules: ['water-temperature', 'brewing-basics', 'serving'] } },
		{ id: 'hosting', data: { modules: ['serving'] } },
	];
	const PLACES: Record<string, PlaceFacts> = {
		'Hosting': { type: 'track', id: 'hosting' },
		'Tea foundations': { type: 'track', id: 'tea-foundations' },
		'Serving': { type: 'module', id: 'serving' },
		'Brewing basics': { type: 'module', id: 'brewing-basics' },
		'Water temperature': { type: 'module', id: 'water-temperature' },
		'Brewing basics v1': { type: 'archived', id: 'brewing-basics' },
		'Loose leaf': { type: 'module', id: 'loose-leaf' },
		'Teapot infusers': { type: 'update', modules: ['brewing-basics'], date: '2026-10-20' },
		'Kettle presets': { type: 'update', modules: ['water-temperature', 'serving'], date: '2026-11-10' },
		'About': { type: 'page' },
		'Home': { type: 'page' },
	};
	/** The pages that carry `key`, in the order Pagefind sorts them by it, ascending: as text (or as numbers, the same). */
	const sortedBy = (key: string) =>
		Object.entries(PLACES)
			.flatMap(([title, page]) => sortAttributes(page, TRACKS).flatMap((sort) => (sort.startsWith(`${key}:`) ? [[title, sort.slice(key.length + 1)] as const] : [])))
			.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([title]) => title);

	it("gives every page the curriculum's key: each track with its modules, earlier versions, updates newest first, then other pages", () => {
		expect(Object.values(PLACES).every((page) => sortAttributes(page, TRACKS).some((sort) => sort.startsWith(`${CURRICULUM_SORT}:`)))).toBe(true);
		expect(sortedBy(CURRICULUM_SORT).slice(0, -2)).toEqual(['Tea foundations', 'Water temperature', 'Brewing basics', 'Serving', 'Hosting', 'Loose leaf', 'Brewing basics v1', 'Kettle presets', 'Teapot infusers']);
		expect(sortedBy(CURRICULUM_SORT).slice(-2).sort()).toEqual(['About', 'Home']);
	});

	it("gives the pages of a track the track's own key: the track first, then its modules, then the updates that touch them", () => {
		expect(sortedBy(trackSort(1))).toEqual(['Hosting', 'Serving', 'Kettle presets']);
		expect(sortedBy(trackSort(0))).toEqual(['Tea foundations', 'Water temperature', 'Brewing basics', 'Serving', 'Brewing basics v1', 'Kettle presets', 'Teapot infusers']);
		// Values of one width, so that text and numbers order alike.
		expect(new Set(Object.values(PLACES).flatMap((page) => sortAttributes(page, TRACKS).map((sort) => sort.split(':')[1]!.length)))).toEqual(new Set([9]));
	});

	it('browses one ticked track in its own order, and anything else in the curriculum’s', () => {
		const names = ['Tea foundations', 'Hosting'];
		expect(browseSort({ track: ['Hosting'] }, names)).toEqual({ [trackSort(1)]: 'asc' });
		expect(browseSort({ track: ['Hosting'], platform: ['Kettle'] }, names)).toEqual({ [trackSort(1)]: 'asc' });
		expect(browseSort({ track: ['Hosting', 'Tea foundations'] }, names)).toEqual({ [CURRICULUM_SORT]: 'asc' });
		expect(browseSort({ platform: ['Kettle'] }, names)).toEqual({ [CURRICULUM_SORT]: 'asc' });
		expect(browseSort({ track: ['Unknown'] }, names)).toEqual({ [CURRICULUM_SORT]: 'asc' });
	});
});

describe('the dialog words in each language', () => {
	it('writes the English words as the English dialog always had them', () => {
		expect(SEARCH_TEXT_EN.placeholder).toBe('Search modules, tracks and updates');
		expect(SEARCH_TEXT_EN.facets).toEqual({ type: 'Content type', track: 'Track', platform: 'Platform', level: 'Level' });
		expect(SEARCH_TEXT_EN.version).toBe('Version {version}');
		expect(SEARCH_TEXT_EN.duration).toEqual({ hours: 'h', minutes: 'min' });
		expect(JSON.stringify(SEARCH_TEXT_EN)).not.toContain('original');
	});

	it('has every word in Finnish, with the placeholders the script fills', () => {
		const fi = searchText('fi');
		const flat = (text: SearchText) => JSON.stringify(text).match(/"[^"]*"/g)!;
		expect(flat(fi).length).toBe(flat(SEARCH_TEXT_EN).length);
		expect(fi.facets).toEqual({ type: 'Sisältötyyppi', track: 'Opintopolku', platform: 'Alusta', level: 'Taso' });
		expect(fi.version).toBe('Versio {version}');
		expect(fi.duration).toEqual({ hours: 't', minutes: 'min' });
		expect(fi.results.other).toContain('{count}');
		expect(fi.results.other).toContain('{query}');
	});
});

/** A small index and a stand-in for Pagefind's search that applies the filter forms the dialog sends. */
interface Page {
	url: string;
	words: string[];
	filters: Partial<Record<Facet | 'translated', string[]>>;
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
		// As in Pagefind, `none` keeps a page that lacks the filter, and `any` never does.
		const has = page.filters[key as Facet] ?? [];
		return (!any || any.some((v) => has.includes(v))) && (!none || !none.some((v) => has.includes(v)));
	});
}

/** Pagefind's search over `pages`: counts for every value of the index, as Pagefind gives them once its filters are loaded. */
function fakeIndex(pages: Page[]) {
	return {
		async search(term: string | null, options: { filters?: PagefindFilter }): Promise<PagefindSearch> {
			const found = pages.filter((page) => (term === null || page.words.includes(term)) && matches(page, options.filters ?? {}));
			const filters: FilterCounts = {};
			for (const facet of FACETS) {
				filters[facet] = {};
				for (const page of pages) for (const value of page.filters[facet] ?? []) filters[facet]![value] = found.filter((p) => p.filters[facet]?.includes(value)).length;
			}
			return { results: found.map((page) => ({ id: page.url, data: async () => ({ url: page.url }) })), filters };
		},
		async filters(): Promise<FilterCounts> {
			return (await this.search(null, {})).filters;
		},
	};
}
const fakePagefind = fakeIndex(PAGES);
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

	it('asks Pagefind for the curriculum order only when there are no words, and only for the results it lists', async () => {
		const asked: { term: string | null; sort: unknown; filters: unknown }[] = [];
		const spy = { search: async (term: string | null, options: { filters?: PagefindFilter; sort?: unknown }) => (asked.push({ term, sort: options.sort, filters: options.filters }), fakePagefind.search(term, options)) };
		const sort = { [CURRICULUM_SORT]: 'asc' } as const;
		await facetedSearch(spy, '', { platform: ['Kettle'] }, false, TOTALS, [], sort);
		// The listed results are sorted; the platform's own count search is not.
		expect(asked.map((call) => call.sort)).toEqual([sort, undefined]);
		asked.length = 0;
		await facetedSearch(spy, 'tea', { platform: ['Kettle'] }, false, TOTALS, [], sort);
		expect(asked.map((call) => call.sort)).toEqual([undefined, undefined]);
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

describe('search on a page in a second language, over its own index and the untranslated pages of the original', () => {
	/** The Finnish index: Finnish names where the curriculum has them, the English title of a track not translated. */
	const FINNISH: Page[] = [
		{ url: '/fi/m/a/', words: ['tea'], filters: { type: ['Moduuli'], track: ['Teen perusteet'], platform: ['Kettle'], level: ['Aloittelija'] } },
		{ url: '/fi/u/x/', words: ['tea', 'kettle'], filters: { type: ['Alustapäivitys'], track: ['Hosting'], platform: ['Kettle'] } },
		{ url: '/fi/t/', words: ['tea'], filters: { type: ['Opintopolku'], track: ['Teen perusteet'] } },
	];
	/** The English index: pages with a Finnish page say so; "Serving" and "Samovar" exist only in English. */
	const ENGLISH: Page[] = [
		{ url: '/m/a/', words: ['tea'], filters: { type: ['Module'], track: ['Tea basics'], platform: ['Kettle'], level: ['Beginner'], translated: ['fi'] } },
		{ url: '/m/b/', words: ['tea', 'pot'], filters: { type: ['Module'], track: ['Tea basics'], platform: ['Teapot'], level: ['Beginner'] } },
		{ url: '/m/b/v1/', words: ['tea', 'pot'], filters: { type: ['Module', EARLIER], track: ['Tea basics'], platform: ['Teapot'], level: ['Beginner'] } },
		{ url: '/m/c/', words: ['tea', 'cup'], filters: { type: ['Module'], track: ['Hosting'], platform: ['Teapot', 'Kettle'], level: ['Expert'] } },
		{ url: '/m/d/', words: ['tea'], filters: { type: ['Module'], track: ['Serving'], platform: ['Kettle'], level: ['Expert'] } },
		{ url: '/u/x/', words: ['tea', 'kettle'], filters: { type: ['Platform update'], track: ['Hosting'], platform: ['Kettle'], translated: ['fi'] } },
		{ url: '/u/y/', words: ['tea'], filters: { type: ['Platform update'], track: ['Serving'], platform: ['Teapot'], translated: ['sv'] } },
		{ url: '/u/z/', words: ['tea'], filters: { type: ['Platform update'], platform: ['Samovar'], translated: ['fi', 'sv'] } },
		{ url: '/t/', words: ['tea'], filters: { type: ['Track'], track: ['Tea basics'], translated: ['fi'] } },
		{ url: '/t/s/', words: ['tea'], filters: { type: ['Track'], track: ['Serving'] } },
	];
	const values: OriginalIndex['values'] = {
		type: { Moduuli: 'Module', Opintopolku: 'Track', Alustapäivitys: 'Platform update', 'Aiempi versio': EARLIER },
		track: { 'Teen perusteet': 'Tea basics' },
		level: { Aloittelija: 'Beginner', Asiantuntija: 'Expert' },
	};
	const finnish = fakeIndex(FINNISH);
	const original: OriginalIndex = { pagefind: fakeIndex(ENGLISH), pageLang: 'fi', values };
	const totals = () => finnish.filters();
	const both = async (query: string, selection: Selection, includeEarlier = false) => (await searchBoth(finnish, query, selection, includeEarlier, await totals(), original))!;
	const urls = async (query: string, selection: Selection, includeEarlier = false) => {
		const found = await both(query, selection, includeEarlier);
		return Promise.all([...found.results, ...found.untranslated].map(async (result) => (await result.data()).url));
	};

	it('lists a track only the original has, by its original name, and what ticking it finds', async () => {
		const found = await both('tea', {});
		expect(found.counts.track).toEqual({ 'Teen perusteet': 3, Hosting: 2, Serving: 3 });
		// "Serving" has no Finnish page: ticking it lists the English pages of it, the one translated into Swedish only among them.
		expect(await urls('tea', { track: ['Serving'] })).toEqual(['/m/d/', '/u/y/', '/t/s/']);
		// A translated track: its Finnish pages, then its English pages not translated into Finnish.
		expect(await urls('tea', { track: ['Teen perusteet'] })).toEqual(['/fi/m/a/', '/fi/t/', '/m/b/']);
		expect(await urls('tea', { track: ['Teen perusteet'] }, true)).toEqual(['/fi/m/a/', '/fi/t/', '/m/b/', '/m/b/v1/']);
	});

	it('never lists or counts an original page that has a page in the page language', async () => {
		const listed = await urls('tea', {}, true);
		expect(listed.filter((url) => ENGLISH.find((page) => page.url === url)?.filters.translated?.includes('fi'))).toEqual([]);
		expect(listed).toEqual(['/fi/m/a/', '/fi/u/x/', '/fi/t/', '/m/b/', '/m/b/v1/', '/m/c/', '/m/d/', '/u/y/', '/t/s/']);
		// Samovar is on a translated page alone: the dialog does not list it, and ticking it would find nothing.
		expect((await both('tea', {})).counts.platform).toEqual({ Kettle: 4, Teapot: 3, Samovar: 0 });
	});

	it('counts, for every value, the results ticking it lists from both indexes', async () => {
		const selections: Selection[] = [
			{},
			{ track: ['Serving'] },
			{ platform: ['Kettle'] },
			{ type: ['Moduuli'], level: ['Asiantuntija'] },
			{ track: ['Teen perusteet', 'Serving'], platform: ['Teapot'] },
		];
		for (const includeEarlier of [false, true]) {
			for (const query of ['tea', '']) {
				for (const selection of selections) {
					const found = await both(query, selection, includeEarlier);
					for (const facet of FACETS) {
						for (const [value, count] of Object.entries(found.counts[facet] ?? {})) {
							if (facet === 'type' && value === EARLIER) continue;
							const expected = (await urls(query, { ...selection, [facet]: [value] }, includeEarlier)).length;
							expect(count, `${facet} ${value} with "${query}" ${JSON.stringify(selection)}${includeEarlier ? ' and earlier versions' : ''}`).toBe(expected);
						}
					}
				}
			}
		}
	});

	it('adds the original’s counts to the values they are known by in the page language, and keeps the rest by their original names', () => {
		const merged = mergeCounts(
			{ type: { Moduuli: 1, [EARLIER]: 1 }, track: { 'Teen perusteet': 2, Hosting: 1 } },
			{ type: { Module: 3, [EARLIER]: 2, 'Platform update': 1 }, track: { 'Tea basics': 1, Hosting: 1, Serving: 2 }, level: { Beginner: 1 } },
			values
		);
		expect(merged).toEqual({
			// The earlier-version marker is one value in every index, though the Finnish metadata names such a page "Aiempi versio".
			type: { Moduuli: 4, [EARLIER]: 3, Alustapäivitys: 1 },
			track: { 'Teen perusteet': 3, Hosting: 2, Serving: 2 },
			level: { Aloittelija: 1 },
		});
	});

	it('takes the facet values of the original’s untranslated pages, leaving out those only its translated pages carry', async () => {
		const theirs = await untranslatedTotals(original);
		expect(theirs.platform).toEqual({ Teapot: 4, Kettle: 2 });
		expect(theirs.track).toEqual({ 'Tea basics': 2, Hosting: 1, Serving: 3 });
	});

	it('searches with each index’s own names for the ticked values', () => {
		expect(translateSelection({ type: ['Moduuli', 'Opintopolku'], platform: ['Kettle'] }, { type: { Moduuli: 'Module', Opintopolku: 'Track' } })).toEqual({ type: ['Module', 'Track'], platform: ['Kettle'] });
	});

	it('finds and counts the page language’s pages alone when the original’s index fails, or is not there', async () => {
		const failing: OriginalIndex = { ...original, pagefind: { ...original.pagefind, search: () => Promise.reject(new Error('offline')) } };
		for (const other of [failing, undefined]) {
			const found = (await searchBoth(finnish, 'tea', { platform: ['Kettle'] }, false, await totals(), other))!;
			const alone = (await facetedSearch(finnish, 'tea', { platform: ['Kettle'] }, false, await totals()))!;
			expect(found.untranslated).toEqual([]);
			expect(found.counts).toEqual(alone.counts);
			expect(found.results.map((result) => result.id)).toEqual(['/fi/m/a/', '/fi/u/x/']);
		}
	});

	it('lists nothing, and counts every page of both, before there are words or ticks', async () => {
		const idle = await both('', {});
		expect([idle.searched, idle.results.length, idle.untranslated.length]).toEqual([false, 0, 0]);
		expect(idle.counts.type).toEqual({ Moduuli: 4, Alustapäivitys: 2, Opintopolku: 2, [EARLIER]: 0 });
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
