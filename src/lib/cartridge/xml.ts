/**
 * A tiny XML writer for the cartridge's files. Every text and attribute value passes through
 * `escapeXml`, so a title holding `&`, `<`, quotes or non-ASCII letters can never break a file, and
 * characters that XML 1.0 forbids anywhere are dropped rather than written.
 */

/** Characters XML 1.0 does not allow in a document at all, even escaped, and unpaired surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character `escapeXml` changes: markup, control characters, surrogates and the two non-characters. */
const CHANGED = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
	// Most values (titles, versions, addresses) hold none of them: one test instead of six replacements,
	// for the tens of thousands of values a curriculum's cartridges write.
	if (!CHANGED.test(text)) return text;
	return text
		.replace(FORBIDDEN, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** An element: a name, its attributes (undefined ones left out) and its children, already written. */
export type Attributes = Record<string, string | number | undefined>;

/**
 * Writes one element. Children are strings of XML written by `el` or `text`; none is escaped again,
 * so callers pass text through `text()` and never concatenate raw values.
 */
export function el(name: string, attributes: Attributes = {}, ...children: (string | false | undefined)[]): string {
	const attrs = Object.entries(attributes)
		.filter((entry): entry is [string, string | number] => entry[1] !== undefined)
		.map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
		.join('');
	const inner = children.filter((child): child is string => typeof child === 'string').join('');
	return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

/** A root element's namespace and where its schema is, as every file of a cartridge states them. */
export const schemaAttributes = (namespace: string, schema: string): Attributes => ({
	xmlns: namespace,
	'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
	'xsi:schemaLocation': `${namespace} ${schema}`,
});

/** Text content, escaped. */
export const text = (value: string): string => escapeXml(value);

/** A whole document: the XML declaration and its root element. */
export const xmlDocument = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;

/**
 * An identifier that is a valid XML `ID` (an NCName): a letter first, then letters, digits, `.`, `-`
 * and `_`. Ids in the curriculum are lower-case words joined by hyphens, so a prefix is enough; any
 * other character becomes `_` so that a surprising id cannot produce an invalid manifest.
 */
export function xmlId(prefix: string, ...parts: string[]): string {
	return [prefix, ...parts].map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_')).join('_');
}
