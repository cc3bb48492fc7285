import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TMP } from './utils.ts';

/**
 * mimalloc, in the bundler's native library, prints the options it read when it loads if
 * MIMALLOC_VERBOSE is set. `--help` loads the bundler without building anything.
 */
function purgeDelaySeenByBundler(command: string[], env: Record<string, string> = {}): string | undefined {
	const result = spawnSync(process.execPath, [...command, '--help'], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, HOME: process.env.HOME, MIMALLOC_VERBOSE: '1', ...env },
		encoding: 'utf8',
	});
	expect(result.status, result.stderr).toBe(0);
	expect(result.stdout).toContain('astro build [...flags]');
	return /option 'purge_delay': (\d+)/.exec(result.stderr)?.[1];
}

describe('npm run build', () => {
	const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const script = join(ROOT, 'scripts', 'build.ts');

	it('is the build Netlify runs, and what npm start serves', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(pkg.scripts.build).toBe('node scripts/build.ts');
		expect(pkg.scripts.start).toMatch(/^npm run build && /);
		expect(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')).toMatch(/command = "npm run build"/);
	});

	it('has the bundler return freed memory at once, where plain `astro build` keeps it for a second', () => {
		expect(purgeDelaySeenByBundler([astro, 'build'])).toBe('1000');
		expect(purgeDelaySeenByBundler([script])).toBe('0');
	});

	it('keeps an allocator setting the caller chose', () => {
		expect(purgeDelaySeenByBundler([script], { MIMALLOC_PURGE_DELAY: '250' })).toBe('250');
	});

	it('starts the build with two malloc pools, which glibc reads only when a process starts', () => {
		// Every Node process of the run says which MALLOC_ARENA_MAX it started with (/proc shows the
		// environment a process started with, not one changed later).
		const probe = join(TMP, 'environ-probe.mjs');
		mkdirSync(TMP, { recursive: true });
		writeFileSync(
			probe,
			"import { readFileSync } from 'node:fs';\n" +
				"process.stderr.write(`started with ${readFileSync('/proc/self/environ', 'utf8').split('\\0').find((v) => v.startsWith('MALLOC_ARENA_MAX=')) ?? 'no MALLOC_ARENA_MAX'}\\n`);\n"
		);
		const started = (env: Record<string, string> = {}) => {
			const result = spawnSync(process.execPath, [script, '--help'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: `--import=${probe}`, ...env }, encoding: 'utf8' });
			expect(result.status, result.stderr).toBe(0);
			expect(result.stdout).toContain('astro build [...flags]');
			return [...result.stderr.matchAll(/^started with (.*)$/gm)].map((match) => match[1]);
		};
		// Astro runs in the second start, in place of the first.
		expect(started()).toEqual(['no MALLOC_ARENA_MAX', 'MALLOC_ARENA_MAX=2']);
		expect(started({ MALLOC_ARENA_MAX: '4', MIMALLOC_PURGE_DELAY: '0' })).toEqual(['MALLOC_ARENA_MAX=4']);
	});
});
