/**
 * The content safety check. Modules are MDX written by outside contributors, and MDX is code: an
 * `export` or a `{expression}` runs when the site is built, and HTML can carry script into readers'
 * browsers. This check only parses the source, never compiles or evaluates it, and rejects anything
 * outside a small, literal subset of MDX before the build ever sees the file.
 */
import { existsSync } from 'node:fs';
import { extname, resolve as resolvePath } from 'node:path';
import type { Definition, Nodes, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CONTENT_COMPONENTS, type ComponentSpec, type PropSpec } from './components.ts';
import { finding, sortFindings, type Finding } from '../check/findings.ts';

export interface SafetyOptions {
	/** Image hosts allowed for remote images (from the curriculum config `imageHosts`), e.g. ['upload.wikimedia.org']. */
	imageHosts?: readonly string[];
	/** Allowed components; defaults to CONTENT_COMPONENTS. */
	components?: Record<string, ComponentSpec>;
	/** Absolute path of the file's folder, to check that local images exist (optional; skip existence check when absent). */
	baseDir?: string;
}

export const SAFETY_RULES: Record<string, { title: string; description: string }> = {
	'mdx-syntax': {
		title: 'The MDX cannot be read',
		description:
			'MDX reads `<` as the start of a component or element and `{` as the start of JavaScript, so a stray `<` or `{` in prose, an HTML comment or an unclosed tag stops the file from being read at all. Write a literal `<` as `&lt;` or `\\<` and a literal `{` as `\\{`.',
	},
	'no-esm': {
		title: 'No import or export statements',
		description:
			'An `import` or `export` in MDX is JavaScript that runs when the site is built, with full access to the build machine. Modules cannot contain them: the allowed components are available without an import.',
	},
	'no-expression': {
		title: 'No JavaScript expressions',
		description:
			'Anything in `{braces}` is a JavaScript expression that runs when the site is built: in text, as a prop value (`title={x}`), as a spread (`{...props}`), or as a `{/* comment */}`. Props take plain text in double quotes. Write a literal brace as `\\{`; braces inside code blocks and inline code are fine.',
	},
	'unknown-component': {
		title: 'Only the allowed components',
		description:
			'A capitalised element such as `<Aside>` is a component. Modules may use only the components the curriculum provides; anything else could be code that is not part of the site.',
	},
	'unknown-prop': {
		title: 'Only the props a component accepts',
		description:
			'Each allowed component accepts a fixed list of props. Any other prop, including framework directives such as `set:html` or `client:load`, is rejected.',
	},
	'invalid-prop': {
		title: 'Prop values must be valid',
		description:
			'A prop with a fixed list of values must use one of them, a yes/no prop is written on its own without a value, a text prop needs a value in double quotes, and required props must be present.',
	},
	'raw-html': {
		title: 'Only simple HTML',
		description:
			'HTML is limited to text-level elements such as `<kbd>`, `<abbr>`, `<sup>`, `<details>`, tables, links and images, each with a few harmless attributes. Elements that run code, embed other pages, collect input or change the page (`<script>`, `<style>`, `<iframe>`, `<form>`, `<meta>`, `<svg>`, …) and all other attributes are rejected.',
	},
	'event-handler': {
		title: 'No event handlers',
		description:
			'Attributes starting with `on`, such as `onclick` or `onerror`, run JavaScript in readers’ browsers and are rejected on every element and component.',
	},
	'style-attribute': {
		title: 'No style attributes',
		description:
			'The `style` attribute can hide content, overlay the page or fake parts of the site. The theme styles all content; use Markdown or an allowed component instead.',
	},
	'unsafe-url': {
		title: 'No script or data URLs',
		description:
			'Links and images cannot use `javascript:`, `vbscript:` or `data:` URLs, however they are written: in any letter case, with spaces or control characters inside, or encoded with HTML entities or percent signs.',
	},
	'remote-image': {
		title: 'Images from allowed hosts only',
		description:
			'A remote image is loaded from another server every time a reader opens the page, which tells that server who is reading, and it can change or disappear. Images must be stored in the repository, or come from a host listed in `imageHosts` in curriculum.yaml.',
	},
	'image-alt': {
		title: 'Images need alt text',
		description:
			'Every image needs alt text that describes what it shows, for readers who use a screen reader or cannot load images.',
	},
	'missing-image': {
		title: 'Local images must exist',
		description:
			'A relative image path must point to a file in the repository, relative to the module file. Letter case matters.',
	},
};

