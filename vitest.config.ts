import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { SweepFirst } from './tests/sequencer.ts';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Scratch copies of the repository or of tests under tests/.tmp are never part of the suite.
		exclude: ['tests/.tmp/**', 'node_modules/**'],
		// Fixture builds run a real Astro build in a child process; they take seconds, not milliseconds.
		testTimeout: 180_000,
		// Vitest's default leaves one core free, which on a two-core machine runs the files one at a
		// time while most of them wait on a build or a browser. Two at least; more than four builds at
		// once would only contend for memory.
		maxWorkers: Math.min(Math.max(availableParallelism(), 2), 4),
		sequence: { sequencer: SweepFirst },
		// Each worker runs its files one after another in one process instead of starting a process per
		// file (some 0.4 s each, and every file imports the same modules again). No file mocks a module;
		// the two that set an environment variable put it back.
		isolate: false,
		hookTimeout: 300_000,
		// A browser test polls for what a reader would see; with two files building or drawing at once,
		// a page can take longer than Vitest's default second to show it.
		expect: { poll: { timeout: 15_000 } },
		env: {
			CURRENTS_TODAY: '2026-11-23',
			// The builds, scripts and type-check the tests start are some hundred Node processes that load the
			// same modules; Node keeps their compiled code here (kept between runs) and starts each faster:
			// about 0.3 s of CPU time a script, 1 s a build.
			NODE_COMPILE_CACHE: join(import.meta.dirname, 'tests', '.tmp', 'node-compile-cache'),
		},
		// Removes the scratch folders tests make under tests/.tmp, before and after the run.
		globalSetup: ['tests/global-setup.ts'],
	},
});
