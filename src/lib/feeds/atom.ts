import { RECENT_ENTRIES, type TimelineEntry } from '../curriculum/model.ts';

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
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom 1.0 feed of the timeline. Entry ids are stable tag URIs so readers never repeat an entry. */
export function atomFeed(entries: readonly TimelineEntry[], options: FeedOptions): string {
	const absolute = (path: string) => new URL(path, options.site).href;
	const host = new URL(options.site).hostname;
	const shown = entries.slice(0, options.limit ?? RECENT_ENTRIES);
	const updated = shown[0]?.date ?? '1970-01-01';
	const items = shown.map((entry) => {
		const category = entry.kind === 'update' ? 'platform-update' : `release-${entry.change}`;
		return [
			'  <entry>',
			`    <id>tag:${host},${entry.date}:${escape(entry.id)}</id>`,
			`    <title>${escape(entry.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escape(absolute(entry.href))}"/>`,
			`    <updated>${entry.date}T00:00:00Z</updated>`,
			`    <category term="${category}"/>`,
			`    <summary>${escape(entry.summary)}</summary>`,
			'  </entry>',
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
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
