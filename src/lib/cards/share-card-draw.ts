/**
 * Share cards as the build draws them in Node: in parts. Every card of a track has the same footer,
 * and most have a header like many others (the curriculum's name, "Module", a level and a version);
 * only the title is each card's own. So the header and the footer are drawn once and kept, and each
 * card draws only its title, in the rows its glyphs cover, onto a copy of them. A card so drawn has
 * exactly the pixels of the whole card drawn at once (`renderShareCard`): each part is laid out where
 * it is on the whole card and drawn with the same fonts, and a title's rows are cut where it has no
 * ink, where drawing part of the card gives the very pixels of drawing all of it. Where that cannot be
 * shown (a part that would be crowded, a title drawn with more than glyphs and pictures, two parts
 * touching the same pixel), the card is drawn whole. For the cards of 1,000 generated modules, drawn
 * alone on this project's machine: 6.2 to 6.8 ms a card instead of 9.9 to 12.4 ms drawn whole, with
 * the PNG encoding (about 4 ms) the same either way. Where the parts share no row, as on most cards,
 * the PNG is encoded from their rows as they are (`apart`), without first copying them onto a 3 MB
 * card: 400 cards of generated modules drawn in one process, three alternated runs, took 5.6 to 6.1 ms
 * a card instead of 8.0 to 8.9 ms.
 */
import { Resvg } from '@resvg/resvg-js';
import { fitDesign } from './layout.ts';
import { nodeAssets, nodeEnvironment } from './node.ts';
import { encodeRows } from './png.ts';
import { fontKey, toSvg, type Box, type CardAssets, type CardNode } from './render.ts';
import { renderShareCard, SHARE_CARD, SHARE_CARD_PADDING, shareCardDesign, type ShareCardDesign, type ShareCardInput } from './share-card.ts';

const { width: WIDTH, height: HEIGHT } = SHARE_CARD;

/** Rows of a drawing, from `top`: the card's pixels, one 32-bit number each. */
interface Layer {
	top: number;
	pixels: Int32Array;
}

/** A header or footer: where it was laid out, and the rows where it differs from the bare card. */
interface Part {
	box: Box;
	layer: Layer;
}

/** Parts kept for the cards to come; cards arrive track by track, so a few suffice. */
const KEPT = 16;
const parts = { header: new Map<string, Promise<Part>>(), footer: new Map<string, Promise<Part>>() };
/** A row of the bare card: the accent band, then paper. Every part is drawn on it. */
let bare: Int32Array | undefined;

/** How many cards were drawn in parts and how many whole, for tests. */
export const drawnCards = { inParts: 0, whole: 0 };

/** The card as a 1200×630 PNG, the same image as `renderShareCard` draws. */
export async function drawShareCard(input: ShareCardInput, assets: CardAssets = nodeAssets): Promise<Uint8Array> {
	const design = shareCardDesign(input);
	const fonts = await fontKey(design.texts, assets);
	const [header, footer] = await Promise.all([part('header', design, fonts, assets), part('footer', design, fonts, assets)]);
	const fitted = await fitDesign(
		[design.title],
		(sizes) => design.titleAlone(sizes.title!, header.box.height, footer.box.height),
		(tree, boxes) => toSvg(tree, { ...SHARE_CARD, texts: design.texts, assets, boxes })
	);
	const title = fitted.boxes.get('title');
	// On a card with no room left between its parts, the whole card's layout would shrink them.
	const roomy = title !== undefined && header.box.height + title.height + footer.box.height <= HEIGHT - 2 * SHARE_CARD_PADDING;
	const ink = roomy ? inkRows(fitted.svg) : undefined;
	const layers = ink && [header.layer, footer.layer, { top: ink.top, pixels: draw(fitted.svg, ink.top, ink.bottom - ink.top) }];
	const rowAt = layers && (apart(layers) ?? compose(layers));
	if (!rowAt) {
		drawnCards.whole++;
		return renderShareCard(input, { ...nodeEnvironment, assets });
	}
	drawnCards.inParts++;
	return encodeRows(rowAt, WIDTH, HEIGHT);
}

function part(which: 'header' | 'footer', design: ShareCardDesign, fonts: string, assets: CardAssets): Promise<Part> {
	const kept = parts[which];
	const key = `${fonts}\n${design.keys[which]}`;
	let found = kept.get(key);
	if (found) {
		// The most recently used last, so that the first is the one to drop.
		kept.delete(key);
	} else {
		found = drawPart(which === 'header' ? design.header() : design.footer(), which, design, assets);
		// A part that cannot be drawn is not kept: the next card tries again, and says why.
		found.catch(() => kept.delete(key));
		if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
	}
	kept.set(key, found);
	return found;
}

async function drawPart(tree: CardNode, which: 'header' | 'footer', design: ShareCardDesign, assets: CardAssets): Promise<Part> {
	const boxes = new Map<string, Box>();
	const svg = await toSvg(tree, { ...SHARE_CARD, texts: design.texts, assets, boxes });
	// The padding keeps the first row clear of every part: it is the bare card's.
	bare ??= draw(svg, 0, 1);
	const ink = inkRows(svg);
	return { box: boxes.get(which)!, layer: ink ? { top: ink.top, pixels: draw(svg, ink.top, ink.bottom - ink.top) } : { top: 0, pixels: draw(svg, 0, HEIGHT) } };
}

