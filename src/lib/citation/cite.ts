/**
 * "Cite this module" and "Cite this track": an APA 7 reference and a BibTeX entry. A module's
 * reference names its contributors (or the curriculum as a group author when it lists none), the
 * day that version was released, the version itself and the permanent address of its major, with
 * the curriculum as the site that publishes it. A track, which has no version, is cited at its
 * page's address, with the people of all its modules and the day the newest of them was released.
 */
import type { CurriculumConfig } from '../curriculum/schema/config.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import { pinnedHref, trackHref } from '../curriculum/model.ts';

/** A module at one version: the current file or an archived major, with the module's id. */
export interface CitedModule {
	id: string;
	data: Pick<ModuleData, 'title' | 'version' | 'contributors' | 'changelog' | 'reviewed'>;
}

/** A track: its id and title. Its modules are cited at their current versions, in the track's order. */
export interface CitedTrack {
	id: string;
	data: Pick<TrackData, 'title'>;
}

export type CitationConfig = Pick<CurriculumConfig, 'title' | 'site'>;

export interface CitationOptions {
	/**
	 * The day the reader opened the page (`YYYY-MM-DD`). A major's address shows its newest minor
	 * and patch release, so a reader who cites on a given day may add it: APA's "Retrieved … from",
	 * BibTeX's `urldate`. Left out by default, as the version already says what was read.
	 */
	accessed?: string;
}

