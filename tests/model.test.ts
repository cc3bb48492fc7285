import { describe, expect, it } from 'vitest';
import { atomFeed } from '../src/lib/feeds/atom.ts';
import { addDays, isReviewDue, reviewDueDate } from '../src/lib/curriculum/freshness.ts';
import { formatDuration, sidebarFor, timeline } from '../src/lib/curriculum/model.ts';
import type { ModuleData } from '../src/lib/curriculum/schema/module.ts';
import { countWords } from '../src/lib/check/standards.ts';
import { bumpVersion, compareVersions } from '../src/lib/curriculum/versions.ts';

const module = (changelog: ModuleData['changelog']): ModuleData =>
	({ title: 'Reels', version: changelog[0]!.version, changelog }) as ModuleData;

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

	it('escapes text in the Atom feed', () => {
		const xml = atomFeed([{ ...entries[0]!, title: 'Tips & <tricks>' }], {
			title: 'T',
			subtitle: 'S',
			site: 'https://example.org',
			feedPath: '/feed.xml',
			pagePath: '/whats-new/',
		});
		expect(xml).toContain('<title>Tips &amp; &lt;tricks&gt;</title>');
		expect(xml).toContain('<id>tag:example.org,2026-11-01:update:u</id>');
	});
});

describe('sidebar', () => {
	const tracks = [
		{ id: 'a', data: { title: 'A', modules: ['one', 'two'] } as never },
		{ id: 'b', data: { title: 'B', modules: ['three'] } as never },
	];
	const modules = new Map([['one', { title: 'One' }], ['two', { title: 'Two' }], ['three', { title: 'Three' }]]);

	it('lists the modules of the current track only', () => {
		const [, , group] = sidebarFor(tracks, modules, 'b');
		expect(group).toEqual({
			label: 'Tracks',
			items: [
				{ label: 'A', link: '/tracks/a/' },
				{ label: 'B', items: [{ label: 'Track overview', link: '/tracks/b/' }, { label: 'Three', link: '/modules/three/' }] },
			],
		});
	});

	it('stays the same size however many modules other tracks hold', () => {
		const many = new Map([...modules, ...Array.from({ length: 2000 }, (_, i) => [`m${i}`, { title: `M${i}` }] as const)]);
		const big = [{ id: 'a', data: { title: 'A', modules: [...many.keys()] } as never }, tracks[1]!];
		expect(JSON.stringify(sidebarFor(big, many, 'b')).length).toBeLessThan(400);
	});
});

describe('word count', () => {
	it('counts prose, not code, tags or link targets', () => {
		const body = '## Heading here\n\nOne two [three](/modules/x/) four.\n\n```js\nconst not = counted;\n```\n\n<Aside type="tip">five six</Aside>\n';
		expect(countWords(body)).toBe(8);
	});
});
