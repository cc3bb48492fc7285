/**
 * Pages made of parts of other pages, checked without parsing those parts again. An embed page holds
 * its module page's body and knowledge check copied byte for byte (src/lib/embeds/assemble.ts). (A
 * track's print page holds its modules' bodies edited, their headings a level lower and their ids their
 * module's own, so it is no such copy and is parsed whole; the mechanism below takes a body part as it
 * takes the embed part, for a page that would copy one as it is.)
 *
 * The output scan checks elements one at a time, and an element is what the HTML parser makes of a
 * token. Which tokens a run of text gives, and what the parser does with each, depends only on the
 * parser's state when the run starts, and on the elements already open only through the names it
 * looks for among them. When the scan parses a module page it records, at the comments that mark
 * where its parts start and end (`partsOf`), the state and the open elements. A part is kept when the
 * page is clean, none of its scripts names its file relative to the page's address (whose check
 * differs between pages), the state is the same at both ends and the part closed none of the elements
 * open where it started, so that the page went on after it as it would have without it; and it holds
 * no `html` or `body` start tag, which would add attributes to the page's own element.
 *
 * A page said to hold parts is then checked as the rest of its text, each part found by its hash
 * and replaced by a comment no page can hold in advance, which is parsed in full (`withoutParts`).
 * Where the parser meets each comment in its part's state, with no element open that the part has an
 * end tag for unless one of that name was open where the part was parsed, the part gives the same
 * elements there as it gave in its page, and ends in the state it started in; so the page is that rest
 * with the part's elements, found clean, in its place. (Among the elements allowed open, only an end
 * tag of the same name reaches one. Where the part was parsed it closed none; here it could close one
 * whose name was not open there, and no other.)
 *
 * Only the plainest state is recorded: text being read, the body being built, no template,
 * formatting element or foreign content open, and only the elements a page's layout is made of open
 * (`LAYOUT`), which the parser looks for by name only for an end tag of that name. Anything else
 * records nothing, and the page holding the part is parsed whole, as it would be without this file.
 */
import { createHash } from 'node:crypto';
import { html, InsertionMode, Parser, TokenizerMode, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes as Html, type ParserOptions, type Token } from 'parse5';

/** The markers of a module page's parts, as assemble.ts writes and copies them. */
export interface PartMarkers {
	/** Around the part an embed page takes, which holds the body's markers too (dropped in the copy). */
	embedStart: string;
	embedEnd: string;
	/** Around the module's body, which a print page takes. */
	bodyStart: string;
	bodyEnd: string;
}

export type PartName = 'embed' | 'body';

/** Which part of which page a page holds, in the order it holds them. */
export interface PartOf {
	source: string;
	part: PartName;
}

/** A part of a page found clean: where to find it in another page, and what it was parsed in. */
export interface Part {
	/** The SHA-256 of its text, and its length in UTF-16 units, as JavaScript strings count. */
	hash: string;
	length: number;
	/** Its first characters, to find where it may start. */
	head: string;
	/** The parser's state where it starts, the same as where it ends (`stateOf`). */
	state: string;
	/** The names of the elements open where it was parsed. */
	open: string[];
	/** The layout elements' names (`LAYOUT`) it has an end tag of. */
	closes: string[];
}

/** A comment the parser met: its text, where it ends in the page, the parser's state and the open elements there. */
interface Mark {
	data: string;
	end: number;
	/** The state, when it is the plainest (`stateOf`). */
	state: string | undefined;
	/** The open elements, from the root up. */
	open: Html.Element[];
}

/** parse5's parser, noting the comments it is asked to watch for as it meets them. */
class MarkingParser extends Parser<DefaultTreeAdapterMap> {
	readonly marks: Mark[] = [];
	watched: ReadonlySet<string> = new Set();
	override onComment(token: Token.CommentToken): void {
		if (this.watched.has(token.data)) {
			const open = openElements(this);
			// The tokenizer stands on the comment's closing `>`.
			this.marks.push({ data: token.data, end: this.tokenizer.preprocessor.offset + 1, state: open && stateOf(this), open: open ?? [] });
		}
		super.onComment(token);
	}
}

