import { parseAtomFeed } from 'feedsmith';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { atomFeed } from '../src/lib/feeds/atom.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { RECENT_ENTRIES, timeline, whatsNew } from '../src/lib/curriculum/model.ts';
import type { ModuleData } from '../src/lib/curriculum/schema/module.ts';
import type { UpdateData } from '../src/lib/curriculum/schema/update.ts';
import { netlifyHeaders, type HeaderRule } from '../scripts/lib/static-server.ts';
import { ROOT, sharedBuild, sharedContent, type Build } from './utils.ts';

/** The entries a track's feed must hold, read from the content itself: each release of its modules, and each update naming one. */
function expectedIds(content: string, trackId: string): string[] {
	const curriculum = loadCurriculum(content, ROOT);
	const track = curriculum.tracks.find((t) => t.id === trackId)!;
	const inTrack = new Set(track.data.modules);
	return [
		...curriculum.modules.filter((m) => inTrack.has(m.id)).flatMap((m) => m.data.changelog.map((c) => `release:${m.id}@${c.version}`)),
		...curriculum.updates.filter((u) => u.data.modules.some((id) => inTrack.has(id))).map((u) => `update:${u.id}`),
	].sort();
}

// Entry ids are tag URIs, `tag:<host>,<date>:<what>`; the part after the date names the release or update.
const idOf = (entry: { id?: string }) => entry.id?.replace(/^tag:[^:]+:/, '') ?? '';
/** The ids of the entries What's new lists, as its page marks them. */
const whatsNewIds = (html: string) => [...html.matchAll(/data-timeline-entry="([^"]+)"/g)].map((match) => match[1]!).sort();

describe('what a feed holds', () => {
	/** A module with a first release and then one release on each of the given days, the newest first. */
	const module = (id: string, days: string[]) => ({
		id,
		data: {
			title: `Module ${id}`,
			version: `1.${days.length}.0`,
			changelog: [...days.map((date, i) => ({ version: `1.${days.length - i}.0`, date, kind: 'fixed', summary: 'Source notes reworded.' })), { version: '1.0.0', date: '2025-06-01', kind: 'added', summary: 'First release.' }],
		} as ModuleData,
	});
	const update = (id: string, date: string) => ({ id, data: { title: `Change ${id}`, date, summary: 'A platform changed.', status: 'pending', platforms: ['x'], modules: ['m0'] } as unknown as UpdateData });
	const feed = (entries: ReturnType<typeof timeline>, lang?: string) =>
		parseAtomFeed(atomFeed(entries, { title: 'T', subtitle: 'S', author: 'T contributors', site: 'https://example.org', feedPath: '/feed.xml', pagePath: '/whats-new/', lang }));

	it('keeps every platform update when a week of releases outnumbers the releases it holds, and holds What’s new’s entries', () => {
		// Three platform changes of the summer, then 60 modules released three times each in the first week of December.
		const december = ['2026-12-06', '2026-12-05', '2026-12-01'];
		const entries = timeline(
			Array.from({ length: 60 }, (_, i) => module(`m${i}`, december)),
			[update('a', '2026-08-27'), update('b', '2026-05-15'), update('c', '2025-01-07')]
		);
		const shown = feed(entries).entries ?? [];
		const ids = shown.map(idOf);
		expect(ids.filter((id) => id.startsWith('update:')).sort()).toEqual(['update:a', 'update:b', 'update:c']);
		const page = whatsNew(entries);
		expect(ids.filter((id) => id.startsWith('release:'))).toHaveLength(RECENT_ENTRIES);
		expect(ids.sort()).toEqual([...page.changes, ...page.releases].map((entry) => entry.id).sort());
		// Each entry keeps its own day, and the feed is as new as its newest entry.
		const dayOf = new Map(entries.map((entry) => [entry.id, entry.date]));
		for (const entry of shown) expect(entry.updated, idOf(entry)).toBe(`${dayOf.get(idOf(entry))}T00:00:00Z`);
		expect(feed(entries).updated).toBe('2026-12-06T00:00:00Z');
	});

	it('holds no more than the newest RECENT_ENTRIES platform updates and the newest RECENT_ENTRIES releases', () => {
		const days = Array.from({ length: 150 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)).reverse();
		const entries = timeline([module('m0', days)], days.map((day, i) => update(`u${i}`, day)));
		const ids = (feed(entries).entries ?? []).map(idOf);
		expect(ids).toHaveLength(2 * RECENT_ENTRIES);
		const newest = (kind: string) => entries.filter((entry) => entry.kind === kind).slice(0, RECENT_ENTRIES).map((entry) => entry.id);
		expect(ids.filter((id) => id.startsWith('update:'))).toEqual(newest('update'));
		expect(ids.filter((id) => id.startsWith('release:'))).toEqual(newest('release'));
	});

	it('labels each category in the feed’s language, as What’s new and search name it', () => {
		const entries = timeline([module('m0', ['2026-12-01'])], [update('a', '2026-08-27')]);
		const categories = (lang?: string) => (feed(entries, lang).entries ?? []).flatMap((entry) => entry.categories ?? []);
		expect(categories('en')).toEqual([
			{ term: 'release-fixed', label: 'Fixed' },
			{ term: 'platform-update', label: 'Platform update' },
			{ term: 'release-added', label: 'Added' },
		]);
		expect(categories('fi').map((category) => category.label)).toEqual(['Korjattu', 'Alustapäivitys', 'Lisätty']);
		// A release for a platform's change is told apart from a platform update, in Finnish too.
		const changed = module('m1', ['2026-12-02']);
		changed.data.changelog[0]!.kind = 'platform-change';
		const labels = (lang: string) => (feed(timeline([changed], [update('a', '2026-08-27')]), lang).entries ?? []).flatMap((entry) => (entry.categories ?? []).map((category) => category.label));
		expect(labels('en')).toEqual(['Platform change', 'Platform update', 'Added']);
		expect(labels('fi')).toEqual(['Alustamuutos', 'Alustapäivitys', 'Lisätty']);
		// A feed that names no language is in the engine's first, English.
		expect(categories()).toEqual(categories('en'));
	});
});

