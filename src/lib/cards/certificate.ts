/**
 * The certificate: one design, drawn at screen size (1754×1240, A4 landscape at 150 dpi) or print
 * size (3508×2480, 300 dpi). It says who completed which track of which curriculum, when, at which
 * module versions, who issued it, whether anyone checked it, and where to verify it (a QR code).
 *
 * The design is laid out once at screen size; print size is the same vector drawing rasterised at
 * twice the width, so the two always match.
 */
import { fitDesign, fittedText, line, PALETTE, type FieldSize, type FitField, type Fitted } from './layout.ts';
import { qrCode } from './qr.ts';
import { h, keyed, toSvg, type CardAssets, type CardEnvironment, type CardNode } from './render.ts';
import { cleanName, cleanText, CardTextError, NAME_FIELD } from './text.ts';
import { ENGLISH_CERTIFICATE, fill, fixedWords, formatDate, type CertificateStrings } from './certificate-words.ts';

export const CERTIFICATE_SIZES = { screen: { width: 1754, height: 1240 }, print: { width: 3508, height: 2480 } } as const;
export type CertificateSize = keyof typeof CERTIFICATE_SIZES;
const { width: WIDTH, height: HEIGHT } = CERTIFICATE_SIZES.screen;

export interface CertificateInput {
	/** The learner's name, as they typed it. */
	name: string;
	/** The track completed. */
	track: string;
	/** The certificate's own title, from the track; "Certificate of completion" when absent. */
	title?: string;
	curriculum: string;
	/** The day the track was completed, `YYYY-MM-DD`. */
	date: string;
	/** The modules of the track, with the version of each the learner completed. */
	modules: readonly { title: string; version: string }[];
	/** Who issues the certificate: an institution, or for a self-assessed one the curriculum's site. */
	issuer: string;
	/** True when the issuer verified the learner's work and signed the certificate. */
	verified: boolean;
	/** Where anyone can check the certificate; also encoded in the QR code. */
	url: string;
	/** Locale for the date, such as "en" or "fr". @default "en" */
	locale?: string;
	/** The design's own words in the certificate's language, `{{name}}` filled in; English when absent. */
	strings?: CertificateStrings;
}

/** Longer addresses make QR codes too fine to scan from a printed page, let alone a screen. */
const MAX_URL_LENGTH = 400;
/** Modules listed by name; a longer track lists the first ones and says how many more. */
const MAX_LISTED = 12;
const CONTENT_WIDTH = 1420;
/** The QR code's side: about 29 mm on A4 paper, which phones scan from an arm's length. */
const QR_SIZE = 172;
/**
 * The footer's measures: its lines' type size, the room its one-line texts have ("Issued by …": the
 * content's width less the QR code's column and the gap before it), and the label's ("Verified by …",
 * its padding outside it). src/lib/credentials/issue.ts reads them to tell when an issuer's name will
 * be cut.
 */
const FOOTER_GAP = 48;
const QR_COLUMN = 300;
export const FOOTER = { fontSize: 24, lineRoom: CONTENT_WIDTH - QR_COLUMN - FOOTER_GAP, labelRoom: 900 } as const;

/** The certificate as SVG at screen size, with the chosen sizes and laid-out boxes (for tests and tools). */
export async function certificateSvg(raw: CertificateInput, assets: CardAssets): Promise<Fitted> {
	const input = clean(raw);
	const words = input.strings ?? ENGLISH_CERTIFICATE;
	const field = (key: string, text: string, sizes: number[], maxHeight: number, lineHeight: number): FitField => ({
		key,
		text,
		sizes,
		width: CONTENT_WIDTH,
		maxHeight,
		lineHeight,
		advance: 0.6,
	});
	const fields = {
		heading: field('heading', input.title ?? words.heading, [50, 44, 38, 34, 30], 62, 1.2),
		name: field('name', input.name, [88, 80, 72, 64, 58, 52, 46, 42, 38], 200, 1.15),
		track: field('track', input.track, [48, 44, 40, 36, 32, 28], 112, 1.2),
	};
	const texts = {
		[NAME_FIELD]: input.name,
		'The track title': input.track,
		'The certificate title': input.title ?? '',
		'The curriculum name': input.curriculum,
		'The issuer': input.issuer,
		'A module title': input.modules.map((module) => `${module.title} ${module.version}`).join(' '),
		// The design's own words are planned with the rest, so their fonts are always loaded.
		'The date': `${formatDate(input.date, input.locale)} ${fixedWords(input.strings ?? ENGLISH_CERTIFICATE)}`,
		'The address': input.url,
	};
	return fitDesign(
		Object.values(fields),
		(sizes) => design(input, fields, sizes),
		// The name is the one text drawn in bold alone, and the one a browser cannot know before the
		// learner types it: the site ships the regular-weight fonts of its own certificates' words only.
		(tree, boxes) => toSvg(tree, { width: WIDTH, height: HEIGHT, texts, boldOnly: [NAME_FIELD], assets, boxes })
	);
}

