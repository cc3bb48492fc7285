import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { splitFrontmatter, type AllowedValues, type ParsedYaml } from './frontmatter.ts';
import { idOf, listFiles, loadDocument, loadYaml, slugify, translationName, walk, type TranslationNaming } from './files.ts';
import { plainReader, type YamlReader } from './yaml-memo.ts';
import { curriculumConfigSchema, type CurriculumConfig } from './schema/config.ts';
import { moduleTranslationSchema, trackTranslationSchema, updateTranslationSchema, type ModuleTranslationData, type TrackTranslationData, type UpdateTranslationData } from './schema/translation.ts';
import { moduleRules, moduleSchema, type ModuleData } from './schema/module.ts';
import { trackSchema, type TrackData } from './schema/track.ts';
import { updateRules, updateSchema, type UpdateData } from './schema/update.ts';
import { redirectsSchema, type Redirects } from './schema/redirects.ts';
import { pageSchema } from './schema/page.ts';

// The scripts and the rest of the engine import these from here, with everything else about loading.
export { slugify, translationName } from './files.ts';

/** The first segments of the addresses the engine serves, which a free page may not take. */
const ENGINE_ROUTES = ['modules', 'tracks', 'updates', 'whats-new', 'feed.xml', 'contributing', 'progress', 'learner.json', 'embed', 'issuers', 'verify', 'downloads', 'certificate-assets', 'cards', '404', '_astro', 'pagefind'];

/** Where each kind of content lives inside the content folder. */
export const LAYOUT = {
	config: 'curriculum.yaml',
	modules: 'modules',
	archive: 'archive',
	tracks: 'tracks',
	updates: 'updates',
	pages: 'pages',
	redirects: 'redirects.yaml',
} as const;

interface Entry<T> {
	id: string;
	/** Path relative to the project root, with forward slashes. */
	file: string;
	data: T;
	parsed: ParsedYaml;
}

export interface DocumentEntry<T> extends Entry<T> {
	source: string;
	body: string;
	bodyLine: number;
}

export type ModuleEntry = DocumentEntry<ModuleData>;
export interface ArchiveEntry extends DocumentEntry<ModuleData> {
	major: number;
}
export type TrackEntry = Entry<TrackData>;
export type UpdateEntry = DocumentEntry<UpdateData>;

/** A translation of a module, track or update: `<id>.<locale>.<extension>` beside its original. */
export type TranslationEntry =
	| ({ kind: 'module'; locale: string } & DocumentEntry<ModuleTranslationData>)
	| ({ kind: 'track'; locale: string } & Entry<TrackTranslationData>)
	| ({ kind: 'update'; locale: string } & DocumentEntry<UpdateTranslationData>);

export interface SourceDocument {
	/** Path relative to the project root. */
	file: string;
	/** Absolute path. */
	path: string;
	source: string;
	/**
	 * The frontmatter (a YAML file's whole text) as read, when it failed its schema in a file whose
	 * values other files and the config name (modules, archives, updates, tracks) or that translates
	 * one: the check still holds its levels and platforms to the config, its references to other files,
	 * its dates and a translation's version and shape to their rules, so that one mistake does not hide
	 * another until the next run (check/schema-failed.ts). A translation's holds no level or platform.
	 */
	failedSchema?: ParsedYaml;
}

export interface Curriculum {
	/** The project root that file paths are relative to. */
	root: string;
	/** The content folder, absolute. */
	dir: string;
	config: CurriculumConfig | null;
	/** The config file's path relative to the root, for findings about the curriculum as a whole. */
	configFile: string;
	modules: ModuleEntry[];
	archives: ArchiveEntry[];
	tracks: TrackEntry[];
	updates: UpdateEntry[];
	/** Translations of modules, tracks and updates into the curriculum's other locales. */
	translations: TranslationEntry[];
	/** Ids of every module file, valid or not, so one bad file does not make its id "unknown" elsewhere. */
	moduleIds: Set<string>;
	/** The text of each track file that could not be read, so that the modules it names are not called orphans meanwhile. */
	unreadTracks: string[];
	/** Renamed or removed modules, from `redirects.yaml`. */
	redirects: Redirects;
	redirectsFile: { file: string; parsed: ParsedYaml } | null;
	/** Free pages under `pages/`, such as an about page, for the sidebar. */
	pages: { id: string; title: string }[];
	/** Every Markdown and MDX file read, valid or not, for the safe-content check. */
	documents: SourceDocument[];
	/** Every YAML file read (the config, tracks, redirects), valid or not, for the byte and size checks. */
	yamlFiles: SourceDocument[];
	findings: Finding[];
}

