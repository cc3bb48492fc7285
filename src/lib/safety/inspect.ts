/**
 * The rules of safe content, applied to a tree Sätteri parsed. The content check runs them on the
 * tree it parses with the compiler's options, and the compiler guard runs them on the compiler's
 * own tree, so what one passes the other passes. Rules see nodes, never source text re-parsed
 * another way: where a message quotes the source, the slice comes from the node's own position.
 */
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { parseFragment } from 'parse5';
import { finding, type Finding } from '../check/findings.ts';
import { DEFAULT_LIMITS } from './bytes.ts';
import { CONTENT_COMPONENTS, type ComponentSpec, type PropSpec } from './components.ts';
import {
	browserUrl,
	collapse,
	decodeEntities,
	fileNameOf,
	markdownDestinations,
	normaliseHost,
	remoteHost,
	safeDecodeUri,
	shorten,
	showUrl,
	unsafeScheme,
} from './urls.ts';

export interface InspectOptions {
	/** Image hosts allowed for remote images (from the curriculum config `imageHosts`). */
	imageHosts?: readonly string[];
	/** Allowed components; defaults to CONTENT_COMPONENTS. */
	components?: Record<string, ComponentSpec>;
	/** Absolute path of the file's folder, to check that local images exist; skipped when absent. */
	baseDir?: string;
	/** The deepest nesting of blocks and elements a file may have. */
	maxDepth?: number;
	/** The most lines a code block may have. */
	maxCodeLines?: number;
}


export interface Context {
	/** The text positions refer to: the file as the compiler sees it, frontmatter blanked. */
	text: string;
	file: string;
	at: Locator;
	components: Record<string, ComponentSpec>;
	imageHosts: Set<string>;
	baseDir: string | undefined;
	maxDepth: number;
	maxCodeLines: number;
	findings: Finding[];
	seen: Set<string>;
	/** Findings per rule, including those not listed. */
	counts: Map<string, number>;
}

export function createContext(text: string, file: string, options: InspectOptions = {}): Context {
	return {
		text,
		file,
		at: createLocator(text),
		components: options.components ?? CONTENT_COMPONENTS,
		imageHosts: new Set((options.imageHosts ?? []).map((host) => normaliseHost(host))),
		baseDir: options.baseDir,
		maxDepth: options.maxDepth ?? DEFAULT_LIMITS.nestingDepth,
		maxCodeLines: options.maxCodeLines ?? DEFAULT_LIMITS.codeBlockLines,
		findings: [],
		seen: new Set(),
		counts: new Map(),
	};
}

/** Past this many findings of one rule in one file, the rest are counted, not listed. */
const MAX_PER_RULE = 20;

export function report(ctx: Context, rule: string, offset: number, message: string, fix: string): void {
	const { line, column } = ctx.at.point(offset);
	const key = `${rule}:${line}:${column}:${message}`;
	if (ctx.seen.has(key)) return;
	ctx.seen.add(key);
	const count = (ctx.counts.get(rule) ?? 0) + 1;
	ctx.counts.set(rule, count);
	if (count <= MAX_PER_RULE) ctx.findings.push(finding({ rule, file: ctx.file, line, column, message, fix }));
}

/** One finding for each rule that was reported more often than listed. */
function summarise(ctx: Context): void {
	for (const [rule, count] of ctx.counts) {
		if (count <= MAX_PER_RULE) continue;
		ctx.findings.push(
			finding({
				rule,
				file: ctx.file,
				line: 1,
				column: 1,
				message: `${count - MAX_PER_RULE} more problems of this kind in the file are not listed; only the first ${MAX_PER_RULE} are.`,
				fix: 'Fix the ones listed, or the pattern behind them, and run the check again.',
			})
		);
	}
}

function startOf(node: { position?: { start: { offset?: number } } | undefined | null }): number {
	return node.position?.start.offset ?? 0;
}

function sliceOf(ctx: Context, node: Nodes): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start === undefined || end === undefined ? '' : ctx.text.slice(start, end);
}

