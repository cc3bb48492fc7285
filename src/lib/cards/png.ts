/**
 * PNG files in Node: encoding RGBA pixels quickly and small.
 * resvg's own encoder compresses hard and took half of a share card's time. Here an image of few
 * colours gets a palette, which makes the file small at zlib's default level; any other image is
 * RGBA at a light level, a little larger in a fraction of the time. (For the share cards of 1,000
 * generated modules, level 6 took 1.5 ms less a card than level 7, for 0.1 KB more, 11.07 KB.)
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The filter type of a row stored as its differences from the row above (0 is a row stored as it is). */
const UP = 2;

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/**
 * Encodes 8-bit RGBA pixels, row after row, as a PNG. An image of at most 256 colours, as the flat
 * designs here are, is written with a palette: one byte a pixel instead of four, the same pixels,
 * and about a third of the file. Any other image is written as RGBA.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
	const stride = width * 4;
	if (pixels.length !== stride * height) throw new Error(`Expected ${stride * height} bytes of RGBA pixels for ${width}×${height}, got ${pixels.length}.`);
	return paletteImage(pixels, width, height) ?? rgbaImage(pixels, width, height);
}

function rgbaImage(pixels: Uint8Array, width: number, height: number): Buffer {
	const stride = width * 4;
	// Each row starts with its filter type; 0 (none) costs nothing to compute.
	const rows = Buffer.alloc((stride + 1) * height);
	const source = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
	for (let y = 0; y < height; y++) source.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
	return png(header(width, height, 6), rows, 2);
}

/** The image with a palette, or undefined when it has more than 256 colours. */
function paletteImage(pixels: Uint8Array, width: number, height: number): Buffer | undefined {
	// A pixel's four bytes as one number, in the machine's byte order: only equality matters here.
	// Signed, so that an opaque colour (alpha 255, the top byte on a little-endian machine) is a
	// small integer to V8 rather than a boxed number, which made the palette lookups a fifth slower.
	const words = pixels.byteOffset % 4 === 0 ? new Int32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4) : new Int32Array(Uint8Array.from(pixels).buffer);
	const palette = new Map<number, number>();
	/** Where each palette colour first occurs, as a byte offset into the pixels. */
	const firsts: number[] = [];
	const rows = rowBuffer((width + 1) * height);
	const source = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
	const stride = width * 4;
	// A flat design repeats a colour along a row, so the previous pixel's index is looked up only when
	// it changes; and it repeats whole rows (margins, bands, the space between lines). Such a row, once
	// a byte comparison finds it equal to the row above, is written with PNG's Up filter: all zeros,
	// each byte its difference from the byte above, which compresses faster and smaller than a copy.
	let last = -1;
	let index = 0;
	for (let y = 0, at = 0; y < height; y++) {
		const row = y * (width + 1) + 1;
		if (y > 0 && source.compare(source, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0) {
			rows[row - 1] = UP;
			rows.fill(0, row, row + width);
			at += width;
			continue;
		}
		rows[row - 1] = 0;
		for (let x = 0; x < width; x++, at++) {
			const colour = words[at]!;
			if (colour !== last) {
				let known = palette.get(colour);
				if (known === undefined) {
					if (palette.size === 256) return undefined;
					known = palette.size;
					palette.set(colour, known);
					firsts.push(at * 4);
				}
				last = colour;
				index = known;
			}
			rows[row + x] = index;
		}
	}
	const plte = Buffer.alloc(firsts.length * 3);
	firsts.forEach((at, i) => plte.set(pixels.subarray(at, at + 3), i * 3));
	// Transparency only when some colour is not opaque: the alpha of each entry, up to the last that needs one.
	const alphas = firsts.map((at) => pixels[at + 3]!);
	const lastTranslucent = alphas.findLastIndex((alpha) => alpha !== 255);
	const extra = lastTranslucent < 0 ? [] : [pngChunk('tRNS', Uint8Array.from(alphas.slice(0, lastTranslucent + 1)))];
	return png(header(width, height, 3), rows, 6, [pngChunk('PLTE', plte), ...extra]);
}

let rowsKept: Buffer | undefined;
/**
 * The buffer the palette image's rows are written into, one for all images of a size: each is
 * compressed before the next is written, and every byte of it is written for each image.
 */
function rowBuffer(size: number): Buffer {
	if (rowsKept?.length !== size) rowsKept = Buffer.allocUnsafe(size);
	return rowsKept;
}

/** IHDR's data: 8 bits per sample, the colour type (6 RGBA, 3 palette), deflate, no filter method, no interlace. */
function header(width: number, height: number, colourType: 3 | 6): Buffer {
	const data = Buffer.alloc(13);
	data.writeUInt32BE(width, 0);
	data.writeUInt32BE(height, 4);
	data.set([8, colourType, 0, 0, 0], 8);
	return data;
}

function png(ihdr: Buffer, rows: Buffer, level: number, before: Buffer[] = []): Buffer {
	return Buffer.concat([SIGNATURE, pngChunk('IHDR', ihdr), ...before, pngChunk('IDAT', deflateSync(rows, { level })), pngChunk('IEND', new Uint8Array())]);
}
