/**
 * Which pages get a share card, what each card says, and where its image is served. Pure functions
 * over the loaded curriculum, shared by the build step that draws the cards and by the pages that
 * point at them with `og:image`. A page translated into one of the curriculum's other languages has
 * its own card, in that language; a page shown there in the original's words keeps the original's.
 */
import type { Curriculum, TrackEntry } from '../curriculum/load.ts';
import { formatDuration, inTrackOrder, namer, trackMinutes, trackOf } from '../curriculum/model.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { UpdateData } from '../curriculum/schema/update.ts';
import { majorOf } from '../curriculum/versions.ts';
import { dayText } from '../i18n/dates.ts';
import { siteLocales, type Locale } from '../i18n/locales.ts';
import { mergeModule, mergeTrack } from '../i18n/site.ts';
import { uiText, type UiKey } from '../i18n/ui/index.ts';
import type { ShareCardInput } from './share-card.ts';

/** Where a page's card is served, from the site's root. */
export const cardHref = {
	/** A module's card; an archived major has its own, with the title and version it had. */
	module: (id: string, archivedMajor?: number) => (archivedMajor === undefined ? `/cards/modules/${id}.png` : `/cards/modules/${id}/v${archivedMajor}.png`),
	track: (id: string) => `/cards/tracks/${id}.png`,
	update: (id: string) => `/cards/updates/${id}.png`,
};

/**
 * The card of a translated page, from its original's (`cardHref`): `/cards/fi/modules/<id>.png` for
 * `/cards/modules/<id>.png`. Every card stays under `/cards/`, the one folder the engine keeps for them.
 */
