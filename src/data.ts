import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { buildDate, config, engine } from 'virtual:currents/config';
import { isBroken, staleStore } from './lib/curriculum/broken.ts';
import { pendingUpdatesFor } from './lib/curriculum/freshness.ts';
import { inTrackOrder, moduleHref, namer, sidebarFor, trackHref, trackOf, type SidebarItem, type TimelineEntry } from './lib/curriculum/model.ts';
import { majorOf } from './lib/curriculum/versions.ts';
import { localeOf, localized, siteLocales, type Locale } from './lib/i18n/locales.ts';
import { assignedAddress, mergeModule, mergeTrack, modulesWithPages, partsInOriginal, translationStatus, type PartsInOriginal, type TranslationStatus } from './lib/i18n/site.ts';
import { shownEntry, type ShownEntry } from './lib/i18n/timeline.ts';
import { uiText } from './lib/i18n/ui/index.ts';

export { buildDate, config };

export type ModuleEntry = CollectionEntry<'modules'>;
export type ArchiveEntry = CollectionEntry<'archive'>;
export type TrackEntry = CollectionEntry<'tracks'>;
export type UpdateEntry = CollectionEntry<'updates'>;
export type ModuleTranslationEntry = CollectionEntry<'moduleTranslations'>;
export type TrackTranslationEntry = CollectionEntry<'trackTranslations'>;
export type UpdateTranslationEntry = CollectionEntry<'updateTranslations'>;

/** The curriculum's languages: the first at the root, the others under `/<code>/`. */
export const LOCALES: Locale[] = siteLocales(config.locales);
export const ROOT_LOCALE = LOCALES[0]!;

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
	/** The free pages (`/about/`) in the originals' language, as the sidebar lists them. */
	pageLinks: { id: string; title: string }[];
	/** The addresses of the free pages (`/about/`), which Starlight builds in every language, in the original where there is no translation. */
	freePages: Set<string>;
	/** The addresses of the free pages written in each language, `/about/` and `/fi/about/` (not Starlight's fallbacks). */
	writtenPages: Set<string>;
	/** Translations by locale, keyed by the original's id. */
	translations: Map<string, { modules: Map<string, ModuleTranslationEntry>; tracks: Map<string, TrackTranslationEntry>; updates: Map<string, UpdateTranslationEntry> }>;
	/**
	 * The `cacheKey` of a page for Astro's incremental build, which reuses the page from the last build
	 * while its key and its code are unchanged. Any page may show any entry's frontmatter (titles in
	 * the sidebar, durations, updates pending), so the key holds all of it; of bodies, only those of
	 * the entries given, the ones the page shows. The engine's fingerprint stands for the code Astro
	 * cannot see a page depend on, such as middleware.
	 */
	cacheKey: (...shown: ({ collection: string; id: string; digest?: string | number | undefined; body?: string | undefined } | undefined)[]) => string;
}

let site: Promise<Site> | undefined;

