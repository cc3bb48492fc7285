/**
 * The search dialog's words and the content type names in one language, made from the interface
 * strings at build time. Kept apart from `text.ts`, which the dialog's script imports: this file
 * reads the whole string table, which must not reach the browser.
 */
import { uiText, type UiKey } from '../i18n/ui/index.ts';
import type { PageKind } from './facets.ts';
import type { SearchText } from './text.ts';

/** The content type names of one language, as the `type` filter and the result line show them. */
export function typeLabels(locale: string): Record<PageKind, string> {
	return {
		module: uiText(locale, 'currents.search.typeModule'),
		archived: uiText(locale, 'currents.search.typeArchived'),
		update: uiText(locale, 'currents.search.typeUpdate'),
		track: uiText(locale, 'currents.search.typeTrack'),
		page: uiText(locale, 'currents.search.typePage'),
	};
}

/** The dialog's words in one language, without the `original` part a second language adds. */
export function searchText(locale: string): SearchText {
	const t = (key: string) => uiText(locale, `currents.search.${key}` as UiKey);
	return {
		placeholder: t('placeholder'),
		arrowHint: t('arrowHint'),
		close: t('close'),
		filters: t('filters'),
		clearFilters: t('clearFilters'),
		includeEarlier: t('includeEarlier'),
		facets: { type: t('facetType'), track: t('facetTrack'), platform: t('facetPlatform'), level: t('facetLevel') },
		version: t('version'),
		duration: { hours: uiText(locale, 'currents.duration.hours'), minutes: uiText(locale, 'currents.duration.minutes') },
		more: t('more'),
		loading: t('loading'),
		idle: t('idle'),
		results: { one: t('resultsOne'), other: t('resultsOther') },
		inexact: { one: t('inexactOne'), other: t('inexactOther') },
		didYouMean: t('didYouMean'),
		browse: { one: t('browseOne'), other: t('browseOther') },
		noResults: t('noResults'),
		noMatches: t('noMatches'),
		error: t('error'),
	};
}

/** The dialog's words in English, the engine's original. */
export const SEARCH_TEXT_EN: SearchText = searchText('en');
