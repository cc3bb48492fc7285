/**
 * Which pages get a share card, what each card says, and where its image is served. Pure functions
 * over the loaded curriculum, shared by the build step that draws the cards and by the pages that
 * point at them with `og:image`.
 */
import type { Curriculum } from '../curriculum/load.ts';
import { formatDuration, inTrackOrder, namer, trackMinutes, trackOf } from '../curriculum/model.ts';
import { majorOf } from '../curriculum/versions.ts';
import type { ShareCardInput } from './share-card.ts';

/** Where a page's card is served, from the site's root. */
export const cardHref = {
	/** A module's card; an archived major has its own, with the title and version it had. */
	module: (id: string, archivedMajor?: number) => (archivedMajor === undefined ? `/cards/modules/${id}.png` : `/cards/modules/${id}/v${archivedMajor}.png`),
	track: (id: string) => `/cards/tracks/${id}.png`,
	update: (id: string) => `/cards/updates/${id}.png`,
};

/** A `<meta>` entry in the form of Starlight's `head` frontmatter. */
export interface MetaTag {
	tag: 'meta';
	attrs: Record<string, string>;
}

/**
 * The `og:image` and `twitter:card` tags that make social networks and chat apps show a page's card,
 * for the `head` frontmatter of `StarlightPage`. Nothing when the build skips the cards
 * (`CURRENTS_SKIP_CARDS=1`), so that no page points at an image that was not written.
 */
export function cardMeta(href: string, site: string, alt: string, skip = process.env.CURRENTS_SKIP_CARDS === '1'): MetaTag[] {
	if (skip) return [];
	const url = new URL(href, site).href;
	return [
		{ tag: 'meta', attrs: { property: 'og:image', content: url } },
		{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
		{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
		{ tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
		{ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
		{ tag: 'meta', attrs: { name: 'twitter:image', content: url } },
	];
}

export interface ShareCardJob {
	/** The image's path inside the build output, without a leading slash. */
	file: string;
	/** The content file the card describes, for messages. */
	source: string;
	input: ShareCardInput;
}

/**
 * One card for every module (and archived major), track and platform update page. A module's card
 * names the first track that lists it, the one its pages follow.
 */
export function shareCardJobs(curriculum: Curriculum): ShareCardJob[] {
	const config = curriculum.config;
	if (!config) return [];
	const tracks = inTrackOrder(curriculum.tracks);
	const level = namer(config.levels);
	const platform = namer(config.platforms);
	const common = { curriculum: config.title, site: new URL(config.site).host };
	const modules = new Map(curriculum.modules.map((module) => [module.id, module.data]));
	const jobs: ShareCardJob[] = [];
	for (const module of curriculum.modules) {
		const { data } = module;
		const track = trackOf(module.id, tracks)?.data.title;
		jobs.push({
			file: cardHref.module(module.id).slice(1),
			source: module.file,
			input: { ...common, kind: 'Module', title: data.title, track, level: level(data.level), version: data.version },
		});
	}
	for (const archive of curriculum.archives) {
		// Module pages keep the archives of modules that still exist (src/routes/Module.astro).
		if (!modules.has(archive.id)) continue;
		const { data } = archive;
		jobs.push({
			file: cardHref.module(archive.id, majorOf(data.version)).slice(1),
			source: archive.file,
			input: {
				...common,
				kind: 'Module',
				title: data.title,
				track: trackOf(archive.id, tracks)?.data.title,
				level: level(data.level),
				version: data.version,
				facts: ['Earlier version'],
			},
		});
	}
	for (const track of tracks) {
		const count = track.data.modules.length;
		jobs.push({
			file: cardHref.track(track.id).slice(1),
			source: track.file,
			input: {
				...common,
				kind: 'Track',
				title: track.data.title,
				facts: [`${count} ${count === 1 ? 'module' : 'modules'}`, formatDuration(trackMinutes(track.data, modules))],
			},
		});
	}
	for (const update of curriculum.updates) {
		const { data } = update;
		jobs.push({
			file: cardHref.update(update.id).slice(1),
			source: update.file,
			input: {
				...common,
				kind: 'Platform update',
				title: data.title,
				facts: [data.date, data.platforms.map(platform).join(', '), data.status === 'pending' ? 'Revision pending' : 'Incorporated'],
			},
		});
	}
	return jobs;
}
