/**
 * The content check. Modules are MDX written by outside contributors, and MDX is code: an `export`
 * or a `{expression}` runs when the site is built, and HTML can carry script into readers' browsers.
 * The check cuts the frontmatter with Astro's own function and parses the body with Sätteri, the
 * compiler, using the same options object the build gives it (`parser-options.ts`), so it sees the
 * very tree the compiler will compile. The rules themselves (`inspect.ts`) also run inside the
 * compiler (`compiler-guard.ts`); this check exists to report every problem of every file at once.
 */
import type { Root } from 'mdast';
import { finding, sortFindings, type Finding } from '../check/findings.ts';
import { checkBytes, checkLimits, DEFAULT_LIMITS, type ContentLimits } from './bytes.ts';
import { splitLikeCompiler } from './frontmatter-fence.ts';
import { ASTRO_IMAGE_MARKER } from './images.ts';
import { createContext, createLocator, inspectTree, report, type InspectOptions } from './inspect.ts';
import { kindOf, parseLikeCompiler, type SourceKind } from './parser-options.ts';

export interface SafetyOptions extends Omit<InspectOptions, 'maxDepth' | 'maxCodeLines'> {
	/** Size limits from the curriculum config; the defaults otherwise. */
	limits?: Partial<ContentLimits>;
}

export const SAFETY_RULES: Record<string, { title: string; description: string }> = {
	'frontmatter-fence': {
		title: 'One frontmatter fence',
		description:
			'A file starts with a line that is exactly `---`, its YAML fields, and another line that is exactly `---`. Astro, the YAML reader and the Markdown compiler each find the end of the frontmatter their own way when the fence is written differently (`+++`, `...`, a byte order mark, blank lines before it, text after the closing dashes), and a difference would let part of the file be compiled without being checked. Only the one form they all read the same way is accepted.',
	},
	'code-meta': {
		title: 'Plain code block options',
		description:
			'The line that opens a code block names its language after its backticks and may mark lines there, such as `js {2-4}` or `js "word"`. A pattern between slashes would be run as a regular expression by the highlighter, and content must not make the build run patterns of its choosing, so it is refused.',
	},
	'content-limit': {
		title: 'Files within the size limits',
		description:
			'A file, a line, a code block and the nesting of blocks and elements have limits (set under `limits` in curriculum.yaml), so that no file can make the check or the build run for minutes or run out of memory. Split a long module into two, or show the part of a long code block that matters.',
	},
	'image-type': {
		title: 'Images are image files',
		description:
			'A local image is imported by the build, so its file must be a PNG, JPEG, WebP, AVIF or GIF image; a path to a script or any other file would make the build load that file as code. SVG is refused: an SVG file is a document that can carry script, and it would be served from the site’s own address. Write the path with forward slashes and no spaces around it: a browser would read `\\` as `/`, but the build reads the path as written and stops.',
	},
	'unknown-syntax': {
		title: 'Only the Markdown the site supports',
		description:
			'The check refuses any piece of syntax it does not know rather than guess whether it is safe: paragraphs, headings, lists, block quotes, links, images, tables, footnotes, code and the allowed components (asides are the `<Aside>` component: Starlight’s `:::note` blocks and `::note` lines are not, since the site would show them as plain text) are supported. A word after a colon with braces after it, such as `:abbr[SEO]{title="…"}`, is refused for the same reason. So is the text `__ASTRO_IMAGE_`, however it is written (with `&#95;` or `\\_` for its underscores too): the site builder marks a page’s images with it, and text that reads as the marker stops the build.',
	},
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
		title: 'Only web, mail and relative addresses',
		description:
			'Links and images may point to `https:`, `http:` and `mailto:` addresses, or be relative to the site (`/modules/…/`, `./chart.png`, `#a-heading`). Any other scheme is refused, and `javascript:`, `vbscript:` and `data:` are looked for however they are written: in any letter case, with spaces or control characters inside, or encoded with HTML entities or percent signs.',
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
	'image-outside': {
		title: 'Images from the content folder',
		description:
			'The build copies a local image into the published site, so its path must lead to a file inside the content folder. A path that climbs out of it, such as `../../../photo.png`, could publish any image the build machine can read: from another part of the repository, a dependency or a cache.',
	},
	'missing-image': {
		title: 'Local images must exist',
		description:
			'A relative image path must point to a file in the repository, relative to the module file. Letter case matters. A path from the site’s root, such as `/images/carousel.png`, leads to no image: the site publishes images only from the repository, by their path from the module file, so write `./carousel.png` for an image next to the module; the finding names the path when the file is in the content folder.',
	},
};

