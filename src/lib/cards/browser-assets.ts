/**
 * The build step that lets a browser draw a certificate without a server or another site: it
 * copies the fonts' `unicode.json` tables and the regular and bold `.woff2` subsets a certificate can
 * use from `node_modules` into `dist/certificate-assets/`, each under its path inside `node_modules`
 * (see browser-paths.ts), and writes the Twemoji pictures there in packs (`emojiPacks`). A learner's
 * browser fetches only the files their name and the certificate's text need, and only once they ask
 * for a certificate. The licences travel with the files, as the fonts' Open Font License and the
 * pictures' licence ask. The dev server, where no build step runs, serves the same files from
 * `node_modules` (`certificateAssetsDevServer`).
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { keep, placeFile, readKept, writeWhole } from '../cache/files.ts';
import { rendererFingerprint } from './build-step.ts';
import { CERTIFICATE_ASSETS_DIR, EMOJI_PACKAGE, EMOJI_PACKS, emojiPack, emojiPackPath } from './browser-paths.ts';
import type { TrackCertificateData } from './browser-certificate.ts';
import { regularCertificateText, type CertificateWords } from './certificate-words.ts';
import { catalogue, FAMILIES, planFonts, reachableFontFiles, type CatalogueFamily } from './fonts.ts';
import { decodeEntities } from '../safety/urls.ts';
import { graphemes } from './text.ts';
import { packageDir, splitPackagePath, unicodeTable } from './node.ts';

export interface CertificateAssetsReport {
	files: number;
	bytes: number;
}

/** Files of a package to copy, by their paths inside it. */
function packageFiles(pkg: string, keep: (file: string) => boolean, folder = ''): string[] {
	const dir = join(packageDir(pkg), folder);
	return readdirSync(dir)
		.filter(keep)
		.map((file) => (folder ? `${folder}/${file}` : file));
}

const LICENCE = /^licen[sc]e(\.md|\.txt)?$/i;

/**
 * Every file the browser may need, as `[package, path inside it]`. The bold file of every subset a
 * name can use ships, since a name is drawn in bold alone and can be in any script. Given the text the
 * site's certificates draw in regular weight (`regularCertificateText`), a regular-weight file ships
 * only where that text has a character, in any of the orders of families a name can bring; without
 * it (the dev server), every regular file a name could use.
 */
export function certificateAssetFiles(regular?: string): [string, string][] {
	const tables = new Map(FAMILIES.map((family) => [family.id, unicodeTable(family.package)]));
	const families = catalogue(tables);
	const needed = regular === undefined ? undefined : regularFontFiles(regular, families);
	const fonts = [
		...FAMILIES.flatMap((family) => packageFiles(family.package, (file) => file === 'unicode.json' || LICENCE.test(file)).map((file) => [family.package, file] as [string, string])),
		// Only the font files the renderer can ask for (reachableFontFiles), not every file of the packages.
		...reachableFontFiles(families)
			.filter((file) => file.weight === 700 || !needed || needed.has(file.path))
			.map((file) => splitPackagePath(file.path)),
	];
	const licence = packageFiles(EMOJI_PACKAGE, (file) => LICENCE.test(file)).map((file) => [EMOJI_PACKAGE, file] as [string, string]);
	return [...fonts, ...licence];
}

/**
 * The regular-weight files that draw `text` beside a name in any script: a name with kana or Hangul
 * puts the Japanese or Korean font first (`familyOrder`), which can move a Han ideograph of the text
 * to another font.
 */
function regularFontFiles(text: string, families: readonly CatalogueFamily[]): Set<string> {
	const files = new Set<string>();
	for (const name of ['\u3042', '\uac00', '']) {
		for (const file of planFonts(text, families, name).files) if (file.weight === 400) files.add(file.path);
	}
	return files;
}

const TRACK_PAGE_DATA = /\sdata-certificate="([^"]*)"/;

/**
 * The text a built site's certificates draw in regular weight, read from its track pages'
 * `data-certificate` attributes, which are what the browser draws them from; `locales` are the site's
 * path prefixes (`Locale.prefix`: `''` for the root language, `/fi` for another). A page whose attribute cannot be read stops the build.
 */
export function siteCertificateText(dist: string, locales: readonly string[]): string {
	const texts: string[] = [];
	for (const locale of locales) {
		const tracks = join(dist, locale, 'tracks');
		if (!existsSync(tracks)) continue;
		for (const track of readdirSync(tracks).sort()) {
			const page = join(tracks, track, 'index.html');
			if (!existsSync(page)) continue;
			const attribute = TRACK_PAGE_DATA.exec(readFileSync(page, 'utf8'))?.[1];
			if (attribute === undefined) continue;
			let words: CertificateWords;
			try {
				const data = JSON.parse(decodeEntities(attribute)) as TrackCertificateData;
				words = { ...data, track: data.trackTitle };
			} catch (error) {
				throw new Error(`The certificate data of ${page} is not JSON (${(error as Error).message}); its track page (src/components/TrackCertificate.astro) writes it.`);
			}
			texts.push(regularCertificateText(words));
		}
	}
	// Each character once (as graphemes, so that an emoji stays whole): the pages repeat most of theirs.
	return [...new Set(graphemes(texts.join(' ')))].join(' ');
}

const PICTURE = /^[0-9a-f-]+\.svg$/;

/**
 * Every Twemoji picture, packed by block (see `emojiPack`): the pack's name and its gzipped JSON,
 * file name to SVG text. As 3,720 files the pictures took 8.1 MB of every build's output; packed,
 * about 1.5 MB in 55 files.
 */
