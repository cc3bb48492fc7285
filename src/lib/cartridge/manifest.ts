/**
 * `imsmanifest.xml` of a Common Cartridge 1.3: the cartridge's metadata (IEEE LOM in the cartridge
 * profile), its one organization and its resources. The schema allows a single organization, whose
 * root holds folders, and folders may hold folders. Learning platforms make a unit of the course of
 * each folder under the root (in Canvas, a module): a track's cartridge holds one
 * folder per module of the track, in order, so that a course gets a unit per module to schedule
 * week by week; the whole curriculum's holds one folder per track, each with its modules' folders.
 */
import { ENGLISH, type CartridgeWords } from './words.ts';
import { el, text, xmlDocument, type Attributes } from './xml.ts';

export const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1';
const LOM_MANIFEST = 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest';
const LOM_RESOURCE = 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource';
const PROFILE = 'http://www.imsglobal.org/profile/cc/ccv1p3';
const ROLES = 'IMSGLC_CC_Rolesv1p3';

export type ResourceType = 'webcontent' | 'imswl_xmlv1p3' | 'imsqti_xmlv1p2/imscc_xmlv1p3/assessment' | 'imsdt_xmlv1p3';

export interface ResourceMetadata {
	title: string;
	version: string;
	/** People credited as authors. */
	authors: string[];
	/** Minutes of learning, where the resource is something a learner works through. */
	minutes?: number;
	/** The rights statement of this resource, whose licence may differ from the curriculum's. */
	rights: string;
	/**
	 * Who the resource is for, when only instructors should see it: platforms import such a resource
	 * unpublished (Canvas: a locked file, an unpublished topic and module item) for the instructor to use.
	 */
	role?: 'Instructor';
	/** The language of the resource's title and text, where it is not the cartridge's (a module not translated yet, in a translation's cartridge). */
	language?: string;
}

export interface Resource {
	identifier: string;
	type: ResourceType;
	/** The file a platform opens; only web content has one (web links, assessments and discussion topics must not). */
	href?: string;
	files: string[];
	metadata?: ResourceMetadata;
}

/** An item of the organization that opens a resource. */
export interface Item {
	identifier: string;
	title: string;
	resource: string;
}

export interface Folder {
	identifier: string;
	title: string;
	items: (Item | Folder)[];
}

export interface ManifestData {
	identifier: string;
	title: string;
	description: string;
	/** BCP-47 language of the content. */
	language: string;
	/** What edition this is, in words a learning technologist can compare. */
	version: string;
	/** The day of the newest release the cartridge holds, `YYYY-MM-DD`. */
	date: string;
	publisher: string;
	/** The address the cartridge's content comes from. */
	url: string;
	license: { id: string; name: string; url?: string };
	keywords: string[];
	minutes: number;
	folders: Folder[];
	resources: Resource[];
	/** The words of the rights statement, in the cartridge's language; English when not given. */
	words?: CartridgeWords;
}

const vocabulary = (prefix: string, name: string, value: string) =>
	el(`${prefix}:${name}`, {}, el(`${prefix}:source`, {}, 'LOMv1.0'), el(`${prefix}:value`, {}, text(value)));

/** A vCard that names a person or organisation, as LOM's `entity` wants; vCard escapes `\`, `,` and `;`. */
export function vcard(name: string): string {
	const value = name.replace(/[\\,;]/g, (character) => `\\${character}`).replace(/\s+/g, ' ');
	return `BEGIN:VCARD\nVERSION:3.0\nFN:${value}\nN:${value}\nEND:VCARD`;
}

