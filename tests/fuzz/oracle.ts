/**
 * The fuzz oracle: compiles a document the way the build does and says what in the result could run
 * code, in the build or in a reader's browser. It knows nothing of the content check; the property
 * in `tests/fuzz.test.ts` compares the two.
 *
 * The build cuts the frontmatter with Astro's `parseFrontmatter`, hands the rest to Sätteri with
 * `PARSER_FEATURES`, and Starlight turns directives into asides or gives them back as text. The
 * oracle does the same, then looks at the mdast (MDX nodes that are code, images the build imports)
 * and at the HTML a browser would build from the output, parsed with parse5 rather than patterns.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { defineHastPlugin, defineMdastPlugin, markdownToHtml, mdxToJs } from 'satteri';
import { PARSER_FEATURES } from '../../src/lib/safety/parser-options.ts';
import { checkContentSafety } from '../../src/lib/safety/content-check.ts';

export type Kind = 'mdx' | 'md';

/** The components a module may use; every other component is code the contributor chose. */
const ALLOWED_COMPONENTS = new Set(['Aside', 'Example', 'Exercise', 'Discussion', 'InstructorNotes', 'Steps']);

/** Elements that run code, load other documents, submit data or rewrite the page. */
const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'form', 'base', 'style', 'meta']);

/** Attributes a browser follows as a URL, with the prefix parse5 gives `xlink:href` in SVG. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'xlink:href', 'formaction', 'action']);

/** The first danger in the compiled document, or null. A document the build refuses to compile is safe. */
export function dangerIn(source: string, kind: Kind): string | null {
	let content: string;
	try {
		content = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content;
	} catch {
		return null;
	}
	// The trees are only readable inside the plugin hooks, so the walks run there.
	let danger: string | null = null;
	let html = '';
	const mdastPlugins = [starlightDirectives, defineMdastPlugin({ name: 'fuzz-mdast', after: (root) => void (danger = mdastDanger(root as AnyNode, kind)) })];
	const hastPlugins = [defineHastPlugin({ name: 'fuzz-hast', after: (root) => void (html = hastToHtml(root as AnyNode)) })];
	try {
		if (kind === 'md') {
			html = markdownToHtml(content, { features: PARSER_FEATURES, mdastPlugins }).html;
		} else {
			mdxToJs(content, { features: PARSER_FEATURES, jsx: true, mdastPlugins, hastPlugins });
		}
	} catch {
		return null;
	}
	if (danger !== null) return danger;
	return htmlDanger(html);
}

/** True when the content check lets the document through: no finding is an error. */
export function accepted(source: string, kind: Kind): boolean {
	return checkContentSafety(source, `fuzz.${kind}`).every((finding) => finding.severity !== 'error');
}

/** A bypass is a document the check accepts whose build output is dangerous; null when there is none. */
export function bypassIn(source: string, kind: Kind): string | null {
	// The oracle is a few times faster than the check, so the check only runs when there is something to miss.
	const danger = dangerIn(source, kind);
	return danger !== null && accepted(source, kind) ? danger : null;
}