/** The certificate as a PNG at screen or print size. */
export async function renderCertificate(input: CertificateInput, env: CardEnvironment, size: CertificateSize = 'screen'): Promise<Uint8Array> {
	const { svg } = await certificateSvg(input, env.assets);
	return env.rasterize(svg, CERTIFICATE_SIZES[size].width);
}

function clean(input: CertificateInput): CertificateInput {
	const url = cleanText(input.url);
	if (!/^https?:\/\/[^\s/]+/i.test(url)) {
		throw new CardTextError(`The verification address "${url}" is not a web address. Give the full address, starting with https://.`);
	}
	if (url.length > MAX_URL_LENGTH) {
		throw new CardTextError(
			`The verification address is ${url.length} characters long; its QR code would be too dense to scan. Use an address of at most ${MAX_URL_LENGTH} characters.`
		);
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
		throw new CardTextError(`The completion date "${input.date}" is not a date. Write it as year-month-day, like 2026-11-23.`);
	}
	const issuer = cleanText(input.issuer);
	if (issuer === '') throw new CardTextError('The certificate has no issuer. Name the institution or site that issues it.');
	return {
		...input,
		name: cleanName(input.name),
		track: cleanText(input.track),
		title: input.title ? cleanText(input.title) : undefined,
		curriculum: cleanText(input.curriculum),
		issuer,
		modules: input.modules.map((module) => ({ title: cleanText(module.title), version: cleanText(module.version) })),
		url,
		...(input.strings ? { strings: Object.fromEntries(Object.entries(input.strings).map(([key, text]) => [key, cleanText(text)])) as unknown as CertificateStrings } : {}),
	};
}


function design(input: CertificateInput, fields: Record<'heading' | 'name' | 'track', FitField>, sizes: Record<string, FieldSize>): CardNode {
	const words = input.strings ?? ENGLISH_CERTIFICATE;
	const centred = { textAlign: 'center' };
	const fitted = (key: 'heading' | 'name' | 'track', style: Record<string, string | number>) => fittedText(fields[key], sizes[key]!, { ...centred, ...style });
	const top = keyed(
		'top',
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 14, width: CONTENT_WIDTH, height: 540 },
			line({ fontSize: 30, fontWeight: 700, color: PALETTE.accent, letterSpacing: 1, maxWidth: CONTENT_WIDTH }, input.curriculum),
			fitted('heading', { color: PALETTE.ink, marginBottom: 18 }),
			line({ fontSize: 26, color: PALETTE.muted }, words.certifies),
			fitted('name', { fontWeight: 700, color: PALETTE.ink }),
			line({ fontSize: 26, color: PALETTE.muted }, words.completedTrack),
			fitted('track', { fontWeight: 700, color: PALETTE.accent })
		)
	);
	// Two frames behind the content, each a filled rectangle with paper inside it: satori draws a
	// CSS border with a clip path, which makes resvg many times slower.
	const rectangle = (inset: number, background: string) =>
		h('div', { display: 'flex', position: 'absolute', top: inset, left: inset, right: inset, bottom: inset, background });
	return h(
		'div',
		{ display: 'flex', width: WIDTH, height: HEIGHT, background: PALETTE.paper, color: PALETTE.ink },
		rectangle(40, PALETTE.accent),
		rectangle(43, PALETTE.paper),
		rectangle(53, PALETTE.rule),
		rectangle(54, PALETTE.paper),
		h(
			'div',
			{
				display: 'flex',
				flexDirection: 'column',
				alignItems: 'center',
				position: 'absolute',
				top: (HEIGHT - 1020) / 2,
				left: (WIDTH - CONTENT_WIDTH) / 2,
				width: CONTENT_WIDTH,
			},
			top,
			keyed('modules', modules(input.modules, words)),
			keyed('footer', footer(input))
		)
	);
}

