import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { AstroError } from 'astro/errors';
import { findingsFor, isBroken } from './lib/curriculum/broken.ts';
import { FEED_HREF } from './lib/curriculum/model.ts';
import { uiText } from './lib/i18n/ui/index.ts';

/**
 * Before Starlight renders a page:
 * - in the dev server, a free page whose file is broken shows that file's findings in Astro's error
 *   overlay, as a module page does, instead of an empty page or Starlight's own error; saving the
 *   fixed file brings the page back;
 * - on a page in another language, the feed the page advertises is that language's, by its name.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const { entry } = route;
	if (isBroken(entry.data) && entry.filePath) {
		throw new AstroError(
			`${entry.filePath} has problems, so its page cannot be shown.\n\n${findingsFor(entry.filePath, { site: context.site?.href.replace(/\/$/, '') })}`,
			'Fix each problem at the line shown and save: the page comes back on its own. `npm run check` prints the same list.'
		);
	}
	if (route.locale) {
		const feed = route.head.find((tag) => tag.tag === 'link' && tag.attrs?.type === 'application/atom+xml' && tag.attrs.href === FEED_HREF);
		if (feed?.attrs) {
			feed.attrs.href = `/${route.locale}${FEED_HREF}`;
			feed.attrs.title = uiText(route.lang, 'currents.site.feedTitle', { curriculum: route.siteTitle });
		}
	}
});
