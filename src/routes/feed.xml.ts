import type { APIRoute } from 'astro';
import { config, loadLocalSite, routeLocale } from '../data.ts';
import { localized } from '../lib/i18n/locales.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import { atomFeed } from '../lib/feeds/atom.ts';
import { FEED_HREF, timeline, WHATS_NEW_HREF } from '../lib/curriculum/model.ts';

/**
 * The "What's new" page as an Atom feed, at a URL that never changes, in every language. Its own
 * words are in its address's language, and its entries as What's new in that language shows them:
 * translated titles and summaries with links to their pages there, and the rest in the original's
 * words, marked as its language.
 */
export const GET: APIRoute = async ({ url }) => {
	const local = await loadLocalSite(routeLocale(url.pathname).code);
	const { site, locale } = local;
	const { code } = locale;
	const entries = timeline(site.modules, site.updates, site.archives).map((entry) => ({ ...entry, ...local.shown(entry) }));
	const xml = atomFeed(entries, {
		title: uiText(code, 'currents.site.feedTitle', { curriculum: config.title }),
		subtitle: config.translations[code]?.tagline ?? config.tagline,
		author: uiText(code, 'currents.site.feedAuthor', { curriculum: config.title }),
		site: config.site,
		feedPath: localized(FEED_HREF, locale),
		pagePath: localized(WHATS_NEW_HREF, locale),
		lang: code,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
