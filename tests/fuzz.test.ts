/**
 * A differential test of the content check against the compiler: every generated document that the
 * check accepts must compile to something harmless. The oracle (`fuzz/oracle.ts`) compiles each
 * document exactly as the build does and looks for code in the result; the grammar
 * (`fuzz/grammar.ts`) writes documents out of the fragments where readers disagree.
 *
 *   FUZZ_SEED=123 FUZZ_RUNS=100000 npx vitest run tests/fuzz.test.ts
 *
 * The seed is fixed so that CI is reproducible; `npm run fuzz` searches longer with any seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzDocument, MAX_DOCUMENT_LENGTH } from './fuzz/grammar.ts';
import { accepted, bypassIn, dangerIn, describeBypass } from './fuzz/oracle.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
/** About 20 seconds on a two-core machine; a run is well under a millisecond when nothing fails. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 80_000);

describe('the oracle', () => {
	// The property below can only fail if the oracle sees danger, so it must be shown to see it.
	it.each([
		['mdx', 'export const a = 1', 'an import or export statement'],
		['mdx', 'Text {process.env.TOKEN}', 'a JavaScript expression'],
		['mdx', '<Aside title={x}>Hi</Aside>', 'an expression value'],
		['mdx', '<Aside {...props}>Hi</Aside>', 'an expression attribute'],
		['mdx', '<Secret />', 'the component <Secret>'],
		['mdx', '<Aside.X />', 'the component <Aside.X>'],
		['mdx', '<span onClick="alert(1)">x</span>', 'an event handler `onclick`'],
		['mdx', '<Aside set:html="<script>alert(1)</script>" />', 'a <script> element'],
		['mdx', ':::note\n<iframe src="https://example.org" />\n:::', 'a <iframe> element'],
		['mdx', '![A diagram](./evil.mjs)', 'an image the build imports as a module'],
		['md', '<script>alert(1)</script>', 'a <script> element'],
		['md', '<img src=x onerror=alert(1)>', 'an event handler `onerror`'],
		['md', '<a href="&#106;ava&#x09;script:alert(1)">x</a>', 'a javascript: URL in `href`'],
		['md', '<svg><a xlink:href="data:text/html,x">x</a></svg>', 'a data: URL in `xlink:href`'],
		['md', '<img srcset="a.png 1x, vbscript:x 2x">', 'a vbscript: URL in `srcset`'],
		['md', '+++\ntitle = "x"\n+++\n\n<style>body{}</style>', 'a <style> element'],
	] as const)('finds the danger in %s: %j', (kind, source, expected) => {
		expect(dangerIn(source, kind)).toContain(expected);
	});

	it.each([
		['mdx', '---\ntitle: x\n---\n\nPlain prose with **bold** and a [link](https://example.org).'],
		['mdx', '<Aside type="tip" title="Hi">Text</Aside>\n\n```js\nexport const a = {b};\n```'],
		['md', '`<script>alert(1)</script>` and\n\n    <iframe>'],
		['md', '---\ntitle: "<script>alert(1)</script>"\n---\n\nThe frontmatter is data, not page content.'],
		// Sätteri percent-encodes the tab, and a browser does not decode escapes in a scheme.
		['md', '[x](<java\tscript:alert(1)>)'],
		['mdx', 'export-minded prose, and an image ![A chart](./chart.png)'],
		// Astro imports the images of a Markdown file only when the path ends in an image format.
		['md', '![A diagram](./evil.mjs)'],
		// The build stops on a syntax error, so nothing in the file can run.
		['mdx', 'export const a = {'],
	] as const)('finds nothing in %s: %j', (kind, source) => {
		expect(dangerIn(source, kind)).toBeNull();
	});

	it('agrees with the check on a payload the check is known to refuse', () => {
		expect(dangerIn('<script>alert(1)</script>', 'md')).not.toBeNull();
		expect(accepted('<script>alert(1)</script>', 'md')).toBe(false);
	});
});

describe('the content check against the compiler', () => {
	it('generates small documents of both kinds', () => {
		const sample = fc.sample(fuzzDocument, { numRuns: 300, seed: SEED });
		expect(sample.every((doc) => doc.source.length <= MAX_DOCUMENT_LENGTH)).toBe(true);
		expect(new Set(sample.map((doc) => doc.kind))).toEqual(new Set(['mdx', 'md']));
		// Unless both dangerous and harmless documents are common, the property proves little.
		const dangerous = sample.filter((doc) => dangerIn(doc.source, doc.kind) !== null).length;
		expect(dangerous).toBeGreaterThan(30);
		expect(sample.filter((doc) => accepted(doc.source, doc.kind)).length).toBeGreaterThan(30);
	});

	it(`accepts no document whose build output is dangerous (${RUNS} documents, seed ${SEED})`, () => {
		fc.assert(
			fc.property(fuzzDocument, ({ source, kind }) => bypassIn(source, kind) === null),
			{
				seed: SEED,
				numRuns: RUNS,
				// The default report shows the document with fast-check's own quoting and no danger.
				reporter(details) {
					if (!details.failed) return;
					if (!details.counterexample) throw new Error(fc.defaultReportMessage(details) ?? 'The fuzz run failed.');
					const [{ source, kind }] = details.counterexample;
					const danger = dangerIn(source, kind);
					// Without a danger, the property threw: the check or the oracle crashed on the document.
					const what = danger === null ? `The check or the oracle crashed (${String(details.errorInstance)}) on the .${kind} document:\n${JSON.stringify(source)}` : describeBypass(source, kind, danger);
					throw new Error(
						`${what}\n\nFound after ${details.numRuns} documents and ${details.numShrinks} shrinks; replay with FUZZ_SEED=${details.seed}.`
					);
				},
			}
		);
	}, 120_000);
});