/** The whole curriculum, loaded once per build and shared by every page. */
export function loadSite(): Promise<Site> {
	// The dev server reloads content as files change, so it reads the collections afresh each time.
	if (import.meta.env.DEV) site = undefined;
	site ??= (async () => {
		const [modules, archives, tracks, updates, pages, moduleTranslations, trackTranslations, updateTranslations] = await Promise.all([
			getCollection('modules'),
			getCollection('archive'),
			getCollection('tracks'),
			getCollection('updates'),
			getCollection('docs'),
			getCollection('moduleTranslations'),
			getCollection('trackTranslations'),
			getCollection('updateTranslations'),
		]);
		// The dev server can hand the pages a content store older than what its collections hold: have it loaded again.
		if (import.meta.env.DEV) staleStore([modules, archives, tracks, updates, pages, moduleTranslations, trackTranslations, updateTranslations].flat());
		const frontmatter = digestOfFrontmatter([modules, archives, tracks, updates, pages, moduleTranslations, trackTranslations, updateTranslations]);
		const translations: Site['translations'] = new Map(LOCALES.filter((l) => !l.root).map((l) => [l.code, { modules: new Map(), tracks: new Map(), updates: new Map() }]));
		const byLocale = <E extends { id: string; data: unknown }>(entries: E[], pick: (t: NonNullable<ReturnType<typeof translations.get>>) => Map<string, E>) => {
			for (const entry of entries) {
				if (isBroken(entry.data)) continue;
				const dot = entry.id.lastIndexOf('.');
				const target = translations.get(entry.id.slice(dot + 1));
				if (target) pick(target).set(entry.id.slice(0, dot), entry);
			}
		};
		byLocale(moduleTranslations, (t) => t.modules);
		byLocale(trackTranslations, (t) => t.tracks);
		byLocale(updateTranslations, (t) => t.updates);
		// Only the dev server keeps entries whose frontmatter is invalid; their pages show the findings.
		const broken = [...modules, ...archives, ...tracks, ...updates].filter((entry) => isBroken(entry.data)).map((entry) => ({ collection: entry.collection, id: entry.id, filePath: entry.filePath ?? '' }));
		for (const list of [modules, archives, tracks, updates] as { data: unknown }[][]) list.splice(0, list.length, ...list.filter((entry) => !isBroken(entry.data)));
		modules.sort((a, b) => a.data.title.localeCompare(b.data.title));
		tracks.splice(0, tracks.length, ...inTrackOrder(tracks));
		updates.sort((a, b) => b.data.date.localeCompare(a.data.date));
		const moduleData = new Map(modules.map((m) => [m.id, m.data]));
		// Starlight's docs collection holds every language's free pages; the sidebar lists the root language's.
		const pageLinks = pages.filter((page) => localeOf(`/${page.id}`, LOCALES).root).map((page) => ({ id: page.id, title: page.data.title }));
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
			pageLinks,
			freePages: new Set(pageLinks.map((page) => `/${page.id}/`)),
			writtenPages: new Set(pages.map((page) => `/${page.id}/`)),
			translations,
			cacheKey: (...shown) => {
				const hash = createHash('sha256').update(engine).update(frontmatter);
				for (const entry of shown) if (entry) hash.update(`\0${entry.collection}/${entry.id}\0`).update(String(entry.digest ?? entry.body ?? ''));
				return hash.digest('base64url');
			},
		};
	})();
	return site;
}

