import { describe, expect, it } from 'vitest';
import { atomFeed } from '../src/lib/feeds/atom.ts';
import { addDays, isReviewDue, reviewDueDate } from '../src/lib/curriculum/freshness.ts';
import { formatDuration, groupedReleases, pageEditBase, recentlyUpdated, teachingRelease, sidebarFor, timeline, whatsNew } from '../src/lib/curriculum/model.ts';
import type { ModuleData } from '../src/lib/curriculum/schema/module.ts';
import { countWords } from '../src/lib/check/standards.ts';
import { bumpVersion, compareVersions } from '../src/lib/curriculum/versions.ts';

const module = (changelog: ModuleData['changelog'], title = 'Reels'): ModuleData =>
	({ title, version: changelog[0]!.version, changelog }) as ModuleData;
const first = (date: string, version = '1.0.0'): ModuleData['changelog'][number] => ({ version, date, kind: 'added', summary: 'First release.' });

describe('versions', () => {
	it('bumps each part and resets the lower ones', () => {
		expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
		expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
		expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
	});
	it('compares numerically, not as text', () => {
		expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
		expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
	});
});

describe('freshness', () => {
	it('is due the day after review date plus interval, not on it', () => {
		const config = { reviewInterval: 30 };
		expect(reviewDueDate({ reviewed: '2026-01-31' }, config)).toBe('2026-03-02');
		expect(isReviewDue({ reviewed: '2026-01-31' }, config, '2026-03-02')).toBe(false);
		expect(isReviewDue({ reviewed: '2026-01-31' }, config, '2026-03-03')).toBe(true);
		expect(isReviewDue({ reviewed: '2026-01-31', reviewInterval: 400 }, config, '2026-03-03')).toBe(false);
	});
	it('adds days across a leap year', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});
});

describe('durations', () => {
	it('reads as people say it', () => {
		expect(formatDuration(45)).toBe('45 min');
		expect(formatDuration(60)).toBe('1 h');
		expect(formatDuration(155)).toBe('2 h 35 min');
	});
});

