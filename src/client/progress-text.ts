/**
 * The words a progress script writes, in the page's language. The component renders the few strings
 * its script needs into a `data-text` JSON attribute (never the whole dictionary); a script reads
 * them here, with the English text as the fallback when the page gave none.
 */

import { modulesComplete } from '../lib/progress/text.ts';

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, values: Record<string, string | number> = {}) =>
	template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));

export type Say = (key: string, english: string, values?: Record<string, string | number>) => string;

/** "3 of 8 modules complete", in the page's words. */
export const modulesCompleteText = (say: Say, done: number, total: number) => say(total === 1 ? 'modulesCompleteOne' : 'modulesComplete', modulesComplete(done, total), { done, total });

/** The words of the nearest element with `data-text`, as a function of key, English text and values. */
export function wordsOf(element: Element | null): Say {
	let words: Record<string, string> = {};
	try {
		words = JSON.parse(element?.closest<HTMLElement>('[data-text]')?.dataset.text ?? '{}') as Record<string, string>;
	} catch {
		// A page without words, or with damaged ones, speaks English.
	}
	return (key, english, values) => (key in words ? fill(words[key]!, values) : english);
}