/** Parses a page as `parse5.parse` does, noting where each watched comment is met, in what state, with what open. */
export function parseMarked(text: string, watched: ReadonlySet<string>, options: ParserOptions<DefaultTreeAdapterMap>): { document: Html.Document; marks: Mark[] } {
	const parser = new MarkingParser(options);
	parser.watched = watched;
	parser.tokenizer.write(text, true);
	return { document: parser.document, marks: parser.marks };
}

/**
 * Elements a page's layout is made of, which may be open where a part is parsed: HTML elements of the
 * parser's special kind that bound no scope and are no list, list item, table, paragraph, button,
 * form, heading or template. The parser looks for one by name only for an end tag of that name; every
 * other search for an element to close (a list item, a paragraph, an end tag of another name) stops at
 * one or passes it without finding what it looks for, whichever of them are open.
 */
const LAYOUT = new Set(['html', 'body', 'div', 'main', 'article', 'section', 'aside', 'header', 'footer', 'nav']);

/** The open elements from the root up, when the root is `html`, then `body`, and every one is a layout element; otherwise undefined. */
function openElements(parser: MarkingParser): Html.Element[] | undefined {
	const stack = parser.openElements;
	const open: Html.Element[] = [];
	for (let slot = stack.stackTop; slot >= 0; slot = stack.slotBelow(slot)) {
		const element = stack.items[slot] as Html.Element;
		if (element.namespaceURI !== html.NS.HTML || !LAYOUT.has(element.tagName)) return undefined;
		open.unshift(element);
	}
	return open[0]?.tagName === 'html' && open[1]?.tagName === 'body' ? open : undefined;
}

/**
 * The parser's state, as a string two states are compared by, when it is the plainest one; otherwise
 * undefined. The tokenizer reads text (a comment was just read in that state); the body is being built
 * (characters held for a table belong to a table's mode, which empties them when it starts); no
 * template, formatting element or foreign element is open, so nothing is reopened, moved or read as
 * SVG or MathML; and what else the handling of a token looks at is in the string: the document's
 * mode, whether the head and a form were opened, and whether a frameset may still replace the body.
 */
function stateOf(parser: MarkingParser): string | undefined {
	if (
		parser.insertionMode !== InsertionMode.IN_BODY ||
		parser.fragmentContext !== null ||
		parser.tmplInsertionModeStack.length > 0 ||
		parser.openElements.tmplCount > 0 ||
		parser.fosterParentingEnabled ||
		parser.activeFormattingElements.newest !== null ||
		parser.tokenizer.state !== TokenizerMode.DATA ||
		parser.tokenizer.inForeignNode
	) {
		return undefined;
	}
	return JSON.stringify([parser.treeAdapter.getDocumentMode(parser.document), parser.headElement !== null, parser.formElement !== null, parser.framesetOk]);
}

/** The comments' texts of the markers, for `parseMarked`. */
export const markerComments = (markers: PartMarkers): Set<string> => new Set(Object.values(markers).map((marker: string) => marker.slice('<!--'.length, -'-->'.length)));

/**
 * The parts of a page found clean, from the marks its parse left: each only when every marker occurs
 * once in the text, and exactly there the parser met it as a comment, in order; the embed part is the
 * text between its markers without the body's markers, as assemble.ts copies it.
 *
 * No marker may follow a `<`. After a lone `<`, the `<` of a comment ends it as text and the comment is
 * read as if in plain text, so the state the parser reports at the comment's end does not show that a
 * `<` came before: a part that ends in `<`, or a copy that joins a `<` to what follows a dropped marker,
 * would start a tag in the page it is copied into.
 */
