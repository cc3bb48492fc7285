import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './utils.ts';

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
});
