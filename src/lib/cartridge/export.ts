/**
 * Cartridges written to disk from a built site: every track's and the whole curriculum's after a
 * build (`astro:build:done`), or the one a maintainer asks `npm run export -- cartridge` for.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Curriculum } from '../curriculum/load.ts';
import { buildCartridge, builtPagePath, type CartridgeOptions, type CartridgeSource } from './cartridge.ts';

/** What the cartridge builder reads, from a curriculum and the folder its site was built into. */
export function cartridgeSource(dist: string, curriculum: Curriculum): CartridgeSource {
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
}

/** Writes one cartridge under `outDir`, laid out as on the site (`tracks/<id>.imscc`, `<curriculum>.imscc`). */
export function writeCartridge(source: CartridgeSource, outDir: string, options: CartridgeOptions = {}): WrittenCartridge {
	const cartridge = buildCartridge(source, options);
	const file = join(outDir, cartridge.path.replace(/^downloads\//, ''));
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, cartridge.bytes);
	return { file, bytes: cartridge.bytes.length };
}

/**
 * Every cartridge the site offers, under `<dist>/downloads/`: the whole curriculum and each track,
 * each both self-contained and as web links.
 */
export function writeSiteCartridges(dist: string, curriculum: Curriculum): WrittenCartridge[] {
	const source = cartridgeSource(dist, curriculum);
	const outDir = join(dist, 'downloads');
	const scopes: (string | undefined)[] = [undefined, ...curriculum.tracks.map((track) => track.id)];
	return scopes.flatMap((track) => [false, true].map((links) => writeCartridge(source, outDir, { track, links })));
}

/**
 * Why a built site cannot be exported as it is, or undefined when it can: no build, a build older
 * than a content file, or a module page missing or showing another version than the content holds
 * (the site was built from other content).
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
