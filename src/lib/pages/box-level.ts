/** The attribute that carries a box title's heading level from the compiler (box-headings.ts) to its component. */
export const BOX_LEVEL = 'boxHeadingLevel';

/** The heading level of a box's title in a section of the given level: one below it, from h2 (under the page's h1) to h6. */
export function boxLevel(section: number): 2 | 3 | 4 | 5 | 6 {
	return Math.min(Math.max(section + 1, 2), 6) as 2 | 3 | 4 | 5 | 6;
}

/** The element a box's title is, from the level the compiler gave it; h3, a box in a page's section, where none was given. */
export function boxHeading(level: string | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
	const n = Number(level);
	return `h${Number.isInteger(n) ? boxLevel(n - 1) : 3}`;
}
