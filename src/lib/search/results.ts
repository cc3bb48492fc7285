/**
 * Search results as the dialog shows them: a title link, what kind of page it is, the version, level
 * and duration of a module, and an excerpt whose matched words are marked. Pagefind hands the excerpt over
 * as a string with `<mark>` around matches; it is split into plain text parts here, so that the
 * dialog builds text nodes and never parses the page's words as HTML.
 */
import { formatDuration } from '../curriculum/model.ts';

/** The part of a Pagefind result fragment that the dialog reads. */
export interface ResultFragment {
	url: string;
	excerpt?: string | undefined;
	meta?: Record<string, string | undefined> | undefined;
}

/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

export interface ResultView {
	title: string;
	url: string;
	/** The content type, such as `Module`, or empty for a page that has none. */
	type: string;
	/** `Version 2.1.0`, the level and the duration (`20 min`), for modules and earlier versions. */
	details: string[];
	excerpt: ExcerptPart[];
}

/**
 * Splits an excerpt at its `<mark>` tags. Nothing else in it is treated as markup: Pagefind keeps the
 * page's `<` and `>` as `&lt;` and `&gt;`, which become the characters again, so a page about HTML
 * that mentions `<b>` shows `<b>`. Runs next to each other with the same marking are joined, and
 * empty runs dropped.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let mark = false;
	for (const token of excerpt.split(/(<\/?mark>)/i)) {
		if (/^<mark>$/i.test(token)) mark = true;
		else if (/^<\/mark>$/i.test(token)) mark = false;
		else if (token) {
			const text = decodeEntities(token);
			const last = parts.at(-1);
			if (last && last.mark === mark) last.text += text;
			else parts.push({ text, mark });
		}
	}
	return parts;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Turns the character references an excerpt may hold back into characters; others stay as written. */
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** The units a duration is written in, such as `{ hours: 'h', minutes: 'min' }`. */
export type DurationUnits = Parameters<typeof formatDuration>[1];

/**
 * The view of one result; `versionLabel` words the version, as in `Version 2.1.0`, and `units` the
 * duration, as in `1 h 30 min`. A module page gives its duration as a number of minutes (the
 * `duration` metadata of `ModuleHeader.astro`), so that the dialog words it in the reader's language
 * also for a page of another language's index; anything else there is left out.
 */
export function resultView(fragment: ResultFragment, versionLabel = (version: string) => `Version ${version}`, units?: DurationUnits): ResultView {
	const meta = fragment.meta ?? {};
	const details: string[] = [];
	if (meta.version) details.push(versionLabel(meta.version));
	if (meta.level) details.push(meta.level);
	const minutes = Number(meta.duration);
	if (meta.duration && Number.isInteger(minutes) && minutes > 0) details.push(formatDuration(minutes, units));
	return {
		title: meta.title?.trim() || fragment.url,
		url: fragment.url,
		type: meta.type ?? '',
		details,
		excerpt: excerptParts(fragment.excerpt ?? ''),
	};
}
