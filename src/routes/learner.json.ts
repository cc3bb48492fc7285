import type { APIRoute } from 'astro';
import { config, loadSite } from '../data.ts';
import { catalogue } from '../lib/progress/catalogue.ts';

/** Every module's version and changelog and every track's modules, for the learner's progress pages. */
export const GET: APIRoute = async () => {
	const site = await loadSite();
	return new Response(JSON.stringify(catalogue(config.site, site.modules, site.tracks)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
