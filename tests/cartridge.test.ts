import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzip } from './unzip.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCartridge } from '../src/lib/cartridge/cartridge.ts';
import { PAGE_STYLES, stylesFor } from '../src/lib/cartridge/styles.ts';
import { staleReason, writeSiteCartridges } from '../src/lib/cartridge/export.ts';
import { escapeXml } from '../src/lib/cartridge/xml.ts';
import { zip } from '../src/lib/cartridge/zip.ts';
import { SHARED_END } from '../src/lib/embeds/assemble.ts';
import { loadCurriculum, type Curriculum } from '../src/lib/curriculum/load.ts';
import { curriculumConfigSchema } from '../src/lib/curriculum/schema/config.ts';
import { moduleSchema, type ModuleData } from '../src/lib/curriculum/schema/module.ts';
import { trackSchema } from '../src/lib/curriculum/schema/track.ts';
import { checkXml } from '../src/lib/safety/xml-wellformed.ts';
import { copyFixture, ROOT, runScript, sharedBuild, sharedContent, specFile, TMP } from './utils.ts';
import { englishFragments, englishLeft } from './english-left.ts';
import { UI_STRINGS } from '../src/lib/i18n/ui/index.ts';
import starlightStrings from '../node_modules/@astrojs/starlight/dist/translations/index.js';

/** The IMS Common Cartridge 1.3 schemas, beside the repository as in every checkout and CI run. */
const SPECS = join(ROOT, '..', 'shared', 'specs', 'common-cartridge-1.3');
const WORK = join(TMP, 'cartridge', 'test');
const DIST = join(WORK, 'dist');
const OUT = join(WORK, 'out');

// ---------------------------------------------------------------------------------------------
// Readers the tests use to look inside what the export wrote, independent of the code that wrote it.

interface Node {
	name: string;
	attributes: Record<string, string>;
	children: Node[];
	text: string;
}

/** A small reader for the well-formed XML the export writes (checked first with the site's XML checker). */
function parseXml(source: string): Node {
	expect(checkXml(source)).toBeNull();
	const root: Node = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [root];
	const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
	for (const [, close, name, attributes, selfClosing, text] of source.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g)) {
		const top = stack.at(-1)!;
		if (text !== undefined) top.text += decode(text);
		else if (close) stack.pop();
		else {
			const node: Node = { name: name!, attributes: {}, children: [], text: '' };
			for (const [, key, value] of attributes!.matchAll(/([\w:.-]+)="([^"]*)"/g)) node.attributes[key!] = decode(value!);
			top.children.push(node);
			if (!selfClosing) stack.push(node);
		}
	}
	return root.children[0]!;
}

const all = (node: Node, name: string): Node[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => all(child, name))];
const child = (node: Node, name: string) => node.children.find((c) => c.name === name);

/** Validates a file against a schema with xmllint, offline, the schemas' web imports mapped to local files. */
function validate(file: string, schema: string): { status: number | null; output: string } {
	const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SPECS, schema), file], {
		encoding: 'utf8',
		env: { ...process.env, XML_CATALOG_FILES: join(WORK, 'xsd', 'catalog.xml') },
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The schemas import each other and the W3C's `xml.xsd` from the web. A catalog maps those
 * addresses to the local copies, and `xml.xsd`, which is not among them, to a stand-in that
 * declares the four `xml:` attributes.
 */
function prepareSchemas(): void {
	const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
	if (xmllint.error) {
		throw new Error('xmllint is not installed, so the cartridge cannot be validated against the Common Cartridge schemas. Install it with `apt-get install -y libxml2-utils` (.ci/run does).');
	}
	specFile('common-cartridge-1.3', 'ccv1p3_imscp_v1p2_v1p0.xsd', 'The Common Cartridge 1.3 schemas');
	const dir = join(WORK, 'xsd');
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'xml.xsd'),
		`<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
	<xs:attribute name="lang" type="xs:language"/>
	<xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
	<xs:attribute name="base" type="xs:anyURI"/>
	<xs:attribute name="id" type="xs:ID"/>
</xs:schema>
`
	);
	const specs = `${pathToFileURL(SPECS).href}/`;
	writeFileSync(
		join(dir, 'catalog.xml'),
		`<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
	<uri name="http://www.imsglobal.org/xsd/w3/2001/xml.xsd" uri="${pathToFileURL(join(dir, 'xml.xsd')).href}"/>
	<rewriteURI uriStartString="http://www.imsglobal.org/profile/cc/ccv1p3/LOM/" rewritePrefix="${specs}"/>
	<rewriteURI uriStartString="http://www.imsglobal.org/profile/cc/ccv1p3/" rewritePrefix="${specs}"/>
</catalog>
`
	);
}

// ---------------------------------------------------------------------------------------------

