import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Fixture builds run a real Astro build in a child process; they take seconds, not milliseconds.
		testTimeout: 180_000,
		hookTimeout: 300_000,
		env: { CURRENTS_TODAY: '2026-11-23' },
	},
});
