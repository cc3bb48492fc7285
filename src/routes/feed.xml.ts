import type { APIRoute } from 'astro';
import { config, loadSite } from '../data.ts';
import { atomFeed } from '../lib/feeds/atom.ts';
import { FEED_HREF, timeline, WHATS_NEW_HREF } from '../lib/curriculum/model.ts';

/** The "What's new" page as an Atom feed, at a URL that never changes. */
export const GET: APIRoute = async () => {
	const site = await loadSite();
	const xml = atomFeed(timeline(site.modules, site.updates, site.archives), {
		title: `${config.title}: what's new`,
		subtitle: config.tagline,
		author: `${config.title} contributors`,
		site: config.site,
		feedPath: FEED_HREF,
		pagePath: WHATS_NEW_HREF,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