/** What every citation style needs, in one place. */
export interface Citation {
	/**
	 * People and groups in the order the module lists them (for a track, in the order they first
	 * appear in its modules); empty when the curriculum is the author.
	 */
	people: string[];
	/** Which of them are teams or organisations, written as given rather than family name first. */
	groups: ReadonlySet<string>;
	/** The curriculum's name: the publishing site, and the group author when no person is listed. */
	publisher: string;
	title: string;
	/** The version cited; a track is not versioned, and has none. */
	version?: string | undefined;
	/** What the work is, in APA's brackets and BibTeX's `howpublished`. @example "Online course module" */
	description: string;
	/** The release day of this version, `YYYY-MM-DD`; for a track, that of its newest module. */
	date: string;
	/** The permanent address of the version's major (the module's own address for a 0.x pre-release); a track's page. */
	url: string;
	/** A key for reference managers: curriculum, module and version; or curriculum, track and date. */
	key: string;
	/** What BibTeX's `note` says of the version and its day, which every style prints. */
	note: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The facts of a citation for a module at its version. */
export function citationOf(module: CitedModule, config: CitationConfig): Citation & { version: string } {
	const { data } = module;
	const date = releaseOf(data);
	const { people, groups } = creditsOf([data]);
	return {
		people,
		groups,
		publisher: config.title,
		title: data.title,
		version: data.version,
		description: 'Online course module',
		date,
		url: new URL(pinnedHref(module.id, data.version), config.site).href,
		key: `${slugOf(config)}-${module.id}-${data.version}`,
		note: `Version ${data.version}, released ${date}`,
	};
}

/**
 * The facts of a citation for a track: everyone its modules credit, in the order they first appear
 * in the track, and the newest of its modules' release days, which dates what the page shows. With
 * no version, the key names that day. `modules` are the track's modules in its order, in the
 * original language, as `modulesOf` gives them.
 */
export function trackCitationOf(track: CitedTrack, modules: readonly CitedModule[], config: CitationConfig): Citation {
	const { people, groups } = creditsOf(modules.map(({ data }) => data));
	// ISO days sort as text.
	const date = modules.map(({ data }) => releaseOf(data)).reduce((newest, day) => (day > newest ? day : newest), '');
	return {
		people,
		groups,
		publisher: config.title,
		title: track.data.title,
		description: 'Online course',
		date,
		url: new URL(trackHref(track.id), config.site).href,
		key: `${slugOf(config)}-${track.id}-${date}`,
		note: `Modules as of ${date}`,
	};
}

/** The day a module's current version was released: its changelog entry's, else the day it was reviewed. */
function releaseOf(data: CitedModule['data']): string {
	return data.changelog.find((entry) => entry.version === data.version)?.date ?? data.reviewed;
}

/** The curriculum's title as a key's first part: "Café Guide" is "cafe-guide". */
function slugOf(config: CitationConfig): string {
	return config.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'curriculum';
}

/**
 * The names modules credit, trimmed, each once in the order it first appears, and which of them are
 * groups: as a module says (`group`), else by the name's last word. A name credited by several
 * modules is taken as the first one gives it.
 */
function creditsOf(modules: readonly Pick<CitedModule['data'], 'contributors'>[]): Pick<Citation, 'people' | 'groups'> {
	const credited = new Map<string, boolean>();
	for (const contributor of modules.flatMap((data) => data.contributors)) {
		const { name, group } = typeof contributor === 'string' ? { name: contributor.trim(), group: undefined } : { name: contributor.name.trim(), group: contributor.group };
		if (name !== '' && !credited.has(name)) credited.set(name, group ?? isGroupName(name));
	}
	return { people: [...credited.keys()], groups: new Set([...credited].filter(([, group]) => group).map(([name]) => name)) };
}

/**
 * An APA 7 reference for online course material: authors, release date, title with the version
 * and a description in brackets, the site's name and the address. The title is set in italics
 * in `apaHtml`; plain text cannot show italics, so `apa` leaves it upright.
 *
 * Example: `Example, A. (2020, January 10). Water temperature (Version 1.0.0) [Online course module]. Steeped. https://steeped.example.org/modules/water-temperature/v1/`
 */
export function apa(module: CitedModule, config: CitationConfig, options: CitationOptions = {}): string {
	return apaText(citationOf(module, config), options);
}

/** The APA reference as HTML, title in italics and the address linked; every value is escaped. */
export function apaHtml(module: CitedModule, config: CitationConfig, options: CitationOptions = {}): string {
	return apaMarkup(citationOf(module, config), options);
}

/**
 * A track's APA 7 reference: as a module's, without a version and with "[Online course]".
 *
 * Example: `Example, A. (2026, November 1). Tea foundations [Online course]. Steeped. https://steeped.example.org/tracks/tea-foundations/`
 */
export function trackApa(track: CitedTrack, modules: readonly CitedModule[], config: CitationConfig, options: CitationOptions = {}): string {
	return apaText(trackCitationOf(track, modules, config), options);
}

/** A track's APA reference as HTML, as `apaHtml` writes a module's. */
export function trackApaHtml(track: CitedTrack, modules: readonly CitedModule[], config: CitationConfig, options: CitationOptions = {}): string {
	return apaMarkup(trackCitationOf(track, modules, config), options);
}

/** Any citation's APA reference in plain text: a module's or a track's. */
function apaText(citation: Citation, options: CitationOptions): string {
	return [...apaParts(citation, options, (text) => text, (title) => title), citation.url].join(' ');
}

/** Any citation's APA reference as HTML. */
function apaMarkup(citation: Citation, options: CitationOptions): string {
	const url = escapeHtml(citation.url);
	return [...apaParts(citation, options, escapeHtml, (title) => `<i>${escapeHtml(title)}</i>`), `<a href="${url}">${url}</a>`].join(' ');
}

/** Every part of the reference but the address, which ends it. */
function apaParts(citation: Citation, options: CitationOptions, plain: (text: string) => string, italic: (title: string) => string): string[] {
	const group = citation.people.length === 0;
	const author = group ? endWithPeriod(citation.publisher) : apaAuthors(citation.people, citation.groups);
	const version = citation.version === undefined ? '' : ` (Version ${plain(citation.version)})`;
	const title = `${italic(citation.title)}${version} [${citation.description}].`;
	// When the curriculum is the author, APA leaves out the site's name, which would repeat it.
	const site = group ? [] : [plain(endWithPeriod(citation.publisher))];
	const retrieved = options.accessed ? [`Retrieved ${apaDay(options.accessed)}, from`] : [];
	return [plain(author), `(${apaDate(citation.date)}).`, title, ...site, ...retrieved];
}

/** APA 7 lists up to 20 authors, the last after "&"; with more, the first 19, an ellipsis, and the last. */
function apaAuthors(people: readonly string[], groups: ReadonlySet<string>): string {
	const names = people.map((name) => (groups.has(name) ? endWithPeriod(name) : apaName(name)));
	if (names.length === 1) return names[0]!;
	if (names.length > 20) return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`;
	return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

/** Last words that make a name a team or an organisation's, when the module does not say (`group`). */
const COLLECTIVE = new Set(['team', 'teams', 'editors', 'staff', 'group', 'committee', 'council', 'board', 'collective', 'lab', 'laboratory', 'institute', 'university', 'college', 'school', 'association', 'society', 'foundation', 'network', 'department', 'office', 'agency', 'contributors', 'authors', 'inc.', 'inc', 'ltd.', 'ltd', 'llc']);

/** Whether a name reads as a group's: more than one word, ending in a word such as "team" or "editors". */
function isGroupName(name: string): boolean {
	const words = name.trim().split(/\s+/);
	return words.length > 1 && COLLECTIVE.has(words.at(-1)!.toLowerCase());
}

/** Family-name particles that stay with the family name: "Ludwig van Beethoven" is "van Beethoven, L.". */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'le', 'la', 'ter', 'ten', 'bin', 'ibn', 'al', 'el']);
const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/**
 * A name as APA writes it: family name, then initials ("Ada Example" is "Example, A."). Contributors
 * write their names given name first; a one-word name (a mononym, or a team) is kept as written.
 */
export function apaName(name: string): string {
	const words = name.trim().split(/\s+/);
	// "Martin Luther King, Jr." ends in a suffix, which APA writes after the initials.
	const tail = words.at(-1)!.replace(/^,/, '');
	let suffix = '';
	if (words.length > 2 && SUFFIXES.has(tail.toLowerCase())) {
		words.pop();
		suffix = /^(jr|sr)\.?$/i.test(tail) ? `, ${tail.replace(/\.$/, '')}.` : `, ${tail.toUpperCase()}`;
	}
	const last = words.length - 1;
	if (last < 1) return endWithPeriod(words.join(' '));
	words[last] = words[last]!.replace(/,$/, '');
	let start = last;
	while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
	const family = words.slice(start).join(' ');
	const initials = words.slice(0, start).map(initialsOf).join(' ');
	return `${family}, ${initials}${suffix}`;
}

/** "Jean-Paul" is "J.-P."; an initial already written ("A.") stays. */
function initialsOf(given: string): string {
	return given
		.split('-')
		.map((part) => `${Array.from(part)[0]?.toLocaleUpperCase() ?? ''}.`)
		.join('-');
}

const endWithPeriod = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function parts(date: string): [number, number, number] {
	const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
	return [year, month, day];
}

const apaDate = (date: string) => {
	const [year, month, day] = parts(date);
	return `${year}, ${MONTHS[month - 1]} ${day}`;
};

const apaDay = (date: string) => {
	const [year, month, day] = parts(date);
	return `${MONTHS[month - 1]} ${day}, ${year}`;
};

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A BibTeX `@misc` entry that both BibTeX and biblatex read: `howpublished` names the curriculum,
 * with `version`, `url`, the release `date` (and `year` and `month` for classic styles) and a `note`
 * with the version and release day, which every style prints. People are listed as written and
 * joined by "and", a group braced so that styles treat it as one name; with none, the curriculum is
 * the author, braced the same way. Special characters are escaped.
 */
export function bibtex(module: CitedModule, config: CitationConfig, options: CitationOptions = {}): string {
	return bibtexEntry(citationOf(module, config), options);
}

/** A track's BibTeX entry: as a module's, with no `version`, and a `note` that dates the modules it holds. */
export function trackBibtex(track: CitedTrack, modules: readonly CitedModule[], config: CitationConfig, options: CitationOptions = {}): string {
	return bibtexEntry(trackCitationOf(track, modules, config), options);
}

/** Any citation's BibTeX entry, as `bibtex` describes it; a field the citation has no value for is left out. */
function bibtexEntry(citation: Citation, options: CitationOptions): string {
	const [year, month] = parts(citation.date);
	// A group is braced, so that styles do not read its last word as a family name.
	const author = citation.people.length > 0 ? citation.people.map((name) => (citation.groups.has(name) ? `{${escapeBibtex(name)}}` : bibtexName(name))).join(' and ') : `{${escapeBibtex(citation.publisher)}}`;
	const fields: [string, string][] = [
		['author', `{${author}}`],
		// Double braces keep the title's capitals (platform and product names) in styles that lower-case titles.
		['title', `{{${escapeBibtex(citation.title)}}}`],
		['howpublished', `{${citation.description}, ${escapeBibtex(citation.publisher)}}`],
		['year', `{${year}}`],
		['month', MONTHS[month - 1]!.slice(0, 3).toLowerCase()],
		['date', `{${citation.date}}`],
		...(citation.version === undefined ? [] : ([['version', `{${escapeBibtex(citation.version)}}`]] as [string, string][])),
		['url', `{${bibtexUrl(citation.url)}}`],
		...(options.accessed ? ([['urldate', `{${options.accessed}}`]] as [string, string][]) : []),
		['note', `{${escapeBibtex(citation.note)}}`],
	];
	const width = Math.max(...fields.map(([name]) => name.length));
	return `@misc{${citation.key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n')}\n}`;
}

/** A person's name for BibTeX; a name holding the word "and" is braced so it is not read as two people. */
function bibtexName(name: string): string {
	const escaped = escapeBibtex(name);
	return /(^|\s)and(\s|$)/i.test(name) ? `{${escaped}}` : escaped;
}

const BIBTEX_SPECIALS: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\{',
	'}': '\\}',
	$: '\\$',
	'&': '\\&',
	'%': '\\%',
	'#': '\\#',
	_: '\\_',
	'^': '\\textasciicircum{}',
	'~': '\\textasciitilde{}',
};

/** Escapes the characters TeX gives a meaning to, in one pass so that no escape is escaped again. */
export function escapeBibtex(text: string): string {
	return text.replace(/[\\{}$&%#_^~]/g, (character) => BIBTEX_SPECIALS[character]!);
}

/** biblatex reads `url` verbatim, so it is not escaped; braces, backslashes and spaces, which would end the field, are percent-encoded. */
function bibtexUrl(url: string): string {
	return url.replace(/[{}\\\s]/g, (character) => encodeURIComponent(character));
}

/**
 * The citation as `<meta>` tags in the page's head, in the names reference managers read from a page
 * (Zotero's and Mendeley's page readers, Google Scholar: `citation_*`), so that saving the page to a
 * library gives the same reference as the APA text: its people (or the curriculum as the author),
 * the title with its version, the release day and the permanent address.
 */
export function citationMeta(module: CitedModule, config: CitationConfig): { name: string; content: string }[] {
	const citation = citationOf(module, config);
	return [
		{ name: 'citation_title', content: `${citation.title} (version ${citation.version})` },
		...(citation.people.length > 0 ? citation.people : [citation.publisher]).map((name) => ({ name: 'citation_author', content: name })),
		{ name: 'citation_publication_date', content: citation.date.replaceAll('-', '/') },
		{ name: 'citation_publisher', content: citation.publisher },
		{ name: 'citation_public_url', content: citation.url },
	];
}
