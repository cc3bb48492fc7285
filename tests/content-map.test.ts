import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentMapPlugin, holdContentMap, type ContentMaps } from '../src/lib/cache/content-map.ts';
import { TMP } from './utils.ts';

/** A project's `.astro/` folder, as Astro's content sync leaves it. */
function dotAstro(): string {
	mkdirSync(TMP, { recursive: true });
	const dir = join(mkdtempSync(join(TMP, 'content-map-')), '.astro');
	mkdirSync(dir);
	writeFileSync(join(dir, 'content-modules.mjs'), 'export default new Map([["other.mdx", () => import("other")]]);');
	return dir;
}
const LOCK = 'currents-sync.lock';

describe("a build's content map", () => {
	it('is written afresh by each sync, and the bundler loads the copy kept after it, by file or by virtual id', async () => {
		const dir = dotAstro();
		const kept: ContentMaps = new Map();
		const lock = await holdContentMap(dir, kept);
		// What another build's sync left is gone, so that this build's sync writes its own.
		expect(existsSync(join(dir, 'content-modules.mjs'))).toBe(false);
		writeFileSync(join(dir, 'content-modules.mjs'), 'export default new Map([["mine.mdx", () => import("mine")]]);');
		lock.keep();
		expect(existsSync(join(dir, LOCK))).toBe(false);
		// Replaced on disk since: the bundler still gets this build's list.
		writeFileSync(join(dir, 'content-modules.mjs'), 'export default new Map();');
		const { handler: load } = contentMapPlugin(kept).load as unknown as { handler: (id: string) => { code: string } | null };
		expect(load(join(dir, 'content-modules.mjs'))?.code).toContain('mine.mdx');
		expect(load('\0astro:content-module-imports')?.code).toContain('mine.mdx');
		// A map this build's sync did not write is Astro's to load.
		expect(load(join(dir, 'content-assets.mjs'))).toBeNull();
	});

	it('takes over the lock of a build that ended without letting it go', async () => {
		const dir = dotAstro();
		const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
		mkdirSync(join(dir, LOCK));
		writeFileSync(join(dir, LOCK, 'pid'), ended.stdout);
		const lock = await holdContentMap(dir, new Map(), { timeoutMs: 5_000 });
		expect(readFileSync(join(dir, LOCK, 'pid'), 'utf8')).toBe(String(process.pid));
		lock.release();
		expect(existsSync(join(dir, LOCK))).toBe(false);
	});

	it('waits for a live build, says so, and gives up after the timeout naming the folder to remove', async () => {
		const dir = dotAstro();
		const first = await holdContentMap(dir, new Map());
		const waited: number[] = [];
		await expect(holdContentMap(dir, new Map(), { timeoutMs: 300, onWait: (pid) => waited.push(pid) })).rejects.toThrow(
			`Another build of this project (process ${process.pid}) has been syncing its content for 0.3 seconds. If no other build is running, remove ${join(dir, LOCK)} and build again.`
		);
		expect(waited).toEqual([process.pid]);
		// The first build's lock is untouched, and the second build gets it once the first lets go.
		const second = holdContentMap(dir, new Map(), { timeoutMs: 5_000 });
		first.release();
		(await second).release();
		expect(existsSync(join(dir, LOCK))).toBe(false);
	});
});