/** The counterexample as a person reads it, with control and invisible characters escaped. */
export function describeBypass(source: string, kind: Kind, danger: string): string {
	const escaped = JSON.stringify(source).replace(/[\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `The content check accepts this .${kind} document, but the build output contains ${danger}:\n${escaped}`;
}

// ---------------------------------------------------------------------------------------------
// Compiling like the build

/**
 * Starlight's Sätteri plugins turn `:::note` and its siblings into asides only in its own docs folder,
 * which a curriculum's files are not in, and give every directive elsewhere back: a container keeps
 * its children in a `<div>`, a leaf or text directive becomes its source text. Sätteri alone drops unclaimed directives with their contents, which would hide a
 * payload that the real build renders. The exact text does not matter here: text is escaped. (A
 * block quote renamed to `div` stands in for Starlight's paragraph renamed to `div`, which has
 * the same output but is not a valid mdast node.)
 */
const starlightDirectives = defineMdastPlugin({
	name: 'fuzz-starlight-directives',
	containerDirective: (node) => ({ type: 'blockquote', data: { hName: 'div' }, children: [...node.children] }),
	leafDirective: (node) => ({ type: 'paragraph', children: [{ type: 'text', value: `::${node.name}` }] }),
	textDirective: (node) => ({ type: 'text', value: `:${node.name}` }),
});

// ---------------------------------------------------------------------------------------------
// The mdast: MDX nodes that are code, and images the build imports as modules

interface AnyNode {
	type: string;
	name?: string | null;
	value?: unknown;
	url?: unknown;
	attributes?: readonly AnyNode[];
	children?: readonly AnyNode[];
	tagName?: string;
	properties?: Record<string, unknown>;
}

function mdastDanger(node: AnyNode, kind: Kind): string | null {
	switch (node.type) {
		case 'image': {
			const module = kind === 'mdx' ? importedModule(String(node.url ?? '')) : null;
			if (module !== null) return `an image the build imports as a module: ${JSON.stringify(module)}`;
			break;
		}
		case 'mdxjsEsm':
			return `an import or export statement \`${String(node.value)}\``;
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			return `a JavaScript expression \`{${String(node.value)}}\``;
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement': {
			const name = node.name ?? '';
			if (name !== '' && isComponentReference(name) && !ALLOWED_COMPONENTS.has(name)) return `the component <${name}>`;
			for (const attribute of node.attributes ?? []) {
				if (attribute.type === 'mdxJsxExpressionAttribute') return `an expression attribute \`{${String(attribute.value)}}\` on <${name}>`;
				if (typeof attribute.value === 'object' && attribute.value !== null) {
					return `an expression value in \`${attribute.name}={…}\` on <${name}>`;
				}
			}
		}
	}
	for (const child of node.children ?? []) {
		const danger = mdastDanger(child, kind);
		if (danger !== null) return danger;
	}
	return null;
}

/** The formats Astro's image service reads (its `VALID_INPUT_FORMATS`); Vite loads any other file as a module. */
const IMAGE_EXTENSIONS = new Set(['jpeg', 'jpg', 'png', 'apng', 'tiff', 'webp', 'gif', 'svg', 'avif']);

/**
 * Astro's MDX compiler adds an `import` for every Markdown image with a local path (not a URL, not
 * site-absolute), whatever its extension, so a path to a script is run by the build. (For `.md`
 * files the content layer imports only paths with an image extension, so this is MDX only.) Astro
 * decodes the path first; a path it cannot decode stops the build. Only `./` and `../` paths name a
 * file the contributor can add: Vite looks up any other specifier among installed packages.
 */
function importedModule(url: string): string | null {
	let path: string;
	try {
		path = decodeURI(url);
	} catch {
		return null;
	}
	if (URL.canParse(path) || !/^\.\.?\//.test(path)) return null;
	// No file name contains a NUL: such an import fails.
	const file = path.split(/[?#]/, 1)[0] ?? '';
	if (file.includes('\u0000')) return null;
	const extension = /\.([^./\\]*)$/.exec(file)?.[1]?.toLowerCase() ?? '';
	return IMAGE_EXTENSIONS.has(extension) ? null : path;
}

/**
 * Whether a JSX name compiles to a variable rather than a tag string, as Sätteri's output shows: a
 * member such as `a.b`, or a name that does not start with a lowercase ASCII letter (`Foo`, `_x`,
 * `$x`, `é`). Names with a dash or a namespace colon stay strings, whatever their case.
 */
function isComponentReference(name: string): boolean {
	if (name.includes('.')) return true;
	if (name.includes('-') || name.includes(':')) return false;
	return !/^[a-z]/.test(name);
}

// ---------------------------------------------------------------------------------------------
// The hast of an MDX document, written out as Astro's JSX runtime would

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function hastToHtml(node: AnyNode): string {
	switch (node.type) {
		case 'root':
			return childrenToHtml(node);
		case 'text':
			return escapeText(String(node.value ?? ''));
		case 'raw':
			return String(node.value ?? '');
		case 'element':
			return tag(node.tagName ?? 'div', Object.entries(node.properties ?? {}).map(([key, value]) => [attributeName(key), value]), childrenToHtml(node));
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return jsxToHtml(node);
		default:
			// Comments, doctypes and MDX code nodes: code was reported from the mdast already.
			return '';
	}
}

function childrenToHtml(node: AnyNode): string {
	return (node.children ?? []).map(hastToHtml).join('');
}

/**
 * Astro's JSX runtime writes `set:html` unescaped as an element's content (or a component's slot)
 * and `set:text` escaped. An allowed component renders its slot inside its own markup, so it is
 * written as a `<div>` around its children.
 */
function jsxToHtml(node: AnyNode): string {
	const attributes: [string, unknown][] = [];
	let inner: string | null = null;
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value === 'object') continue;
		const name = attribute.name ?? '';
		const value = attribute.value ?? true;
		if (name === 'set:html') inner = String(value);
		else if (name === 'set:text') inner = escapeText(String(value));
		else attributes.push([name, value]);
	}
	inner ??= childrenToHtml(node);
	const name = node.name ?? '';
	if (name === '') return inner;
	if (isComponentReference(name)) return `<div>${inner}</div>`;
	return tag(name, attributes, inner);
}

function tag(name: string, attributes: readonly [string, unknown][], inner: string): string {
	let open = `<${name}`;
	for (const [key, value] of attributes) {
		// Astro drops names that could break out of the tag, and attributes set to false or nothing.
		if (/[\s"'>/=]/.test(key) || value === false || value === null || value === undefined) continue;
		open += value === true ? ` ${key}` : ` ${key}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
	}
	return VOID_ELEMENTS.has(name) && inner === '' ? `${open}>` : `${open}>${inner}</${name}>`;
}

/** hast property names (`className`, `dataFootnoteRef`, `xLinkHref`) as HTML attribute names. */
function attributeName(property: string): string {
	if (property === 'className') return 'class';
	if (property === 'htmlFor') return 'for';
	if (property === 'xLinkHref') return 'xlink:href';
	if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
	return property.toLowerCase();
}

function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// The HTML, as a browser builds it

type Parse5Node = DefaultTreeAdapterMap['node'];

function htmlDanger(html: string): string | null {
	// The page puts the content inside the body; parsing it there gives the tree a browser builds.
	const document = parse(`<!DOCTYPE html><html><head></head><body><div>${html}`);
	return nodeDanger(document);
}

function nodeDanger(node: Parse5Node): string | null {
	if ('tagName' in node) {
		const tagName = node.tagName.toLowerCase();
		if (DANGEROUS_ELEMENTS.has(tagName)) return `a <${tagName}> element`;
		for (const attribute of node.attrs) {
			const name = (attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name).toLowerCase();
			if (name.startsWith('on')) return `an event handler \`${name}\` on <${tagName}>`;
			if (URL_ATTRIBUTES.has(name)) {
				const scheme = unsafeScheme(name === 'srcset' ? attribute.value.split(',') : [attribute.value]);
				if (scheme !== null) return `a ${scheme}: URL in \`${name}\` on <${tagName}>`;
			}
		}
	}
	const children = [...('childNodes' in node ? node.childNodes : []), ...('content' in node ? [node.content] : [])];
	for (const child of children) {
		const danger = nodeDanger(child);
		if (danger !== null) return danger;
	}
	return null;
}

/**
 * The scheme a browser's URL parser reads: it strips leading and trailing spaces and C0 controls,
 * drops tabs and line breaks anywhere, and ignores letter case. Percent escapes are not decoded in a
 * scheme, and entities were decoded by the HTML parser already.
 */
function unsafeScheme(urls: readonly string[]): string | null {
	for (const url of urls) {
		const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
		const match = /^(javascript|vbscript|data):/.exec(cleaned);
		if (match) return match[1]!;
	}
	return null;
}
