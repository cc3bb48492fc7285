/**
 * A reader of ZIP archives for the tests, independent of the code that writes them
 * (src/lib/cartridge/zip.ts): what a learning platform reads when it imports a cartridge.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export /** Reads a ZIP archive from its central directory, inflating each entry and checking its CRC-32. */
function unzip(bytes: Buffer): Map<string, Buffer> {
	const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
	const count = bytes.readUInt16LE(end + 10);
	let at = bytes.readUInt32LE(end + 16);
	const files = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${i}: bad central directory header`);
		const method = bytes.readUInt16LE(at + 10);
		const crc = bytes.readUInt32LE(at + 16);
		const size = bytes.readUInt32LE(at + 20);
		const nameLength = bytes.readUInt16LE(at + 28);
		const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
		const local = bytes.readUInt32LE(at + 42);
		const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
		if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
		const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
		const raw = bytes.subarray(start, start + size);
		const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined;
		if (!data) throw new Error(`${name}: unknown compression method ${method}`);
		if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
		files.set(name, data);
		at += 46 + skip;
	}
	return files;
}
