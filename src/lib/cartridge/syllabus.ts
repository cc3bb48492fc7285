/**
 * A track's syllabus in its cartridge, first in the track's organization, so that a course that
 * imports the track has its schedule, outcomes, exercises and assessment plan beside the modules:
 * the built syllabus page made standalone as a module's page is, or a web link to it on the site.
 *
 * It is for instructors, as the discussion topics are: it says what each exercise asks learners to
 * hand in and shows every discussion prompt, which the site shows on a module page only in its
 * instructor view and the cartridge imports unpublished, and it speaks to the instructor (what to
 * assign, what to grade). A platform imports it unpublished too; an instructor who wants learners to
 * have it publishes it.
 */
import type { CurriculumConfig } from '../curriculum/schema/config.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import { licenseOf } from '../curriculum/licenses.ts';
import { dayText } from '../i18n/dates.ts';
import { rightsOf, type Item, type Resource } from './manifest.ts';
import { syllabusPage } from './page.ts';
import { webLinkXml } from './weblink.ts';
import { ENGLISH, originalLanguage, type CartridgeLanguage, type CartridgeWords } from './words.ts';
import { escapeXml as escape, xmlId } from './xml.ts';
import type { ZipEntry } from './zip.ts';

type Track = { id: string; data: TrackData };

/** A track's syllabus as the cartridge carries it: its resource, files, organization item and what it read of the built site. */
export interface PackedSyllabus {
	resource: Resource;
	entries: ZipEntry[];
	item: Item;
	reads: string[];
}

/** The built page of a track's syllabus, in the cartridge's language (`prefix`, such as `fi/`; the originals' by default). */
export function builtSyllabusPath(id: string, prefix = ''): string {
	return `${prefix}tracks/${id}/syllabus/index.html`;
}

/** The title the syllabus has in a course, as "Knowledge check: …" and "Instructor notes: …" are titled. */
export const syllabusTitle = (track: Track, words: CartridgeWords = ENGLISH) => words('currents.cartridge.syllabus', { track: track.data.title });

/**
 * The syllabus of `track`, as its page or (with `links`) as a web link to the page on the site.
 * `date` is the day of the newest release among the track's modules, the syllabus's version.
 */
export function syllabusPart(
	track: Track,
	config: CurriculumConfig,
	read: (path: string) => Uint8Array | undefined,
	options: { links: boolean; date: string; language?: CartridgeLanguage }
): PackedSyllabus {
	const { prefix, words, code } = options.language ?? originalLanguage(config.locales[0] ?? 'en');
	const title = syllabusTitle(track, words);
	const url = new URL(`/${prefix}tracks/${track.id}/syllabus/`, config.site).href;
	const license = licenseOf(config.license);
	const metadata: Resource['metadata'] = { title, version: options.date, authors: [], rights: rightsOf({ id: license.id, name: license.name, url: license.url }, words), role: 'Instructor' };
	if (options.links) {
		const file = `weblinks/tracks/${track.id}/syllabus.xml`;
		return {
			resource: { identifier: xmlId('syllabus-link', track.id), type: 'imswl_xmlv1p3', files: [file], metadata },
			entries: [{ name: file, data: webLinkXml(title, url) }],
			item: { identifier: xmlId('syllabus', track.id), title, resource: xmlId('syllabus-link', track.id) },
			reads: [],
		};
	}
	const built = builtSyllabusPath(track.id, prefix);
	const html = read(built);
	if (!html) throw new Error(`The built page ${built} of the track "${track.id}" is missing. Build the site first (npm run build), then export.`);
	const link = (href: string, label: string) => `<a href="${escape(href)}" target="_blank" rel="noopener">${escape(label)}</a>`;
	const page = syllabusPage({
		html: new TextDecoder().decode(html),
		url,
		title,
		meta: words('currents.cartridge.syllabusMeta', { date: `<time datetime="${escape(options.date)}">${escape(dayText(options.date, code))}</time>` }),
		language: code,
		attribution: `<p>${words('currents.cartridge.syllabusAttribution', { title: `<cite>${link(url, title)}</cite>`, site: link(new URL(`/${prefix}`, config.site).href, config.title) })}${words('currents.cartridge.license', { license: `${license.url ? link(license.url, license.name) : escape(license.name)}${license.name === license.id ? '' : ` (${escape(license.id)})`}` })}</p>`,
	});
	// The cartridge's path for it is the site's, so that a reader who knows the one finds the other.
	const name = built;
	return {
		resource: { identifier: xmlId('syllabus-page', track.id), type: 'webcontent', href: name, files: [name], metadata },
		// Bytes, not text: the page goes into the track's cartridge and the whole curriculum's, and is compressed once (zip.ts).
		entries: [{ name, data: Buffer.from(page, 'utf8') }],
		item: { identifier: xmlId('syllabus', track.id), title, resource: xmlId('syllabus-page', track.id) },
		reads: [built],
	};
}
