/**
 * A Common Cartridge of one track or of the whole curriculum, assembled from the built site: each
 * track's syllabus first (syllabus.ts), then each module as self-contained web content (or, on
 * request, as a web link to its versioned page), its knowledge check as a scored assessment, and the
 * manifest that orders them as the tracks do.
 * Pure apart from the `read` function it is given, so it is tested on any folder of built pages.
 */
import type { CurriculumConfig } from '../curriculum/schema/config.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import { licenseOf } from '../curriculum/licenses.ts';
import { namer, permalinkHref } from '../curriculum/model.ts';
import { majorOf } from '../curriculum/versions.ts';
import { apaHtml, citationOf } from '../citation/cite.ts';
import { manifestXml, rightsOf, type Folder, type Item, type ManifestData, type Resource } from './manifest.ts';
import { discussionXml } from './discussion.ts';
import { modulePage, type DiscussionPrompt } from './page.ts';
import { assessmentXml, fitsQti } from './qti.ts';
import { syllabusPart, type PackedSyllabus } from './syllabus.ts';
import { webLinkXml } from './weblink.ts';
import { originalLanguage, type CartridgeLanguage, type CartridgeWords } from './words.ts';
import { safeDecodeUriComponent } from '../safety/urls.ts';
import { dayText } from '../i18n/dates.ts';
import { escapeXml as escape, xmlId } from './xml.ts';
import { zip, type ZipEntry } from './zip.ts';

export interface CartridgeSource {
	config: CurriculumConfig;
	/** Every module at its current version, by id. */
	modules: ReadonlyMap<string, ModuleData>;
	tracks: readonly { id: string; data: TrackData }[];
	/** Reads a file of the built site by its path from the output folder, or returns undefined when there is none. */
	read: (path: string) => Uint8Array | undefined;
	/**
	 * A track's cartridge in a translation's language, made from its pages in that language: `modules`
	 * and `tracks` then hold their data as those pages show it (translated where translated), and this
	 * the rest. The originals' language when omitted.
	 */
	translation?: CartridgeTranslation;
}

export interface CartridgeTranslation {
	language: CartridgeLanguage;
	/** Each module's data in the originals' language, which its reference cites. */
	originals: ReadonlyMap<string, ModuleData>;
	/** The address a course taught in the language assigns for a module (`assignedAddress`), from the site's root. */
	assigned: (id: string) => string;
	/** The modules translated into the language; the others' pages in it show the original's words. */
	translated: ReadonlySet<string>;
}

export interface CartridgeOptions {
	/** One track's cartridge; the whole curriculum's when omitted. */
	track?: string;
	/** Web links to the versioned pages instead of the pages themselves. */
	links?: boolean;
}

export interface Cartridge {
	/** The file's path under the output folder, such as `downloads/tracks/x.imscc`. */
	path: string;
	manifest: string;
	entries: ZipEntry[];
	bytes: Buffer;
	/** Every file of the built site it was made from, in the order first read: what a cache must compare. */
	reads: string[];
}

/**
 * Where a cartridge is published on the site: `/downloads/tracks/<id>.imscc`, or `/downloads/<curriculum>.imscc`;
 * in a translation's language under its prefix, `/downloads/fi/tracks/<id>.imscc`.
 */
export function cartridgePath(config: Pick<CurriculumConfig, 'title'>, options: CartridgeOptions = {}, prefix = ''): string {
	const name = options.track ? `tracks/${options.track}` : slug(config.title);
	return `downloads/${prefix}${name}${options.links ? '.links' : ''}.imscc`;
}

/** The built page that holds a module's current version (its major's permanent address shows the same page), in the cartridge's language. */
export function builtPagePath(id: string, prefix = ''): string {
	return `${prefix}modules/${id}/index.html`;
}

