/**
 * Which font files a piece of text needs. The fonts are Noto families from `@fontsource/*` npm
 * packages, which split each font into subsets by Unicode range (CJK fonts into about a hundred
 * numbered slices): a card loads only the slices that hold its characters, so a Latin name costs
 * two small files and a Japanese one a few more, never a whole CJK font.
 *
 * Pure planning over the packages' `unicode.json` tables; reading the files is the caller's job
 * (Node reads them from `node_modules`, a browser would fetch them).
 */
import { codePointLabel, graphemes } from './text.ts';
import { isEmoji } from './emoji.ts';

/** Weights the designs use: regular text and bold titles. */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/** A font family from an `@fontsource` npm package. */
export interface FamilySpec {
	/** The package's font id, which starts every file name: `noto-sans-jp-12-400-normal.woff2`. */
	id: string;
	package: string;
}

/**
 * The families, in the order they are tried for a character. Noto Sans covers Latin (with
 * Vietnamese), Greek, Cyrillic and Devanagari itself. Each script here was drawn in names whose
 * letters are reordered or stacked (a vowel sign written before its consonant, conjuncts, Sinhala's
 * and Malayalam's ligatures, Khmer's subscripts) and looked at: satori shapes them as they should
 * be. Burmese is left out on purpose: satori draws its medial ra far too large, over the next line,
 * and a name drawn wrongly is worse than one refused. Chinese, Japanese and Korean fonts all hold
 * the Han ideographs, drawn differently in each; `familyOrder` puts the right one first.
 */
export const FAMILIES: readonly FamilySpec[] = [
	{ id: 'noto-sans', package: '@fontsource/noto-sans' },
	{ id: 'noto-sans-arabic', package: '@fontsource/noto-sans-arabic' },
	{ id: 'noto-sans-hebrew', package: '@fontsource/noto-sans-hebrew' },
	{ id: 'noto-sans-thai', package: '@fontsource/noto-sans-thai' },
	{ id: 'noto-sans-armenian', package: '@fontsource/noto-sans-armenian' },
	{ id: 'noto-sans-georgian', package: '@fontsource/noto-sans-georgian' },
	{ id: 'noto-sans-ethiopic', package: '@fontsource/noto-sans-ethiopic' },
	{ id: 'noto-sans-bengali', package: '@fontsource/noto-sans-bengali' },
	{ id: 'noto-sans-tamil', package: '@fontsource/noto-sans-tamil' },
	{ id: 'noto-sans-telugu', package: '@fontsource/noto-sans-telugu' },
	{ id: 'noto-sans-gujarati', package: '@fontsource/noto-sans-gujarati' },
	{ id: 'noto-sans-gurmukhi', package: '@fontsource/noto-sans-gurmukhi' },
	{ id: 'noto-sans-kannada', package: '@fontsource/noto-sans-kannada' },
	{ id: 'noto-sans-malayalam', package: '@fontsource/noto-sans-malayalam' },
	{ id: 'noto-sans-sinhala', package: '@fontsource/noto-sans-sinhala' },
	{ id: 'noto-sans-khmer', package: '@fontsource/noto-sans-khmer' },
	{ id: 'noto-sans-sc', package: '@fontsource/noto-sans-sc' },
	{ id: 'noto-sans-jp', package: '@fontsource/noto-sans-jp' },
	{ id: 'noto-sans-kr', package: '@fontsource/noto-sans-kr' },
];

/** A family's subsets with the code point ranges each holds, from its package's `unicode.json`. */
export interface CatalogueFamily extends FamilySpec {
	subsets: { name: string; ranges: [number, number][] }[];
}

/** One font file: a subset of a family at a weight. */
export interface FontFile {
	family: string;
	subset: string;
	weight: Weight;
	/** The file inside the npm package, such as `@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2`. */
	path: string;
}

export interface FontPlan {
	files: FontFile[];
	/** Emoji graphemes, drawn as pictures rather than from a font. */
	emoji: string[];
	/** Characters no font here can draw, each once. */
	missing: string[];
}

/** Parses a `unicode-range` list such as `U+0000-00FF,U+0131` into inclusive ranges. */
export function parseRanges(list: string): [number, number][] {
	return list.split(',').flatMap((part) => {
		const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
		if (!match) return [];
		const start = parseInt(match[1]!, 16);
		return [[start, match[2] ? parseInt(match[2], 16) : start] as [number, number]];
	});
}

