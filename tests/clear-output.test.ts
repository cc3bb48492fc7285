import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearOutputInBackground } from '../src/lib/cache/clear-output.ts';
import { TMP } from './utils.ts';

mkdirSync(TMP, { recursive: true });
const WORK = mkdtempSync(join(TMP, 'clear-output-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('emptying the output folder before a build', () => {
	it('leaves the folder empty at once and removes the last build, and what an interrupted build left, by the time it settles', async () => {
		const out = join(WORK, 'dist');
		for (let i = 0; i < 50; i++) {
			mkdirSync(join(out, 'modules', `m${i}`), { recursive: true });
			writeFileSync(join(out, 'modules', `m${i}`, 'index.html'), '<p>An old page</p>');
		}
		writeFileSync(join(out, 'index.html'), '<p>Home</p>');
		// What a build stopped halfway would have left beside the output.
		mkdirSync(join(WORK, '.dist-removing-abc123', 'modules'), { recursive: true });
		const clearing = clearOutputInBackground(out);
		expect(readdirSync(out)).toEqual([]);
		await clearing;
		expect(readdirSync(WORK)).toEqual(['dist']);
	});

	it('does nothing where there is no output yet', async () => {
		await clearOutputInBackground(join(WORK, 'none'));
		expect(existsSync(join(WORK, 'none'))).toBe(false);
	});
});
