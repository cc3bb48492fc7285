/**
 * Draws a certificate in the browser. This is the heavy part (satori and its layout engine, about
 * 0.6 MB compressed), so the track page imports it only when the learner asks for a certificate.
 */
import { certificateSvg, CERTIFICATE_SIZES, type CertificateInput, type CertificateSize } from '../lib/cards/certificate.ts';
import { browserAssets, svgToPng } from '../lib/cards/browser-environment.ts';
import { markSelfAssessed } from '../lib/credentials/baked-png.ts';

// One set of assets for the page, so that fonts fetched and parsed for one drawing serve the next.
const assets = browserAssets();

// The layout of the last certificate drawn: asking for the print size after the screen size (or
// again after a download) draws the same picture without laying it out again.
let last: { key: string; svg: Promise<string> } | undefined;

/** The certificate as a PNG file at screen or print size. Throws `CardTextError` for text it cannot print. */
export async function drawCertificate(input: CertificateInput, size: CertificateSize): Promise<Blob> {
	const key = JSON.stringify(input);
	let svg = last?.key === key ? last.svg : undefined;
	if (!svg) {
		svg = certificateSvg(input, assets).then((fitted) => fitted.svg);
		last = { key, svg };
		// A refused name must not stay cached as the answer for the next attempt with the same text.
		svg.catch(() => {
			if (last?.key === key) last = undefined;
		});
	}
	const png = new Uint8Array(await (await svgToPng(await svg, CERTIFICATE_SIZES[size].width)).arrayBuffer());
	// Marked, so that the verify page can say it is self-assessed rather than stripped of a signature.
	return new Blob([markSelfAssessed(png)], { type: 'image/png' });
}
