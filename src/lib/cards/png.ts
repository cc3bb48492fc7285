/**
 * PNG files in Node: encoding RGBA pixels quickly.
 * resvg's own encoder compresses hard and took half of a share card's time; a light zlib level
 * makes files a little larger in a fraction of the time, which suits build-time images.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels, row after row, as a PNG. */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
	const stride = width * 4;
	if (pixels.length !== stride * height) throw new Error(`Expected ${stride * height} bytes of RGBA pixels for ${width}×${height}, got ${pixels.length}.`);
	// Each row starts with its filter type; 0 (none) costs nothing to compute.
	const rows = Buffer.alloc((stride + 1) * height);
	const source = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
	for (let y = 0; y < height; y++) source.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
	return Buffer.concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 2 })), pngChunk('IEND', new Uint8Array())]);
}