export function emojiPacks(): Map<string, Buffer> {
	const dir = packageDir(EMOJI_PACKAGE);
	const packs = new Map<string, Record<string, string>>();
	for (const file of readdirSync(dir).filter((name) => PICTURE.test(name)).sort()) {
		const pack = emojiPack(file);
		if (!packs.has(pack)) packs.set(pack, {});
		packs.get(pack)![file] = readFileSync(join(dir, file), 'utf8');
	}
	return new Map([...packs].map(([pack, pictures]) => [pack, gzipSync(JSON.stringify(pictures), { level: 9 })]));
}

/**
 * The packs, kept in `cacheDir` when given and made again only when the code or the packages that
 * draw certificates change (`rendererFingerprint`), the pictures' package among them.
 */
function cachedEmojiPacks(cacheDir: string | undefined): Map<string, string | Buffer> {
	if (!cacheDir) return emojiPacks();
	const key = rendererFingerprint().slice(0, 16);
	const folder = join(cacheDir, key);
	const file = (pack: string) => join(folder, basename(emojiPackPath(pack)));
	// Packs of other versions are of no further use.
	if (existsSync(cacheDir)) for (const other of readdirSync(cacheDir)) if (other !== key) rmSync(join(cacheDir, other), { recursive: true, force: true });
	const names = readKept(join(folder, 'packs.json'));
	if (Array.isArray(names) && names.every((pack) => typeof pack === 'string' && existsSync(file(pack)))) return new Map(names.map((pack: string) => [pack, file(pack)]));
	const packs = emojiPacks();
	for (const [pack, bytes] of packs) writeWhole(file(pack), bytes);
	// The list last, so that a build stopped half-way leaves no list of packs that are not there.
	keep(join(folder, 'packs.json'), [...packs.keys()]);
	return packs;
}

/**
 * Puts the files and the emoji packs into the build output, and says so in the build log when given
 * a logger. With a cache folder, the packs are made once and then taken from there. With the site's
 * `locales` (path prefixes, `Locale.prefix`), the regular-weight fonts are those of the
 * certificates' own words, read from the track pages already built in `dir` (`siteCertificateText`).
 */
export function writeCertificateAssets(
	dir: URL | string,
	options: { logger?: { info(message: string): void }; cacheDir?: string; locales?: readonly string[] } = {}
): CertificateAssetsReport {
	const { logger, cacheDir } = options;
	const started = performance.now();
	const dist = typeof dir === 'string' ? dir : fileURLToPath(dir);
	const out = join(dist, CERTIFICATE_ASSETS_DIR);
	const made = new Set<string>();
	const packages = new Map<string, string>();
	let bytes = 0;
	// Regular-weight fonts for the certificates' own words, read from the pages just built.
	const files = certificateAssetFiles(options.locales ? siteCertificateText(dist, options.locales) : undefined);
	for (const [pkg, file] of files) {
		if (!packages.has(pkg)) packages.set(pkg, packageDir(pkg));
		const target = join(out, pkg, file);
		const folder = join(target, '..');
		if (!made.has(folder)) {
			mkdirSync(folder, { recursive: true });
			made.add(folder);
		}
		const source = join(packages.get(pkg)!, file);
		placeFile(source, target);
		bytes += statSync(source).size;
	}
	const packs = cachedEmojiPacks(cacheDir);
	mkdirSync(join(out, EMOJI_PACKS), { recursive: true });
	for (const [pack, kept] of packs) {
		const target = join(out, emojiPackPath(pack));
		if (typeof kept === 'string') placeFile(kept, target);
		else writeWhole(target, kept);
		bytes += statSync(target).size;
	}
	const count = files.length + packs.size;
	logger?.info(
		`Added ${count} font and emoji files (${(bytes / 1e6).toFixed(1)} MB) to ${CERTIFICATE_ASSETS_DIR}/ for certificates drawn in the browser${options.locales ? ' (regular-weight fonts for what the track pages’ certificates say, bold ones for a name in any script)' : ''}, in ${Math.round(performance.now() - started)} ms.`
	);
	return { files: count, bytes };
}

const TYPES: Record<string, string> = { json: 'application/json', woff2: 'font/woff2', gz: 'application/gzip' };

/**
 * A Vite plugin for the dev server that answers `/certificate-assets/…` from `node_modules`, so a
 * certificate can be drawn while previewing. Only the files the build would copy are served, by an
 * exact match of their address, so no other file of the machine can be reached through it.
 */
export function certificateAssetsDevServer(): Plugin {
	return {
		name: 'currents:certificate-assets',
		apply: 'serve',
		configureServer(server) {
			const files = new Map<string, string>();
			for (const [pkg, file] of certificateAssetFiles()) files.set(`/${CERTIFICATE_ASSETS_DIR}/${pkg}/${file}`, join(packageDir(pkg), file));
			let packs: Map<string, Buffer> | undefined;
			server.middlewares.use((request, response, next) => {
				let path: string;
				try {
					path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
				} catch {
					return next();
				}
				const type = TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'text/plain; charset=utf-8';
				const source = files.get(path);
				if (source) {
					response.setHeader('Content-Type', type);
					createReadStream(source).pipe(response);
					return;
				}
				// The packs are made on the first request for one, as the build makes them.
				const packed = path.startsWith(`/${CERTIFICATE_ASSETS_DIR}/${EMOJI_PACKS}/`)
					? (packs ??= new Map([...emojiPacks()].map(([pack, bytes]) => [`/${CERTIFICATE_ASSETS_DIR}/${emojiPackPath(pack)}`, bytes]))).get(path)
					: undefined;
				if (!packed) return next();
				response.setHeader('Content-Type', type);
				response.end(packed);
			});
		},
	};
}
