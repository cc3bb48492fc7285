import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './utils.ts';

/**
 * `npm run typecheck` as one file of the suite: it runs beside the others instead of before them
 * all, when it kept one of the machine's two cores idle for its 20 seconds.
 */
describe('the code', () => {
	it('type-checks: the engine, its components, the scripts and the tests, with no error or warning', () => {
		// package.json's typecheck script itself, which names the content the components are checked against.
		const result = spawnSync('npm', ['run', '--silent', 'typecheck'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
			maxBuffer: 16 * 1024 * 1024,
		});
		const output = result.stdout + result.stderr;
		expect(result.status, output).toBe(0);
		expect(output).toMatch(/- 0 errors\n- 0 warnings/);
	});
});