/** Checks one module, update or page file, given its whole source including the YAML frontmatter. */
export function checkContentSafety(source: string, file: string, options: SafetyOptions = {}): Finding[] {
	// Bytes and size first: a file over the limits is not handed to the compiler's parser at all,
	// since some inputs make it slow down with the square of their size.
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const bytes = checkBytes(source, file);
	const over = checkLimits(source, file, limits);
	if (over.length > 0) return sortFindings([...bytes, ...over]);
	const fenced = splitLikeCompiler(source);
	const ctx = createContext(fenced.content, file, { ...options, maxDepth: limits.nestingDepth, maxCodeLines: limits.codeBlockLines });
	ctx.findings.push(...bytes);
	for (const problem of fenced.problems) report(ctx, 'frontmatter-fence', problem.offset, problem.message, problem.fix);
	try {
		const parsed = parseWithRecovery(fenced.content, kindOf(file));
		for (const problem of parsed.problems) {
			report(ctx, 'mdx-syntax', problem.offset, `The ${kindOf(file) === 'mdx' ? 'MDX' : 'Markdown'} cannot be read: ${problem.reason.replace(/\.?$/, '.')}`, syntaxFix(problem.reason, problem.note));
		}
		if (parsed.tree) inspectTree(parsed.tree, ctx);
		// The tree's rule finds the marker where the page would show it. Written plainly it is refused
		// anywhere, even where Markdown would break it up (`__ASTRO_IMAGE_ text` is emphasis).
		const marker = fenced.content.indexOf(ASTRO_IMAGE_MARKER);
		if (marker >= 0 && !ctx.findings.some((found) => found.message.includes(`\`${ASTRO_IMAGE_MARKER}\``))) {
			report(ctx, 'unknown-syntax', marker, `The text \`${ASTRO_IMAGE_MARKER}\` is a marker the site builder uses for images, and would confuse it.`, 'Reword the text so that it does not hold this marker.');
		}
	} catch (error) {
		// A file this check cannot finish reading must not pass as clean.
		ctx.findings.push(
			finding({
				rule: 'mdx-syntax',
				file,
				line: 1,
				column: 1,
				message: `The file could not be checked: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}`,
				fix: 'Simplify the file: deeply nested lists, quotes or elements and very long lines are the usual cause.',
			})
		);
	}
	return sortFindings(ctx.findings);
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
/** Characters parsed in all recoveries of one file, so that recovering stays linear in the file's size. */
const RECOVERY_BUDGET = 2_000_000;
/** More unclosed braces than this make the compiler's MDX reader slow down with the square of their number. */
const MAX_UNCLOSED_BRACES = 200;

/**
 * The compiler stops at the first error. To report the other faults in the same run, the line at
 * fault is blanked and the file parsed again. Blanking keeps every offset, so later findings still
 * point at real source. A file with a syntax error fails the check anyway, so what the recovered
 * parse finds can only add to the report, never let the file through.
 */
function parseWithRecovery(source: string, kind: SourceKind): ParseOutcome {
	const problems: SyntaxProblem[] = [];
	if (kind === 'mdx') {
		const unclosed = unclosedBraces(source);
		if (unclosed.length > MAX_UNCLOSED_BRACES) {
			problems.push({
				offset: unclosed[0]!,
				reason: `${unclosed.length} braces \`{\` are opened and never closed; the first is here`,
				note: '',
			});
			return { tree: null, problems };
		}
	}
	let text = source;
	let parsed = 0;
	for (let attempt = 0; attempt < MAX_RECOVERIES && parsed < RECOVERY_BUDGET; attempt++) {
		parsed += text.length;
		try {
			return { tree: parseLikeCompiler(text, kind), problems };
		} catch (error) {
			const problem = describeSyntaxError(error, text, kind, parsed < RECOVERY_BUDGET);
			// A closing-tag mismatch after a recovery is usually the other half of a line we blanked.
			if (problems.length === 0 || !problem.reason.includes('closing tag')) problems.push(problem);
			const next = blankLineAt(text, problem.offset);
			if (next === text) return { tree: null, problems };
			text = next;
		}
	}
	return { tree: null, problems };
}

/**
 * Offsets of the braces that no later brace closes, skipping escaped ones. Braces in code count
 * too, so this can only overcount, and code with that many unbalanced braces is rare enough.
 */
function unclosedBraces(text: string): number[] {
	// Prose seldom holds a brace at all.
	if (!text.includes('{')) return [];
	const open: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (char === 92 /* \\ */) i++;
		else if (char === 123 /* { */) open.push(i);
		else if (char === 125 /* } */) open.pop();
	}
	return open;
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

function describeSyntaxError(error: unknown, text: string, kind: SourceKind, mayParse: boolean): SyntaxProblem {
	const shape: ErrorShape = error !== null && typeof error === 'object' ? (error as ErrorShape) : {};
	const rawReason =
		typeof shape.reason === 'string'
			? shape.reason
			: typeof shape.message === 'string'
				? shape.message
				: String(error);
	// The parser's notes suggest `{/* comments */}` and other constructs that this check rejects, so
	// they are dropped from the message and only used to pick the fix.
	const positioned = /^(\d+):(\d+): /.exec(rawReason);
	const unprefixed = rawReason.slice(positioned?.[0].length ?? 0).replace(/ \([a-z-]+:[a-z-]+\)$/, '');
	const noteMatch = / \(note: (.*)\)$/s.exec(unprefixed);
	const note = noteMatch?.[1] ?? '';
	const reason = noteMatch ? unprefixed.slice(0, noteMatch.index) : unprefixed;
	const at = createLocator(text);
	const offsetOf = (line: number, column: number) => at.offset(line, column);

	// For an unclosed tag, the position that helps is the opening tag's, which appears only in the reason.
	const tagPosition = /^Expected a closing tag for `[^`]*` \((\d+):(\d+)/.exec(reason);
	if (tagPosition) {
		return { offset: offsetOf(Number(tagPosition[1]), Number(tagPosition[2])), reason, note };
	}
	if (/end of file/.test(reason)) {
		// Finding the line takes a few more parses; past the budget, the end of the file has to do.
		return { offset: mayParse ? locateUnclosed(text, rawReason, kind) : text.length, reason, note };
	}
	const point = positioned ? { line: Number(positioned[1]), column: Number(positioned[2]) } : pointOf(shape);
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
function locateUnclosed(text: string, reason: string, kind: SourceKind): number {
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
	const failsSameWay = (lines: number) => {
		const end = lines < lineStarts.length ? lineStarts[lines]! : text.length;
		try {
			parseLikeCompiler(text.slice(0, end), kind);
			return false;
		} catch (error) {
			const shape = error !== null && typeof error === 'object' ? (error as ErrorShape) : {};
			const message = typeof shape.message === 'string' ? shape.message.replace(/^\d+:\d+: /, '') : '';
			return shape.reason === reason || message === reason.replace(/^\d+:\d+: /, '');
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
		return 'A literal "<" is written `&lt;` or `\\<`. Links in angle brackets like `<https://example.org>` are not supported; write `[link text](https://example.org)` instead.';
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