describe('Common Cartridge export of the fixture curriculum', () => {
	let content = '';
	let curriculum: Curriculum;
	let firstRun: ReturnType<typeof runScript>;
	const cartridges = new Map<string, Map<string, Buffer>>();
	const cache = join(TMP, 'cartridge', 'cache');
	const exportCartridge = (...args: string[]) => runScript('export', ['cartridge', '--content', content, '--dist', DIST, '--out', OUT, ...args], { CURRENTS_CACHE_DIR: cache });

	beforeAll(() => {
		prepareSchemas();
		// Astro's content cache keeps the file paths of the fixture copy it was filled from, which the
		// last run removed when it ended (tests/global-setup.ts): each run starts without it.
		for (const dir of [DIST, OUT, cache]) rmSync(dir, { recursive: true, force: true });
		content = copyFixture('valid-course');
		curriculum = loadCurriculum(content, ROOT);
		// No site is built yet: the first export builds it; the others use it.
		firstRun = exportCartridge('--track', 'tea-foundations');
		for (const args of [[], ['--links'], ['--track', 'tea-foundations', '--links']]) {
			const run = exportCartridge(...args);
			expect(run.status, run.output).toBe(0);
			expect(run.stdout).toContain('Using the site built in');
		}
		// --out gets the file itself, without the site's tracks/ folder.
		for (const name of ['tea-foundations.imscc', 'steeped.imscc', 'steeped.links.imscc', 'tea-foundations.links.imscc']) {
			cartridges.set(name, unzip(readFileSync(join(OUT, name))));
		}
	});

	it('builds the site first when there is none, and says so', () => {
		expect(firstRun.status, firstRun.output).toBe(0);
		expect(firstRun.stdout).toMatch(/Building the site first, because there is no built site/);
		expect(firstRun.stdout).toMatch(/Wrote \S*test\/out\/tea-foundations\.imscc \(\d+ KB\): the track "tea-foundations"/);
		// The folder given is where the file goes, without the tracks/ folder the site keeps them in.
		expect(readdirSync(OUT).sort()).toEqual(['steeped.imscc', 'steeped.links.imscc', 'tea-foundations.imscc', 'tea-foundations.links.imscc']);
		expect(existsSync(join(DIST, 'modules', 'brewing-basics', 'v2', 'index.html'))).toBe(true);
	});

	it('writes manifests that validate against the Common Cartridge 1.3 schema', () => {
		for (const [name, files] of cartridges) {
			const file = join(WORK, `${name.replace(/\W/g, '-')}-imsmanifest.xml`);
			writeFileSync(file, files.get('imsmanifest.xml')!);
			const result = validate(file, 'ccv1p3_imscp_v1p2_v1p0.xsd');
			expect(result.output, name).toContain('validates');
			expect(result.status, `${name}: ${result.output}`).toBe(0);
		}
	});

	it('writes web links that validate against the web link schema, pointing at each versioned page', () => {
		const files = cartridges.get('tea-foundations.links.imscc')!;
		const links = [...files.keys()].filter((name) => name.startsWith('weblinks/'));
		expect(links.sort()).toEqual(['weblinks/brewing-basics.xml', 'weblinks/serving.xml', 'weblinks/tracks/tea-foundations/syllabus.xml', 'weblinks/water-temperature.xml']);
		for (const name of links) {
			const file = join(WORK, name.replace(/\W/g, '-'));
			writeFileSync(file, files.get(name)!);
			const result = validate(file, 'ccv1p3_imswl_v1p3.xsd');
			expect(result.status, `${name}: ${result.output}`).toBe(0);
		}
		const brewing = parseXml(files.get('weblinks/brewing-basics.xml')!.toString('utf8'));
		expect(child(brewing, 'url')!.attributes.href).toBe('https://steeped.example.org/modules/brewing-basics/v2/');
		// Named by its major, as the address is: the link shows version 2.1.0 today and 2.2.0 after the next release.
		expect(child(brewing, 'title')!.text).toBe('Brewing basics (version 2.x)');
	});

	it('holds every file its manifest names, and nothing else', () => {
		for (const [name, files] of cartridges) {
			const manifest = parseXml(files.get('imsmanifest.xml')!.toString('utf8'));
			const named = new Set(all(manifest, 'file').map((file) => file.attributes.href!));
			expect(named.size, name).toBeGreaterThan(0);
			for (const href of named) expect(files.has(href), `${name} lacks ${href}`).toBe(true);
			expect([...files.keys()].filter((file) => file !== 'imsmanifest.xml' && !named.has(file)), name).toEqual([]);
		}
	});

	it('keeps the rules the schema states in Schematron, which xmllint cannot run', () => {
		for (const [name, files] of cartridges) {
			const manifest = parseXml(files.get('imsmanifest.xml')!.toString('utf8'));
			const resources = all(manifest, 'resource');
			const ids = new Set(resources.map((resource) => resource.attributes.identifier));
			for (const resource of resources) {
				const hrefs = all(resource, 'file').map((file) => file.attributes.href);
				expect(new Set(hrefs).size, `${name}: a file listed twice`).toBe(hrefs.length);
				if (resource.attributes.type === 'webcontent') expect(hrefs, name).toContain(resource.attributes.href);
				else {
					// Web links and assessments: exactly one file, no href, no dependency.
					expect(resource.attributes.href, name).toBeUndefined();
					expect(hrefs, name).toHaveLength(1);
					expect(all(resource, 'dependency'), name).toEqual([]);
				}
			}
			for (const item of all(manifest, 'item')) {
				if (item.attributes.identifierref) expect(ids.has(item.attributes.identifierref), `${name}: ${item.attributes.identifierref}`).toBe(true);
				// An item that opens a resource holds no items of its own.
				if (item.attributes.identifierref) expect(all(item, 'item'), name).toEqual([item]);
			}
		}
	});

	it("gives each module of the track a folder of its own, a unit of the course once imported, in the track's order, with its page, knowledge check, discussions and instructor notes", () => {
		const track = curriculum.tracks.find((t) => t.id === 'tea-foundations')!;
		for (const name of ['tea-foundations.imscc', 'tea-foundations.links.imscc']) {
			const manifest = parseXml(cartridges.get(name)!.get('imsmanifest.xml')!.toString('utf8'));
			const organizations = all(manifest, 'organization');
			expect(organizations).toHaveLength(1);
			// A learning platform makes a unit (a Canvas module, a Moodle section) of each folder under the root;
			// the first holds the track's syllabus.
			const folders = child(organizations[0]!, 'item')!.children.filter((node) => node.name === 'item').slice(1);
			expect(folders.map((folder) => child(folder, 'title')!.text)).toEqual(['1. Water temperature', '2. Brewing basics', '3. Serving']);
			const resources = new Map(all(manifest, 'resource').map((resource) => [resource.attributes.identifier!, resource]));
			const opened = folders
				.flatMap((folder) => folder.children.filter((node) => node.name === 'item'))
				.map((item) => {
					const resource = resources.get(item.attributes.identifierref!)!;
					const file = child(resource, 'file')!.attributes.href!;
					const kind = { 'imsqti_xmlv1p2/imscc_xmlv1p3/assessment': 'quiz', imsdt_xmlv1p3: 'discussion' }[resource.attributes.type!] ?? (file.endsWith('instructor-notes.html') ? 'notes' : 'page');
					return `${kind} ${/^(?:modules|weblinks|assessments|discussions)\/([a-z0-9-]+)/.exec(file)![1]}`;
				});
			// Only brewing-basics has a discussion prompt and instructor notes.
			expect(opened).toEqual(track.data.modules.flatMap((id) => [`page ${id}`, `quiz ${id}`, ...(id === 'brewing-basics' ? [`discussion ${id}`, `notes ${id}`] : [])]));
		}
	});

	it('has manifest metadata with title, description, licence and version', () => {
		const manifest = cartridges.get('tea-foundations.imscc')!.get('imsmanifest.xml')!.toString('utf8');
		const lom = parseXml(manifest);
		const text = (name: string) => all(lom, name).map((node) => all(node, 'lomimscc:string').map((s) => s.text).join(''))[0];
		expect(text('lomimscc:title')).toBe('Tea foundations (Steeped)');
		// The track's cartridge of links is told apart from it once both are imported.
		const links = parseXml(cartridges.get('tea-foundations.links.imscc')!.get('imsmanifest.xml')!.toString('utf8'));
		expect(all(links, 'lomimscc:title').map((node) => all(node, 'lomimscc:string').map((s) => s.text).join(''))[0]).toBe('Tea foundations (Steeped), links to the site');
		expect(text('lomimscc:description')).toContain('From boiling water to a pot worth sharing.');
		expect(text('lomimscc:description')).toContain('Water temperature 1.0.0, Brewing basics 2.1.0, Serving 1.0.1');
		expect(text('lomimscc:description')).toMatch(/The track's certificate asks for 75% of the questions in each knowledge check answered right\.$/);
		expect(text('lomimscc:version')).toBe('2026-11-01');
		expect(all(lom, 'lomimscc:rights').map((r) => all(r, 'lomimscc:string')[0]!.text)).toEqual([
			'Licensed under Creative Commons Attribution 4.0 International (CC-BY-4.0): https://creativecommons.org/licenses/by/4.0/.',
		]);
	});

	it('puts one folder per track, in order, in the whole curriculum, each with a folder per module', () => {
		const manifest = parseXml(cartridges.get('steeped.imscc')!.get('imsmanifest.xml')!.toString('utf8'));
		const root = child(all(manifest, 'organization')[0]!, 'item')!;
		const tracks = root.children.filter((n) => n.name === 'item');
		expect(tracks.map((folder) => child(folder, 'title')!.text)).toEqual(curriculum.tracks.map((t) => t.data.title));
		const modules = tracks[0]!.children.filter((n) => n.name === 'item').map((folder) => child(folder, 'title')!.text);
		expect(modules).toEqual(['Syllabus: Tea foundations', '1. Water temperature', '2. Brewing basics', '3. Serving']);
	});

	/** The first item of a track's organization in a cartridge: in the track's own, in its first unit; in the whole curriculum's, first in the track's folder. */
	const firstOfTrack = (name: string) => {
		const manifest = parseXml(cartridges.get(name)!.get('imsmanifest.xml')!.toString('utf8'));
		const units = child(all(manifest, 'organization')[0]!, 'item')!.children.filter((node) => node.name === 'item');
		const first = units[0]!.children.find((node) => node.name === 'item')!;
		const resource = all(manifest, 'resource').find((r) => r.attributes.identifier === first.attributes.identifierref)!;
		return { unit: child(units[0]!, 'title')!.text, item: first, title: child(first, 'title')!.text, resource, roles: all(resource, 'lom:intendedEndUserRole').map((node) => child(node, 'lom:value')!.text) };
	};

	it("opens each track's organization with its syllabus, marked for instructors as the discussion topics are", () => {
		for (const name of ['tea-foundations.imscc', 'steeped.imscc', 'tea-foundations.links.imscc', 'steeped.links.imscc']) {
			const first = firstOfTrack(name);
			// In the track's cartridge it is the course's first unit; in the whole curriculum's, the first item of the track's folder.
			expect(first.unit, name).toBe(name.startsWith('tea-foundations') ? 'Syllabus' : 'Tea foundations');
			expect(first.title, name).toBe('Syllabus: Tea foundations');
			expect(first.item.children.filter((node) => node.name === 'item'), name).toEqual([]);
			expect(first.resource.attributes.type, name).toBe(name.includes('.links.') ? 'imswl_xmlv1p3' : 'webcontent');
			expect(first.roles, name).toEqual(['Instructor']);
		}
		expect(firstOfTrack('tea-foundations.imscc').resource.attributes.href).toBe('tracks/tea-foundations/syllabus/index.html');
	});

	it("carries the track's syllabus as a page of its own: schedule, outcomes, exercises and prompts, every link to the site, nothing that runs", () => {
		const track = curriculum.tracks.find((t) => t.id === 'tea-foundations')!;
		const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		for (const name of ['tea-foundations.imscc', 'steeped.imscc']) {
			const page = cartridges.get(name)!.get('tracks/tea-foundations/syllabus/index.html')!.toString('utf8');
			expect(page, name).toContain('<h1>Syllabus: Tea foundations</h1>');
			expect(page).not.toMatch(/<script|\son\w+=|<link rel="stylesheet"|<iframe|<form/i);
			expect(page).toContain('<style>');
			expect(page).toContain(html(track.data.summary));
			expect(page).toContain(html(track.data.audience));
			// The schedule: each module in order, linked at its major's permanent address; the outcomes, exercises and prompts of each.
			expect(page).toContain('<h2 id="schedule">');
			const positions = track.data.modules.map((id) => page.indexOf(`data-syllabus-module="${id}"`));
			expect(positions.every((at, i) => at > 0 && (i === 0 || at > positions[i - 1]!))).toBe(true);
			for (const id of track.data.modules) {
				const module = curriculum.modules.find((m) => m.id === id)!;
				expect(page).toContain(`href="https://steeped.example.org/modules/${id}/v${module.data.version.split('.')[0]}/"`);
				expect(page).toContain(html(module.data.summary));
				for (const outcome of module.data.outcomes) expect(page).toContain(`<li>${html(outcome)}</li>`);
				for (const [, title, deliverable] of module.body.matchAll(/<Exercise title="([^"]+)" deliverable="([^"]+)"/g)) {
					expect(page).toContain(`<strong>Exercise:</strong> ${html(title!)}. <strong>Learners hand in:</strong> ${html(deliverable!)}.`);
				}
				for (const [, title, prompt] of module.body.matchAll(/<Discussion title="([^"]+)">([^<]+)<\/Discussion>/g)) expect(page).toContain(`Discussion: ${html(title!)}</strong> ${html(prompt!)}`);
			}
			expect(page).toContain('<strong>Exercise:</strong>');
			expect(page).toContain('<h2 id="assessment">');
			// Every link leads to the site (or a licence), in full: the learners' track page and the feed too.
			expect(page).toContain('href="https://steeped.example.org/tracks/tea-foundations/"');
			expect(page).toContain('href="https://steeped.example.org/tracks/tea-foundations/feed.xml"');
			for (const [, address] of page.matchAll(/\shref="([^"]+)"/g)) expect(address, name).toMatch(/^(?:https:\/\/steeped\.example\.org\/|https:\/\/creativecommons\.org\/|#)/);
			// What only the site needs stays out: the day of the build, and the addresses written out for paper.
			expect(page).not.toContain('currents-syllabus__address');
			expect(page).not.toContain('As of');
			expect(page).toContain('<cite><a href="https://steeped.example.org/tracks/tea-foundations/syllabus/"');
		}
	});

	it('links the syllabus first in the link-only cartridges, at its page on the site', () => {
		for (const name of ['tea-foundations.links.imscc', 'steeped.links.imscc']) {
			const file = child(firstOfTrack(name).resource, 'file')!.attributes.href!;
			const link = parseXml(cartridges.get(name)!.get(file)!.toString('utf8'));
			expect(child(link, 'url')!.attributes.href, name).toBe('https://steeped.example.org/tracks/tea-foundations/syllabus/');
			expect(child(link, 'title')!.text, name).toBe('Syllabus: Tea foundations');
		}
	});

	it('carries each module as its rendered page, self-contained, with attribution and without scripts', () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		const page = files.get('modules/brewing-basics/v2/index.html')!.toString('utf8');
		const built = readFileSync(join(DIST, 'modules', 'brewing-basics', 'index.html'), 'utf8');
		expect(built).toMatch(/<script/i);
		expect(page).not.toMatch(/<script/i);
		expect(page).not.toMatch(/\son\w+=/i);
		expect(page).not.toMatch(/<link rel="stylesheet"|<iframe|<form/i);
		expect(page).toContain('<style>');
		// The module's own text, as the site renders it.
		expect(page).toContain('<h1>Brewing basics</h1>');
		expect(page).toContain('Use a teaspoon a cup. Never squeeze the bag.');
		expect(page).toContain('A pot for four');
		expect(page).toContain('Adjust steeping time to taste.');
		// Attribution: version, licence, versioned address.
		expect(page).toContain('version 2.1.0, released 2026-11-01');
		expect(page).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">Creative Commons Attribution 4.0 International</a>');
		expect(page).toContain('<cite><a href="https://steeped.example.org/modules/brewing-basics/v2/"');
		// Links lead to the site, not to addresses inside the learning platform, and to another module's
		// major as the cartridge was made: a course keeps the majors it imported.
		expect(page).toContain('href="https://steeped.example.org/modules/water-temperature/v1/"');
		expect(page).not.toContain('href="https://steeped.example.org/modules/water-temperature/"');
		expect(page).not.toMatch(/href="\/(?!\/)/);
		// The knowledge check is a scored quiz beside the page, so its answers are not printed in it.
		expect(page).not.toContain('Bitterness comes out with time.');
		// Every relative link and image of the page resolves inside the cartridge.
		for (const [, address] of page.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
			if (/^(?:https?:|mailto:|#)/.test(address!)) continue;
			expect(files.has(`modules/brewing-basics/v2/${address}`), address).toBe(true);
		}
	});

	it("gives each page the styles of what it holds: an aside's only where there is an aside", () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		const style = (id: string) => /<style>([^<]*)<\/style>/.exec([...files].find(([name]) => name.startsWith(`modules/${id}/`) && name.endsWith('.html'))![1].toString('utf8'))![1]!;
		const withAside = style('water-temperature');
		const without = style('brewing-basics');
		expect(readFileSync(join(DIST, 'modules', 'water-temperature', 'index.html'), 'utf8')).toContain('starlight-aside');
		expect(withAside).toContain('.starlight-aside{');
		expect(without).not.toContain('starlight-aside');
		// What every page has is styled in every page: its type, title, links and attribution.
		for (const css of [withAside, without]) {
			for (const rule of ['body{', 'h1{', 'a{', '.cc-attribution{']) expect(css).toContain(rule);
		}
		expect(without.length).toBeLessThan(PAGE_STYLES.length / 2);
	});

	it('keeps the pages in the web-link form out of the cartridge, but not the instructor notes', () => {
		const files = cartridges.get('steeped.links.imscc')!;
		expect([...files.keys()].filter((name) => name.endsWith('.html'))).toEqual(['modules/brewing-basics/v2/instructor-notes.html']);
	});

	it('carries discussion prompts as discussion topics and instructor notes as a page, both for instructors only', () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		const learners = files.get('modules/brewing-basics/v2/index.html')!.toString('utf8');
		expect(learners).not.toContain('Bring two pots');
		expect(learners).not.toContain('Bag or leaf?');
		// The topic: valid, titled as on the page, its prompt as HTML, and where it comes from.
		const topicFile = join(WORK, 'brewing-basics-topic.xml');
		writeFileSync(topicFile, files.get('discussions/brewing-basics/1.xml')!);
		const result = validate(topicFile, 'ccv1p3_imsdt_v1p3.xsd');
		expect(result.status, result.output).toBe(0);
		const topic = parseXml(files.get('discussions/brewing-basics/1.xml')!.toString('utf8'));
		expect(child(topic, 'title')!.text).toBe('Bag or leaf?');
		const text = child(topic, 'text')!;
		expect(text.attributes.texttype).toBe('text/html');
		expect(text.text).toMatch(/^Which do you use at home, and why\?\n<p>A discussion prompt from /);
		expect(text.text).toContain('<cite><a href="https://steeped.example.org/modules/brewing-basics/v2/" target="_blank" rel="noopener">Brewing basics</a></cite>, version 2.1.0');
		expect(text.text).not.toMatch(/Discussion<|currents-box__label/);
		// The notes: a page of their own, without the site's label, script or learners' text.
		const notes = files.get('modules/brewing-basics/v2/instructor-notes.html')!.toString('utf8');
		expect(notes).toContain('<h1>Instructor notes: Brewing basics</h1>');
		expect(notes).toContain('Bring two pots to class: one brewed for two minutes, one for six.');
		expect(notes).not.toMatch(/<script|<details|<summary|Use a teaspoon a cup/);
		expect(notes).toContain('version 2.1.0, released 2026-11-01');
		// Both are marked for instructors in the manifest, which platforms import unpublished.
		const manifest = parseXml(files.get('imsmanifest.xml')!.toString('utf8'));
		const role = (identifier: string) => {
			const resource = all(manifest, 'resource').find((r) => r.attributes.identifier === identifier)!;
			return all(resource, 'lom:intendedEndUserRole').map((node) => child(node, 'lom:value')!.text);
		};
		expect(role('discussion_brewing-basics_1')).toEqual(['Instructor']);
		expect(role('notes_brewing-basics')).toEqual(['Instructor']);
		expect(role('page_brewing-basics')).toEqual([]);
		const titles = all(manifest, 'item').map((item) => child(item, 'title')?.text);
		expect(titles).toContain('Discussion: Bag or leaf?');
		expect(titles).toContain('Instructor notes: Brewing basics');
	});

	it('turns each knowledge check into a scored quiz that rewards exactly the right choices', () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		for (const module of curriculum.modules) {
			const qti = parseXml(files.get(`assessments/${module.id}/assessment.xml`)!.toString('utf8'));
			expect(qti.attributes.xmlns).toBe('http://www.imsglobal.org/xsd/ims_qtiasiv1p2');
			expect(all(qti, 'assessment')[0]!.attributes.title).toBe(`Knowledge check: ${module.data.title}`);
			const items = all(qti, 'item');
			expect(items).toHaveLength(module.data.quiz.length);
			items.forEach((item, q) => {
				const question = module.data.quiz[q]!;
				expect(all(item, 'presentation')[0]!.children[0]!.children[0]!.text).toBe(question.question);
				const labels = all(item, 'response_label');
				expect(labels.map((label) => all(label, 'mattext')[0]!.text)).toEqual(question.choices.map((choice) => choice.text));
				const scoring = all(item, 'respcondition').find((condition) => all(condition, 'setvar').length > 0)!;
				expect(all(scoring, 'setvar')[0]!.text).toBe('100');
				const rewarded = all(scoring, 'varequal').filter((v) => !all(scoring, 'not').some((not) => all(not, 'varequal').includes(v)));
				const right = labels.filter((_, c) => question.choices[c]!.correct).map((label) => label.attributes.ident);
				expect(rewarded.map((v) => v.text)).toEqual(right);
				// Each choice's explanation is the feedback shown when it is picked.
				const feedback = new Map(all(item, 'itemfeedback').map((f) => [f.attributes.ident, all(f, 'mattext')[0]!.text]));
				labels.forEach((label, c) => {
					const shown = all(item, 'respcondition').find((condition) => all(condition, 'varequal')[0]?.text === label.attributes.ident && all(condition, 'displayfeedback').length > 0)!;
					expect(feedback.get(all(shown, 'displayfeedback')[0]!.attributes.linkrefid)).toBe(question.choices[c]!.explanation);
				});
			});
		}
	});

	it('says a built site is out of date once a content file changes, and which one', () => {
		expect(staleReason(DIST, curriculum)).toBeUndefined();
		const file = join(content, 'modules', 'serving.mdx');
		const { atime, mtime } = statSync(file);
		try {
			const later = new Date(Date.now() + 60_000);
			utimesSync(file, later, later);
			expect(staleReason(DIST, curriculum)).toMatch(/modules\/serving\.mdx changed after the site was built$/);
		} finally {
			utimesSync(file, atime, mtime);
		}
	});

	it('reuses the cartridges of the last build until a page or module they were made from changes', () => {
		const site = join(WORK, 'cached-site');
		const cache = join(WORK, 'cartridge-cache');
		for (const dir of [site, cache]) rmSync(dir, { recursive: true, force: true });
		cpSync(DIST, site, { recursive: true });
		const write = () => new Map(writeSiteCartridges(site, curriculum, cache).map(({ file, reused }) => [relative(join(site, 'downloads'), file), { reused, bytes: readFileSync(file) }]));
		const first = write();
		expect([...first.keys()].sort()).toEqual(['steeped.imscc', 'steeped.links.imscc', 'tracks/tea-foundations.imscc', 'tracks/tea-foundations.links.imscc']);
		expect([...first.values()].every(({ reused }) => !reused)).toBe(true);
		const second = write();
		for (const [name, { reused, bytes }] of second) {
			expect(reused, name).toBe(true);
			expect(bytes.equals(first.get(name)!.bytes), name).toBe(true);
		}
		// The syllabus changes, as it does when a module's exercise does: the cartridges that carry it are
		// made again, with the change; the link-only ones, which link to it, are not.
		const syllabus = join(site, 'tracks', 'tea-foundations', 'syllabus', 'index.html');
		writeFileSync(syllabus, readFileSync(syllabus, 'utf8').replace('<h2 id="assessment">', '<p>An exercise added since.</p><h2 id="assessment">'));
		const afterSyllabus = write();
		expect(Object.fromEntries([...afterSyllabus].map(([name, { reused }]) => [name, reused]))).toEqual({
			'steeped.imscc': false,
			'steeped.links.imscc': true,
			'tracks/tea-foundations.imscc': false,
			'tracks/tea-foundations.links.imscc': true,
		});
		expect(unzip(afterSyllabus.get('tracks/tea-foundations.imscc')!.bytes).get('tracks/tea-foundations/syllabus/index.html')!.toString('utf8')).toContain('An exercise added since.');
		// A page changes: the cartridges that carry it are made again, with the change; the link-only
		// ones too, since the instructor notes and discussion prompts they carry come from the page.
		const page = join(site, 'modules', 'serving', 'index.html');
		writeFileSync(page, readFileSync(page, 'utf8').replace(SHARED_END, `<p>A sentence added since.</p>${SHARED_END}`));
		const third = write();
		expect(Object.fromEntries([...third].map(([name, { reused }]) => [name, reused]))).toEqual({
			'steeped.imscc': false,
			'steeped.links.imscc': false,
			'tracks/tea-foundations.imscc': false,
			'tracks/tea-foundations.links.imscc': false,
		});
		const serving = [...unzip(third.get('steeped.imscc')!.bytes)].find(([name]) => name.startsWith('modules/serving/'))![1].toString('utf8');
		expect(serving).toContain('A sentence added since.');
		// A module's data changes without its page: the cartridges with that module are made again.
		const changed = { ...curriculum, modules: curriculum.modules.map((m) => (m.id === 'serving' ? { ...m, data: { ...m.data, duration: m.data.duration + 5 } } : m)) };
		const fourth = writeSiteCartridges(site, changed, cache).map(({ file, reused }) => [relative(join(site, 'downloads'), file), reused]);
		expect(Object.fromEntries(fourth)).toEqual({ 'steeped.imscc': false, 'steeped.links.imscc': false, 'tracks/tea-foundations.imscc': false, 'tracks/tea-foundations.links.imscc': false });
	});

	it('refuses an unknown track and names the tracks there are', () => {
		const run = exportCartridge('--track', 'oolong');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('There is no track "oolong". Tracks: tea-foundations.');
	});

	it('refuses an --out that is a file, before any build', () => {
		const file = join(TMP, 'cartridge', 'not-a-folder');
		writeFileSync(file, '');
		const run = runScript('export', ['cartridge', '--content', content, '--dist', join(TMP, 'cartridge', 'never-built'), '--out', file]);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('is a file. Give a folder for the cartridge');
		expect(existsSync(join(TMP, 'cartridge', 'never-built'))).toBe(false);
	});
});

