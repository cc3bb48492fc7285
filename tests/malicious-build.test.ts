import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentsVitePlugin } from '../src/lib/safety/vite-guard.ts';
import { buildCurriculum, copyFixture, fixture, ROOT, TMP } from './utils.ts';

const PWNED = join(TMP, 'pwned-by-export.txt');

/** A module with valid frontmatter whose body tries to write a file when compiled. */
function attackModule(): string {
	const body = readFileSync(join(fixture('malicious'), 'export-writes-file.mdx'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
	return `---
title: Attack
summary: Looks harmless.
version: 1.0.0
level: beginner
duration: 15
outcomes:
  - Nothing.
reviewed: 2026-11-01
changelog:
  - version: 1.0.0
    date: 2026-11-01
    kind: added
    summary: First release.
---
${body}`;
}

describe('a module that tries to run code at build time', () => {
	it('stops the build before the module is compiled, naming the file, line and rule', () => {
		rmSync(PWNED, { force: true });
		const content = copyFixture('valid-course');
		writeFileSync(join(content, 'modules', 'attack.mdx'), attackModule());
		const track = join(content, 'tracks', 'tea-foundations.yaml');
		writeFileSync(track, readFileSync(track, 'utf8').replace('  - serving\n', '  - serving\n  - attack\n'));

		const build = buildCurriculum(content, 'attack');
		expect(build.status).not.toBe(0);
		expect(build.output).toMatch(/modules\/attack\.mdx:17:1 {2}error {2}.*no-esm/);
		// The findings once, and nothing of the engine's insides.
		expect(build.output.match(/attack\.mdx:17:1/g)).toHaveLength(1);
		expect(build.output).not.toMatch(/Stack trace|unhandled error|\n\s+at /);
		expect(build.output).toContain('nothing was built');
		expect(existsSync(PWNED)).toBe(false);
		expect(build.exists('index.html')).toBe(false);
	});

	it('is refused again when Vite loads the file, for files changed while the dev server runs', () => {
		const content = copyFixture('valid-course');
		const path = join(content, 'modules', 'attack.mdx');
		writeFileSync(path, attackModule());
		const plugin = currentsVitePlugin({
			root: ROOT,
			dir: content,
			on: '2026-11-23',
			config: { imageHosts: [], site: 'https://example.org' } as never,
		});
		const load = plugin.load as (id: string) => unknown;
		expect(() => load(`${path}?astroPropagatedAssets`)).toThrow(/attack\.mdx is not safe to compile, so it was not:[\s\S]*no-esm/);
		expect(load(join(content, 'modules', 'serving.mdx'))).toBeNull();
		expect(existsSync(PWNED)).toBe(false);
	});

	it('checks a file again when it changed after the start-up check passed it', () => {
		const content = copyFixture('valid-course');
		const path = join(content, 'modules', 'serving.mdx');
		const plugin = currentsVitePlugin({
			root: ROOT,
			dir: content,
			on: '2026-11-23',
			config: { imageHosts: [], site: 'https://example.org' } as never,
			checked: new Map([[path, readFileSync(path, 'utf8')]]),
		});
		const load = plugin.load as (id: string) => unknown;
		expect(load(path)).toBeNull();
		writeFileSync(path, attackModule());
		expect(() => load(path)).toThrow(/serving\.mdx is not safe to compile[\s\S]*no-esm/);
	});
});
