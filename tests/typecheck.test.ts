import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './utils.ts';

/**
 * `npm run typecheck` as one file of the suite: it runs beside the others instead of before them
 * all, when it kept one of the machine's two cores idle for its 20 seconds.
 */
describe('the code', () => {
	it('type-checks: the engine, its components, the scripts and the tests, with no error or warning', () => {
		const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'check'], {
			cwd: ROOT,
			encoding: 'utf8',
			// As package.json's typecheck script: the fixture is the content the components are checked against.
			env: { ...process.env, CURRENTS_CONTENT: 'tests/fixtures/valid-course/content', FORCE_COLOR: '0', NO_COLOR: '1' },
			maxBuffer: 16 * 1024 * 1024,
		});
		const output = result.stdout + result.stderr;
		expect(result.status, output).toBe(0);
		expect(output).toMatch(/- 0 errors\n- 0 warnings/);
	});
});
