/**
 * fast-check arbitraries for hostile documents. A document is mostly harmless: prose and the
 * structures where Markdown, GFM, directives, MDX, raw HTML and frontmatter readers tend to disagree
 * (code spans with odd backticks, fences, lazy lines, tables, footnotes, directives, fences of
 * frontmatter). Into it go a few payloads, at the start or end of a random line. A bypass needs
 * every payload hidden from the check, so a document full of payloads would only ever be rejected. Every piece is a plain string, so fast-check shrinks a counterexample by dropping and
 * simplifying pieces.
 */
import fc from 'fast-check';
import type { Kind } from './oracle.ts';

export interface FuzzDocument {
	kind: Kind;
	source: string;
}

/** Documents stay small: the interesting disagreements need a few lines, and small ones shrink fast. */
export const MAX_DOCUMENT_LENGTH = 2048;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

// ---------------------------------------------------------------------------------------------
// Characters and prose

/** Characters readers treat differently: NUL, line and paragraph separators, bidi overrides, CR, tab. */
const oddChar = pick('\u0000', '\u2028', '\u2029', '\u202e', '\u2066', '\r', '\t', '\u000b', '\u000c', '\u00a0', '\ufeff', '\u200b');

const word = pick('the', 'feed', 'ranks', 'posts', 'note', 'a', 'x', '1', 'Aside', 'script', 'javascript', 'export', 'import', 'on');
const prose = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

// ---------------------------------------------------------------------------------------------
// URLs: an unsafe scheme in every spelling a reader might decode, or a harmless address

const scheme = pick('javascript', 'JaVaScRiPt', 'vbscript', 'data', 'https');