/** Where the cartridge keeps a module's page: under its major's permanent address, or the module's for a 0.x pre-release. */
function packagedPagePath(id: string, version: string): string {
	const major = majorOf(version);
	return major === 0 ? `modules/${id}/index.html` : `modules/${id}/v${major}/index.html`;
}

export function buildCartridge(source: CartridgeSource, options: CartridgeOptions = {}): Cartridge {
	const { config } = source;
	const language = languageOf(source);
	const { words } = language;
	if (source.translation && !options.track) throw new Error(`A cartridge in ${language.code} is a track's: name the track.`);
	const folders = foldersOf(source, options.track);
	const ids = [...new Set(folders.flatMap((folder) => folder.modules))];
	const modules = ids.map((id) => ({ id, data: source.modules.get(id)! }));
	const date = newestRelease(modules.map((module) => module.data));
	const license = licenseOf(config.license);
	const track = options.track ? source.tracks.find((t) => t.id === options.track)! : undefined;

	const entries: ZipEntry[] = [];
	const resources: Resource[] = [];
	const reads = new Set<string>();
	const made = pagesMade.get(source) ?? new Map<string, PackedPage>();
	pagesMade.set(source, made);
	const checksWritten = checksMade.get(source) ?? new Map<string, Uint8Array>();
	checksMade.set(source, checksWritten);
	/** What follows a module's page in its folder: its knowledge check, discussions and instructor notes. */
	const after = new Map<string, Item[]>();
	for (const module of modules) {
		// The page is read in either form (a web link reads nothing): the instructor's material travels in both.
		const page = made.get(module.id) ?? remember(made, module.id, pageResource(module, source));
		const packed = options.links ? linkResource(module, source) : page;
		for (const path of page.reads) reads.add(path);
		entries.push(...packed.entries);
		resources.push(packed.resource);
		const items: Item[] = [];
		after.set(module.id, items);
		const questions = module.data.quiz.filter(fitsQti);
		if (questions.length > 0 && questions.length === module.data.quiz.length) {
			const identifier = xmlId('check', module.id);
			const file = `assessments/${module.id}/assessment.xml`;
			let check = checksWritten.get(module.id);
			if (!check) {
				check = Buffer.from(assessmentXml({ ident: identifier, title: words('currents.cartridge.check', { title: module.data.title }), questions, words }), 'utf8');
				checksWritten.set(module.id, check);
			}
			entries.push({ name: file, data: check });
			resources.push({ identifier, type: 'imsqti_xmlv1p2/imscc_xmlv1p3/assessment', files: [file] });
			items.push({ identifier: 'check', title: words('currents.cartridge.check', { title: module.data.title }), resource: identifier });
		}
		for (const part of page.instructor) {
			entries.push(part.entry);
			resources.push(part.resource);
			items.push({ identifier: part.item, title: part.title, resource: part.resource.identifier });
		}
	}

	// Each track's syllabus comes first in its folder, and so in the files and resources, but is made after the
	// modules' pages: when the site was not built, the error names a module's page, the first thing missing.
	const syllabi = syllabiOf(source, folders, options);
	for (const syllabus of [...syllabi.values()].reverse()) {
		for (const path of syllabus.reads) reads.add(path);
		entries.unshift(...syllabus.entries);
		resources.unshift(syllabus.resource);
	}
	const manifestFolders = organizationOf(source, folders, options, syllabi, after, words);
	const named = track ? words('currents.cartridge.trackTitle', { track: track.data.title, curriculum: config.title }) : config.title;
	const data: ManifestData = {
		identifier: xmlId('cartridge', options.track ?? slug(config.title), ...(options.links ? ['links'] : [])),
		// The two cartridges of a track are told apart once imported: the one of links says so.
		title: options.links ? words('currents.cartridge.linksTitle', { title: named }) : named,
		// The pass mark travels in words: the cartridge's quizzes have no field for it, and a platform sets its own.
		description: [
			track ? `${track.data.summary} ${words('currents.cartridge.audience', { audience: sentence(track.data.audience) })}` : config.tagline,
			words('currents.cartridge.modules', { modules: modules.map((m) => `${m.data.title} ${m.data.version}`).join(', ') }),
			...(track ? [words('currents.cartridge.passMark', { mark: track.data.certificate.passMark })] : []),
		].join(' '),
		language: language.code,
		version: date,
		date,
		publisher: config.title,
		url: new URL(track ? `/${language.prefix}tracks/${track.id}/` : '/', config.site).href,
		license: { id: license.id, name: license.name, url: license.url },
		keywords: [...new Set(modules.flatMap((module) => module.data.topics))],
		minutes: modules.reduce((sum, module) => sum + module.data.duration, 0),
		folders: manifestFolders,
		resources,
		words,
	};
	const manifest = manifestXml(data);
	entries.unshift({ name: 'imsmanifest.xml', data: manifest });
	return { path: cartridgePath(config, options, language.prefix), manifest, entries, bytes: zip(entries, date), reads: [...reads] };
}

