/**
 * A minimal ZIP writer: what a Common Cartridge needs and no more. Entries are deflated (or stored
 * when deflating does not make them smaller), names are UTF-8, and every entry carries the same
 * timestamp, so the same input always gives the same bytes and a rebuilt cartridge only changes
 * when its content does. No ZIP64: a cartridge is far below its 4 GB and 65,535-entry limits.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
	/** The path inside the archive, with forward slashes, such as `modules/x/v1/index.html`. */
	name: string;
	data: Uint8Array | string;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
const VERSION = 20;

/**
 * Each file's compressed form, kept for as long as its bytes are: a site's cartridges share their
 * module pages (every track's and the whole curriculum's), and each is compressed once.
 */
const compressed = new WeakMap<Uint8Array, { body: Buffer; stored: boolean; crc: number; size: number }>();

function compress(input: Uint8Array | string): { body: Buffer; stored: boolean; crc: number; size: number } {
	const known = typeof input === 'string' ? undefined : compressed.get(input);
	if (known) return known;
	const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
	const deflated = deflateRawSync(data, { level: 9 });
	const stored = deflated.length >= data.length;
	const result = { body: stored ? data : deflated, stored, crc: crc32(data), size: data.length };
	if (typeof input !== 'string') compressed.set(input, result);
	return result;
}

/** Writes entries into a ZIP archive, dated `date` (an ISO day such as `2026-11-01`, read as UTC midnight). */
export function zip(entries: readonly ZipEntry[], date = '1980-01-01'): Buffer {
	const { dosDate, dosTime } = dosDateTime(date);
	const seen = new Set<string>();
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		checkName(entry.name, seen);
		const name = Buffer.from(entry.name, 'utf8');
		const { body, stored, crc, size } = compress(entry.data);
		const fields = {
			method: stored ? STORE : DEFLATE,
			crc,
			compressed: body.length,
			size,
		};
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(VERSION, 4);
		local.writeUInt16LE(UTF8_NAMES, 6);
		local.writeUInt16LE(fields.method, 8);
		local.writeUInt16LE(dosTime, 10);
		local.writeUInt16LE(dosDate, 12);
		local.writeUInt32LE(fields.crc, 14);
		local.writeUInt32LE(fields.compressed, 18);
		local.writeUInt32LE(fields.size, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, body);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(VERSION, 4);
		central.writeUInt16LE(VERSION, 6);
		central.writeUInt16LE(UTF8_NAMES, 8);
		central.writeUInt16LE(fields.method, 10);
		central.writeUInt16LE(dosTime, 12);
		central.writeUInt16LE(dosDate, 14);
		central.writeUInt32LE(fields.crc, 16);
		central.writeUInt32LE(fields.compressed, 20);
		central.writeUInt32LE(fields.size, 24);
		central.writeUInt16LE(name.length, 28);
		// Extra field, comment, disk number and internal attributes are all zero.
		central.writeUInt32LE(0, 38);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	if (entries.length > 0xffff || offset + directory.length > 0xffffffff) {
		throw new Error(`A cartridge of ${entries.length} files and ${offset} bytes is too large for a ZIP archive without ZIP64.`);
	}
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/** An archive path must stay inside the folder it is unpacked into and name each file once. */
function checkName(name: string, seen: Set<string>): void {
	if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
		throw new Error(`"${name}" is not a safe path inside an archive: use forward slashes, no leading "/", and no "." or ".." parts.`);
	}
	if (seen.has(name)) throw new Error(`The archive would hold "${name}" twice.`);
	seen.add(name);
}

/** MS-DOS date and time fields; ZIP cannot date anything before 1980. */
function dosDateTime(date: string): { dosDate: number; dosTime: number } {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [1980, 1, 1];
	const clamped = Math.min(Math.max(year, 1980), 2107);
	return { dosDate: ((clamped - 1980) << 9) | (month << 5) | day, dosTime: 0 };
}
