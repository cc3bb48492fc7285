import { defineMiddleware } from 'astro/middleware';

/**
 * Where, in a build, the steps that work on pages while Astro is still rendering others listen for
 * each page written: the output guard's scan (output-guard.ts), which parses each page early
 * (`startEarlyScan`), and the engine, which completes a module's embed page once the module page is
 * written (src/index.ts). A global, because Astro runs this middleware from the bundle it built, in
 * the same process as the integrations.
 */
export const PAGE_RENDERED = Symbol.for('currents.output-scan.page-rendered');

type PageListener = (pathname: string) => void;

/** The listeners told of each page, by its address: those Astro renders, and those the engine completes or adds. */
export function pageListeners(): Set<PageListener> {
	const global = globalThis as { [PAGE_RENDERED]?: Set<PageListener> };
	return (global[PAGE_RENDERED] ??= new Set());
}

/** Tells the page's listeners of each page rendered, by its address. Nothing else: the response is Astro's, untouched. */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (response.status === 200) for (const listener of pageListeners()) listener(context.url.pathname);
	return response;
});
