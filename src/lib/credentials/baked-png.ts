/**
 * Open Badges baking: the credential travels inside the certificate's PNG as an `iTXt` chunk with
 * the keyword `openbadgecredential`, so that the image alone is the verifiable certificate. This
 * file reads and writes that chunk with plain byte work (its own CRC-32), the same in Node and in
 * browsers.
 *
 * An iTXt chunk holds: the keyword, a zero byte, the compression flag and method (one byte each),
 * a language tag and a translated keyword (each ended by a zero byte), then the UTF-8 text. A
 * certificate drawn on a track page instead says, in a plain `tEXt` chunk, that it is self-assessed.
 */
import { refusalText, type Refusal } from './refusal.ts';

export const BAKED_KEYWORD = 'openbadgecredential';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A problem with the image itself, worded for the person who dropped it (`refusal.ts`). */
export class BakedPngError extends Error {
	override name = 'BakedPngError';
	readonly refusal: Refusal;
	constructor(refusal: Refusal) {
		super(refusalText(refusal));
		this.refusal = refusal;
	}
}

interface Chunk {
	type: string;
	/** Offset of the chunk's length field. */
	start: number;
	/** Offset just after its CRC. */
	end: number;
	data: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
	return bytes.length >= 8 && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

function chunks(png: Uint8Array): Chunk[] {
	if (!isPng(png)) throw new BakedPngError({ key: 'reasonNotPng' });
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const list: Chunk[] = [];
	for (let at = 8; at + 12 <= png.length; ) {
		const length = view.getUint32(at);
		const end = at + 12 + length;
		if (end > png.length) throw new BakedPngError({ key: 'reasonPngCut' });
		const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
		list.push({ type, start: at, end, data: png.subarray(at + 8, at + 8 + length) });
		if (type === 'IEND') break;
		at = end;
	}
	return list;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const bytes = new Uint8Array(12 + data.length);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, data.length);
	for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
	bytes.set(data, 8);
	view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
	return bytes;
}

/** The PNG with the credential baked in, uncompressed, just before the image's end; any earlier credential is replaced. */
export function bakeCredential(png: Uint8Array, credential: string): Uint8Array {
	const list = chunks(png);
	const end = list.find((c) => c.type === 'IEND');
	if (!end) throw new BakedPngError({ key: 'reasonPngNoEnd' });
	const keyword = new TextEncoder().encode(BAKED_KEYWORD);
	const text = new TextEncoder().encode(credential);
	// Keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
	const data = new Uint8Array(keyword.length + 5 + text.length);
	data.set(keyword, 0);
	data.set(text, keyword.length + 5);
	return beforeEnd(png, list, end, chunk('iTXt', data), (c) => c.type === 'iTXt' && keywordOf(c.data) === BAKED_KEYWORD);
}

/** The PNG with `added` just before its end, and without the chunks `replaced` picks. */
function beforeEnd(png: Uint8Array, list: Chunk[], end: Chunk, added: Uint8Array, replaced: (c: Chunk) => boolean): Uint8Array<ArrayBuffer> {
	const kept = list.filter((c) => c.type !== 'IEND' && !replaced(c));
	const parts = [png.subarray(0, 8), ...kept.map((c) => png.subarray(c.start, c.end)), added, png.subarray(end.start, end.end)];
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/**
 * A self-assessed certificate, drawn on a track page, says so in a `tEXt` chunk: not a proof of
 * anything (anyone can write one), but it lets the verify page tell a learner that their own
 * certificate carries no signature by design, rather than that one was removed.
 */
const SELF_ASSESSED = 'Description\0Self-assessed certificate: no issuer signed it.';

/** The certificate PNG drawn on a track page, marked as self-assessed. */
export function markSelfAssessed(png: Uint8Array): Uint8Array<ArrayBuffer> {
	const list = chunks(png);
	const end = list.find((c) => c.type === 'IEND');
	if (!end) throw new BakedPngError({ key: 'reasonPngNoEnd' });
	return beforeEnd(png, list, end, chunk('tEXt', new TextEncoder().encode(SELF_ASSESSED)), isSelfAssessedChunk);
}

/** Whether a PNG says it is a self-assessed certificate drawn on a track page. */
export function isSelfAssessed(png: Uint8Array): boolean {
	return isPng(png) && chunks(png).some(isSelfAssessedChunk);
}

const isSelfAssessedChunk = (c: Chunk) => c.type === 'tEXt' && String.fromCharCode(...c.data) === SELF_ASSESSED;

function keywordOf(data: Uint8Array): string {
	const nul = data.indexOf(0);
	return nul < 0 ? '' : String.fromCharCode(...data.subarray(0, nul));
}

/**
 * The credential text baked into a PNG, or null when it holds none. `inflate` decompresses a
 * compressed chunk (other tools may compress it); without it such a chunk is an error.
 */
export async function readBakedCredential(png: Uint8Array, inflate?: (bytes: Uint8Array) => Promise<Uint8Array>): Promise<string | null> {
	const found = chunks(png).filter((c) => c.type === 'iTXt' && keywordOf(c.data) === BAKED_KEYWORD);
	if (found.length === 0) return null;
	if (found.length > 1) throw new BakedPngError({ key: 'reasonPngTwo' });
	const data = found[0]!.data;
	let at = BAKED_KEYWORD.length + 1;
	const compressed = data[at] === 1;
	at += 2;
	// Skip the language tag and the translated keyword.
	for (let skipped = 0; skipped < 2; skipped++) {
		const nul = data.indexOf(0, at);
		if (nul < 0) throw new BakedPngError({ key: 'reasonPngDamaged' });
		at = nul + 1;
	}
	let text = data.subarray(at);
	if (compressed) {
		if (!inflate) throw new BakedPngError({ key: 'reasonPngCompressed' });
		text = await inflate(text);
	}
	return new TextDecoder('utf-8', { fatal: false }).decode(text);
}
