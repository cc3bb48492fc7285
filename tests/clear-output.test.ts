import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moveOutputAside } from '../src/lib/cache/clear-output.ts';
import { TMP } from './utils.ts';

mkdirSync(TMP, { recursive: true });
const WORK = mkdtempSync(join(TMP, 'clear-output-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('emptying the output folder before a build', () => {
	it('leaves the folder empty at once, and removes the last build, and what an interrupted build left, only when asked', async () => {
		const out = join(WORK, 'dist');
		for (let i = 0; i < 50; i++) {
			mkdirSync(join(out, 'modules', `m${i}`), { recursive: true });
			writeFileSync(join(out, 'modules', `m${i}`, 'index.html'), '<p>An old page</p>');
		}
		writeFileSync(join(out, 'index.html'), '<p>Home</p>');
		// What a build stopped halfway would have left beside the output.
		mkdirSync(join(WORK, '.dist-removing-abc123', 'modules'), { recursive: true });
		const remove = moveOutputAside(out);
		expect(readdirSync(out)).toEqual([]);
		// Until the build has written its pages, the old output waits beside the folder, however long that takes.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const aside = readdirSync(WORK).filter((name) => name.startsWith('.dist-removing-'));
		expect(aside).toHaveLength(2);
		expect(aside.flatMap((name) => readdirSync(join(WORK, name)))).toEqual(expect.arrayContaining(['index.html', 'modules']));
		await remove();
		expect(readdirSync(WORK)).toEqual(['dist']);
	});

	it('does nothing where there is no output yet', async () => {
		await moveOutputAside(join(WORK, 'none'))();
		expect(existsSync(join(WORK, 'none'))).toBe(false);
	});
});
