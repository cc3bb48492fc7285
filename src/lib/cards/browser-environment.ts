/**
 * The browser's environment for rendering: fonts, font tables and emoji pictures fetched from the
 * site itself (the build copies them there, see browser-assets.ts), and PNG drawn by the browser.
 *
 * Rasterising needs no WebAssembly: satori's SVG holds only paths and embedded `data:` pictures,
 * so the browser draws it as an image onto a canvas at the width asked for (a vector image is
 * drawn afresh at that size, not scaled up) and encodes the canvas as PNG. The result matches
 * resvg's drawing of the same SVG to within anti-aliasing (the certificate browser test compares them).
 */
import { assetHref, emojiPack, emojiPackPath } from './browser-paths.ts';
import type { CardAssets, CardEnvironment, Rasterize } from './render.ts';

/**
 * A problem reaching the site's own files. The message is for the console; the page words it for the
 * learner by `reason`: `unreachable` when the request got no answer (offline, or the connection
 * dropped), `missing` when the site answered with an error.
 */
export class AssetError extends Error {
	override name = 'AssetError';
	readonly reason: 'unreachable' | 'missing';
	constructor(message: string, reason: 'unreachable' | 'missing') {
		super(message);
		this.reason = reason;
	}
}

async function get(href: string): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(href);
	} catch {
		throw new AssetError(`The certificate’s file ${href} could not be downloaded: the request got no answer.`, 'unreachable');
	}
	return response;
}

async function required(href: string): Promise<Response> {
	const response = await get(href);
	if (!response.ok) {
		throw new AssetError(`The certificate’s file ${href} could not be downloaded: the site answered ${response.status}.`, 'missing');
	}
	return response;
}

/**
 * The pictures of one emoji pack (see `emojiPack`), by file name; none when the site has no such pack.
 * The pack is gzipped JSON; a host that sends it already unpacked (with `Content-Encoding: gzip`) is
 * read as it comes.
 */
async function emojiPictures(href: string): Promise<Record<string, string>> {
	const response = await get(href);
	if (!response.ok) return {};
	const bytes = new Uint8Array(await response.arrayBuffer());
	const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
	return JSON.parse(text) as Record<string, string>;
}

/** Assets fetched from the site at `base` (its root by default). */
export function browserAssets(base = '/'): CardAssets {
	const packs = new Map<string, Promise<Record<string, string>>>();
	return {
		async unicodeTable(pkg) {
			return (await (await required(assetHref(`${pkg}/unicode.json`, base))).json()) as Record<string, string>;
		},
		async font(path) {
			return new Uint8Array(await (await required(assetHref(path, base))).arrayBuffer());
		},
		async emoji(file) {
			// Names come from code points only (see twemojiNames); Twemoji has no picture for some of them.
			if (!/^[0-9a-f-]+\.svg$/.test(file)) return undefined;
			const pack = emojiPack(file);
			let pictures = packs.get(pack);
			if (!pictures) {
				pictures = emojiPictures(assetHref(emojiPackPath(pack), base));
				packs.set(pack, pictures);
				// A pack that could not be fetched is asked for again next time, once the browser is back online.
				pictures.catch(() => packs.delete(pack));
			}
			const all = await pictures;
			return Object.hasOwn(all, file) ? all[file] : undefined;
		},
	};
}

/** Draws SVG as a PNG file at the given width; the height follows the SVG's aspect ratio. */
export async function svgToPng(svg: string, width: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const height = Math.round((width * image.naturalHeight) / image.naturalWidth);
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser could not give a canvas to draw the certificate on.');
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('This browser could not save the drawing as a PNG file; it may be short of memory.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export const canvasRasterize: Rasterize = async (svg, width) => new Uint8Array(await (await svgToPng(svg, width)).arrayBuffer());

/** The environment `renderCertificate` takes, for a page of the site at `base`. */
export const browserEnvironment = (base = '/'): CardEnvironment => ({ assets: browserAssets(base), rasterize: canvasRasterize });
