// @ts-check
import { defineConfig } from 'astro/config';
import currents from './src/index.ts';

// The curriculum's own settings live in content/curriculum.yaml; this file only wires the engine.
export default defineConfig({
	integrations: [currents()],
});