/** Checks one module or update file, given its whole source including the YAML frontmatter. */
export function checkContentSafety(source: string, file: string, options: SafetyOptions = {}): Finding[] {
	// Offsets stay the same after masking, so every position below is a position in the original file.
	const text = maskFrontmatter(source);
	const ctx: Context = {
		text,
		file,
		at: createLocator(text),
		components: options.components ?? CONTENT_COMPONENTS,
		imageHosts: new Set((options.imageHosts ?? []).map((host) => normaliseHost(host))),
		baseDir: options.baseDir,
		findings: [],
		seen: new Set(),
	};

	try {
		const parsed = parseMdxWithRecovery(text);
		for (const problem of parsed.problems) {
			report(ctx, 'mdx-syntax', problem.offset, `The MDX cannot be read: ${problem.reason.replace(/\.?$/, '.')}`, syntaxFix(problem.reason, problem.note));
		}
		if (parsed.tree) checkTree(parsed.tree, ctx);

		// Astro renders `.md` files as CommonMark with raw HTML, where an HTML block turns what MDX sees
		// as inline code or plain text into live HTML. Checking the CommonMark reading as well closes that gap.
		if (extname(file).toLowerCase() !== '.mdx') {
			checkTree(markdownParser.parse(text), ctx);
		}
	} catch (error) {
		// A file this check cannot finish reading must not pass as clean, and the caller expects findings,
		// not exceptions.
		report(
			ctx,
			'mdx-syntax',
			0,
			`The file could not be checked: ${error instanceof Error ? error.message : String(error)}`,
			'Simplify the file: deeply nested lists, quotes or elements and very long lines are the usual cause.'
		);
	}
	return sortFindings(ctx.findings);
}

// ---------------------------------------------------------------------------------------------
// Parsing

const mdxParser = unified().use(remarkParse).use(remarkMdx);
const markdownParser = unified().use(remarkParse);

/**
 * Replaces the frontmatter with spaces, keeping line breaks, exactly where Astro cuts it off. Astro
 * ends the frontmatter at the first line that merely starts with `---`, so anything after those
 * dashes on the same line is compiled as MDX and has to be checked like the rest of the body.
 */
function maskFrontmatter(source: string): string {
	const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(source);
	if (!opening) return source;
	const closing = source.indexOf('\n---', opening[0].length - 1);
	if (closing < 0) return source;
	const end = closing + '\n---'.length;
	return blank(source, 0, end) + source.slice(end);
}

function blank(text: string, from: number, to: number): string {
	return text.slice(from, to).replace(/[^\r\n]/g, ' ');
}

interface SyntaxProblem {
	offset: number;
	reason: string;
	/** The parser's hint, such as "to create a link in MDX, use `[text](url)`", or ''. */
	note: string;
}

interface ParseOutcome {
	tree: Root | null;
	problems: SyntaxProblem[];
}

const MAX_RECOVERIES = 25;

/**
 * The MDX parser stops at the first error. To report the other faults in the same run, the line at
 * fault is blanked and the file parsed again. Blanking keeps every offset, so later findings still
 * point at real source. A file with a syntax error fails the check anyway, so what the recovered
 * parse finds can only add to the report, never let the file through.
 */
function parseMdxWithRecovery(source: string): ParseOutcome {
	const problems: SyntaxProblem[] = [];
	let text = source;
	for (let attempt = 0; attempt < MAX_RECOVERIES; attempt++) {
		try {
			return { tree: mdxParser.parse(text), problems };
		} catch (error) {
			const problem = describeSyntaxError(error, text);
			// A closing-tag mismatch after a recovery is usually the other half of a line we blanked.
			if (problems.length === 0 || !problem.reason.includes('closing tag')) problems.push(problem);
			const next = blankLineAt(text, problem.offset);
			if (next === text) return { tree: null, problems };
			text = next;
		}
	}
	return { tree: null, problems };
}

function blankLineAt(text: string, offset: number): string {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	const newline = text.indexOf('\n', offset);
	const end = newline < 0 ? text.length : newline;
	return text.slice(0, start) + blank(text, start, end) + text.slice(end);
}

interface ErrorShape {
	reason?: unknown;
	message?: unknown;
	line?: unknown;
	column?: unknown;
	place?: unknown;
}