/** Node types that carry no code and no address of their own; their children are still walked. */
const PLAIN_NODES: ReadonlySet<string> = new Set([
	'root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'text', 'emphasis',
	'strong', 'inlineCode', 'break', 'delete', 'table', 'tableRow', 'tableCell', 'footnoteDefinition',
	'footnoteReference', 'linkReference', 'containerDirective', 'leafDirective', 'textDirective',
]);

/** Runs every rule over a tree. The walk keeps its own stack: content can nest deeper than a call stack. */
export function inspectTree(tree: Root, ctx: Context): void {
	// A reference uses the first definition of its label, wherever that is.
	const definitions = new Map<string, string>();
	const stack: [Nodes, number][] = [[tree, 0]];
	const nodes: [Nodes, number][] = [];
	while (stack.length > 0) {
		const entry = stack.pop()!;
		nodes.push(entry);
		const [node, depth] = entry;
		if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
		if ('children' in node) {
			for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, depth + 1]);
		}
	}
	let tooDeep = false;
	for (const [node, depth] of nodes) {
		if (depth > ctx.maxDepth && !tooDeep) {
			tooDeep = true;
			report(
				ctx,
				'content-limit',
				startOf(node),
				`Blocks and elements are nested ${depth} deep here; the limit is ${ctx.maxDepth}.`,
				'Flatten the structure: fewer block quotes, lists or components inside one another.'
			);
		}
		inspectNode(ctx, node, definitions);
	}
	summarise(ctx);
}

function inspectNode(ctx: Context, node: Nodes, definitions: ReadonlyMap<string, string>): void {
	switch (node.type) {
		case 'mdxjsEsm':
			checkEsm(ctx, node.value, startOf(node));
			return;
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			checkExpression(ctx, node.value, startOf(node));
			return;
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			checkElement(ctx, jsxElement(ctx, node));
			return;
		case 'html':
			checkRawHtml(ctx, node.value, startOf(node));
			return;
		case 'link':
		case 'definition':
			checkUrl(ctx, node.url, markdownDestinations(sliceOf(ctx, node)), startOf(node), 'link');
			return;
		case 'image':
			checkImage(ctx, { url: node.url, raw: markdownDestinations(sliceOf(ctx, node)), alt: node.alt ?? '', offset: startOf(node), syntax: 'markdown' });
			return;
		case 'imageReference':
			checkImage(ctx, {
				url: definitions.get(node.identifier) ?? null,
				raw: [],
				alt: node.alt ?? '',
				offset: startOf(node),
				syntax: 'markdown',
				// The definition's URL is checked for unsafe schemes where it is written.
				schemeChecked: true,
			});
			return;
		case 'code':
			checkCode(ctx, node.lang ?? null, node.meta ?? null, node.value, startOf(node));
			return;
		case 'yaml':
		case 'toml' as Nodes['type']:
			report(
				ctx,
				'frontmatter-fence',
				startOf(node),
				'The compiler reads a second block of frontmatter here that the rest of the build does not see.',
				'Keep one frontmatter block at the top of the file, fenced by lines that are exactly `---`.'
			);
			return;
		default:
			if (!PLAIN_NODES.has(node.type)) {
				// A node type this check does not know could carry anything; refuse it rather than guess.
				report(
					ctx,
					'unknown-syntax',
					startOf(node),
					`The compiler read a \`${node.type}\` here, which modules may not contain.`,
					'Write it as plain Markdown: paragraphs, headings, lists, links, images, tables, code and the allowed components.'
				);
			}
	}
}

function checkEsm(ctx: Context, value: string, offset: number): void {
	const line = value.split('\n', 1)[0] ?? value;
	const keyword = /^\s*import\b/.test(line) ? 'import' : 'export';
	report(
		ctx,
		'no-esm',
		offset,
		`The ${keyword} statement \`${shorten(line.trim(), 80)}\` would run as JavaScript when the site is built.`,
		'Remove the statement. Modules cannot import or export code; the allowed components are available without an import.'
	);
}