describe('cartridge content that needs escaping', () => {
	beforeAll(prepareSchemas);

	it('escapes titles with ampersands, quotes, angle brackets and non-ASCII letters, and packages the images a page shows', () => {
		const config = curriculumConfigSchema.parse({
			title: 'Tea & "Biscuits": Café < Club',
			tagline: 'Brewing, baking & talking.',
			site: 'https://tea.example.org',
			repository: 'https://github.com/example/tea',
		});
		const data: ModuleData = {
			...moduleSchema.parse({
				title: 'Placeholder',
				summary: 'A module.',
				version: '1.2.0',
				level: 'foundation',
				duration: 10,
				outcomes: ['Pour.'],
				reviewed: '2026-01-02',
				contributors: ["Zoë O'Brien"],
				changelog: [{ version: '1.2.0', date: '2026-01-02', kind: 'added', summary: 'First.' }],
				quiz: [{ question: 'Is 1 < 2 & "yes"?', choices: [{ text: 'Yes, 1 < 2', correct: true, explanation: 'Because & so.' }, { text: "'No'", explanation: 'Ünless.' }] }],
			}),
			title: 'Scones & "jam" <first>? Ça dépend',
		};
		const track = trackSchema.parse({ title: 'Afternoon "tea" & more', summary: 'Things < 5 pence.', audience: 'Everyone & their aunt', modules: ['scones'], certificate: { title: 'Tea' } });
		const page = '<html><body><div class="sl-markdown-content"><p>Jam & cream</p><img src="/_astro/scone.abc.png" onerror="alert(1)" srcset="/x.png 2x"><a href="javascript:alert(1)">bad</a><script>alert(1)</script></div></body></html>';
		const syllabus = '<html><body><main><h1>Afternoon &quot;tea&quot; &amp; more: syllabus</h1><div class="sl-markdown-content"><p>Bring &amp; share</p></div></main></body></html>';
		const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		const cartridge = buildCartridge({
			config,
			modules: new Map([['scones', data]]),
			tracks: [{ id: 'afternoon', data: track }],
			read: (path) => (path === 'modules/scones/index.html' ? Buffer.from(page) : path === 'tracks/afternoon/syllabus/index.html' ? Buffer.from(syllabus) : path === '_astro/scone.abc.png' ? image : undefined),
		});
		expect(cartridge.path).toBe('downloads/tea-biscuits-cafe-club.imscc');
		const files = unzip(cartridge.bytes);
		const manifestFile = join(WORK, 'escaped-imsmanifest.xml');
		writeFileSync(manifestFile, files.get('imsmanifest.xml')!);
		const result = validate(manifestFile, 'ccv1p3_imscp_v1p2_v1p0.xsd');
		expect(result.status, result.output).toBe(0);
		const manifest = parseXml(files.get('imsmanifest.xml')!.toString('utf8'));
		expect(all(manifest, 'title').map((t) => t.text)).toEqual([
			'Afternoon "tea" & more',
			'Syllabus: Afternoon "tea" & more',
			'1. Scones & "jam" <first>? Ça dépend',
			'Scones & "jam" <first>? Ça dépend',
			'Knowledge check: Scones & "jam" <first>? Ça dépend',
		]);
		const qti = parseXml(files.get('assessments/scones/assessment.xml')!.toString('utf8'));
		expect(all(qti, 'mattext').map((m) => m.text)).toEqual(['Is 1 < 2 & "yes"?', 'Yes, 1 < 2', "'No'", 'Because & so.', 'Ünless.']);
		const html = files.get('modules/scones/v1/index.html')!.toString('utf8');
		expect(html).toContain('<h1>Scones &amp; &quot;jam&quot; &lt;first&gt;? Ça dépend</h1>');
		expect(html).toContain('by Zoë O&apos;Brien, from');
		expect(html).toContain("Cite as: O'Brien, Z. (2026, January 2). <i>Scones &amp; &quot;jam&quot; &lt;first&gt;? Ça dépend</i>");
		expect(html).not.toMatch(/<script|onerror|javascript:|srcset/i);
		expect(html).toContain('<img src="assets/scone.abc.png">');
		expect(files.get('modules/scones/v1/assets/scone.abc.png')).toEqual(image);
		const syllabusPage = files.get('tracks/afternoon/syllabus/index.html')!.toString('utf8');
		expect(syllabusPage).toContain('<title>Syllabus: Afternoon &quot;tea&quot; &amp; more</title>');
		expect(syllabusPage).toContain('<h1>Syllabus: Afternoon &quot;tea&quot; &amp; more</h1>');
		expect(syllabusPage).toContain('<p>Bring &amp; share</p>');
		// Without its built syllabus page, a track's cartridge is not made, and the error says what to do.
		expect(() => buildCartridge({ config, modules: new Map([['scones', data]]), tracks: [{ id: 'afternoon', data: track }], read: (path) => (path === 'modules/scones/index.html' ? Buffer.from(page) : undefined) }, { track: 'afternoon' })).toThrow(
			'The built page tracks/afternoon/syllabus/index.html of the track "afternoon" is missing. Build the site first (npm run build), then export.'
		);
	});

	it('drops the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE and U+FFFF) and keeps emoji and tabs', () => {
		expect(escapeXml('Tea for two')).toBe('Tea for two');
		expect(escapeXml('Bell\u0007, form\u000C feed\uFFFF, half \uD83C pair')).toBe('Bell, form feed, half  pair');
		expect(escapeXml('Tab\tand line\nkept, \u{1F375} too, & <this>')).toBe('Tab\tand line\nkept, \u{1F375} too, &amp; &lt;this&gt;');
		expect(escapeXml('\uDC00lone low, \uFFFEreversed')).toBe('lone low, reversed');
	});
});

