/**
 * Fitting text into a box: the largest font size at which the text, wrapped, fits its box. Sizes
 * are tried from a first guess made from the text's length, and each guess is checked against the
 * box satori actually laid out, so a long name or title shrinks and never leaves the image.
 */
import { graphemes, startsRightToLeft } from './text.ts';
import type { Box, CardNode } from './render.ts';

/** Colours shared by the designs: dark ink on paper, one accent. */
export const PALETTE = {
	paper: '#fbfaf7',
	ink: '#15202b',
	muted: '#55606b',
	accent: '#1f5f8b',
	accentSoft: '#e3eef6',
	rule: '#c9d3dc',
} as const;

/** A piece of text that must fit a box of the given width and height at one of the sizes. */
export interface FitField {
	/** The element's key in the design, for finding its laid-out box. */
	key: string;
	text: string;
	/** Font sizes to try, largest first. */
	sizes: readonly number[];
	width: number;
	maxHeight: number;
	/** Line height as a multiple of the font size. */
	lineHeight: number;
	/** The average advance of a letter as a share of the font size, for the first guess. */
	advance?: number;
}

/** Ideographs, kana, Hangul and emoji take about a full em each; other letters about half. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303f\uff00-\uffef]/u;

/** Roughly how wide text is at a font size, in pixels. */
export function estimateWidth(text: string, size: number, advance = 0.56): number {
	return graphemes(text).reduce((sum, grapheme) => sum + (WIDE.test(grapheme) ? 1 : grapheme === ' ' ? 0.26 : advance), 0) * size;
}

/** The index of the largest size whose estimated wrapped height fits, so that most texts need one layout. */
export function firstGuess(field: FitField): number {
	const index = field.sizes.findIndex((size) => {
		// Wrapping at word boundaries wastes part of each line; allow for it.
		const lines = Math.ceil((estimateWidth(field.text, size, field.advance) * 1.08) / field.width);
		return lines * size * field.lineHeight <= field.maxHeight;
	});
	return index < 0 ? field.sizes.length - 1 : index;
}

export interface Fitted {
	svg: string;
	/** The font size chosen for each field, by key. */
	sizes: Record<string, number>;
	/** Fields that did not fit even at their smallest size, and were cut short with an ellipsis. */
	clamped: string[];
	/** Where each keyed element was laid out. */
	boxes: Map<string, Box>;
}

/** A field's font size, and whether it must be cut to the lines its box holds. */
export interface FieldSize {
	size: number;
	clamp: boolean;
}

/**
 * Lays a design out with each field at its first-guess size, then steps down the size of any field
 * whose laid-out box is taller or wider than allowed. A field still too long at its smallest size is
 * cut short with an ellipsis at the last line its box holds, so that nothing is ever drawn outside it.
 *
 * Boxes are limited by clamping lines rather than by clipping: satori draws a clip as an SVG
 * clip path, and each one made resvg several times slower.
 */
export async function fitDesign(
	fields: readonly FitField[],
	design: (sizes: Record<string, FieldSize>) => CardNode,
	draw: (tree: CardNode, boxes: Map<string, Box>) => Promise<string>
): Promise<Fitted> {
	const index = new Map(fields.map((field) => [field.key, firstGuess(field)]));
	const clamped = new Set<string>();
	for (;;) {
		const sizes = Object.fromEntries(fields.map((field) => [field.key, { size: field.sizes[index.get(field.key)!]!, clamp: clamped.has(field.key) }]));
		const boxes = new Map<string, Box>();
		const svg = await draw(design(sizes), boxes);
		let changed = false;
		for (const field of fields) {
			const box = boxes.get(field.key);
			const overflows = box !== undefined && !clamped.has(field.key) && (box.height > field.maxHeight + 0.5 || box.width > field.width + 0.5);
			if (!overflows) continue;
			if (index.get(field.key)! < field.sizes.length - 1) index.set(field.key, index.get(field.key)! + 1);
			else clamped.add(field.key);
			changed = true;
		}
		if (!changed) return { svg, sizes: Object.fromEntries(Object.entries(sizes).map(([key, value]) => [key, value.size])), clamped: [...clamped], boxes };
	}
}

/**
 * The element that holds a fitted field: its text wraps (inside words too, when a word is longer
 * than the line) within the field's width, and when clamped stops at the last line that fits.
 */
export function fittedText(field: FitField, { size, clamp }: FieldSize, style: Record<string, string | number>): CardNode {
	const lines = Math.max(1, Math.floor(field.maxHeight / (size * field.lineHeight)));
	return {
		type: 'div',
		key: field.key,
		props: {
			style: {
				display: 'block',
				width: field.width,
				flexShrink: 0,
				fontSize: size,
				lineHeight: field.lineHeight,
				overflowWrap: 'anywhere',
				// A name or title that starts in a right-to-left script reads from the right, as a browser shows it.
				...(startsRightToLeft(field.text) ? { direction: 'rtl' } : {}),
				...(clamp ? { lineClamp: lines } : {}),
				...style,
			},
			children: field.text,
		},
	};
}

/** One line of text that ends in an ellipsis rather than wrap or run past its width. */
export function line(style: Record<string, string | number>, text: string): CardNode {
	return { type: 'div', props: { style: { display: 'block', minWidth: 0, lineClamp: 1, ...style }, children: text } };
}