/** One way to hide a scheme from a pattern: an entity, a percent escape, or a character browsers drop. */
const disguise = fc
	.tuple(fc.nat(12), pick('', '&#106;', '&#x6A;', '&#0000106', '%6A', '\t', '&Tab;', '&#9;', '%09', '\u0000', '&NewLine;', '\n', ' ', '\\'))
	.map(([at, insert]) => (text: string) => {
		const index = at % (text.length + 1);
		// An entity for `j` stands for the letter itself; everything else is inserted.
		const replacesLetter = /^(&#106;|&#x6A;|&#0000106|%6A)$/.test(insert) && /^j/i.test(text.slice(index));
		return text.slice(0, index) + insert + text.slice(replacesLetter ? index + 1 : index);
	});

const colon = pick(':', ':', '&colon;', '&#58;', '&#x3a', '%3A');
const urlRest = pick('alert(1)', 'text/html,<script>alert(1)</script>', 'image/svg+xml;base64,PHN2Zz4=', '//example.org/x.png', '');
const leading = pick('', '', ' ', '\u0001', '\u00a0', '&#32;');

const hostileUrl = fc.oneof(
	fc.tuple(leading, scheme, disguise, colon, urlRest).map(([lead, name, hide, separator, rest]) => `${lead}${hide(name)}${separator}${rest}`),
	// Local paths that the build imports when they are the target of an image.
	pick('./evil.mjs', './x.png?.js', 'evil', './a%2Ejs', './x.PNG.ts', '../other/')
);
const harmlessUrl = pick('./chart.png', '#how-feeds-rank', 'https://example.org/guide', '../other/diagram.png', 'mailto:a@example.org');

/** A Markdown link destination, bare, in angle brackets, or with a title. */
const destination = (target: fc.Arbitrary<string>) =>
	fc.tuple(target, pick('bare', 'angle', 'title')).map(([url, form]) => (form === 'angle' ? `<${url}>` : form === 'title' ? `${url} "t"` : url));

/** An attribute value in each HTML quoting style. */
const quoted = (value: fc.Arbitrary<string>) => fc.tuple(value, pick('"', "'", '')).map(([text, quote]) => `${quote}${text}${quote}`);

// ---------------------------------------------------------------------------------------------
// Payloads: what the oracle calls a danger, each in a few spellings

const componentName = pick('Foo', 'Aside.X', 'a.b', '_x', 'Script', 'Fragment', 'x-y', 'svg:script', 'b', 'img', 'script', 'iframe');
const jsxAttribute = fc.oneof(
	pick(' onclick="alert(1)"', ' onClick="x"', ' {...props}', ' a={1}', ' title={`x`}', ' set:html="<script>alert(1)</script>"', ' set:html="&lt;img src=x onerror=alert(1)>"'),
	fc.tuple(pick('href', 'src', 'xlink:href', 'srcset', 'formaction'), hostileUrl).map(([name, value]) => ` ${name}="${value}"`)
);
const jsx = fc
	.tuple(fc.oneof(componentName, pick('Aside', 'a', 'span')), fc.array(jsxAttribute, { maxLength: 2 }), fc.boolean())
	.map(([name, attributes, selfClosing]) => (selfClosing ? `<${name}${attributes.join('')} />` : `<${name}${attributes.join('')}>x</${name}>`));

const rawHtml = fc.oneof(
	fc.tuple(quoted(hostileUrl), pick('', ' onerror=alert(1)')).map(([src, rest]) => `<img src=${src}${rest}>`),
	quoted(hostileUrl).map((href) => `<a href=${href}>x</a>`),
	pick(
		'<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe srcdoc="x"></iframe>', '<style>*{}</style>',
		'<form action="javascript:x">', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<img srcset="a.png 1x, javascript:x 2x">',
		'<base href="//evil.example">', '<meta http-equiv="refresh" content="0">', '<object data="x"></object>', '<embed src="x">'
	)
);

const expression = pick('{1}', '{/* c */}', '{props.x}', '{process.exit(1)}', '{`x`}', '{}', '{\n}');
const esm = pick('import x from "y"', 'export const a = 1', 'export default function () {}', "import{a}from'b'", 'export {}');

const inlinePayload = fc.oneof(
	rawHtml,
	jsx,
	expression,
	fc.tuple(pick('[x](', '![x]('), destination(hostileUrl)).map(([open, target]) => `${open}${target})`),
	hostileUrl.map((url) => `<${url}>`)
);
const payload = fc.oneof({ arbitrary: inlinePayload, weight: 3 }, esm);

// ---------------------------------------------------------------------------------------------
// Harmless inline pieces, some of which open a context a payload may hide in

const ticks = fc.integer({ min: 1, max: 3 }).map((count) => '`'.repeat(count));

/** Code spans, with possibly unbalanced backticks, around anything: the classic place to hide a payload. */
const codeSpan = fc
	.tuple(ticks, fc.oneof(prose, inlinePayload, pick('|', '`', ' ')), ticks)
	.map(([open, inner, close]) => `${open}${inner}${close}`);

const textDirective = fc
	.tuple(pick('x', 'abbr'), pick('', '[label]', '[`]', '[x'), pick('', '{a="`"}', '{#id .c}', '{title="x"}'))
	.map(([name, label, attributes]) => `:${name}${label}${attributes}`);

const inlineAtom: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: prose, weight: 12 },
	{ arbitrary: pick('*x*', '_x_', '**x**', '~~x~~', '~x~', '[^1]', '[r]', '[x][r]', '\\<', '\\{', '&lt;', '&#123;', '\\`', '"q"', '--', '...', '|', '<', '{', '[', '<!--', '<!-->', '<!--->', '-->'), weight: 6 },
	{ arbitrary: codeSpan, weight: 3 },
	fc.tuple(pick('[x](', '![x]('), destination(harmlessUrl)).map(([open, target]) => `${open}${target})`),
	pick('<kbd>x</kbd>', '<Aside type="note">x</Aside>', '<abbr title="x">x</abbr>', 'www.example.org', '<https://example.org>', 'https://example.org', 'a@example.org'),
	textDirective,
	oddChar
);

/**
 * Sometimes drops an odd character into a piece. It goes into the piece rather than at an offset of
 * the whole document, so that shrinking the rest of the document leaves it where it matters.
 */
