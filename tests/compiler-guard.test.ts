import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkContentSafety } from '../src/lib/safety/content-check.ts';
import { compilerGuard, ContentRefusedError } from '../src/lib/safety/compiler-guard.ts';
import { PARSER_FEATURES } from '../src/lib/safety/parser-options.ts';
import { fixture, ROOT } from './utils.ts';

const FIXTURES = fixture('malicious');
const guard = compilerGuard({ root: ROOT, imageHosts: ['upload.wikimedia.org'] });

/**
 * Compiles a file the way the build does, with the guard and without the content check: Astro cuts
 * the frontmatter with `parseFrontmatter`, then Sätteri compiles the rest with the build's features.
 */
function compile(path: string): () => unknown {
	const { content } = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: 'empty-with-spaces' });
	const options = { features: PARSER_FEATURES, mdastPlugins: [guard], fileURL: new URL(`file://${path}`) };
	return path.endsWith('.mdx') ? () => mdxToJs(content, options) : () => markdownToHtml(content, options);
}

/**
 * Fixtures about bytes the compiler never sees, or reads harmlessly: a byte order mark (which the
 * compiler drops), and a NUL or a bidirectional override (which it turns into text). The check
 * refuses them because other readers disagree about them; the compiled page holds no code either way.
 */
const CHECK_ONLY = new Set(['frontmatter-bom.mdx', 'nul-in-destination.mdx', 'nul-in-definition.mdx', 'bidi-override.mdx']);
const files = readdirSync(FIXTURES)
	.filter((name) => /\.mdx?$/.test(name) && !CHECK_ONLY.has(name))
	.sort();

describe('the compiler guard, with the content check bypassed', () => {
	it.each(files)('refuses %s, or the compiler itself cannot read it', (name) => {
		const path = join(FIXTURES, name);
		let error: unknown;
		try {
			compile(path)();
		} catch (caught) {
			error = caught;
		}
		expect(error, `${name} compiled`).toBeDefined();
		if (error instanceof ContentRefusedError) {
			// The guard and the check agree on at least one rule for the same file.
			const checked = new Set(checkContentSafety(readFileSync(path, 'utf8'), name).map((f) => f.rule));
			expect(error.findings.some((f) => checked.has(f.rule))).toBe(true);
			expect(error.line).toBeGreaterThan(0);
		}
	});

	it('names the file, line and rule, without a stack of compiler internals', () => {
		const run = compile(join(FIXTURES, 'export-writes-file.mdx'));
		expect(run).toThrow(ContentRefusedError);
		try {
			run();
		} catch (error) {
			const refused = error as ContentRefusedError;
			expect(refused.message).toMatch(/^tests\/fixtures\/malicious\/export-writes-file\.mdx was not compiled: it is not safe content\./);
			expect(refused.message).toMatch(/export-writes-file\.mdx:7:1 {2}error {2}.*no-esm/);
			expect(refused.stack).not.toMatch(/\n\s+at /);
		}
	});

	it('refuses a ::note line and a backslashed image path on its own tree, as the check does', () => {
		const fileURL = new URL(`file://${join(ROOT, 'tests', 'fixtures', 'valid-course', 'content', 'modules', 'x.mdx')}`);
		const refused = (source: string) => {
			try {
				mdxToJs(source, { features: PARSER_FEATURES, mdastPlugins: [guard], fileURL });
			} catch (error) {
				return error instanceof ContentRefusedError ? error.findings.map((f) => `${f.rule}@${f.line}`) : ['not refused by the guard'];
			}
			return [];
		};
		expect(refused('Warm the pot.\n\n::tip[Hot water]\n')).toEqual(['unknown-syntax@3']);
		expect(refused('![A pot](.\\pot.png)\n')).toEqual(['image-type@1']);
		expect(refused('Brew time:three minutes.\n')).toEqual([]);
	});

	it('lets a clean module through', () => {
		const clean = join(ROOT, 'tests', 'fixtures', 'valid-course', 'content', 'modules', 'brewing-basics.mdx');
		expect(compile(clean)).not.toThrow();
	});
});