/** LOM elements shared by the manifest's and each resource's metadata, under `prefix`. */
function lom(prefix: string, data: { language: string; title: string; description?: string; version: string; date?: string; publisher?: string; authors?: string[]; keywords?: string[]; url?: string; minutes?: number; rights?: string; role?: string }): string {
	const p = (name: string) => `${prefix}:${name}`;
	const ls = (value: string) => el(p('string'), { language: data.language }, text(value));
	const contribute = (role: string, entity: string, date?: string) =>
		el(p('contribute'), {}, vocabulary(prefix, 'role', role), el(p('entity'), {}, text(vcard(entity))), date && el(p('date'), {}, el(p('dateTime'), {}, text(date))));
	return el(
		p('lom'),
		{},
		el(
			p('general'),
			{},
			data.url && el(p('identifier'), {}, el(p('catalog'), {}, 'URI'), el(p('entry'), {}, text(data.url))),
			el(p('title'), {}, ls(data.title)),
			el(p('language'), {}, text(data.language)),
			data.description && el(p('description'), {}, ls(data.description)),
			...(data.keywords ?? []).map((keyword) => el(p('keyword'), {}, ls(keyword)))
		),
		el(
			p('lifeCycle'),
			{},
			el(p('version'), {}, ls(data.version)),
			vocabulary(prefix, 'status', 'final'),
			...(data.authors ?? []).map((author) => contribute('author', author)),
			data.publisher && contribute('publisher', data.publisher, data.date)
		),
		(data.role || data.minutes !== undefined) &&
			el(
				p('educational'),
				{},
				// The cartridge profile's own vocabulary of roles: Learner, Instructor, Mentor.
				data.role && el(p('intendedEndUserRole'), {}, el(p('source'), {}, ROLES), el(p('value'), {}, text(data.role))),
				data.minutes !== undefined && el(p('typicalLearningTime'), {}, el(p('duration'), {}, `PT${Math.max(0, Math.round(data.minutes))}M`))
			),
		data.rights &&
			el(
				p('rights'),
				{},
				vocabulary(prefix, 'copyrightAndOtherRestrictions', 'yes'),
				el(p('description'), {}, ls(data.rights))
			)
	);
}

/** The rights statement: the licence by name, id and address, in the cartridge's words (English unless given). */
export const rightsOf = (license: ManifestData['license'], words: CartridgeWords = ENGLISH) =>
	words('currents.cartridge.license', { license: `${license.name}${license.name === license.id ? '' : ` (${license.id})`}${license.url ? `: ${license.url}` : ''}` });

export function manifestXml(data: ManifestData): string {
	const root: Attributes = {
		identifier: data.identifier,
		xmlns: CP_NAMESPACE,
		'xmlns:lomimscc': LOM_MANIFEST,
		'xmlns:lom': LOM_RESOURCE,
		'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
		'xsi:schemaLocation': [
			`${CP_NAMESPACE} ${PROFILE}/ccv1p3_imscp_v1p2_v1p0.xsd`,
			`${LOM_MANIFEST} ${PROFILE}/LOM/ccv1p3_lommanifest_v1p0.xsd`,
			`${LOM_RESOURCE} ${PROFILE}/LOM/ccv1p3_lomresource_v1p0.xsd`,
		].join(' '),
	};
	const metadata = el(
		'metadata',
		{},
		el('schema', {}, 'IMS Common Cartridge'),
		el('schemaversion', {}, '1.3.0'),
		lom('lomimscc', { ...data, rights: rightsOf(data.license, data.words) })
	);
	const organization = el(
		'organization',
		{ identifier: `${data.identifier}_organization`, structure: 'rooted-hierarchy' },
		el(
			'item',
			{ identifier: `${data.identifier}_root` },
			...data.folders.map(folderItem)
		)
	);
	const resources = data.resources.map((resource) =>
		el(
			'resource',
			{ identifier: resource.identifier, type: resource.type, href: resource.href },
			resource.metadata && el('metadata', {}, lom('lom', { language: data.language, ...resource.metadata })),
			...resource.files.map((href) => el('file', { href }))
		)
	);
	return xmlDocument(el('manifest', root, metadata, el('organizations', {}, organization), el('resources', {}, ...resources)));
}

/** A folder of the organization as an `item` holding its items, folders within it included. */
function folderItem(folder: Folder): string {
	return el(
		'item',
		{ identifier: folder.identifier },
		el('title', {}, text(folder.title)),
		...folder.items.map((item) => ('resource' in item ? el('item', { identifier: item.identifier, identifierref: item.resource }, el('title', {}, text(item.title))) : folderItem(item)))
	);
}