const withOddChar = (piece: fc.Arbitrary<string>) =>
	fc.oneof(
		{ arbitrary: piece, weight: 12 },
		fc.tuple(piece, fc.nat(), oddChar).map(([text, at, char]) => {
			const index = at % (text.length + 1);
			return text.slice(0, index) + char + text.slice(index);
		})
	);

const inlineLine = fc.tuple(fc.array(withOddChar(inlineAtom), { minLength: 1, maxLength: 4 }), pick(' ', '')).map(([atoms, glue]) => atoms.join(glue));

// ---------------------------------------------------------------------------------------------
// Harmless blocks, many of them contexts

const fence = fc.tuple(pick('`', '~'), fc.integer({ min: 2, max: 5 })).map(([char, count]) => char.repeat(count));
const fencedCode = fc
	.tuple(pick('', ' ', '   ', '    '), fence, pick('', 'html', 'js', 'x`y', ' {1}'), fc.array(fc.oneof(inlineLine, payload), { maxLength: 2 }), fc.option(fence), pick('', ' ', '    '))
	.map(([indent, open, info, lines, close, closeIndent]) => [indent + open + info, ...lines, ...(close === null ? [] : [closeIndent + close])].join('\n'));

const indentedCode = fc.tuple(pick('    ', '\t', '   ', '  \t'), fc.oneof(inlineLine, payload)).map(([indent, line]) => indent + line);

/** Raw HTML blocks and comments, open or closed: Markdown reads up to a condition, MDX as JSX. */
const htmlBlock = fc
	.tuple(
		pick('<div>', '<details>', '<pre>', '<textarea>', '<!--', '<!-->', '<!--->', '<?', '<![CDATA[', '<!X'),
		inlineLine,
		pick('</div>', '</details>', '</pre>', '</textarea>', '-->', '--!>', '?>', ']]>', '>', '')
	)
	.map(([open, line, close]) => `${open}\n${line}\n${close}`);