/** A digest of every entry's id and frontmatter, whatever order the collections list them in. */
function digestOfFrontmatter(collections: { id: string; data: unknown }[][]): string {
	const hash = createHash('sha256');
	for (const entries of collections) {
		for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) hash.update(`${entry.id}\0${JSON.stringify(entry.data)}\0`);
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** One page per track, for every route under `/tracks/<id>/`. */
export async function trackPaths() {
	const site = await loadSite();
	return site.tracks.map((track) => ({ params: { track: track.id }, props: { track }, cacheKey: site.cacheKey() }));
}

/**
 * As `trackPaths`, for a page that shows the bodies of the track's modules (the print page, the
 * syllabus): a change to any of them makes the page again.
 */
export async function trackPathsWithBodies() {
	const site = await loadSite();
	return (await trackPaths()).map((path) => ({ ...path, cacheKey: site.cacheKey(...path.props.track.data.modules.map((id) => site.moduleById.get(id))) }));
}

/**
 * As `trackPathsWithBodies`, in a language other than the originals': a page per translated track,
 * which shows each module's body in that language where it is translated and the original's where it
 * is not, so that a change to either makes the page again.
 */
export async function localTrackPathsWithBodies(code: string) {
	const local = await loadLocalSite(code);
	const { site } = local;
	return local.tracks
		.filter((track) => local.trackTranslated(track.id))
		.map((track) => ({ params: { track: track.id }, props: { track }, cacheKey: site.cacheKey(...track.data.modules.flatMap((id) => [site.moduleById.get(id), local.moduleTranslation(id)])) }));
}

/** An embedded module page: a module major, at `/embed/modules/<path>/`. */
export interface EmbedPage {
	/** `<module id>/v<major>`. */
	path: string;
	id: string;
	entry: ModuleEntry | ArchiveEntry;
}

/** Every embedded module page: each module's current major from 1.0.0 on, and each archived major of a module the curriculum still holds. */
export function embedPages(site: Site): EmbedPage[] {
	const current = site.modules.filter((entry) => majorOf(entry.data.version) >= 1).map((entry) => ({ path: `${entry.id}/v${majorOf(entry.data.version)}`, id: entry.id, entry }));
	const archived = site.archives.filter((entry) => site.moduleById.has(entry.id.split('/')[0]!)).map((entry) => ({ path: entry.id, id: entry.id.split('/')[0]!, entry }));
	return [...current, ...archived];
}

/**
 * The modules of a track that have data, in track order, as the site or one of its languages reads
 * them (`LocalSite`). In the dev server a broken module has none; its own page shows why.
 */
export function modulesOf(site: Pick<Site, 'moduleData'>, track: { data: Pick<TrackEntry['data'], 'modules'> }): { id: string; data: ModuleEntry['data'] }[] {
	return track.data.modules.flatMap((id) => {
		const data = site.moduleData.get(id);
		return data ? [{ id, data }] : [];
	});
}

/**
 * The curriculum as a page in one language reads it: module and track data merged with their
 * translations, which modules and tracks have pages in this language, and the sidebar. For the
 * root language it is the site itself.
 */
export interface LocalSite {
	locale: Locale;
	site: Site;
	/** Module data in this language where translated, the original's otherwise. */
	moduleData: Map<string, ModuleEntry['data']>;
	tracks: (Omit<TrackEntry, 'data'> & { data: TrackEntry['data'] })[];
	moduleTranslation: (id: string) => ModuleTranslationEntry | undefined;
	trackTranslated: (id: string) => boolean;
	status: (moduleId: string) => TranslationStatus;
	/**
	 * Which of a module's learning outcomes and knowledge check this language shows in the original's
	 * words (`partsInOriginal`): both for a module not translated, neither in the original's language.
	 */
	partsInOriginal: (moduleId: string) => PartsInOriginal;
	/** The address a course taught in this language assigns for a module, and the language its page reads in (`assignedAddress`). */
	assigned: (moduleId: string) => { href: string; lang: string };
	/** Modules with a page in this language: every translated module and every module of a translated track. */
	moduleIds: Set<string>;
	/** A level's name in this language: the config's translation, or the name it gives. */
	levelName: (id: string) => string;
	/** Whether a root-relative address has a page in this language. */
	hasPage: (href: string) => boolean;
	/**
	 * Whether a root-relative address has a page in this language that shows the original's words: a
	 * free page (Starlight's fallback), or a module not translated in a translated track.
	 */
	inOriginal: (href: string) => boolean;
	/**
	 * The sidebar for a page in this language, expanding the given track: every track and module, in
	 * this language where translated. The route middleware then leads the links to pages this
	 * language lacks to the original (`localizeSidebarEntries`), once Starlight has made entries of it.
	 */
	sidebar: (currentTrack?: string) => SidebarItem[];
	/** An entry of What's new or its feed as this language shows it (`shownEntry`). */
	shown: (entry: TimelineEntry) => ShownEntry;
}

const localSites = new Map<string, Promise<LocalSite>>();

export function loadLocalSite(code: string = ROOT_LOCALE.code): Promise<LocalSite> {
	if (import.meta.env.DEV) localSites.clear();
	let local = localSites.get(code);
	if (!local) {
		local = (async () => {
			const site = await loadSite();
			const locale = LOCALES.find((l) => l.code === code) ?? ROOT_LOCALE;
			const t = site.translations.get(locale.code);
			const moduleData = new Map([...site.moduleData].map(([id, data]) => [id, mergeModule(data, t?.modules.get(id)?.data)]));
			const tracks = inTrackOrder(site.tracks.map((track) => ({ ...track, data: mergeTrack(track.data, t?.tracks.get(track.id)?.data) })));
			const translatedTracks = new Set(locale.root ? site.tracks.map((track) => track.id) : [...(t?.tracks.keys() ?? [])]);
			const moduleIds = locale.root
				? new Set(site.moduleData.keys())
				: new Set([...modulesWithPages(t?.modules.keys() ?? [], site.tracks, translatedTracks)].filter((id) => site.moduleData.has(id)));
			const engine = new Set(['/', '/whats-new/', '/progress/', '/verify/', '/issuers/', '/translations/']);
			const hasPage = (href: string) => {
				if (locale.root || engine.has(href.replace(/#.*$/, '')) || site.freePages.has(href)) return true;
				const module = /^\/modules\/([^/]+)\/$/.exec(href);
				if (module) return moduleIds.has(module[1]!);
				// A translated track has its page, its syllabus, its print page and its feed in this language.
				const track = /^\/tracks\/([^/]+)\/(?:syllabus\/|print\/|feed\.xml)?$/.exec(href);
				if (track) return translatedTracks.has(track[1]!);
				const update = /^\/updates\/([^/]+)\/$/.exec(href);
				return update ? (t?.updates.has(update[1]!) ?? false) : false;
			};
			const labels = {
				home: uiText(locale.code, 'currents.nav.home'),
				whatsNew: uiText(locale.code, 'currents.nav.whatsNew'),
				tracks: uiText(locale.code, 'currents.nav.tracks'),
				overview: uiText(locale.code, 'currents.nav.trackOverview'),
				allTracks: uiText(locale.code, 'currents.nav.allTracks'),
			};
			const timeline = {
				locale,
				original: ROOT_LOCALE.code,
				updateTranslation: (id: string) => t?.updates.get(id)?.data,
				moduleTitle: (id: string) => (t?.modules.has(id) ? moduleData.get(id)?.title : undefined),
				moduleVersion: (id: string) => site.moduleData.get(id)?.version,
				hasPage,
			};
			return {
				locale,
				site,
				moduleData,
				tracks,
				moduleTranslation: (id) => t?.modules.get(id),
				trackTranslated: (id) => translatedTracks.has(id),
				status: (id) => (locale.root ? 'current' : translationStatus(site.moduleData.get(id)?.version ?? '0.0.0', t?.modules.get(id)?.data.translates)),
				partsInOriginal: (id) => {
					const original = site.moduleData.get(id);
					const translation = t?.modules.get(id)?.data;
					if (locale.root || !original) return { outcomes: false, quiz: false };
					return translation ? partsInOriginal(original, translation) : { outcomes: true, quiz: true };
				},
				assigned: (id) => assignedAddress({ id, version: site.moduleData.get(id)?.version ?? '0.0.0', translates: t?.modules.get(id)?.data.translates }, locale, ROOT_LOCALE.code, hasPage),
				moduleIds,
				levelName: (id) => config.translations[locale.code]?.levels?.[id] ?? site.levelName(id),
				hasPage,
				inOriginal: (href) => {
					if (locale.root) return false;
					const module = /^\/modules\/([^/]+)\/$/.exec(href)?.[1];
					return module === undefined ? site.freePages.has(href) && !site.writtenPages.has(localized(href, locale)) : moduleIds.has(module) && !t?.modules.has(module);
				},
				sidebar: (currentTrack) =>
					locale.root ? site.sidebar(currentTrack) : sidebarFor(tracks, moduleData, currentTrack, site.pageLinks, labels),
				shown: (entry) => shownEntry(entry, timeline),
			};
		})();
		localSites.set(code, local);
	}
	return local;
}

/** The locale of a route, from the pattern Astro gives `getStaticPaths` or from a page's address. */
export function routeLocale(patternOrPath: string): Locale {
	return localeOf(patternOrPath, LOCALES);
}

export { moduleHref, trackHref };
