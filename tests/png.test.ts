import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../src/lib/cards/png.ts';

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
});
