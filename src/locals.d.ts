// What the engine's routes tell the components of their page, per request.
declare namespace App {
	interface Locals {
		/**
		 * What the search index should know about the page (its kind, tracks, platforms, level and
		 * version), set by the route before the page renders. The footer writes it into every page
		 * (`SearchMeta`); a page whose route sets nothing is indexed as a plain page.
		 */
		currentsSearch?: import('./lib/search/facets.ts').SearchFacts;
		/**
		 * On a page in another language that shows what is not translated yet (a module's text, or the
		 * modules listed on a track's page): the original's language, the ids of the headings in that
		 * language, and whether the page's title is too. Set by the route, so that Starlight's parts
		 * around the text (the title, the tables of contents) say it too.
		 */
		currentsOriginal?: { lang: string; headings: ReadonlySet<string>; title: boolean };
	}
}
