import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import childProcesses, { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import satori from 'satori';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { certificateAssetFiles, emojiPacks } from '../src/lib/cards/browser-assets.ts';
import { emojiPack } from '../src/lib/cards/browser-paths.ts';
import { startShareCards, writeShareCards } from '../src/lib/cards/build-step.ts';
import { certificateSvg, renderCertificate, type CertificateInput } from '../src/lib/cards/certificate.ts';
import { regularCertificateText } from '../src/lib/cards/certificate-words.ts';
import { catalogue, FAMILIES, planFonts } from '../src/lib/cards/fonts.ts';
import { nodeAssets, nodeEnvironment } from '../src/lib/cards/node.ts';
import { cardHref, cardMeta, shareCardJobs } from '../src/lib/cards/pages.ts';
import { CARDS_AHEAD, drawShareCards } from '../src/lib/cards/pool.ts';
import { h, plannedFonts, toSvg, type Box } from '../src/lib/cards/render.ts';
import { renderShareCard, shareCardSvg, type ShareCardInput } from '../src/lib/cards/share-card.ts';
import { drawnCards, drawShareCard, inkRows } from '../src/lib/cards/share-card-draw.ts';
import { CardTextError, cleanName, cleanText, graphemes } from '../src/lib/cards/text.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { fixtureContent, ROOT, TMP, watchAllocatorSettings } from './utils.ts';

const CERTIFICATE: CertificateInput = {
	name: 'Ada Lovelace',
	track: 'Brewing basics',
	title: 'Tea Brewing',
	curriculum: 'Tea School',
	date: '2026-11-23',
	modules: [
		{ title: 'Water temperature', version: '1.2.0' },
		{ title: 'Steeping time', version: '2.0.1' },
	],
	issuer: 'Tea School',
	verified: false,
	url: 'https://tea.example.org/tracks/brewing-basics/',
};

const SHARE: ShareCardInput = {
	curriculum: 'Tea School',
	kind: 'Module',
	title: 'Water temperature',
	track: 'Brewing basics',
	level: 'Foundation',
	version: '1.2.0',
	site: 'tea.example.org',
};

/** Width and height from a PNG's IHDR chunk, read here rather than with the code under test. */
function ihdr(png: Uint8Array): { width: number; height: number } {
	const bytes = Buffer.from(png);
	expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RGBA pixels of an SVG, drawn with resvg. */
function pixels(svg: string) {
	const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	return { data: image.pixels, width: image.width, height: image.height };
}

/** The smallest rectangle holding every pixel that differs between two drawings of the same size. */
function changedArea(a: string, b: string): Box | undefined {
	const one = pixels(a);
	const two = pixels(b);
	let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
	for (let y = 0; y < one.height; y++) {
		for (let x = 0; x < one.width; x++) {
			const i = (y * one.width + x) * 4;
			if (one.data[i] !== two.data[i] || one.data[i + 1] !== two.data[i + 1] || one.data[i + 2] !== two.data[i + 2]) {
				[left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
			}
		}
	}
	return right < 0 ? undefined : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

function expectInside(inner: Box, outer: Box) {
	expect(inner.left).toBeGreaterThanOrEqual(outer.left);
	expect(inner.top).toBeGreaterThanOrEqual(outer.top);
	expect(inner.left + inner.width).toBeLessThanOrEqual(outer.left + outer.width);
	expect(inner.top + inner.height).toBeLessThanOrEqual(outer.top + outer.height);
}

describe('image sizes', () => {
	test('a share card is a 1200×630 PNG', async () => {
		expect(ihdr(await renderShareCard(SHARE, nodeEnvironment))).toEqual({ width: 1200, height: 630 });
	});

	test('a certificate is 1754×1240 for screens and 3508×2480 for print', async () => {
		expect(ihdr(await renderCertificate(CERTIFICATE, nodeEnvironment))).toEqual({ width: 1754, height: 1240 });
		expect(ihdr(await renderCertificate(CERTIFICATE, nodeEnvironment, 'print'))).toEqual({ width: 3508, height: 2480 });
	});
});

/** Names in every script a learner may write theirs in. */
const NAMES: Record<string, string> = {
	'Latin with diacritics': 'Zoë Ångström-Łukasiewicz Nguyễn Thị Ánh Çelik',
	Cyrillic: 'Дмитрий Шостакович',
	Greek: 'Αλέξανδρος Παπαδόπουλος',
	Arabic: 'محمد بن عبد الله',
	Hebrew: 'שרה לוי',
	Devanagari: 'अनुष्का क्षत्रिय',
	Chinese: '王小明',
	Japanese: 'やまだ たろう 山田太郎',
	Korean: '김민준',
	Thai: 'สมชาย ใจดี',
	Armenian: 'Անի Ժամկոչյան',
	Georgian: 'ნინო ბერიძე',
	Ethiopic: 'ሀይለ ሥላሴ',
	Bengali: 'অমিত দাস',
	Gurmukhi: 'ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ',
	Gujarati: 'રાજેશ પટેલ',
	Tamil: 'கார்த்திக் செல்வம்',
	Telugu: 'శ్రీనివాస్ రెడ్డి',
	Kannada: 'ಕೃಷ್ಣ ಮೂರ್ತಿ',
	Malayalam: 'ശ്രീകുമാർ നായർ',
	Sinhala: 'සෙනෙවි පෙරේරා',
	Khmer: 'សុខ ស្រីពៅ',
	Emoji: 'Sam 🌱 👩🏽‍💻 🇧🇷',
};

/** The fonts and emoji pictures the planner chooses for a text, as satori options. */
async function assetsFor(text: string) {
	const tables = new Map(await Promise.all(FAMILIES.map(async (family) => [family.id, await nodeAssets.unicodeTable(family.package)] as const)));
	const plan = planFonts(text, catalogue(tables));
	const fonts = await Promise.all(
		plan.files.map(async (file) => ({
			name: `${file.family}/${file.subset}`,
			data: Buffer.from(await nodeAssets.font(file.path)),
			weight: file.weight,
			style: 'normal' as const,
		}))
	);
	return { fonts, plan };
}

/** One piece of text drawn alone by satori, with no way to load anything it lacks. */
const drawAlone = (text: string, fonts: Awaited<ReturnType<typeof assetsFor>>['fonts']) =>
	satori({ type: 'div', props: { style: { display: 'flex', fontSize: 48 }, children: text } }, { width: 200, height: 80, fonts });

describe('the emoji pictures a built site ships for certificates drawn in the browser', () => {
	test('are every Twemoji picture, byte for byte, each in the pack its name leads to, in a fifth of the bytes', () => {
		const dir = join(ROOT, 'node_modules', '@twemoji', 'svg');
		const files = readdirSync(dir).filter((file) => /^[0-9a-f-]+\.svg$/.test(file));
		let bytes = 0;
		let packed = 0;
		const seen = new Set<string>();
		for (const [pack, gzipped] of emojiPacks()) {
			packed += gzipped.length;
			for (const [file, svg] of Object.entries(JSON.parse(gunzipSync(gzipped).toString('utf8')) as Record<string, string>)) {
				expect(emojiPack(file), file).toBe(pack);
				expect(svg, file).toBe(readFileSync(join(dir, file), 'utf8'));
				bytes += Buffer.byteLength(svg);
				seen.add(file);
			}
		}
		expect([...seen].sort()).toEqual(files.sort());
		expect(emojiPack('1f331.svg')).toBe('7cc');
		expect(packed).toBeLessThan(bytes / 5);
	});
});

describe('the font files a built site ships for certificates drawn in the browser', () => {
	test('hold every file a name in any script asks for, and leave out what no name can use', async () => {
		const shipped = new Set(certificateAssetFiles().map(([pkg, file]) => `${pkg}/${file}`));
		for (const name of [...Object.values(NAMES), CERTIFICATE.track, 'Ĳsbrand Œuvre ŉ', 'Ｆｕｌｌ ｗｉｄｔｈ ①']) {
			for (const file of (await assetsFor(name)).plan.files) expect(shipped, `${name}: ${file.path}`).toContain(file.path);
		}
		// Each CJK package also holds one whole-script file of about a megabyte per weight, and Latin
		// subsets that Noto Sans always draws first: no plan can ask for them.
		expect(shipped).not.toContain('@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-400-normal.woff2');
		expect(shipped).not.toContain('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-700-normal.woff2');
		expect(shipped).toContain('@fontsource/noto-sans-jp/files/noto-sans-jp-119-700-normal.woff2');
		for (const path of shipped) expect(existsSync(join(ROOT, 'node_modules', path)), path).toBe(true);
	});
});

describe('a name drawn in bold alone', () => {
	const NAME = 'やまだ たろう 山田太郎';
	const tree = (name: string) =>
		h(
			'div',
			{ display: 'flex', flexDirection: 'column', fontSize: 48 },
			h('div', { display: 'flex', fontWeight: 700 }, name),
			h('div', { display: 'flex', fontWeight: 400 }, 'has completed 茶道')
		);
	const texts = { name: NAME, words: 'has completed 茶道' };

	test('loads no regular-weight file for the characters only the name has', async () => {
		const families = catalogue(new Map(await Promise.all(FAMILIES.map(async (family) => [family.id, await nodeAssets.unicodeTable(family.package)] as const))));
		const all = plannedFonts(texts, families).files;
		const bold = plannedFonts(texts, families, ['name']).files;
		// The kana of the name: in bold alone; 茶道, in the regular text, at both weights; the name's
		// ideographs 山田太郎 share no slice with 茶道, so they too are bold alone.
		const kana = all.find((file) => file.weight === 400 && file.family === 'noto-sans-jp' && !bold.some((kept) => kept.path === file.path));
		expect(kana, 'a regular-weight kana file left out').toBeDefined();
		expect(bold.filter((file) => file.weight === 700).map((file) => file.path)).toEqual(all.filter((file) => file.weight === 700).map((file) => file.path));
		for (const character of '茶道') {
			const home = planFonts(character, families, NAME).files.map((file) => file.path);
			for (const path of home) expect(bold.map((file) => file.path), `${character}: ${path}`).toContain(path);
		}
		expect(bold.length).toBeLessThan(all.length);
	});

	test('draws the same picture as with both weights of every file', async () => {
		const options = { width: 900, height: 200, texts, assets: nodeAssets };
		const both = await toSvg(tree(NAME), options);
		expect(await toSvg(tree(NAME), { ...options, boldOnly: ['name'] })).toBe(both);
		// Drawn in regular weight, the name would need the files left out: its glyphs differ.
		const regular = h('div', { display: 'flex', fontSize: 48 }, NAME);
		expect(await toSvg(regular, { ...options, boldOnly: ['name'] })).not.toBe(await toSvg(regular, options));
	});
});

describe('the regular-weight fonts a site ships for its certificates', () => {
	const words = (title: string) => regularCertificateText({ ...CERTIFICATE, track: title, title });
	/** Node's assets, restricted to what a site with these words ships. */
	const shippedAssets = (regular: string) => {
		const shipped = new Set(certificateAssetFiles(regular).map(([pkg, file]) => `${pkg}/${file}`));
		return {
			shipped,
			assets: {
				...nodeAssets,
				font: (path: string) => (shipped.has(path) ? nodeAssets.font(path) : Promise.reject(new Error(`not shipped: ${path}`))),
			},
		};
	};

	test('draw a certificate for a name in every script, though no regular CJK file ships for Latin words', async () => {
		const { shipped, assets } = shippedAssets(words(CERTIFICATE.track));
		expect(shipped).toContain('@fontsource/noto-sans-jp/files/noto-sans-jp-119-700-normal.woff2');
		expect(shipped).not.toContain('@fontsource/noto-sans-jp/files/noto-sans-jp-119-400-normal.woff2');
		expect([...shipped].filter((path) => /noto-sans-(sc|jp|kr)-\d+-400-/.test(path))).toEqual([]);
		for (const name of Object.values(NAMES)) {
			const { svg } = await certificateSvg({ ...CERTIFICATE, name }, assets);
			expect(svg, name).toContain('<path');
		}
		// On another day and at other versions, with the words of the same site.
		await certificateSvg({ ...CERTIFICATE, name: '김민준', date: '2027-02-09', modules: [{ title: 'Water temperature', version: '10.4.3' }] }, assets);
	});

	test('follow the words: a title in Chinese ships its regular slices for every order a name can bring', async () => {
		const title = '茶艺基础';
		const { shipped, assets } = shippedAssets(words(title));
		expect([...shipped].filter((path) => /noto-sans-(sc|jp|kr)-\d+-400-/.test(path)).length).toBeGreaterThan(0);
		for (const name of ['王小明', 'やまだ たろう', '김민준', 'Ada']) {
			const { svg } = await certificateSvg({ ...CERTIFICATE, track: title, title, name }, assets);
			expect(svg, name).toContain('<path');
		}
		// Without those words, the Chinese title cannot be drawn from what ships.
		await expect(certificateSvg({ ...CERTIFICATE, track: title, title, name: 'Ada' }, shippedAssets(words(CERTIFICATE.track)).assets)).rejects.toThrow(/not shipped/);
	});

	test('cover the date in the certificate’s language on any day', async () => {
		const { assets } = shippedAssets(regularCertificateText({ ...CERTIFICATE, locale: 'ja' }));
		for (const date of ['2026-01-01', '2027-12-31', '2031-06-17']) await certificateSvg({ ...CERTIFICATE, locale: 'ja', date }, assets);
	});
});

describe('names in every script', () => {
	for (const [script, name] of Object.entries(NAMES)) {
		test(`${script}: ${name} is drawn with real glyphs`, async () => {
			// The certificate draws: satori found a glyph for every character, or the renderer refuses.
			const { svg } = await certificateSvg({ ...CERTIFICATE, name }, nodeAssets);
			expect(svg).toContain('<path');

			// Each character, drawn alone, differs from the empty box satori draws for a character no
			// font has (U+E000, private use): a missing glyph would be drawn exactly as that box.
			const { fonts, plan } = await assetsFor(name);
			expect(plan.missing).toEqual([]);
			const box = await drawAlone('\uE000', fonts);
			const characters = graphemes(name)
				.filter((grapheme) => !plan.emoji.includes(grapheme))
				.flatMap((grapheme) => Array.from(grapheme))
				.filter((character) => !/[\s\p{Default_Ignorable_Code_Point}]/u.test(character));
			expect(characters.length).toBeGreaterThan(0);
			for (const character of characters) {
				expect(await drawAlone(character, fonts), `"${character}" is drawn as an empty box`).not.toBe(box);
			}
			// Emoji are pictures from Twemoji, embedded in the SVG.
			if (plan.emoji.length > 0) expect(svg.match(/<image/g)?.length).toBeGreaterThanOrEqual(plan.emoji.length);
		});
	}

	test('Arabic letters are joined, not drawn one by one', async () => {
		const { fonts } = await assetsFor('محمد');
		// A zero-width non-joiner between letters forbids joining: shaped text must look different.
		expect(await drawAlone('محمد', fonts)).not.toBe(await drawAlone('م\u200Cح\u200Cم\u200Cد', fonts));
	});

	test('a name in a script no bundled font covers is refused, not drawn as boxes, with a problem a page can word', async () => {
		// Burmese is left out on purpose (fonts.ts): satori draws its medial ra over the next line.
		const attempt = certificateSvg({ ...CERTIFICATE, name: 'မြန်မာ' }, nodeAssets);
		await expect(attempt).rejects.toThrow(CardTextError);
		await expect(attempt).rejects.toThrow(/The learner's name has characters that no bundled font can draw: "မ" \(U\+1019\)/);
		await expect(attempt).rejects.toMatchObject({ problem: { key: 'nameUnsupported', values: { characters: expect.stringContaining('“မ”') } } });
	});

	test('only the font subsets a name needs are loaded', async () => {
		const latin = (await assetsFor('Zoë')).plan.files.map((file) => file.path);
		expect(latin).toEqual(['@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2', '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2']);
		// Kana make Han ideographs Japanese; without kana they are drawn as Chinese.
		const japanese = (await assetsFor('山田たろう')).plan.files.map((file) => file.family);
		expect(new Set(japanese)).toEqual(new Set(['noto-sans-jp']));
		const chinese = (await assetsFor('王小明')).plan.files.map((file) => file.family);
		expect(new Set(chinese)).toEqual(new Set(['noto-sans-sc']));
	});
});

describe('cleaning names', () => {
	test('control and bidirectional override characters are removed', () => {
		// U+202E would draw "Eve" as "evE" after it; U+2066 to U+2069 isolate; U+200B hides a break.
		expect(cleanName('\u202EAda\u202C Love\u200Blace\u0007')).toBe('Ada Lovelace');
		expect(cleanName('\u2067Ada\u2069\u200F Lovelace')).toBe('Ada Lovelace');
		expect(cleanName('Ada\n\tLovelace  ')).toBe('Ada Lovelace');
	});

	test('joiners that scripts and emoji need are kept', () => {
		expect(cleanText('👩🏽‍💻')).toBe('👩🏽‍💻');
		expect(cleanText('می‌خواهم')).toBe('می‌خواهم');
	});

	test('a certificate with an override character looks exactly like one without', async () => {
		const plain = await certificateSvg(CERTIFICATE, nodeAssets);
		const tricked = await certificateSvg({ ...CERTIFICATE, name: 'Ada \u202ELovelace\u202C' }, nodeAssets);
		expect(tricked.svg).toBe(plain.svg);
	});

	test('an empty name is refused with a message that says what to do', async () => {
		for (const name of ['', '   ', '\u200B\u202E\u2066']) {
			expect(() => cleanName(name)).toThrow('The name is empty. Type the name to print on the certificate, as you want it to appear.');
			await expect(renderCertificate({ ...CERTIFICATE, name }, nodeEnvironment)).rejects.toThrow(CardTextError);
		}
	});

	test('a name longer than a certificate holds is refused', () => {
		expect(() => cleanName('A'.repeat(81))).toThrow('The name is 81 characters long, and a certificate holds at most 80.');
	});
});

describe('long text stays inside', () => {
	const INNER_FRAME: Box = { left: 55, top: 55, width: 1754 - 110, height: 1240 - 110 };

	for (const [label, name] of [
		['words', 'Maximiliana Wilhelmina Konstantinopolitanische Donaudampfschifffahrt Ölçer-Brontë'.slice(0, 80)],
		['one unbroken word', 'W'.repeat(80)],
		['ideographs', '山'.repeat(80)],
	]) {
		test(`a long name (${label}) shrinks and changes nothing outside its part of the certificate`, async () => {
			const short = await certificateSvg(CERTIFICATE, nodeAssets);
			const long = await certificateSvg({ ...CERTIFICATE, name: name! }, nodeAssets);
			expect(long.sizes.name).toBeLessThan(short.sizes.name!);
			const name_ = long.boxes.get('name')!;
			expect(name_.height).toBeLessThanOrEqual(200);
			const top = short.boxes.get('top')!;
			const changed = changedArea(short.svg, long.svg)!;
			expectInside(changed, top);
			expectInside(changed, INNER_FRAME);
		});
	}

	test('a very long title is cut short on the share card, clear of the header and footer', async () => {
		const title = 'Steeping green tea at exactly the right temperature for every leaf grade '.repeat(6);
		const short = await shareCardSvg(SHARE, nodeAssets);
		const long = await shareCardSvg({ ...SHARE, title }, nodeAssets);
		expect(long.clamped).toEqual(['title']);
		const header = short.boxes.get('header')!;
		const footer = short.boxes.get('footer')!;
		const changed = changedArea(short.svg, long.svg)!;
		expect(changed.top).toBeGreaterThan(header.top + header.height);
		expect(changed.top + changed.height).toBeLessThan(footer.top);
		expect(changed.left).toBeGreaterThanOrEqual(header.left);
		expect(changed.left + changed.width).toBeLessThanOrEqual(footer.left + footer.width);
	});
});

describe('share cards drawn in parts, as the build draws them', () => {
	// Each differs from the one before in its header, its footer or both, and some share them with an
	// earlier card, so that kept parts are both reused and passed over.
	const cards: ShareCardInput[] = [
		SHARE,
		{ ...SHARE, title: 'Steeping time' },
		{ ...SHARE, title: 'Steeping green tea at exactly the right temperature for every leaf grade '.repeat(6) },
		{ ...SHARE, level: 'Expert', version: '2.0.1', title: 'Cold brew, from leaf to glass, with the times that work and why' },
		{ ...SHARE, track: undefined, site: undefined, title: 'A module in no track' },
		{ ...SHARE, track: 'Ein sehr langer Trackname über Kurzvideos und Reels auf allen Plattformen zugleich', title: 'Kurz' },
		{ ...SHARE, kind: 'Track', level: undefined, version: undefined, facts: ['6 modules'], title: 'Brewing basics' },
		{ ...SHARE, kind: 'Platform update', level: undefined, version: undefined, facts: ['2026-11-23'], title: 'Reels can now run three minutes' },
		{ ...SHARE, title: 'ما الذي يجعل المنشور يصل إلى جمهوره' },
		{ ...SHARE, title: 'Emoji in a title 🌱 and a family 👩🏽‍💻', track: 'Brewing 🎉 basics' },
		// A header in Han characters is drawn with the Japanese font beside kana, the Korean beside
		// Hangul and the Chinese otherwise: the same header, kept for one card, is not the other's.
		{ ...SHARE, curriculum: '茶道学校', title: 'お茶のいれかた' },
		{ ...SHARE, curriculum: '茶道学校', title: '차 우리는 법' },
		{ ...SHARE, curriculum: '茶道学校', title: '泡茶的方法' },
		// Drawn from the row above its ink, a picture in this title came out one pixel different.
		{ ...SHARE, title: '“quoted” 👩🏽‍💻 that المنشور Ελληνικά', track: 'W 🎉 짧은 हिन्दी ไทย שלום Ångström' },
	];

	test('a card drawn in parts is the very image drawn whole, in any script and at any length', async () => {
		const before = { ...drawnCards };
		for (const input of cards) {
			const parts = Buffer.from(await drawShareCard(input));
			const whole = Buffer.from(await renderShareCard(input, nodeEnvironment));
			expect(parts.equals(whole), `the card titled "${input.title}"`).toBe(true);
		}
		// Every one of them in parts: none needed the whole card drawn instead.
		expect(drawnCards.inParts - before.inParts).toBe(cards.length);
		expect(drawnCards.whole).toBe(before.whole);
	});

	test('a title is drawn in the rows its glyphs, boxes and pictures cover, and anything else is not cut', () => {
		const card = (inner: string) =>
			`<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="1200" height="630" fill="#fbfaf7"/><rect x="0" y="0" width="16" height="630" fill="#1f5f8b"/>${inner}</svg>`;
		const glyph = '<path fill="#15202b" d="M80 250.4L90 260Q95 301.6 100 270C81 252 83 254 85 255Z"/>';
		expect(inkRows(card(`<g>${glyph}</g>`))).toEqual({ top: 248, bottom: 305 });
		expect(inkRows(card(`${glyph}<rect x="80" y="400" width="10" height="2" fill="#c9d3dc"/>`))).toEqual({ top: 248, bottom: 405 });
		// A picture is drawn from the top: moved by whole rows, its pixels were not always the same.
		expect(inkRows(card(`${glyph}<image href="data:image/svg+xml;charset=utf-8,x" x="1" y="300" width="10" height="12"/>`))?.top).toBe(0);
		for (const other of [
			`<g transform="translate(0 200)">${glyph}</g>`,
			`<g clip-path="url(#a)">${glyph}</g>`,
			'<path fill="#15202b" d="M80 250 A 5 5 0 0 1 90 260"/>',
			'<path fill="#15202b" stroke="#000" d="M80 250L90 260"/>',
			'<text x="80" y="250">Tea</text>',
			'<image href="https://example.org/a.png" x="1" y="300" width="10" height="12" transform="scale(2)"/>',
		]) {
			expect(inkRows(card(other)), other).toBeUndefined();
		}
	});
});

describe('certificate content', () => {
	test('the QR code reads back as the verification address', async () => {
		const url = 'https://tea.example.org/verify/#c=8f14e45fceea167a5a36dedd4bea2543';
		const { svg } = await certificateSvg({ ...CERTIFICATE, url }, nodeAssets);
		const image = pixels(svg);
		expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(url);
	});

	test('the label says whether the certificate is self-assessed or verified, and by whom', async () => {
		const self = await certificateSvg(CERTIFICATE, nodeAssets);
		const verified = await certificateSvg({ ...CERTIFICATE, verified: true, issuer: 'Kyoto Tea Institute' }, nodeAssets);
		// The two differ only in the footer, where the label and the issuer are.
		const footer = self.boxes.get('footer')!;
		expectInside(changedArea(self.svg, verified.svg)!, footer);
	});

	test('the module list fills two even columns, and prints each title without its subtitle', async () => {
		const seven = Array.from({ length: 7 }, (_, i) => ({ title: `Module ${i + 1}: a subtitle long enough to be cut off mid-word on one line`, version: '1.0.0' }));
		const drawn = await certificateSvg({ ...CERTIFICATE, modules: seven }, nodeAssets);
		const list = drawn.boxes.get('modules')!;
		// Seven modules are four and three: the fifth heads the second column, in the list's right half.
		const fifth = seven.map((module, i) => (i === 4 ? { ...module, title: 'Fifth, renamed' } : module));
		const moved = changedArea(drawn.svg, (await certificateSvg({ ...CERTIFICATE, modules: fifth }, nodeAssets)).svg)!;
		expectInside(moved, list);
		expect(moved.left).toBeGreaterThan(list.left + list.width / 2);
		// A subtitle is not printed, so another one changes nothing.
		const other = seven.map((module) => ({ ...module, title: module.title.replace('a subtitle', 'another subtitle') }));
		expect(changedArea(drawn.svg, (await certificateSvg({ ...CERTIFICATE, modules: other }, nodeAssets)).svg)).toBeUndefined();
	});

	test('a wrong date or verification address is refused with the fix', async () => {
		await expect(certificateSvg({ ...CERTIFICATE, date: '23/11/2026' }, nodeAssets)).rejects.toThrow('Write it as year-month-day, like 2026-11-23.');
		await expect(certificateSvg({ ...CERTIFICATE, url: 'tea.example.org/verify' }, nodeAssets)).rejects.toThrow('starting with https://');
	});
});

describe('the build step', () => {
	let scratch = '';
	beforeAll(() => {
		mkdirSync(TMP, { recursive: true });
		scratch = mkdtempSync(join(TMP, 'cards-'));
	});
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));
	const curriculum = loadCurriculum(fixtureContent('valid-course'), ROOT);
	const logs: string[] = [];
	const logger = { info: (message: string) => logs.push(message), warn: (message: string) => logs.push(message) };

	test('every module, track and update page gets a card, and a second build reuses them all', async () => {
		const jobs = shareCardJobs(curriculum);
		expect(jobs.length).toBe(curriculum.modules.length + curriculum.archives.length + curriculum.tracks.length + curriculum.updates.length);
		const options = { dir: join(scratch, 'dist'), curriculum, logger, cacheDir: join(scratch, 'cache'), env: {}, cores: 1 };

		const first = await writeShareCards(options);
		expect(first).toEqual({ rendered: jobs.length, reused: 0, skipped: false });
		for (const job of jobs) expect(ihdr(readFileSync(join(scratch, 'dist', job.file)))).toEqual({ width: 1200, height: 630 });

		rmSync(join(scratch, 'dist'), { recursive: true });
		const second = await writeShareCards(options);
		expect(second).toEqual({ rendered: 0, reused: jobs.length, skipped: false });
		expect(logs.at(-1)).toMatch(new RegExp(`^Share cards: rendered 0, reused ${jobs.length}; written in \\d+ ms\\.$`));
		for (const job of jobs) expect(existsSync(join(scratch, 'dist', job.file))).toBe(true);

		// A changed title draws that one card again.
		const renamed = {
			...curriculum,
			modules: curriculum.modules.map((module, i) => (i === 0 ? { ...module, data: { ...module.data, title: 'A new title' } } : module)),
		};
		expect(await writeShareCards({ ...options, curriculum: renamed })).toEqual({ rendered: 1, reused: jobs.length - 1, skipped: false });
	});

	test('pages point social networks at their card by its full address', () => {
		const meta = cardMeta(cardHref.module('water-temperature'), 'https://tea.example.org', 'Water temperature', false);
		const content = (key: string) => meta.find((tag) => tag.attrs.property === key || tag.attrs.name === key)?.attrs.content;
		expect(content('og:image')).toBe('https://tea.example.org/cards/modules/water-temperature.png');
		expect(content('twitter:card')).toBe('summary_large_image');
		expect(content('twitter:image')).toBe(content('og:image'));
		// A module's card is where the build step writes it.
		expect(shareCardJobs(curriculum).map((job) => `/${job.file}`)).toContain(cardHref.module(curriculum.modules[0]!.id));
		expect(cardMeta(cardHref.track('brewing'), 'https://tea.example.org', 'Brewing', true)).toEqual([]);
	});

	test('a page whose card cannot be drawn stops the build, naming the file and the characters', async () => {
		const broken = { ...curriculum, modules: curriculum.modules.map((module, i) => (i === 0 ? { ...module, data: { ...module.data, title: 'လက်' } } : module)) };
		const attempt = writeShareCards({ dir: join(scratch, 'broken'), curriculum: broken, logger, cacheDir: join(scratch, 'cache-broken'), env: {}, cores: 1 });
		await expect(attempt).rejects.toThrow(
			`The share cards of 1 page could not be drawn:\n  ${curriculum.modules[0]!.file}: The title has characters that no bundled font can draw: "လ" (U+101C), "က" (U+1000), "်" (U+103A).`
		);
	});

	test('cards started with the build are drawn before the output exists, and written, or refused, when the build is done', async () => {
		const dir = join(scratch, 'started-early');
		const started = startShareCards({ curriculum, logger, cacheDir: join(scratch, 'cache-early'), env: {}, cores: 1 });
		const broken = { ...curriculum, modules: curriculum.modules.map((module, i) => (i === 0 ? { ...module, data: { ...module.data, title: 'လက်' } } : module)) };
		const failing = startShareCards({ curriculum: broken, logger, cacheDir: join(scratch, 'cache-early-broken'), env: {}, cores: 1 });
		// The build bundles and renders meanwhile; nothing is written into its output yet.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(existsSync(dir)).toBe(false);
		expect(await started.finish(dir)).toEqual({ rendered: shareCardJobs(curriculum).length, reused: 0, skipped: false });
		for (const job of shareCardJobs(curriculum)) expect(existsSync(join(dir, job.file)), job.file).toBe(true);
		// The log tells the drawing, which ran beside the build, apart from the writing, which the build waited for.
		expect(logs.at(-1)).toMatch(new RegExp(`^Share cards: rendered ${shareCardJobs(curriculum).length}, reused 0 in 1 process, \\d+ ms beside the build; written in \\d+ ms\\.$`));
		// A card that cannot be drawn is reported when the build asks for the cards, not before.
		await expect(failing.finish(join(scratch, 'started-early-broken'))).rejects.toThrow('The share cards of 1 page could not be drawn');
	});

	test('CURRENTS_SKIP_CARDS=1 skips the step and says so', async () => {
		const dir = join(scratch, 'skipped');
		expect(await writeShareCards({ dir, curriculum, logger, cacheDir: join(scratch, 'cache'), env: { CURRENTS_SKIP_CARDS: '1' } })).toEqual({
			rendered: 0,
			reused: 0,
			skipped: true,
		});
		expect(existsSync(dir)).toBe(false);
		expect(logs.at(-1)).toContain('CURRENTS_SKIP_CARDS=1');
	});

	test('cards drawn grouped by their footer and header come back in the order asked, each the card of its page', async () => {
		const inputs: ShareCardInput[] = [
			{ ...SHARE, track: 'B', title: 'One' },
			{ ...SHARE, track: 'A', title: 'Two' },
			{ ...SHARE, track: 'B', level: 'Expert', title: 'Three' },
			{ ...SHARE, track: 'A', title: 'Four' },
			{ ...SHARE, track: 'B', title: 'Five' },
		];
		for (const drawn of [await drawShareCards(inputs, 1), await drawShareCards(inputs, 2, 2)]) {
			for (const [i, input] of inputs.entries()) {
				expect(Buffer.from(drawn.results[i]!.png!).equals(Buffer.from(await renderShareCard(input, nodeEnvironment))), input.title).toBe(true);
			}
		}
	});

	test('cards drawn in two processes are the same images as drawn in one', async () => {
		const inputs = shareCardJobs(curriculum)
			.slice(0, 4)
			.map((job) => job.input);
		const one = await drawShareCards(inputs, 1);
		const two = await drawShareCards(inputs, 2, 2);
		expect(two.processes).toBe(2);
		expect(two.results.map((result) => Buffer.from(result.png!).toString('base64'))).toEqual(
			one.results.map((result) => Buffer.from(result.png!).toString('base64'))
		);
	});

	test('a card process is sent the next cards before it answers, so it never waits for a busy build to send one', async () => {
		// Beside the build, the build's thread reads each answer only when rendering lets it; sent one
		// card per answer, the card process waited for it, and took 36 s to draw 19 s of cards.
		const input = shareCardJobs(curriculum)[0]!.input;
		const inputs = Array.from({ length: CARDS_AHEAD + 2 }, (_, i) => ({ ...input, title: `${input.title} ${i}` }));
		// Counts the cards the pool sends to the process it forks.
		const original = childProcesses.fork;
		const send = vi.fn<(child: number) => void>();
		let forked = 0;
		const fork = vi.spyOn(childProcesses, 'fork').mockImplementation(((...args: Parameters<typeof original>) => {
			const child = original(...args);
			const sendNow = child.send.bind(child);
			const index = forked++;
			child.send = ((...sent: Parameters<ChildProcess['send']>) => (send(index), sendNow(...sent))) as ChildProcess['send'];
			return child;
		}) as unknown as typeof original);
		syncBuiltinESMExports();
		try {
			const drawing = drawShareCards(inputs, 1, 1, true);
			// Before any answer can have been read: this thread has not let its event loop turn yet.
			expect(CARDS_AHEAD).toBeGreaterThan(1);
			expect(send).toHaveBeenCalledTimes(CARDS_AHEAD);
			const beside = await drawing;
			expect(send).toHaveBeenCalledTimes(inputs.length);
			// Each answer is still the card asked for, in its place.
			const here = await drawShareCards(inputs, 1);
			expect(beside.results.map((result) => Buffer.from(result.png!).toString('base64'))).toEqual(
				here.results.map((result) => Buffer.from(result.png!).toString('base64'))
			);
			// A few cards over two processes: each is sent its share, not one process all of them.
			send.mockClear();
			forked = 0;
			const two = drawShareCards(inputs.slice(0, 4), 2, 2);
			expect(send.mock.calls.map(([child]) => child)).toEqual([0, 0, 1, 1]);
			expect((await two).processes).toBe(2);
		} finally {
			fork.mockRestore();
			syncBuiltinESMExports();
		}
	});

	test('cards drawn one after another in this process do not each keep their pixels', async () => {
		// Forty cards in this process (one core, too few for a process of their own): each card's
		// 3 MB of pixels lives outside the heap until the event loop turns, and a loop that never let
		// it turn grew by about 280 MB here, and by about 50 MB when it turns.
		const input = shareCardJobs(curriculum)[0]!.input;
		const inputs = Array.from({ length: 40 }, (_, i) => ({ ...input, title: `${input.title} ${i}` }));
		await drawShareCards(inputs.slice(0, 2), 1);
		const before = process.memoryUsage.rss();
		const drawn = await drawShareCards(inputs, 1, 100);
		const grown = process.memoryUsage.rss() - before;
		expect(drawn.processes).toBe(1);
		expect(drawn.results.every((result) => result.png && result.png.length > 1000)).toBe(true);
		expect(grown).toBeLessThan(150e6);
	});

	test('the processes that draw cards have ended, and given their memory back, when the drawing returns', async () => {
		const inputs = shareCardJobs(curriculum)
			.slice(0, 4)
			.map((job) => job.input);
		const seen = new Set<string>();
		const watch = setInterval(() => cardProcesses().forEach((pid) => seen.add(pid)), 5);
		const drawn = await drawShareCards(inputs, 2, 2, true);
		clearInterval(watch);
		expect(drawn.results.every((result) => result.png && result.png.length > 1000)).toBe(true);
		expect(seen.size).toBe(2);
		expect(cardProcesses()).toEqual([]);
	});

	test('a card process keeps mimalloc\'s reuse of freed memory, which the build turns off for the bundler, and asks for large pages', async () => {
		const before = process.env.MIMALLOC_PURGE_DELAY;
		process.env.MIMALLOC_PURGE_DELAY = '0';
		const watch = watchAllocatorSettings(cardProcesses);
		let settings: Map<string, string[]>;
		try {
			await drawShareCards([shareCardJobs(curriculum)[0]!.input], 1, 1, true);
		} finally {
			settings = watch.stop();
			if (before === undefined) delete process.env.MIMALLOC_PURGE_DELAY;
			else process.env.MIMALLOC_PURGE_DELAY = before;
		}
		expect(settings.size).toBeGreaterThan(0);
		for (const mimalloc of settings.values()) expect(mimalloc).toEqual(['MIMALLOC_ALLOW_LARGE_OS_PAGES=1']);
	});

	test('a card process that dies stops the drawing with a message that says what to do', async () => {
		const inputs = Array.from({ length: 200 }, (_, i) => ({ ...shareCardJobs(curriculum)[0]!.input, title: `Card ${i}` }));
		const drawing = drawShareCards(inputs, 1, 1, true);
		// The moment the process appears, it is killed, as the kernel would kill it for memory.
		let killed = false;
		const watch = setInterval(() => {
			for (const pid of cardProcesses()) {
				process.kill(Number(pid), 'SIGKILL');
				killed = true;
			}
		}, 5);
		await expect(drawing).rejects.toThrow(/stopped before the last card \(signal SIGKILL\).*CURRENTS_SKIP_CARDS=1/s);
		clearInterval(watch);
		expect(killed).toBe(true);
		expect(cardProcesses()).toEqual([]);
	});
});

// Child processes of this one running the card worker, as Linux lists them.
function cardProcesses(): string[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((pid) => {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cards/worker.ts');
			} catch {
				return false; // ended meanwhile
			}
		});
}
