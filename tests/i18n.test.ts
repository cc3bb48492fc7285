import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { sitePages } from '../src/lib/check/site-pages.ts';
import { localeOf, localized, siteLocales, starlightLocales, unlocalized, type Locale } from '../src/lib/i18n/locales.ts';
import { assignedAddress, contentsEntries, IN_ORIGINAL_GROUP, localizeSidebarEntries, markOptionLanguages, markOriginal, mergeModule, originalGroups, partsInOriginal, translationStatus, type SidebarEntry } from '../src/lib/i18n/site.ts';
import { UI_STRINGS, uiText } from '../src/lib/i18n/ui/index.ts';
import { dayText } from '../src/lib/i18n/dates.ts';
import { matchRedirect, redirectRules } from '../scripts/lib/static-server.ts';
import starlightStrings from '../node_modules/@astrojs/starlight/dist/translations/index.js';
import { englishFragments, englishLeft } from './english-left.ts';
import { BREWING_FI_TEACHING, makeBilingual } from './tea-bilingual.ts';
import { brewingFi, buildCurriculum, copyFixture, sharedBuild, sharedContent, TMP, TODAY, type Build } from './utils.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the interface strings', () => {
	const english = UI_STRINGS.en!;

	it('has a Finnish entry for every English one, and no Finnish entry without an English original', () => {
		expect(Object.keys(english).length).toBeGreaterThan(40);
		expect(Object.keys(UI_STRINGS.fi!).sort()).toEqual(Object.keys(english).sort());
	});

	it('fills in the same values in every language, and leaves no entry empty', () => {
		for (const [locale, strings] of Object.entries(UI_STRINGS)) {
			for (const [key, text] of Object.entries(strings)) {
				expect(text.trim(), `${locale} ${key}`).not.toBe('');
				expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english[key]!));
			}
		}
	});

	it('falls back to English for a language without the string, and fills in values', () => {
		expect(uiText('fi', 'currents.home.moduleCount', { count: 3 })).toBe('3 moduulia');
		expect(uiText('sv', 'currents.home.moduleCount', { count: 3 })).toBe('3 modules');
	});
});