/**
 * Reads and validates every file of a curriculum, collecting all problems instead of stopping at the
 * first. `reader` reads the YAML; a build's keeps what it read for the next build (yaml-memo.ts).
 */
export function loadCurriculum(dir: string, root = process.cwd(), reader: YamlReader = plainReader): Curriculum {
	const rel = (path: string) => relative(root, path).split(sep).join('/');
	const findings: Finding[] = [];
	const curriculum: Curriculum = {
		root,
		dir,
		config: null,
		configFile: rel(join(dir, LAYOUT.config)),
		modules: [],
		archives: [],
		tracks: [],
		updates: [],
		translations: [],
		moduleIds: new Set(),
		unreadTracks: [],
		redirects: [],
		redirectsFile: null,
		pages: [],
		documents: [],
		yamlFiles: [],
		findings,
	};

	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		findings.push(
			finding({
				rule: 'missing-file',
				file: rel(dir),
				message: `The content folder ${rel(dir) || dir} does not exist.`,
				fix: 'Create it, or point CURRENTS_CONTENT at the folder that holds curriculum.yaml.',
			})
		);
		return curriculum;
	}

	readConfig(curriculum, rel, reader);
	readModules(curriculum, rel, reader);
	readArchives(curriculum, rel, reader);
	readTracks(curriculum, rel, reader);
	readUpdates(curriculum, rel, reader);
	readRedirects(curriculum, rel, reader);
	readPages(curriculum, rel, reader);
	return curriculum;
}

/** Reads the config, one flat YAML file, or reports that it is missing. */
function readConfig(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	const configPath = join(dir, LAYOUT.config);
	if (!existsSync(configPath)) {
		findings.push(
			finding({
				rule: 'missing-file',
				file: rel(configPath),
				message: `The curriculum config ${LAYOUT.config} is missing.`,
				fix: `Create ${rel(configPath)} with at least title, tagline, site and repository, and the \`levels\` and \`platforms\` that modules name; if it was deleted by mistake, restore it from git instead (\`git checkout -- ${rel(configPath)}\`).`,
			})
		);
	} else {
		curriculum.config = loadYaml(configPath, rel(configPath), curriculumConfigSchema, 'the curriculum config', findings, curriculum.yamlFiles, { reader })?.data ?? null;
	}
}

/** Reads the modules, one MDX file each with its id from the file name, and their translations, reporting what is wrong with each file. */
function readModules(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	for (const path of listFiles(join(dir, LAYOUT.modules), findings, rel, ['.mdx'], 'modules', translationNaming(curriculum.config, moduleTranslationSchema))) {
		const translated = translationName(idOf(path));
		if (translated) {
			const entry = loadDocument(path, rel(path), moduleTranslationSchema, 'the module translation', findings, curriculum.documents, { keepFailed: true, reader });
			if (entry) curriculum.translations.push({ kind: 'module', ...entry, id: translated.id, locale: translated.locale });
			continue;
		}
		curriculum.moduleIds.add(idOf(path));
		const entry = loadDocument(path, rel(path), moduleSchema, 'the module frontmatter', findings, curriculum.documents, { rules: moduleRules, allowed: allowedValues(curriculum.config), reader });
		if (entry) curriculum.modules.push(entry);
	}
}