function describeSyntaxError(error: unknown, text: string): SyntaxProblem {
	const shape: ErrorShape = error !== null && typeof error === 'object' ? (error as ErrorShape) : {};
	const rawReason =
		typeof shape.reason === 'string'
			? shape.reason
			: typeof shape.message === 'string'
				? shape.message
				: String(error);
	// The parser's notes suggest `{/* comments */}` and other constructs that this check rejects, so
	// they are dropped from the message and only used to pick the fix.
	const noteMatch = / \(note: (.*)\)$/s.exec(rawReason);
	const note = noteMatch?.[1] ?? '';
	const reason = noteMatch ? rawReason.slice(0, noteMatch.index) : rawReason;
	const at = createLocator(text);
	const offsetOf = (line: number, column: number) => at.offset(line, column);

	// For an unclosed tag, the position that helps is the opening tag's, which appears only in the reason.
	const tagPosition = /^Expected a closing tag for `[^`]*` \((\d+):(\d+)/.exec(reason);
	if (tagPosition) {
		return { offset: offsetOf(Number(tagPosition[1]), Number(tagPosition[2])), reason, note };
	}
	if (/end of file/.test(reason)) {
		return { offset: locateUnclosed(text, rawReason), reason, note };
	}
	const point = pointOf(shape);
	if (point) return { offset: offsetOf(point.line, point.column), reason, note };
	const inReason = /\((\d+):(\d+)/.exec(reason);
	if (inReason) return { offset: offsetOf(Number(inReason[1]), Number(inReason[2])), reason, note };
	return { offset: 0, reason, note };
}

function pointOf(shape: ErrorShape): { line: number; column: number } | null {
	if (typeof shape.line === 'number' && typeof shape.column === 'number') {
		return { line: shape.line, column: shape.column };
	}
	const place = shape.place as { line?: unknown; column?: unknown; start?: { line?: unknown; column?: unknown } } | undefined;
	const point = place?.start ?? place;
	if (point && typeof point.line === 'number' && typeof point.column === 'number') {
		return { line: point.line, column: point.column };
	}
	return null;
}

/**
 * An unclosed `{` or tag is reported at the end of the file, which says nothing about where it is.
 * The first line whose prefix of the file already fails the same way holds the construct that is
 * never closed; a binary search finds it in a handful of parses.
 */
function locateUnclosed(text: string, reason: string): number {
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
	const failsSameWay = (lines: number) => {
		const end = lines < lineStarts.length ? lineStarts[lines]! : text.length;
		try {
			mdxParser.parse(text.slice(0, end));
			return false;
		} catch (error) {
			const shape = error !== null && typeof error === 'object' ? (error as ErrorShape) : {};
			return shape.reason === reason || shape.message === reason;
		}
	};
	let low = 1;
	let high = lineStarts.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (failsSameWay(middle)) high = middle;
		else low = middle + 1;
	}
	const lineStart = lineStarts[low - 1] ?? 0;
	const lineEnd = text.indexOf('\n', lineStart);
	const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
	const column = reason.includes('`{`') ? firstUnclosedBrace(line) : line.search(/</);
	return lineStart + Math.max(column, line.search(/\S/), 0);
}

function firstUnclosedBrace(line: string): number {
	const open: number[] = [];
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '\\') i++;
		else if (line[i] === '{') open.push(i);
		else if (line[i] === '}') open.pop();
	}
	return open[0] ?? -1;
}

function syntaxFix(reason: string, note: string): string {
	if (note.includes('comment')) {
		return 'HTML comments `<!-- … -->` are not supported in modules; remove the comment and put notes for reviewers in the pull request.';
	}
	if (note.includes('link')) {
		return 'Links in angle brackets like `<https://example.org>` are not supported; write `[link text](https://example.org)` instead.';
	}
	if (/import\/export/.test(reason)) {
		return 'A line that starts with "import" or "export" is read as JavaScript. Reword the sentence so it starts differently, or remove the statement: modules cannot import or export code.';
	}
	if (/closing tag/.test(reason)) {
		return 'Close every component and element you open, with the same name: `<Aside>` … `</Aside>`, or self-close it: `<br />`. If you meant a literal "<", write it as `&lt;` or `\\<`.';
	}
	if (/lazy line/.test(reason)) {
		return 'Inside a block quote or list, every line of a component must keep the prefix: start each line with `> ` in a block quote, or indent it in a list.';
	}
	if (/expression|brace|spread|acorn/i.test(reason)) {
		return 'MDX reads `{` as the start of JavaScript, which modules cannot contain. Write a literal "{" as `\\{`, or put code in backticks or a fenced code block.';
	}
	return 'MDX reads `<` as the start of a component or element and `{` as the start of JavaScript. Write a literal "<" as `&lt;` or `\\<` and a literal "{" as `\\{`, and check that every tag is complete and closed.';
}

