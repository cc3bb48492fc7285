import type { APIRoute } from 'astro';
import { config, loadLocalSite, loadSite, ROOT_LOCALE, routeLocale } from '../data.ts';
import { languageName } from '../lib/i18n/locales.ts';
import { uiText } from '../lib/i18n/ui/index.ts';
import type { Facet } from '../lib/search/facets.ts';
import type { SearchSettings } from '../lib/search/text.ts';
import { searchText, typeLabels } from '../lib/search/words.ts';

/**
 * What the search dialog needs beyond its markup, in each language: its words, and each facet's
 * values in the curriculum's order. The dialog fetches it when a reader first opens search, so that
 * no page carries it (with a track title per track, it grew every page with the curriculum).
 */
export const GET: APIRoute = async ({ url }) => {
	const locale = routeLocale(url.pathname);
	const [site, local] = await Promise.all([loadSite(), loadLocalSite(locale.code)]);
	const types = typeLabels(locale.code);
	const text = searchText(locale.code);
	// Every track in the curriculum's order (the order that names the tracks' sort keys), by its name in
	// this language's facet list: its title here where it is translated, the original's otherwise.
	const tracks = site.tracks.map((track) => local.tracks.find((candidate) => candidate.id === track.id) ?? track);
	const translated = tracks.filter((track) => local.trackTranslated(track.id));
	// Facet values in the curriculum's own order; values the index holds beyond these sort after them.
	const order: Record<Facet, string[]> = {
		type: [types.module, types.track, types.update, types.page],
		track: tracks.map((track) => track.data.title),
		platform: config.platforms.map((platform) => platform.name),
		level: config.levels.map((level) => local.levelName(level.id)),
	};
	// In a second language, the first language's index is searched after this one's, for the pages not
	// translated yet; the dialog needs that language's name, this one's code as those pages' `translated`
	// filter names it, and the facet values that read differently there.
	if (!locale.root) {
		const rootTypes = typeLabels(ROOT_LOCALE.code);
		const differ = (pairs: [string, string][]) => Object.fromEntries(pairs.filter(([mine, theirs]) => mine !== theirs));
		const language = languageName(ROOT_LOCALE.code, locale.code);
		text.original = {
			lang: ROOT_LOCALE.code,
			pageLang: locale.code,
			one: uiText(locale.code, 'currents.search.originalOne'),
			other: uiText(locale.code, 'currents.search.originalOther'),
			inexact: { one: uiText(locale.code, 'currents.search.originalInexactOne'), other: uiText(locale.code, 'currents.search.originalInexactOther') },
			label: uiText(locale.code, 'currents.search.inOriginal').replace('{language}', language),
			language,
			values: {
				type: differ((['module', 'archived', 'track', 'update', 'page'] as const).map((kind) => [types[kind], rootTypes[kind]])),
				track: differ(translated.map((track) => [track.data.title, site.tracks.find((t) => t.id === track.id)?.data.title ?? track.data.title])),
				level: differ(config.levels.map((level) => [local.levelName(level.id), site.levelName(level.id)])),
			},
		};
	}
	// In a second language, the tracks not translated yet keep the original's titles, in its language.
	const inOriginal = locale.root ? undefined : { track: tracks.filter((track) => !local.trackTranslated(track.id)).map((track) => track.data.title) };
	const settings: SearchSettings = { text, order, inOriginal };
	return new Response(JSON.stringify(settings), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