/** The originals' language for a module not translated into a translation's cartridge's language, whose page there shows the original's words. */
const textLanguageOf = (module: Module, source: CartridgeSource): string | undefined =>
	source.translation && !source.translation.translated.has(module.id) ? (source.config.locales[0] ?? 'en') : undefined;

/** The language a source's cartridges are in: a translation's, or the originals' (the config's first). */
const languageOf = (source: CartridgeSource): CartridgeLanguage => source.translation?.language ?? originalLanguage(source.config.locales[0] ?? 'en');

type Module = { id: string; data: ModuleData };
/** A module's part of a cartridge, and the files of the built site it was made from. */
type Packed = { resource: Resource; entries: ZipEntry[]; reads: string[] };
/** A resource made of a module's instructor-only material, with the organization item that opens it. */
type InstructorPart = { resource: Resource; entry: ZipEntry; item: string; title: string };
/** A module's page, and its discussion topics and instructor notes, made from the same built page. */
type PackedPage = Packed & { instructor: InstructorPart[] };

/** Pages already made standalone from a source: a module in several tracks is read and parsed once. */
const pagesMade = new WeakMap<CartridgeSource, Map<string, PackedPage>>();

/**
 * Knowledge checks already written as QTI, as bytes: each goes into four cartridges (the whole
 * curriculum's and its track's, self-contained and as links) and is written and compressed once.
 */
const checksMade = new WeakMap<CartridgeSource, Map<string, Uint8Array>>();

/** Syllabi already made from a source, by track and form. */
const syllabiMade = new WeakMap<CartridgeSource, Map<string, PackedSyllabus>>();

function remember(made: Map<string, PackedPage>, id: string, packed: PackedPage): PackedPage {
	made.set(id, packed);
	return packed;
}

/**
 * The organization's folders. A folder per module, numbered in its track's order: its page, then what
 * follows it (`after`); a folder per track, its syllabus first. A track's cartridge is the track: its
 * syllabus and its modules' folders are the course's units, with nothing around them, and the syllabus
 * is in a folder of its own, since a platform makes a unit of each folder under the root.
 */
function organizationOf(
	source: CartridgeSource,
	folders: readonly Scope[],
	options: CartridgeOptions,
	syllabi: ReadonlyMap<string, PackedSyllabus>,
	after: ReadonlyMap<string, Item[]>,
	words: CartridgeWords
): Folder[] {
	const moduleFolder = (folder: Scope, id: string, index: number): Folder => {
		const title = source.modules.get(id)!.title;
		const page = { identifier: xmlId('item', folder.id, id), title, resource: xmlId(options.links ? 'link' : 'page', id) };
		return {
			identifier: xmlId('module', folder.id, id),
			title: `${index + 1}. ${title}`,
			items: [page, ...after.get(id)!.map((item) => ({ ...item, identifier: xmlId('item', folder.id, id, item.identifier) }))],
		};
	};
	const trackFolders: Folder[] = folders.map((folder) => {
		const syllabus = syllabi.get(folder.id)?.item;
		return {
			identifier: xmlId('folder', folder.id),
			title: folder.title,
			items: [...(syllabus ? [syllabus] : []), ...folder.modules.map((id, index) => moduleFolder(folder, id, index))],
		};
	});
	if (!options.track) return trackFolders;
	return trackFolders.flatMap((folder, index) => folder.items.map((item) => ('resource' in item ? { identifier: xmlId('unit', folders[index]!.id, 'syllabus'), title: words('currents.cartridge.syllabusUnit'), items: [item] } : item)));
}

