/**
 * The derived view of a curriculum that pages need: which track a module belongs to, totals,
 * the timeline of changes, and the sidebar. Pure functions over plain data, tested without Astro.
 */
import { compareVersions, majorOf } from './versions.ts';
import type { CurriculumConfig } from './schema/config.ts';
import type { ChangelogEntry, ModuleData } from './schema/module.ts';
import type { TrackData } from './schema/track.ts';
import type { UpdateData } from './schema/update.ts';

export interface Item<T> {
	id: string;
	data: T;
}

export const moduleHref = (id: string) => `/modules/${id}/`;
export const permalinkHref = (id: string, major: number) => `/modules/${id}/v${major}/`;
/** The address that keeps a module at `version`: its major's permanent address, or its own page for a pre-release (0.x), which has none. */
export const pinnedHref = (id: string, version: string) => (majorOf(version) >= 1 ? permalinkHref(id, majorOf(version)) : moduleHref(id));
export const trackHref = (id: string) => `/tracks/${id}/`;
export const trackFeedHref = (id: string) => `/tracks/${id}/feed.xml`;
export const updateHref = (id: string) => `/updates/${id}/`;
export const WHATS_NEW_HREF = '/whats-new/';
export const FEED_HREF = '/feed.xml';
/**
 * How many entries a feed holds and how many releases What's new lists: the newest, enough for a reader
 * who looks in once a month. Every release stays listed in its module's changelog.
 */
export const RECENT_ENTRIES = 100;

/**
 * Tracks in the order the curriculum configures (`order`, then title), the order every list of
 * tracks follows. Files are read in name order, which says nothing about the learning path.
 */