/** A row of the module list: 21 px type at a line height of 1.3, 4 px apart. */
const ROW = { height: 21 * 1.3, gap: 4 };

function modules(list: CertificateInput['modules'], words: CertificateStrings): CardNode {
	const shown = list.length > MAX_LISTED ? list.slice(0, MAX_LISTED - 1) : list;
	const rows: CardNode[] = shown.map((module) =>
		h(
			'div',
			{ display: 'flex', justifyContent: 'space-between', gap: 16, width: 680, fontSize: 21, lineHeight: 1.3 },
			line({ flexShrink: 1, color: PALETTE.ink }, listedTitle(module.title)),
			line({ flexShrink: 0, color: PALETTE.muted }, fill(words.version, { version: module.version }))
		)
	);
	if (shown.length < list.length)
		rows.push(line({ width: 680, fontSize: 21, lineHeight: 1.3, color: PALETTE.muted }, fill(words.more, { count: list.length - shown.length })));
	// The column is as tall as the rows of the first one: seven modules are four and three, not six and one.
	const tall = rowsPerColumn(rows.length);
	const height = tall * ROW.height + (tall - 1) * ROW.gap + 6;
	return h(
		'div',
		{ display: 'flex', flexDirection: 'column', width: CONTENT_WIDTH, height: 250, gap: 10 },
		h('div', { display: 'flex', height: 1, marginBottom: 8, background: PALETTE.rule }),
		line({ fontSize: 20, fontWeight: 700, color: PALETTE.muted, letterSpacing: 1 }, words.modules),
		h('div', { display: 'flex', flexDirection: 'column', flexWrap: 'wrap', columnGap: 60, rowGap: ROW.gap, height, alignContent: 'flex-start' }, ...rows)
	);
}

/** Rows in the first of the list's two columns: all of a short list, half of a longer one, six at most. */
function rowsPerColumn(rows: number): number {
	return Math.max(1, rows <= 3 ? rows : Math.min(6, Math.ceil(rows / 2)));
}

/**
 * A module's title as the one-line list prints it: without the subtitle after a colon or a dash,
 * which would otherwise be cut off mid-word ("Audience research: where your audience is and who
 * actually engages" is "Audience research").
 */
function listedTitle(title: string): string {
	const head = title.split(/: | [—–] /)[0]!.trim();
	return head.length >= 3 ? head : title;
}

function footer(input: CertificateInput): CardNode {
	const words = input.strings ?? ENGLISH_CERTIFICATE;
	const qr = qrCode(input.url, { dark: PALETTE.ink, light: PALETTE.paper });
	const label = input.verified ? fill(words.verifiedBy, { issuer: input.issuer }) : words.selfAssessed;
	const note = input.verified ? words.verifiedNote : words.selfNote;
	return h(
		'div',
		{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', width: CONTENT_WIDTH, height: 230, gap: FOOTER_GAP },
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', gap: 12, flexShrink: 1, minWidth: 0, fontSize: FOOTER.fontSize },
			line({ color: PALETTE.ink }, fill(words.completedOn, { date: formatDate(input.date, input.locale) })),
			line({ color: PALETTE.ink }, fill(input.verified ? words.issuedBy : words.offeredBy, { issuer: input.issuer })),
			h(
				'div',
				{ display: 'flex' },
				line(
					{ padding: '8px 18px', borderRadius: 8, fontWeight: 700, maxWidth: FOOTER.labelRoom, color: PALETTE.paper, background: input.verified ? '#1d6b3a' : '#8a4b08' },
					label
				)
			),
			h('div', { display: 'block', maxWidth: 900, fontSize: 19, lineHeight: 1.35, color: PALETTE.muted }, note)
		),
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8, flexShrink: 0, width: QR_COLUMN },
			{ type: 'img', props: { src: qr.uri, width: QR_SIZE, height: QR_SIZE, style: { width: QR_SIZE, height: QR_SIZE } } },
			h(
				'div',
				{ display: 'block', width: QR_COLUMN, fontSize: 16, lineHeight: 1.3, color: PALETTE.muted, textAlign: 'center', overflowWrap: 'anywhere', lineClamp: 3 },
				input.url.replace(/^https?:\/\//i, '')
			)
		)
	);
}
