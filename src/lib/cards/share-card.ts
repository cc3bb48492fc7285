/**
 * The share card: the 1200×630 picture that social networks and chat apps show beside a link to a
 * module, track or update page (Open Graph `og:image`). It names the curriculum, what the page is,
 * its title, and for a module its track, level and version.
 */
import { fitDesign, fittedText, line, PALETTE, type FieldSize, type FitField, type Fitted } from './layout.ts';
import { h, keyed, toSvg, type CardAssets, type CardEnvironment, type CardNode, type CardTexts } from './render.ts';
import { cleanText, CardTextError } from './text.ts';

export const SHARE_CARD = { width: 1200, height: 630 } as const;

export interface ShareCardInput {
	/** The curriculum's name, at the top. */
	curriculum: string;
	/** What the page is, in the page's language: "Module", "Track", "Platform update". */
	kind: string;
	title: string;
	/** The track a module belongs to. */
	track?: string;
	/** A module's level, by name. */
	level?: string;
	/** A module's version. */
	version?: string;
	/** Other short facts, such as "6 modules" or a date. */
	facts?: string[];
	/** The site's host name, at the bottom. */
	site?: string;
	/**
	 * The design's own words in the page's language: the one before the track's name ("Track: …")
	 * and the one before the version ("Version 1.2.0").
	 * @default { track: "Track", version: "Version" }
	 */
	words?: { track: string; version: string };
}

const ENGLISH_WORDS = { track: 'Track', version: 'Version' };

/** What the card says, cleaned, with its words chosen. */
type CleanInput = ShareCardInput & Required<Pick<ShareCardInput, 'words'>>;

/** The space around the header, title and footer. */
export const SHARE_CARD_PADDING = 64;
const PADDING = SHARE_CARD_PADDING;
const BAND = 16;
const TEXT_WIDTH = SHARE_CARD.width - BAND - PADDING * 2;

/**
 * The card's design, whole and in parts. The parts are laid out exactly as in the whole: the header
 * at the top, the footer at the bottom and the title between them (each on the card's paper and
 * band, at the card's size), so that a drawing can reuse the header and footer that many cards share
 * and draw only each card's title (see `share-card-draw.ts`).
 */
export interface ShareCardDesign {
	/** What the card says, by field, for fonts and for naming a field whose characters cannot be drawn. */
	texts: CardTexts;
	/** The title, to be fitted into its box. */
	title: FitField;
	/** The whole card, with the title at a size. */
	whole(size: FieldSize): CardNode;
	/** The header alone, where it is on the whole card. */
	header(): CardNode;
	/** The footer alone, where it is on the whole card. */
	footer(): CardNode;
	/** The title alone, where it is on the whole card with a header and a footer of these heights. */
	titleAlone(size: FieldSize, headerHeight: number, footerHeight: number): CardNode;
	/** What the header and the footer show, as text: cards whose header (or footer) key is the same draw it the same. */
	keys: { header: string; footer: string };
}

export function shareCardDesign(raw: ShareCardInput): ShareCardDesign {
	const input = clean(raw);
	const title: FitField = {
		key: 'title',
		text: input.title,
		sizes: [76, 68, 60, 54, 48, 42, 38],
		width: TEXT_WIDTH,
		maxHeight: 300,
		lineHeight: 1.15,
		advance: 0.6,
	};
	const texts = {
		'The curriculum name': input.curriculum,
		'The title': input.title,
		// The design's own words ("Track:", "Version") are planned with the rest.
		'The details': [`${input.words.track}: ${input.words.version} ·`, input.kind, input.track, input.level, input.version, ...(input.facts ?? []), input.site].filter(Boolean).join(' '),
	};
	const titleText = (size: FieldSize) => fittedText(title, size, { fontWeight: 700, color: PALETTE.ink });
	// An empty box the height of a part, standing in for it.
	const space = (height: number) => h('div', { display: 'flex', height, flexShrink: 0 });
	return {
		texts,
		title,
		whole: (size) => card('space-between', header(input), titleText(size), footer(input)),
		header: () => card('flex-start', header(input)),
		footer: () => card('flex-end', footer(input)),
		titleAlone: (size, headerHeight, footerHeight) => card('space-between', space(headerHeight), titleText(size), space(footerHeight)),
		keys: {
			header: JSON.stringify([input.curriculum, input.kind, input.level, input.words.version, input.version, input.facts]),
			footer: JSON.stringify([input.words.track, input.track, input.site]),
		},
	};
}

