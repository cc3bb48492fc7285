import type { APIRoute, GetStaticPaths } from 'astro';
import { config, loadSite, routeLocale, trackPaths, type TrackEntry } from '../data.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import { atomFeed } from '../lib/feeds/atom.ts';
import { timeline, trackFeedHref, trackHref } from '../lib/curriculum/model.ts';

export const getStaticPaths = trackPaths satisfies GetStaticPaths;

/** One track's releases and the platform updates that affect its modules, as an Atom feed. */
export const GET: APIRoute<{ track: TrackEntry }> = async ({ props: { track }, url }) => {
	const site = await loadSite();
	const { code } = routeLocale(url.pathname);
	const inTrack = new Set(track.data.modules);
	const modules = site.modules.filter((module) => inTrack.has(module.id));
	const updates = site.updates.filter((update) => update.data.modules.some((id) => inTrack.has(id)));
	const xml = atomFeed(timeline(modules, updates, site.archives), {
		title: uiText(code, 'currents.site.trackFeedTitle', { curriculum: config.title, track: track.data.title }),
		subtitle: track.data.summary,
		author: uiText(code, 'currents.site.feedAuthor', { curriculum: config.title }),
		site: config.site,
		feedPath: trackFeedHref(track.id),
		pagePath: trackHref(track.id),
		lang: code,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