export function partsOf(text: string, marks: readonly Mark[], markers: PartMarkers): Partial<Record<PartName, Part>> {
	const at = (marker: string) => {
		const start = text.indexOf(marker);
		if (start < 0 || text.lastIndexOf(marker) !== start || text[start - 1] === '<') return undefined;
		const met = marks.filter((mark) => `<!--${mark.data}-->` === marker);
		return met.length === 1 && met[0]!.end === start + marker.length ? { start, ...met[0]! } : undefined;
	};
	const [embedStart, bodyStart, bodyEnd, embedEnd] = [markers.embedStart, markers.bodyStart, markers.bodyEnd, markers.embedEnd].map(at);
	const parts: Partial<Record<PartName, Part>> = {};
	if (!bodyStart || !bodyEnd || bodyStart.end > bodyEnd.start) return parts;
	const body = part(text.slice(bodyStart.end, bodyEnd.start), bodyStart, bodyEnd);
	if (body) parts.body = body;
	if (embedStart && embedEnd && embedStart.end <= bodyStart.start && bodyEnd.end <= embedEnd.start && bodyStart.state !== undefined && bodyEnd.state !== undefined) {
		// The body's markers are dropped from the copy; each was met as a comment in the plainest state,
		// where a comment adds a comment to the tree and changes nothing else.
		const copied = text.slice(embedStart.end, bodyStart.start) + text.slice(bodyStart.end, bodyEnd.start) + text.slice(bodyEnd.end, embedEnd.start);
		const embed = part(copied, embedStart, embedEnd);
		if (embed) parts.embed = embed;
	}
	return parts;
}

/** A part between two marks, when it starts and ends in the same plainest state with the very same elements open. */
function part(text: string, start: Mark, end: Mark): Part | undefined {
	if (start.state === undefined || start.state !== end.state) return undefined;
	// A start tag of `html` or `body` gives its attributes to the page's own element, except those it has
	// already: which ones depends on the page, so the part may hold neither.
	if (/<(?:html|body)/i.test(text)) return undefined;
	if (start.open.length !== end.open.length || start.open.some((element, i) => end.open[i] !== element)) return undefined;
	// An end tag's name is the letters after `</`, lowercased: a name the text never writes so it cannot close.
	const closes = [...LAYOUT].filter((name) => new RegExp(`</${name}`, 'i').test(text));
	return { hash: hashOf(text), length: text.length, head: text.slice(0, 64), state: start.state, open: start.open.map((element) => element.tagName), closes };
}

// UTF-16, as the strings are compared: UTF-8 would encode every lone surrogate as the same character.
const hashOf = (text: string): string => createHash('sha256').update(text, 'utf16le').digest('base64');

/**
 * The tree of a page that holds the given parts, in order, parsed as the rest of its text with each
 * part replaced by the comment `<!--<nonce>-->`; undefined when a part is not where it could be, or a
 * comment is not met, where it was put, in its part's state with only names open that were open there.
 */
export function withoutParts(text: string, holds: readonly Part[], nonce: string, options: ParserOptions<DefaultTreeAdapterMap>): { document: Html.Document } | undefined {
	const comment = `<!--${nonce}-->`;
	let rest = '';
	let from = 0;
	const ends: number[] = [];
	for (const held of holds) {
		let start = text.indexOf(held.head, from);
		while (start >= 0 && (start + held.length > text.length || hashOf(text.slice(start, start + held.length)) !== held.hash)) start = text.indexOf(held.head, start + 1);
		if (start < 0) return undefined;
		rest += text.slice(from, start) + comment;
		ends.push(rest.length);
		from = start + held.length;
	}
	rest += text.slice(from);
	const { document, marks } = parseMarked(rest, new Set([nonce]), options);
	const met =
		marks.length === holds.length &&
		marks.every((mark, i) => {
			const held = holds[i]!;
			// As for a marker (`partsOf`): after a lone `<`, the comment would not show that the part starts a tag.
			return mark.end === ends[i] && rest[ends[i] - comment.length - 1] !== '<' && mark.state !== undefined && mark.state === held.state && mark.open.every(({ tagName }) => held.open.includes(tagName) || !held.closes.includes(tagName));
		});
	return met ? { document } : undefined;
}