/** Draws `rows` rows of a card's SVG from row `top`. */
function draw(svg: string, top: number, rows: number): Int32Array {
	const whole = `width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"`;
	if (!svg.startsWith(`<svg ${whole}`)) throw new Error(`A share card's SVG did not start as satori writes it: ${svg.slice(0, 80)}`);
	const cut = top === 0 && rows === HEIGHT ? svg : svg.replace(whole, `width="${WIDTH}" height="${rows}" viewBox="0 ${top} ${WIDTH} ${rows}"`);
	const { pixels } = new Resvg(cut, { font: { loadSystemFonts: false } }).render();
	// The pixels as they are, without a copy (0.6 ms a card), unless they do not start on a 32-bit boundary.
	return pixels.byteOffset % 4 === 0 ? new Int32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4) : new Int32Array(Uint8Array.from(pixels).buffer);
}

/**
 * The rows that a part's ink covers, with two clear rows above and below, or undefined when its SVG
 * holds anything but the bare card, shapes with a stated box, glyphs (paths of lines and curves, each
 * point listed: a curve stays within its points) and pictures (emoji).
 */
export function inkRows(svg: string): { top: number; bottom: number } | undefined {
	let least = Infinity;
	let most = -Infinity;
	const cover = (top: number, bottom: number) => {
		least = Math.min(least, top);
		most = Math.max(most, bottom);
	};
	let frame = 0;
	for (const [tag, name] of svg.replace(MASKS, '').matchAll(/<\/?([a-zA-Z]+)\b[^>]*>/g)) {
		// A picture's address is an SVG of its own, drawn inside the picture's box.
		const element = name === 'image' ? tag.replace(/ href="data:image\/svg\+xml;[^"]*"/, '') : tag;
		if (element === '<g>' || element === '</g>' || element === '</svg>' || element.startsWith(`<svg width="${WIDTH}" height="${HEIGHT}" `)) continue;
		if (name === 'rect' && frame < 2 && FRAME_RECT.test(element)) {
			frame++;
			continue;
		}
		const box = name === 'rect' || name === 'path' || name === 'image' ? BOX.exec(element) : null;
		if (box) {
			cover(Number(box[1]), Number(box[1]) + Number(box[2]));
			// A picture is drawn on a canvas of its own that is aligned to the card's pixels: moved up by
			// whole rows, it came out one pixel different in a few cards. So its rows start at the top.
			if (name === 'image') cover(0, 0);
			continue;
		}
		const glyphs = name === 'path' ? GLYPHS.exec(element) : null;
		if (!glyphs) return undefined;
		const numbers = glyphs[1]!.match(NUMBER) ?? [];
		// Each command takes x, y pairs: every second number is a height.
		for (let i = 1; i < numbers.length; i += 2) cover(Number(numbers[i]), Number(numbers[i]));
	}
	if (!(least <= most)) return undefined;
	const top = Math.max(0, Math.floor(least) - 2);
	const bottom = Math.min(HEIGHT, Math.ceil(most) + 3);
	return top < bottom ? { top, bottom } : undefined;
}

/** Satori's masks, which draw nothing unless an element names them (none here does: see `inkRows`). */
const MASKS = /<mask\b[^>]*>(?:<rect\b[^>]*\/>)*<\/mask>/g;
/** The paper and the band, the height of the card from its top. */
const FRAME_RECT = new RegExp(`^<rect x="0" y="0" width="\\d+" height="${HEIGHT}" fill="#[0-9a-f]{6}"/>$`);
/** An element's stated box, where it draws only inside it: a filled rectangle, a rounded one, a picture. */
const BOX = /^<(?:rect|path|image)\b(?:(?!clip-path|mask|filter|transform|stroke)[^>])*? y="(-?[\d.]+)" width="[\d.]+" height="([\d.]+)"(?:(?!clip-path|mask|filter|transform|stroke)[^>])*>$/;
/** A glyph: a filled path of moves, lines and curves only. */
const GLYPHS = /^<path fill="#[0-9a-f]{6}" d="([MLQCZ\d\s.,+\-e]*)"\/>$/;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g;

/**
 * The card's rows when no two layers share a row, as a card's header, title and footer do not: each
 * row is the row of the layer that covers it, or the bare card's. A layer was drawn on the bare card,
 * so its rows are already the card's, and nothing is copied. Undefined when two layers share a row.
 */
function apart(layers: Layer[]): ((y: number) => Int32Array) | undefined {
	const rows: (Int32Array | undefined)[] = new Array(HEIGHT);
	for (const { top, pixels } of layers) {
		for (let y = top, at = 0; at < pixels.length; y++, at += WIDTH) {
			if (rows[y]) return undefined;
			rows[y] = pixels.subarray(at, at + WIDTH);
		}
	}
	return (y) => rows[y] ?? bare!;
}

/**
 * The card being drawn where layers share rows, one for all cards: each is encoded as soon as it is
 * composed, before the next is, and 3 MB a card allocated outside the JavaScript heap made V8 collect
 * more often.
 */
let card: Int32Array | undefined;

/**
 * The card's rows with each layer's pixels on the bare card, pixel by pixel, or undefined when two
 * layers both change one pixel.
 */
function compose(layers: Layer[]): ((y: number) => Int32Array) | undefined {
	const into = (card ??= new Int32Array(WIDTH * HEIGHT));
	for (let y = 0; y < HEIGHT; y++) into.set(bare!, y * WIDTH);
	for (const { top, pixels } of layers) {
		for (let at = 0, x = 0, to = top * WIDTH; at < pixels.length; at++, to++) {
			const pixel = pixels[at]!;
			const paper = bare![x]!;
			if (++x === WIDTH) x = 0;
			if (pixel === paper) continue;
			if (into[to] !== paper && into[to] !== pixel) return undefined;
			into[to] = pixel;
		}
	}
	return (y) => into.subarray(y * WIDTH, (y + 1) * WIDTH);
}
