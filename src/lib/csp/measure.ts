/**
 * What a built page holds that a Content Security Policy has to allow: its inline scripts (by hash),
 * `<style>` elements (by hash), `style` attributes, inline event handlers and the policy its meta tag
 * sets. Pure: the tests read built pages with it and compare with the policy.
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';

export interface PageInventory {
	/** `sha256-…` of each inline script's text, in page order (data blocks such as JSON-LD excluded). */
	inlineScripts: string[];
	/** `sha256-…` of each `<style>` element's text. */
	styleElements: string[];
	/** Each `style` attribute as `<tag style="…">`. */
	styleAttributes: string[];
	/** Each inline event handler as `<tag onx>`. */
	eventHandlers: string[];
	/** The content of each `<meta http-equiv="content-security-policy">`. */
	metaPolicies: string[];
	/** Whether a meta policy comes before every script and style of the page (else it misses some). */
	metaFirst: boolean;
}

/** The hash a policy names a text by. */
export const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Script types that are data, which a browser never runs and a policy does not govern. */
const DATA_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

const attr = (element: Html.Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const textOf = (element: Html.Element) =>
	(element.tagName === 'template' ? [] : element.childNodes)
		.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : ''))
		.join('');

export function inventory(html: string): PageInventory {
	const found: PageInventory = { inlineScripts: [], styleElements: [], styleAttributes: [], eventHandlers: [], metaPolicies: [], metaFirst: true };
	let scriptOrStyleSeen = false;
	const visit = (node: Html.ChildNode | Html.Document | Html.DocumentFragment) => {
		if ('tagName' in node) {
			const element = node as Html.Element;
			const tag = element.tagName;
			if (tag === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy') {
				found.metaPolicies.push(attr(element, 'content') ?? '');
				if (scriptOrStyleSeen) found.metaFirst = false;
			}
			if (tag === 'script') {
				const type = attr(element, 'type')?.trim() ?? '';
				if (attr(element, 'src') === undefined && !DATA_TYPES.test(type)) found.inlineScripts.push(sha256(textOf(element)));
				if (!DATA_TYPES.test(type)) scriptOrStyleSeen = true;
			}
			if (tag === 'style') {
				found.styleElements.push(sha256(textOf(element)));
				scriptOrStyleSeen = true;
			}
			if (tag === 'link' && /\bstylesheet\b/i.test(attr(element, 'rel') ?? '')) scriptOrStyleSeen = true;
			for (const { name, value } of element.attrs) {
				if (name === 'style') found.styleAttributes.push(`<${tag} style="${value}">`);
				if (/^on/i.test(name)) found.eventHandlers.push(`<${tag} ${name}>`);
			}
			if (tag === 'template') visit((element as Html.Template).content);
		}
		if ('childNodes' in node) for (const child of node.childNodes) visit(child);
	};
	visit(parse(html));
	return found;
}
