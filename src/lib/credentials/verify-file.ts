/**
 * A certificate file checked as a whole, the same on the verify page and on the command line: a PNG
 * with the credential baked in, a self-assessed certificate, a `.json` credential, or a file of
 * another kind that someone took for the certificate (a screenshot, a photo, a PDF print).
 */
import { BakedPngError, isPng, isSelfAssessed, readBakedCredential } from './baked-png.ts';
import { refuse, verifyCredentialText, type Verdict, type VerifyOptions } from './verify.ts';

/** The formats people save or send a certificate in besides its PNG, by the bytes they start with. */
const OTHER_FORMATS: readonly { format: string; matches: (bytes: Uint8Array) => boolean }[] = [
	{ format: 'JPEG', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
	{ format: 'PDF', matches: (bytes) => startsWith(bytes, [...'%PDF-'].map((c) => c.charCodeAt(0))) },
	{ format: 'GIF', matches: (bytes) => startsWith(bytes, [...'GIF8'].map((c) => c.charCodeAt(0))) },
	{ format: 'WebP', matches: (bytes) => startsWith(bytes, [...'RIFF'].map((c) => c.charCodeAt(0))) && ascii(bytes, 8, 12) === 'WEBP' },
	{ format: 'HEIC', matches: (bytes) => ascii(bytes, 4, 8) === 'ftyp' && /^(?:hei[cxs]|mif1|msf1|hevc)$/.test(ascii(bytes, 8, 12)) },
	{ format: 'AVIF', matches: (bytes) => ascii(bytes, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 12)) },
	{ format: 'TIFF', matches: (bytes) => startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) },
	{ format: 'BMP', matches: (bytes) => startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
	return bytes.length >= to ? String.fromCharCode(...bytes.subarray(from, to)) : '';
}

/** The format of a file that is not a certificate by its first bytes, such as `JPEG`; undefined for a PNG, text or anything unknown. */
export function otherFormat(bytes: Uint8Array): string | undefined {
	return OTHER_FORMATS.find((candidate) => candidate.matches(bytes))?.format;
}

/**
 * The verdict on a file's bytes, named `file` in what it says. `inflate` undoes the deflate of a
 * compressed credential chunk: the browser's and Node's differ.
 */
export async function verifyFileBytes(bytes: Uint8Array, file: string, options: VerifyOptions, inflate: (data: Uint8Array) => Promise<Uint8Array>): Promise<Verdict> {
	if (!isPng(bytes)) {
		const format = otherFormat(bytes);
		if (format) return refuse('unreadable', { key: 'reasonOtherFormat', values: { file, format } });
		return verifyCredentialText(new TextDecoder().decode(bytes), options);
	}
	try {
		const text = await readBakedCredential(bytes, inflate);
		if (text === null) return refuse('unreadable', { key: isSelfAssessed(bytes) ? 'reasonSelfAssessed' : 'reasonNoCredential', values: { file } });
		return verifyCredentialText(text, options);
	} catch (error) {
		if (error instanceof BakedPngError) return refuse('unreadable', error.refusal);
		throw error;
	}
}
