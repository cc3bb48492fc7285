import { z } from 'zod';
import { plainLine, plainText } from './common.ts';

/**
 * Starlight's page fields that a free page may not set, and why. Some put HTML or attributes into
 * the page as they are written, so they could carry script; others send readers, or the page
 * itself, to another address; the rest change what the site decides for every page.
 */
const STARLIGHT_ONLY = {
	head: 'it adds elements such as <script>, <meta> or <link> to the page, inserted as HTML, so it could carry script',
	hero: 'its title and tagline are inserted as HTML, so it could carry script, and its buttons can link to any address',
	banner: 'its content is inserted as HTML, so it could carry script',
	sidebar: 'its `attrs` put any attribute on the sidebar link, `onclick` included, so it could carry script, and its label and order change the navigation',
	editUrl: 'it sends the "Edit page" link to any address',
	slug: 'it changes the page’s address, and could take the address of another page',
	prev: 'it points the "Previous" link at any address',
	next: 'it points the "Next" link at any address',
	template: 'it changes the page’s layout: `splash` hides the navigation',
	tableOfContents: 'the site decides the table of contents of every page',
	lastUpdated: 'it shows a date the file’s history does not support',
	pagefind: 'it can hide the page from search',
	draft: 'it can leave the page out of the built site, which a review of the file would not show',
} as const satisfies Record<string, string>;

/** A field a page may not set: absent is fine; any value, even `false`, is refused with its reason. */
function notForPages(field: string, reason: string) {
	return z
		.custom<never>((value) => value === undefined, {
			message: `Pages may not set Starlight's \`${field}\` field.`,
			params: { rule: 'schema', fix: `Remove \`${field}\`: ${reason}. A page sets only \`title\` and \`description\`.` },
		})
		.optional();
}

/**
 * Frontmatter of a free page: one Markdown or MDX file in `pages/`, such as an about page. A page
 * has a title and a description and nothing else; the site lays it out like every other page.
 * @example
 * title: About this curriculum
 * description: What it is, who writes it, and how to cite a version.
 */
export const pageSchema = z.strictObject({
	/** The page's title, shown in its heading, the sidebar and the browser tab. @example "About Currents" */
	title: plainLine(),
	/** One or two sentences on what the page holds, for search results and link previews. */
	description: plainText().optional(),
	...(Object.fromEntries(Object.entries(STARLIGHT_ONLY).map(([field, reason]) => [field, notForPages(field, reason)])) as {
		[Field in keyof typeof STARLIGHT_ONLY]: ReturnType<typeof notForPages>;
	}),
});

export type PageInput = z.input<typeof pageSchema>;
export type PageData = z.output<typeof pageSchema>;