/** A track, or the whole curriculum's modules that no track lists, and its modules in order. */
type Scope = { id: string; title: string; modules: string[] };

/** Tracks in the order the curriculum sets, and for the whole curriculum the modules no track lists. */
function foldersOf(source: CartridgeSource, only: string | undefined): Scope[] {
	const tracks = [...source.tracks].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
	if (only !== undefined && !tracks.some((track) => track.id === only)) {
		throw new Error(`There is no track "${only}". Tracks: ${tracks.map((track) => track.id).join(', ') || 'none'}.`);
	}
	const chosen = tracks.filter((track) => only === undefined || track.id === only);
	for (const track of chosen) {
		const missing = track.data.modules.filter((id) => !source.modules.has(id));
		if (missing.length > 0) throw new Error(`The track "${track.id}" lists modules that do not exist: ${missing.join(', ')}. Run \`npm run check\`.`);
	}
	const folders = chosen.map((track) => ({ id: track.id, title: track.data.title, modules: [...track.data.modules] }));
	if (only === undefined) {
		const listed = new Set(tracks.flatMap((track) => track.data.modules));
		const rest = [...source.modules].filter(([id]) => !listed.has(id)).sort((a, b) => a[1].title.localeCompare(b[1].title));
		// The folder's id starts with "_", which no track id can, so the two never clash.
		if (rest.length > 0) folders.push({ id: '_more', title: 'More modules', modules: rest.map(([id]) => id) });
	}
	return folders;
}

const releaseOf = (data: ModuleData) => data.changelog.find((entry) => entry.version === data.version)?.date ?? data.reviewed;

/** The day of the newest release among modules, `1980-01-01` (the first day a ZIP file can hold) for none. */
const newestRelease = (modules: readonly ModuleData[]) => modules.map(releaseOf).reduce((newest, day) => (day > newest ? day : newest), '1980-01-01');

/**
 * The syllabus of each track among the folders, by track: the whole curriculum's "More modules" is no
 * track and has none. Each is made once per source and form, and goes into the track's cartridge and
 * the whole curriculum's.
 */
function syllabiOf(source: CartridgeSource, folders: readonly Scope[], options: CartridgeOptions): Map<string, PackedSyllabus> {
	const made = syllabiMade.get(source) ?? new Map<string, PackedSyllabus>();
	syllabiMade.set(source, made);
	const syllabi = new Map<string, PackedSyllabus>();
	for (const folder of folders) {
		const track = source.tracks.find((candidate) => candidate.id === folder.id);
		if (!track) continue;
		const key = options.links ? `${track.id} links` : track.id;
		let syllabus = made.get(key);
		if (!syllabus) {
			const date = newestRelease(folder.modules.map((id) => source.modules.get(id)!));
			syllabus = syllabusPart(track, source.config, source.read, { links: options.links === true, date, language: languageOf(source) });
			made.set(key, syllabus);
		}
		syllabi.set(track.id, syllabus);
	}
	return syllabi;
}

function resourceMetadata(module: Module, config: CurriculumConfig, words: CartridgeWords, textLanguage?: string) {
	const license = licenseOf(module.data.license ?? config.license);
	return {
		...(textLanguage ? { language: textLanguage } : {}),
		title: module.data.title,
		version: module.data.version,
		authors: citationOf(module, config).people,
		minutes: module.data.duration,
		rights: rightsOf({ id: license.id, name: license.name, url: license.url }, words),
	};
}

