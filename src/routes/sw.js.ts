import type { APIRoute } from 'astro';
import { LOCALES } from '../data.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import source from '../lib/offline/service-worker.js?raw';

/**
 * The site's service worker (src/lib/offline/service-worker.js), at the site's root so that it can
 * answer for every page. A reader's browser registers it only when asked to keep a track for reading
 * offline, and checks it for a new version at each visit of a page it answers for.
 */
export const GET: APIRoute = () => {
	// The words of its page for an address not kept, in each of the site's languages, the first language's first.
	const words = Object.fromEntries(
		LOCALES.map((locale) => [
			locale.code,
			{
				title: uiText(locale.code, 'currents.offline.offlineTitle'),
				notKept: uiText(locale.code, 'currents.offline.notKept'),
				keptTracks: uiText(locale.code, 'currents.offline.keptTracks'),
				noneKept: uiText(locale.code, 'currents.offline.noneKept'),
			},
		])
	);
	const filled = source.replace('/* words */ {}', JSON.stringify(words));
	if (filled === source) throw new Error('src/lib/offline/service-worker.js no longer has the place for its words (/* words */ {}).');
	return new Response(filled, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
