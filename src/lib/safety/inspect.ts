/**
 * The rules of safe content, applied to a tree Sätteri parsed. The content check runs them on the
 * tree it parses with the compiler's options, and the compiler guard runs them on the compiler's
 * own tree, so what one passes the other passes. Rules see nodes, never source text re-parsed
 * another way: where a message quotes the source, the slice comes from the node's own position.
 */
import type { Nodes, Root } from 'mdast';
import { parseFragment } from 'parse5';
import { report, sliceOf, startOf, summarise, type Context } from './context.ts';
import { checkElement, jsxElement, type JsxNode } from './elements.ts';
import { ASTRO_IMAGE_MARKER, checkImage, checkUrl } from './images.ts';
import { collapse, markdownDestinations, shorten } from './urls.ts';

export { createContext, createLocator, report, type Context, type InspectOptions } from './context.ts';

const PLAIN_NODES: ReadonlySet<string> = new Set([
	'root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'text', 'emphasis',
	'strong', 'inlineCode', 'break', 'delete', 'table', 'tableRow', 'tableCell', 'footnoteDefinition',
	'footnoteReference', 'linkReference', 'textDirective',
]);

/** The asides Starlight offers as `:::note` blocks in its own docs folder; in a curriculum they are the Aside component. */
const ASIDE_TYPES: ReadonlySet<string> = new Set(['note', 'tip', 'caution', 'danger']);

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
		checkMarker(ctx, node);
	}
	summarise(ctx);
}

/**
 * Astro finds the images of a rendered Markdown page by a marker in its HTML and reads what follows
 * it, so text that renders as the marker stops the build. The check reads the strings the page is made
 * of, decoded as the compiler decodes them: `&#95;` and `\_` are underscores there. Adjacent text is
 * read as one run, since the page shows it as one; an image's own address is the image rule's.
 */
function checkMarker(ctx: Context, node: Nodes): void {
	// Each string with where its source starts and ends.
	const strings: [string | null | undefined, number, number][] = [];
	if ('children' in node) {
		let run = '';
		let from = -1;
		let to = -1;
		for (const child of [...node.children, null]) {
			if (child?.type === 'text') {
				if (from < 0) from = startOf(child);
				to = child.position?.end.offset ?? from;
				run += child.value;
				continue;
			}
			if (from >= 0) strings.push([run, from, to]);
			run = '';
			from = -1;
		}
	}
	const own: (string | null | undefined)[] = [];
	if (node.type === 'code') own.push(node.value, node.lang, node.meta);
	if (node.type === 'inlineCode' || node.type === 'html') own.push(node.value);
	if (node.type === 'link' || node.type === 'definition') own.push(node.url, node.title);
	if (node.type === 'image' || node.type === 'imageReference') own.push(node.alt);
	if (node.type === 'image') own.push(node.title);
	if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') own.push(node.label ?? node.identifier);
	if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
		own.push(node.name, ...Object.entries(node.attributes ?? {}).flat());
	}
	if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
		for (const attribute of node.attributes) if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') own.push(attribute.value);
	}
	for (const text of own) strings.push([text, startOf(node), node.position?.end.offset ?? startOf(node)]);
	for (const [text, from, to] of strings) {
		if (!text?.includes(ASTRO_IMAGE_MARKER)) continue;
		const disguised = ctx.text.slice(from, to).includes(ASTRO_IMAGE_MARKER) ? '' : ', written here with escapes or character references that the page shows as its letters';
		report(ctx, 'unknown-syntax', from, `The text \`${ASTRO_IMAGE_MARKER}\` is a marker the site builder uses for images, and would confuse it${disguised}.`, 'Reword the text so that it does not hold this marker.');
	}
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
			checkContent(ctx, node);
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
		case 'containerDirective':
		case 'leafDirective': {
			// The build prints a directive's source as plain text, without a box or title, so a
			// contributor who writes Starlight's `:::tip` would see a plain paragraph in the preview and
			// nothing in the check. (A text directive, `:name` inside a sentence, is left alone: prose
			// such as "Time:Tuesday" reads as one, and it is printed as written.)
			const fence = /^:+/.exec(sliceOf(ctx, node))?.[0] ?? (node.type === 'leafDirective' ? '::' : ':::');
			const name = shorten(node.name, 30);
			const type = ASIDE_TYPES.has(node.name) ? node.name : 'note';
			const what = node.type === 'leafDirective' ? 'line' : 'block';
			report(
				ctx,
				'unknown-syntax',
				startOf(node),
				`The \`${fence}${name}\` ${what} would be shown as plain text, without the box and title of an aside.`,
				/\.mdx$/.test(ctx.file)
					? `Use the Aside component: <Aside type="${type}" title="…">…</Aside> (type is note, tip, caution or danger).`
					: 'A Markdown (.md) file has no asides: write it as a paragraph, such as one that starts with **Note:**.'
			);
			return;
		}
		case 'textDirective':
			// Without braces it is prose such as "Time:Tuesday", printed as written. With them it is a
			// directive whose attributes nothing reads: printed as text too, braces and all, and unchecked
			// should a later Starlight give inline directives a meaning.
			if (Object.keys(node.attributes ?? {}).length > 0) {
				report(
					ctx,
					'unknown-syntax',
					startOf(node),
					`The \`:${shorten(node.name, 30)}{…}\` in this sentence would be shown as plain text, braces and all.`,
					`Write the sentence without the braces. To show a colon before a word and braces after it as text, put a backslash before the colon: \`\\:${shorten(node.name, 30)}\`.`
				);
			}
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