function checkExpression(ctx: Context, code: string, offset: number): void {
	const shown = `{${shorten(collapse(code), 60)}}`;
	if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(code) || /^\s*\/\/[^\n]*\s*$/.test(code)) {
		report(
			ctx,
			'no-expression',
			offset,
			`The comment \`${shown}\` is a JavaScript expression, and modules cannot contain expressions.`,
			'Remove the comment. Put notes for reviewers in the pull request description instead.'
		);
		return;
	}
	report(
		ctx,
		'no-expression',
		offset,
		`The expression \`${shown}\` would run as JavaScript when the site is built.`,
		'If you meant the braces as text, write the opening one as `\\{`. Otherwise write the text out instead of computing it.'
	);
}

/**
 * Raw HTML is copied into the page as it is, and a browser reads it with rules no Markdown parser
 * shares, so Markdown files may not contain any. (In MDX, HTML-like tags are parsed as JSX, one
 * element and attribute at a time, and checked against the allow-list.) A real HTML parser names
 * what the raw HTML holds, so the message can say what was found.
 */
function checkRawHtml(ctx: Context, html: string, offset: number): void {
	const fragment = parseFragment(html);
	const names: string[] = [];
	const stack = [...fragment.childNodes];
	while (stack.length > 0 && names.length < 3) {
		const node = stack.shift()!;
		if ('tagName' in node) names.push(`<${node.tagName}>`);
		else if (node.nodeName === '#comment') names.push('an HTML comment');
		if ('childNodes' in node) stack.unshift(...node.childNodes);
	}
	const what = names.length > 0 ? names.join(', ') : `\`${shorten(collapse(html), 40)}\``;
	report(
		ctx,
		'raw-html',
		offset,
		`Raw HTML (${what}) would be copied into the page as it is.`,
		'Write Markdown instead. In a Markdown (.md) file no HTML is allowed; in a module (.mdx) a few elements such as <kbd> and <abbr> are, checked one by one.'
	);
}

/**
 * Code is shown, never run, but its fence line is read by the highlighter: Expressive Code treats
 * `/…/` in the meta as a regular expression to mark, which content could make run for minutes.
 */
