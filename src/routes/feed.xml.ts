import type { APIRoute } from 'astro';
import { config, loadSite, routeLocale } from '../data.ts';
import { localized } from '../lib/i18n/locales.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import { atomFeed } from '../lib/feeds/atom.ts';
import { FEED_HREF, timeline, WHATS_NEW_HREF } from '../lib/curriculum/model.ts';

/**
 * The "What's new" page as an Atom feed, at a URL that never changes. Its own words are in its
 * address's language (the feed is served at the root only so far); its entries are as the originals write them.
 */
export const GET: APIRoute = async ({ url }) => {
	const site = await loadSite();
	const locale = routeLocale(url.pathname);
	const { code } = locale;
	const xml = atomFeed(timeline(site.modules, site.updates, site.archives), {
		title: uiText(code, 'currents.site.feedTitle', { curriculum: config.title }),
		subtitle: config.translations[code]?.tagline ?? config.tagline,
		author: uiText(code, 'currents.site.feedAuthor', { curriculum: config.title }),
		site: config.site,
		feedPath: localized(FEED_HREF, locale),
		pagePath: localized(WHATS_NEW_HREF, locale),
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
