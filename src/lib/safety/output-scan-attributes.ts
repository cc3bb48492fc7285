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
		if (name === 'style' && STYLE_LOAD.test(attr.value)) {
			report(ctx, 'output-remote', at(attr), `The <${tag}> element has style=${quote(attr.value)}, which could fetch a file: the site's own styles set properties, and load nothing from a style attribute.`, 'Remove the attribute from {source}, or move the style into the site\'s stylesheet.');
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
		else checkLoads(ctx, element, local.toLowerCase(), name, shown, urls, at(attr));
	}
}

/** The base every address of a page is read against: an address that leaves it names another server. */
export const ORIGIN = 'https://output-scan.invalid';

/**
 * What the browser fetches as soon as an element is on the page, or sends when a link is followed
 * (`ping`): from another server, that tells it who reads the page. Only images may come from
 * elsewhere, and only from the hosts in `imageHosts`. A link or a form's target is fetched only when
 * the reader chooses to go there. (`<script>` addresses are the script rule's.)
 */
function checkLoads(ctx: FileContext, element: { attrs: AnyAttribute[] }, local: string, name: string, shown: string, urls: string[], position: Position | undefined): void {
	const loads =
		LOADED_ANYWHERE.has(name) ||
		(name === 'href' && (FETCHED_HREF.has(local) || (local === 'link' && relOf(element).some((rel) => LOADING_RELS.has(rel)))));
	if (!loads || local === 'script') return;
	const images = IMAGE_ELEMENTS.has(local);
	for (const url of urls) {
		const address = URL.parse(url.trim(), `${ORIGIN}/${ctx.address}`);
		if (!address || !/^https?:$/.test(address.protocol) || address.origin === ORIGIN) continue;
		if (images && address.protocol === 'https:' && address.port === '' && ctx.scan.options.imageHosts?.includes(address.hostname)) continue;
		const allowed = images ? ' Images may come from the hosts in `imageHosts` of curriculum.yaml, over https.' : '';
		report(ctx, 'output-remote', position, `The <${local}> element has ${shown}=${quote(url.trim())}, which the browser fetches from ${address.host}, another server.${allowed}`, 'Serve the file from this site instead: remove the address from {source}, or save the file in the repository.');
		return;
	}
}

function relOf(element: { attrs: AnyAttribute[] }): string[] {
	return (element.attrs.find((attr) => attr.name.toLowerCase() === 'rel')?.value ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
}

/** Attributes whose address is fetched whatever the element (a `src` of an element that fetches nothing fetches nothing, and is refused all the same). */
const LOADED_ANYWHERE = new Set(['src', 'srcset', 'imagesrcset', 'poster', 'background', 'data', 'ping', 'manifest']);
/** Elements whose `href` (or `xlink:href`) is fetched with the page: SVG's pictures, reused shapes and filters' images. */
const FETCHED_HREF = new Set(['image', 'use', 'feimage']);
const LOADING_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'manifest', 'preload', 'prefetch', 'modulepreload', 'prerender', 'preconnect', 'dns-prefetch', 'import']);
const IMAGE_ELEMENTS = new Set(['img', 'source', 'image']);
/** In a `style` attribute, what could fetch a file: a function that takes an address, an import, or an escape that could spell one. */
const STYLE_LOAD = /(?:url|image-set|image|cross-fade|src)\s*\(|@import|\\/i;

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