describe('locales', () => {
	const locales = siteLocales(['en', 'fi']);

	it('puts the first language at the root and each other one under /<code>/, named in its own language', () => {
		expect(locales.map(({ code, root, prefix, label }) => ({ code, root, prefix, label }))).toEqual([
			{ code: 'en', root: true, prefix: '', label: 'English' },
			{ code: 'fi', root: false, prefix: '/fi', label: 'Suomi' },
		]);
		expect(starlightLocales(['en', 'fi'])).toEqual({ root: { label: 'English', lang: 'en' }, fi: { label: 'Suomi', lang: 'fi' } });
	});

	it('reads the language from an address or a route pattern, and moves addresses between languages', () => {
		expect(localeOf('/fi/modules/x/', locales).code).toBe('fi');
		expect(localeOf('/fi/modules/[...path]', locales).code).toBe('fi');
		expect(localeOf('/finance/', locales).code).toBe('en');
		expect(localized('/modules/x/', locales[1]!)).toBe('/fi/modules/x/');
		expect(localized('https://example.org/', locales[1]!)).toBe('https://example.org/');
		expect(unlocalized('/fi/modules/x/', locales[1]!)).toBe('/modules/x/');
	});

	it('gives a course taught in Finnish the Finnish permanent address while the translation follows the current major, and otherwise the English one, saying its language', () => {
		const [en, fi] = locales as [Locale, Locale];
		// Every module of a translated track has a Finnish page; a module only in an untranslated track has none.
		const hasPage = (href: string) => href !== '/modules/elsewhere/';
		const assigned = (id: string, version: string, translates: string | undefined, locale = fi) => assignedAddress({ id, version, translates }, locale, 'en', hasPage);
		expect(assigned('x', '2.1.0', '2.0.0')).toEqual({ href: '/fi/modules/x/v2/', lang: 'fi' });
		// A translation of an earlier major, and a module not translated: the English permanent address.
		expect(assigned('x', '2.1.0', '1.4.0')).toEqual({ href: '/modules/x/v2/', lang: 'en' });
		expect(assigned('x', '2.1.0', undefined)).toEqual({ href: '/modules/x/v2/', lang: 'en' });
		// A draft has no permanent address in any language: its page, Finnish where Finnish has one, in English words unless translated.
		expect(assigned('x', '0.3.0', '0.3.0')).toEqual({ href: '/fi/modules/x/', lang: 'fi' });
		expect(assigned('x', '0.3.0', undefined)).toEqual({ href: '/fi/modules/x/', lang: 'en' });
		expect(assigned('elsewhere', '0.3.0', undefined)).toEqual({ href: '/modules/elsewhere/', lang: 'en' });
		// The English syllabus assigns the English addresses, translated or not.
		expect(assigned('x', '2.1.0', '2.0.0', en)).toEqual({ href: '/modules/x/v2/', lang: 'en' });
		expect(assigned('x', '0.3.0', '0.3.0', en)).toEqual({ href: '/modules/x/', lang: 'en' });
	});

	it("leads a Finnish sidebar's links to pages Finnish lacks to the original, in the curriculum's order, and marks them", () => {
		const link = (label: string, href: string): SidebarEntry => ({ type: 'link', label, href, isCurrent: false, badge: undefined, attrs: {} });
		const group = (label: string, entries: SidebarEntry[]): SidebarEntry => ({ type: 'group', label, entries, collapsed: false, badge: undefined });
		// As Starlight hands it over: every address under /fi/, every label the config's.
		const sidebar = [
			link('Home', '/fi/'),
			link('About', '/fi/about/'),
			link('Source', 'https://example.org/'),
			group('Tracks', [link('Tea foundations', '/fi/tracks/tea-foundations/'), link('Serving', '/fi/modules/serving/'), link('Brewing basics', '/fi/modules/brewing-basics/')]),
			// A track's own group, as the Finnish sidebar of its pages gives it: its overview link keeps its label.
			group('Teen perusteet', [link('Polun yleiskuva', '/fi/tracks/tea-foundations/'), link('Haudutuksen perusteet', '/fi/modules/brewing-basics/')]),
			group('Archive', [link('Gone', '/fi/modules/gone/')]),
		];
		const site = {
			hasPage: (href: string) => ['/', '/about/', '/modules/brewing-basics/', '/tracks/tea-foundations/'].includes(href),
			inOriginal: (href: string) => href === '/about/',
		};
		const labels = new Map([
			['/fi/', { original: 'Home', local: 'Etusivu' }],
			['/fi/tracks/tea-foundations/', { original: 'Tea foundations', local: 'Teen perusteet' }],
			['/fi/modules/brewing-basics/', { original: 'Brewing basics', local: 'Haudutuksen perusteet' }],
		]);
		const groups = new Map([
			['Tracks', 'Opintopolut'],
			['Teen perusteet', 'Teen perusteet'],
		]);
		const shown = (entries: SidebarEntry[]): unknown[] =>
			entries.map((entry) => (entry.type === 'link' ? [entry.label, entry.href, entry.attrs, entry.badge?.text] : [entry.label, shown(entry.entries)]));
		const original = { text: 'EN', variant: 'default' };
		const result = localizeSidebarEntries(sidebar, locales[1]!, locales[0]!, site, labels, groups);
		expect(shown(result)).toEqual([
			['Etusivu', '/fi/', {}, undefined],
			// Starlight's fallback page in Finnish, in English words: the address stays, the language is said.
			['About', '/fi/about/', { lang: 'en' }, 'EN'],
			['Source', 'https://example.org/', {}, undefined],
			[
				'Opintopolut',
				[
					['Teen perusteet', '/fi/tracks/tea-foundations/', {}, undefined],
					['Serving', '/modules/serving/', { lang: 'en', hreflang: 'en' }, 'EN'],
					['Haudutuksen perusteet', '/fi/modules/brewing-basics/', {}, undefined],
				],
			],
			[
				'Teen perusteet',
				[
					['Polun yleiskuva', '/fi/tracks/tea-foundations/', {}, undefined],
					['Haudutuksen perusteet', '/fi/modules/brewing-basics/', {}, undefined],
				],
			],
			['Archive', [['Gone', '/modules/gone/', { lang: 'en', hreflang: 'en' }, 'EN']]],
		]);
		expect(result[1]).toMatchObject({ badge: original });
		// A group the map does not translate is in the original's words: badged, and classed for its `lang`.
		expect(result[3]).toMatchObject({ badge: undefined });
		expect(result[4]).toMatchObject({ badge: undefined });
		expect(result[5]).toMatchObject({ badge: { ...original, class: IN_ORIGINAL_GROUP } });
		expect(originalGroups(result)).toBe(1);
	});

	it("refuses to leave a part in the original's words unmarked when Starlight's HTML is not the one it knows", () => {
		const group = (label: string, badge: string) => `<details><summary><span class="group-label astro-a1"><span class="large astro-a1">${label}</span>${badge}</span></summary></details>`;
		const html = group('Opintopolut', '') + group('Hosting', `<span class="sl-badge default ${IN_ORIGINAL_GROUP} astro-b2">EN</span>`);
		expect(markOriginal('sidebar groups', html, 'en', 1)).toBe(html.replace('<span class="group-label astro-a1"><span class="large astro-a1">Hosting', '<span class="group-label astro-a1" lang="en"><span class="large astro-a1">Hosting'));
		expect(() => markOriginal('sidebar groups', html.replaceAll('group-label', 'group-title'), 'en', 1)).toThrow(
			/Marking the sidebar groups in the original's words with lang="en": the page has 1, and 0 were found in Starlight's HTML/
		);
		// A table of contents: every entry but "Overview", at any depth.
		const toc = [
			{ depth: 1, slug: '_top', text: 'Yleiskatsaus', children: [] },
			{ depth: 2, slug: 'a', text: 'A', children: [{ depth: 3, slug: 'b', text: 'B', children: [] }] },
		];
		expect(contentsEntries(toc)).toBe(2);
		const list = '<ul><li><a href="#_top" class="x"><span>Yleiskatsaus</span></a></li><li><a href="#a" class="x"><span>A</span></a><ul><li><a href="#b" class="x"><span>B</span></a></li></ul></li></ul>';
		expect(markOriginal('contents entries', list, 'en', 2)).toBe(list.replace('<a href="#a" class="x">', '<a href="#a" class="x" lang="en">').replace('<a href="#b" class="x">', '<a href="#b" class="x" lang="en">'));
		expect(() => markOriginal('contents entries', list, 'en', 3)).toThrow(/the page has 3, and 2 were found/);
	});

	it("marks each language of the language menu that is not the page's, and refuses a menu it does not know", () => {
		const menu = '<select autocomplete="off"><option value="/" selected class="a">English</option><option value="/fi/" class="a">Suomi</option></select>';
		expect(markOptionLanguages(menu, ['en', 'fi'], 'en')).toBe(menu.replace('<option value="/fi/" class="a">', '<option value="/fi/" class="a" lang="fi">'));
		expect(markOptionLanguages(menu, ['en', 'fi'], 'fi')).toBe(menu.replace('<option value="/" selected class="a">', '<option value="/" selected class="a" lang="en">'));
		expect(() => markOptionLanguages(menu.replaceAll('<option', '<li'), ['en', 'fi'], 'en')).toThrow(/it has 2 languages, and 0 options were found in Starlight's HTML/);
	});

	it('knows how current a translation is', () => {
		expect(translationStatus('1.2.0', undefined)).toBe('untranslated');
		expect(translationStatus('1.2.0', '1.2.0')).toBe('current');
		expect(translationStatus('1.4.0', '1.2.0')).toBe('behind');
		expect(translationStatus('2.0.0', '1.2.0')).toBe('new-major');
	});
});

const TRANSLATION = brewingFi();

/** A copy of the tea fixture in English and Finnish, with one module and its track translated. */
function bilingualFixture(): string {
	const content = copyFixture('valid-course');
	makeBilingual(content);
	return content;
}

/**
 * Writes a knowledge check over the one a module or translation file has: a question for each list of
 * choices, each choice right (true) or not, with its question and choices named after `label` and their
 * places. Gives the file's new text.
 */
function withQuiz(file: string, label: string, questions: boolean[][]): string {
	const quiz = questions
		.map((choices, q) => [`  - question: ${label} ${q + 1}?`, '    choices:', ...choices.flatMap((right, c) => [`      - text: ${label} ${q + 1}, ${c + 1}`, ...(right ? ['        correct: true'] : []), '        explanation: Why.'])].join('\n'))
		.join('\n');
	const text = readFileSync(file, 'utf8').replace(/^quiz:\n[\s\S]*?(?=^---$)/m, `quiz:\n${quiz}\n`);
	writeFileSync(file, text);
	return text;
}

describe('translations in the content check', () => {
	const findingsOf = (content: string) => checkCurriculum(content, { root: content, on: TODAY }).findings.filter((f) => f.rule.startsWith('translation-'));

	it('a current translation of an existing module passes', () => {
		expect(findingsOf(bilingualFixture())).toEqual([]);
	});

	it('an outdated translation is a warning that says how far behind it is; a translation of no module is an error', () => {
		const content = bilingualFixture();
		const original = join(content, 'modules', 'brewing-basics.mdx');
		writeFileSync(original, readFileSync(original, 'utf8').replace('version: 2.1.0', 'version: 2.2.0').replace('changelog:\n', 'changelog:\n  - version: 2.2.0\n    date: 2026-11-20\n    kind: added\n    summary: Adds cold brewing.\n'));
		writeFileSync(join(content, 'modules', 'brewing-basic.fi.mdx'), TRANSLATION);
		expect(findingsOf(content).map(({ rule, severity, file, message, fix }) => ({ rule, severity, file, message, fix }))).toEqual([
			{
				rule: 'translation-orphan',
				severity: 'error',
				file: 'modules/brewing-basic.fi.mdx',
				message: 'This translates modules/brewing-basic.mdx, which does not exist.',
				fix: 'Did you mean "brewing-basics"? Rename the file to brewing-basics.fi.mdx.',
			},
			{
				rule: 'translation-outdated',
				severity: 'warning',
				file: 'modules/brewing-basics.fi.mdx',
				message: 'The translation follows version 2.1.0; the original is now at 2.2.0.',
				fix: "Translate what the original's changelog lists after 2.1.0, then set `translates: 2.2.0`.",
			},
		]);
		// When the release changed the knowledge check, readers in Finnish now take the original's: the translator hears so first.
		withQuiz(original, 'Question', [[true, false], [false, true], [true, false, false]]);
		const outdated = findingsOf(content).find((f) => f.rule === 'translation-outdated');
		expect(outdated?.message).toBe(
			"The translation follows version 2.1.0; the original is now at 2.2.0. The original's knowledge check changed since, so the translated page shows the original's check, untranslated, until the translation's questions match it again."
		);
		expect(outdated?.fix).toBe(
			"Translate the knowledge check first, since readers in this language now take it in the original: then translate what the original's changelog lists after 2.1.0, then set `translates: 2.2.0`."
		);
	});

	it('says of a translation a major behind that its page shows the new major\'s outcomes and check in the original, and to translate them first', () => {
		// The translation follows 1.0.0, whose outcomes and check happen to have the form of 2.1.0's.
		const content = bilingualFixture();
		writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), brewingFi('1.0.0'));
		expect(findingsOf(content).map(({ rule, severity, line, message, fix }) => ({ rule, severity, line, message, fix }))).toEqual([
			{
				rule: 'translation-outdated',
				severity: 'warning',
				line: 4,
				message:
					"The translation follows version 1.0.0, and the original is now at 2.1.0, a new major: it needs a new translation. Until then, the translated page shows its text of 1.0.0 with the learning outcomes and knowledge check of 2.1.0 in the original's language, untranslated, since progress and certificates record 2.1.0.",
				fix: "Translate the original's learning outcomes and knowledge check of 2.1.0 first, since readers in this language now read them in the original: then translate what its changelog lists after 1.0.0, then set `translates: 2.1.0`.",
			},
		]);
	});

	it('a translation into a language the config does not list, or with another knowledge check, is an error', () => {
		const content = bilingualFixture();
		writeFileSync(join(content, 'modules', 'serving.sv.mdx'), TRANSLATION);
		const translation = join(content, 'modules', 'brewing-basics.fi.mdx');
		writeFileSync(translation, readFileSync(translation, 'utf8').replace('      - text: Haudutat lyhyemmän aikaa\n        correct: true', '      - text: Haudutat lyhyemmän aikaa'));
		expect(findingsOf(content).map((f) => [f.rule, f.file])).toEqual([
			['translation-shape', 'modules/brewing-basics.fi.mdx'],
			['translation-locale', 'modules/serving.sv.mdx'],
		]);
	});

	it('reports every question of a translated knowledge check that differs from the original, at its line, saying what differs', () => {
		const content = bilingualFixture();
		// The original asks four questions: the first two with two choices, the first right; the third with three, the first right; the fourth with two, the second right.
		withQuiz(join(content, 'modules', 'brewing-basics.mdx'), 'Question', [[true, false], [true, false], [true, false, false], [false, true]]);
		// Question 1 has a choice more, question 2 marks both right, and questions 3 and 4 have changed places.
		const file = join(content, 'modules', 'brewing-basics.fi.mdx');
		const text = withQuiz(file, 'Kysymys', [[true, false, false], [true, true], [false, true], [true, false, false]]);
		const lineOf = (n: number) => text.slice(0, text.indexOf(`question: Kysymys ${n}?`)).split('\n').length;
		const swapped = "It has the form of the original's question 4, and question 4 has that of question 3: the two may have changed places.";
		expect(findingsOf(content).map(({ rule, severity, line, message, fix }) => ({ rule, severity, line, message, fix }))).toEqual([
			{
				rule: 'translation-shape',
				severity: 'error',
				line: lineOf(1),
				message: 'Question 1 ("Kysymys 1?") has 3 choices; in the original it has 2.',
				fix: "Keep a translated choice for each of the original's 2, in their order, and remove the one it does not have, then mark `correct: true` on choice 1 and on no other.",
			},
			{
				rule: 'translation-shape',
				severity: 'error',
				line: lineOf(2),
				message: 'Question 2 ("Kysymys 2?") marks choices 1 and 2 right; the original marks choice 1.',
				fix: 'Mark `correct: true` on choice 1 and on no other.',
			},
			{
				rule: 'translation-shape',
				severity: 'error',
				line: lineOf(3),
				message: `Question 3 ("Kysymys 3?") has 2 choices and marks choice 2 right; in the original it has 3 and marks choice 1. ${swapped}`,
				fix: "If questions 3 and 4 have changed places, put them back in the original's order, each with its choices. If not, translate all 3 of the original's choices, in their order (one is missing), then mark `correct: true` on choice 1 and on no other.",
			},
			{
				rule: 'translation-shape',
				severity: 'error',
				line: lineOf(4),
				message: `Question 4 ("Kysymys 4?") has 3 choices and marks choice 1 right; in the original it has 2 and marks choice 2. ${swapped.replace('question 4, and question 4 has that of question 3', 'question 3, and question 3 has that of question 4')}`,
				fix: "If questions 3 and 4 have changed places, put them back in the original's order, each with its choices. If not, keep a translated choice for each of the original's 2, in their order, and remove the one it does not have, then mark `correct: true` on choice 2 and on no other.",
			},
		]);

		// With a question left out, which translated question stands for which original is unknown: that alone is reported.
		withQuiz(file, 'Kysymys', [[true, false], [true, false], [true, false, false]]);
		expect(findingsOf(content).map(({ message, fix }) => ({ message, fix }))).toEqual([
			{ message: 'The translated knowledge check has 3 questions; the original has 4.', fix: "Translate all 4 of the original's questions, in their order (one is missing)." },
		]);
	});

	it('refuses a translation of a version the original never had, naming the versions it had and the one likely meant', () => {
		const content = bilingualFixture();
		// The original's changelog lists 2.1.0, 2.0.0 and 1.0.0: a translator typed 2.0.9 for the 2.0.0 they translated.
		const file = join(content, 'modules', 'brewing-basics.fi.mdx');
		writeFileSync(file, brewingFi('2.0.9'));
		expect(findingsOf(content).map(({ rule, severity, line, message, fix }) => ({ rule, severity, line, message, fix }))).toEqual([
			{
				rule: 'translation-version',
				severity: 'error',
				line: 4,
				message: 'The translation says it follows version 2.0.9, which the original never had: its changelog lists 2.1.0, 2.0.0 and 1.0.0.',
				fix: 'Did you mean `translates: 2.0.0`? Set `translates:` to the version of the original you translated, as its changelog names it.',
			},
		]);
		// A number before every version the original had: the first is meant.
		writeFileSync(file, brewingFi('0.9.0'));
		expect(findingsOf(content).map(({ fix }) => fix)).toEqual(['Did you mean `translates: 1.0.0`? Set `translates:` to the version of the original you translated, as its changelog names it.']);
	});

	it('takes a translation by its name or folder only where it is one: a module of its own named <id>-fi, a copy of a module in a folder named like a language, originals in an en/ folder', () => {
		const content = bilingualFixture();
		const serving = readFileSync(join(content, 'modules', 'serving.mdx'), 'utf8');
		// A module whose id ends as a locale does, with every field a module has.
		writeFileSync(join(content, 'modules', 'serving-fi.mdx'), serving.replace(/^title: .*$/m, 'title: Serving in Finland'));
		for (const copy of ['my/serving.mdx', 'en/modules/serving.mdx']) {
			mkdirSync(join(content, dirname(copy)), { recursive: true });
			writeFileSync(join(content, copy), serving);
		}
		const { curriculum, findings } = checkCurriculum(content, { root: content, on: TODAY });
		expect(curriculum.modules.map((m) => m.id)).toContain('serving-fi');
		expect(findings.filter((f) => f.rule === 'invalid-id' || f.rule === 'unexpected-file').map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
			['unexpected-file', 'warning', 'en/modules/serving.mdx', '"en/modules/serving.mdx" is in no folder the build reads, so the site would leave it out.'],
			['unexpected-file', 'warning', 'my/serving.mdx', '"my/serving.mdx" is in no folder the build reads, so the site would leave it out.'],
		]);
	});

	it('merges a translation over its original for the pages in that language', () => {
		const { curriculum } = checkCurriculum(bilingualFixture(), { on: TODAY });
		const original = curriculum.modules.find((m) => m.id === 'brewing-basics')!.data;
		const translation = curriculum.translations.find((t) => t.kind === 'module')!;
		const merged = mergeModule(original, translation.kind === 'module' ? translation.data : undefined);
		expect([merged.title, merged.version, merged.quiz[0]!.choices[0]!.text, merged.sources]).toEqual(['Haudutuksen perusteet', '2.1.0', 'Haudutat lyhyemmän aikaa', original.sources]);
	});

	it("shows the original's outcomes and knowledge check for a translation a major behind, though their forms match, and the translation's within the major", () => {
		const { curriculum } = checkCurriculum(bilingualFixture(), { on: TODAY });
		const original = curriculum.modules.find((m) => m.id === 'brewing-basics')!.data;
		const translation = curriculum.translations.find((t) => t.kind === 'module')!;
		if (translation.kind !== 'module') throw new Error('expected the module translation');
		const shown = (translates: string) => {
			const merged = mergeModule(original, { ...translation.data, translates });
			return { parts: partsInOriginal(original, { ...translation.data, translates }), title: merged.title, outcome: merged.outcomes[0], question: merged.quiz[0]!.question, version: merged.version };
		};
		// The original is at 2.1.0; the translation's outcomes and check have the form of its own.
		expect(shown('1.0.0')).toEqual({ parts: { outcomes: true, quiz: true }, title: 'Haudutuksen perusteet', outcome: 'Adjust steeping time to taste.', question: 'A pot tastes bitter. What do you change first?', version: '2.1.0' });
		expect(shown('2.0.0')).toEqual({ parts: { outcomes: false, quiz: false }, title: 'Haudutuksen perusteet', outcome: 'Säädä haudutusaikaa maun mukaan.', question: 'Tee maistuu kitkerältä. Mitä muutat ensin?', version: '2.1.0' });
		expect(shown('2.1.0').parts).toEqual({ outcomes: false, quiz: false });
	});
});