function checkCode(ctx: Context, lang: string | null, meta: string | null, value: string, offset: number): void {
	if (lang !== null && !/^[\w#+.-]{1,40}$/.test(lang)) {
		report(
			ctx,
			'code-meta',
			offset,
			`The code block's language \`${shorten(lang, 40)}\` is not a language name.`,
			'Write a plain language name after the backticks, such as ```js or ```text.'
		);
	}
	if (meta !== null && /\//.test(meta.replace(/"[^"]*"|'[^']*'/g, ''))) {
		report(
			ctx,
			'code-meta',
			offset,
			`The code block's options \`${shorten(meta, 60)}\` hold a pattern between slashes, which the highlighter would run.`,
			'Mark lines by number instead, such as {2-4}, or mark text in quotes, such as "the words".'
		);
	}
	const lines = value.split('\n').length;
	if (lines > ctx.maxCodeLines) {
		report(
			ctx,
			'content-limit',
			offset,
			`The code block has ${lines} lines; the limit is ${ctx.maxCodeLines}.`,
			'Show the part that matters, and link to the full file in a repository.'
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Elements and attributes, from JSX in MDX or from raw HTML in Markdown

type AttributeValue =
	| { kind: 'none' }
	/** `value` is what the element receives; `raw` is how the source wrote it. */
	| { kind: 'text'; value: string; raw: string }
	| { kind: 'expression'; code: string };

interface AttributeInfo {
	/** Null for a spread, `{...props}`. */
	name: string | null;
	value: AttributeValue;
	offset: number;
}

interface ElementInfo {
	/** Null for a fragment, `<>`. */
	name: string | null;
	offset: number;
	attributes: AttributeInfo[];
	/** JSX names are case-sensitive and can be components; HTML names are neither. */
	syntax: 'jsx' | 'html';
}

type JsxNode = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function jsxElement(ctx: Context, node: JsxNode): ElementInfo {
	const offset = startOf(node);
	// Sätteri gives attributes no position of their own, so each is found in the opening tag's text,
	// in order, for the message only: what is checked is the parsed attribute.
	const opening = ctx.text.slice(offset, Math.min(ctx.text.length, node.position?.end.offset ?? offset + 4000));
	let cursor = 1 + (node.name?.length ?? 0);
	const locate = (pattern: RegExp): number => {
		pattern.lastIndex = cursor;
		const match = pattern.exec(opening);
		if (!match) return offset;
		cursor = match.index + match[0].length;
		return offset + match.index + (match[0].length - match[0].trimStart().length);
	};
	const attributes: AttributeInfo[] = node.attributes.map((attribute) => {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			return { name: null, value: { kind: 'expression', code: attribute.value }, offset: locate(/\s*\{/g) };
		}
		const at = locate(new RegExp(`\\s${attribute.name.replace(/[^\w:-]/g, '')}(?=[\\s=/>]|$)`, 'g'));
		const value = attribute.value;
		if (value === null || value === undefined) return { name: attribute.name, value: { kind: 'none' }, offset: at };
		if (typeof value === 'string') return { name: attribute.name, value: { kind: 'text', value, raw: value }, offset: at };
		return { name: attribute.name, value: { kind: 'expression', code: value.value }, offset: at };
	});
	return { name: node.name, offset, attributes, syntax: 'jsx' };
}

const HTML_ELEMENTS: ReadonlySet<string> = new Set(
	(
		'abbr b br cite code dd del details dfn dl dt em figcaption figure hr i ins kbd mark p q s samp ' +
		'small span strong sub summary sup table tbody td tfoot th thead tr u var wbr ol ul li ' +
		'blockquote h2 h3 h4 h5 h6 pre a img'
	).split(' ')
);

const GLOBAL_ATTRIBUTES: readonly string[] = ['id', 'lang', 'dir'];

const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
	a: ['href', 'title'],
	img: ['src', 'alt', 'title', 'width', 'height'],
	td: ['colspan', 'rowspan'],
	th: ['colspan', 'rowspan', 'scope'],
	abbr: ['title'],
	dfn: ['title'],
	details: ['open'],
	ol: ['start', 'reversed'],
};

/** Attributes a browser loads or navigates to; the scheme check covers them even where they are rejected. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
	'href',
	'src',
	'srcset',
	'xlink:href',
	'action',
	'formaction',
	'poster',
	'data',
	'background',
	'cite',
	'longdesc',
	'ping',
	'codebase',
]);

function allowedAttributes(element: string): readonly string[] {
	return [...(Object.hasOwn(ELEMENT_ATTRIBUTES, element) ? ELEMENT_ATTRIBUTES[element]! : []), ...GLOBAL_ATTRIBUTES];
}

/**
 * JSX treats a name as an HTML element when it starts with a lower-case letter (or is namespaced)
 * and has no dot; everything else refers to a JavaScript value, that is, a component.
 */
function isComponentName(name: string): boolean {
	return name.includes('.') || !/^[a-z]/.test(name);
}

function checkElement(ctx: Context, element: ElementInfo): void {
	const { name } = element;
	if (name === null) {
		// A fragment renders only its children, which are checked on their own.
		for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, null);
		return;
	}
	if (element.syntax === 'jsx' && isComponentName(name)) {
		checkComponent(ctx, element, name);
		return;
	}
	const allowed = HTML_ELEMENTS.has(name);
	if (!allowed) {
		report(
			ctx,
			'raw-html',
			element.offset,
			`The HTML element <${name}> is not allowed in modules.`,
			`Remove <${name}> and write the content in Markdown or with an allowed component. HTML is limited to these elements: ${[...HTML_ELEMENTS].join(', ')}.`
		);
	}
	for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, allowed ? allowedAttributes(name) : null);

	if (name === 'img') {
		const src = element.attributes.find((attribute) => attribute.name?.toLowerCase() === 'src');
		const alt = element.attributes.find((attribute) => attribute.name?.toLowerCase() === 'alt');
		if (src?.value.kind === 'text') {
			checkImage(ctx, {
				url: src.value.value,
				raw: [],
				alt: alt === undefined ? '' : alt.value.kind === 'text' ? alt.value.value : alt.value.kind === 'none' ? '' : null,
				offset: element.offset,
				syntax: 'html',
				schemeChecked: true,
			});
		} else if (alt === undefined || (alt.value.kind !== 'expression' && textOf(alt.value).trim() === '')) {
			reportMissingAlt(ctx, element.offset, '', 'html');
		}
	}
}

function textOf(value: AttributeValue): string {
	return value.kind === 'text' ? value.value : '';
}

function shownTag(element: ElementInfo): string {
	return element.name === null ? '<>' : `<${element.name}>`;
}

/**
 * Checks what every attribute must satisfy, and, when `allowed` is given, that a plain HTML element
 * only carries the attributes on its allow-list.
 */
function checkAttribute(ctx: Context, element: ElementInfo, attribute: AttributeInfo, allowed: readonly string[] | null): void {
	const tag = shownTag(element);
	if (attribute.name === null) {
		const code = attribute.value.kind === 'expression' ? attribute.value.code : '';
		report(
			ctx,
			'no-expression',
			attribute.offset,
			`The spread \`{${shorten(collapse(code), 60)}}\` on ${tag} computes its props with JavaScript.`,
			'Remove the spread and write each prop with a literal value in double quotes, for example title="Before you post".'
		);
		return;
	}
	const name = attribute.name;
	const lower = name.toLowerCase();
	if (lower.startsWith('on')) {
		report(
			ctx,
			'event-handler',
			attribute.offset,
			`The event handler \`${name}\` on ${tag} would run JavaScript in readers' browsers.`,
			`Remove \`${name}\`. Modules cannot contain scripts; describe the interaction in the text instead.`
		);
	} else if (lower === 'style') {
		report(
			ctx,
			'style-attribute',
			attribute.offset,
			`The \`${name}\` attribute on ${tag} is not allowed.`,
			`Remove \`${name}\`. The site theme styles all content; use Markdown emphasis or an allowed component to mark up the text.`
		);
	} else if (allowed !== null) {
		const comparable = element.syntax === 'html' ? lower : name;
		if (!allowed.includes(comparable)) {
			report(
				ctx,
				'raw-html',
				attribute.offset,
				`The attribute \`${name}\` is not allowed on ${tag}.`,
				`Remove \`${name}\`. ${tag} accepts only these attributes: ${allowed.join(', ')}.`
			);
		}
	}
	checkAttributeValue(ctx, tag, attribute, lower);
}

/** Checks the value of any attribute or prop: no expressions, and no script URLs where a URL goes. */
function checkAttributeValue(ctx: Context, tag: string, attribute: AttributeInfo, lowerName: string): void {
	const { value } = attribute;
	if (value.kind === 'expression') {
		report(
			ctx,
			'no-expression',
			attribute.offset,
			`The value of \`${attribute.name}\` on ${tag} is the expression \`{${shorten(collapse(value.code), 60)}}\`, which would run as JavaScript when the site is built.`,
			`Write the value as plain text in double quotes, for example ${attribute.name}="…".`
		);
	} else if (value.kind === 'text' && (URL_ATTRIBUTES.has(lowerName) || lowerName.endsWith(':href'))) {
		const kind = lowerName === 'href' ? 'link' : lowerName === 'src' && tag === '<img>' ? 'image' : 'address';
		checkUrl(ctx, value.value, [value.raw], attribute.offset, kind);
	}
}

function checkComponent(ctx: Context, element: ElementInfo, name: string): void {
	const names = Object.keys(ctx.components);
	if (!Object.hasOwn(ctx.components, name)) {
		report(
			ctx,
			'unknown-component',
			element.offset,
			`<${name}> is not one of the components modules may use.`,
			`Use one of the allowed components: ${names.map((n) => `<${n}>`).join(', ')}. They are available without an import; check the spelling and capitalisation.`
		);
		for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, null);
		return;
	}
	const spec = ctx.components[name]!;
	const accepted = Object.keys(spec.props);
	for (const attribute of element.attributes) {
		checkAttribute(ctx, element, attribute, null);
		const prop = attribute.name;
		if (prop === null || /^on/i.test(prop) || prop.toLowerCase() === 'style') continue;
		if (!Object.hasOwn(spec.props, prop)) {
			report(
				ctx,
				'unknown-prop',
				attribute.offset,
				`<${name}> has no prop \`${prop}\`.`,
				accepted.length === 0
					? `Remove \`${prop}\`. <${name}> takes no props.`
					: `Remove \`${prop}\` or correct its spelling. <${name}> accepts: ${accepted.join(', ')}.`
			);
			continue;
		}
		checkPropValue(ctx, name, prop, spec.props[prop]!, attribute);
	}
	for (const [prop, propSpec] of Object.entries(spec.props)) {
		if (propSpec.type === 'boolean' || !propSpec.required) continue;
		if (element.attributes.some((attribute) => attribute.name === prop)) continue;
		report(
			ctx,
			'invalid-prop',
			element.offset,
			`<${name}> is missing the required prop \`${prop}\`.`,
			`Add ${prop}="…" to the opening tag, for example <${name} ${prop}="${examplePropValue(propSpec)}">.`
		);
	}
}

