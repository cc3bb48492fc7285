/**
 * A module's body as a track's print page shows it. On its own page a module's sections are `h2`
 * under the module's `h1`; on the print page the module's title is an `h2` under the track's `h1`, so
 * each heading of the body goes one level lower (an `h6` stays an `h6`, the lowest HTML has). And the
 * print page holds many modules whose sections share names ("Formats that work" in every platform's
 * playbook), so every id of a body is prefixed with its module's id and a slash (`instagram/formats`),
 * as are the in-page links and references to those ids. A module id is letters, digits, `_` and `-`,
 * so no two modules' ids can meet, nor meet the print page's own (`module-…`, `sources-…`, `contents`).
 *
 * The body is edited where parse5 found each tag and attribute in it, so everything else stays byte
 * for byte as the module page has it. The print page is then no copy of its modules' parts, and the
 * scan of what ships parses it whole (src/lib/safety/html-parts.ts).
 */
import { parseFragment, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { decodeFragment, escapeAttribute } from '../pages/attributes.ts';

const HEADING = /^h([1-5])$/;
/** Attributes whose value is a list of ids of the same document. */
const ID_LISTS = new Set([
	'aria-activedescendant', 'aria-controls', 'aria-describedby', 'aria-details', 'aria-errormessage', 'aria-flowto', 'aria-labelledby', 'aria-owns',
	'anchor', 'commandfor', 'for', 'form', 'headers', 'itemref', 'list', 'popovertarget',
]);
/** Attributes whose value is an address, which names an id of the page when it is `#id`. */
const ADDRESSES = new Set(['href', 'xlink:href']);
/** A reference to an element of the page in a style or a drawing's paint: `url(#id)`. */
const URL_REFERENCE = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g;

interface Edit {
	start: number;
	end: number;
	text: string;
}

/** The body of the module `module` as its track's print page shows it (see above). */
export function printedBody(body: string, module: string): string {
	const elements: Html.Element[] = [];
	collect(parseFragment(body, { sourceCodeLocationInfo: true }), elements);
	const ids = new Set(elements.flatMap((element) => element.attrs.filter((a) => a.name === 'id').map((a) => a.value)));
	const own = (id: string) => `${module}/${id}`;
	const edits: Edit[] = [];
	for (const element of elements) {
		const location = element.sourceCodeLocation;
		if (!location) continue;
		const level = HEADING.exec(element.tagName);
		if (level) {
			// `<h2` and `</h2`: the name's two characters follow the `<` or the `</`.
			const lower = `h${Number(level[1]) + 1}`;
			edits.push({ start: location.startTag!.startOffset + 1, end: location.startTag!.startOffset + 3, text: lower });
			if (location.endTag) edits.push({ start: location.endTag.startOffset + 2, end: location.endTag.startOffset + 4, text: lower });
		}
		for (const { name, value } of element.attrs) {
			const renamed = renamedValue(name, value, ids, own);
			const at = location.attrs?.[name];
			if (renamed !== undefined && renamed !== value && at) edits.push({ start: at.startOffset, end: at.endOffset, text: `${name}="${escapeAttribute(renamed)}"` });
		}
	}
	let result = '';
	let from = 0;
	for (const edit of edits.sort((a, b) => a.start - b.start)) {
		result += body.slice(from, edit.start) + edit.text;
		from = edit.end;
	}
	return result + body.slice(from);
}

/** An attribute's value with the body's ids in it prefixed, or undefined when it names none. */
function renamedValue(name: string, value: string, ids: ReadonlySet<string>, own: (id: string) => string): string | undefined {
	if (name === 'id') return own(value);
	if (ADDRESSES.has(name)) return value.startsWith('#') && ids.has(decodeFragment(value.slice(1))) ? `#${own(value.slice(1))}` : undefined;
	if (ID_LISTS.has(name)) return value.replace(/\S+/g, (id) => (ids.has(id) ? own(id) : id));
	return value.includes('url(') ? value.replace(URL_REFERENCE, (whole, quote: string, id: string) => (ids.has(id) ? `url(${quote}#${own(id)}${quote})` : whole)) : undefined;
}

/** Every element under `parent`, in document order, template contents included. */
function collect(parent: Html.ParentNode, into: Html.Element[]): void {
	for (const node of parent.childNodes) {
		if (!('tagName' in node)) continue;
		into.push(node);
		collect(node.tagName === 'template' ? (node as Html.Template).content : node, into);
	}
}
