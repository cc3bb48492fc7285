import type { APIRoute } from 'astro';
import source from '../lib/offline/service-worker.js?raw';

/**
 * The site's service worker (src/lib/offline/service-worker.js), at the site's root so that it can
 * answer for every page. A reader's browser registers it only when asked to keep a track for reading
 * offline, and checks it for a new version at each visit of a page it answers for.
 */
export const GET: APIRoute = () => new Response(source, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