// ---------------------------------------------------------------------------------------------
// Checking the tree

interface Context {
	text: string;
	file: string;
	at: Locator;
	components: Record<string, ComponentSpec>;
	imageHosts: Set<string>;
	baseDir: string | undefined;
	findings: Finding[];
	/** The `.md` check reads a file twice; the same finding at the same place is reported once. */
	seen: Set<string>;
}

function report(ctx: Context, rule: string, offset: number, message: string, fix: string): void {
	const { line, column } = ctx.at.point(offset);
	const key = `${rule}:${line}:${column}:${message}`;
	if (ctx.seen.has(key)) return;
	ctx.seen.add(key);
	ctx.findings.push(finding({ rule, file: ctx.file, line, column, message, fix }));
}

function startOf(node: { position?: { start: { offset?: number } } | undefined }): number {
	return node.position?.start.offset ?? 0;
}

function sliceOf(ctx: Context, node: Nodes): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start === undefined || end === undefined ? '' : ctx.text.slice(start, end);
}

function checkTree(tree: Root, ctx: Context): void {
	// CommonMark uses the first definition of a label; collect them first so that references can be
	// checked wherever they appear.
	const nodes = [...walk(tree)];
	const definitions = new Map<string, Definition>();
	for (const node of nodes) {
		if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
	}

	for (const node of nodes) {
		switch (node.type) {
			case 'mdxjsEsm':
				checkEsm(ctx, node.value, startOf(node), node.data?.estree?.body);
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				checkFlowExpression(ctx, node.value, startOf(node), node.data?.estree);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkElement(ctx, jsxElement(ctx, node));
				break;
			case 'html':
				for (const element of scanHtml(sliceOf(ctx, node), startOf(node))) checkElement(ctx, element);
				break;
			case 'link':
				checkUrl(ctx, node.url, markdownDestinations(sliceOf(ctx, node)), startOf(node), 'link');
				break;
			case 'definition':
				checkUrl(ctx, node.url, markdownDestinations(sliceOf(ctx, node)), startOf(node), 'link');
				break;
			case 'image':
				checkImage(ctx, {
					url: node.url,
					raw: markdownDestinations(sliceOf(ctx, node)),
					alt: node.alt ?? '',
					offset: startOf(node),
					syntax: 'markdown',
				});
				break;
			case 'imageReference': {
				const definition = definitions.get(node.identifier);
				checkImage(ctx, {
					url: definition?.url ?? null,
					raw: [],
					alt: node.alt ?? '',
					offset: startOf(node),
					syntax: 'markdown',
					// The definition's URL is checked for unsafe schemes where it is written.
					schemeChecked: true,
				});
				break;
			}
			default:
				break;
		}
	}
}

/**
 * Yields every node in document order. The walk keeps its own stack rather than recursing, because a
 * contributor can nest block quotes or elements deeply enough to overflow the call stack.
 */
function* walk(root: Root): Generator<Nodes> {
	const stack: Nodes[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		yield node;
		if ('children' in node) {
			for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
		}
	}
}

function checkEsm(
	ctx: Context,
	value: string,
	offset: number,
	statements: readonly { range?: [number, number] | undefined }[] | undefined
): void {
	const starts = statements?.length
		? statements.map((statement) => statement.range?.[0] ?? offset)
		: [offset];
	for (const start of starts) {
		const line = ctx.text.slice(start).split('\n', 1)[0] ?? value;
		const keyword = /^\s*import\b/.test(line) ? 'import' : 'export';
		report(
			ctx,
			'no-esm',
			start,
			`The ${keyword} statement \`${shorten(line.trim(), 80)}\` would run as JavaScript when the site is built.`,
			'Remove the statement. Modules cannot import or export code; the allowed components are available without an import.'
		);
	}
}

