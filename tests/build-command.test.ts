import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASTRO_CLI, BUILD_SCRIPT } from '../scripts/lib/build-env.ts';
import { fixtureContent, ROOT, startBuild, TMP } from './utils.ts';

/** Runs a build command with `--help`, which loads the bundler without building anything, in a bare environment. */
function help(command: string[], env: Record<string, string>): { stderr: string } {
	const result = spawnSync(process.execPath, [...command, '--help'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, encoding: 'utf8' });
	expect(result.status, result.stderr).toBe(0);
	expect(result.stdout).toContain('astro build [...flags]');
	return result;
}

/** The purge delay the bundler's mimalloc read when it loaded, which it prints when MIMALLOC_VERBOSE is set. */
function purgeDelaySeenByBundler(command: string[], env: Record<string, string> = {}): string | undefined {
	return /option 'purge_delay': (\d+)/.exec(help(command, { MIMALLOC_VERBOSE: '1', ...env }).stderr)?.[1];
}

describe('npm run build', () => {
	it('is the build Netlify runs, and what npm start serves', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(pkg.scripts.build).toBe('node scripts/build.ts');
		expect(pkg.scripts.start).toMatch(/^npm run build && /);
		expect(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')).toMatch(/command = "npm run build"/);
	});

	it('has the bundler return freed memory at once, where plain `astro build` keeps it for a second', () => {
		expect(purgeDelaySeenByBundler([ASTRO_CLI, 'build'])).toBe('1000');
		expect(purgeDelaySeenByBundler([BUILD_SCRIPT])).toBe('0');
	});

	it('keeps an allocator setting the caller chose', () => {
		expect(purgeDelaySeenByBundler([BUILD_SCRIPT], { MIMALLOC_PURGE_DELAY: '250' })).toBe('250');
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
		const started = (env: Record<string, string> = {}) =>
			[...help([BUILD_SCRIPT], { NODE_OPTIONS: `--import=${probe}`, ...env }).stderr.matchAll(/^started with (.*)$/gm)].map((match) => match[1]);
		// Astro runs in a process of its own, which the script starts.
		expect(started()).toEqual(['no MALLOC_ARENA_MAX', 'MALLOC_ARENA_MAX=2']);
		expect(started({ MALLOC_ARENA_MAX: '4', MIMALLOC_PURGE_DELAY: '0' })).toEqual(['MALLOC_ARENA_MAX=4', 'MALLOC_ARENA_MAX=4']);
	});

	it('starts Astro\'s process with a heap that V8 collects before it grows by more than half, unless the caller chose', () => {
		// Every Node process of the run says which heap growth it was started with.
		const probe = join(TMP, 'flags-probe.mjs');
		mkdirSync(TMP, { recursive: true });
		writeFileSync(probe, "process.stderr.write(`started with ${process.execArgv.find((flag) => flag.startsWith('--heap-growing-percent')) ?? 'V8\\'s heap growth'}\\n`);\n");
		const started = (flags: string[] = []) =>
			[...help([...flags, BUILD_SCRIPT], { NODE_OPTIONS: `--import=${probe}` }).stderr.matchAll(/^started with (.*)$/gm)].map((match) => match[1]);
		expect(started()).toEqual(["V8's heap growth", '--heap-growing-percent=50']);
		expect(started(['--heap-growing-percent=20'])).toEqual(['--heap-growing-percent=20', '--heap-growing-percent=20']);
	});

	it('stops the build in Astro\'s process when it is stopped itself', async () => {
		// No card kept from an earlier run, so that this build draws its cards in a process of its own.
		rmSync(join(TMP, 'cache-stopped', 'currents-cards'), { recursive: true, force: true });
		const building = startBuild(fixtureContent('valid-course'), 'stopped');
		let astro: number | undefined;
		let others: number[] = [];
		let command = '';
		let cards: number[] = [];
		const priorities = { astro: 0, cards: [] as number[] };
		try {
			// Astro's process has checked the curriculum and started drawing the share cards in a process of its own.
			await expect.poll(building.output, { timeout: 60_000 }).toContain('Checked the curriculum');
			[astro, ...others] = childrenOf(building.pid);
			command = readFileSync(`/proc/${astro}/cmdline`, 'utf8');
			priorities.astro = niceness(astro!);
			// The cards draw at a lower priority than the pages the build waits for. The card process is started
			// as the curriculum is loaded, and its priority lowered as it starts: on a busy machine either may come
			// a moment after the check's line.
			const expected = Math.min(19, priorities.astro + 15);
			await expect
				.poll(
					() => {
						cards = childrenOf(astro!);
						priorities.cards = cards.map(niceness);
						return cards.length > 0 && priorities.cards.every((value) => value === expected);
					},
					{ timeout: 10_000 }
				)
				.toBe(true);
		} finally {
			// Stopped whatever was found, so that a failed check leaves no build running.
			building.stop('SIGTERM');
		}
		const stopped = await building.done;
		expect(others).toEqual([]);
		expect(command).toContain('astro.mjs\0build');
		expect(stopped.signal).toBe('SIGTERM');
		expect(running(astro!)).toBe(false);
		// The card process ends once the build that drew with it has gone.
		await expect.poll(() => cards.filter(running), { timeout: 10_000 }).toEqual([]);
	}, 90_000);
});

/** The processes `pid` started that are still running. */
function childrenOf(pid: number): number[] {
	return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
}

/** A process's `nice` value, from the 19th field of its /proc stat line. */
function niceness(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Whether a process is running: neither gone nor ended and waiting to be reaped. */
function running(pid: number): boolean {
	try {
		return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}
