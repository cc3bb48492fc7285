import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { majorOf } from '../src/lib/curriculum/versions.ts';
import { inTrackOrder, recentlyUpdated, teachingRelease } from '../src/lib/curriculum/model.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { BUDGETS, kilobytes, pageWeight } from '../scripts/lib/page-weight.ts';
import { matchRedirect, redirectRules } from '../scripts/lib/static-server.ts';
import { newestDate, ROOT, sharedBuild, TMP, type Build } from './utils.ts';
import { UI_STRINGS } from '../src/lib/i18n/ui/index.ts';
// Starlight's own interface strings, which it ships for every language (not a public export).
import starlightStrings from '../node_modules/@astrojs/starlight/dist/translations/index.js';
import { englishFragments, englishLeft } from './english-left.ts';

/**
 * Errors and warnings, leaving out notices and reviews that fell due: whether a review is due depends
 * on the day the test runs, and keeping reviews current is the maintainers' job, not each pull request's.
 */
/**
 * What the flagship must not have: errors, and warnings but for two states that others resolve in
 * their own time and that the site shows its readers: a review falling due, which the calendar
 * decides, and a translation behind its original, which its translator brings up to date. A
 * correction to a translated module must not wait for its translation to pass CI.
 */
function problems(found: readonly Finding[]): string[] {
	return found.filter((f) => f.severity !== 'notice' && f.rule !== 'review-due' && f.rule !== 'translation-outdated').map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`);
}

/**
 * The bundled social media curriculum: it must check clean and build every page. It is checked as of
 * its own newest date rather than the calendar's, so a module or update a contributor dates today
 * passes tomorrow too, and no review falls due just because time passed since it was merged.
 */
const content = join(ROOT, 'content');
const asOf = newestDate(loadCurriculum(content, ROOT));
const { curriculum, findings } = checkCurriculum(content, { root: ROOT, on: asOf });

describe('the flagship curriculum', () => {
	it('has no errors and no warnings but for reviews falling due and translations behind their originals', () => {
		expect(problems(findings)).toEqual([]);
	});

	it('passes when a translated module is corrected and its translation is not yet', () => {
		const copy = join(TMP, 'flagship-correction');
		rmSync(copy, { recursive: true, force: true });
		cpSync(content, copy, { recursive: true });
		const translated = readdirSync(join(copy, 'modules')).find((file) => file.endsWith('.fi.mdx'))!.replace('.fi.mdx', '');
		const file = join(copy, 'modules', `${translated}.mdx`);
		const source = readFileSync(file, 'utf8');
		const version = /^version: (\d+)\.(\d+)\.(\d+)$/m.exec(source)!;
		const next = `${version[1]}.${version[2]}.${Number(version[3]) + 1}`;
		writeFileSync(file, source.replace(version[0], `version: ${next}`).replace(/^changelog:\n/m, `changelog:\n  - version: ${next}\n    date: ${asOf}\n    kind: fixed\n    summary: Corrected a typo.\n`));
		const corrected = checkCurriculum(copy, { root: copy, on: asOf });
		expect(corrected.findings.map((f) => f.rule)).toContain('translation-outdated');
		expect(problems(corrected.findings)).toEqual([]);
	});

	it('still passes when a contributor dates their work later than anything in it, on any day', () => {
		const copy = join(TMP, 'flagship-later');
		rmSync(copy, { recursive: true, force: true });
		cpSync(content, copy, { recursive: true });
		const file = join(copy, 'modules', 'audience-research.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewed: .*$/m, 'reviewed: 2031-01-15'));
		const later = checkCurriculum(copy, { root: copy, on: newestDate(loadCurriculum(copy, copy)) });
		expect(problems(later.findings)).toEqual([]);
	});

	it('holds at least 6 tracks and 36 modules, every module in a track', () => {
		expect(curriculum.tracks.length).toBeGreaterThanOrEqual(6);
		expect(curriculum.modules.length).toBeGreaterThanOrEqual(36);
		const placed = new Set(curriculum.tracks.flatMap((track) => track.data.modules));
		expect(curriculum.modules.filter((module) => !placed.has(module.id)).map((m) => m.id)).toEqual([]);
	});

	it('enforces the editorial standards the curriculum sets for itself', () => {
		expect(curriculum.config?.standards).toEqual({
			minWords: 900,
			maxWords: 2000,
			minOutcomes: 3,
			maxOutcomes: 5,
			minQuestions: 5,
			minChoices: 4,
			longestRightPerModule: 50,
			longestRightOverall: 35,
			shortestRightPerModule: 50,
			shortestRightOverall: 35,
			minSources: 1,
		});
		expect(curriculum.config?.license).toBe('CC-BY-SA-4.0');
	});

	it('covers the field with at least 53 modules, each in a track', () => {
		expect(curriculum.modules.length).toBeGreaterThanOrEqual(53);
		const inTracks = new Set(curriculum.tracks.flatMap((track) => track.data.modules));
		expect(curriculum.modules.map((m) => m.id).filter((id) => !inTracks.has(id))).toEqual([]);
	});

	it('records dated, sourced platform updates, at least 10 of them from 2026', () => {
		const { updates } = curriculum;
		expect(updates.filter((u) => u.data.date.startsWith('2026-')).length).toBeGreaterThanOrEqual(10);
		expect(updates.filter((u) => u.data.status === 'incorporated').length).toBeGreaterThanOrEqual(1);
		for (const update of updates) expect(update.data.sources.length, update.id).toBeGreaterThan(0);
	});

	it('teaches from at least 8 real, sourced cases across at least 4 tracks', () => {
		const withCases = curriculum.modules.filter((m) => /<Case\s/.test(m.body));
		const cases = withCases.reduce((sum, m) => sum + (m.body.match(/<Case\s/g) ?? []).length, 0);
		expect(cases).toBeGreaterThanOrEqual(8);
		const tracks = new Set(withCases.flatMap((m) => curriculum.tracks.filter((t) => t.data.modules.includes(m.id)).map((t) => t.id)));
		expect(tracks.size).toBeGreaterThanOrEqual(4);
	});

	it('has at least one archived major', () => {
		expect(curriculum.archives.length).toBeGreaterThanOrEqual(1);
	});

	describe('built', () => {
		let build: Build;
		beforeAll(async () => {
			build = await sharedBuild('flagship');
			if (build.status !== 0) throw new Error(`The flagship build failed:\n${build.output}`);
		});

		it('has a page and a permalink for every module, and a page for every track and update', () => {
			const missing = [
				...curriculum.modules.flatMap((m) => [`modules/${m.id}/index.html`, `modules/${m.id}/v${majorOf(m.data.version)}/index.html`]),
				...curriculum.archives.map((a) => `modules/${a.id}/v${a.major}/index.html`),
				...curriculum.tracks.map((t) => `tracks/${t.id}/index.html`),
				...curriculum.updates.map((u) => `updates/${u.id}/index.html`),
				'index.html',
				'whats-new/index.html',
				'feed.xml',
				'sitemap-index.xml',
				'contributing/rules/no-esm/index.html',
			].filter((path) => !build.exists(path));
			expect(missing).toEqual([]);
		});

		it("outlines each track's print page as a book: modules under the track, their sections under them, no id twice", () => {
			for (const track of curriculum.tracks) {
				const print = build.read(`tracks/${track.id}/print/index.html`);
				const ids = [...print.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
				// The platform playbooks share section names ("Formats that work"), and so their ids.
				expect(ids.filter((id, i) => ids.indexOf(id) !== i), track.id).toEqual([]);
				const articles = [...print.matchAll(/<article class="currents-print-module"[^>]*>([^]*?)<\/article>/g)].map((match) => match[1]!);
				expect(articles, track.id).toHaveLength(track.data.modules.length);
				// On paper the licence is named and its address written out, and each module names its authors.
				expect(print, track.id).toContain('Published under Creative Commons Attribution-ShareAlike 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/)');
				for (const article of articles) {
					expect(article, track.id).toMatch(/<p class="currents-print-module__meta">By Currents editorial team\. Released <time datetime="\d{4}-\d{2}-\d{2}">[^<]+<\/time>\.<\/p>/);
					// The module's title is its one heading of the second level; the rest are below it.
					const levels = [...article.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
					expect(levels[0], track.id).toBe(2);
					expect(levels.slice(1).filter((level) => level < 3), track.id).toEqual([]);
					expect(levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1), track.id).toEqual([]);
				}
			}
		});

		it('asks for every right choice of a question with several, on the module page and in the printed track alike', () => {
			const several = curriculum.modules.flatMap((module) => module.data.quiz.filter((question) => question.choices.filter((choice) => choice.correct).length > 1).map((question) => ({ module, question })));
			expect(several.length).toBeGreaterThan(0);
			const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
			for (const { module, question } of several) {
				expect(plain(build.read(`modules/${module.id}/index.html`)), module.id).toContain(`${question.question} (choose all that apply)`);
				const track = curriculum.tracks.find((candidate) => candidate.data.modules.includes(module.id))!;
				expect(plain(build.read(`tracks/${track.id}/print/index.html`)), module.id).toContain(`${question.question} (choose all that apply)`);
			}
		});

		it('leads "Previous" on a track page to the track before it, and the first track to none', () => {
			const ordered = inTrackOrder(curriculum.tracks);
			const previous = (html: string) => /<a href="([^"]+)" rel="prev"/.exec(html)?.[1];
			expect(previous(build.read(`tracks/${ordered[0]!.id}/index.html`))).toBeUndefined();
			for (const [i, track] of ordered.entries()) if (i > 0) expect(previous(build.read(`tracks/${track.id}/index.html`)), track.id).toBe(`/tracks/${ordered[i - 1]!.id}/`);
		});

		it('says on the home page what each recent release changed, in the words of its changelog', () => {
			const home = build.read('index.html');
			const list = home.slice(home.indexOf('id="recently-updated"')).replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
			const recent = recentlyUpdated(curriculum.modules, 6);
			for (const module of recent) {
				const release = teachingRelease(module.data)!;
				expect(list, module.id).toContain(`href="/modules/${module.id}/"`);
				expect(list, module.id).toContain(`<p class="currents-recent__change">${release.summary}</p>`);
				// A release that changed what the module teaches, not a correction.
				expect(release.kind, module.id).not.toBe('fixed');
			}
			// The list is in the order of those releases, newest first.
			const dates = [...list.matchAll(/<time datetime="([^"]+)">/g)].slice(0, recent.length).map((match) => match[1]);
			expect(dates).toEqual([...dates].sort().reverse());
			// On the Finnish home page too, marked as the original's language, and said to be in it.
			const finnish = build.read('fi/index.html');
			expect(finnish).toContain('<p class="currents-recent__change" lang="en">');
			expect(/<ul class="currents-recent">([^]*?)<\/ul>/.exec(finnish)![1]!.split('muutoksen kuvaus alkuperäiskielellä (englanti)').length - 1).toBe(recent.length);
		});

		it("says above a translated module's changelog that its summaries are in the original's language", () => {
			const changelog = (file: string) => /<section class="currents-changelog"[^>]*>([^]*?)<\/section>/.exec(build.read(file))![1]!;
			expect(changelog('fi/modules/goals-and-kpis/index.html')).toMatch(/<h2 id="changelog">Muutoshistoria<\/h2><p>Muutokset on kuvattu alkuperäiskielellä \(englanti\)\.<\/p>/);
			expect(changelog('modules/goals-and-kpis/index.html')).not.toContain('original language');
		});

		it('starts a learner on the first track by name, and offers the choice of every track', () => {
			const first = inTrackOrder(curriculum.tracks)[0]!;
			const actions = (html: string) => [...html.matchAll(/<a class="sl-link-button[^"]*"([^>]*)href="([^"]+)"[^>]*>([^<]*)/g)].map(([, attributes, href, text]) => [href, text!.trim(), /lang="(\w+)"/.exec(attributes!)?.[1]]);
			expect(actions(build.read('index.html'))).toEqual([
				[`/tracks/${first.id}/`, `Start with ${first.data.title}`, undefined],
				['#tracks', 'Choose a track', undefined],
				['/whats-new/', "What&#39;s new", undefined],
			]);
			expect(build.read('index.html')).toContain('<h2 id="tracks">');
			const finnish = actions(build.read('fi/index.html'));
			expect(finnish[0]![0]).toBe(`/fi/tracks/${first.id}/`);
			expect(finnish[0]![1]).toMatch(/^Aloita: /);
			expect(finnish[1]!.slice(0, 2)).toEqual(['#tracks', 'Valitse opintopolku']);
		});

		it("offers the whole curriculum's cartridges on the home page, in every language, and they are built", () => {
			for (const page of ['index.html', 'fi/index.html']) {
				const html = build.read(page);
				for (const file of ['downloads/currents.imscc', 'downloads/currents.links.imscc']) {
					expect(html, page).toContain(`href="/${file}" download`);
					expect(build.exists(file), file).toBe(true);
				}
			}
		});

		it("sends the addresses a reader guesses to the pages that hold them: /tracks/ and /modules/ to the list of tracks, /updates/ to What's new, /contributing/ to the rules", () => {
			const refresh = (path: string) => /http-equiv="refresh" content="\d+;\s*url=([^"]+)"/i.exec(build.read(path))?.[1];
			expect(refresh('tracks/index.html')).toBe('/#tracks');
			expect(refresh('fi/tracks/index.html')).toBe('/fi/#tracks');
			expect(refresh('modules/index.html')).toBe('/#tracks');
			expect(refresh('fi/modules/index.html')).toBe('/fi/#tracks');
			expect(refresh('updates/index.html')).toBe('/whats-new/');
			expect(refresh('fi/updates/index.html')).toBe('/fi/whats-new/');
			expect(refresh('contributing/index.html')).toBe('/contributing/rules/');
			expect(build.read('index.html')).toContain('id="tracks"');
		});

		it('builds with no warnings but the engine\'s own, and writes the not-found page Starlight would', () => {
			// Astro's told whoever ran the build to check a content config that had nothing wrong with it, and
			// Vite's that a chunk was large: the certificate renderer, which pages load only when it draws.
			const warnings = build.output.split('\n').filter((line) => line.includes('[WARN]') && !line.includes('[WARN] [currents]'));
			expect(warnings).toEqual([]);
			const page = build.read('404.html');
			expect(page).toMatch(/<title>404 \| Currents<\/title>/);
			expect(page).toContain('Page not found. Check the URL or try using the search bar.');
			// With the ways on: the home page and its list of tracks.
			expect(page).toMatch(/<a [^>]*href="\/">\s*Home/);
			expect(page).toMatch(/<a [^>]*href="\/#tracks">\s*All tracks/);
			// Not a page to find in search.
			expect(page).not.toContain('data-pagefind-body');
		});

		it('keeps every module page within its budgets: 80 KB of HTML, 20 KB gzip of JavaScript before search is opened', () => {
			const over = curriculum.modules.flatMap((m) => {
				const weight = pageWeight(build.outDir, `modules/${m.id}/index.html`);
				return [
					...(weight.html > BUDGETS.moduleHtml ? [`${m.id}: HTML ${kilobytes(weight.html)}`] : []),
					...(weight.javaScript > BUDGETS.moduleJavaScript ? [`${m.id}: JavaScript ${kilobytes(weight.javaScript)} gzip`] : []),
				];
			});
			expect(over).toEqual([]);
		});

		it("leads every page's language menu to pages that exist: this page in a language that has it, that language's home page otherwise; each named in its own words and marked so", () => {
			const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html') && !file.startsWith('embed/'));
			const targets = new Map<string, number>();
			const missing: string[] = [];
			for (const file of pages) {
				const menu = /<currents-language-select>([^]*?)<\/currents-language-select>/.exec(build.read(file))?.[1];
				if (!menu) continue;
				const pageLang = file.startsWith('fi/') ? 'fi' : 'en';
				for (const [, value, attributes, label] of menu.matchAll(/<option value="([^"]+)"([^>]*)>([^<]*)/g)) {
					if (!build.exists(`${value!.slice(1)}index.html`)) missing.push(`${file}: ${label} ${value}`);
					// Each language is named in its own words, marked with its language where the page is in another.
					const lang = value!.startsWith('/fi/') ? 'fi' : 'en';
					const marked = / lang="([^"]+)"/.exec(attributes!)?.[1];
					if (marked !== (lang === pageLang ? undefined : lang)) missing.push(`${file}: ${label} marked ${marked}`);
					targets.set(label!, (targets.get(label!) ?? 0) + 1);
				}
			}
			expect(missing).toEqual([]);
			// Finnish versions of some pages, and the Finnish home page in the menu of the others.
			expect(targets.get('Suomi')).toBeGreaterThan(20);
			expect(targets.get('Suomi: etusivu')).toBeGreaterThan(50);
			expect(build.read('modules/tiktok-playbook/index.html')).toMatch(/<option value="\/fi\/"[^>]*>Suomi: etusivu/);
			expect(build.read('modules/goals-and-kpis/index.html')).toMatch(/<option value="\/fi\/modules\/goals-and-kpis\/"[^>]* lang="fi">Suomi</);
			expect(build.read('fi/modules/goals-and-kpis/index.html')).toMatch(/<option value="\/modules\/goals-and-kpis\/"[^>]* lang="en">English</);
		});

		it("lists a change released in many modules on one day once on What's new, with every one of those releases beneath it", () => {
			for (const file of ['whats-new/index.html', 'fi/whats-new/index.html']) {
				const page = build.read(file);
				const groups = [...page.matchAll(/<li data-timeline-group="(\d+)">([^]*?)<\/details>/g)];
				expect(groups.length, file).toBeGreaterThan(0);
				for (const [, count, group] of groups) expect(group!.match(/<li data-timeline-entry="release:/g), file).toHaveLength(Number(count));
			}
		});

		it('names the versions of a page in other languages only where they exist, and words "Previous" and "Next" as the page\'s language names them', () => {
			const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html') && !file.startsWith('embed/'));
			const missing: string[] = [];
			const named = new Map<string, number>();
			for (const file of pages) {
				for (const [, lang, href] of build.read(file).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) {
					const path = new URL(href!).pathname;
					if (!build.exists(`${path.slice(1)}index.html`)) missing.push(`${file}: ${lang} ${path}`);
					named.set(lang!, (named.get(lang!) ?? 0) + 1);
				}
			}
			expect(missing).toEqual([]);
			expect(named.get('fi')).toBeGreaterThan(20);
			expect(build.read('modules/tiktok-playbook/index.html')).not.toMatch(/<link rel="alternate" hreflang="fi"/);
			// The About page is a free page shown in Finnish with Starlight's sidebar, which the engine words in Finnish.
			const pagination = [...build.read('fi/about/index.html').matchAll(/<a href="([^"]+)" rel="(?:prev|next)"[^>]*>[^]*?<span class="link-title[^"]*">([^<]*)</g)].map((match) => `${match[1]} ${match[2]}`);
			expect(pagination).toEqual(['/fi/whats-new/ Uutta', expect.stringMatching(/^\/fi\/tracks\/strategy-and-planning\/ Strategia ja suunnittelu$/)]);
		});

		it("leads every page's sidebar to pages that exist, and lists every track in Finnish too, marking the ones only in English", () => {
			const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html') && !file.startsWith('embed/'));
			const links = (html: string) => {
				const sidebar = /<sl-sidebar-state-persist[^>]*>([^]*?)<\/sl-sidebar-state-persist>/.exec(html)?.[1] ?? '';
				return [...sidebar.matchAll(/<a href="([^"#]*)(?:#[^"]*)?"([^>]*)>([^]*?)<\/a>/g)].map(([, href, attributes, inner]) => ({ href: href!, attributes: attributes!, inner: inner! }));
			};
			const missing: string[] = [];
			let sidebars = 0;
			for (const file of pages) {
				const found = links(build.read(file));
				if (found.length > 0) sidebars++;
				for (const { href } of found) if (href.startsWith('/') && !build.exists(`${href.slice(1)}index.html`)) missing.push(`${file}: ${href}`);
			}
			expect(missing).toEqual([]);
			expect(sidebars).toBeGreaterThan(100);
			// The Finnish list of tracks: each track once, in the curriculum's order, at its Finnish page if it has one.
			const finnish = links(build.read('fi/whats-new/index.html')).filter(({ href }) => /\/tracks\/[^/]+\/$/.test(href));
			const ids = finnish.map(({ href }) => /\/tracks\/([^/]+)\//.exec(href)![1]!);
			expect(ids).toEqual(inTrackOrder(curriculum.tracks).map((track) => track.id));
			for (const [i, { href, attributes, inner }] of finnish.entries()) {
				const translated = href.startsWith('/fi/');
				expect(translated, href).toBe(build.exists(`fi/tracks/${ids[i]}/index.html`));
				expect(/\blang="en" hreflang="en"/.test(attributes), href).toBe(!translated);
				expect(/<span class="sl-badge[^"]*">EN<\/span>/.test(inner), href).toBe(!translated);
			}
			expect(finnish.filter(({ href }) => href.startsWith('/fi/')).length).toBeGreaterThan(0);
			expect(finnish.filter(({ href }) => !href.startsWith('/fi/')).length).toBeGreaterThan(0);
			// Each release of a current major on the Finnish What's new leads to the module's Finnish page where
			// it has one (translated, or in a translated track) and to the English page where it has none; its
			// title is marked as English unless the module is translated.
			const translated = new Set(curriculum.translations.filter((entry) => entry.kind === 'module' && entry.locale === 'fi').map((entry) => entry.id));
			const releases = [...build.read('fi/whats-new/index.html').matchAll(/<li data-timeline-entry="release:([^@"]+)@[^"]+">(?:(?!<\/li>)[^])*?<a href="(\/(?:fi\/)?modules\/[^/"]+\/)"( lang="en")?>/g)];
			const wrong = releases.filter(([, id, href, english]) => href !== (build.exists(`fi/modules/${id}/index.html`) ? `/fi/modules/${id}/` : `/modules/${id}/`) || Boolean(english) === translated.has(id!));
			expect(wrong.map(([, id, href, english]) => `${id}: ${href}${english ?? ''}`)).toEqual([]);
			const kinds = new Set(releases.map(([, id, href]) => `${href!.startsWith('/fi/')} ${translated.has(id!)}`));
			// Both a translated module and one without a Finnish page were seen (feeds.test.ts sees the third kind).
			expect([...kinds]).toEqual(expect.arrayContaining(['true true', 'false false']));
		});

		it("makes each box's title (example, exercise, case, discussion) a heading one level below its section's", () => {
			const misplaced: string[] = [];
			let titles = 0;
			for (const id of curriculum.modules.map((module) => module.id)) {
				const main = /<main[^>]*>([^]*)<\/main>/.exec(build.read(`modules/${id}/index.html`))![1]!;
				let section = 1;
				for (const [, level, attributes, text] of main.matchAll(/<h([1-6])([^>]*)>([^<]*)/g)) {
					if (!attributes!.includes('currents-box__title')) section = Number(level);
					else if ((titles++, Number(level) !== section + 1)) misplaced.push(`${id}: h${level} "${text}" under an h${section}`);
				}
				expect(main, id).not.toContain('<p class="currents-box__title"');
			}
			expect(misplaced).toEqual([]);
			expect(titles).toBeGreaterThan(150);
		});

		it('writes no link to a part of a page with a slash after its fragment (Starlight\'s "/#tracks/"), which lands on no part', () => {
			const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
			const slashed = pages.flatMap((file) => [...build.read(file).matchAll(/href="([^"]*#[^"]*\/)"/g)].map((match) => `${file}: ${match[1]}`));
			expect(slashed).toEqual([]);
			// The last module of a track leads "Next" to the list of tracks on the home page.
			const last = curriculum.tracks[0]!.data.modules.at(-1)!;
			expect(build.read(`modules/${last}/index.html`)).toMatch(/<a href="\/#tracks" rel="next"/);
		});

		it("tells an instructor on an earlier major's page to assign the current version to a new course", () => {
			const archived = curriculum.archives[0]!;
			const current = curriculum.modules.find((module) => module.id === archived.id)!.data.version;
			const panel = /<section class="currents-embed-panel"[^]*?<\/section>/.exec(build.read(`modules/${archived.id}/v${archived.major}/index.html`))![0];
			expect(panel).toContain(`This is version ${archived.major}, an earlier major version.`);
			expect(panel).toContain(`assign the current version, ${current}: <a href="${curriculum.config!.site.replace(/\/$/, '')}/modules/${archived.id}/v${majorOf(current)}/">`);
			expect(panel).not.toContain('becomes version');
			expect(/<section class="currents-embed-panel"[^]*?<\/section>/.exec(build.read(`modules/${archived.id}/index.html`))![0]).toContain('becomes version');
		});

		it("says in each syllabus where a module's prerequisites are taught: a session of the track, or another track, linked", () => {
			const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('<', '&lt;');
			const titles = new Map(curriculum.modules.map((module) => [module.id, html(module.data.title)]));
			let elsewhere = 0;
			for (const track of curriculum.tracks) {
				const page = build.read(`tracks/${track.id}/syllabus/index.html`);
				for (const id of track.data.modules) {
					const row = new RegExp(`<tr data-syllabus-module="${id}">([^]*?)</tr>`).exec(page)![1]!;
					const cell = [...row.matchAll(/<td>([^]*?)<\/td>/g)].at(-1)![1]!;
					for (const prerequisite of curriculum.modules.find((module) => module.id === id)!.data.prerequisites) {
						const session = track.data.modules.indexOf(prerequisite);
						if (session >= 0) expect(cell, `${track.id}/${id}`).toContain(`${titles.get(prerequisite)} (session ${session + 1})`);
						else {
							elsewhere++;
							const other = curriculum.tracks.find((candidate) => candidate.data.modules.includes(prerequisite))!;
							expect(cell, `${track.id}/${id}`).toMatch(new RegExp(`<a href="[^"]*/modules/${prerequisite}/v\\d+/">[^<]*</a> <span data-syllabus-elsewhere>\\(in ${html(other.data.title)}\\)</span>`));
							expect(page).toContain('<p data-syllabus-prerequisites-elsewhere>');
						}
					}
				}
			}
			expect(elsewhere).toBeGreaterThan(0);
		});

		it("puts each module's citation in its page's head for reference managers, the same as its APA reference", () => {
			for (const module of curriculum.modules) {
				const head = build.read(`modules/${module.id}/index.html`).split('</head>')[0]!;
				const meta = (name: string) => [...head.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((match) => match[1]);
				expect(meta('citation_title'), module.id).toHaveLength(1);
				expect(meta('citation_author').length, module.id).toBeGreaterThan(0);
				expect(meta('citation_public_url'), module.id).toEqual([`${curriculum.config!.site.replace(/\/$/, '')}/modules/${module.id}/v${majorOf(module.data.version)}/`]);
				expect(meta('citation_publication_date')[0], module.id).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
			}
			// A page in another language cites nothing of its own.
			expect(build.read('fi/modules/goals-and-kpis/index.html')).not.toContain('citation_title');
		});

		it('names every column of every table: no header cell is empty (axe: empty-table-header)', () => {
			const pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html'));
			const empty = pages.flatMap((file) => [...build.read(file).matchAll(/<th\b[^>]*>\s*<\/th>/g)].map(() => file));
			expect(empty).toEqual([]);
			expect(pages.filter((file) => build.read(file).includes('<th')).length).toBeGreaterThan(20);
		});

		it('marks English on the Finnish home page: each untranslated track card says so, in Finnish, and English titles carry their language', () => {
			const home = build.read('fi/index.html');
			const cards = [...home.matchAll(/<li class="currents-card" data-track-card="([^"]+)"( lang="en")?>([^]*?)<\/li>/g)];
			expect(cards).toHaveLength(curriculum.tracks.length);
			for (const [, id, english, card] of cards) {
				// The card's title and summary are the original's; its counts and the language it is in are this page's.
				const meta = /<p class="currents-card__meta"( lang="fi")?>(.*?)<\/p>/.exec(card!);
				expect(meta?.[1] !== undefined, id).toBe(english !== undefined);
				expect(meta![2]!, id).toMatch(/^<span data-module-count>\d+ moduulia<\/span> · <span data-track-total>[^<]+<\/span>/);
				expect(meta![2]!.includes('<span data-track-language>kieli: englanti</span>'), id).toBe(english !== undefined);
			}
			expect(cards.filter(([, , english]) => english === undefined).length).toBeGreaterThan(0);
			const recent = /<ul class="currents-recent">([^]*?)<\/ul>/.exec(home)![1]!;
			for (const [, href, lang] of recent.matchAll(/<a href="([^"]+)"( lang="en")?>/g)) expect(lang !== undefined, href).toBe(!href!.startsWith('/fi/'));
		});

		it("marks the languages of the Finnish about page, shown in English: its notice Finnish, its tables of contents' headings English", () => {
			const page = build.read('fi/about/index.html');
			// Starlight marks the page's content English; its notice, placed in that content, says it is Finnish.
			expect(page).toMatch(/<main[^>]* lang="en"/);
			expect(page).toMatch(/<div lang="fi" dir="ltr"><p class="sl-flex[^"]*">(?:(?!<\/p>)[^])*>Tämä sisältö ei ole vielä saatavilla valitsemallasi kielellä\.<\/span><\/p><\/div>/);
			// Each table of contents (wide screens and narrow) leads to the same headings, each marked English; "Yleiskatsaus" is Finnish.
			const headings = [...page.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id!.startsWith('starlight__'));
			expect(headings.length).toBeGreaterThan(2);
			const entries = [...page.matchAll(/<a href="#([^"]+)"[^>]*?( lang="en")?><span[^>]*>([^<]*)</g)].map(([, id, lang, text]) => [id, lang !== undefined, text]);
			const expected = [['_top', false, 'Yleiskatsaus'], ...headings.map((id) => [id, true, expect.any(String)])];
			expect(entries).toEqual([...expected, ...expected]);
			// The English page is unchanged: nothing to mark.
			expect(build.read('about/index.html')).not.toMatch(/<a href="#[^"]+"[^>]* lang=/);
			// The script that marks the narrow table of contents' summary line (tests/browser/finnish.test.ts) loads on this page alone.
			const marker = /<script type="module" src="\/_astro\/CurrentEntryLanguage\.[^"]+"><\/script>/;
			expect(page).toMatch(marker);
			expect(build.read('about/index.html')).not.toMatch(marker);
			expect(build.read('fi/modules/goals-and-kpis/index.html')).not.toMatch(marker);
			// The link to it from Finnish What's new, "Seuraava", names it in English, marked so.
			expect(build.read('fi/whats-new/index.html')).toMatch(/<a href="\/fi\/about\/" rel="next"[^>]*>(?:(?!<\/a>)[^])*<span class="link-title[^"]*" lang="en">About Currents<\/span>/);
		});

		it('sends a Finnish address with no page (a link or a guess) to the original on Netlify, and keeps every Finnish page', () => {
			const rules = redirectRules(build.outDir);
			const at = (path: string) => matchRedirect(path, rules, build.exists(`${path.slice(1)}index.html`));
			expect(at('/fi/modules/tiktok-playbook/')).toMatchObject({ to: '/modules/tiktok-playbook/', rule: { status: 302 } });
			expect(at('/fi/tracks/analytics-and-reporting/syllabus/')?.to).toBe('/tracks/analytics-and-reporting/syllabus/');
			// A translated track has its Finnish syllabus.
			expect(at('/fi/tracks/strategy-and-planning/syllabus/')).toBeUndefined();
			expect(at('/fi/modules/goals-and-kpis/')).toBeUndefined();
			expect(at('/fi/')).toBeUndefined();
			// The permanent address of a current major is rewritten before the fallback is reached.
			expect(at('/modules/goals-and-kpis/v1/')).toMatchObject({ rule: { status: 200 } });
		});

		it('leaves no English interface words on a Finnish page, only untranslated content marked as English', () => {
			const fragments = englishFragments({ ...starlightStrings.en, ...UI_STRINGS.en }, { ...starlightStrings.fi, ...UI_STRINGS.fi });
			expect(fragments.words.length).toBeGreaterThan(100);
			expect(englishLeft(join(build.outDir, 'fi'), 'fi', fragments, build.outDir)).toEqual([]);
		});

		it('marks as English every name of a module, track or update that a Finnish page gives in English', () => {
			// Each English title a Finnish page may show: of what is not translated, or translated under another title.
			const finnish = new Set(curriculum.translations.filter((t) => t.locale === 'fi').map((t) => t.data.title));
			const titles = [...curriculum.modules, ...curriculum.tracks, ...curriculum.updates].map((entry) => entry.data.title).filter((title) => !finnish.has(title));
			expect(titles.length).toBeGreaterThan(50);
			// As text a reader hears in Finnish: outside any element marked English.
			expect(englishLeft(join(build.outDir, 'fi'), 'fi', { words: [], labels: new Set(titles) }, build.outDir)).toEqual([]);
			// The Finnish update names its affected modules not yet translated in English, marked so.
			expect(build.read('fi/updates/2026-08-02-eu-ai-act-transparency-duties-apply/index.html')).toMatch(/<a href="\/modules\/legal-basics\/" lang="en">Legal basics for social media<\/a>/);
		});

		it('shows the pending-change notice on real module pages', () => {
			const pending = curriculum.updates.filter((u) => u.data.status === 'pending');
			for (const update of pending) {
				for (const id of update.data.modules) {
					expect(build.read(`modules/${id}/index.html`), id).toContain(`href="/updates/${update.id}/"`);
				}
			}
		});
	});
});