export function inTrackOrder<T extends Item<Pick<TrackData, 'title' | 'order'>>>(tracks: readonly T[]): T[] {
	return [...tracks].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/** The first track that lists a module: the one its sidebar expands and its pagination follows. */
export function trackOf<T extends Item<TrackData>>(moduleId: string, tracks: readonly T[]): T | undefined {
	return tracks.find((track) => track.data.modules.includes(moduleId));
}

export function trackMinutes(track: TrackData, modules: ReadonlyMap<string, ModuleData>): number {
	return track.modules.reduce((sum, id) => sum + (modules.get(id)?.duration ?? 0), 0);
}

/** "45 min", "1 h", "2 h 30 min". */
export function formatDuration(minutes: number, units: { hours: string; minutes: string } = { hours: 'h', minutes: 'min' }): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest} ${units.minutes}`;
	return rest === 0 ? `${hours} ${units.hours}` : `${hours} ${units.hours} ${rest} ${units.minutes}`;
}

/**
 * A module's newest release that changed what it teaches (a major, minor or platform release), not a
 * correction; its oldest release when it has none. A learner looking for what is new to read is not
 * served by "a table's header cell now names its column".
 */
export const teachingRelease = (module: ModuleData): ChangelogEntry | undefined => module.changelog.find((entry) => entry.kind !== 'fixed') ?? module.changelog.at(-1);

/**
 * Modules by their newest release that changed what they teach (`teachingRelease`), newest first.
 * Releases carry a day, not a time, so on a day with many releases a revision ranks above a first
 * release: "recently updated" is about modules that changed, and a module's revision always follows
 * its own first release.
 */
export function recentlyUpdated<T extends Item<ModuleData>>(modules: readonly T[], count: number): T[] {
	const date = (module: ModuleData) => teachingRelease(module)?.date ?? module.reviewed;
	const revised = (module: ModuleData) => (teachingRelease(module) === module.changelog.at(-1) ? 0 : 1);
	return [...modules]
		.sort((a, b) => date(b.data).localeCompare(date(a.data)) || revised(b.data) - revised(a.data) || a.data.title.localeCompare(b.data.title))
		.slice(0, count);
}

export type TimelineEntry =
	| {
			kind: 'update';
			id: string;
			date: string;
			title: string;
			summary: string;
			href: string;
			status: UpdateData['status'];
			platforms: string[];
	  }
	| {
			kind: 'release';
			id: string;
			date: string;
			title: string;
			summary: string;
			href: string;
			module: string;
			version: string;
			change: ModuleData['changelog'][number]['kind'];
	  };

/** An archived major of a module: its id is the module's, or `<module>/v<major>` as the collection names it. */
export type ArchivedModule = Item<Pick<ModuleData, 'title' | 'version'>>;

/**
 * Platform updates and module releases, newest first: the "What's new" page and the feeds. Each
 * release links the permalink of its major, so an entry keeps pointing at what it announced, and
 * is named by the title the module had then: titles are not versioned, so a release of an archived
 * major takes the archived page's title, and any other release the current one.
 *
 * Dates have no time of day, so within a day platform updates come first (they are what the
 * releases respond to), and a module's releases stay together, its newest version first.
 */
export function timeline(
	modules: readonly Item<ModuleData>[],
	updates: readonly Item<UpdateData>[],
	archives: readonly ArchivedModule[] = []
): TimelineEntry[] {
	const archivedTitle = new Map(archives.map((archive) => [`${archive.id.split('/')[0]}@${majorOf(archive.data.version)}`, archive.data.title]));
	const updateEntries: TimelineEntry[] = updates.map((update) => ({
		kind: 'update',
		id: `update:${update.id}`,
		date: update.data.date,
		title: update.data.title,
		summary: update.data.summary,
		href: updateHref(update.id),
		status: update.data.status,
		platforms: update.data.platforms,
	}));
	const releases: Extract<TimelineEntry, { kind: 'release' }>[] = [];
	for (const module of modules) {
		const currentMajor = majorOf(module.data.version);
		for (const change of module.data.changelog) {
			const major = majorOf(change.version);
			const title = major === currentMajor ? module.data.title : (archivedTitle.get(`${module.id}@${major}`) ?? module.data.title);
			releases.push({
				kind: 'release',
				id: `release:${module.id}@${change.version}`,
				date: change.date,
				title: `${title} ${change.version}`,
				summary: change.summary,
				// A 0.x pre-release has no permanent address; its entries point at the module itself.
				href: major === currentMajor || major === 0 ? moduleHref(module.id) : permalinkHref(module.id, major),
				module: module.id,
				version: change.version,
				change: change.kind,
			});
		}
	}
	// Releases of one module group under its current title, whatever each was called then.
	const group = new Map(modules.map((module) => [module.id, module.data.title]));
	releases.sort(
		(a, b) =>
			b.date.localeCompare(a.date) ||
			(group.get(a.module) ?? '').localeCompare(group.get(b.module) ?? '') ||
			a.module.localeCompare(b.module) ||
			compareVersions(b.version, a.version)
	);
	updateEntries.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
	// A stable sort by day alone keeps each day's updates ahead of its releases, both in the order above.
	return [...updateEntries, ...releases].sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * What's new as its page shows it: every platform change first (a day's dozens of releases would
 * otherwise bury the few entries that say what happened on the platforms), then only the newest
 * releases, since at thousands of modules the whole history would make the page megabytes for a
 * reader who wants last month's. Every release stays in its module's changelog.
 */
export function whatsNew(entries: readonly TimelineEntry[], releases = RECENT_ENTRIES) {
	const all = entries.filter((entry): entry is Release => entry.kind === 'release');
	return {
		changes: entries.filter((entry) => entry.kind === 'update'),
		releases: all.slice(0, releases),
		/** How many releases are left off the page. */
		older: Math.max(0, all.length - releases),
	};
}

/** A module release of the timeline. */
export type Release = Extract<TimelineEntry, { kind: 'release' }>;

/** Releases of one day that share a kind and a summary: one edit made across modules. */
export interface ReleaseGroup {
	date: string;
	change: Release['change'];
	summary: string;
	entries: Release[];
}

/**
 * The releases as What's new lists them: those of one day that share a kind and a summary (one
 * edit made across many modules, such as a pass over every module's source notes) as one item,
 * where the first of them stands, so that the day's other releases are not lost among forty lines
 * that say the same. The order within a day means nothing (a day has no time), so grouping across
 * it moves no release to another day. Every release keeps its own entry in the feeds and changelogs.
 */
export function groupedReleases(releases: readonly Release[]): ReleaseGroup[] {
	const groups: ReleaseGroup[] = [];
	const byKey = new Map<string, ReleaseGroup>();
	for (const release of releases) {
		const key = JSON.stringify([release.date, release.change, release.summary]);
		const group = byKey.get(key);
		if (group) {
			group.entries.push(release);
			continue;
		}
		const started: ReleaseGroup = { date: release.date, change: release.change, summary: release.summary, entries: [release] };
		byKey.set(key, started);
		groups.push(started);
	}
	return groups;
}

/** Starlight sidebar items in its user-config form. */
export type SidebarItem = { label: string; link: string } | { label: string; items: SidebarItem[]; collapsed?: boolean };

export interface SidebarLabels {
	home: string;
	whatsNew: string;
	tracks: string;
	overview: string;
	allTracks: string;
}

export const SIDEBAR_LABELS: SidebarLabels = { home: 'Home', whatsNew: "What's new", tracks: 'Tracks', overview: 'Track overview', allTracks: 'All tracks' };

/** The home page's list of every track, where the sidebar of a track's page sends a reader for the others. */
export const ALL_TRACKS_HREF = '/#tracks';

/**
 * On a track's pages the sidebar shows that track, its overview and its modules, then a link to the
 * list of every track; elsewhere it lists the tracks. Starlight's default sidebar repeats every page
 * on every page, and even a link per track grows every module page with the size of the curriculum.
 */
export function sidebarFor(
	tracks: readonly Item<TrackData>[],
	modules: ReadonlyMap<string, { title: string }>,
	currentTrack?: string,
	/** Free pages, such as an about page, shown after "What's new". */
	pages: readonly { id: string; title: string }[] = [],
	/** The sidebar's own words, in the page's language. */
	labels: SidebarLabels = SIDEBAR_LABELS
): SidebarItem[] {
	const extra = pages.map((page) => ({ label: page.title, link: `/${page.id}/`.replace(/\/+$/, '/') }));
	// Starlight's own pages (such as /about/) get this sidebar from the config, before any page sorts the tracks.
	const ordered = inTrackOrder(tracks);
	const track = currentTrack === undefined ? undefined : ordered.find((candidate) => candidate.id === currentTrack);
	const current = track && {
		label: track.data.title,
		items: [
			{ label: labels.overview, link: trackHref(track.id) },
			...track.data.modules.map((id) => ({ label: modules.get(id)?.title ?? id, link: moduleHref(id) })),
		],
	};
	return [
		{ label: labels.home, link: '/' },
		{ label: labels.whatsNew, link: WHATS_NEW_HREF },
		...extra,
		{ label: labels.tracks, items: current ? [current, { label: labels.allTracks, link: ALL_TRACKS_HREF }] : ordered.map((track) => ({ label: track.data.title, link: trackHref(track.id) })) },
	];
}

/** Names for ids, from the config, falling back to the id itself. */
export function namer(options: CurriculumConfig['platforms'] | CurriculumConfig['levels']) {
	const names = new Map(options.map((option) => [option.id, option.name]));
	return (id: string) => names.get(id) ?? id;
}

/** The edit URL of a file in the content folder, for "Edit this page". */
export function editUrl(config: Pick<CurriculumConfig, 'repository' | 'branch' | 'contentPath'>, path: string): string {
	return `${config.repository.replace(/\/$/, '')}/edit/${config.branch}/${config.contentPath.replace(/^\/|\/$/g, '')}/${path}`;
}

/**
 * The base of Starlight's "Edit page" links for free pages. Starlight appends each page's path from
 * the project root (`content/pages/about.mdx`), so the base is the repository's edit URL plus whatever
 * lies between the repository root and the project root: the part of `contentPath` before the content
 * folder's own path from the project root. When `contentPath` does not end with that path (a test
 * fixture, say), the project root is taken to be the repository root, where such a folder lives.
 * Content outside the project root has no such base: undefined, and free pages get no edit link.
 */
export function pageEditBase(config: Pick<CurriculumConfig, 'repository' | 'branch' | 'contentPath'>, contentFromRoot: string): string | undefined {
	const trim = (path: string) => path.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
	const local = trim(contentFromRoot);
	if (local === '..' || local.startsWith('../')) return undefined;
	const configured = trim(config.contentPath);
	let prefix = '';
	if (local === '') prefix = `${configured}/`;
	else if (configured.endsWith(`/${local}`)) prefix = configured.slice(0, -local.length);
	return `${config.repository.replace(/\/$/, '')}/edit/${config.branch}/${prefix}`;
}

/** Issue-form links that open with the module filled in, for readers who spot something out of date. */
export function reportUrls(config: Pick<CurriculumConfig, 'repository'>, moduleId: string, title: string) {
	const base = `${config.repository.replace(/\/$/, '')}/issues/new`;
	const query = (template: string, prefix: string) =>
		new URLSearchParams({ template, module: moduleId, title: `${prefix}: ${title}` }).toString();
	return {
		platformChange: `${base}?${query('platform-change.yml', 'Platform change')}`,
		error: `${base}?${query('module-error.yml', 'Error')}`,
	};
}
