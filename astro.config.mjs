// @ts-check
import { defineConfig } from 'astro/config';
import currents from './src/index.ts';

// The curriculum's own settings live in content/curriculum.yaml; this file only wires the engine.
export default defineConfig({
	integrations: [currents()],
	// Tests build several fixture curricula side by side; each keeps its own content cache.
	...(process.env.CURRENTS_CACHE_DIR ? { cacheDir: process.env.CURRENTS_CACHE_DIR } : {}),
});
