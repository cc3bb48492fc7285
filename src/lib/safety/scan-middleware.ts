import { defineMiddleware } from 'astro/middleware';
import type { PartOf } from './html-parts.ts';

/**
 * Where, in a build, the steps that work on pages while Astro is still rendering others listen for
 * each page written: the output guard's scan (output-guard.ts), which parses each page early
 * (`startEarlyScan`), and the engine, which fills in embed and print pages once their module pages are
 * written and tells the scan of those and of its redirect pages (src/lib/pages/while-rendering.ts).
 * A global, because Astro runs this middleware from the bundle it built, in the same process as the
 * integrations.
 */
export const PAGE_RENDERED = Symbol.for('currents.output-scan.page-rendered');

/** Told of a page by its address; `parts`, when the engine filled the page in with parts of pages it told of before. */
type PageListener = (pathname: string, parts?: readonly PartOf[]) => void;

/** The listeners told of each page, by its address: those Astro renders, and those the engine completes or adds. */
export function pageListeners(): Set<PageListener> {
	const global = globalThis as { [PAGE_RENDERED]?: Set<PageListener> };
	return (global[PAGE_RENDERED] ??= new Set());
}

/** Tells the page listeners of each page rendered, by its address. Nothing else: the response is Astro's, untouched. */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (response.status === 200) for (const listener of pageListeners()) listener(context.url.pathname);
	return response;
});
