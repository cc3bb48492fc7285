/**
 * The share card: the 1200×630 picture that social networks and chat apps show beside a link to a
 * module, track or update page (Open Graph `og:image`). It names the curriculum, what the page is,
 * its title, and for a module its track, level and version.
 */
import { fitDesign, fittedText, line, PALETTE, type FieldSize, type FitField, type Fitted } from './layout.ts';
import { h, keyed, toSvg, type CardAssets, type CardEnvironment, type CardNode } from './render.ts';
import { cleanText, CardTextError } from './text.ts';

export const SHARE_CARD = { width: 1200, height: 630 } as const;

export interface ShareCardInput {
	/** The curriculum's name, at the top. */
	curriculum: string;
	/** What the page is: "Module", "Track", "Platform update". */
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
}

const PADDING = 64;
const BAND = 16;
const TEXT_WIDTH = SHARE_CARD.width - BAND - PADDING * 2;

/** The card as SVG, with the title's chosen size and laid-out box (for tests and tools). */
export async function shareCardSvg(raw: ShareCardInput, assets: CardAssets): Promise<Fitted> {
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
		'The details': ['Track: Version ·', input.kind, input.track, input.level, input.version, ...(input.facts ?? []), input.site].filter(Boolean).join(' '),
	};
	return fitDesign(
		[title],
		(sizes) => design(input, title, sizes.title!),
		(tree, boxes) => toSvg(tree, { ...SHARE_CARD, texts, assets, boxes })
	);
}

/** The card as a 1200×630 PNG. */
export async function renderShareCard(input: ShareCardInput, env: CardEnvironment): Promise<Uint8Array> {
	const { svg } = await shareCardSvg(input, env.assets);
	return env.rasterize(svg, SHARE_CARD.width);
}

function clean(input: ShareCardInput): ShareCardInput {
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
	};
}

function design(input: ShareCardInput, title: FitField, titleSize: FieldSize): CardNode {
	const facts = [input.level, input.version ? `Version ${input.version}` : undefined, ...(input.facts ?? [])].filter((fact): fact is string => !!fact);
	const chip = h(
		'div',
		{ display: 'flex', padding: '6px 16px', borderRadius: 8, background: PALETTE.accent, color: PALETTE.paper, fontWeight: 700 },
		input.kind
	);
	const header = keyed(
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
	const footer = keyed(
		'footer',
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', gap: 22 },
			h('div', { display: 'flex', height: 2, background: PALETTE.rule }),
			h(
				'div',
				{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: 32, fontSize: 26 },
				line({ color: PALETTE.ink, flexShrink: 1 }, input.track ? `Track: ${input.track}` : ''),
				line({ color: PALETTE.muted, flexShrink: 0, maxWidth: 420 }, input.site ?? '')
			)
		)
	);
	const body = h(
		'div',
		{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: SHARE_CARD.width - BAND, minWidth: 0, padding: PADDING },
		header,
		fittedText(title, titleSize, { fontWeight: 700, color: PALETTE.ink }),
		footer
	);
	return h(
		'div',
		{ display: 'flex', width: SHARE_CARD.width, height: SHARE_CARD.height, background: PALETTE.paper, color: PALETTE.ink },
		h('div', { display: 'flex', width: BAND, flexShrink: 0, background: PALETTE.accent }),
		body
	);
}
