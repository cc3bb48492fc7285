import { checkContentSafety } from '../../src/lib/safety/content-check.ts';
import { DEFAULT_LIMITS } from '../../src/lib/safety/bytes.ts';

const FRONTMATTER = '---\ntitle: x\n---\n\n';

/** Repeats a line until the file is just under the size limit, so each input is as large as allowed. */
function atLimit(line: string): string {
	const room = DEFAULT_LIMITS.fileBytes - FRONTMATTER.length - 16;
	return FRONTMATTER + `${line}\n`.repeat(Math.max(1, Math.floor(room / (Buffer.byteLength(line) + 1))));
}

/** Inputs that made Markdown readers slow down with the square of their size, each within every limit. */
const INPUTS: Record<string, string> = {
	'text directives': atLimit(':x'.repeat(1_500)),
	'character references': atLimit('&#106;'.repeat(600)),
	'unclosed tags': atLimit('<a '.repeat(1_000)),
	'unclosed braces': atLimit('{'.repeat(1_000)),
	'table cells with code': `${FRONTMATTER}| a |\n|---|\n${atLimit('| `a | b` | <b> |'.repeat(200)).slice(FRONTMATTER.length)}`,
	'raw HTML and comments': atLimit('<div><!--> <script>'.repeat(200)),
	'nested quotes at the limit': atLimit(`${'> '.repeat(DEFAULT_LIMITS.nestingDepth - 1)}x`),
	'open brackets': atLimit('['.repeat(3_000)),
	'emphasis runs': atLimit('*a **a '.repeat(400)),
	'backtick runs': atLimit(`${'`'.repeat(1_000)}a${'``'.repeat(500)}`),
	'footnote references': atLimit('[^a][^b][^c]'.repeat(300)),
	// Found by red-teaming: a link whose text repeats `](` inside code spans.
	'link text full of ](': `${FRONTMATTER}[${`\`${'](' .repeat(1_900)}\`\n`.repeat(8)}](https://example.org)\n`,
	'escaped ]( in link text': `${FRONTMATTER}[${'\\]('.repeat(10_000)}](https://example.org)\n`,
};

export function adversarialBench(): void {
	const rows: string[] = [];
	let worst = 0;
	for (const [name, source] of Object.entries(INPUTS)) {
		for (const file of ['bench.mdx', 'bench.md']) {
			const started = performance.now();
			const findings = checkContentSafety(source, file);
			const ms = performance.now() - started;
			worst = Math.max(worst, ms);
			rows.push(`| ${name} | ${file.slice(file.indexOf('.'))} | ${(Buffer.byteLength(source) / 1024).toFixed(0)} KB | ${ms.toFixed(0)} ms | ${findings.length} |`);
		}
	}
	console.log(`
| hostile input | kind | size | check time | findings |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Slowest: ${worst.toFixed(0)} ms; the target is under 2,000 ms for any file within the limits.`);
}