function examplePropValue(spec: PropSpec): string {
	return spec.type === 'enum' ? (spec.values[0] ?? '…') : '…';
}

function checkPropValue(ctx: Context, component: string, prop: string, spec: PropSpec, attribute: AttributeInfo): void {
	const { value } = attribute;
	if (value.kind === 'expression') return;
	if (spec.type === 'boolean') {
		if (value.kind === 'text') {
			report(
				ctx,
				'invalid-prop',
				attribute.offset,
				`\`${prop}\` on <${component}> is a yes/no prop and takes no value, but was given "${shorten(value.value, 40)}".`,
				`Write \`${prop}\` on its own to turn it on, or leave it out.`
			);
		}
		return;
	}
	if (value.kind === 'none') {
		report(
			ctx,
			'invalid-prop',
			attribute.offset,
			`\`${prop}\` on <${component}> needs a value.`,
			spec.type === 'enum'
				? `Write one of: ${spec.values.map((v) => `${prop}="${v}"`).join(', ')}.`
				: `Write the text in double quotes: ${prop}="…".`
		);
		return;
	}
	if (spec.type === 'enum' && !spec.values.includes(value.value)) {
		report(
			ctx,
			'invalid-prop',
			attribute.offset,
			`\`${prop}="${shorten(value.value, 40)}"\` is not allowed on <${component}>.`,
			`Use one of: ${spec.values.map((v) => `${prop}="${v}"`).join(', ')}.`
		);
	}
}

