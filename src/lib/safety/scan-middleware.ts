import { defineMiddleware } from 'astro/middleware';

/**
 * Where the output guard (output-guard.ts), in a build, listens for the pages Astro renders, so that
 * its scan can parse each one while the others are still rendering (`startEarlyScan`). A global,
 * because Astro runs this middleware from the bundle it built, in the same process as the guard.
 */
export const PAGE_RENDERED = Symbol.for('currents.output-scan.page-rendered');

/** Tells the output guard of each page rendered, by its address. Nothing else: the response is Astro's, untouched. */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const listener = (globalThis as { [PAGE_RENDERED]?: (pathname: string) => void })[PAGE_RENDERED];
	if (response.status === 200) listener?.(context.url.pathname);
	return response;
});
