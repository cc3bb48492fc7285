import type { APIRoute, GetStaticPaths } from 'astro';
import { config, loadLocalSite, localTrackPathsWithBodies, routeLocale, trackPaths, type TrackEntry } from '../data.ts';
import { localized } from '../lib/i18n/locales.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import { atomFeed } from '../lib/feeds/atom.ts';
import { timeline, trackFeedHref, trackHref } from '../lib/curriculum/model.ts';

/** A feed per track, and in another language one per translated track, as its track page has one there. */
export const getStaticPaths = (async ({ routePattern }: { routePattern: string }) => {
	const locale = routeLocale(routePattern);
	return locale.root ? trackPaths() : localTrackPathsWithBodies(locale.code);
}) satisfies GetStaticPaths;

/**
 * One track's releases and the platform updates that affect its modules, as an Atom feed. In another
 * language its own words are that language's, and its entries as What's new there shows them:
 * translated titles and summaries linking to their pages there, the rest in the original's words,
 * marked as its language (`shown`, as `/fi/feed.xml` has them).
 */
export const GET: APIRoute<{ track: TrackEntry }> = async ({ props, url }) => {
	const local = await loadLocalSite(routeLocale(url.pathname).code);
	const { site, locale } = local;
	const track = local.tracks.find((candidate) => candidate.id === props.track.id) ?? props.track;
	const inTrack = new Set(track.data.modules);
	const modules = site.modules.filter((module) => inTrack.has(module.id));
	const updates = site.updates.filter((update) => update.data.modules.some((id) => inTrack.has(id)));
	const entries = timeline(modules, updates, site.archives).map((entry) => ({ ...entry, ...local.shown(entry) }));
	const xml = atomFeed(entries, {
		title: uiText(locale.code, 'currents.site.trackFeedTitle', { curriculum: config.title, track: track.data.title }),
		subtitle: track.data.summary,
		author: uiText(locale.code, 'currents.site.feedAuthor', { curriculum: config.title }),
		site: config.site,
		feedPath: localized(trackFeedHref(track.id), locale),
		pagePath: localized(trackHref(track.id), locale),
		lang: locale.code,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
