/**
 * The rendering core shared by share cards and certificates: a design (a tree of elements) becomes
 * SVG with satori, using exactly the font files its text needs, and PNG with whatever rasteriser the
 * environment brings. Nothing here touches the file system, so the same code runs in a build, a
 * command-line tool and, with fetched assets and `@resvg/resvg-wasm`, a browser.
 */
import satori from 'satori';
import { catalogue, describeMissing, FAMILIES, planFonts, type CatalogueFamily, type FontFile } from './fonts.ts';
import { svgDataUri, twemojiNames } from './emoji.ts';
import { CardTextError, graphemes, NAME_FIELD } from './text.ts';

/** Where fonts and emoji pictures come from: `node_modules` in Node, the site's own files in a browser. */
export interface CardAssets {
	/** The `unicode.json` of an `@fontsource` package: subset name to unicode-range list. */
	unicodeTable(pkg: string): Promise<Record<string, string>>;
	/** The bytes of a font file, by its path inside the npm package. */
	font(path: string): Promise<Uint8Array>;
	/** The SVG text of a Twemoji picture by file name, or undefined when there is none. */
	emoji(file: string): Promise<string | undefined>;
}

/** Turns SVG into PNG bytes at the given width (the height follows the aspect ratio). */
export type Rasterize = (svg: string, width: number) => Uint8Array | Promise<Uint8Array>;

export interface CardEnvironment {
	assets: CardAssets;
	rasterize: Rasterize;
}

/** An element of a design, in the plain-object form satori reads instead of JSX. */
export interface CardNode {
	type: string;
	key?: string;
	props: { style?: Record<string, string | number>; children?: CardChild | CardChild[]; [attribute: string]: unknown };
}
export type CardChild = CardNode | string;

/** Creates an element: `h('div', { fontSize: 32 }, 'text')`. */
export function h(type: string, style: Record<string, string | number>, ...children: CardChild[]): CardNode {
	return { type, props: { style, children } };
}

/** The same element with a key, so that its laid-out box can be found (see `toSvg`'s `boxes`). */
export function keyed(key: string, node: CardNode): CardNode {
	return { ...node, key };
}

/** Where satori placed an element, found by its `key`. */
export interface Box {
	left: number;
	top: number;
	width: number;
	height: number;
}

/** What a design says, by what it is, so that an error can name the field at fault. */
export type CardTexts = Record<string, string>;

interface State {
	families: Promise<CatalogueFamily[]>;
	fonts: Map<string, Promise<Uint8Array>>;
	fontSets: Map<string, Promise<FontOptions[]>>;
	emoji: Map<string, Promise<string | undefined>>;
}
type FontOptions = { name: string; data: ArrayBuffer; weight: 400 | 700; style: 'normal' };

// Parsed fonts are cached by satori per options array, so each font set is built once and reused.
const states = new WeakMap<CardAssets, State>();

function stateOf(assets: CardAssets): State {
	let state = states.get(assets);
	if (!state) {
		const families = Promise.all(FAMILIES.map(async (family) => [family.id, await assets.unicodeTable(family.package)] as const)).then((tables) =>
			catalogue(new Map(tables))
		);
		const made: State = { families, fonts: new Map(), fontSets: new Map(), emoji: new Map() };
		states.set(assets, made);
		// Tables that could not be fetched (the browser was offline) are fetched again on the next drawing.
		families.catch(() => {
			if (states.get(assets) === made) states.delete(assets);
		});
		state = made;
	}
	return state;
}

/**
 * The promise kept under `key`, or a new one from `make`, kept until it fails: a file that could not
 * be fetched is asked for again next time, so that a learner back online need not reload the page.
 */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
	const kept = cache.get(key);
	if (kept) return kept;
	const made = make();
	cache.set(key, made);
	made.catch(() => {
		if (cache.get(key) === made) cache.delete(key);
	});
	return made;
}

/**
 * Draws a design as SVG. Every character of `texts` must be drawable: satori would silently draw a
 * box for a missing glyph, so a character no bundled font has is refused with a `CardTextError`
 * naming the field and the character. The fields named in `boldOnly` are texts the design draws in
 * bold alone: their characters load no regular-weight file (see `planFonts`).
 */
