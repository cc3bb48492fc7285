/**
 * The output scan's check of an HTML page: the elements a browser would build from it, as parse5 reads
 * them, and the scripts it holds. A page made of parts of pages found clean before is checked as its
 * own text and those parts (html-parts.ts).
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { BODY_END, BODY_START, SHARED_END, SHARED_START } from '../embeds/assemble.ts';
import { markerComments, parseMarked, partsOf, withoutParts, type PartMarkers, type PartOf } from './html-parts.ts';
import { checkAttributes, ORIGIN, unsafeScheme } from './output-scan-attributes.ts';
import { quote, report, type FileContext, type Position } from './output-scan-context.ts';

/** The CSP hash of an inline script's text, such as `sha256-abc…=`. */
export function inlineScriptHash(text: string): string {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'base']);
/** The elements a redirect page of the build consists of (Astro's for renamed modules, and `aliasPage`). */
const REDIRECT_ELEMENTS = new Set(['html', 'head', 'body', 'title', 'meta', 'link', 'a', 'code']);
/** An address deeper than any page's: a script address names the same file from here and from the root only when it names it from every page. */
const DEEP = `${ORIGIN}/${'deep/'.repeat(64)}`;
const SPACES = /\s+/g;
const REDIRECT_REFRESH = /^[0-9]+;url=([!-~]+)$/;

/** The markers of a module page's parts (src/lib/embeds/assemble.ts), and the comments they are. */
const PART_MARKERS: PartMarkers = { embedStart: SHARED_START, embedEnd: SHARED_END, bodyStart: BODY_START, bodyEnd: BODY_END };
const PART_COMMENTS = markerComments(PART_MARKERS);

export function scanHtml(ctx: FileContext): void {
	const parts = ctx.detailed ? undefined : ctx.scan.parts;
	if (!parts) return checkHtml(ctx, parse(ctx.text, { sourceCodeLocationInfo: ctx.detailed }));
	const { document, marks } = parseMarked(ctx.text, PART_COMMENTS, {});
	checkHtml(ctx, document);
	if (ctx.findings.length > 0 || ctx.relativeScript || ctx.redirects || marks.length === 0) return;
	const found = partsOf(ctx.text, marks, PART_MARKERS);
	if (Object.keys(found).length > 0) parts.set(ctx.file, found);
}

/**
 * Whether a page is clean as the parts of pages found clean before, named by `holds`, and the rest of it
 * (html-parts.ts): false when a part is not found or not known, or the rest has a finding, for the page
 * is then parsed whole.
 */
export function checkedFromParts(ctx: FileContext, holds: readonly PartOf[]): boolean {
	const parts = holds.map(({ source, part }) => ctx.scan.parts?.get(source)?.[part]);
	if (!ctx.scan.nonce || parts.length === 0 || !parts.every((part) => part !== undefined)) return false;
	const rest = withoutParts(ctx.text, parts, ctx.scan.nonce, {});
	if (!rest) return false;
	const probe: FileContext = { ...ctx, findings: [] };
	// The parts' elements are not in the rest's tree, so it cannot be taken for a redirect page.
	checkHtml(probe, rest.document, false);
	if (probe.findings.length > 0) return false;
	ctx.readOthers = probe.readOthers;
	return true;
}

