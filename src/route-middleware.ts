import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { brokenPageError, isBroken } from './lib/curriculum/broken.ts';
import { loadLocalSite, LOCALES, ROOT_LOCALE, type LocalSite } from './data.ts';
import { FEED_HREF, moduleHref, trackHref } from './lib/curriculum/model.ts';
import { localized, unlocalized } from './lib/i18n/locales.ts';
import { localizeSidebarEntries, type SidebarEntry, type SidebarLabel } from './lib/i18n/site.ts';
import { uiText } from './lib/i18n/ui/index.ts';

/**
 * Before Starlight renders a page:
 * - in the dev server, a free page whose file is broken shows that file's findings in Astro's error
 *   overlay, as a module page does, instead of an empty page or Starlight's own error; saving the
 *   fixed file brings the page back;
 * - on a page in another language, the feed the page advertises is that language's, by its name;
 *   and every page's sidebar is that language's: its labels and titles, and a link to a page the
 *   language lacks leads to the original, marked as such (`localizeSidebarEntries`), and so do its
 *   "Next" and "Previous" links;
 * - a sidebar link to a part of a page (`/#tracks`), and a "Next" or "Previous" link made of one, keeps
 *   its fragment as written: Starlight adds the trailing slash that `trailingSlash: 'always'` asks of
 *   paths to the fragment too (`/#tracks/`);
 * - the page names its versions in other languages (`<link rel="alternate" hreflang>`) only where
 *   they exist: Starlight names one in every language, and most modules are not translated.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	fixFragments(route.sidebar);
	// The pagination links are sidebar entries too: "Next" on a track's last module leads to "All tracks".
	fixFragments([route.pagination.prev, route.pagination.next].filter((link) => link !== undefined));
	const { entry } = route;
	if (isBroken(entry.data) && entry.filePath) {
		// Only the dev server shows a broken page: its findings link the rule pages this server shows, as this checkout's engine words them.
		throw brokenPageError(entry.filePath, { site: context.url.origin });
	}
	route.head = await existingAlternates(route.head);
	if (route.locale) {
		const feed = route.head.find((tag) => tag.tag === 'link' && tag.attrs?.type === 'application/atom+xml' && tag.attrs.href === FEED_HREF);
		if (feed?.attrs) {
			feed.attrs.href = `/${route.locale}${FEED_HREF}`;
			feed.attrs.title = uiText(route.lang, 'currents.site.feedTitle', { curriculum: route.siteTitle });
		}
		const local = await loadLocalSite(route.locale);
		const { labels, groups } = sidebarWordsOf(local);
		route.sidebar = localizeSidebarEntries(route.sidebar, local.locale, ROOT_LOCALE, local, labels, groups);
		// A link comes back a link: localizing changes its label, address and badge, never its kind.
		const localize = <Link extends SidebarEntry>(link: Link | undefined) => link && (localizeSidebarEntries([link], local.locale, ROOT_LOCALE, local, labels, groups)[0] as Link);
		route.pagination = { prev: localize(route.pagination.prev), next: localize(route.pagination.next) };
	}
});

/** Each language's sidebar words, worked out once for all of its pages (`sidebarWordsOf`). */
const sidebarWords = new WeakMap<LocalSite, { labels: ReadonlyMap<string, SidebarLabel>; groups: ReadonlyMap<string, string> }>();

/**
 * The words `localizeSidebarEntries` puts in a language's sidebar: `labels`, a link's label as the
 * config gives it and the language's, by address (a link labelled otherwise, such as a track's
 * "overview" link or a label the language's sidebar already gives, keeps its label); and `groups`, a
 * group's label as the config or the language's sidebar gives it, to the language's (a group labelled
 * otherwise, an untranslated track, is in the original's words and marked so).
 */
function sidebarWordsOf(local: LocalSite) {
	let words = sidebarWords.get(local);
	if (!words) {
		const originalTitles = new Map(local.site.tracks.map((track) => [track.id, track.data.title]));
		const label = (href: string, key: 'currents.nav.home' | 'currents.nav.whatsNew') =>
			[localized(href, local.locale), { original: uiText(ROOT_LOCALE.code, key), local: uiText(local.locale.code, key) }] as const;
		const labels = new Map<string, SidebarLabel>([
			label('/', 'currents.nav.home'),
			label('/whats-new/', 'currents.nav.whatsNew'),
			...local.tracks.map((track) => [localized(trackHref(track.id), local.locale), { original: originalTitles.get(track.id)!, local: track.data.title }] as const),
			...[...local.moduleData].map(([id, data]) => [localized(moduleHref(id), local.locale), { original: local.site.moduleData.get(id)!.title, local: data.title }] as const),
		]);
		const tracksLabel = uiText(local.locale.code, 'currents.nav.tracks');
		const groups = new Map<string, string>([
			[uiText(ROOT_LOCALE.code, 'currents.nav.tracks'), tracksLabel],
			[tracksLabel, tracksLabel],
			...local.tracks
				.filter((track) => local.trackTranslated(track.id))
				.flatMap((track) => [[originalTitles.get(track.id)!, track.data.title], [track.data.title, track.data.title]] as [string, string][]),
		]);
		words = { labels, groups };
		sidebarWords.set(local, words);
	}
	return words;
}

type HeadEntry = StarlightRouteData['head'][number];

/**
 * The head without the alternates in languages that have no such page. When fewer than two
 * languages have it, none is named, not even the default (`x-default`): there is no choice to offer.
 */
async function existingAlternates(head: HeadEntry[]): Promise<HeadEntry[]> {
	const isAlternate = (tag: HeadEntry) => tag.tag === 'link' && tag.attrs?.rel === 'alternate' && typeof tag.attrs.hreflang === 'string';
	if (!head.some(isAlternate)) return head;
	const missing = new Set<HeadEntry>();
	let languages = 0;
	for (const tag of head.filter(isAlternate)) {
		if (tag.attrs!.hreflang === 'x-default') continue;
		const locale = LOCALES.find((candidate) => candidate.code === tag.attrs!.hreflang);
		const path = new URL(String(tag.attrs!.href), 'https://site.invalid').pathname;
		const exists = locale !== undefined && (await loadLocalSite(locale.code)).hasPage(unlocalized(path, locale));
		if (exists) languages++;
		else missing.add(tag);
	}
	return head.filter((tag) => !(isAlternate(tag) && (languages < 2 || missing.has(tag))));
}

/** Takes the trailing slash off links whose fragment Starlight formatted as a path. */
function fixFragments(entries: readonly SidebarEntry[]): void {
	for (const entry of entries) {
		if (entry.type === 'link' && entry.href.includes('#')) entry.href = entry.href.replace(/(#[^/#]+)\/$/, '$1');
		else if (entry.type === 'group') fixFragments(entry.entries);
	}
}
