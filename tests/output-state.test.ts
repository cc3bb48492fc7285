import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneOutput, recordOutput, startOutput, stateFile } from '../src/lib/cache/output-state.ts';
import { TMP } from './utils.ts';

mkdirSync(TMP, { recursive: true });
const WORK = mkdtempSync(join(TMP, 'output-state-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** An output folder as a build leaves it, with a Git repository some sites deploy from. */
function output(name: string): { out: string; cache: string } {
	const out = join(WORK, name, 'dist');
	const cache = join(WORK, name, 'cache');
	const files: [string, string][] = [
		['index.html', '<p>Home</p>'],
		['modules/kept/index.html', '<p>Reused</p>'],
		['modules/gone/index.html', '<p>Removed since</p>'],
		['cards/modules/gone.png', 'png'],
		['.git/HEAD', 'ref: refs/heads/main'],
	];
	for (const [file, text] of files) {
		mkdirSync(join(out, file, '..'), { recursive: true });
		writeFileSync(join(out, file), text);
	}
	mkdirSync(cache, { recursive: true });
	return { out, cache };
}

/** Astro's record of a last build, from which it may reuse pages. */
const astroRecord = (cache: string) => writeFileSync(join(cache, 'incremental-build.json'), '{}');

describe('building into the last output', () => {
	it('removes what the last build left and this one did not write again, but not the pages Astro reused, nor a Git folder', async () => {
		const { out, cache } = output('prune');
		astroRecord(cache);
		recordOutput(out, stateFile(cache));
		const start = startOutput(out, cache);
		expect(start.inPlace).toBe(true);
		expect([...start.left.keys()]).not.toContain('.git/HEAD');
		// This build writes the home page again and leaves one module page as Astro reused it.
		writeFileSync(join(out, 'index.html'), '<p>Home, again</p>');
		const removed = pruneOutput(out, start.left, new Set(['modules/kept/index.html']));
		expect(removed).toBe(2);
		expect(existsSync(join(out, 'modules', 'gone'))).toBe(false);
		expect(existsSync(join(out, 'cards'))).toBe(false);
		expect(readdirSync(out).sort()).toEqual(['.git', 'index.html', 'modules']);
		expect(existsSync(join(out, 'modules', 'kept', 'index.html'))).toBe(true);
		await start.removeLast();
	});

	it('starts from an emptied folder unless the output is what the last build recorded, and keeps a Git folder either way', async () => {
		// No record of a last build at Astro's: it renders every page, and the output is moved aside.
		const fresh = output('fresh');
		const first = startOutput(fresh.out, fresh.cache);
		expect(first.inPlace).toBe(false);
		expect(readdirSync(fresh.out)).toEqual(['.git']);
		await first.removeLast();
		expect(readdirSync(join(fresh.out, '..')).sort()).toEqual(['cache', 'dist']);

		// A record, and a file changed since it: the output cannot be trusted.
		const changed = output('changed');
		astroRecord(changed.cache);
		recordOutput(changed.out, stateFile(changed.cache));
		writeFileSync(join(changed.out, 'modules', 'kept', 'index.html'), '<p>Edited by hand, and longer</p>');
		expect(startOutput(changed.out, changed.cache).inPlace).toBe(false);
		expect(readdirSync(changed.out)).toEqual(['.git']);

		// A file added since the record is a change too; and a build that starts removes the record, so a
		// build stopped halfway is never taken for a good one.
		const added = output('added');
		astroRecord(added.cache);
		recordOutput(added.out, stateFile(added.cache));
		writeFileSync(join(added.out, 'extra.html'), '<p>Written by another tool</p>');
		expect(startOutput(added.out, added.cache).inPlace).toBe(false);
		expect(existsSync(stateFile(added.cache))).toBe(false);
	});
});
