/**
 * Cartridges written to disk from a built site: every track's and the whole curriculum's after a
 * build (`astro:build:done`), or the one a maintainer asks `npm run export -- cartridge` for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keep, placeFile, readKept, writeWhole } from '../cache/files.ts';
import { codeFingerprint } from '../cache/fingerprint.ts';
import type { Curriculum } from '../curriculum/load.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import type { ModuleTranslationData, TrackTranslationData } from '../curriculum/schema/translation.ts';
import type { TrackData } from '../curriculum/schema/track.ts';
import { assignedAddress, mergeModule, mergeTrack, modulesWithPages } from '../i18n/site.ts';
import { siteLocales } from '../i18n/locales.ts';
import { buildCartridge, builtPagePath, cartridgePath, type Cartridge, type CartridgeOptions, type CartridgeSource } from './cartridge.ts';
import { builtSyllabusPath } from './syllabus.ts';
import { cartridgeWords } from './words.ts';

/**
 * What of a checked curriculum the cartridges are made from: its config, and each module's and
 * track's id and data. Plain data, so that it can be handed to another process or thread as JSON.
 */
export interface CartridgeCurriculum {
	config: Curriculum['config'];
	modules: readonly { id: string; data: ModuleData }[];
	tracks: readonly { id: string; data: TrackData }[];
	/** The translations of modules and tracks (a loaded curriculum's `translations`), for the cartridges of translated tracks in their language. */
	translations?: readonly { kind: string; locale: string; id: string; data: unknown }[];
}

/** The part of a loaded curriculum the cartridges are made from (see `CartridgeCurriculum`). */
export function cartridgeCurriculum(curriculum: CartridgeCurriculum): CartridgeCurriculum {
	return {
		config: curriculum.config,
		modules: curriculum.modules.map(({ id, data }) => ({ id, data })),
		tracks: curriculum.tracks.map(({ id, data }) => ({ id, data })),
		translations: (curriculum.translations ?? []).filter((entry) => entry.kind === 'module' || entry.kind === 'track').map(({ kind, locale, id, data }) => ({ kind, locale, id, data })),
	};
}

/**
 * The sources of the cartridges in each of the curriculum's other languages that has a translated
 * track: its modules and tracks as its pages show them (translated where translated, the original's
 * otherwise), read from its pages under `/<code>/`, and the tracks translated into it.
 */
export function translatedSources(original: CartridgeSource, curriculum: CartridgeCurriculum): { source: CartridgeSource; tracks: string[] }[] {
	const { config } = original;
	const locales = siteLocales(config.locales);
	const root = locales[0]!;
	return locales.slice(1).flatMap((locale) => {
		const entries = (curriculum.translations ?? []).filter((entry) => entry.locale === locale.code);
		const modules = new Map(entries.flatMap((entry) => (entry.kind === 'module' ? [[entry.id, entry.data as ModuleTranslationData] as const] : [])));
		const tracks = new Map(entries.flatMap((entry) => (entry.kind === 'track' ? [[entry.id, entry.data as TrackTranslationData] as const] : [])));
		const translatedTracks = curriculum.tracks.filter((track) => tracks.has(track.id));
		if (translatedTracks.length === 0) return [];
		const paged = modulesWithPages(modules.keys(), curriculum.tracks, tracks);
		const hasPage = (href: string) => paged.has(/^\/modules\/([^/]+)\/$/.exec(href)?.[1] ?? '');
		const source: CartridgeSource = {
			...original,
			modules: new Map([...original.modules].map(([id, data]) => [id, mergeModule(data, modules.get(id))])),
			tracks: curriculum.tracks.map((track) => ({ id: track.id, data: mergeTrack(track.data, tracks.get(track.id)) })),
			translation: {
				language: { code: locale.code, prefix: `${locale.code}/`, words: cartridgeWords(locale.code) },
				originals: original.modules,
				translated: new Set(modules.keys()),
				assigned: (id) => assignedAddress({ id, version: original.modules.get(id)?.version ?? '0.0.0', translates: modules.get(id)?.translates }, locale, root.code, hasPage).href,
			},
		};
		return [{ source, tracks: translatedTracks.map((track) => track.id) }];
	});
}