/** Reports an unsafe scheme and tells the caller whether it did. */
function checkUrl(ctx: Context, url: string, raw: readonly string[], offset: number, kind: 'link' | 'image' | 'address'): boolean {
	const scheme = unsafeScheme([url, ...raw]);
	if (scheme === null) return false;
	const what = kind === 'image' ? 'image address' : kind === 'link' ? 'link target' : 'address';
	const danger =
		scheme === 'data'
			? 'a data: URL, which can carry a whole page or script inside the address'
			: `the ${scheme}: scheme, which runs code in readers' browsers`;
	report(
		ctx,
		'unsafe-url',
		offset,
		`The ${what} \`${showUrl(url)}\` uses ${danger}.`,
		kind === 'image'
			? 'Save the image in the repository next to the module and use a relative path, such as ./diagram.png.'
			: kind === 'link'
				? 'Link to a web page with an https:// address, or to another page of the curriculum with a relative path.'
				: 'Remove the address; only links (href) and images (src) may point anywhere, and only to https:// or relative addresses.'
	);
	return true;
}

interface ImageInfo {
	/** Null when a reference has no definition; such an image is plain text and loads nothing. */
	url: string | null;
	raw: readonly string[];
	/** Null when the alt text is an expression, which is reported on its own. */
	alt: string | null;
	offset: number;
	syntax: 'markdown' | 'html';
	/** True when the URL already went through the attribute checks. */
	schemeChecked?: boolean;
}

