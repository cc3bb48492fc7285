/**
 * PNG files in Node: encoding RGBA pixels quickly and small.
 * resvg's own encoder compresses hard and took half of a share card's time. Here an image of few
 * colours gets a palette, which makes the file small at zlib's default level; any other image is
 * RGBA at a light level, a little larger in a fraction of the time. (For the share cards of 1,000
 * generated modules, level 6 took 1.5 ms less a card than level 7, for 0.1 KB more, 11.07 KB.) A
 * palette image's rows are compressed in segments, `segmentedStream` below.
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';

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
	// A pixel's four bytes as one number, in the machine's byte order: only equality matters here.
	// Signed, so that an opaque colour (alpha 255, the top byte on a little-endian machine) is a
	// small integer to V8 rather than a boxed number, which made the palette lookups a fifth slower.
	const words = pixels.byteOffset % 4 === 0 ? new Int32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4) : new Int32Array(Uint8Array.from(pixels).buffer);
	return encodeRows((y) => words.subarray(y * width, (y + 1) * width), width, height);
}

/**
 * Encodes an image given row by row, each row its pixels' four bytes as one number (an `Int32Array`
 * over RGBA bytes), so that an image made of parts need not be copied into one buffer first: a
 * share card's rows are the rows of its header, title and footer, or of the bare card between them.
 */
export function encodeRows(rowAt: (y: number) => Int32Array, width: number, height: number): Buffer {
	return paletteImage(rowAt, width, height) ?? rgbaImage(rowAt, width, height);
}

const bytesOf = (words: Int32Array) => new Uint8Array(words.buffer, words.byteOffset, words.byteLength);

function rgbaImage(rowAt: (y: number) => Int32Array, width: number, height: number): Buffer {
	const stride = width * 4;
	// Each row starts with its filter type; 0 (none) costs nothing to compute.
	const rows = Buffer.alloc((stride + 1) * height);
	for (let y = 0; y < height; y++) rows.set(bytesOf(rowAt(y)), y * (stride + 1) + 1);
	return png(header(width, height, 6), deflateSync(rows, { level: 2 }));
}

/** The image with a palette, or undefined when it has more than 256 colours. */
function paletteImage(rowAt: (y: number) => Int32Array, width: number, height: number): Buffer | undefined {
	const palette = new Map<number, number>();
	const rows = rowBuffer((width + 1) * height);
	// A flat design repeats a colour along a row, so the previous pixel's index is looked up only when
	// it changes; and it repeats whole rows (margins, bands, the space between lines). Such a row, once
	// a byte comparison finds it equal to the row above, is written with PNG's Up filter: all zeros,
	// each byte its difference from the byte above, which compresses faster and smaller than a copy.
	let last = -1;
	let index = 0;
	const repeated = new Uint8Array(height);
	let above: Uint8Array | undefined;
	for (let y = 0; y < height; y++) {
		const words = rowAt(y);
		const bytes = bytesOf(words);
		const row = y * (width + 1) + 1;
		if (above && Buffer.compare(above, bytes) === 0) {
			rows[row - 1] = UP;
			rows.fill(0, row, row + width);
			repeated[y] = 1;
			continue;
		}
		above = bytes;
		rows[row - 1] = 0;
		for (let x = 0; x < width; x++) {
			const colour = words[x]!;
			if (colour !== last) {
				let known = palette.get(colour);
				if (known === undefined) {
					if (palette.size === 256) return undefined;
					known = palette.size;
					palette.set(colour, known);
				}
				last = colour;
				index = known;
			}
			rows[row + x] = index;
		}
	}
	// The palette in the order its colours were met, each colour's bytes as the image holds them.
	const colours = bytesOf(Int32Array.from(palette.keys()));
	const plte = Buffer.alloc(palette.size * 3);
	for (let i = 0; i < palette.size; i++) plte.set(colours.subarray(i * 4, i * 4 + 3), i * 3);
	// Transparency only when some colour is not opaque: the alpha of each entry, up to the last that needs one.
	const alphas = Array.from({ length: palette.size }, (_, i) => colours[i * 4 + 3]!);
	const lastTranslucent = alphas.findLastIndex((alpha) => alpha !== 255);
	const extra = lastTranslucent < 0 ? [] : [pngChunk('tRNS', Uint8Array.from(alphas.slice(0, lastTranslucent + 1)))];
	return png(header(width, height, 3), segmentedStream(rows, width + 1, repeated, 6), [pngChunk('PLTE', plte), ...extra]);
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

function png(ihdr: Buffer, stream: Buffer, before: Buffer[] = []): Buffer {
	return Buffer.concat([SIGNATURE, pngChunk('IHDR', ihdr), ...before, pngChunk('IDAT', stream), pngChunk('IEND', new Uint8Array())]);
}

/**
 * At least this many rows that repeat the row above make a segment of their own (see `segmentedStream`).
 * Fewer are compressed with the rows around them: a segment costs a few bytes and a call into zlib.
 */
const REPEAT_RUN = 16;

/**
 * The zlib stream of an image's rows, compressed in segments. A card's rows are mostly runs of rows
 * that repeat the row above (its margins and the space between its parts: all zeros once filtered)
 * and a few bands of text, and zlib's default strategy spent as long on the runs as on the text. So
 * a run of `REPEAT_RUN` rows or more is compressed with zlib's run-length strategy, which does it in
 * a fifth of the time and a little smaller, and the rows between at `level`. Each segment is a deflate
 * stream of its own, flushed to a byte boundary and referring to nothing before it, so that one after
 * the other they make one stream; and a segment some recent image had too, as cards of one track
 * share their header and footer, is taken as it was compressed then. The cards of 200 generated
 * modules (8 tracks), encoded four times each way: 2.3 to 2.8 ms a card instead of 4.2 to 5.0 ms, and
 * 10.11 KB instead of 11.00 KB, the same pixels.
 */
export function segmentedStream(rows: Buffer, stride: number, repeated: Uint8Array, level: number): Buffer {
	const height = repeated.length;
	const parts: Buffer[] = [ZLIB_HEADER];
	let checksum = 1;
	const add = (segment: Compressed) => {
		parts.push(segment.bytes);
		checksum = adler32Combine(checksum, segment.adler, segment.length);
	};
	/** How many rows from `y` on repeat the row above. */
	const runAt = (y: number) => {
		let end = y;
		while (end < height && repeated[end]) end++;
		return end - y;
	};
	for (let start = 0; start < height; ) {
		const run = runAt(start);
		if (run >= REPEAT_RUN) {
			add(repeatRun(run, stride, rows[start * stride]!));
			start += run;
			continue;
		}
		// The rows up to the next run long enough to be a segment of its own.
		let end = start + Math.max(run, 1);
		for (let next = runAt(end); end < height && next < REPEAT_RUN; next = runAt(end)) end += Math.max(next, 1);
		add(band(rows.subarray(start * stride, end * stride), level));
		start = end;
	}
	const trailer = Buffer.alloc(4);
	trailer.writeUInt32BE(checksum, 0);
	parts.push(FINAL_BLOCK, trailer);
	return Buffer.concat(parts);
}

interface Compressed {
	/** Deflate blocks, none of them final, ending on a byte boundary. */
	bytes: Buffer;
	/** The Adler-32 checksum of the rows, and their length in bytes. */
	adler: number;
	length: number;
}

/** zlib's two header bytes: deflate with a 32 KB window, no preset dictionary. */
const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);
/** An empty final block (fixed codes, end of block at once), which ends the stream after the segments. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** Rows as a segment: deflate blocks flushed to a byte boundary, with the rows' checksum and length. */
const compress = (data: Uint8Array, level: number, strategy: number): Compressed => ({
	bytes: deflateRawSync(data, { level, strategy, finishFlush: constants.Z_SYNC_FLUSH }),
	adler: adler32(data),
	length: data.length,
});