/** Builds the catalogue from each family's `unicode.json` (subset name to unicode-range list). */
export function catalogue(tables: ReadonlyMap<string, Record<string, string>>): CatalogueFamily[] {
	return FAMILIES.map((family) => {
		const table = tables.get(family.id);
		if (!table) throw new Error(`The unicode.json of ${family.package} was not given; install the package (npm install).`);
		return { ...family, subsets: Object.entries(table).map(([name, ranges]) => ({ name, ranges: parseRanges(ranges) })) };
	});
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * The families in the order to try for this text. Han ideographs in a text with kana are Japanese,
 * with Hangul Korean, and otherwise drawn as Simplified Chinese.
 */
export function familyOrder(text: string, families: readonly CatalogueFamily[]): CatalogueFamily[] {
	const cjk = KANA.test(text) ? ['jp', 'sc', 'kr'] : HANGUL.test(text) ? ['kr', 'sc', 'jp'] : ['sc', 'jp', 'kr'];
	const rank = (family: CatalogueFamily) => {
		const index = cjk.findIndex((suffix) => family.id.endsWith(`-${suffix}`));
		return index < 0 ? -1 : index;
	};
	return [...families].sort((a, b) => rank(a) - rank(b));
}

/** Characters that take no glyph of their own: spaces, joiners, variation selectors and the like. */
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]$/u;

const covers = (ranges: readonly [number, number][], code: number) => ranges.some(([start, end]) => code >= start && code <= end);

/**
 * The files that draw every character of the text, its emoji, and what nothing draws. Characters of
 * `text` get both weights; characters only in `boldOnly` (text the design draws in bold alone, such as
 * a learner's name on a certificate) get the bold file alone, which is all satori reads for them. The
 * order of families comes from both texts together.
 */
export function planFonts(text: string, families: readonly CatalogueFamily[], boldOnly = ''): FontPlan {
	const ordered = familyOrder(boldOnly ? `${text} ${boldOnly}` : text, families);
	const chosen = new Map<string, { family: string; subset: string; weights: Weight[] }>();
	const emoji = new Set<string>();
	const missing = new Set<string>();
	const plan = (part: string, weights: Weight[]) => {
		for (const grapheme of graphemes(part)) {
			if (isEmoji(grapheme)) {
				emoji.add(grapheme);
				continue;
			}
			for (const character of grapheme) {
				if (INVISIBLE.test(character)) continue;
				const home = findSubset(ordered, character.codePointAt(0)!);
				if (!home) missing.add(character);
				else if (!chosen.has(`${home.family}/${home.subset}`)) chosen.set(`${home.family}/${home.subset}`, { ...home, weights });
			}
		}
	};
	plan(text, [...WEIGHTS]);
	plan(boldOnly, [700]);
	// Satori tries fonts in the order given, so the order of families decides which font draws a
	// character that several hold (a Latin letter in a Japanese font, a Han ideograph in three).
	const rank = (home: { family: string; subset: string }) => {
		const family = ordered.findIndex((f) => f.id === home.family);
		return family * 1000 + ordered[family]!.subsets.findIndex((s) => s.name === home.subset);
	};
	const files = [...chosen.values()]
		.sort((a, b) => rank(a) - rank(b))
		.flatMap(({ family, subset, weights }) => weights.map((weight) => fontFile(family, subset, weight, families)));
	return { files, emoji: [...emoji], missing: [...missing] };
}

function findSubset(families: readonly CatalogueFamily[], code: number): { family: string; subset: string } | undefined {
	for (const family of families) {
		for (const subset of family.subsets) {
			if (covers(subset.ranges, code)) return { family: family.id, subset: subset.name };
		}
	}
	return undefined;
}

function fontFile(family: string, subset: string, weight: Weight, families: readonly CatalogueFamily[]): FontFile {
	const spec = families.find((f) => f.id === family)!;
	// Numbered CJK slices are named "[12]" in unicode.json and "12" in file names.
	const slice = subset.replace(/^\[(\d+)\]$/, '$1');
	return { family, subset, weight, path: `${spec.package}/files/${family}-${slice}-${weight}-normal.woff2` };
}

/**
 * Every file `planFonts` can ask for, whatever the text: a subset is needed when, in one of the
 * orders `familyOrder` gives (text with kana, with Hangul, or neither), it is the first to hold some
 * character. The CJK fonts' Latin and Cyrillic subsets never are, since Noto Sans comes first, and
 * their packages' whole-script files are not subsets in unicode.json at all; neither ships.
 */
export function reachableFontFiles(families: readonly CatalogueFamily[]): FontFile[] {
	const needed = new Set<string>();
	for (const sample of ['\u3042', '\uac00', '']) {
		const covered = new Uint8Array(0x110000);
		for (const family of familyOrder(sample, families)) {
			for (const subset of family.subsets) {
				let first = false;
				for (const [start, end] of subset.ranges) {
					for (let code = start; code <= end && code < covered.length; code++) {
						if (covered[code]) continue;
						covered[code] = 1;
						first = true;
					}
				}
				if (first) needed.add(`${family.id}\n${subset.name}`);
			}
		}
	}
	return [...needed].flatMap((key) => {
		const [family, subset] = key.split('\n') as [string, string];
		return WEIGHTS.map((weight) => fontFile(family, subset, weight, families));
	});
}

/** Says which characters cannot be drawn, for an error message; empty when all can. */
export function describeMissing(missing: readonly string[]): string {
	return missing.map((character) => `"${character}" (${codePointLabel(character)})`).join(', ');
}