const table = fc
	.tuple(fc.array(fc.oneof(prose, codeSpan), { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(prose, codeSpan, pick('`a|b`', '`a\\|b`', '\\|')), { minLength: 1, maxLength: 3 }))
	.map(([head, row]) => `| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n| ${row.join(' | ')} |`);

const leafBlock: fc.Arbitrary<string> = withOddChar(fc.oneof(
	{ arbitrary: inlineLine, weight: 6 },
	fencedCode,
	indentedCode,
	htmlBlock,
	table,
	pick('***', '---', '___', '- - -', '===', ':::', '::', '+++', '...'),
	fc.tuple(pick('[r]: ', '[r]:\n  ', '[^1]: '), destination(harmlessUrl)).map(([label, target]) => label + target),
	inlineLine.map((line) => `[^1]: ${line}`),
	fc.tuple(pick('# ', '## ', '#'), inlineLine).map(([marks, line]) => marks + line),
	fc.tuple(inlineLine, pick('===', '---', '-')).map(([line, underline]) => `${line}\n${underline}`),
	fc.tuple(pick('::x', '::note', '::youtube'), pick('', '[label]', '[`]'), pick('', '{#id}', '{a="`"}')).map((parts) => parts.join(''))
));

/** Prefixes every line, except that a lazy quote or list may leave the prefix off a later line. */
function prefixLines(text: string, first: string, rest: string, lazyLine: number | null): string {
	return text
		.split('\n')
		.map((line, index) => (index === 0 ? first : index === lazyLine ? '' : rest) + line)
		.join('\n');
}

const { block } = fc.letrec<{ block: string; blocks: string }>((tie) => ({
	// The first alternative is the one fast-check falls back to at the maximum depth.
	block: fc.oneof(
		{ maxDepth: 3, depthIdentifier: 'block' },
		{ arbitrary: leafBlock, weight: 8 },
		fc.tuple(tie('blocks'), pick('> ', '>', '>\t'), fc.option(fc.nat(3))).map(([inner, marker, lazy]) => prefixLines(inner, marker, marker, lazy)),
		fc
			.tuple(tie('blocks'), pick<[string, string]>(['- ', '  '], ['* ', '  '], ['1. ', '   '], ['1) ', '   '], ['- ', ' '], ['-\t', '\t']), fc.option(fc.nat(3)))
			.map(([inner, [marker, indent], lazy]) => prefixLines(inner, marker, indent, lazy)),
		fc
			.tuple(pick(':::note', ':::x', '::::tip', ':::danger[t]', ':::x[`]'), pick('', '{#id}', '{a="`"}'), tie('blocks'), pick(':::', '::::', ''))
			.map(([open, attributes, inner, close]) => `${open}${attributes}\n${inner}\n${close}`),
		fc
			.tuple(pick('Aside', 'Steps', 'InstructorNotes', 'details', 'div'), tie('blocks'), pick('\n', '\n\n'))
			.map(([name, inner, gap]) => `<${name}>${gap}${inner}${gap}</${name}>`)
	),
	blocks: fc
		.array(fc.tuple(tie('block'), pick('\n\n', '\n')), { minLength: 1, maxLength: 3, depthIdentifier: 'block' })
		.map((parts) => parts.map(([text, gap], index) => (index === 0 ? text : gap + text)).join('')),
}));

// ---------------------------------------------------------------------------------------------
// Frontmatter: the fences Astro, YAML and Sätteri read differently

const oddFrontmatter = fc
	.tuple(
		pick('', '', '\ufeff', '\n', '\n\n', ' \n'),
		pick('---', '---', '+++', '--- ', '---x'),
		pick('title: x', 'title = "x"', 'title: x\u2028more', 'title: x\u2028---'),
		// A line that one reader takes for the closing fence and another does not, then a payload.
		fc.option(fc.tuple(pick('+++', '...', '---x', ' ---', '----', '---\r'), fc.oneof(payload, leafBlock))),
		pick('---', '+++', '...', '--- ', '---x'),
		pick('\n', '\r\n', '')
	)
	.map(([before, open, field, smuggled, close, after]) => {
		const middle = smuggled === null ? '' : `${smuggled[0]}\n${smuggled[1]}\n`;
		return `${before}${open}\n${field}\n${middle}${close}${after}`;
	});

/** Most documents open like a real module, so the check does not stop at the fence every time. */
const frontmatter = fc.oneof({ arbitrary: fc.constant('---\ntitle: x\n---\n'), weight: 4 }, { arbitrary: oddFrontmatter, weight: 2 }, fc.constant(''));

// ---------------------------------------------------------------------------------------------
// Documents

const separator = pick('\n\n', '\n\n', '\n', '\r\n', '\r\n\r\n', '\n\u2028\n', '\n \n', '\n\t\n');

/**
 * Where a payload goes: a line of its block, before or after that line's text, and the glue. A
 * payload belongs to a block, so that shrinking the other blocks does not move it.
 */
const placement = fc.tuple(fc.nat(), pick('before', 'after'), pick('\n', '', ' ', '\n\n'), payload);

function place(text: string, [line, side, glue, inserted]: [number, string, string, string]): string {
	const lines = text.split('\n');
	const index = line % lines.length;
	lines[index] = side === 'before' ? inserted + glue + lines[index] : lines[index] + glue + inserted;
	return lines.join('\n');
}

export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc
	.record({
		kind: pick<Kind>('mdx', 'md'),
		frontmatter,
		// Two blocks in five carry a payload: a bypass needs every payload in the document hidden from the check.
		blocks: fc.array(fc.tuple(block, separator, fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: placement, weight: 2 })), { minLength: 1, maxLength: 3 }),
	})
	.map(({ kind, frontmatter: opening, blocks }) => {
		const body = blocks.map(([text, gap, placed]) => (placed === null ? text : place(text, placed)) + gap).join('');
		return { kind, source: (opening + body).slice(0, MAX_DOCUMENT_LENGTH) };
	});