/** Runs of repeated rows by their length and row size: they are all the same bytes, a filter type and zeros. */
const runs = new Map<string, Compressed>();

function repeatRun(count: number, stride: number, filter: number): Compressed {
	const key = `${count}/${stride}/${filter}`;
	let found = runs.get(key);
	if (!found) {
		const data = Buffer.alloc(count * stride);
		for (let y = 0; y < count; y++) data[y * stride] = filter;
		found = compress(data, 6, constants.Z_RLE);
		if (runs.size >= KEPT_SEGMENTS * 4) runs.delete(runs.keys().next().value!);
		runs.set(key, found);
	}
	return found;
}

/** Bands of rows compressed lately, by their length and CRC, with their rows to compare: the headers and footers of cards. */
const bands = new Map<string, Compressed & { rows: Buffer }>();
const KEPT_SEGMENTS = 16;
/**
 * The largest band kept: a card's header or footer is some 100 KB of rows. A print-size certificate's
 * bands (3,509 bytes a row) run to megabytes and are its own, so they are neither copied nor kept:
 * 24 print-size certificates drawn in one process held 91 to 93 MB instead of 95 MB.
 */
const KEPT_BAND_BYTES = 512 * 1024;

function band(data: Buffer, level: number): Compressed {
	if (data.length > KEPT_BAND_BYTES) return compress(data, level, constants.Z_DEFAULT_STRATEGY);
	const key = `${data.length}/${crc32(data)}/${level}`;
	const found = bands.get(key);
	if (found?.rows.equals(data)) {
		// The most recently used last, so that the first is the one to drop.
		bands.delete(key);
		bands.set(key, found);
		return found;
	}
	const made = { ...compress(data, level, constants.Z_DEFAULT_STRATEGY), rows: Buffer.from(data) };
	if (bands.size >= KEPT_SEGMENTS) bands.delete(bands.keys().next().value!);
	bands.set(key, made);
	return made;
}

const ADLER_BASE = 65521;

/** Adler-32, zlib's checksum of the uncompressed data. */
export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (let i = 0; i < data.length; ) {
		// The most bytes whose sums stay below 2^53 before the modulo: zlib's NMAX is 5552 for 32 bits.
		const end = Math.min(i + 5552, data.length);
		for (; i < end; i++) {
			a += data[i]!;
			b += a;
		}
		a %= ADLER_BASE;
		b %= ADLER_BASE;
	}
	return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two pieces of data one after the other, from the checksum of each and the second's length (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
	const rem = secondLength % ADLER_BASE;
	let sum1 = first & 0xffff;
	let sum2 = (rem * sum1) % ADLER_BASE;
	sum1 += (second & 0xffff) + ADLER_BASE - 1;
	sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
	if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
	if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
	if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
	if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
	return ((sum2 << 16) | sum1) >>> 0;
}