describe('the stylesheet of a cartridge page', () => {
	const names = (tags: string[], classes: string[]) => ({ tags: new Set(tags), classes: new Set(classes) });

	it('keeps a rule only for selectors whose elements and classes are all in the page', () => {
		const css = stylesFor(names(['main', 'h2', 'details', 'summary'], ['currents-quiz__choice']));
		expect(css).toContain(':root{');
		expect(css).toContain('h2{line-height');
		expect(css).not.toMatch(/h1,|,h3|,h4/);
		expect(css).toContain('.currents-quiz__choice>details summary{');
		expect(css).not.toContain('.currents-quiz__prompt');
		expect(css).not.toContain('blockquote');
	});

	it('reads attribute selectors and states as the element they are on', () => {
		expect(stylesFor(names(['span'], ['expressive-code']))).toContain('.expressive-code span[style]{color:var(--1)}');
		expect(stylesFor(names(['figcaption'], []))).not.toContain('figcaption');
		expect(stylesFor(names([], ['starlight-aside', 'starlight-aside--caution']))).toContain('.starlight-aside--caution{');
	});

	it('gives a page that holds everything the whole stylesheet', () => {
		const tags = new Set<string>();
		const classes = new Set<string>();
		for (const [, name] of PAGE_STYLES.matchAll(/\.([\w-]+)/g)) classes.add(name!);
		for (const [, name] of PAGE_STYLES.matchAll(/(?:^|[\s,>{}])([a-z][a-z0-9]*)(?=[\s,.:[>{])/gm)) tags.add(name!);
		expect(stylesFor({ tags, classes })).toBe(PAGE_STYLES);
	});
});

describe("a translated track's cartridges in its language", () => {
	/** The Finnish cartridges of the bilingual tea fixture's build, by name, and the English one beside them. */
	const cartridges = new Map<string, Map<string, Buffer>>();
	let english: Map<string, Buffer>;
	let downloads = '';
	const text = (files: Map<string, Buffer>, name: string) => files.get(name)!.toString('utf8');

	beforeAll(async () => {
		prepareSchemas();
		const build = await sharedBuild('tea-bilingual');
		if (build.status !== 0) throw new Error(`The bilingual build failed:\n${build.output}`);
		downloads = join(build.outDir, 'downloads');
		for (const name of ['tea-foundations.imscc', 'tea-foundations.links.imscc']) cartridges.set(name, unzip(readFileSync(join(downloads, 'fi', 'tracks', name))));
		english = unzip(readFileSync(join(downloads, 'tracks', 'tea-foundations.imscc')));
	});

	it('are made for a translated track alone, under downloads/fi/, and validate against the Common Cartridge 1.3 schemas', () => {
		expect(readdirSync(join(downloads, 'fi'), { recursive: true }).map(String).sort()).toEqual(['tracks', 'tracks/tea-foundations.imscc', 'tracks/tea-foundations.links.imscc']);
		for (const [name, files] of cartridges) {
			const file = join(WORK, `fi-${name.replace(/\W/g, '-')}-imsmanifest.xml`);
			writeFileSync(file, files.get('imsmanifest.xml')!);
			const result = validate(file, 'ccv1p3_imscp_v1p2_v1p0.xsd');
			expect(result.status, `${name}: ${result.output}`).toBe(0);
		}
		for (const name of ['weblinks/brewing-basics.xml', 'weblinks/tracks/tea-foundations/syllabus.xml']) {
			const file = join(WORK, `fi-${name.replace(/\W/g, '-')}`);
			writeFileSync(file, cartridges.get('tea-foundations.links.imscc')!.get(name)!);
			expect(validate(file, 'ccv1p3_imswl_v1p3.xsd').status, name).toBe(0);
		}
	});

	it('are in Finnish: the titles, the description, the syllabus and every translated module from its Finnish page', () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		const manifest = parseXml(text(files, 'imsmanifest.xml'));
		expect(all(manifest, 'lomimscc:language').map((node) => node.text)).toEqual(['fi']);
		const strings = (name: string) => all(manifest, name).flatMap((node) => all(node, 'lomimscc:string')).map((node) => node.text);
		expect(strings('lomimscc:title')).toEqual(['Teen perusteet (Steeped)']);
		expect(strings('lomimscc:description')[0]).toMatch(/^Kiehuvasta vedestä jaettavaan kannuun\. Kohderyhmä: .*Moduulit: Water temperature 1\.0\.0, Haudutuksen perusteet 2\.1\.0, Serving 1\.0\.1\. Polun todistukseen vaaditaan/);
		const items = all(manifest, 'item').flatMap((item) => child(item, 'title')?.text ?? []);
		expect(items.slice(0, 2)).toEqual(['Toteutussuunnitelma', 'Toteutussuunnitelma: Teen perusteet']);
		expect(items).toContain('Osaamisen tarkistus: Haudutuksen perusteet');
		expect(items).toContain('Keskustelu: Pussi vai irtolehti?');
		// The syllabus is the Finnish page's.
		const syllabus = text(files, 'fi/tracks/tea-foundations/syllabus/index.html');
		expect(syllabus).toMatch(/^<!doctype html>\n<html lang="fi">/);
		expect(syllabus).toContain('Opettajalle. Siinä mainitaan tämän paketin moduulien versiot');
		// A translated module: its Finnish page at its Finnish permanent address, its check in Finnish.
		const brewing = text(files, 'modules/brewing-basics/v2/index.html');
		expect(brewing).toMatch(/^<!doctype html>\n<html lang="fi">/);
		expect(brewing).toContain('<link rel="canonical" href="https://steeped.example.org/fi/modules/brewing-basics/v2/">');
		expect(brewing).toContain('<h1>Haudutuksen perusteet</h1>\n<p class="cc-meta">Versio 2.1.0, julkaistu <time datetime="2026-11-01">1.11.2026</time> · 30 min');
		expect(brewing).toContain('Hyvä tee syntyy lehden, veden ja ajan tasapainosta.');
		expect(brewing).toContain('Lähdeviite: <span lang="en">');
		const check = text(files, 'assessments/brewing-basics/assessment.xml');
		expect(check).toContain('title="Osaamisen tarkistus: Haudutuksen perusteet"');
		expect(check).toContain('title="Kysymys 1"');
		expect(check).toContain('Tee maistuu kitkerältä. Mitä muutat ensin?');
		// No English interface words are left in its pages, only the English modules' own, marked English.
		const pages = join(WORK, 'fi-pages');
		rmSync(pages, { recursive: true, force: true });
		for (const [name, data] of files) {
			if (!name.endsWith('.html')) continue;
			mkdirSync(join(pages, name, '..'), { recursive: true });
			writeFileSync(join(pages, name), data);
		}
		const fragments = englishFragments({ ...starlightStrings.en, ...UI_STRINGS.en }, { ...starlightStrings.fi, ...UI_STRINGS.fi });
		expect(englishLeft(pages, 'fi', fragments)).toEqual([]);
	});

	it("marks a module not translated yet as the original's, at the original's permanent address, as its Finnish page does", () => {
		const files = cartridges.get('tea-foundations.imscc')!;
		const serving = text(files, 'modules/serving/v1/index.html');
		expect(serving).toMatch(/^<!doctype html>\n<html lang="fi">/);
		expect(serving).toContain('<h1 lang="en">Serving</h1>\n<p class="cc-meta">Versio 1.0.1');
		expect(serving).toContain('<link rel="canonical" href="https://steeped.example.org/modules/serving/v1/">');
		expect(serving).toContain('Tätä moduulia ei ole vielä käännetty');
		const manifest = parseXml(text(files, 'imsmanifest.xml'));
		const resource = all(manifest, 'resource').find((node) => node.attributes.href === 'modules/serving/v1/index.html')!;
		expect(all(resource, 'lom:string').map((node) => node.attributes.language)).toContain('en');
		expect(all(resource, 'lom:string').map((node) => node.attributes.language)).not.toContain('fi');
		// The link-only cartridge links each module where a Finnish course assigns it.
		const links = cartridges.get('tea-foundations.links.imscc')!;
		const link = (id: string) => parseXml(text(links, `weblinks/${id}.xml`));
		expect(child(link('brewing-basics'), 'url')!.attributes.href).toBe('https://steeped.example.org/fi/modules/brewing-basics/v2/');
		expect(child(link('brewing-basics'), 'title')!.text).toBe('Haudutuksen perusteet (versio 2.x)');
		expect(child(link('serving'), 'url')!.attributes.href).toBe('https://steeped.example.org/modules/serving/v1/');
		const titles = all(parseXml(text(links, 'imsmanifest.xml')), 'lomimscc:title').flatMap((node) => all(node, 'lomimscc:string')).map((node) => node.text);
		expect(titles).toEqual(['Teen perusteet (Steeped), linkit sivustolle']);
		// The English cartridge of the same track is the English pages'.
		expect(text(english, 'modules/brewing-basics/v2/index.html')).toMatch(/^<!doctype html>\n<html lang="en">/);
		expect(text(english, 'modules/brewing-basics/v2/index.html')).not.toContain('Hyvä tee');
	});

	it('are what `npm run export -- cartridge --lang fi` writes, byte for byte, and the command refuses a track not translated', () => {
		const out = join(WORK, 'fi-out');
		rmSync(out, { recursive: true, force: true });
		const dist = join(downloads, '..');
		const content = ['--content', sharedContent('tea-bilingual'), '--dist', dist];
		const run = runScript('export', ['cartridge', '--track', 'tea-foundations', '--lang', 'fi', '--out', out, ...content]);
		expect(run.status, run.output).toBe(0);
		// From the build the tests share, which is up to date with its content: nothing is built again.
		expect(run.stdout).toContain('Using the site built in');
		expect(run.stdout).toMatch(/Wrote \S*fi-out\/tea-foundations\.imscc \(\d+ KB\): the track "tea-foundations" in Finnish, modules as self-contained pages/);
		expect(readFileSync(join(out, 'tea-foundations.imscc')).equals(readFileSync(join(downloads, 'fi', 'tracks', 'tea-foundations.imscc')))).toBe(true);
		const hosting = runScript('export', ['cartridge', '--track', 'hosting', '--lang', 'fi', '--out', out, ...content]);
		expect(hosting.status).toBe(2);
		expect(hosting.stderr.split('\n')[0]).toBe('The track "hosting" is not translated into Finnish (fi), so it has no cartridge in it. Tracks translated into Finnish: tea-foundations.');
	});
});

describe('the ZIP writer', () => {
	it('writes archives that read back byte for byte, with UTF-8 names', () => {
		const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
		const entries = [
			{ name: 'imsmanifest.xml', data: '<manifest/>'.repeat(200) },
			{ name: 'empty.txt', data: '' },
			{ name: 'dossier/thé-vert.html', data: 'Thé ' },
			{ name: 'bin/noise.bin', data: binary },
		];
		const files = unzip(zip(entries, '2026-11-01'));
		expect([...files.keys()]).toEqual(entries.map((entry) => entry.name));
		for (const entry of entries) expect(files.get(entry.name)).toEqual(Buffer.from(entry.data));
		// The same input gives the same bytes, so an unchanged cartridge is not a new download.
		expect(zip(entries, '2026-11-01').equals(zip(entries, '2026-11-01'))).toBe(true);
	});

	it('refuses paths that would leave the folder it is unpacked into, and duplicates', () => {
		for (const name of ['../x', '/etc/x', 'a/../../x', 'a\\b', 'a//b']) expect(() => zip([{ name, data: 'x' }]), name).toThrow(/not a safe path/);
		expect(() => zip([{ name: 'a', data: '1' }, { name: 'a', data: '2' }])).toThrow('The archive would hold "a" twice.');
	});
});
