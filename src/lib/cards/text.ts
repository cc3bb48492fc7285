/**
 * Text that goes on an image: cleaned of characters that would hide, reorder or garble what a reader
 * sees, and checked before anything is drawn. Pure string work, the same in Node and in browsers.
 */

/** What is wrong with a learner's name, by a key a page can word in its own language, with the values the words need. */
export interface NameProblem {
	key: 'nameEmpty' | 'nameTooLong' | 'nameUnsupported';
	values: Record<string, string>;
}

/** A problem with text someone typed or wrote, worded for the person who can fix it. */
export class CardTextError extends Error {
	override name = 'CardTextError';
	/** When the problem is in the learner's name, what it is, so that a page can say it in its language. */
	readonly problem: NameProblem | undefined;
	constructor(message: string, problem?: NameProblem) {
		super(message);
		this.problem = problem;
	}
}

/** How a problem with the learner's name names the name, in the messages of the drawing code. */
export const NAME_FIELD = "The learner's name";

/** The most characters (as a reader counts them) a learner's name may have. */
export const MAX_NAME_LENGTH = 80;

/**
 * Characters removed outright: controls, and the invisible formatting characters that can reorder or
 * hide text. Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and marks
 * (U+200E, U+200F, U+061C) would let a name display differently from the letters it holds, as in the
 * "Trojan Source" attack; zero-width spaces, word joiners, invisible operators, soft hyphens and byte
 * order marks only hide text. Lone surrogates are broken text. The zero-width joiner and non-joiner
 * (U+200C, U+200D) stay: Persian, Indic scripts and emoji sequences need them.
 */
const REMOVED = /[\p{Cc}\p{Cs}\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/gu;

/** Whitespace of every kind, including line and paragraph separators and tabs, becomes one space. */
const SPACES = /[\s\u2028\u2029]+/gu;

/** Cleans text for an image: one line, composed (NFC), without controls or bidirectional overrides. */
export function cleanText(text: string): string {
	return text.normalize('NFC').replace(SPACES, ' ').replace(REMOVED, '').replace(SPACES, ' ').trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters a reader would count: a letter with its accents, or a whole emoji, is one. */
export function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * A learner's name, cleaned, or a `CardTextError` that says what to type instead: an empty name
 * (or one of only spaces and invisible characters) is refused, and so is one too long to print.
 */
export function cleanName(name: string, max = MAX_NAME_LENGTH): string {
	const cleaned = cleanText(name);
	if (cleaned === '') {
		throw new CardTextError('The name is empty. Type the name to print on the certificate, as you want it to appear.', { key: 'nameEmpty', values: {} });
	}
	const length = graphemes(cleaned).length;
	if (length > max) {
		throw new CardTextError(`The name is ${length} characters long, and a certificate holds at most ${max}. Shorten it, for example by leaving out a middle name.`, {
			key: 'nameTooLong',
			values: { length: String(length), max: String(max) },
		});
	}
	return cleaned;
}

/** "U+1200" for a code point, as font tables and character pickers name it. */
export function codePointLabel(character: string): string {
	return Array.from(character, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** Whether the first letter of the text is in a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
export function startsRightToLeft(text: string): boolean {
	const first = /\p{L}/u.exec(text)?.[0];
	return first !== undefined && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(first);
}