/** What the cartridge builder reads, from a curriculum and the folder its site was built into. */
export function cartridgeSource(dist: string, curriculum: CartridgeCurriculum): CartridgeSource {
	if (!curriculum.config) throw new Error('The curriculum config could not be read, so there is nothing to export. Run `npm run check`.');
	const root = resolve(dist);
	return {
		config: curriculum.config,
		modules: new Map(curriculum.modules.map((module) => [module.id, module.data])),
		tracks: curriculum.tracks,
		read(path) {
			// Only files inside the output folder: a page's image address never reaches outside it.
			const file = resolve(root, path);
			if (!file.startsWith(`${root}${sep}`) || !existsSync(file) || !statSync(file).isFile()) return undefined;
			return readFileSync(file);
		},
	};
}

export interface WrittenCartridge {
	/** Absolute path of the file written. */
	file: string;
	bytes: number;
	/** Whether it was copied from the cache of an earlier build rather than made. */
	reused: boolean;
}

/**
 * Writes one cartridge to `file` (its folder is made): from `cache` when it holds this cartridge made
 * from the same inputs, made anew otherwise.
 */
export function writeCartridge(source: CartridgeSource, file: string, options: CartridgeOptions = {}, cache?: CartridgeCache): WrittenCartridge {
	mkdirSync(dirname(file), { recursive: true });
	const cached = cache?.find(options, source);
	if (cached) {
		placeFile(cached, file);
		return { file, bytes: statSync(file).size, reused: true };
	}
	const cartridge = buildCartridge(source, options);
	// A new file rather than new bytes in the old one, which may be a link to a cached cartridge.
	writeWhole(file, cartridge.bytes);
	cache?.keep(options, cartridge, source);
	return { file, bytes: cartridge.bytes.length, reused: false };
}

/**
 * Every cartridge the site offers, under `<dist>/downloads/`: the whole curriculum and each track,
 * each both self-contained and as web links. With a cache folder, a cartridge whose inputs are the
 * same as in the last build is copied from there instead of being made again (see `cartridgeCache`).
 */
export function writeSiteCartridges(dist: string, curriculum: CartridgeCurriculum, cacheDir?: string): WrittenCartridge[] {
	const source = cartridgeSource(dist, curriculum);
	const cache = cacheDir === undefined ? undefined : cartridgeCache(cacheDir, source);
	const scopes: (string | undefined)[] = [undefined, ...curriculum.tracks.map((track) => track.id)];
	const both = (from: CartridgeSource, track: string | undefined, prefix = '') =>
		[false, true].map((links) => {
			const options = { track, links };
			return writeCartridge(from, join(dist, cartridgePath(from.config, options, prefix)), options, cache);
		});
	const written = scopes.flatMap((track) => both(source, track));
	// A translated track's cartridges in its language too, under downloads/<code>/ (the whole curriculum's stays the originals').
	for (const translated of translatedSources(source, curriculum)) {
		for (const track of translated.tracks) written.push(...both(translated.source, track, translated.source.translation!.language.prefix));
	}
	cache?.prune();
	return written;
}

type CartridgeCache = ReturnType<typeof cartridgeCache>;

/**
 * Cartridges of earlier builds, under names of what they were made from: the engine's code, the
 * options, the data of the cartridge's config, tracks and modules, and the bytes of every page and
 * image of the built site it read. A cartridge is made again when any of them changed. Each file of
 * the site is read and hashed once, however many cartridges hold it.
 */
