/**
 * The Node environment for rendering: fonts and emoji read from the npm packages in `node_modules`,
 * PNG drawn by `@resvg/resvg-js` (a native binary shipped inside its npm package). The build, the
 * command-line tools and the tests use it; nothing is fetched from the network.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installedDir } from '../cache/fingerprint.ts';
import { encodePng } from './png.ts';
import type { CardAssets, CardEnvironment, Rasterize } from './render.ts';

/** The folder of an installed package the images need (`installedDir`), or an error that says to install it. */
export function packageDir(name: string): string {
	const dir = installedDir(name);
	if (dir === undefined) throw new Error(`The npm package ${name} is not installed, and the images need it. Run npm install.`);
	return dir;
}

/** Splits `@scope/name/rest/of/path` into the package and the path inside it. */
export function splitPackagePath(path: string): [string, string] {
	const parts = path.split('/');
	const size = path.startsWith('@') ? 2 : 1;
	return [parts.slice(0, size).join('/'), parts.slice(size).join('/')];
}

/** A font package's `unicode.json`: each subset's name and the code points it holds. */
export function unicodeTable(pkg: string): Record<string, string> {
	return JSON.parse(readFileSync(join(packageDir(pkg), 'unicode.json'), 'utf8')) as Record<string, string>;
}

export const nodeAssets: CardAssets = {
	async unicodeTable(pkg) {
		return unicodeTable(pkg);
	},
	async font(path) {
		const [pkg, file] = splitPackagePath(path);
		return readFile(join(packageDir(pkg), file));
	},
	async emoji(file) {
		// Names come from code points only (see twemojiNames), so they cannot leave the package's folder.
		if (!/^[0-9a-f-]+\.svg$/.test(file)) return undefined;
		const path = join(packageDir('@twemoji/svg'), file);
		return existsSync(path) ? readFile(path, 'utf8') : undefined;
	},
};

/**
 * SVG to PNG with resvg. System fonts are never loaded: satori has already turned every glyph into
 * a path, and loading them would only cost time and make images depend on the machine.
 */
export const resvgRasterize: Rasterize = (svg, width) => {
	const image = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();
	return encodePng(image.pixels, image.width, image.height);
};

export const nodeEnvironment: CardEnvironment = { assets: nodeAssets, rasterize: resvgRasterize };

/**
 * Resolves once Node's event loop has turned, which is when it frees the native memory of images
 * no longer referenced. resvg holds a drawing's pixels (3 MB for a share card, 9 MB for a
 * certificate) outside the JavaScript heap, and they are freed only after their object is
 * collected *and* the loop turns; a loop that draws image after image with only promises between
 * them never lets it turn. Drawing 100 share cards so grew a process by 630 MB, and the page faults
 * of the growth doubled the time a card took (39 ms instead of 15 to 18 ms). Await it after each
 * image in such a loop; a card process, fed one card per message, turns the loop anyway.
 */
export function releaseImages(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
