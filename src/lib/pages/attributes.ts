/**
 * Small pieces of HTML that the engine writes or reads outside Astro's templates: an attribute value
 * it writes itself, and the id an in-page link names.
 */

/** A value written into a double-quoted attribute: `&`, `"` and `<` escaped. */
export const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The id a link's fragment names (`#p%C3%A4iv%C3%A4` names `päivä`), or the fragment as written when it is not valid percent-encoding. */
export function decodeFragment(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}