/**
 * The address of the page a cartridge gives for a module: the permanent address of its major (the
 * module's own for a 0.x pre-release), or in a translation's language the one a course taught in it
 * assigns, in that language while the translation follows the current major.
 */
function addressOf(module: Module, source: CartridgeSource): string {
	return source.translation ? new URL(source.translation.assigned(module.id), source.config.site).href : citationOf(module, source.config).url;
}

/**
 * A module as a web link to the permanent address of its major, named by that major (`version 2.x`):
 * the address shows each minor and patch release of it, so a full version in the link's name would
 * be wrong after the next one. A pre-release has no permanent address, and its name no version.
 */
function linkResource(module: Module, source: CartridgeSource): Packed {
	const { words } = languageOf(source);
	const file = `weblinks/${module.id}.xml`;
	const url = addressOf(module, source);
	const major = majorOf(module.data.version);
	const title = major >= 1 ? words('currents.cartridge.linkTitle', { title: module.data.title, major }) : module.data.title;
	return {
		resource: { identifier: xmlId('link', module.id), type: 'imswl_xmlv1p3', files: [file], metadata: resourceMetadata(module, source.config, words, textLanguageOf(module, source)) },
		entries: [{ name: file, data: webLinkXml(title, url) }],
		reads: [],
	};
}

/**
 * A module as its built page made standalone, with the site's images it shows; and what the site
 * shows only in its instructor view: each discussion prompt as a discussion topic, and the
 * instructor notes as a page of their own, both for instructors (platforms import them unpublished).
 */