const META_TOKEN = /\s*(?:title="([^"\\/]*)"|frame="(?:code|terminal|none|auto)"|(?:(?:ins|del|mark)=)?\{([\d\s,-]*)\})/y;

/** What is wrong with a code block's options, or null when they keep to the accepted grammar. */
function codeMetaProblem(meta: string, lineCount: number): string | null {
	if (meta.includes('/')) return 'hold a slash, which the highlighter may read as a pattern to run';
	META_TOKEN.lastIndex = 0;
	let at = 0;
	while (at < meta.length && meta.slice(at).trim() !== '') {
		META_TOKEN.lastIndex = at;
		const match = META_TOKEN.exec(meta);
		if (!match) return `hold \`${shorten(meta.slice(at).trim(), 30)}\`, which is not a line range, a title or a frame`;
		for (const range of (match[2] ?? '').split(',').filter((part) => part.trim() !== '')) {
			const [from, to = from] = range.split('-').map((n) => Number(n.trim()));
			if (!Number.isInteger(from) || !Number.isInteger(to) || from! < 1 || to! < from! || to! > lineCount) {
				return `mark lines ${range.trim()}, but the block has lines 1 to ${lineCount}`;
			}
		}
		at = META_TOKEN.lastIndex;
	}
	return null;
}

/** A component that renders one kind of content, such as Steps, stops the build on anything else. */
function checkContent(ctx: Context, node: JsxNode): void {
	const spec = node.name && Object.hasOwn(ctx.components, node.name) ? ctx.components[node.name]! : undefined;
	if (spec?.content !== 'ordered-list') return;
	const children = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
	const only = children.length === 1 ? children[0] : undefined;
	if (only?.type === 'list' && only.ordered === true) return;
	report(
		ctx,
		'invalid-prop',
		startOf(node),
		`<${node.name}> must hold exactly one numbered list, and holds ${children.length === 0 ? 'nothing' : children.map((child) => (child.type === 'list' ? (child.ordered ? 'a numbered list' : 'a bulleted list') : `a ${child.type}`)).join(', ')}.`,
		`Write the steps as one numbered list inside <${node.name}>: each step on a line starting with "1. ", "2. " and so on, and nothing else.`
	);
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
	// `<b>this</b>` is two raw HTML nodes: the end tag of an element whose start tag was reported on
	// the same line is that finding's, not one of its own. A lone end tag is still reported.
	const { line } = ctx.at.point(offset);
	const ends = /^(?:\s*<\/[A-Za-z][\w-]*\s*>)+\s*$/.test(html) ? [...html.matchAll(/<\/([A-Za-z][\w-]*)/g)].map((match) => match[1]!.toLowerCase()) : [];
	if (ends.length > 0 && ends.every((name) => ctx.seen.has(`raw-html-start:${line}:${name}`))) return;
	const fragment = parseFragment(html);
	const names: string[] = [];
	const stack = [...fragment.childNodes];
	while (stack.length > 0 && names.length < 3) {
		const node = stack.shift()!;
		if ('tagName' in node) {
			names.push(`<${node.tagName}>`);
			ctx.seen.add(`raw-html-start:${line}:${node.tagName}`);
		}
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
	// The highlighter reads the options with its own grammar, runs `/…/` as a pattern and builds an
	// array of every line a range names, so only a small grammar is accepted: line ranges within the
	// block, a title, and a frame kind. Anything else is refused rather than read a second way.
	const lineCount = value.split('\n').length;
	const problem = meta === null ? null : codeMetaProblem(meta, lineCount);
	if (problem !== null) {
		report(
			ctx,
			'code-meta',
			offset,
			`The code block's options \`${shorten(meta ?? '', 60)}\` ${problem}.`,
			'Use only line ranges within the block, such as {2} or {2-4}, a title without slashes, such as title="Example", and frame="code", "terminal" or "none".'
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