describe('per-track feeds', () => {
	// The bilingual tea fixture with a second track, "Hosting", that holds only `serving`, and an archived
	// major whose title differs from the current one (tea-bilingual.ts).
	const content = sharedContent('tea-bilingual');
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('tea-bilingual');
		if (build.status !== 0) throw new Error(`The fixture build failed:\n${build.output}`);
	}, 600_000);

	const feedOf = (track: string) => parseAtomFeed(build.read(`tracks/${track}/feed.xml`));
	const idsOf = (feed: { entries?: { id?: string }[] }) => (feed.entries ?? []).map(idOf).sort();

	it('lists exactly the releases of the track’s modules and the platform updates that affect them', () => {
		const hosting = feedOf('hosting');
		expect(idsOf(hosting)).toEqual(expectedIds(content, 'hosting'));
		// The check above is only as good as the fixture: the smaller track must leave some entries out.
		expect(idsOf(hosting)).not.toContain('update:2026-10-20-teapot-infuser');
		expect(idsOf(hosting)).not.toContain('release:brewing-basics@2.1.0');
		expect(idsOf(feedOf('tea-foundations'))).toEqual(expectedIds(content, 'tea-foundations'));
	});

	it('is a valid Atom feed that names the track, links itself and its page, and lists entries newest first', () => {
		const feed = feedOf('hosting');
		expect(feed.title).toEqual({ value: 'Steeped: Hosting' });
		expect(feed.authors?.[0]?.name).toBe('Steeped contributors');
		const links = Object.fromEntries((feed.links ?? []).map((link) => [link.rel, link.href]));
		expect(links).toEqual({ self: 'https://steeped.example.org/tracks/hosting/feed.xml', alternate: 'https://steeped.example.org/tracks/hosting/' });
		const dates = (feed.entries ?? []).map((entry) => entry.updated ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('names a release of an archived major by the title it had then, in every feed and on What’s new', () => {
		for (const xml of [build.read('tracks/tea-foundations/feed.xml'), build.read('feed.xml')]) {
			const titles = (parseAtomFeed(xml).entries ?? []).map((entry) => entry.title?.value);
			expect(titles).toContain('Brewing with bags 1.0.0');
			expect(titles).toContain('Brewing basics 2.0.0');
		}
		expect(build.read('whats-new/index.html')).toMatch(/href="\/modules\/brewing-basics\/v1\/">Brewing with bags 1\.0\.0<\/a>/);
	});

	it('is advertised in the track page’s head and linked near the top of the page', () => {
		const html = build.read('tracks/hosting/index.html');
		expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Steeped: Hosting" href="/tracks/hosting/feed.xml"/>');
		expect(html).toMatch(/<a href="\/tracks\/hosting\/feed\.xml"[^>]*>Follow this track<\/a>/);
		expect(html.indexOf('Follow this track')).toBeLessThan(html.indexOf('data-track-module="serving"'));
	});

	it('is advertised on a translated track\'s Finnish page as its Finnish feed, by that feed\'s own Finnish title', () => {
		const title = parseAtomFeed(build.read('tracks/tea-foundations/feed.xml')).title?.value;
		expect(title).toBe('Steeped: Tea foundations');
		const finnishTitle = parseAtomFeed(build.read('fi/tracks/tea-foundations/feed.xml')).title?.value;
		expect(finnishTitle).toBe('Steeped: Teen perusteet');
		const link = (page: string) => [...build.read(page).matchAll(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="(?:\/fi)?\/tracks\/tea-foundations\/feed\.xml"\/>/g)].map((match) => match[0]);
		expect(link('fi/tracks/tea-foundations/index.html')).toEqual([`<link rel="alternate" type="application/atom+xml" title="${finnishTitle}" href="/fi/tracks/tea-foundations/feed.xml"/>`]);
		expect(link('tracks/tea-foundations/index.html')).toEqual([`<link rel="alternate" type="application/atom+xml" title="${title}" href="/tracks/tea-foundations/feed.xml"/>`]);
		// The Finnish page offers the Finnish feed of everything as well, and its versions in both languages.
		const finnish = build.read('fi/tracks/tea-foundations/index.html');
		expect(finnish).toContain('<link rel="alternate" type="application/atom+xml" title="Steeped: uutta" href="/fi/feed.xml"/>');
		expect(finnish).toMatch(/<link rel="alternate" hreflang="en" href="[^"]+\/tracks\/tea-foundations\/"/);
	});

	it('is served as Atom on Netlify wherever a build writes one, and netlify.toml names no feed that no build writes', () => {
		const feeds = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('feed.xml'))
			.map((file) => `/${file}`);
		expect(feeds).toEqual(expect.arrayContaining(['/feed.xml', '/fi/feed.xml', '/tracks/hosting/feed.xml', '/fi/tracks/tea-foundations/feed.xml']));
		for (const feed of feeds) expect(netlifyHeaders(feed)['Content-Type'], feed).toBe('application/atom+xml; charset=utf-8');
		// Each rule that sends the Atom type is for feeds that a bilingual build writes.
		const rules = (parseToml(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')).headers ?? []) as unknown as HeaderRule[];
		const atomRules = rules.filter((rule) => rule.values['Content-Type']?.startsWith('application/atom+xml'));
		expect(atomRules.length).toBeGreaterThan(0);
		for (const rule of atomRules) expect(feeds.filter((feed) => 'Content-Type' in netlifyHeaders(feed, [rule])), rule.for).not.toEqual([]);
	});

	it('holds What’s new’s entries, in each language, with each category labelled in the feed’s language', () => {
		for (const prefix of ['', 'fi/']) {
			const feed = parseAtomFeed(build.read(`${prefix}feed.xml`));
			expect((feed.entries ?? []).map(idOf).sort(), prefix).toEqual(whatsNewIds(build.read(`${prefix}whats-new/index.html`)));
		}
		expect(build.read('feed.xml')).toContain('<category term="platform-update" label="Platform update"/>');
		expect(build.read('fi/feed.xml')).toContain('<category term="platform-update" label="Alustapäivitys"/>');
		expect(build.read('fi/feed.xml')).toMatch(/<category term="release-added" label="Lisätty"\/>/);
	});

	it('is named on What’s new for every track, in the configured order, and platform changes come before releases', () => {
		const html = build.read('whats-new/index.html');
		const feeds = [...html.matchAll(/<a href="(\/tracks\/[^"]+\/feed\.xml)"/g)].map((match) => match[1]);
		expect(feeds).toEqual(['/tracks/tea-foundations/feed.xml', '/tracks/hosting/feed.xml']);
		const entries = [...html.matchAll(/data-timeline-entry="([^"]+)"/g)].map((match) => match[1]!);
		const firstRelease = entries.findIndex((id) => id.startsWith('release:'));
		expect(entries.slice(0, firstRelease)).toEqual(['update:2026-11-10-kettle-presets', 'update:2026-10-20-teapot-infuser']);
		expect(entries.slice(firstRelease).every((id) => id.startsWith('release:'))).toBe(true);
	});

	it('is in Finnish under /fi/: its words, translated titles linking to their Finnish pages, the rest marked as English', () => {
		const html = build.read('fi/whats-new/index.html');
		expect(html).toContain('<h2 id="platform-changes">Alustapäivitykset</h2>');
		expect(html).toContain('<h2 id="releases">Moduulien uudet versiot</h2>');
		expect(html).not.toMatch(/Platform changes|Module releases|Follow along|Atom feed/);
		// A release of the translated major keeps the Finnish title and its Finnish page; its summary is the original's.
		expect(html).toMatch(/<span class="currents-tag">[^<]+<\/span> <a href="\/fi\/modules\/brewing-basics\/">Haudutuksen perusteet 2\.1\.0<\/a><p lang="en">/);
		// An earlier major stays in English, at its English address; an untranslated module of the translated
		// track keeps its English title, marked so, and leads to its Finnish page, which shows the original.
		expect(html).toMatch(/<a href="\/modules\/brewing-basics\/v1\/" lang="en">Brewing with bags 1\.0\.0<\/a>/);
		expect(html).toMatch(/<a href="\/fi\/modules\/serving\/" lang="en">Serving 1\.0\.1<\/a>/);
		expect(html).toMatch(/<span class="currents-tag">(Odottaa|Huomioitu)<\/span> <a href="\/updates\/[^"]+\/" lang="en">/);
		// The English page is as it was.
		expect(build.read('whats-new/index.html')).toContain('<h2 id="platform-changes">Platform changes</h2>');
	});

	it('has the same entries as Finnish What’s new under /fi/feed.xml: Finnish titles where translated, and the rest marked xml:lang="en"', () => {
		const xml = build.read('fi/feed.xml');
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">');
		/** Each entry's opening tag, title, link and summary, by its id (`update:…`, `release:…@…`), as written. */
		const entries = new Map(
			[...xml.matchAll(/<entry([^>]*)>\s*<id>tag:[^:]+:([^<]+)<\/id>\s*<title([^>]*)>([^<]*)<\/title>\s*<link [^>]*href="([^"]+)"\/>(?:(?!<\/entry>)[^])*<summary([^>]*)>/g)].map(
				([, entry, id, titleAttrs, title, href, summaryAttrs]) => [id!, { entry: entry!, title: title!, titleAttrs: titleAttrs!, href: href!, summaryAttrs: summaryAttrs! }]
			)
		);
		expect([...entries.keys()].sort()).toEqual((parseAtomFeed(build.read('feed.xml')).entries ?? []).map((entry) => entry.id?.replace(/^tag:[^:]+:/, '')).sort());
		// A translated update: its Finnish title and summary, and its Finnish page, with nothing marked.
		expect(entries.get('update:2026-11-10-kettle-presets')).toEqual({
			entry: '',
			title: 'Vedenkeittimiin tulee lämpötilan esivalinnat',
			titleAttrs: '',
			href: 'https://steeped.example.org/fi/updates/2026-11-10-kettle-presets/',
			summaryAttrs: '',
		});
		// An update written only in English is English as a whole.
		expect(entries.get('update:2026-10-20-teapot-infuser')).toMatchObject({ entry: ' xml:lang="en"', title: 'Teapots now ship with infusers', titleAttrs: '', summaryAttrs: '' });
		// A release of the translated major: the Finnish title and page, and the changelog's English summary, marked.
		expect(entries.get('release:brewing-basics@2.1.0')).toEqual({
			entry: '',
			title: 'Haudutuksen perusteet 2.1.0',
			titleAttrs: '',
			href: 'https://steeped.example.org/fi/modules/brewing-basics/',
			summaryAttrs: ' xml:lang="en"',
		});
		// A release of an earlier major, and of an untranslated module, stay English as a whole.
		expect(entries.get('release:brewing-basics@1.0.0')).toMatchObject({ entry: ' xml:lang="en"', title: 'Brewing with bags 1.0.0' });
		expect(entries.get('release:serving@1.0.1')).toMatchObject({ entry: ' xml:lang="en"', title: 'Serving 1.0.1', href: 'https://steeped.example.org/fi/modules/serving/' });
		// A feed parser reads it, and the English feed marks no entry.
		expect(parseAtomFeed(xml).entries?.length).toBe(entries.size);
		expect(build.read('feed.xml')).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
		expect(build.read('feed.xml')).not.toMatch(/<(entry|title|summary) xml:lang=/);
	});
});

describe('the flagship’s feeds', () => {
	// The flagship as the repository holds it: a week of releases across its modules outnumbers the
	// releases a feed holds, and every one of them is newer than its newest platform change.
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('flagship');
		if (build.status !== 0) throw new Error(`The flagship build failed:\n${build.output}`);
	}, 600_000);

	it('hold every platform change What’s new lists, in each language, and each track’s hold those that affect its modules', () => {
		for (const prefix of ['', 'fi/']) {
			const listed = whatsNewIds(build.read(`${prefix}whats-new/index.html`));
			expect(listed.filter((id) => id.startsWith('update:')).length, prefix).toBeGreaterThan(0);
			expect((parseAtomFeed(build.read(`${prefix}feed.xml`)).entries ?? []).map(idOf).sort(), prefix).toEqual(listed);
		}
		const curriculum = loadCurriculum(sharedContent('flagship'), ROOT);
		for (const track of curriculum.tracks) {
			const inTrack = new Set(track.data.modules);
			const affecting = curriculum.updates.filter((update) => update.data.modules.some((id) => inTrack.has(id))).map((update) => `update:${update.id}`);
			const held = (parseAtomFeed(build.read(`tracks/${track.id}/feed.xml`)).entries ?? []).map(idOf).filter((id) => id.startsWith('update:'));
			expect(held.sort(), track.id).toEqual(affecting.sort());
		}
	});
});
