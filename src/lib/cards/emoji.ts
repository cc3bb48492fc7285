/**
 * Emoji are drawn as pictures from the `@twemoji/svg` npm package rather than from a font: satori
 * draws outlines only, and colour emoji fonts hold bitmaps or colour layers it cannot use.
 */

/** Marks that make a character or sequence an emoji picture: the emoji variation selector, a keycap, a joiner, a skin tone. */
const EMOJI_MARKERS = /[\uFE0F\u20E3\u200D\u{1F3FB}-\u{1F3FF}]/u;

/**
 * Whether a grapheme is shown as an emoji picture. Characters that are emoji by default (😀), flags,
 * keycaps and sequences are; symbols that are text by default (©, ™, ↔) stay text unless followed by
 * the emoji variation selector U+FE0F, as browsers show them.
 */
export function isEmoji(grapheme: string): boolean {
	if (/\p{Regional_Indicator}/u.test(grapheme)) return true;
	if (/\p{Emoji_Presentation}/u.test(grapheme)) return true;
	return /\p{Extended_Pictographic}|\p{Emoji}/u.test(grapheme) && EMOJI_MARKERS.test(grapheme) && !/^[\p{L}\p{N}]$/u.test(grapheme);
}

/**
 * The file names Twemoji may use for a grapheme, most likely first: lower-case hexadecimal code
 * points joined by "-", with U+FE0F left out unless the sequence has a zero-width joiner.
 */
export function twemojiNames(grapheme: string): string[] {
	const hex = (text: string) => Array.from(text, (c) => c.codePointAt(0)!.toString(16)).join('-');
	const bare = grapheme.replace(/\uFE0F/g, '');
	const names = grapheme.includes('\u200D') ? [hex(grapheme), hex(bare)] : [hex(bare), hex(grapheme)];
	return [...new Set(names)].map((name) => `${name}.svg`);
}

/** A data URI for an SVG picture, usable by satori in Node and in browsers alike. */
export function svgDataUri(svg: string): string {
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