describe('the Finnish pages of a bilingual fixture', () => {
	// The run's one build of the bilingual tea fixture, which also has a second track and an issuer (tea-bilingual.ts).
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('tea-bilingual');
		if (build.status !== 0) throw new Error(build.output);
	}, 600_000);

	const lang = (html: string) => /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];

	it('links the pages a phone has no menu for from the footer of a page without the sidebar, and leads its language menu home from the not-found page', () => {
		const footerLinks = (page: string) => {
			const nav = /<nav class="currents-footer-nav" aria-label="([^"]+)">([\s\S]*?)<\/nav>/.exec(build.read(page));
			return nav && { label: nav[1], links: [...nav[2]!.matchAll(/<a href="([^"]+)"[^>]*>\s*([^<]*?)\s*<\/a>/g)].map((m) => `${m[2]!.replaceAll('&#39;', "'")} ${m[1]}`) };
		};
		expect(footerLinks('index.html')).toEqual({ label: 'On this site', links: ["What's new /whats-new/", 'Your progress /progress/', 'Verify a certificate /verify/'] });
		expect(footerLinks('fi/index.html')?.links).toEqual(['Uutta /fi/whats-new/', 'Oma edistyminen /fi/progress/', 'Tarkista todistus /fi/verify/']);
		expect(footerLinks('404.html')?.links).toContain('Your progress /progress/');
		// A page with the sidebar has its menu.
		expect(footerLinks('modules/brewing-basics/index.html')).toBeNull();
		// The not-found page answers any mistyped address: each language leads to its home page, none to /404/.
		const menu = build.read('404.html').slice(build.read('404.html').indexOf('<currents-language-select'));
		const values = [...menu.slice(0, menu.indexOf('</currents-language-select>')).matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
		expect(values).toEqual(['/', '/fi/']);
	});

	it('builds each page in its language: English at the root, Finnish under /fi/', () => {
		expect(lang(build.read('modules/brewing-basics/index.html'))).toBe('en');
		const finnish = build.read('fi/modules/brewing-basics/index.html');
		expect(lang(finnish)).toBe('fi');
		expect(finnish).toContain('Haudutuksen perusteet');
		expect(lang(build.read('fi/tracks/tea-foundations/index.html'))).toBe('fi');
		expect(lang(build.read('fi/index.html'))).toBe('fi');
	});

	it('names the original language in Finnish in Finnish sentences', () => {
		expect(build.read('fi/index.html')).toMatch(/muut ovat alkuperäiskielellä \(englanti\)\./);
		expect(build.read('fi/tracks/tea-foundations/syllabus/index.html')).toContain('näkyvät alkuperäiskielellä (englanti)');
		expect(build.read('fi/modules/serving/index.html')).toContain('näytetään alkuperäiskielellä (englanti)');
		for (const file of ['fi/index.html', 'fi/tracks/tea-foundations/syllabus/index.html', 'fi/modules/serving/index.html']) expect(build.read(file)).not.toMatch(/kielellä English|\(English\)/);
	});

	it('marks a module not translated yet as English where a Finnish track lists it, and its line of facts as Finnish', () => {
		const html = build.read('fi/tracks/tea-foundations/index.html');
		const entry = (id: string) => new RegExp(`<li data-track-module="${id}"([^>]*)>[\\s\\S]*?<p class="currents-path__meta"([^>]*)>`).exec(html);
		// Serving has no Finnish translation: its title, summary and outcomes are the original's.
		expect(entry('serving')?.[1]).toBe(' lang="en"');
		expect(entry('serving')?.[2]).toBe(' lang="fi"');
		expect(entry('brewing-basics')?.[1]).toBe('');
		expect(entry('brewing-basics')?.[2]).toBe('');
		// So are its entries in both tables of contents; the translated module's and the track's title are not.
		const contents = [...html.matchAll(/<a href="#serving"[^>]*>/g)].map((match) => match[0]);
		expect(contents).toHaveLength(2);
		for (const link of contents) expect(link).toContain('lang="en"');
		for (const link of html.match(/<a href="#brewing-basics"[^>]*>/g) ?? []) expect(link).not.toContain('lang=');
		expect(/<h1 id="_top"([^>]*)>/.exec(html)?.[1]).not.toContain('lang=');
		// The module's own page says where its original is, and in which language.
		expect(build.read('fi/modules/serving/index.html')).toMatch(/<a href="\/modules\/serving\/" hreflang="en">Lue alkuperäinen<\/a>/);
	});

	it("says on Finnish What's new that what is not translated is shown in the original", () => {
		expect(build.read('fi/whats-new/index.html')).toContain('<p>Kääntämättömät tekstit näkyvät alkuperäiskielellä (englanti): versioiden muutoskuvaukset aina ja ne päivitykset, joita ei ole vielä käännetty.</p>');
		expect(build.read('whats-new/index.html')).not.toContain('original language');
	});

	it('counts one module in the singular on a track card, in each language', () => {
		// The Hosting track holds one module; Tea foundations more.
		expect(build.read('index.html')).toMatch(/<span data-module-count>1 module<\/span>/);
		expect(build.read('index.html')).toMatch(/<span data-module-count>\d+ modules<\/span>/);
		expect(build.read('fi/index.html')).toMatch(/<span data-module-count>1 moduuli<\/span>/);
	});

	it('writes dates as Finnish readers do on Finnish pages, and in the ISO form on English ones', () => {
		// brewing-basics was last reviewed on 2026-11-01.
		expect(build.read('fi/modules/brewing-basics/index.html')).toMatch(/<time datetime="2026-11-01">1\.11\.2026<\/time>/);
		expect(build.read('modules/brewing-basics/index.html')).toMatch(/<time datetime="2026-11-01">2026-11-01<\/time>/);
		expect(build.read('fi/modules/brewing-basics/index.html')).not.toMatch(/<time datetime="[\d-]+">\d{4}-\d{2}-\d{2}<\/time>/);
		expect(dayText('2026-12-01', 'fi')).toBe('1.12.2026');
		expect(dayText('2026-12-01', 'en')).toBe('2026-12-01');
	});

	it('gives a translated module its Finnish permanent address to assign, leads to the original to embed or cite it, and prints the Finnish address', () => {
		const page = build.read('fi/modules/brewing-basics/index.html');
		const section = page.slice(page.indexOf('<h2 id="embed-or-cite">'), page.indexOf('</section>', page.indexOf('<h2 id="embed-or-cite">')));
		expect(section).toMatch(
			/^<h2 id="embed-or-cite">Upota tai viittaa<\/h2>\s*<p>\s*Kun käytät tätä käännöstä kurssilla, linkitä <a href="https:\/\/steeped\.example\.org\/fi\/modules\/brewing-basics\/v2\/">https:\/\/steeped\.example\.org\/fi\/modules\/brewing-basics\/v2\/<\/a>, version 2 pysyvä osoite tällä kielellä\./
		);
		expect(section).toMatch(/<p>\s*Kun haluat upottaa moduulin kurssisivulle tai viitata siihen, käytä alkuperäistä moduulia \(englanti\)\./);
		expect(page).toMatch(/<a href="\/modules\/brewing-basics\/#embed-or-cite" hreflang="en" lang="en">\s*Brewing basics\s*<\/a>/);
		expect(page).toMatch(/<p class="currents-print-footer"[^>]*>[^<]*· https:\/\/steeped\.example\.org\/fi\/modules\/brewing-basics\/v2\/\s*<\/p>/);
		// Serving is not translated: its Finnish page shows the original, whose permanent address is the English one.
		const serving = build.read('fi/modules/serving/index.html');
		expect(serving).not.toContain('/fi/modules/serving/v1/');
		expect(serving).not.toContain('Kun käytät tätä käännöstä kurssilla');
		expect(serving).toMatch(/<p class="currents-print-footer"[^>]*>[^<]*· https:\/\/steeped\.example\.org\/fi\/modules\/serving\/\s*<\/p>/);
	});

	it("leads from a Finnish track page to the citation on the original's page, in Finnish words", () => {
		const page = build.read('fi/tracks/tea-foundations/index.html');
		expect(page).toMatch(
			/<li id="cite">\s*Kun haluat viitata tähän polkuun, viittaa alkuperäiseen polkuun \(englanti\)\. Sen lähdeviite on sen sivulla: <a href="\/tracks\/tea-foundations\/#cite" hreflang="en" lang="en">\s*Tea foundations\s*<\/a>\s*\.\s*<\/li>/
		);
		// The reference itself is the English page's alone.
		expect(page).not.toContain('data-cite-apa');
		expect(build.read('tracks/tea-foundations/index.html')).toContain('data-cite-apa');
		const fragments = englishFragments({ ...starlightStrings.en, ...UI_STRINGS.en }, { ...starlightStrings.fi, ...UI_STRINGS.fi });
		expect(englishLeft(join(build.outDir, 'fi/tracks/tea-foundations'), 'fi', fragments, build.outDir)).toEqual([]);
	});

	it("gives a translated track a Finnish syllabus: Finnish words, each module in its translation or marked English, and the address to assign in the course's language where it has one", () => {
		const page = build.read('fi/tracks/tea-foundations/syllabus/index.html');
		expect(lang(page)).toBe('fi');
		expect(page).toMatch(/<h1 id="_top"[^>]*>Teen perusteet: toteutussuunnitelma<\/h1>/);
		// No English interface words are left, only the English modules' own, marked English.
		const fragments = englishFragments({ ...starlightStrings.en, ...UI_STRINGS.en }, { ...starlightStrings.fi, ...UI_STRINGS.fi });
		expect(englishLeft(join(build.outDir, 'fi/tracks/tea-foundations/syllabus'), 'fi', fragments, build.outDir)).toEqual([]);
		expect(page).toContain('<p data-syllabus-in-original>Moduulit, joita ei ole vielä käännetty, näkyvät alkuperäiskielellä (englanti)');
		// Brewing basics is translated at its current major: its Finnish permanent address, and its Finnish title.
		const row = (id: string) => new RegExp(`<tr data-syllabus-module="${id}">([^]*?)</tr>`).exec(page)![1]!;
		expect(row('brewing-basics')).toContain('<a href="https://steeped.example.org/fi/modules/brewing-basics/v2/">Haudutuksen perusteet</a><span class="currents-syllabus__address">https://steeped.example.org/fi/modules/brewing-basics/v2/</span>');
		expect(row('brewing-basics')).toContain('<td><span lang="en">Water temperature</span> (kerta 1)</td>');
		// Serving is not: its English title and permanent address, which says where it leads.
		expect(row('serving')).toContain('<a href="https://steeped.example.org/modules/serving/v1/" hreflang="en" lang="en">Serving</a><span data-syllabus-language> (sivun kieli: englanti)</span>');
		expect(row('serving')).toContain('<td>Haudutuksen perusteet (kerta 2)</td>');
		// The exercises and prompts are read from the translated text; an English module's are English, under Finnish labels.
		const parts = (id: string) => new RegExp(`<section class="currents-syllabus__module" data-syllabus-parts="${id}"([^>]*)>([^]*?)</section>`).exec(page)!;
		expect(parts('brewing-basics')[1]).toBe('');
		expect(parts('brewing-basics')[2]).toContain('<p data-syllabus-exercise><strong>Harjoitus:</strong> Hauduta kannullinen. <strong>Opiskelijat palauttavat:</strong> Muistiinpano lehdestä, ajasta ja mausta.</p>');
		expect(parts('brewing-basics')[2]).toContain('<p data-syllabus-discussion><strong>Keskustelu: Pussi vai irtolehti?</strong> Kumpaa käytät kotona, ja miksi?</p>');
		expect(parts('serving')[1]).toBe(' lang="en"');
		expect(parts('serving')[2]).toContain('<h3>3. Serving</h3>');
		expect(parts('serving')[2]).toContain('<p data-syllabus-exercise><strong lang="fi">Harjoitus:</strong> Set a tray. <strong lang="fi">Opiskelijat palauttavat:</strong> A photo of the tray.</p>');
		expect(page).toContain('<li><span lang="en">Serving</span>: 1 kysymys, hyväksymisraja 75 %, kysymykset alkuperäiskielellä (englanti)</li>');
		expect(page).toContain('<li>Haudutuksen perusteet: 1 kysymys, hyväksymisraja 75 %</li>');
		expect(page).toMatch(/<a href="\/fi\/tracks\/tea-foundations\/feed\.xml">sen syötteestä<\/a>\./);
		// The English syllabus assigns the English addresses, and leads to the Finnish one only through its language menu.
		const english = build.read('tracks/tea-foundations/syllabus/index.html');
		expect(english).toContain('<a href="https://steeped.example.org/modules/brewing-basics/v2/">Brewing basics</a>');
		expect(english).toContain('<p data-syllabus-discussion><strong>Discussion: Bag or leaf?</strong> Which do you use at home, and why?</p>');
		const main = english.slice(english.indexOf('<main'), english.indexOf('</main>'));
		expect(main.match(/data-syllabus-language|data-syllabus-in-original|hreflang=|lang="fi"/g)).toBeNull();
		expect(english).toMatch(/<option value="\/fi\/tracks\/tea-foundations\/syllabus\/"[^>]*>Suomi<\/option>/);
		// A track not translated has no Finnish syllabus; both translated pages are in the sitemap, which the accessibility sweep reads.
		expect(build.exists('fi/tracks/hosting/syllabus/index.html')).toBe(false);
		expect(build.read('sitemap-0.xml')).toContain('<loc>https://steeped.example.org/fi/tracks/tea-foundations/syllabus/</loc>');
	});

	it("gives a translated track a Finnish print page: Finnish words, each module's body in its translation or marked English, and the address to assign in the course's language", () => {
		const page = build.read('fi/tracks/tea-foundations/print/index.html');
		expect(lang(page)).toBe('fi');
		expect(page).toMatch(/<h1 id="_top"[^>]*>Teen perusteet: koko polku<\/h1>/);
		// No English interface words are left, only the English modules' own, marked English.
		const fragments = englishFragments({ ...starlightStrings.en, ...UI_STRINGS.en }, { ...starlightStrings.fi, ...UI_STRINGS.fi });
		expect(englishLeft(join(build.outDir, 'fi/tracks/tea-foundations/print'), 'fi', fragments, build.outDir)).toEqual([]);
		expect(page).toContain('Verkossa osoitteessa https://steeped.example.org/fi/tracks/tea-foundations/.');
		const article = (id: string) => new RegExp(`<article class="currents-print-module" aria-labelledby="module-${id}">([^]*?)</article>`).exec(page)![1]!;
		// Brewing basics is translated: its Finnish title, body, check and permanent address, its headings under its title, its ids its own.
		const brewing = article('brewing-basics');
		expect(brewing).toMatch(/<h2 id="module-brewing-basics"[^>]*>\s*\d\. Haudutuksen perusteet\s*<\/h2>/);
		expect(brewing).toContain('https://steeped.example.org/fi/modules/brewing-basics/v2/');
		expect(brewing).toContain('Hyvä tee syntyy lehden, veden ja ajan tasapainosta.');
		expect(brewing).toContain('Tee maistuu kitkerältä. Mitä muutat ensin?');
		// Only its sources' titles and publishers are marked English, as on its page.
		expect(brewing.slice(0, brewing.indexOf('<section class="currents-sources"'))).not.toMatch(/\slang="en"/);
		const levels = [...brewing.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
		expect(levels[0]).toBe(2);
		expect(levels.slice(1).filter((level) => level < 3)).toEqual([]);
		const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		// Serving is not: the original's title, body and check, each marked English, under Finnish labels, with the notice its page has.
		const serving = article('serving');
		expect(serving).toMatch(/<h2 id="module-serving"[^>]*>\s*\d\. <span lang="en">Serving<\/span>\s*<\/h2>/);
		expect(serving).toContain('Tätä moduulia ei ole vielä käännetty, joten se näytetään alkuperäiskielellä (englanti).');
		expect(serving).toContain('https://steeped.example.org/modules/serving/v1/');
		expect(serving).toMatch(/<div lang="en">[^]*Set a tray/);
		expect(serving).toMatch(/<h3[^>]*>Osaamisen tarkistus<\/h3>\s*<ol lang="en">/);
		// The answers: Finnish labels, each module's own words.
		const answers = page.slice(page.indexOf('<section class="currents-print-answers"'));
		expect(answers).toContain('<h2 id="answers">Vastaukset</h2>');
		expect(answers).toContain('<strong>A: oikein.</strong> Kitkeryys irtoaa ajan myötä.');
		expect(answers).toMatch(/<strong>[A-D]: (?:oikein|väärin)\.<\/strong> <span lang="en">/);
		// The English print page is unchanged in its language, and each leads to the other through its language menu; a track not translated has none in Finnish.
		const english = build.read('tracks/tea-foundations/print/index.html');
		expect(english).toMatch(/<h1 id="_top"[^>]*>Tea foundations: the whole track<\/h1>/);
		const main = english.slice(english.indexOf('>', english.indexOf('<main')), english.indexOf('</main>'));
		expect(main).toContain('Boil the water, then let it rest.');
		expect(main).not.toMatch(/\slang="/);
		expect(english).toMatch(/<option value="\/fi\/tracks\/tea-foundations\/print\/"[^>]*>Suomi<\/option>/);
		expect(build.exists('fi/tracks/hosting/print/index.html')).toBe(false);
		expect(build.read('sitemap-0.xml')).toContain('<loc>https://steeped.example.org/fi/tracks/tea-foundations/print/</loc>');
	});

	it("gives a translated track a Finnish feed, its entries as Finnish What's new shows them, which its Finnish pages advertise", () => {
		const feed = build.read('fi/tracks/tea-foundations/feed.xml');
		expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">');
		expect(feed).toContain('<title>Steeped: Teen perusteet</title>');
		expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://steeped.example.org/fi/tracks/tea-foundations/feed.xml"/>');
		expect(feed).toContain('<link rel="alternate" type="text/html" href="https://steeped.example.org/fi/tracks/tea-foundations/"/>');
		const entries = [...feed.matchAll(/<entry\b[^>]*>[^]*?<\/entry>/g)].map((match) => match[0]);
		// The same events as the English feed of the track, each once.
		expect(entries).toHaveLength([...build.read('tracks/tea-foundations/feed.xml').matchAll(/<entry\b/g)].length);
		// A translated module's release: its Finnish title and page.
		expect(entries.some((entry) => entry.includes('<title>Haudutuksen perusteet 2.1.0</title>') && entry.includes('href="https://steeped.example.org/fi/modules/brewing-basics/"'))).toBe(true);
		// A module not translated: its English title and summary, the entry marked English, its page the Finnish one that shows the original.
		expect(entries.some((entry) => entry.startsWith('<entry xml:lang="en">') && /<title>Serving [\d.]+<\/title>/.test(entry) && entry.includes('href="https://steeped.example.org/fi/modules/serving/"'))).toBe(true);
		expect(build.read('fi/tracks/tea-foundations/index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="Steeped: Teen perusteet" href="/fi/tracks/tea-foundations/feed.xml"/>');
		// A track not translated has none; the English track's feed is the English one.
		expect(build.exists('fi/tracks/hosting/feed.xml')).toBe(false);
		expect(build.read('tracks/tea-foundations/feed.xml')).toContain('<title>Steeped: Tea foundations</title>');
	});

	it('shows the Finnish page at the Finnish permanent address of a translated module, and leads the others to the English ones', () => {
		const rules = redirectRules(build.outDir);
		/** Where Netlify takes a path, request after request, as `status target` until a file answers it. */
		const chain = (path: string): string[] => {
			const match = matchRedirect(path, rules, build.exists(`${path.slice(1)}index.html`));
			if (!match) return [];
			return [`${match.rule.status} ${match.to}`, ...(match.rule.status === 200 ? [] : chain(match.to))];
		};
		expect(chain('/fi/modules/brewing-basics/v2/')).toEqual(['200 /fi/modules/brewing-basics/']);
		// An earlier major is kept in English only, and a module not translated has no Finnish permanent address.
		expect(chain('/fi/modules/brewing-basics/v1/')).toEqual(['302 /modules/brewing-basics/v1/']);
		expect(chain('/fi/modules/serving/v1/')).toEqual(['302 /modules/serving/v1/', '200 /modules/serving/']);
		expect(build.exists('fi/modules/serving/v1/index.html')).toBe(false);
		// The rewrites come before the language fallback, which stays last.
		const lines = build.read('_redirects').trimEnd().split('\n');
		expect(lines.at(-1)).toBe('/fi/*  /:splat  302');
		expect(lines).toContain('/fi/modules/brewing-basics/v2/  /fi/modules/brewing-basics/  200!');
		// Any other host, `astro preview` among them, gets a redirect page there, in Finnish.
		const alias = build.read('fi/modules/brewing-basics/v2/index.html');
		expect(lang(alias)).toBe('fi');
		expect(alias).toContain('<title>Nykyinen versio: /fi/modules/brewing-basics/</title><meta http-equiv="refresh" content="0;url=/fi/modules/brewing-basics/">');
		expect(alias).toContain('<link rel="canonical" href="https://steeped.example.org/fi/modules/brewing-basics/">');
	});

	it("labels a track's overview link in its Finnish sidebar as the English sidebar does, not with the track's title again", () => {
		const overview = (file: string) => /<a href="(?:\/fi)?\/tracks\/tea-foundations\/"[^>]*><span[^>]*>([^<]*)<\/span>/.exec(build.read(file))?.[1];
		expect(overview('modules/brewing-basics/index.html')).toBe('Track overview');
		expect(overview('fi/modules/brewing-basics/index.html')).toBe('Polun yleiskuva');
		expect(overview('fi/modules/serving/index.html')).toBe('Polun yleiskuva');
		// Where the sidebar lists the tracks, a Finnish page names each track by its Finnish title.
		expect(overview('fi/whats-new/index.html')).toBe('Teen perusteet');
	});

	it('marks the English titles of the modules not translated in the sidebar and in the Previous and Next links, which keep their Finnish pages', () => {
		const page = build.read('fi/modules/brewing-basics/index.html');
		const sidebar = page.slice(page.indexOf('<sl-sidebar-state-persist'), page.indexOf('</sl-sidebar-state-persist>'));
		const links = [...sidebar.matchAll(/<a href="(\/fi\/modules\/[^"]+)"[^>]*?( lang="en")?><span[^>]*>([^<]*)<\/span>(<span class="sl-badge[^"]*">EN<\/span>)?/g)].map(([, href, lang, title, badge]) => [href, title, lang !== undefined, badge !== undefined]);
		expect(links).toEqual([
			['/fi/modules/water-temperature/', 'Water temperature', true, true],
			['/fi/modules/brewing-basics/', 'Haudutuksen perusteet', false, false],
			['/fi/modules/serving/', 'Serving', true, true],
		]);
		const pagination = [...page.matchAll(/<a href="([^"]+)" rel="(prev|next)"[^>]*>(?:(?!<\/a>)[^])*?<span class="link-title[^"]*"( lang="en")?>([^<]*)</g)].map(([, href, rel, lang, title]) => [rel, href, title, lang !== undefined]);
		expect(pagination).toEqual([
			['prev', '/fi/modules/water-temperature/', 'Water temperature', true],
			['next', '/fi/modules/serving/', 'Serving', true],
		]);
		// The English page marks nothing.
		expect(build.read('modules/brewing-basics/index.html')).not.toMatch(/<span class="link-title[^"]*" lang=/);
	});

	it('shows an untranslated module of a translated track in the original, marked as such', () => {
		const page = build.read('fi/modules/serving/index.html');
		expect(page).toContain('Tätä moduulia ei ole vielä käännetty');
		expect(page).toMatch(/<div lang="en">/);
		// Its title, the entries of both tables of contents that lead to its text's headings, and its
		// knowledge check are the original's too, and say so; the page's own sections stay Finnish.
		expect(page).toMatch(/<h1 id="_top"[^>]* lang="en">Serving<\/h1>/);
		const entries = [...page.matchAll(/<a href="#([^"]+)"[^>]*?( lang="en")?><span[^>]*>([^<]*)</g)].map(([, id, lang, text]) => `${id}${lang ? ' en' : ''}: ${text}`);
		const expected = ['_top: Yleiskatsaus', 'outcomes: Mitä osaat moduulin jälkeen', 'pour en: Pour', 'knowledge-check: Osaamisen tarkistus', 'changelog: Muutoshistoria', 'embed-or-cite: Upota tai viittaa'];
		expect(entries).toEqual([...expected, ...expected]);
		expect(page).toMatch(/<span class="currents-quiz__number">1\.<\/span> <span lang="en">Milk first or last\?<\/span>/);
		expect(page).toMatch(/<span id="cq-serving-0-0" lang="en">Last, so you can judge the strength<\/span>/);
		expect(page).toMatch(/<strong>Väärin\.<\/strong> <span lang="en">Only matters if the cups are fragile\.<\/span>/);
		// The page's notice already says the module is in the original; the check adds none of its own.
		expect(page).not.toContain('currents-quiz__original');
		// A translated module's page marks none of these.
		const translated = build.read('fi/modules/brewing-basics/index.html');
		expect(translated).toMatch(/<h1 id="_top"[^>]*>Haudutuksen perusteet<\/h1>/);
		expect(translated).not.toMatch(/<h1 id="_top"[^>]* lang=/);
		expect(translated).not.toMatch(/<a href="#[^"]+"[^>]* lang="en"><span/);
	});

	it('has a page at every address the link check takes, and the check takes every page it has', () => {
		const pages = sitePages(checkCurriculum(sharedContent('tea-bilingual'), { on: TODAY }).curriculum);
		const files = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(sep).join('/'));
		// The pages and feeds a reader may be sent to; redirect pages, the embeds (each a module page's copy) and the 404 page aside.
		const built = files
			.filter((file) => /(^|\/)(index\.html|feed\.xml)$/.test(file) && !file.startsWith('embed/') && !build.read(file).includes('http-equiv="refresh"'))
			.map((file) => `/${file.replace(/index\.html$/, '')}`);
		expect(built.length).toBeGreaterThan(40);
		expect(built.filter((address) => !pages.has(address))).toEqual([]);
		expect([...pages.keys()].filter((address) => !build.exists(address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1)))).toEqual([]);
	});

	it('marks what a Finnish page shows or links to in English as English, for screen readers and browsers', () => {
		/** The attributes of each link to `href` in a page's main content (the sidebar has its own marks), as written. */
		const links = (page: string, href: string) =>
			[...build.read(page).split('<main')[1]!.split('</main>')[0]!.matchAll(new RegExp(`<a href="${href}"([^>]*)>`, 'g'))].map((match) => match[1]!.replace(/\s*class="[^"]*"/, '').trim());
		// The track's syllabus, print page, feed and cartridges are Finnish too.
		expect(links('fi/tracks/tea-foundations/index.html', '/fi/tracks/tea-foundations/feed\\.xml')).toEqual(['data-track-feed']);
		expect(links('fi/tracks/tea-foundations/index.html', '/tracks/tea-foundations/feed\\.xml')).toEqual([]);
		expect(links('tracks/tea-foundations/index.html', '/tracks/tea-foundations/feed\\.xml')).toEqual(['data-track-feed']);
		for (const name of ['tea-foundations.imscc', 'tea-foundations.links.imscc']) {
			expect(links('fi/tracks/tea-foundations/index.html', `/downloads/fi/tracks/${name}`), name).toEqual(['download']);
			expect(links('tracks/tea-foundations/index.html', `/downloads/tracks/${name}`), name).toEqual(['download']);
			expect(links('fi/tracks/tea-foundations/index.html', `/downloads/tracks/${name}`), name).toEqual([]);
		}
		expect(links('fi/tracks/tea-foundations/index.html', '/tracks/tea-foundations/syllabus/')).toEqual([]);
		expect(links('fi/tracks/tea-foundations/index.html', '/fi/tracks/tea-foundations/syllabus/')).toEqual(['']);
		expect(links('tracks/tea-foundations/index.html', '/tracks/tea-foundations/syllabus/')).toEqual(['']);
		expect(links('fi/tracks/tea-foundations/index.html', '/tracks/tea-foundations/print/')).toEqual([]);
		expect(links('fi/tracks/tea-foundations/index.html', '/fi/tracks/tea-foundations/print/')).toEqual(['']);
		expect(links('tracks/tea-foundations/index.html', '/tracks/tea-foundations/print/')).toEqual(['']);
		// Titles not translated are the originals', on the progress page and the translation status page.
		// (Serving is in both tracks, and has a Finnish page in the original's words as a module of a translated track.)
		expect(links('fi/progress/index.html', '/fi/modules/serving/')).toEqual(['lang="en"', 'lang="en"']);
		expect(links('fi/progress/index.html', '/fi/modules/brewing-basics/')).toEqual(['']);
		expect(links('fi/progress/index.html', '/tracks/hosting/')).toEqual(['lang="en"']);
		expect(links('fi/progress/index.html', '/fi/tracks/tea-foundations/')).toEqual(['']);
		expect(links('fi/translations/index.html', '/modules/serving/')).toEqual(['lang="en"']);
		expect(links('fi/translations/index.html', '/fi/modules/brewing-basics/')).toEqual(['']);
		// And on the English page, the Finnish title is marked Finnish.
		expect(links('translations/index.html', '/fi/modules/brewing-basics/')).toEqual(['lang="fi"']);
		// An earlier major is kept in English only: the changelog's link to it says so on a Finnish page.
		expect(links('fi/modules/brewing-basics/index.html', '/modules/brewing-basics/v1/')).toEqual(['hreflang="en"']);
		expect(links('modules/brewing-basics/index.html', '/modules/brewing-basics/v1/')).toEqual(['']);
	});

	it("names a page's versions in other languages only where they exist", () => {
		const alternates = (file: string) => [...build.read(file).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => `${match[1]} ${new URL(match[2]!).pathname}`);
		expect(alternates('modules/brewing-basics/index.html')).toEqual(['en /modules/brewing-basics/', 'fi /fi/modules/brewing-basics/', 'x-default /modules/brewing-basics/']);
		// Serving has a Finnish page, in the original's words, as a module of the translated track.
		expect(alternates('fi/modules/serving/index.html')).toEqual(['en /modules/serving/', 'fi /fi/modules/serving/', 'x-default /modules/serving/']);
		expect(alternates('updates/2026-11-10-kettle-presets/index.html')).toEqual(['en /updates/2026-11-10-kettle-presets/', 'fi /fi/updates/2026-11-10-kettle-presets/', 'x-default /updates/2026-11-10-kettle-presets/']);
		// A translated track's syllabus has a Finnish page too.
		expect(alternates('tracks/tea-foundations/syllabus/index.html')).toEqual(['en /tracks/tea-foundations/syllabus/', 'fi /fi/tracks/tea-foundations/syllabus/', 'x-default /tracks/tea-foundations/syllabus/']);
		expect(alternates('fi/tracks/tea-foundations/syllabus/index.html')).toEqual(alternates('tracks/tea-foundations/syllabus/index.html'));
		// No Finnish page: an untranslated track and update, an earlier major, the page for a missing address.
		for (const file of ['tracks/hosting/index.html', 'tracks/hosting/syllabus/index.html', 'updates/2026-10-20-teapot-infuser/index.html', 'modules/brewing-basics/v1/index.html', '404.html']) {
			expect(alternates(file), file).toEqual([]);
		}
	});

	it('says "not found" in Finnish too, with a way to the Finnish home page', () => {
		expect(build.read('404.html')).toContain('<p lang="fi">Sivua ei löytynyt. <a href="/fi/" hreflang="fi">Siirry suomenkieliselle etusivulle</a>.</p>');
	});

	it('lists each module and whether its translation is current on the translation status page', () => {
		const page = build.read('fi/translations/index.html');
		expect(page).toContain('data-translation="fi:brewing-basics" data-status="current"');
		expect(page).toContain('data-translation="fi:serving" data-status="untranslated"');
	});

	describe('after a release the translation does not follow yet, with the track no longer translated', () => {
		let again: Build;
		beforeAll(() => {
			const content = join(mkdtempSync(join(TMP, 'i18n-')), 'content');
			cpSync(sharedContent('tea-bilingual'), content, { recursive: true });
			const original = join(content, 'modules', 'brewing-basics.mdx');
			// The release adds a question to the knowledge check, which the translation does not have yet.
			const question = '  - question: How long does cold brewing take?\n    choices:\n      - text: Hours\n        correct: true\n        explanation: Cold water draws flavour slowly.\n      - text: Minutes\n        explanation: That is hot water.\n';
			writeFileSync(
				original,
				readFileSync(original, 'utf8')
					.replace('version: 2.1.0', 'version: 2.2.0')
					.replace('changelog:\n', 'changelog:\n  - version: 2.2.0\n    date: 2026-11-20\n    kind: added\n    summary: Adds cold brewing.\n')
					.replace(/^quiz:\n/m, `quiz:\n${question}`)
			);
			// A translated module in a track not translated: its Finnish page's sidebar names the track in English.
			rmSync(join(content, 'tracks', 'tea-foundations.fi.yaml'));
			again = buildCurriculum(content, 'i18n');
			if (again.status !== 0) throw new Error(again.output);
		}, 120_000);

		it("marks the sidebar's group for the untranslated track as English, as its links to English pages are", () => {
			const page = again.read('fi/modules/brewing-basics/index.html');
			const sidebar = page.slice(page.indexOf('<sl-sidebar-state-persist'), page.indexOf('</sl-sidebar-state-persist>'));
			const groups = [...sidebar.matchAll(/<span class="group-label[^"]*"([^>]*)><span class="large[^"]*">([^<]*)<\/span>(?:<span class="sl-badge[^"]*">([^<]*)<\/span>)?/g)].map((m) => [m[2], m[1]!.trim(), m[3]]);
			expect(groups).toEqual([
				['Opintopolut', '', undefined],
				['Tea foundations', 'lang="en"', 'EN'],
			]);
			expect(sidebar).toMatch(/<a href="\/tracks\/tea-foundations\/"[^>]*lang="en" hreflang="en"/);
			// The translated track of the shared build is named in Finnish, unmarked.
			expect(build.read('fi/modules/brewing-basics/index.html')).toMatch(/<span class="group-label[^"]*"><span class="large[^"]*">Teen perusteet<\/span><\/span>/);
			// A track no longer translated has no Finnish syllabus either.
			expect(again.exists('fi/tracks/tea-foundations/syllabus/index.html')).toBe(false);
		});

		it('says when the original has moved past the translated version, with the changes it lacks, and marks the check it shows in the original', () => {
			expect(build.read('fi/modules/brewing-basics/index.html')).not.toContain('Tämä käännös perustuu versioon');
			expect(build.read('fi/modules/brewing-basics/index.html')).not.toContain('currents-quiz__original');
			const page = again.read('fi/modules/brewing-basics/index.html');
			expect(page).toContain('Tämä käännös perustuu versioon 2.1.0; alkuperäinen (englanti) on jo versiossa 2.2.0.');
			expect(page).toContain('href="/modules/brewing-basics/"');
			expect(page).toContain('Adds cold brewing.');
			// The header and the printed footer say which version the words are a translation of.
			expect(page).toMatch(/<a href="#changelog">2\.2\.0<\/a> \(käännös versiosta 2\.1\.0\)<\/dd>/);
			expect(page).toContain('versio 2.2.0 (käännös versiosta 2.1.0)');
			expect(build.read('fi/modules/brewing-basics/index.html')).not.toContain('käännös versiosta');
			// The check is the original's now, in English: said in Finnish above it, and each question, choice and
			// explanation marked English, while the check's own words (heading, "Selitys") stay Finnish.
			const check = page.slice(page.indexOf('<section class="currents-quiz"'), page.indexOf('</section>', page.indexOf('<section class="currents-quiz"')));
			expect(check).toContain('Kysymykset ovat alkuperäiskielellä (englanti): alkuperäisen moduulin osaamisen tarkistus on muuttunut versiossa, jota tämä käännös ei vielä seuraa.');
			expect(check).toContain('Osaamisen tarkistus');
			expect(check).toContain('>Selitys</summary>');
			expect(check).toContain('<span lang="en">How long does cold brewing take?</span>');
			expect(check).toMatch(/<span id="cq-brewing-basics-0-0" lang="en">Hours<\/span>/);
			expect(check).toContain('<span lang="en">Cold water draws flavour slowly.</span>');
			expect(check).not.toContain('Haudutat lyhyemmän aikaa');
			expect(again.read('fi/translations/index.html')).toContain('data-translation="fi:brewing-basics" data-status="behind"');
		});

		it('keeps the Finnish permanent address of a translation behind within the major, whose outcomes are the same', () => {
			expect(again.read('_redirects').split('\n')).toContain('/fi/modules/brewing-basics/v2/  /fi/modules/brewing-basics/  200!');
			expect(again.read('fi/modules/brewing-basics/v2/index.html')).toContain('content="0;url=/fi/modules/brewing-basics/"');
			expect(again.read('fi/modules/brewing-basics/index.html')).toContain('<a href="https://steeped.example.org/fi/modules/brewing-basics/v2/">');
		});
	});

	describe('after a new major the translation does not follow yet', () => {
		let major: Build;
		beforeAll(() => {
			const content = join(mkdtempSync(join(TMP, 'i18n-')), 'content');
			cpSync(sharedContent('tea-bilingual'), content, { recursive: true });
			// The translation follows 1.0.0; the original is at 2.1.0. Its outcomes and check happen to have the
			// form of 2.1.0's, so nothing but the major tells that they translate outcomes that have changed.
			writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), `${brewingFi('1.0.0')}\n${BREWING_FI_TEACHING}`);
			major = buildCurriculum(content, 'i18n-major');
			if (major.status !== 0) throw new Error(major.output);
		}, 120_000);

		it("shows the current version's outcomes and knowledge check in English beside the translated text, and says so", () => {
			const page = major.read('fi/modules/brewing-basics/index.html');
			// The notice: the translated text follows the earlier major, the outcomes and check are 2.1.0's in English.
			expect(page).toContain(
				'<p class="currents-notice__title">Käännetty teksti perustuu versioon 1.0.0, joka on aiempi pääversio. Alkuperäinen (englanti) on nyt versiossa 2.1.0, jonka oppimistavoitteet ovat muuttuneet, joten moduuli on käännettävä uudelleen.</p>'
			);
			expect(page).toContain('<p>Siksi tämän sivun oppimistavoitteet ja osaamisen tarkistus ovat nykyisen version 2.1.0 mukaiset ja alkuperäiskielellä (englanti): edistymisesi ja todistuksesi perustuvat tähän versioon.</p>');
			expect(page).toMatch(/<a href="\/modules\/brewing-basics\/" hreflang="en">Lue alkuperäinen<\/a>/);
			// The outcomes are the original's, marked English; the body stays the translation's, in Finnish.
			const outcomes = page.slice(page.indexOf('<section class="currents-outcomes"'), page.indexOf('</section>', page.indexOf('<section class="currents-outcomes"')));
			expect(outcomes).toMatch(/<ul lang="en"><li>Adjust steeping time to taste\.<\/li><li>Measure leaf for a pot\.<\/li><\/ul>/);
			expect(page).not.toContain('Säädä haudutusaikaa');
			expect(page).toContain('Hyvä tee syntyy lehden, veden ja ajan tasapainosta.');
			expect(page).not.toMatch(/<div lang="en">/);
			// The check is the original's, in English, saying why; what records progress records 2.1.0, whose check it is.
			const check = page.slice(page.indexOf('<section class="currents-quiz"'), page.indexOf('</section>', page.indexOf('<section class="currents-quiz"')));
			expect(check).toContain('Kysymykset ovat alkuperäiskielellä (englanti), sillä ne kuuluvat versioon 2.1.0, uuteen pääversioon, jota tämä käännös ei vielä seuraa.');
			expect(check).toContain('<span lang="en">A pot tastes bitter. What do you change first?</span>');
			expect(check).toMatch(/<span id="cq-brewing-basics-0-0" lang="en">Steep for less time<\/span>/);
			expect(check).not.toContain('Tee maistuu kitkerältä');
			expect(check).toContain('data-version="2.1.0"');
			expect(page).toMatch(/<section[^>]*data-module-progress[^>]*data-version="2\.1\.0"/);
			expect(page).toMatch(/<a href="#changelog">2\.1\.0<\/a> \(käännös versiosta 1\.0\.0\)<\/dd>/);
			// The Finnish track page lists the module's outcomes as its page shows them, marked English.
			const track = major.read('fi/tracks/tea-foundations/index.html');
			expect(track).toMatch(/<li data-track-module="brewing-basics">[\s\S]*?<ul lang="en"><li>Adjust steeping time to taste\.<\/li>/);
			expect(major.read('fi/translations/index.html')).toContain('data-translation="fi:brewing-basics" data-status="new-major"');
		});

		it('gives the translation of an earlier major no Finnish permanent address: Netlify leads it to the English one', () => {
			// The address of major 2 promises its outcomes, which the Finnish text does not translate.
			expect(major.exists('fi/modules/brewing-basics/v2/index.html')).toBe(false);
			expect(major.read('_redirects')).not.toContain('/fi/modules/brewing-basics/');
			const rules = redirectRules(major.outDir);
			const fallback = matchRedirect('/fi/modules/brewing-basics/v2/', rules, false);
			expect(fallback).toMatchObject({ to: '/modules/brewing-basics/v2/', rule: { status: 302 } });
			expect(matchRedirect(fallback!.to, rules, major.exists('modules/brewing-basics/v2/index.html'))).toMatchObject({ to: '/modules/brewing-basics/', rule: { status: 200 } });
			// The Finnish page offers no permanent address of its own, and prints its own address.
			const page = major.read('fi/modules/brewing-basics/index.html');
			expect(page).not.toContain('/fi/modules/brewing-basics/v2/');
			expect(page).not.toContain('Kun käytät tätä käännöstä kurssilla');
			expect(page).toMatch(/<p class="currents-print-footer"[^>]*>[^<]*· https:\/\/steeped\.example\.org\/fi\/modules\/brewing-basics\/\s*<\/p>/);
		});

		it("assigns the English permanent address in the Finnish syllabus, saying so, and lists the current version's outcomes and check in English", () => {
			const page = major.read('fi/tracks/tea-foundations/syllabus/index.html');
			const row = /<tr data-syllabus-module="brewing-basics">([^]*?)<\/tr>/.exec(page)![1]!;
			expect(row).toContain('<a href="https://steeped.example.org/modules/brewing-basics/v2/" hreflang="en">Haudutuksen perusteet</a><span data-syllabus-language> (sivun kieli: englanti)</span>');
			const parts = /<section class="currents-syllabus__module" data-syllabus-parts="brewing-basics">([^]*?)<\/section>/.exec(page)![1]!;
			expect(parts).toContain('<h3>2. Haudutuksen perusteet</h3>');
			expect(parts).toMatch(/<ul lang="en"><li>Adjust steeping time to taste\.<\/li>/);
			// What the class hands in is what the assigned page, 2.1.0 in English, asks, not what the translated 1.0.0 asked.
			expect(parts).toContain('<p data-syllabus-exercise lang="en"><strong lang="fi">Harjoitus:</strong> Brew a pot. <strong lang="fi">Opiskelijat palauttavat:</strong> A note of leaf, time and taste.</p>');
			expect(parts).toContain('<p data-syllabus-discussion lang="en"><strong><span lang="fi">Keskustelu</span>: Bag or leaf?</strong> Which do you use at home, and why?</p>');
			expect(parts).not.toContain('Hauduta kannullinen');
			expect(page).toContain('<li>Haudutuksen perusteet: 1 kysymys, hyväksymisraja 75 %, kysymykset alkuperäiskielellä (englanti)</li>');
		});

		it('keeps the translated outcomes and check, unmarked, while the translation follows the current major', () => {
			const page = build.read('fi/modules/brewing-basics/index.html');
			expect(page).toMatch(/<section class="currents-outcomes"[^>]*>\s*<h2 id="outcomes">[^<]*<\/h2>\s*<ul><li>Säädä haudutusaikaa maun mukaan\.<\/li>/);
			expect(page).toContain('Tee maistuu kitkerältä. Mitä muutat ensin?');
			expect(page).not.toContain('aiempi pääversio');
		});
	});
});