interface ParsedProgram {
	body: readonly unknown[];
	comments?: readonly unknown[] | undefined;
}

function checkFlowExpression(ctx: Context, code: string, offset: number, program: ParsedProgram | null | undefined): void {
	const shown = `{${shorten(collapse(code), 60)}}`;
	// The parser's own reading tells a comment from code; guessing with a pattern could be fooled.
	const commentOnly = program != null && program.body.length === 0 && (program.comments?.length ?? 0) > 0;
	if (commentOnly) {
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
	const attributes: AttributeInfo[] = node.attributes.map((attribute) => {
		const offset = startOf(attribute);
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			return { name: null, value: { kind: 'expression', code: attribute.value }, offset };
		}
		const value = attribute.value;
		if (value === null || value === undefined) return { name: attribute.name, value: { kind: 'none' }, offset };
		if (typeof value === 'string') {
			const written = ctx.text.slice(offset, attribute.position?.end.offset ?? offset);
			const raw = written.slice(written.indexOf('=') + 1).trim().replace(/^(["'])([\s\S]*)\1$/, '$2');
			return { name: attribute.name, value: { kind: 'text', value, raw }, offset };
		}
		return { name: attribute.name, value: { kind: 'expression', code: value.value }, offset };
	});
	return { name: node.name, offset: startOf(node), attributes, syntax: 'jsx' };
}

/**
 * Finds the start tags in a piece of raw HTML the way a browser tokenizes them: a tag name runs to
 * whitespace, `/` or `>`, `/` separates attributes, and an unquoted value runs to whitespace or `>`.
 */
function scanHtml(html: string, baseOffset: number): ElementInfo[] {
	const elements: ElementInfo[] = [];
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) break;
		if (html.startsWith('<!--', lt)) {
			const end = html.indexOf('-->', lt + 4);
			i = end < 0 ? html.length : end + 3;
			continue;
		}
		if (html[lt + 1] === '!' || html[lt + 1] === '?') {
			const end = html.indexOf('>', lt);
			i = end < 0 ? html.length : end + 1;
			continue;
		}
		const tag = /^<(\/?)([A-Za-z][^\s/>]*)/.exec(html.slice(lt));
		if (!tag) {
			i = lt + 1;
			continue;
		}
		let j = lt + tag[0].length;
		const attributes: AttributeInfo[] = [];
		while (j < html.length) {
			while (j < html.length && /[\s/]/.test(html[j]!)) j++;
			if (j >= html.length || html[j] === '>') break;
			const name = /^[^\s/>][^\s/>=]*/.exec(html.slice(j))![0];
			const nameOffset = j;
			j += name.length;
			let k = j;
			while (k < html.length && /\s/.test(html[k]!)) k++;
			if (html[k] !== '=') {
				attributes.push({ name, value: { kind: 'none' }, offset: baseOffset + nameOffset });
				continue;
			}
			k++;
			while (k < html.length && /\s/.test(html[k]!)) k++;
			let raw: string;
			const quote = html[k];
			if (quote === '"' || quote === "'") {
				const close = html.indexOf(quote, k + 1);
				const end = close < 0 ? html.length : close;
				raw = html.slice(k + 1, end);
				j = end + 1;
			} else {
				raw = /^[^\s>]*/.exec(html.slice(k))![0];
				j = k + raw.length;
			}
			attributes.push({
				name,
				value: { kind: 'text', value: decodeEntities(raw), raw },
				offset: baseOffset + nameOffset,
			});
		}
		i = j + 1;
		if (tag[1] !== '/') {
			elements.push({ name: tag[2]!.toLowerCase(), offset: baseOffset + lt, attributes, syntax: 'html' });
		}
	}
	return elements;
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

// ---------------------------------------------------------------------------------------------
// URLs and images

const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/**
 * The destinations written in a Markdown link, image or definition, as source text. They are
 * checked next to the parsed URL so that the check does not depend on the parser decoding
 * everything a browser would. Every `](` or `]:` is a candidate; an over-eager match can only
 * make the check stricter.
 */
function markdownDestinations(raw: string): string[] {
	const candidates: string[] = [];
	if (raw.startsWith('<')) candidates.push(raw.slice(1));
	const marker = /\]\(|\]:/g;
	for (let match = marker.exec(raw); match; match = marker.exec(raw)) {
		candidates.push(raw.slice(match.index + 2).replace(/^[\s<]+/, ''));
	}
	return candidates;
}

/**
 * The scheme a browser could see in a URL: entities and percent escapes decoded (repeatedly, in case
 * of double encoding) and all whitespace, control and invisible characters removed, since browsers
 * drop some of them and this check should not care which.
 */
function schemeOf(url: string): string | null {
	let value = url;
	for (let round = 0; round < 5; round++) {
		const next = percentDecode(decodeEntities(value)).replace(INVISIBLE, '');
		if (next === value) break;
		value = next;
	}
	const match = /^([a-z][a-z\d+.-]*):/i.exec(value);
	return match ? match[1]!.toLowerCase() : null;
}

const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

function unsafeScheme(candidates: readonly string[]): string | null {
	for (const candidate of candidates) {
		const scheme = schemeOf(candidate);
		if (scheme !== null && UNSAFE_SCHEMES.has(scheme)) return scheme;
	}
	return null;
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
	if (ctx.baseDir === undefined || target.startsWith('/')) return;
	const path = safeDecodeUri(target.split(/[?#]/, 1)[0] ?? '');
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

/**
 * The URL as a browser resolves it: it drops tabs and line breaks anywhere, trims spaces and control
 * characters at both ends, and treats `\` like `/`, so `/\host` is protocol-relative.
 */
function browserUrl(url: string): string {
	return url
		.replace(/[\t\n\r]/g, '')
		.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
		.replace(/\\/g, '/');
}

/** The host of a URL that points outside the repository, or null when it is a local path. */
function remoteHost(url: string): { host: string | null } | null {
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url);
	if (!scheme && !url.startsWith('//')) return null;
	const isHttp = scheme ? /^https?$/i.test(scheme[1]!) : true;
	if (!isHttp) return { host: null };
	try {
		return { host: normaliseHost(new URL(scheme ? url : `https:${url}`).hostname) };
	} catch {
		return { host: null };
	}
}

function normaliseHost(host: string): string {
	return host.trim().toLowerCase().replace(/\.$/, '');
}

function fileNameOf(url: string): string {
	const path = url.split(/[?#]/, 1)[0] ?? '';
	const name = path.slice(path.lastIndexOf('/') + 1);
	return /^[\w.-]+\.[a-z0-9]+$/i.test(name) ? name : 'image.png';
}

function safeDecodeUri(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

function percentDecode(value: string): string {
	return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Named references a browser decodes, limited to those that can spell a URL scheme or the space and
 * control characters around one. Letters have no named references, so these are enough to reveal
 * `javascript:` in any encoding.
 */
const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	Tab: '\t',
	NewLine: '\n',
	colon: ':',
	semi: ';',
	sol: '/',
	bsol: '\\',
	lpar: '(',
	rpar: ')',
	period: '.',
	comma: ',',
	excl: '!',
	quest: '?',
	num: '#',
	percnt: '%',
	equals: '=',
	plus: '+',
	lowbar: '_',
	UnderBar: '_',
	commat: '@',
	dollar: '$',
	ast: '*',
	midast: '*',
	lsqb: '[',
	lbrack: '[',
	rsqb: ']',
	rbrack: ']',
	lcub: '{',
	lbrace: '{',
	rcub: '}',
	rbrace: '}',
	verbar: '|',
	vert: '|',
	VerticalLine: '|',
	grave: '`',
	DiacriticalGrave: '`',
	Hat: '^',
	shy: '\u00ad',
	ZeroWidthSpace: '\u200b',
	NoBreak: '\u2060',
	zwnj: '\u200c',
	zwj: '\u200d',
};

/** Decodes numeric references (the semicolon is optional, as in browsers) and the names above. */
function decodeEntities(value: string): string {
	return value.replace(
		/&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]*);)/g,
		(whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
			if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
			const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
			const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
			return valid ? String.fromCodePoint(code) : '\ufffd';
		}
	);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

interface Locator {
	point(offset: number): { line: number; column: number };
	offset(line: number, column: number): number;
}

function createLocator(text: string): Locator {
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

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Shows a URL with control characters spelled out, so that a hidden tab is visible in the message. */
function showUrl(url: string): string {
	const visible = url.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, (char) => {
		if (char === '\t') return '\\t';
		if (char === '\n') return '\\n';
		if (char === '\r') return '\\r';
		return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
	return shorten(visible, 80);
}