function pageResource(module: Module, source: CartridgeSource): PackedPage {
	const { config, translation } = source;
	const { code, prefix, words } = languageOf(source);
	const reads: string[] = [];
	const read = (path: string) => {
		reads.push(path);
		return source.read(path);
	};
	const built = builtPagePath(module.id, prefix);
	const html = read(built);
	if (!html) throw new Error(`The built page ${built} of the module "${module.id}" is missing. Build the site first (npm run build), then export.`);
	const packaged = packagedPagePath(module.id, module.data.version);
	const folder = packaged.slice(0, -'index.html'.length);
	const assets = new Map<string, string>();
	const entries: ZipEntry[] = [];
	const asset = (path: string) => {
		if (assets.has(path)) return assets.get(path);
		// An address's path as a file name: `/img/a%20b.png` is the file `img/a b.png`.
		const bytes = read(safeDecodeUriComponent(path).replace(/^\/+/, ''));
		if (!bytes) return undefined;
		const base = path.split('/').pop()!.replace(/[^A-Za-z0-9._-]/g, '_') || 'file';
		const name = `assets/${[...assets.values()].includes(`assets/${base}`) ? `${assets.size}-${base}` : base}`;
		assets.set(path, name);
		entries.push({ name: `${folder}${name}`, data: bytes });
		return name;
	};
	const citation = citationOf(module, config);
	const url = addressOf(module, source);
	const license = licenseOf(module.data.license ?? config.license);
	// As the pages name levels: in a translation's language the config's translation, or the level's own name.
	const level = (translation ? config.translations[code]?.levels?.[module.data.level] : undefined) ?? namer(config.levels)(module.data.level);
	const link = (href: string, label: string) => `<a href="${escape(href)}" target="_blank" rel="noopener">${escape(label)}</a>`;
	// The reference is the original's, as the module page in another language says to cite it, in the original's words.
	const original = translation ? { id: module.id, data: translation.originals.get(module.id) ?? module.data } : module;
	const reference = apaHtml(original, config).replace(/<a /g, '<a target="_blank" rel="noopener" ');
	const attribution = [
		'<p>',
		words('currents.cartridge.attribution', {
			title: `<cite>${link(url, module.data.title)}</cite>`,
			version: escape(module.data.version),
			date: escape(dayText(citation.date, code)),
			by: citation.people.length > 0 ? words('currents.cartridge.by', { people: escape(citation.people.join(', ')) }) : '',
			site: link(new URL(`/${prefix}`, config.site).href, config.title),
		}),
		words('currents.cartridge.license', { license: `${license.url ? link(license.url, license.name) : escape(license.name)}${license.name === license.id ? '' : ` (${escape(license.id)})`}` }),
		'</p>',
		`<p>${words('currents.cartridge.citeAs')} ${translation ? `<span lang="${escape(config.locales[0] ?? 'en')}">${reference}</span>` : reference}</p>`,
	].join('');
	const { page, discussions, notes } = modulePage({
		html: new TextDecoder().decode(html),
		url,
		title: module.data.title,
		version: module.data.version,
		released: citation.date,
		duration: module.data.duration,
		level,
		language: code,
		textLanguage: textLanguageOf(module, source),
		words,
		keepQuiz: !module.data.quiz.every(fitsQti) || module.data.quiz.length === 0,
		attribution,
		asset,
		pin: (path) => {
			const id = new RegExp(`^/(?:${prefix})?modules/([^/]+)/$`).exec(path)?.[1];
			const version = id ? source.modules.get(id)?.version : undefined;
			if (translation) return version ? translation.assigned(id!) : undefined;
			return version && majorOf(version) >= 1 ? permalinkHref(id!, majorOf(version)) : undefined;
		},
	});
	// Bytes, not text: the same page goes into several cartridges and is compressed once (zip.ts).
	entries.unshift({ name: packaged, data: Buffer.from(page, 'utf8') });
	const resource: Resource = {
		identifier: xmlId('page', module.id),
		type: 'webcontent',
		href: packaged,
		files: entries.map((entry) => entry.name),
		metadata: resourceMetadata(module, config, words, textLanguageOf(module, source)),
	};
	const forInstructors = { ...resource.metadata!, minutes: undefined, role: 'Instructor' as const };
	const instructor: InstructorPart[] = discussions.map((prompt, index) => discussionPart(module, prompt, index + 1, url, forInstructors, words));
	if (notes) {
		const name = `${folder}instructor-notes.html`;
		const title = words('currents.cartridge.notes', { title: module.data.title });
		instructor.push({
			resource: { identifier: xmlId('notes', module.id), type: 'webcontent', href: name, files: [name], metadata: { ...forInstructors, title } },
			entry: { name, data: Buffer.from(notes, 'utf8') },
			item: 'notes',
			title,
		});
	}
	return { resource, entries, reads, instructor };
}

/**
 * A discussion prompt as a topic, titled as the module's page titles it (a prompt left with the
 * box's default title takes the module's), its text followed by where it comes from.
 */
function discussionPart(module: Module, prompt: DiscussionPrompt, number: number, url: string, metadata: Resource['metadata'], words: CartridgeWords): InstructorPart {
	const title = prompt.title === words('currents.parts.discuss') ? `${prompt.title}: ${module.data.title}` : prompt.title;
	const source = `<cite><a href="${escape(url)}" target="_blank" rel="noopener">${escape(module.data.title)}</a></cite>`;
	const from = `<p>${words('currents.cartridge.discussionFrom', { title: source, version: escape(module.data.version) })}</p>`;
	const name = `discussions/${module.id}/${number}.xml`;
	return {
		resource: { identifier: xmlId('discussion', module.id, String(number)), type: 'imsdt_xmlv1p3', files: [name], metadata: { ...metadata!, title } },
		entry: { name, data: Buffer.from(discussionXml(title, `${prompt.html}\n${from}`), 'utf8') },
		item: `discussion${number}`,
		title: words('currents.cartridge.discussion', { title }),
	};
}

function slug(title: string): string {
	return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'curriculum';
}

/** Text that ends as a sentence does, so the next one can follow it. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
