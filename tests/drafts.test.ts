import { parseAtomFeed } from 'feedsmith';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCurriculum, copyFixture, type Build } from './utils.ts';

/**
 * A module the scaffold wrote stays below 1.0.0 until its first review. Once merged it is published,
 * and a learner, an instructor choosing what to assign and a feed reader are each told it is a draft.
 */
describe('a draft module, published before its first review', () => {
	let build: Build;
	const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

	beforeAll(() => {
		const content = copyFixture('valid-course');
		const serving = readFileSync(join(content, 'modules', 'serving.mdx'), 'utf8');
		const draft = serving
			.replace('title: Serving', 'title: Pouring for guests')
			.replace('version: 1.0.1', 'version: 0.2.0')
			.replace(/changelog:\n[\s\S]*?\nquiz:/, 'changelog:\n  - version: 0.2.0\n    date: 2026-11-20\n    kind: added\n    summary: Added the pouring order.\n  - version: 0.1.0\n    date: 2026-11-12\n    kind: added\n    summary: First draft.\nquiz:');
		writeFileSync(join(content, 'modules', 'pouring.mdx'), draft);
		const track = join(content, 'tracks', 'tea-foundations.yaml');
		writeFileSync(track, readFileSync(track, 'utf8').replace('  - serving\n', '  - serving\n  - pouring\n'));
		build = buildCurriculum(content, 'drafts');
		expect(build.status, build.output).toBe(0);
	});

	it('says on its page that it is a draft, at which version, and a released module’s page does not', () => {
		const page = build.read('modules/pouring/index.html');
		expect(page).toContain('<aside class="currents-notice currents-notice--info" aria-label="A draft, not reviewed yet">');
		expect(text(page)).toContain('This module is at version 0.2.0: it has not had its first review, and what it says may change before version 1.0.0.');
		expect(build.read('modules/serving/index.html')).not.toContain('A draft, not reviewed yet');
	});

	it('is marked as a draft where an instructor chooses what to assign: the syllabus and the printed track', () => {
		const syllabus = build.read('tracks/tea-foundations/syllabus/index.html');
		const rows = new Map([...syllabus.matchAll(/<tr data-syllabus-module="([^"]+)">([\s\S]*?)<\/tr>/g)].map((match) => [match[1]!, text(match[2]!)]));
		expect(rows.get('pouring')).toContain('0.2.0 (draft)');
		expect(rows.get('serving')).not.toContain('draft');
		// The syllabus promises permanent addresses, which a draft does not have yet.
		expect(text(syllabus)).toContain('Each link above, except a draft’s, is a permanent address of a major version.');
		expect(text(syllabus)).toContain('One module is a draft, below version 1.0.0 and not reviewed yet: Pouring for guests. A draft has no permanent address');
		const print = text(build.read('tracks/tea-foundations/print/index.html'));
		expect(print).toContain('Pouring for guests , version 0.2.0 (draft)');
		expect(print).toContain('Version 0.2.0, a draft not reviewed yet · 15 min · https://steeped.example.org/modules/pouring/');
		expect(print).toContain('Serving , version 1.0.1 ');
	});

	it('is tagged as a draft in its track’s list of modules, and only it', () => {
		const track = build.read('tracks/tea-foundations/index.html');
		const items = [...track.matchAll(/<li data-track-module="([^"]+)"[\s\S]*?<\/li>/g)].map((match) => [match[1], text(match[0])] as const);
		expect(items.map(([id]) => id)).toEqual(['water-temperature', 'brewing-basics', 'serving', 'pouring']);
		for (const [id, words] of items) expect(words.includes('version 0.2.0 · Draft'), id).toBe(id === 'pouring');
	});

	it('has its releases tagged as drafts in What’s new and in the feed, and no other release', () => {
		const whatsNew = build.read('whats-new/index.html');
		const entries = [...whatsNew.matchAll(/<li data-timeline-entry="(release:[^"]+)"[\s\S]*?<\/li>/g)].map((match) => [match[1]!, text(match[0])] as const);
		const drafts = entries.filter(([, words]) => words.includes('Draft')).map(([id]) => id);
		expect(drafts.sort()).toEqual(['release:pouring@0.1.0', 'release:pouring@0.2.0']);
		expect(entries.length).toBeGreaterThan(drafts.length);

		const feed = parseAtomFeed(build.read('feed.xml'));
		const tagged = (feed.entries ?? []).filter((entry) => entry.categories?.some((category) => category.term === 'draft' && category.label === 'Draft'));
		expect(tagged.map((entry) => entry.id?.replace(/^tag:[^:]+:/, '')).sort()).toEqual(['release:pouring@0.1.0', 'release:pouring@0.2.0']);
	});
});