describe('timeline', () => {
	const entries = timeline(
		[
			{
				id: 'reels',
				data: module([
					{ version: '2.0.0', date: '2026-10-01', kind: 'major', summary: 'Reversed.' },
					{ version: '1.0.0', date: '2026-01-01', kind: 'added', summary: 'First.' },
				]),
			},
		],
		[{ id: 'u', data: { title: 'A change', date: '2026-11-01', summary: 'S', status: 'pending', platforms: ['x'] } as never }]
	);

	it('merges updates and releases, newest first', () => {
		expect(entries.map((entry) => [entry.date, entry.title])).toEqual([
			['2026-11-01', 'A change'],
			['2026-10-01', 'Reels 2.0.0'],
			['2026-01-01', 'Reels 1.0.0'],
		]);
	});

	it('links a release of an earlier major to that major’s permalink', () => {
		expect(entries.map((entry) => entry.href)).toEqual(['/updates/u/', '/modules/reels/', '/modules/reels/v1/']);
	});

	it('names a release of an archived major by the title it had then', () => {
		const renamed = timeline(
			[{ id: 'reels', data: module([{ version: '2.0.0', date: '2026-10-01', kind: 'major', summary: 'Reversed.' }, first('2026-01-01')], 'Reels for reach') }],
			[],
			[{ id: 'reels/v1', data: { title: 'Reels basics', version: '1.0.0' } }]
		);
		expect(renamed.map((entry) => entry.title)).toEqual(['Reels for reach 2.0.0', 'Reels basics 1.0.0']);
	});

	it('puts a day’s platform updates before its releases, and a module’s same-day releases newest first', () => {
		const day = '2026-11-23';
		const sameDay = timeline(
			[
				{ id: 'audience', data: module([{ version: '2.0.0', date: day, kind: 'major', summary: 'Reframed.' }, { version: '1.1.0', date: day, kind: 'added', summary: 'Added an example.' }, first(day)], 'Audience research') },
				{ id: 'budgets', data: module([{ version: '1.10.0', date: day, kind: 'added', summary: 'More.' }, { version: '1.9.0', date: day, kind: 'added', summary: 'More.' }, first(day)], 'Budgets') },
				{ id: 'captions', data: module([first(day)], 'Captions') },
			],
			[
				{ id: 'z', data: { title: 'Zoom changes', date: day, summary: 'S', status: 'pending', platforms: ['x'] } as never },
				{ id: 'older', data: { title: 'An older change', date: '2026-11-01', summary: 'S', status: 'incorporated', platforms: ['x'] } as never },
			]
		);
		expect(sameDay.map((entry) => entry.title)).toEqual([
			'Zoom changes',
			'Audience research 2.0.0',
			'Audience research 1.1.0',
			'Audience research 1.0.0',
			'Budgets 1.10.0',
			'Budgets 1.9.0',
			'Budgets 1.0.0',
			'Captions 1.0.0',
			'An older change',
		]);
	});

	it('lists on What’s new every platform change but only the newest releases, and counts the rest', () => {
		const many = timeline(
			Array.from({ length: 60 }, (_, i) => ({
				id: `m${i}`,
				data: module([{ version: '1.1.0', date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-02`, kind: 'added', summary: 'More.' }, first('2025-12-01')], `M ${i}`),
			})),
			Array.from({ length: 3 }, (_, i) => ({ id: `u${i}`, data: { title: `Change ${i}`, date: '2025-01-01', summary: 'S', status: 'pending', platforms: ['x'] } as never }))
		);
		const page = whatsNew(many, 100);
		expect(page.changes.map((entry) => entry.title)).toEqual(['Change 0', 'Change 1', 'Change 2']);
		expect(page.releases).toHaveLength(100);
		expect(page.releases).toEqual(many.filter((entry) => entry.kind === 'release').slice(0, 100));
		expect(page.releases.at(-1)!.date).toBe('2025-12-01');
		expect(page.older).toBe(20);
		expect(whatsNew(many, 120)).toMatchObject({ older: 0 });
		expect(whatsNew(many).releases).toHaveLength(100);
	});

	it('lists one change made in many modules on one day once on What’s new, where the first of them stood', () => {
		const day = '2026-12-06';
		const pass = { date: day, kind: 'fixed' as const, summary: 'Source notes reworded.' };
		const releases = whatsNew(
			timeline(
				[
					{ id: 'audience', data: module([{ ...pass, version: '1.0.1' }, first('2026-01-01')], 'Audience research') },
					{ id: 'budgets', data: module([{ version: '1.0.1', date: day, kind: 'fixed', summary: 'Corrected a date.' }, first('2026-01-01')], 'Budgets') },
					{ id: 'captions', data: module([{ ...pass, version: '1.0.2' }, { version: '1.0.1', date: day, kind: 'fixed', summary: 'Corrected a date.' }, first('2026-01-01')], 'Captions') },
					// The same words on another day, or as another kind of change, are another change.
					{ id: 'drafts', data: module([{ ...pass, kind: 'changed', version: '1.1.0' }, { ...pass, date: '2026-12-05', version: '1.0.1' }, first('2026-01-01')], 'Drafts') },
				],
				[]
			)
		).releases;
		expect(groupedReleases(releases).map((group) => `${group.date} ${group.change} ${group.summary} ${group.entries.map((entry) => entry.title).join(', ')}`)).toEqual([
			'2026-12-06 fixed Source notes reworded. Audience research 1.0.1, Captions 1.0.2',
			'2026-12-06 fixed Corrected a date. Budgets 1.0.1, Captions 1.0.1',
			'2026-12-06 changed Source notes reworded. Drafts 1.1.0',
			'2026-12-05 fixed Source notes reworded. Drafts 1.0.1',
			'2026-01-01 added First release. Audience research 1.0.0, Budgets 1.0.0, Captions 1.0.0, Drafts 1.0.0',
		]);
	});

	it('escapes text in the Atom feed', () => {
		const xml = atomFeed([{ ...entries[0]!, title: 'Tips & <tricks>' }], {
			title: 'T',
			subtitle: 'S',
			author: 'T contributors',
			site: 'https://example.org',
			feedPath: '/feed.xml',
			pagePath: '/whats-new/',
		});
		expect(xml).toContain('<title>Tips &amp; &lt;tricks&gt;</title>');
		expect(xml).toContain('<id>tag:example.org,2026-11-01:update:u</id>');
	});
});

describe('recently updated', () => {
	it('orders modules by their newest release that changed what they teach, a revision before a same-day first release, not by name', () => {
		const modules = [
			{ id: 'a', data: module([first('2026-11-23')], 'Accessible posts') },
			{ id: 'b', data: module([{ version: '1.1.0', date: '2026-11-23', kind: 'added', summary: 'More.' }, first('2026-11-23')], 'Budgets') },
			{ id: 'c', data: module([first('2026-01-05')], 'Captions') },
			{ id: 'd', data: module([{ version: '1.0.1', date: '2026-12-01', kind: 'fixed', summary: 'Typo.' }, first('2025-01-01')], 'Zines') },
		];
		// Zines' newest release is a correction, so its first release, long ago, counts.
		expect(recentlyUpdated(modules, 3).map((m) => m.id)).toEqual(['b', 'a', 'c']);
		expect(teachingRelease(modules[3]!.data)?.version).toBe('1.0.0');
	});
});

describe('sidebar', () => {
	const tracks = [
		{ id: 'a', data: { title: 'A', modules: ['one', 'two'] } as never },
		{ id: 'b', data: { title: 'B', modules: ['three'] } as never },
	];
	const modules = new Map([['one', { title: 'One' }], ['two', { title: 'Two' }], ['three', { title: 'Three' }]]);

	it('shows a track’s own modules on its pages, and sends the reader to the list of every track for the others', () => {
		const [, , group] = sidebarFor(tracks, modules, 'b');
		expect(group).toEqual({
			label: 'Tracks',
			items: [
				{ label: 'B', items: [{ label: 'Track overview', link: '/tracks/b/' }, { label: 'Three', link: '/modules/three/' }] },
				{ label: 'All tracks', link: '/#tracks' },
			],
		});
		// Outside a track, every track is listed, and none of their modules.
		const [, , outside] = sidebarFor(tracks, modules);
		expect(outside).toEqual({ label: 'Tracks', items: [{ label: 'A', link: '/tracks/a/' }, { label: 'B', link: '/tracks/b/' }] });
	});

	it('lists tracks in their configured order, whatever order their files are read in', () => {
		const ordered = [
			{ id: 'a-late', data: { title: 'Late', order: 3, modules: [] } as never },
			{ id: 'b-early', data: { title: 'Early', order: 1, modules: [] } as never },
			{ id: 'c-middle', data: { title: 'Middle', order: 2, modules: [] } as never },
		];
		const [, , group] = sidebarFor(ordered, modules);
		expect(group && 'items' in group ? group.items.map((item) => item.label) : []).toEqual(['Early', 'Middle', 'Late']);
	});

	it('stays the same size on a track’s pages however many modules and tracks the curriculum holds', () => {
		const many = new Map([...modules, ...Array.from({ length: 2000 }, (_, i) => [`m${i}`, { title: `M${i}` }] as const)]);
		const others = Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, data: { title: `Track ${i}`, modules: [`m${i}`] } as never }));
		const big = [{ id: 'a', data: { title: 'A', modules: [...many.keys()] } as never }, tracks[1]!, ...others];
		expect(JSON.stringify(sidebarFor(big, many, 'b')).length).toBeLessThan(400);
	});
});

describe('edit links of free pages', () => {
	const config = { repository: 'https://github.com/example/course/', branch: 'main', contentPath: 'content' };
	// Starlight appends the page's path from the project root, such as `content/pages/about.mdx`.
	const link = (base: string | undefined, fromRoot: string) => (base === undefined ? undefined : `${base.replace(/\/?$/, '/')}${fromRoot}`);

	it('names each page once, not under a doubled content path', () => {
		expect(link(pageEditBase(config, 'content'), 'content/pages/about.mdx')).toBe('https://github.com/example/course/edit/main/content/pages/about.mdx');
	});

	it('keeps the part of contentPath above the project root, for a site in a subfolder of its repository', () => {
		const nested = { ...config, branch: 'trunk', contentPath: 'site/content/' };
		expect(link(pageEditBase(nested, 'content'), 'content/pages/about.mdx')).toBe('https://github.com/example/course/edit/trunk/site/content/pages/about.mdx');
	});

	it('takes the project root for the repository root when the content folder is elsewhere in it', () => {
		expect(link(pageEditBase(config, 'tests/fixtures/x/content'), 'tests/fixtures/x/content/pages/a.mdx')).toBe(
			'https://github.com/example/course/edit/main/tests/fixtures/x/content/pages/a.mdx'
		);
		expect(link(pageEditBase(config, ''), 'pages/a.mdx')).toBe('https://github.com/example/course/edit/main/content/pages/a.mdx');
	});

	it('gives no link for content outside the project root, rather than a wrong one', () => {
		expect(pageEditBase(config, '../elsewhere/content')).toBeUndefined();
	});
});

describe('word count', () => {
	it('counts prose, not code, tags or link targets', () => {
		const body = '## Heading here\n\nOne two [three](/modules/x/) four.\n\n```js\nconst not = counted;\n```\n\n<Aside type="tip">five six</Aside>\n';
		expect(countWords(body)).toBe(8);
	});
});