export function localizedCardHref(href: string, locale: Pick<Locale, 'root' | 'code'>): string {
	return locale.root ? href : href.replace(/^\/cards\//, `/cards/${locale.code}/`);
}

/** A `<meta>` entry in the form of Starlight's `head` frontmatter. */
export interface MetaTag {
	tag: 'meta';
	attrs: Record<string, string>;
}

/**
 * The `og:image` and `twitter:card` tags that make social networks and chat apps show a page's card,
 * for the `head` frontmatter of `StarlightPage`. Nothing when the build skips the cards
 * (`CURRENTS_SKIP_CARDS=1`), so that no page points at an image that was not written.
 */
export function cardMeta(href: string, site: string, alt: string, skip = process.env.CURRENTS_SKIP_CARDS === '1'): MetaTag[] {
	if (skip) return [];
	const url = new URL(href, site).href;
	return [
		{ tag: 'meta', attrs: { property: 'og:image', content: url } },
		{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
		{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
		{ tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
		{ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
		{ tag: 'meta', attrs: { name: 'twitter:image', content: url } },
	];
}

export interface ShareCardJob {
	/** The image's path inside the build output, without a leading slash. */
	file: string;
	/** The content file the card describes, for messages. */
	source: string;
	input: ShareCardInput;
}

/**
 * One card for every module (and archived major), track and platform update page, and one for
 * every translation of a module, track or update into another of the curriculum's languages: the
 * pages in another language that show the original's words point at the original's card.
 */
export function shareCardJobs(curriculum: Curriculum): ShareCardJob[] {
	if (!curriculum.config) return [];
	const [original, ...others] = siteLocales(curriculum.config.locales);
	return [...originalJobs(curriculum, cardLanguage(curriculum, original!)), ...others.flatMap((locale) => translatedJobs(curriculum, cardLanguage(curriculum, locale)))];
}

/** What the cards of one language need: its words, its level names and its tracks, as its pages show them. */
interface CardLanguage {
	locale: Locale;
	word: (key: UiKey, values?: Record<string, string | number>) => string;
	/** What every card of the curriculum says, in this language. */
	common: Pick<ShareCardInput, 'curriculum' | 'site' | 'words'>;
	level: (id: string) => string;
	platform: (id: string) => string;
	/** The tracks, with their titles in this language where translated, in the order its pages list them. */
	tracks: TrackEntry[];
	/** Every module's data, for the tracks' durations. */
	modules: ReadonlyMap<string, ModuleData>;
}

function cardLanguage(curriculum: Curriculum, locale: Locale): CardLanguage {
	const config = curriculum.config!;
	const word: CardLanguage['word'] = (key, values) => uiText(locale.code, key, values);
	const level = namer(config.levels);
	const trackTranslations = translationsOf(curriculum, locale, 'track');
	return {
		locale,
		word,
		common: { curriculum: config.title, site: new URL(config.site).host, words: { track: word('currents.parts.track'), version: word('currents.parts.version') } },
		// As the pages name levels: the config's translation, or the level's own name.
		level: (id) => config.translations[locale.code]?.levels?.[id] ?? level(id),
		platform: namer(config.platforms),
		// Sorted after translating, as the pages in this language sort them (src/data.ts).
		tracks: inTrackOrder(curriculum.tracks.map((track) => ({ ...track, data: mergeTrack(track.data, trackTranslations.get(track.id)?.data) }))),
		modules: new Map(curriculum.modules.map((module) => [module.id, module.data])),
	};
}

/** The cards of the original pages, in the originals' language. */
function originalJobs(curriculum: Curriculum, language: CardLanguage): ShareCardJob[] {
	const jobs: ShareCardJob[] = [];
	for (const module of curriculum.modules) {
		jobs.push({ file: file(cardHref.module(module.id)), source: module.file, input: moduleCard(language, module.id, module.data) });
	}
	for (const archive of curriculum.archives) {
		// Module pages keep the archives of modules that still exist (src/routes/Module.astro).
		if (!language.modules.has(archive.id)) continue;
		jobs.push({
			file: file(cardHref.module(archive.id, majorOf(archive.data.version))),
			source: archive.file,
			input: moduleCard(language, archive.id, archive.data, [language.word('currents.search.typeArchived')]),
		});
	}
	for (const track of language.tracks) jobs.push({ file: file(cardHref.track(track.id)), source: track.file, input: trackCard(language, track) });
	for (const update of curriculum.updates) {
		jobs.push({ file: file(cardHref.update(update.id)), source: update.file, input: updateCard(language, update.data, update.data.title) });
	}
	return jobs;
}

/**
 * The cards of the pages translated into another language: a translated module's current page (a
 * language has no pages of archived majors), a translated track's and a translated update's.
 */
function translatedJobs(curriculum: Curriculum, language: CardLanguage): ShareCardJob[] {
	const here = (href: string) => file(localizedCardHref(href, language.locale));
	const modules = translationsOf(curriculum, language.locale, 'module');
	const tracks = translationsOf(curriculum, language.locale, 'track');
	const updates = translationsOf(curriculum, language.locale, 'update');
	return [
		...curriculum.modules.flatMap((module) => {
			const translation = modules.get(module.id);
			return translation ? [{ file: here(cardHref.module(module.id)), source: translation.file, input: moduleCard(language, module.id, mergeModule(module.data, translation.data)) }] : [];
		}),
		...language.tracks.flatMap((track) => {
			const translation = tracks.get(track.id);
			return translation ? [{ file: here(cardHref.track(track.id)), source: translation.file, input: trackCard(language, track) }] : [];
		}),
		...curriculum.updates.flatMap((update) => {
			const translation = updates.get(update.id);
			return translation ? [{ file: here(cardHref.update(update.id)), source: translation.file, input: updateCard(language, update.data, translation.data.title) }] : [];
		}),
	];
}

/** A module's card names the first track that lists it, the one its pages follow. */
function moduleCard(language: CardLanguage, id: string, data: ModuleData, facts?: string[]): ShareCardInput {
	const track = trackOf(id, language.tracks)?.data.title;
	return { ...language.common, kind: language.word('currents.search.typeModule'), title: data.title, track, level: language.level(data.level), version: data.version, ...(facts && { facts }) };
}

function trackCard(language: CardLanguage, track: TrackEntry): ShareCardInput {
	const count = track.data.modules.length;
	const units = { hours: language.word('currents.duration.hours'), minutes: language.word('currents.duration.minutes') };
	return {
		...language.common,
		kind: language.word('currents.search.typeTrack'),
		title: track.data.title,
		facts: [language.word(count === 1 ? 'currents.home.moduleCountOne' : 'currents.home.moduleCount', { count }), formatDuration(trackMinutes(track.data, language.modules), units)],
	};
}

function updateCard(language: CardLanguage, data: UpdateData, title: string): ShareCardInput {
	const status = data.status === 'pending' ? language.word('currents.update.cardPending') : language.word('currents.update.incorporated');
	return {
		...language.common,
		kind: language.word('currents.search.typeUpdate'),
		title,
		facts: [dayText(data.date, language.locale.code), data.platforms.map(language.platform).join(', '), status],
	};
}

/** A language's translations of one kind of content, by the original's id; the originals' language has none. */
function translationsOf<K extends Curriculum['translations'][number]['kind']>(curriculum: Curriculum, locale: Locale, kind: K) {
	type Of = Extract<Curriculum['translations'][number], { kind: K }>;
	return new Map(curriculum.translations.filter((entry): entry is Of => !locale.root && entry.kind === kind && entry.locale === locale.code).map((entry) => [entry.id, entry]));
}

/** A card's path inside the build output. */
const file = (href: string) => href.slice(1);
