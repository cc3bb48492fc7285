import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { leaveLastSteps, makeLastSteps } from '../src/lib/cache/last-steps.ts';
import { cartridgeCurriculum } from '../src/lib/cartridge/export.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { ROOT, TMP } from './utils.ts';

/**
 * The steps `npm run build` makes once Astro's process has exited (scripts/build.ts); the builds of
 * tests/incremental.test.ts show them succeed. Here: what happens when one of them cannot be made.
 */
describe('the last steps of a build', () => {
	const work = join(TMP, 'last-steps');
	const dist = join(work, 'dist');
	const steps = join(work, 'steps.json');
	const record = join(work, 'record.json');
	beforeEach(() => {
		rmSync(work, { recursive: true, force: true });
		mkdirSync(dist, { recursive: true });
	});

	it('fails with the reason when the cartridges cannot be made, and records no output for the next build to build into', async () => {
		// An output folder without the module pages the cartridges are made from.
		const curriculum = cartridgeCurriculum(loadCurriculum(join(ROOT, 'tests', 'fixtures', 'valid-course', 'content'), ROOT));
		leaveLastSteps(steps, { cartridges: { dist, curriculum }, record: { outDir: dist, file: record } });
		const lines: string[] = [];
		await expect(makeLastSteps(steps, (line) => lines.push(line))).rejects.toThrow(/The built page modules\/[\w-]+\/index\.html of the module "[\w-]+" is missing/);
		expect(lines).toEqual([]);
		expect(existsSync(record)).toBe(false);
		// The steps are read once: the file is gone, and a second call makes nothing.
		expect(existsSync(steps)).toBe(false);
		await expect(makeLastSteps(steps, (line) => lines.push(line))).resolves.toBeUndefined();
	});
});