function cartridgeCache(dir: string, source: CartridgeSource) {
	mkdirSync(dir, { recursive: true });
	const used = new Set<string>();
	// The engine's code under `src/lib/` makes the cartridges: a change to it makes them all again.
	const engine = codeFingerprint(join(dirname(fileURLToPath(import.meta.url)), '..'), { recursive: true });
	// A cartridge in a translation's language is made from its source's data in that language, and named by it.
	const inputs = (options: CartridgeOptions, from: CartridgeSource) => {
		const tracks = from.tracks.filter((track) => options.track === undefined || track.id === options.track);
		const modules = options.track === undefined ? [...from.modules] : tracks.flatMap((track) => track.data.modules.map((id) => [id, from.modules.get(id), ...(from.translation ? [from.translation.originals.get(id)] : [])]));
		const language = from.translation && { code: from.translation.language.code, assigned: tracks.flatMap((track) => track.data.modules.map((id) => from.translation!.assigned(id))) };
		return createHash('sha256').update(engine).update(JSON.stringify({ options, config: from.config, tracks, modules, language })).digest('hex').slice(0, 32);
	};
	const hashes = new Map<string, string>();
	const fileHash = (path: string) => {
		let hash = hashes.get(path);
		if (hash === undefined) hashes.set(path, (hash = createHash('sha256').update(source.read(path) ?? '(none)').digest('hex')));
		return hash;
	};
	const filesHash = (reads: readonly string[]) => createHash('sha256').update(reads.map((path) => `${path}\0${fileHash(path)}`).join('\n')).digest('hex');
	return {
		/** The cached cartridge's path, when it was made from the same inputs. */
		find(options: CartridgeOptions, from: CartridgeSource = source): string | undefined {
			const key = inputs(options, from);
			const meta = readKept(join(dir, `${key}.json`)) as { reads?: string[]; files?: string } | undefined;
			const file = join(dir, `${key}.imscc`);
			if (!Array.isArray(meta?.reads) || filesHash(meta.reads) !== meta.files || !existsSync(file)) return undefined;
			used.add(key);
			return file;
		},
		keep(options: CartridgeOptions, cartridge: Cartridge, from: CartridgeSource = source): void {
			const key = inputs(options, from);
			// The cartridge first, so that a build stopped half-way leaves no description of a file that is not there.
			writeWhole(join(dir, `${key}.imscc`), cartridge.bytes);
			keep(join(dir, `${key}.json`), { reads: cartridge.reads, files: filesHash(cartridge.reads) });
			used.add(key);
		},
		/** Removes what this build did not use, so the cache holds one build's cartridges. */
		prune(): void {
			for (const name of readdirSync(dir)) if (!used.has(name.replace(/\.(json|imscc)$/, ''))) rmSync(join(dir, name), { force: true });
		},
	};
}

/**
 * Why a built site cannot be exported as it is, or undefined when it can: no build, a build older
 * than a content file, a module page missing or showing another version than the content holds
 * (the site was built from other content), or a track's syllabus page missing.
 */
export function staleReason(dist: string, curriculum: Curriculum): string | undefined {
	const home = join(dist, 'index.html');
	if (!existsSync(home)) return `there is no built site in ${relative(process.cwd(), dist) || '.'}`;
	const built = statSync(home).mtimeMs;
	const newer = newestFile(curriculum.dir);
	if (newer && newer.time > built) return `${relative(process.cwd(), newer.file)} changed after the site was built`;
	for (const module of curriculum.modules) {
		const page = join(dist, builtPagePath(module.id));
		if (!existsSync(page)) return `the built site has no page for the module "${module.id}"`;
		const shown = /data-module-version="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
		if (shown !== undefined && shown !== module.data.version) return `the built page of "${module.id}" shows version ${shown}, not ${module.data.version}`;
	}
	// Each track's cartridge opens with its syllabus, made from its built page.
	for (const track of curriculum.tracks) {
		if (!existsSync(join(dist, builtSyllabusPath(track.id)))) return `the built site has no syllabus page for the track "${track.id}"`;
	}
	return undefined;
}

function newestFile(dir: string): { file: string; time: number } | undefined {
	let newest: { file: string; time: number } | undefined;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		const time = statSync(file).mtimeMs;
		if (!newest || time > newest.time) newest = { file, time };
	}
	return newest;
}
