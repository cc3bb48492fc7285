import type { APIRoute } from 'astro';
import { config, loadLocalSite, routeLocale } from '../data.ts';
import { localized } from '../lib/i18n/locales.ts';
import { catalogue } from '../lib/progress/catalogue.ts';

/**
 * Every module's version and changelog and every track's modules, for the learner's progress pages:
 * in each language, with titles as translated and addresses of that language's pages where they exist.
 */
export const GET: APIRoute = async ({ url }) => {
	const local = await loadLocalSite(routeLocale(url.pathname).code);
	const modules = local.site.modules.map((module) => ({ ...module, data: local.moduleData.get(module.id) ?? module.data }));
	const place = (href: string) => (local.hasPage(href) ? localized(href, local.locale) : href);
	return new Response(JSON.stringify(catalogue(config.site, modules, local.tracks, place)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