/** Reads the archived majors, archive/<module-id>/v<major>.mdx, frozen copies of earlier majors, reporting a file not named for a major release and how to restore an archive that was edited. */
function readArchives(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	const archiveDir = join(dir, LAYOUT.archive);
	if (existsSync(archiveDir)) {
		for (const moduleId of readdirSync(archiveDir).sort()) {
			const folder = join(archiveDir, moduleId);
			if (!lstatSync(folder).isDirectory()) continue;
			for (const path of listFiles(folder, findings, rel, ['.mdx'], 'archive')) {
				const name = path.slice(folder.length + 1, -'.mdx'.length);
				const match = /^v([1-9]\d*)$/.exec(name);
				if (name === 'v0') {
					findings.push(
						finding({
							rule: 'invalid-id',
							file: rel(path),
							message: 'Version 0 is a pre-release, and pre-releases are not archived: there is no v0 address to keep.',
							fix: `Delete ${rel(path)}; the module's first major release, 1.0.0, needs no archive.`,
						})
					);
					continue;
				}
				if (!match) {
					// The version the file holds says which major it freezes.
					const version = /^version:\s*["']?(\d+)\.\d+\.\d+/m.exec(splitFrontmatter(readFileSync(path, 'utf8')).frontmatter ?? '');
					findings.push(
						finding({
							rule: 'invalid-id',
							file: rel(path),
							message: `Archived versions are named v<major>.mdx, but this file is "${name}.mdx".`,
							fix: version
								? `Rename it after the major version it freezes: ${rel(folder)}/v${Number(version[1])}.mdx, as its version is ${version[0].replace(/^version:\s*["']?/, '')}.`
								: `Rename it after the major version it freezes, like ${rel(folder)}/v1.mdx for a 1.x version.`,
						})
					);
					continue;
				}
				const reported = findings.length;
				const entry = loadDocument(path, rel(path), moduleSchema, 'the archived module frontmatter', findings, curriculum.documents, { rules: moduleRules, allowed: allowedValues(curriculum.config), reader });
				// An archive is a copy of a release; a version that disagrees with its changelog means it was edited.
				for (const found of findings.slice(reported)) {
					if (found.rule === 'changelog-version') found.fix = restoreArchive(rel(path));
				}
				if (entry) curriculum.archives.push({ ...entry, id: moduleId, major: Number(match[1]) });
			}
		}
	}
}

/** Reads the tracks, YAML files, and their translations, reporting what is wrong with each file. */
function readTracks(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	for (const path of listFiles(join(dir, LAYOUT.tracks), findings, rel, ['.yaml', '.yml'], 'tracks', translationNaming(curriculum.config, trackTranslationSchema))) {
		const file = rel(path);
		const translated = translationName(idOf(path));
		if (translated) {
			const entry = loadYaml(path, file, trackTranslationSchema, 'the track translation', findings, curriculum.yamlFiles, { readByBuild: true, keepFailed: true, reader });
			if (entry) curriculum.translations.push({ kind: 'track', id: translated.id, locale: translated.locale, file, ...entry });
			continue;
		}
		const track = loadYaml(path, file, trackSchema, 'the track', findings, curriculum.yamlFiles, { readByBuild: true, keepFailed: true, reader });
		if (track) curriculum.tracks.push({ id: idOf(path), file, ...track });
		else curriculum.unreadTracks.push(readFileSync(path, 'utf8'));
	}
}

/** Reads the platform updates, Markdown files with frontmatter, and their translations, reporting what is wrong with each file. */
function readUpdates(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	for (const path of listFiles(join(dir, LAYOUT.updates), findings, rel, ['.md'], 'updates', translationNaming(curriculum.config, updateTranslationSchema))) {
		const translated = translationName(idOf(path));
		if (translated) {
			const entry = loadDocument(path, rel(path), updateTranslationSchema, 'the update translation', findings, curriculum.documents, { keepFailed: true, reader });
			if (entry) curriculum.translations.push({ kind: 'update', ...entry, id: translated.id, locale: translated.locale });
			continue;
		}
		const entry = loadDocument(path, rel(path), updateSchema, 'the platform update', findings, curriculum.documents, { rules: updateRules, allowed: allowedValues(curriculum.config), reader });
		if (entry) curriculum.updates.push(entry);
	}
}

/** Reads the redirects for renamed and removed modules, when the curriculum has any. */
function readRedirects(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	const redirectsPath = join(dir, LAYOUT.redirects);
	if (existsSync(redirectsPath)) {
		const file = rel(redirectsPath);
		const redirects = loadYaml(redirectsPath, file, redirectsSchema, 'redirects.yaml', findings, curriculum.yamlFiles, { reader });
		if (redirects) {
			curriculum.redirects = redirects.data;
			curriculum.redirectsFile = { file, parsed: redirects.parsed };
		}
	}
}

/** Reads the free pages, such as an about page, and reports any the build would leave out or that would take an address the site itself uses. */
function readPages(curriculum: Curriculum, rel: (path: string) => string, reader: YamlReader): void {
	const { dir, findings } = curriculum;
	const pagesDir = join(dir, LAYOUT.pages);
	if (existsSync(pagesDir)) {
		for (const path of walk(pagesDir)) {
			// The build reads only lower-case .md and .mdx here; anything else would be silently left out.
			if (!/\.mdx?$/.test(path)) {
				findings.push(
					finding({
						rule: 'unexpected-file',
						file: rel(path),
						message: `pages/ holds only .md or .mdx files, so "${relative(pagesDir, path)}" would be ignored.`,
						fix: 'Rename it to end in .md or .mdx (in lower case), or move it out of pages/.',
					})
				);
				continue;
			}
			// A page sets its title and description only: none of Starlight's fields that carry HTML or move addresses.
			const entry = loadDocument(path, rel(path), pageSchema, 'the page frontmatter', findings, curriculum.documents, { reader });
			// The address Starlight gives the page: each part of the path in lower case, as a slug.
			const id = relative(pagesDir, path)
				.split(sep)
				.join('/')
				.replace(/\.mdx?$/, '')
				.replace(/(^|\/)index$/, '')
				.split('/')
				.map((part) => slugify(part))
				.filter((part) => part !== '')
				.join('/');
			const reserved = relative(pagesDir, path).split(sep).some((part) => part.startsWith('_') || part.replace(/\.mdx?$/, '').includes('.'));
			const taken = reserved ? 'files the host reads' : id === '' ? '/' : ENGINE_ROUTES.find((route) => id === route || id.startsWith(`${route}/`));
			if (taken !== undefined) {
				// The engine's page would win and this one would vanish from the site without a word.
				findings.push(
					finding({
						rule: 'invalid-id',
						file: rel(path),
						message:
							taken === 'files the host reads'
								? 'A page name may not start with "_" or hold a dot: the host reads such names (_redirects, _headers, sitemap.xml) as its own files.'
								: `The page would be served at /${id}${id ? '/' : ''}, an address the site itself uses${taken === '/' ? ' for its home page' : ` for ${taken}/`}.`,
						fix:
							taken === 'files the host reads'
								? `Rename the file with letters, digits and hyphens only, for example ${LAYOUT.pages}/about-the-course.mdx.`
								: taken === '/'
								? `Give the page a name other than index, for example ${LAYOUT.pages}/about-the-course.mdx; the home page is the site's own.`
								: `Rename or move the file so that its address does not start with ${taken}/, for example ${LAYOUT.pages}/about-the-course.mdx.`,
					})
				);
				continue;
			}
			curriculum.pages.push({ id, title: entry?.data.title ?? id });
		}
	}
}

/** The fix for an archived major that was edited: archives are frozen copies of releases. */
export function restoreArchive(file: string): string {
	return `Restore ${file} as it was archived (for example \`git checkout origin/main -- ${file}\`): an archived major stays exactly as it was released, and corrections go into the current version.`;
}

/** The locales a translation may have and the fields it may hold, to know one saved under a name of its own. */
function translationNaming(config: CurriculumConfig | null, schema: { shape: object }): TranslationNaming {
	return { locales: config?.locales.slice(1) ?? [], fields: new Set(Object.keys(schema.shape)) };
}

/** The values the curriculum config allows for fields whose choices it sets, to name them in fixes. */
function allowedValues(config: CurriculumConfig | null): AllowedValues | undefined {
	if (!config) return undefined;
	return new Map([
		['level', config.levels.map((level) => level.id)],
		['platforms', config.platforms.map((platform) => platform.id)],
	]);
}
