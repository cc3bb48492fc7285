import { RECENT_ENTRIES, type TimelineEntry } from '../curriculum/model.ts';

/**
 * An entry of a feed: the timeline's, with the language of its title or summary where it is not the
 * feed's, as a feed in another language than the originals' leaves untranslated text (`shownEntry`).
 */
export type FeedEntry = TimelineEntry & { lang?: string; summaryLang?: string };

export interface FeedOptions {
	title: string;
	subtitle: string;
	/** The site URL, used to make every link absolute. */
	site: string;
	/** Where the feed itself lives, e.g. `/feed.xml`. */
	feedPath: string;
	/** Where the same entries are shown as a page. */
	pagePath: string;
	/** Who writes the entries, e.g. "Steeped contributors": the curriculum's, whatever the feed is titled. */
	author: string;
	/** How many entries to include, newest first. @default RECENT_ENTRIES */
	limit?: number;
	/** The language of the feed's own words and of its entries, unless an entry says otherwise (`xml:lang`). */
	lang?: string;
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An element's `xml:lang` attribute, or nothing. */
const lang = (code: string | undefined) => (code ? ` xml:lang="${escape(code)}"` : '');

/**
 * An Atom 1.0 feed of the timeline. Entry ids are stable tag URIs so readers never repeat an entry.
 * Text in another language than the feed's carries `xml:lang`, which Atom allows on any element: on
 * the entry when its title and summary share it, otherwise on the one it applies to.
 */
export function atomFeed(entries: readonly FeedEntry[], options: FeedOptions): string {
	const absolute = (path: string) => new URL(path, options.site).href;
	const host = new URL(options.site).hostname;
	const shown = entries.slice(0, options.limit ?? RECENT_ENTRIES);
	const updated = shown[0]?.date ?? '1970-01-01';
	const items = shown.map((entry) => {
		const category = entry.kind === 'update' ? 'platform-update' : `release-${entry.change}`;
		const whole = entry.lang !== undefined && entry.lang === entry.summaryLang ? entry.lang : undefined;
		return [
			`  <entry${lang(whole)}>`,
			`    <id>tag:${host},${entry.date}:${escape(entry.id)}</id>`,
			`    <title${lang(whole ? undefined : entry.lang)}>${escape(entry.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escape(absolute(entry.href))}"/>`,
			`    <updated>${entry.date}T00:00:00Z</updated>`,
			`    <category term="${category}"/>`,
			`    <summary${lang(whole ? undefined : entry.summaryLang)}>${escape(entry.summary)}</summary>`,
			'  </entry>',
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom"${lang(options.lang)}>`,
		`  <id>${escape(absolute(options.feedPath))}</id>`,
		`  <title>${escape(options.title)}</title>`,
		`  <subtitle>${escape(options.subtitle)}</subtitle>`,
		`  <link rel="self" type="application/atom+xml" href="${escape(absolute(options.feedPath))}"/>`,
		`  <link rel="alternate" type="text/html" href="${escape(absolute(options.pagePath))}"/>`,
		`  <updated>${updated}T00:00:00Z</updated>`,
		`  <author><name>${escape(options.author)}</name></author>`,
		...items,
		'</feed>',
		'',
	].join('\n');
}
