import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, TMP } from './utils.ts';
import { ASTRO_CLI } from '../scripts/lib/build-env.ts';
import { encodePng } from '../src/lib/cards/png.ts';

/**
 * A bare Astro site whose only Markdown setting is the engine's: Sätteri with the build's features
 * and the compiler guard, with `src/pages` as its content folder. It has no content check at all, so
 * it shows what the guard alone stops inside Astro's real compiler, if the check were skipped or wrong.
 */
function guardedSite(pages: Record<string, string>, layers: { guard: boolean; scan: boolean } = { guard: true, scan: false }): string {
	mkdirSync(TMP, { recursive: true });
	const site = mkdtempSync(join(TMP, 'guard-site-'));
	const src = (path: string) => JSON.stringify(join(ROOT, 'src', 'lib', 'safety', path));
	writeFileSync(
		join(site, 'astro.config.mjs'),
		`import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { compilerGuard } from ${src('compiler-guard.ts')};
import { PARSER_FEATURES } from ${src('parser-options.ts')};
import { outputGuard } from ${src('output-guard.ts')};
export default {
	integrations: [mdx(), ${layers.scan ? `outputGuard({ root: ${JSON.stringify(ROOT)} })` : ''}],
	markdown: { processor: satteri({ features: { ...PARSER_FEATURES }, mdastPlugins: [${layers.guard ? `compilerGuard({ root: ${JSON.stringify(ROOT)}, contentDir: ${JSON.stringify(join(site, 'src', 'pages'))} })` : ''}] }) },
};
`
	);
	mkdirSync(join(site, 'src', 'pages'), { recursive: true });
	for (const [name, text] of Object.entries(pages)) writeFileSync(join(site, 'src', 'pages', name), text);
	return site;
}

function build(site: string) {
	const result = spawnSync(process.execPath, [ASTRO_CLI, 'build', '--root', site], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
	});
	return { status: result.status, output: result.stdout + result.stderr };
}

describe('the compiler guard inside a real Astro build, with no content check', () => {
	it('refuses an MDX export before it can run, naming the file, line and rule', () => {
		const pwned = join(TMP, 'pwned-by-export.txt');
		rmSync(pwned, { force: true });
		const site = guardedSite({ 'attack.mdx': readFileSync(join(fixture('malicious'), 'export-writes-file.mdx'), 'utf8') });
		const result = build(site);
		expect(result.status).not.toBe(0);
		expect(result.output).toMatch(/src\/pages\/attack\.mdx was not compiled: it is not safe content/);
		expect(result.output).toMatch(/attack\.mdx:5:1 {2}error {2}.*no-esm/);
		expect(existsSync(pwned)).toBe(false);
		expect(existsSync(join(site, 'dist', 'attack', 'index.html'))).toBe(false);
	});

	it('refuses an image outside the content folder, so that no other file of the build machine is published', () => {
		const site = guardedSite({ 'photo.md': '# Photo\n\n![A photo](../../outside.png)\n' });
		writeFileSync(join(site, 'outside.png'), encodePng(new Uint8Array(16 * 16 * 4).fill(200), 16, 16));
		const result = build(site);
		expect(result.status).not.toBe(0);
		expect(result.output).toMatch(/src\/pages\/photo\.md:3:1 {2}error {2}The image `\.\.\/\.\.\/outside\.png` is outside the content folder\.[^]*image-outside/);
		expect(existsSync(join(site, 'dist'))).toBe(false);
	});

	it('refuses a script in a Markdown page, and builds a clean one', () => {
		const refused = build(guardedSite({ 'note.md': '# Note\n\n<script>alert(1)</script>\n' }));
		expect(refused.status).not.toBe(0);
		expect(refused.output).toMatch(/note\.md:3:1 {2}error {2}Raw HTML \(<script>\).*raw-html/);

		const clean = guardedSite({ 'note.md': '# Note\n\nPlain text with a [link](https://example.org/).\n' });
		const built = build(clean);
		expect(built.status, built.output).toBe(0);
		expect(readFileSync(join(clean, 'dist', 'note', 'index.html'), 'utf8')).toContain('<a href="https://example.org/">link</a>');
	});
});

