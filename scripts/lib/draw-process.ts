/**
 * Drawing in a script's own process as fast as the build's card processes draw. resvg allocates with
 * mimalloc, which reads its settings from the environment once, when resvg's library loads, so they
 * cannot be changed from inside a process that has started (src/lib/cards/allocator.ts).
 */
import { spawnSync } from 'node:child_process';
import { drawingEnv, isDrawingEnv } from '../../src/lib/cards/allocator.ts';

/**
 * When this process did not start with the drawing settings, runs the same script again, with the
 * same arguments, in a process that has them, and ends as that process ends; otherwise returns. Call
 * it before the script prints or writes anything, as the second process does it all again. Should
 * the second process fail to start, the script goes on in this one, drawing more slowly.
 */
export function drawInDrawingProcess(): void {
	if (isDrawingEnv(process.env)) return;
	const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: drawingEnv(process.env) });
	if (again.error) return;
	if (again.signal) process.kill(process.pid, again.signal);
	process.exit(again.status ?? 1);
}
