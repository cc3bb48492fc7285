import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDate, config } from 'virtual:currents/config';
import { isBroken } from './lib/curriculum/broken.ts';
import { pendingUpdatesFor } from './lib/curriculum/freshness.ts';
import { inTrackOrder, namer, sidebarFor, trackOf, type SidebarItem } from './lib/curriculum/model.ts';

export { buildDate, config };

export type ModuleEntry = CollectionEntry<'modules'>;
export type ArchiveEntry = CollectionEntry<'archive'>;
export type TrackEntry = CollectionEntry<'tracks'>;
export type UpdateEntry = CollectionEntry<'updates'>;

export interface Site {
	/** Entries the dev server kept although their frontmatter is invalid, to show the findings on their pages. */
	broken: { collection: string; id: string; filePath: string }[];
	modules: ModuleEntry[];
	moduleById: Map<string, ModuleEntry>;
	/** Module data by id, for titles and durations in lists. */
	moduleData: Map<string, ModuleEntry['data']>;
	archives: ArchiveEntry[];
	tracks: TrackEntry[];
	updates: UpdateEntry[];
	trackOf: (moduleId: string) => TrackEntry | undefined;
	pendingFor: (moduleId: string) => UpdateEntry[];
	levelName: (id: string) => string;
	platformName: (id: string) => string;
	/** The sidebar for a page, expanding the given track. */
	sidebar: (currentTrack?: string) => SidebarItem[];
}

let site: Promise<Site> | undefined;

/** The whole curriculum, loaded once per build and shared by every page. */
export function loadSite(): Promise<Site> {
	// The dev server reloads content as files change, so it reads the collections afresh each time.
	if (import.meta.env.DEV) site = undefined;
	site ??= (async () => {
		const [modules, archives, tracks, updates, pages] = await Promise.all([
			getCollection('modules'),
			getCollection('archive'),
			getCollection('tracks'),
			getCollection('updates'),
			getCollection('docs'),
		]);
		// Only the dev server keeps entries whose frontmatter is invalid; their pages show the findings.
		const broken = [...modules, ...archives, ...tracks, ...updates].filter((entry) => isBroken(entry.data)).map((entry) => ({ collection: entry.collection, id: entry.id, filePath: entry.filePath ?? '' }));
		for (const list of [modules, archives, tracks, updates] as { data: unknown }[][]) list.splice(0, list.length, ...list.filter((entry) => !isBroken(entry.data)));
		modules.sort((a, b) => a.data.title.localeCompare(b.data.title));
		tracks.splice(0, tracks.length, ...inTrackOrder(tracks));
		updates.sort((a, b) => b.data.date.localeCompare(a.data.date));
		const moduleData = new Map(modules.map((m) => [m.id, m.data]));
		const pageLinks = pages.map((page) => ({ id: page.id, title: page.data.title }));
		return {
			broken,
			modules,
			moduleById: new Map(modules.map((m) => [m.id, m])),
			moduleData,
			archives,
			tracks,
			updates,
			trackOf: (id) => trackOf(id, tracks),
			pendingFor: (id) => pendingUpdatesFor(id, updates),
			levelName: namer(config.levels),
			platformName: namer(config.platforms),
			sidebar: (currentTrack) => sidebarFor(tracks, moduleData, currentTrack, pageLinks),
		};
	})();
	return site;
}

/** One page per track, for every route under `/tracks/<id>/`. */
export async function trackPaths() {
	const site = await loadSite();
	return site.tracks.map((track) => ({ params: { track: track.id }, props: { track } }));
}

/** The modules of a track that have data, in track order. In the dev server a broken module has none; its own page shows why. */
export function modulesOf(site: Site, track: TrackEntry): { id: string; data: ModuleEntry['data'] }[] {
	return track.data.modules.flatMap((id) => {
		const data = site.moduleData.get(id);
		return data ? [{ id, data }] : [];
	});
}