export async function toSvg(
	tree: CardNode,
	options: { width: number; height: number; texts: CardTexts; boldOnly?: readonly string[]; assets: CardAssets; boxes?: Map<string, Box> }
): Promise<string> {
	const state = stateOf(options.assets);
	const families = await state.families;
	const plan = plannedFonts(options.texts, families, options.boldOnly);
	const images = await emojiImages(plan.emoji, options.assets, state);
	const missing = [...plan.missing, ...plan.emoji.filter((grapheme) => !images[grapheme])];
	if (missing.length > 0) throw missingError(missing, options.texts);
	const fonts = await fontSet(plan.files, options.assets, state);
	// Satori asks for more assets when its fonts lack a glyph; that is a box about to be drawn.
	const unresolved: string[] = [];
	const svg = await satori(tree, {
		width: options.width,
		height: options.height,
		fonts,
		graphemeImages: images,
		loadAdditionalAsset: async (code: string, segment: string) => {
			const uri = code === 'emoji' ? await emojiUri(segment, options.assets, state) : undefined;
			if (uri) return uri;
			unresolved.push(...graphemes(segment).filter((grapheme) => grapheme.trim() !== ''));
			return [];
		},
		onNodeDetected: options.boxes
			? (node: { key?: string | number | null; left: number; top: number; width: number; height: number }) => {
					if (typeof node.key === 'string') options.boxes!.set(node.key, { left: node.left, top: node.top, width: node.width, height: node.height });
				}
			: undefined,
	});
	if (unresolved.length > 0) throw missingError([...new Set(unresolved)], options.texts);
	return svg;
}

/**
 * Which font files draw these texts, in the order satori tries them. Two designs drawn for texts with
 * the same key draw each character with the same font.
 */
export async function fontKey(texts: CardTexts, assets: CardAssets): Promise<string> {
	const families = await stateOf(assets).families;
	return plannedFonts(texts, families)
		.files.map((file) => file.path)
		.join('|');
}

/** The characters of a text no bundled font draws in bold (as a certificate draws a learner's name), in the order met. */
export async function undrawableInBold(text: string, assets: CardAssets): Promise<string[]> {
	return planFonts('', await stateOf(assets).families, text).missing;
}

/** The fonts for a design's texts, those named in `boldOnly` in bold alone. */
export function plannedFonts(texts: CardTexts, families: readonly CatalogueFamily[], boldOnly: readonly string[] = []) {
	const of = (bold: boolean) =>
		Object.entries(texts)
			.filter(([field]) => boldOnly.includes(field) === bold)
			.map(([, text]) => text)
			.join(' ');
	return planFonts(of(false), families, of(true));
}

function missingError(missing: string[], texts: CardTexts): CardTextError {
	const fields = Object.entries(texts)
		.filter(([, text]) => missing.some((character) => text.includes(character)))
		.map(([field]) => field);
	const where = fields.length > 0 ? fields.join(' and ') : 'The text';
	// In the learner's name alone, the learner can fix it: the page says so in its own words.
	const inName = fields.length === 1 && fields[0] === NAME_FIELD;
	return new CardTextError(
		`${where} ${fields.length > 1 ? 'have' : 'has'} characters that no bundled font can draw: ${describeMissing(missing)}. ` +
			'Write it without them, or ask the site maintainers to add a font for that script (src/lib/cards/fonts.ts).',
		inName ? { key: 'nameUnsupported', values: { characters: missing.map((character) => `“${character}”`).join(' ') } } : undefined
	);
}

/** The satori font list for a set of files, in the planner's order, built once per distinct set. */
function fontSet(files: FontFile[], assets: CardAssets, state: State): Promise<FontOptions[]> {
	return remember(state.fontSets, files.map((file) => file.path).join('|'), () =>
		Promise.all(
			files.map(async (file) => {
				const data = await remember(state.fonts, file.path, () => assets.font(file.path));
				// Each subset file gets a name of its own, so that satori falls back from one to the next.
				const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
				return { name: `${file.family}/${file.subset}`, data: buffer, weight: file.weight, style: 'normal' as const };
			})
		)
	);
}

async function emojiImages(emoji: string[], assets: CardAssets, state: State): Promise<Record<string, string>> {
	const images: Record<string, string> = {};
	for (const grapheme of emoji) {
		const uri = await emojiUri(grapheme, assets, state);
		if (uri) images[grapheme] = uri;
	}
	return images;
}

function emojiUri(grapheme: string, assets: CardAssets, state: State): Promise<string | undefined> {
	return remember(state.emoji, grapheme, async () => {
		for (const name of twemojiNames(grapheme)) {
			const svg = await assets.emoji(name);
			if (svg) return svgDataUri(svg);
		}
		return undefined;
	});
}
