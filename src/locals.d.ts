// What the engine's routes tell the components of their page, per request.
declare namespace App {
	interface Locals {
		/**
		 * What the search index should know about the page (its kind, tracks, platforms, level and
		 * version), set by the route before the page renders. The footer writes it into every page
		 * (`SearchMeta`); a page whose route sets nothing is indexed as a plain page.
		 */
		currentsSearch?: import('./lib/search/facets.ts').SearchFacts;
	}
}
