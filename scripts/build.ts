/**
 * `npm run build`: Astro's `astro build`, in a process started so that the build gives memory back as
 * it goes, and followed by the build's last steps once that process has ended.
 *
 * Usage: node scripts/build.ts [any flag of `astro build`, e.g. --outDir dist-test or --force]
 *
 * Two allocators and V8's collector decide how much of what the build frees stays resident (measured
 * on cold builds of 1,000 modules; `npm run bench` shows the whole process tree):
 *
 * - The bundler (rolldown) and Astro's compiler are native libraries that allocate with mimalloc,
 *   which by default keeps freed memory for a second and returns it only when it is next called.
 *   Once bundling ends the bundler is not called again, so what it freed stayed resident through
 *   rendering, the share cards and the search index: the build's process peaked near 2.0 GB, and
 *   at 1.55–1.65 GB with `MIMALLOC_PURGE_DELAY=0`. (The card processes, whose resvg also uses
 *   mimalloc, reuse their memory card after card and keep its default: src/lib/cards/pool.ts.)
 * - Node's own allocations go through the C library's malloc, which on Linux (glibc) keeps a pool of
 *   memory per thread, up to eight per core; the build runs some twenty threads. Two pools
 *   (`MALLOC_ARENA_MAX=2`) took another ~100 MB off the peak.
 *
 * And V8 decides when to collect its own heap: after a full collection it lets the heap grow to up to
 * four times what was alive before the next. While Astro bundles, much of what it allocates lives a
 * little while and then dies: at 2,000 modules its heap grew from 293 MB alive to 1,135 MB (of which
 * 221 MB was alive) before it was next collected, and V8 keeps the pages it freed for reuse. With
 * `--heap-growing-percent=50` (half as much again) the whole tree peaked at 2,170 MB instead of
 * 2,672 MB at 2,000 modules, and at 1,489–1,528 MB instead of 1,810–1,930 MB at 1,000, with the same
 * wall and CPU time (alternated cold builds; `--heap-growing-percent=25` saved no more).
 *
 * The allocators' settings are read when a process starts (mimalloc when its library loads), so Astro
 * runs in a process of its own, started with them in its environment and with V8's setting among its
 * flags; a value the caller gave either way is kept. And Astro's process still holds what it bundled
 * and rendered with when the pages are written, so the search index, the Common Cartridges and the
 * record of the output are made here, once it has exited (src/lib/cache/last-steps.ts). This process
 * stays small, 74 MB resident while Astro's builds (50 MB of it Node's own program, which Astro's
 * process maps too): it loads neither Astro nor the bundler.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { styleText } from 'node:util';
import { LAST_STEPS_VARIABLE, makeLastSteps } from '../src/lib/cache/last-steps.ts';
import { allocatorEnv, ASTRO_CLI, astroNodeFlags } from './lib/build-env.ts';

const lastSteps = join(tmpdir(), `currents-last-steps-${process.pid}.json`);
const child = spawn(process.execPath, [...astroNodeFlags(process.execArgv), ASTRO_CLI, 'build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, ...allocatorEnv(process.env), [LAST_STEPS_VARIABLE]: lastSteps },
});
// A build stopped from outside stops Astro's too.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const forward = (received: NodeJS.Signals) => child.kill(received);
for (const name of SIGNALS) process.on(name, forward);

const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (...ended) => done(ended)));
for (const name of SIGNALS) process.off(name, forward);
if (signal) {
	// Ended by a signal: so does this process, as a shell expects.
	rmSync(lastSteps, { force: true });
	process.kill(process.pid, signal);
} else if (code !== 0) {
	rmSync(lastSteps, { force: true });
	process.exitCode = code ?? 1;
} else {
	// As Astro's log writes a line: the time, dimmed, and the step's label.
	const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
	const style = (format: Parameters<typeof styleText>[0], text: string) => styleText(format, text, { stream: process.stdout });
	try {
		await makeLastSteps(lastSteps, (message) => console.log(`${style('dim', clock.format(new Date()))} ${style('blue', '[currents]')} ${message}`));
	} catch (error) {
		console.error(`The site's pages are built, but its search index or its Common Cartridges could not be made: ${error instanceof Error ? error.message : String(error)}`);
		console.error('Build again; if it fails the same way, report it with the message above.');
		process.exitCode = 1;
	}
}
