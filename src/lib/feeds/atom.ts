import { RECENT_ENTRIES, type TimelineEntry } from '../curriculum/model.ts';
import { isDraft } from '../curriculum/versions.ts';
import { uiText, type UiKey } from '../i18n/ui/index.ts';

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
	/** How many platform updates to include, and, counted apart, how many releases: the newest of each (`feedEntries`). @default RECENT_ENTRIES */
	limit?: number;
	/** The language of the feed's own words and of its entries, unless an entry says otherwise (`xml:lang`). */
	lang?: string;
}

/**
 * The entries a feed holds, in the order given (the timeline's, newest first): the newest `limit`
 * platform updates and, counted apart, the newest `limit` releases. One cap for both would let a
 * week of releases (an edit made across every module) push every platform update out of the feed,
 * though they are the dated record of what changed, and What's new lists them first. So a feed holds
 * the entries What's new lists (every platform update, while there are no more than `limit`, and the
 * newest releases), and never more than twice `limit`.
 */
export function feedEntries<T extends TimelineEntry>(entries: readonly T[], limit = RECENT_ENTRIES): T[] {
	const taken = { update: 0, release: 0 };
	return entries.filter((entry) => taken[entry.kind]++ < limit);
}

/**
 * An entry's category: a term a feed reader can filter on, and a label in the feed's language, the
 * name search gives a platform update or the tag What's new and the changelogs give a release's kind.
 */
function category(entry: TimelineEntry, lang: string): { term: string; label: string } {
	return entry.kind === 'update'
		? { term: 'platform-update', label: uiText(lang, 'currents.search.typeUpdate') }
		: { term: `release-${entry.change}`, label: uiText(lang, `currents.parts.kind.${entry.change}` satisfies UiKey) };
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
	const shown = feedEntries(entries, options.limit);
	// The newest entry's day, whatever order the entries come in.
	const updated = shown.reduce((newest, entry) => (entry.date > newest ? entry.date : newest), '1970-01-01');
	const items = shown.map((entry) => {
		const { term, label } = category(entry, options.lang ?? '');
		const whole = entry.lang !== undefined && entry.lang === entry.summaryLang ? entry.lang : undefined;
		return [
			`  <entry${lang(whole)}>`,
			`    <id>tag:${host},${entry.date}:${escape(entry.id)}</id>`,
			`    <title${lang(whole ? undefined : entry.lang)}>${escape(entry.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escape(absolute(entry.href))}"/>`,
			`    <updated>${entry.date}T00:00:00Z</updated>`,
			`    <category term="${term}" label="${escape(label)}"/>`,
			// A draft's release says so, as its page does, for a reader who filters drafts out.
			...(entry.kind === 'release' && isDraft(entry.version) ? [`    <category term="draft" label="${escape(uiText(options.lang ?? '', 'currents.parts.draft'))}"/>`] : []),
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
