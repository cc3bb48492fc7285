/**
 * A QR code as an SVG picture: one path of dark squares, merged along each row so that the file
 * stays small, with the four-module quiet zone that scanners need. `uqr` encodes; it runs in Node
 * and in browsers.
 */
import { encode } from 'uqr';
import { svgDataUri } from './emoji.ts';

export interface QrPicture {
	/** The picture as a data URI, for an `<img>` in a satori design. */
	uri: string;
	/** Modules per side, quiet zone included. */
	modules: number;
}

/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET_ZONE = 4;

/**
 * Encodes text (a verification address) with medium error correction, which survives a crease or a
 * smudge on a printed certificate.
 */
export function qrCode(text: string, colours: { dark: string; light: string } = { dark: '#000000', light: '#ffffff' }): QrPicture {
	const { data, size } = encode(text, { ecc: 'M', border: 0 });
	const modules = size + QUIET_ZONE * 2;
	const runs: string[] = [];
	data.forEach((row, y) => {
		for (let x = 0; x < size; x++) {
			if (!row[x]) continue;
			let end = x;
			while (end + 1 < size && row[end + 1]) end++;
			runs.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h-${end - x + 1}z`);
			x = end;
		}
	});
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules} ${modules}" shape-rendering="crispEdges">` +
		`<rect width="${modules}" height="${modules}" fill="${colours.light}"/>` +
		`<path d="${runs.join('')}" fill="${colours.dark}"/></svg>`;
	return { uri: svgDataUri(svg), modules };
}
