import { Resvg } from '@resvg/resvg-js';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, adler32Combine, encodePng } from '../src/lib/cards/png.ts';

/**
 * Reads what the encoder writes (8-bit RGBA or palette; rows unfiltered, or filtered Up, each byte
 * added to the byte above it) back into RGBA pixels, chunk by chunk.
 */
function readPng(png: Buffer): { colourType: number; pixels: Uint8Array } {
	expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
	const chunks = new Map<string, Buffer[]>();
	for (let at = 8; at < png.length; ) {
		const length = png.readUInt32BE(at);
		const type = png.toString('latin1', at + 4, at + 8);
		chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
		at += 12 + length;
	}
	const header = chunks.get('IHDR')![0]!;
	const [width, height, colourType] = [header.readUInt32BE(0), header.readUInt32BE(4), header[9]!];
	const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!));
	const channels = colourType === 6 ? 4 : 1;
	const palette = chunks.get('PLTE')?.[0];
	const alpha = chunks.get('tRNS')?.[0];
	const pixels = new Uint8Array(width * height * 4);
	const stride = width * channels + 1;
	for (let y = 0; y < height; y++) {
		const row = y * stride;
		expect([0, 2], 'row filter: none or Up').toContain(rows[row]);
		if (rows[row] === 2) for (let x = 1; x < stride; x++) rows[row + x] = (rows[row + x]! + (y > 0 ? rows[row - stride + x]! : 0)) & 0xff;
		for (let x = 0; x < width; x++) {
			const out = (y * width + x) * 4;
			if (colourType === 6) pixels.set(rows.subarray(row + 1 + x * 4, row + 5 + x * 4), out);
			else {
				const index = rows[row + 1 + x]!;
				pixels.set([palette![index * 3]!, palette![index * 3 + 1]!, palette![index * 3 + 2]!, alpha?.[index] ?? 255], out);
			}
		}
	}
	return { colourType, pixels };
}

/** The filter type of every row of an encoded palette image. */
function filters(png: Buffer): number[] {
	const width = png.readUInt32BE(16);
	const idat = png.indexOf('IDAT', 0, 'latin1');
	const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
	return Array.from({ length: rows.length / (width + 1) }, (_, y) => rows[y * (width + 1)]!);
}

/** A width × height image whose pixel colours come from `colour(i)`. */
function image(width: number, height: number, colour: (i: number) => [number, number, number, number]) {
	const pixels = new Uint8Array(width * height * 4);
	for (let i = 0; i < width * height; i++) pixels.set(colour(i), i * 4);
	return pixels;
}

