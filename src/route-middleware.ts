import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { AstroError } from 'astro/errors';
import { findingsFor, isBroken } from './lib/curriculum/broken.ts';

/**
 * Before Starlight renders a free page: in the dev server, a page whose file is broken shows that
 * file's findings in Astro's error overlay, as a module page does, instead of an empty page or
 * Starlight's own error. Saving the fixed file brings the page back.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const { entry } = context.locals.starlightRoute;
	if (!isBroken(entry.data) || !entry.filePath) return;
	throw new AstroError(
		`${entry.filePath} has problems, so its page cannot be shown.\n\n${findingsFor(entry.filePath, { site: context.site?.href.replace(/\/$/, '') })}`,
		'Fix each problem at the line shown and save: the page comes back on its own. `npm run check` prints the same list.'
	);
});
