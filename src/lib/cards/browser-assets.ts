/**
 * The build step that lets a browser draw a certificate without a server or another site: it
 * copies the fonts' `unicode.json` tables, the regular and bold `.woff2` subsets a certificate can use, and the Twemoji
 * pictures from `node_modules` into `dist/certificate-assets/`, each under its path inside
 * `node_modules` (see browser-paths.ts). A learner's browser fetches only the files their name and
 * the certificate's text need, and only once they ask for a certificate. The licences travel with
 * the files, as the fonts' Open Font License and the pictures' licence ask. The dev server, where
 * no build step runs, serves the same files from `node_modules` (`certificateAssetsDevServer`).
 */
import { createReadStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { placeFile } from '../cache/files.ts';
import { CERTIFICATE_ASSETS_DIR, EMOJI_PACKAGE } from './browser-paths.ts';
import { catalogue, FAMILIES, reachableFontFiles } from './fonts.ts';
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

/** Every file the browser may need, as `[package, path inside it]`. */
export function certificateAssetFiles(): [string, string][] {
	// Only the font files the renderer can ask for (reachableFontFiles), not every file of the packages.
	const tables = new Map(FAMILIES.map((family) => [family.id, unicodeTable(family.package)]));
	const fonts = [
		...FAMILIES.flatMap((family) => packageFiles(family.package, (file) => file === 'unicode.json' || LICENCE.test(file)).map((file) => [family.package, file] as [string, string])),
		...reachableFontFiles(catalogue(tables)).map((file) => splitPackagePath(file.path)),
	];
	const emoji = packageFiles(EMOJI_PACKAGE, (file) => /^[0-9a-f-]+\.svg$/.test(file) || LICENCE.test(file)).map((file) => [EMOJI_PACKAGE, file] as [string, string]);
	return [...fonts, ...emoji];
}

/**
 * Puts the files into the build output, and says so in the build log when given a logger.
 */
export function writeCertificateAssets(dir: URL | string, logger?: { info(message: string): void }): CertificateAssetsReport {
	const started = performance.now();
	const out = join(typeof dir === 'string' ? dir : fileURLToPath(dir), CERTIFICATE_ASSETS_DIR);
	const made = new Set<string>();
	const packages = new Map<string, string>();
	let bytes = 0;
	const files = certificateAssetFiles();
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
	logger?.info(
		`Added ${files.length} font and emoji files (${(bytes / 1e6).toFixed(1)} MB) to ${CERTIFICATE_ASSETS_DIR}/ for certificates drawn in the browser, in ${Math.round(performance.now() - started)} ms.`
	);
	return { files: files.length, bytes };
}

const TYPES: Record<string, string> = { json: 'application/json', woff2: 'font/woff2', svg: 'image/svg+xml' };

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
			server.middlewares.use((request, response, next) => {
				let path: string;
				try {
					path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
				} catch {
					return next();
				}
				const source = files.get(path);
				if (!source) return next();
				response.setHeader('Content-Type', TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'text/plain; charset=utf-8');
				createReadStream(source).pipe(response);
			});
		},
	};
}
