/**
 * The pixel size of a PNG, JPEG, WebP, AVIF or GIF image, read from its first bytes, or null when
 * the header cannot be read. The build decodes every image it ships, so a small file that declares
 * a huge picture (a decompression bomb) or a header that does not parse would stall or stop it.
 */
export function imageSize(format: string, head: Buffer): { width: number; height: number } | null {
	try {
		switch (format) {
			case 'PNG':
				// The IHDR chunk comes first: width and height at bytes 16 and 20.
				return head.toString('latin1', 12, 16) === 'IHDR' ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : null;
			case 'GIF':
				return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
			case 'WebP':
				return webpSize(head);
			case 'JPEG':
				return jpegSize(head);
			case 'AVIF':
				return avifSize(head);
			default:
				return null;
		}
	} catch {
		// A header shorter than it claims: unreadable.
		return null;
	}
}

function webpSize(head: Buffer): { width: number; height: number } | null {
	const chunk = head.toString('latin1', 12, 16);
	if (chunk === 'VP8X') return { width: 1 + head.readUIntLE(24, 3), height: 1 + head.readUIntLE(27, 3) };
	if (chunk === 'VP8L') {
		const bits = head.readUInt32LE(21);
		return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
	}
	if (chunk === 'VP8 ') return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
	return null;
}

/** The first start-of-frame segment holds the size; the segments before it are skipped by length. */
function jpegSize(head: Buffer): { width: number; height: number } | null {
	let at = 2;
	while (at + 9 < head.length) {
		if (head[at] !== 0xff) return null;
		const marker = head[at + 1]!;
		if (marker === 0xff) {
			at++;
			continue;
		}
		const length = head.readUInt16BE(at + 2);
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { width: head.readUInt16BE(at + 7), height: head.readUInt16BE(at + 5) };
		}
		at += 2 + length;
	}
	return null;
}

/** The image spatial extents (`ispe`) property holds the size of an AVIF image. */
function avifSize(head: Buffer): { width: number; height: number } | null {
	const at = head.indexOf('ispe', 0, 'latin1');
	if (at < 0 || at + 16 > head.length) return null;
	return { width: head.readUInt32BE(at + 8), height: head.readUInt32BE(at + 12) };
}