/** Checks the elements of a parsed page; `mayRedirect` false when the page holds more than the tree shows. */
function checkHtml(ctx: FileContext, document: Html.Document, mayRedirect = true): void {
	const refreshes: Html.Element[] = [];
	let redirectShaped = mayRedirect;
	// An explicit stack instead of recursion: a page may nest elements deeper than the call stack allows.
	const stack: Html.ParentNode[] = [document];
	while (stack.length > 0) {
		for (const node of stack.pop()!.childNodes) {
			if (!('tagName' in node)) continue;
			const name = node.tagName;
			if (!REDIRECT_ELEMENTS.has(name)) redirectShaped = false;
			if (name === 'script') checkScript(ctx, node);
			else if (name === 'style') report(ctx, 'output-remote', startOf(node), 'The page contains a <style> element, which can fetch files from other servers and restyle the whole page; the site\'s styles come from its own stylesheet files.', 'Remove the element from {source}.');
			else if (FORBIDDEN_ELEMENTS.has(name)) report(ctx, 'output-element', startOf(node), `The page contains an <${name}> element, which loads other pages, collects input or changes where links lead.`, 'Remove the element from {source}. Link to the page instead of embedding it.');
			else if (name === 'meta' && attribute(node, 'http-equiv')?.trim().toLowerCase() === 'refresh') refreshes.push(node);
			else if (name === 'meta' && attribute(node, 'name') !== 'robots') redirectShaped = false;
			checkAttributes(ctx, node, (attr) => attributeAt(node, attr));
			stack.push(node);
			if (name === 'template') stack.push((node as Html.Template).content);
		}
	}
	for (const meta of refreshes) {
		const content = attribute(meta, 'content') ?? '';
		if (redirectShaped && refreshes.length === 1 && isSameSiteRefresh(content)) {
			ctx.redirects = true;
			continue;
		}
		report(ctx, 'output-element', startOf(meta), `The page contains <meta http-equiv="refresh" content=${quote(content)}>, which sends readers to another address; only the build's redirect pages may, and only to a page of this site.`, 'Remove the element from {source}. To move a page, list the old address in `redirects.yaml` instead.');
		if (unsafeScheme(content, true, true)) report(ctx, 'output-unsafe-url', startOf(meta), `The refresh target ${quote(content)} is a script or data URL.`, 'Remove the element from {source}.');
	}
}

function checkScript(ctx: FileContext, script: Html.Element): void {
	// SVG scripts name their file in `href` (or `xlink:href`) rather than `src`; a browser may take either, so each must be the site's.
	const sources = script.attrs.filter((attr) => attr.name === 'src' || attr.name === 'href');
	if (sources.length > 0) {
		for (const source of sources) {
			if (isOwnScript(ctx, source.value)) continue;
			report(ctx, 'output-script', attributeAt(script, source), `A <script> loads ${quote(source.value)}, which is not a file of this site.`, 'Remove the script from {source}. The site loads scripts only from its own `/_astro/` and `/pagefind/` folders.');
		}
		return;
	}
	const text = script.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
	if (attribute(script, 'type')?.trim().toLowerCase() === 'application/ld+json' && isJson(text) && !text.toLowerCase().includes('</script')) return;
	// Every page repeats the same few inline scripts; remembering their hashes saves hashing them again.
	let hash = ctx.scan.hashes.get(text);
	if (hash === undefined) ctx.scan.hashes.set(text, (hash = inlineScriptHash(text)));
	if (ctx.scan.options.allowedInlineScripts.has(hash)) return;
	report(ctx, 'output-script', startOf(script), `An inline <script> that neither the engine nor Starlight writes: ${quote(text.replace(SPACES, ' ').trim())} (${hash}).`, 'Remove the script from {source}: content cannot run code. If an engine component writes it on purpose, add its `inlineScriptHash()` to the allowed inline scripts.');
}

/** Whether a script address is a file of this site: under `/_astro/` or `/pagefind/`, or present in the output. */
function isOwnScript(ctx: FileContext, src: string): boolean {
	const url = URL.parse(src, `${ORIGIN}/${ctx.address}`);
	if (URL.parse(src, `${ORIGIN}/`)?.href !== URL.parse(src, DEEP)?.href) ctx.relativeScript = true;
	if (url?.origin !== ORIGIN) return false;
	let path = url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape names no file in the output; the encoded path is checked as it is.
	}
	if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) return true;
	ctx.readOthers = true;
	return ctx.scan.existing.has(path.slice(1));
}

/** Exactly what the build's redirect pages hold: `0;url=/path/` to a path of this site. */
function isSameSiteRefresh(content: string): boolean {
	const target = REDIRECT_REFRESH.exec(content)?.[1];
	return target?.startsWith('/') === true && URL.parse(target, `${ORIGIN}/`)?.origin === ORIGIN;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function attribute(element: Html.Element, name: string): string | undefined {
	return element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
}

function startOf(element: Html.Element): Position | undefined {
	const location = element.sourceCodeLocation?.startTag ?? element.sourceCodeLocation;
	return location ? { line: location.startLine, column: location.startCol } : undefined;
}

function attributeAt(element: Html.Element, attr: { name: string; prefix?: string }): Position | undefined {
	const location = element.sourceCodeLocation?.attrs?.[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name];
	return location ? { line: location.startLine, column: location.startCol } : startOf(element);
}
