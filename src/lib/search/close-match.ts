/**
 * Whether a search found the words typed or only words like them. Pagefind answers a misspelt word
 * ("instagarm") with pages that hold words sharing a few letters with it ("in", "LinkedIn"), and a
 * count that reads as if the word had been found. The words Pagefind marks in the excerpts of the
 * first results say which: a typed word is found when a marked word is it, or it with an ending
 * (Pagefind matches stems: "campaigns" marks "campaign", "strategioita" marks "strategia"). A word
 * not found may be misspelt: the closest word the site surely has is offered in its place.
 */
import { typingDistance } from '../curriculum/edit-distance.ts';
import { excerptParts } from './results.ts';

/**
 * The typed words that no marked word in the excerpts matches, in the order typed. Empty when
 * every word was found, and when the excerpts mark nothing (a page found by its title alone), since
 * then nothing says the words were not found.
 */
export function wordsNotFound(query: string, excerpts: readonly string[]): string[] {
	const marked = new Set(excerpts.flatMap((excerpt) => excerptParts(excerpt).filter((part) => part.mark).flatMap((part) => wordsOf(part.text))));
	if (marked.size === 0) return [];
	const typed = [...new Set(wordsOf(query))];
	return typed.filter((word) => ![...marked].some((found) => sameWord(word, found)));
}

/** Lower-case words, without the punctuation around them. */
function wordsOf(text: string): string[] {
	return text
		.normalize('NFC')
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length > 0);
}

/**
 * Whether a marked word is the typed one with or without an ending: the same word; the typed word
 * with an ending ("kpi" marks "KPIs"); the typed word without its ending, if that leaves four letters
 * ("campaigns" marks "campaign", "somessa" marks "some", but "teapto" does not mark "tea"); or a
 * shared beginning of at least four letters and 70% of the shorter word ("strategies" and
 * "strategy"), which a word with a letter wrong near its start does not have ("instagarm" and
 * "instagram" share 6 of 9).
 */
export function sameWord(typed: string, found: string): boolean {
	if (typed === found) return true;
	if (found.startsWith(typed)) return typed.length >= 3;
	if (typed.startsWith(found)) return found.length >= 4;
	let common = 0;
	while (typed[common] === found[common]) common++;
	return common >= 4 && common >= 0.7 * Math.min(typed.length, found.length);
}

/**
 * The typed words with each word not found replaced by the closest word of `vocabulary` (words the
 * site surely has: its facet values, the titles of the results), or undefined when none of them has
 * one near enough, or when the word itself is one of them (it is spelt right; the pages found just
 * do not mark it).
 */
export function correctedQuery(query: string, notFound: readonly string[], vocabulary: Iterable<string>): string | undefined {
	const known = new Set([...vocabulary].flatMap(wordsOf));
	let changed = false;
	const words = wordsOf(query).map((word) => {
		const better = notFound.includes(word) && !known.has(word) ? closestWord(word, known) : undefined;
		if (better) changed = true;
		return better ?? word;
	});
	return changed ? words.join(' ') : undefined;
}

/**
 * How many slips (a letter added, left out, changed, or two swapped) may part a word typed from the
 * word offered for it: none for a word of one or two letters, which too many words are near; one for
 * three to five letters; two for a longer one.
 */
export const lettersOff = (length: number): number => (length < 3 ? 0 : length < 6 ? 1 : 2);

/**
 * The word of `known` fewest slips away from `word`, within `lettersOff`; of those equally near,
 * one that starts with the same letter (a first letter is rarely the one mistyped), then the first
 * known. Words of fewer than three letters are never offered.
 */
function closestWord(word: string, known: Iterable<string>): string | undefined {
	const limit = lettersOff(word.length);
	let best: string | undefined;
	let bestScore = Infinity;
	for (const candidate of known) {
		if (candidate.length < 3 || Math.abs(candidate.length - word.length) > limit) continue;
		const distance = typingDistance(word, candidate);
		const score = 2 * distance + (candidate[0] === word[0] ? 0 : 1);
		if (distance <= limit && score < bestScore) [best, bestScore] = [candidate, score];
	}
	return best;
}