describe('the build and the check share one set of parser options', () => {
	it('stops before compiling anything when a setting would make the compiler read files differently', () => {
		mkdirSync(TMP, { recursive: true });
		const dir = mkdtempSync(join(TMP, 'drift-'));
		const config = join(dir, 'astro.config.mjs');
		writeFileSync(
			config,
			`import currents from ${JSON.stringify(join(ROOT, 'src', 'index.ts'))};
export default { root: ${JSON.stringify(ROOT)}, integrations: [currents()], markdown: { gfm: false } };
`
		);
		const result = spawnSync(process.execPath, [ASTRO_CLI, 'build', '--root', ROOT, '--config', relative(ROOT, config), '--outDir', join(dir, 'dist')], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CURRENTS_CONTENT: fixture('valid-course') + '/content', CURRENTS_CACHE_DIR: join(dir, 'cache') },
		});
		const output = result.stdout + result.stderr;
		expect(result.status).not.toBe(0);
		expect(output).toContain('The Markdown compiler and the content check would read files differently:');
		expect(output).toContain('gfm: the check parses with true, the compiler with false');
		expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
	});
});

describe('the output scan, with the content check and the compiler guard both bypassed', () => {
	it('fails the build when script, a handler or a script URL reaches a built page, naming each', () => {
		const site = guardedSite(
			{
				'attack.mdx': '# Attack\n\n<script>alert(1)</script>\n\n<img src="x.png" alt="x" onError="alert(1)" />\n\n<a href="javascript:alert(1)">x</a>\n',
				'fine.md': '# Fine\n\nNothing here runs.\n',
			},
			{ guard: false, scan: true }
		);
		const result = build(site);
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('The built site holds 3 things that must not ship; the output folder was removed.');
		expect(existsSync(join(site, 'dist'))).toBe(false);
		expect(result.output).toMatch(/dist\/attack\/index\.html:\d+:\d+ {2}error {2}.*output-script/);
		expect(result.output).toMatch(/dist\/attack\/index\.html:\d+:\d+ {2}error {2}.*output-event-handler/);
		expect(result.output).toMatch(/dist\/attack\/index\.html:\d+:\d+ {2}error {2}.*output-unsafe-url/);
		expect(result.output).not.toContain('dist/fine/');
	});
});

describe('every fixture whose danger is in the page, built with only the output scan', () => {
	/** Attacks a browser would run or follow; the scan alone must catch each in the built page. */
	const CAUGHT = [
		'script-tag', 'iframe', 'object-embed', 'form-input', 'meta-refresh', 'base-tag', 'svg-script', 'set-html-attribute',
		'xlink-href', 'frontmatter-fence-smuggling', 'onclick-handler', 'onerror-on-img', 'javascript-link',
		'javascript-entity-encoded', 'javascript-hex-entity-colon', 'vbscript-link', 'data-url-image', 'data-url-link',
		'javascript-in-definition', 'href-javascript-jsx', 'href-entity-encoded-jsx', 'footnote-jsx', 'footnote-html.md',
		'comment-behind-indented-fence.md', 'style-tag', 'remote-image', 'protocol-relative-image',
	];
	/**
	 * Refused by the check and the guard, but harmless once built, so the scan rightly passes them:
	 * the compiler percent-encodes the space and tab, and a browser never decodes a percent-encoded
	 * scheme, so both links are relative; `srcdoc` does nothing on a link.
	 */
	const HARMLESS_ONCE_BUILT = ['javascript-link-mixed-case-whitespace', 'javascript-percent-encoded', 'srcdoc-attribute'];

	it('fails the build naming each page, and none of the harmless ones', () => {
		const pages = Object.fromEntries(
			[...CAUGHT, ...HARMLESS_ONCE_BUILT].map((name) => {
				const file = name.endsWith('.md') ? name : `${name}.mdx`;
				return [file, readFileSync(join(fixture('malicious'), file), 'utf8')];
			})
		);
		const result = build(guardedSite(pages, { guard: false, scan: true }));
		expect(result.status).not.toBe(0);
		const flagged = new Set([...result.output.matchAll(/dist\/([a-z.-]+)\/index\.html:\d+:\d+ {2}error/g)].map((match) => match[1]));
		expect([...flagged].sort()).toEqual(CAUGHT.map((name) => name.replace(/\.md$/, '')).sort());
	});
});