describe('PNG encoding of cards and certificates', () => {
	it('writes an image of at most 256 colours with a palette and the same pixels, translucent colours included', () => {
		const flat = image(300, 200, (i) => (i % 300 < 150 ? [12, 34, 56, 255] : i % 7 === 0 ? [250, 200, 10, 128] : [255, 255, 255, 255]));
		const png = encodePng(flat, 300, 200);
		const read = readPng(png);
		expect(read.colourType).toBe(3);
		expect(Buffer.from(read.pixels).equals(Buffer.from(flat))).toBe(true);
		// One colour more than a palette holds, and the image is RGBA.
		const many = image(300, 200, (i) => [i % 257 === 256 ? 1 : i % 257, 0, i % 257 === 256 ? 1 : 0, 255]);
		expect(readPng(encodePng(many, 300, 200)).colourType).toBe(6);
	});

	it('keeps every pixel of rows that repeat the row above, and of rows that differ from it only in their last pixel', () => {
		// Bands of equal rows, as a card's margins are, broken by rows that change at the very end.
		const banded = image(120, 60, (i) => {
			const [x, y] = [i % 120, Math.floor(i / 120)];
			if (x === 119 && y % 10 === 9) return [200, 30, 30, 255];
			return x < 40 ? [10, 10, 10, 255] : y < 30 ? [240, 240, 240, 255] : [90, 120, 150, 200];
		});
		const png = encodePng(banded, 120, 60);
		const read = readPng(png);
		expect(read.colourType).toBe(3);
		expect(filters(png).filter((filter) => filter === 2)).toHaveLength(60 - 1 - 6 - 5);
		expect(Buffer.from(read.pixels).equals(Buffer.from(banded))).toBe(true);
	});

	it('writes each image of a run alone, whatever the image before it held', () => {
		// The rows of one image are written where the last image's were: a row that repeats the row above
		// must not keep what the last image had there.
		const busy = image(120, 60, (i) => [(i * 37) % 200, 0, 0, 255]);
		const plain = image(120, 60, (i) => (i < 120 ? [5, 5, 5, 255] : [250, 250, 250, 255]));
		encodePng(busy, 120, 60);
		const read = readPng(encodePng(plain, 120, 60));
		expect(Buffer.from(read.pixels).equals(Buffer.from(plain))).toBe(true);
		expect(Buffer.from(readPng(encodePng(busy, 120, 60)).pixels).equals(Buffer.from(busy))).toBe(true);
	});

	it('writes an image of more than 256 colours as RGBA, pixel for pixel', () => {
		const gradient = image(64, 64, (i) => [i % 64, (i >> 6) * 4, (i * 7) % 256, 255 - (i % 3)]);
		const read = readPng(encodePng(gradient, 64, 64));
		expect(read.colourType).toBe(6);
		expect(Buffer.from(read.pixels).equals(Buffer.from(gradient))).toBe(true);
	});

	/**
	 * A card-like image: a band at the top, wide margins, text-like rows in the middle (noise of a few
	 * colours) and a footer. `title` picks the middle's rows, so two such images share all but those.
	 */
	const cardLike = (title: number, footer: [number, number, number, number] = [30, 60, 90, 255]) =>
		image(1200, 630, (i) => {
			const [x, y] = [i % 1200, Math.floor(i / 1200)];
			if (x < 16) return [200, 40, 40, 255];
			const text = (y >= 80 && y < 100) || (y >= 260 && y < 420 && (y - 260) % 80 < 60);
			if (text && x > 80 && x < 1100) return (x * 7 + y * (13 + title)) % 9 < 2 ? [20, 20, 20, 255] : (x + y) % 11 === 0 ? [120, 120, 120, 255] : [250, 248, 240, 255];
			if (y >= 540 && y < 566 && x > 80 && x < 500) return footer;
			return [250, 248, 240, 255];
		});
	const [WIDTH, HEIGHT] = [1200, 630];

	it('writes a stream that a PNG reader other than zlib draws pixel for pixel', () => {
		// resvg reads PNG with its own decoder; an image of the SVG holding the PNG comes out the same pixels.
		const card = cardLike(1);
		const png = encodePng(card, WIDTH, HEIGHT);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><image width="${WIDTH}" height="${HEIGHT}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
		const drawn = new Resvg(svg).render();
		expect([drawn.width, drawn.height]).toEqual([WIDTH, HEIGHT]);
		expect(Buffer.from(drawn.pixels).equals(Buffer.from(card))).toBe(true);
	});

	it('draws each of a run of images that share rows from its own pixels, down to a band that differs in one pixel', () => {
		// The encoder keeps the compressed rows of recent images (a track's cards share their header and
		// footer): a band of the same size that differs must not be taken for one it has seen.
		const first = cardLike(1);
		const second = cardLike(2);
		const oneOff = cardLike(1, [30, 60, 91, 255]);
		for (const card of [first, second, oneOff, first, oneOff]) {
			expect(Buffer.from(readPng(encodePng(card, WIDTH, HEIGHT)).pixels).equals(Buffer.from(card))).toBe(true);
		}
		// And the same pixels give the same file, whatever was encoded before.
		expect(encodePng(second, WIDTH, HEIGHT).equals(encodePng(second, WIDTH, HEIGHT))).toBe(true);
	});

	it('writes a card-like image smaller than its rows compressed in one piece at the same level', () => {
		// The margins' runs of equal rows are compressed apart from the bands, with zlib's run-length strategy.
		const png = encodePng(cardLike(3), WIDTH, HEIGHT);
		const idat = png.indexOf('IDAT', 0, 'latin1');
		const stream = png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4));
		expect(stream.length).toBeLessThan(deflateSync(inflateSync(stream), { level: 6 }).length);
	});

	it("computes zlib's checksum, alone and combined from pieces", () => {
		const data = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 31 + (i >> 7)) & 0xff));
		// zlib writes the Adler-32 of the data as the last four bytes of its stream.
		const zlibs = (bytes: Buffer) => deflateSync(bytes).readUInt32BE(deflateSync(bytes).length - 4);
		for (const length of [0, 1, 5551, 5552, 5553, 20_000]) expect(adler32(data.subarray(0, length)), `${length} bytes`).toBe(zlibs(data.subarray(0, length)));
		for (const cut of [0, 1, 9_999, 20_000]) {
			expect(adler32Combine(adler32(data.subarray(0, cut)), adler32(data.subarray(cut)), data.length - cut), `cut at ${cut}`).toBe(zlibs(data));
		}
	});
});

