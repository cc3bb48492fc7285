/**
 * The output scan's checks of attributes, shared by HTML and SVG: event handlers, and the URLs that
 * links, sources and SVG animations may hold.
 */
import { kindOf, quote, report, type FileContext, type Position } from './output-scan-context.ts';

type AnyAttribute = { name: string; value: string; prefix?: string };

/** Checks event handlers and URLs. Attribute names are compared without their prefix, so `xlink:href` is `href`. */
export function checkAttributes(ctx: FileContext, element: { tagName: string; attrs: AnyAttribute[] }, at: (attr: AnyAttribute) => Position | undefined): void {
	const tag = element.tagName;
	const local = tag.slice(tag.indexOf(':') + 1);
	for (const attr of element.attrs) {
		const colon = attr.name.indexOf(':');
		const name = (colon < 0 ? attr.name : attr.name.slice(colon + 1)).toLowerCase();
		if (attr.prefix === 'xmlns' || attr.name.startsWith('xmlns')) continue;
		const shown = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
		if (name.startsWith('on')) {
			report(ctx, 'output-event-handler', at(attr), `The <${tag}> element has an event handler, ${shown}=${quote(attr.value)}, which runs JavaScript.`, 'Remove the attribute from {source}. Content cannot run code.');
			continue;
		}
		let urls: string[];
		if (URL_ATTRIBUTES.has(name)) urls = [attr.value];
		// Splitting at every space and comma yields each candidate's URL at the start of a piece,
		// however the browser groups descriptors, so no candidate is missed.
		else if (URL_LIST_ATTRIBUTES.has(name)) urls = attr.value.split(LIST_SEPARATOR);
		// SVG animation can set a link's target: <set attributeName="href" to="javascript:…">.
		else if ((local === 'set' || local === 'animate') && ANIMATION_VALUES.has(name) && ANIMATED_LINK.test(element.attrs.find((a) => a.name.toLowerCase() === 'attributename')?.value ?? '')) urls = attr.value.split(';');
		else continue;
		const scheme = urls.map((url) => unsafeScheme(url, !(local === 'image' && kindOf(ctx.file) === 'svg'))).find(Boolean);
		if (scheme) report(ctx, 'output-unsafe-url', at(attr), `The <${tag}> element has ${shown}=${quote(attr.value)}, a ${scheme} URL.`, 'Use an `https://` address or a path on this site in {source}. Script and data URLs are never allowed.');
	}
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'longdesc', 'codebase', 'manifest', 'base']);
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping']);
const LIST_SEPARATOR = /[\t\n\f\r ,]+/;
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);
const ANIMATED_LINK = /href\s*$/i;
const SQUEEZE = /[\0- ]+/g;
const UNSAFE_SCHEMES = ['javascript:', 'vbscript:', 'data:'];
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;

/**
 * The unsafe scheme a URL uses, if any. Browsers drop leading control characters and spaces and
 * every tab and line break; dropping all of them, anywhere, catches at least as much.
 */
export function unsafeScheme(url: string, refuseRasterData: boolean, anywhere = false): string | undefined {
	const first = url.charCodeAt(0);
	if (!anywhere && (first === 0x2f || first === 0x23 || first === 0x2e || url.startsWith('https://'))) return undefined;
	const squeezed = url.replace(SQUEEZE, '').toLowerCase();
	const scheme = UNSAFE_SCHEMES.find((candidate) => (anywhere ? squeezed.includes(candidate) : squeezed.startsWith(candidate)));
	// An SVG's <image> may embed a picture as a data URL; pictures cannot run script.
	if (scheme === 'data:' && !refuseRasterData && RASTER_DATA.test(squeezed)) return undefined;
	return scheme?.slice(0, -1);
}
