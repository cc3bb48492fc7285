import { parseAtomFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
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
	// Entry ids are tag URIs, `tag:<host>,<date>:<what>`; the part after the date names the release or update.
	const idsOf = (feed: { entries?: { id?: string }[] }) => (feed.entries ?? []).map((entry) => entry.id?.replace(/^tag:[^:]+:/, '') ?? '').sort();

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
