/**
 * What the browser needs to know of the whole curriculum to show a learner's progress on the home
 * and progress pages: each module's title, version, changelog and whether it has a knowledge check,
 * and each track's modules. The build writes it to `/learner.json`, which pages fetch only when the
 * learner has something stored.
 */
import { changeLead } from '../curriculum/changelog.ts';
import { inTrackOrder, moduleHref, trackHref, type Item } from '../curriculum/model.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import type { ChangeEntry } from './changes.ts';

export const LEARNER_DATA_HREF = '/learner.json';

export interface CatalogueModule {
	title: string;
	/** The module's page in the catalogue's language: its own, or the original's where it has none. */
	href: string;
	version: string;
	quiz: boolean;
	/** Newest first; each summary as the module's changelog shows it, with its kind's label. */
	changelog: ChangeEntry[];
}

export interface CatalogueTrack {
	id: string;
	title: string;
	href: string;
	modules: string[];
	passMark: number;
}

export interface Catalogue {
	/** The site's address, as export files name it. */
	site: string;
	/** By id, in the order modules are listed (by title). */
	modules: Record<string, CatalogueModule>;
	/** In the curriculum's track order. */
	tracks: CatalogueTrack[];
}

/**
 * `place` moves a root-relative page address into the catalogue's language, where that page exists;
 * titles are whatever `modules` and `tracks` hold, so pass them translated for another language.
 */
export function catalogue(site: string, modules: readonly Item<ModuleData>[], tracks: readonly Item<TrackData>[], place: (href: string) => string = (href) => href): Catalogue {
	return {
		site,
		modules: Object.fromEntries(
			modules.map(({ id, data }) => [
				id,
				{
					title: data.title,
					href: place(moduleHref(id)),
					version: data.version,
					quiz: data.quiz.length > 0,
					changelog: data.changelog.map((entry) => {
						const lead = changeLead(entry.kind, entry.summary);
						return { version: entry.version, date: entry.date, kind: entry.kind, summary: lead ? `${lead}: ${entry.summary}` : entry.summary };
					}),
				},
			])
		),
		tracks: inTrackOrder(tracks).map(({ id, data }) => ({ id, title: data.title, href: place(trackHref(id)), modules: [...data.modules], passMark: data.certificate.passMark })),
	};
}