function checkImage(ctx: Context, image: ImageInfo): void {
	const { url } = image;
	if (image.alt !== null && image.alt.trim() === '') reportMissingAlt(ctx, image.offset, url ?? '', image.syntax);
	if (url === null) return;
	if (image.schemeChecked) {
		if (unsafeScheme([url, ...image.raw]) !== null) return;
	} else if (checkUrl(ctx, url, image.raw, image.offset, 'image')) {
		return;
	}
	const target = browserUrl(url);
	if (target === '') return;
	const remote = remoteHost(target);
	if (remote !== null) {
		if (remote.host !== null && ctx.imageHosts.has(remote.host)) return;
		const where = remote.host === null ? 'from outside the repository' : `from ${remote.host}`;
		const hostAdvice = remote.host === null ? 'its host' : remote.host;
		report(
			ctx,
			'remote-image',
			image.offset,
			`The image \`${showUrl(url)}\` is loaded ${where}, which is not an allowed image host.`,
			`Download the image into the repository next to the module (only with the owner's permission and a license that allows it) and use a relative path such as ./${fileNameOf(target)}; or ask the maintainers to add ${hostAdvice} to imageHosts in curriculum.yaml.`
		);
		return;
	}
	const path = safeDecodeUri(target.split(/[?#]/, 1)[0] ?? '');
	// A local image is imported by the build with the path as written, so anything but a plain path
	// to an image file (a query such as `?raw`, a hidden tab, another extension) would load as code.
	const imported = /^[^?#\u0000-\u001f\u007f]*$/.test(url) && IMAGE_EXTENSION.test(safeDecodeUri(url));
	if (path !== '' && (!IMAGE_EXTENSION.test(path) || !imported)) {
		report(
			ctx,
			'image-type',
			image.offset,
			`The image \`${showUrl(url)}\` is not a plain path to a PNG, JPEG, WebP, AVIF or GIF file.`,
			'Save the image as .png, .jpg, .webp, .avif or .gif next to the module and point to that file. SVG is not accepted, because an SVG file can carry script.'
		);
		return;
	}
	if (ctx.baseDir === undefined || target.startsWith('/')) return;
	if (path !== '' && !existsSync(resolvePath(ctx.baseDir, path))) {
		report(
			ctx,
			'missing-image',
			image.offset,
			`The image file \`${showUrl(url)}\` does not exist next to the module.`,
			'Add the file to the repository, or correct the path: it is relative to the module file, and letter case matters.'
		);
	}
}

const IMAGE_EXTENSION = /\.(?:png|jpe?g|webp|avif|gif)$/i;

function reportMissingAlt(ctx: Context, offset: number, url: string, syntax: 'markdown' | 'html'): void {
	const shown = url === '' ? 'This image' : `The image \`${showUrl(url)}\``;
	report(
		ctx,
		'image-alt',
		offset,
		`${shown} has no alt text.`,
		syntax === 'markdown'
			? 'Describe what the image shows for people who cannot see it, between the brackets: ![A bar chart of posts per hour, peaking at 9 pm](./chart.png).'
			: 'Describe what the image shows for people who cannot see it, in an alt attribute: alt="A bar chart of posts per hour, peaking at 9 pm".'
	);
}

// ---------------------------------------------------------------------------------------------
// Positions

export interface Locator {
	point(offset: number): { line: number; column: number };
	offset(line: number, column: number): number;
}

export function createLocator(text: string): Locator {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return {
		point(offset) {
			let low = 0;
			let high = starts.length - 1;
			while (low < high) {
				const middle = Math.ceil((low + high) / 2);
				if (starts[middle]! <= offset) low = middle;
				else high = middle - 1;
			}
			return { line: low + 1, column: offset - starts[low]! + 1 };
		},
		offset(line, column) {
			const start = starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
			return Math.min(start + Math.max(column, 1) - 1, text.length);
		},
	};
}

