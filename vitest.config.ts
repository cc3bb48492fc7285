import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Scratch copies of the repository or of tests under tests/.tmp are never part of the suite.
		exclude: ['tests/.tmp/**', 'node_modules/**'],
		// Fixture builds run a real Astro build in a child process; they take seconds, not milliseconds.
		testTimeout: 180_000,
		hookTimeout: 300_000,
		env: { CURRENTS_TODAY: '2026-11-23' },
		// Removes the scratch folders tests make under tests/.tmp, before and after the run.
		globalSetup: ['tests/global-setup.ts'],
	},
});
