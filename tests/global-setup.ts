import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, TMP } from './utils.ts';

/**
 * Scratch folders the tests make with `mkdtemp` under tests/.tmp (a fixture copy, a throwaway
 * repository) end in six random letters and digits; they are removed when the run ends, and any left
 * by a run that was stopped are removed when the next one starts. Builds and caches kept between runs
 * on purpose (`dist-valid-course`, `cache-browser-budget`, `bench-12`) end in lowercase words and stay;
 * the rare random suffix of lowercase letters only is left for a later run. The record of which
 * shared builds this run made (`sharedBuild`) goes too, so that the next run builds them afresh.
 */
const SCRATCH = /-(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6}$/;

function removeScratch(): void {
	rmSync(SHARED, { recursive: true, force: true });
	let names: string[];
	try {
		names = readdirSync(TMP);
	} catch {
		return;
	}
	for (const name of names) if (SCRATCH.test(name)) rmSync(join(TMP, name), { recursive: true, force: true });
}

export default function setup(): () => void {
	removeScratch();
	return removeScratch;
}