/** The card as SVG, with the title's chosen size and laid-out box (for tests and tools). */
export async function shareCardSvg(raw: ShareCardInput, assets: CardAssets): Promise<Fitted> {
	const design = shareCardDesign(raw);
	return fitDesign(
		[design.title],
		(sizes) => design.whole(sizes.title!),
		(tree, boxes) => toSvg(tree, { ...SHARE_CARD, texts: design.texts, assets, boxes })
	);
}

/** The card as a 1200×630 PNG, drawn whole (in Node the build draws it in parts: `share-card-draw.ts`). */
export async function renderShareCard(input: ShareCardInput, env: CardEnvironment): Promise<Uint8Array> {
	const { svg } = await shareCardSvg(input, env.assets);
	return env.rasterize(svg, SHARE_CARD.width);
}

function clean(input: ShareCardInput): CleanInput {
	const title = cleanText(input.title);
	if (title === '') throw new CardTextError('The share card has no title. Give the page a title.');
	return {
		curriculum: cleanText(input.curriculum),
		kind: cleanText(input.kind),
		title,
		track: input.track ? cleanText(input.track) : undefined,
		level: input.level ? cleanText(input.level) : undefined,
		version: input.version ? cleanText(input.version) : undefined,
		facts: (input.facts ?? []).map(cleanText).filter(Boolean),
		site: input.site ? cleanText(input.site) : undefined,
		words: { track: cleanText(input.words?.track ?? ENGLISH_WORDS.track), version: cleanText(input.words?.version ?? ENGLISH_WORDS.version) },
	};
}

/** The curriculum's name, and below it what the page is and its facts. */
function header(input: CleanInput): CardNode {
	const facts = [input.level, input.version ? `${input.words.version} ${input.version}` : undefined, ...(input.facts ?? [])].filter((fact): fact is string => !!fact);
	const chip = h(
		'div',
		{ display: 'flex', padding: '6px 16px', borderRadius: 8, background: PALETTE.accent, color: PALETTE.paper, fontWeight: 700 },
		input.kind
	);
	return keyed(
		'header',
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', gap: 22 },
			line({ fontSize: 28, fontWeight: 700, color: PALETTE.accent, maxWidth: TEXT_WIDTH }, input.curriculum),
			h(
				'div',
				{ display: 'flex', alignItems: 'center', gap: 18, fontSize: 26, color: PALETTE.muted, maxWidth: TEXT_WIDTH },
				chip,
				line({ flexShrink: 1 }, facts.join('  ·  '))
			)
		)
	);
}

/** A rule, and below it the track and the site. */
function footer(input: CleanInput): CardNode {
	return keyed(
		'footer',
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', gap: 22 },
			h('div', { display: 'flex', height: 2, background: PALETTE.rule }),
			h(
				'div',
				{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: 32, fontSize: 26 },
				line({ color: PALETTE.ink, flexShrink: 1 }, input.track ? `${input.words.track}: ${input.track}` : ''),
				line({ color: PALETTE.muted, flexShrink: 0, maxWidth: 420 }, input.site ?? '')
			)
		)
	);
}

/** The paper, the accent band down the left, and the parts given, spread down the card as `justify` says. */
function card(justify: 'space-between' | 'flex-start' | 'flex-end', ...parts: CardNode[]): CardNode {
	const body = h(
		'div',
		{ display: 'flex', flexDirection: 'column', justifyContent: justify, width: SHARE_CARD.width - BAND, minWidth: 0, padding: PADDING },
		...parts
	);
	return h(
		'div',
		{ display: 'flex', width: SHARE_CARD.width, height: SHARE_CARD.height, background: PALETTE.paper, color: PALETTE.ink },
		h('div', { display: 'flex', width: BAND, flexShrink: 0, background: PALETTE.accent }),
		body
	);
}
