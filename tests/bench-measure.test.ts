import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cssBytes, treeSample } from '../scripts/lib/bench/measure.ts';
import { TMP } from './utils.ts';

const started: { pid?: number }[] = [];
afterEach(() => {
	for (const child of started.splice(0)) {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
});

describe("the bench's memory of a process tree", () => {
	it("counts a child that is a fork of its parent, sharing its pages, once and not twice", async () => {
		// A shell that holds 200 MB, then forks a copy of itself that waits (a subshell), as Node's own
		// process is copied for a moment each time it starts a program such as Pagefind.
		const shell = spawn('bash', ['-c', 'printf -v held "%*s" 200000000 ""; (sleep 30; :) & echo ready; wait'], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
		started.push(shell);
		await once(shell.stdout, 'data');
		// The subshell has forked and started its sleep.
		await new Promise((resolve) => setTimeout(resolve, 300));
		const treeMb = treeSample(shell.pid!).rssKb / 1024;
		expect(treeMb).toBeGreaterThan(190);
		expect(treeMb).toBeLessThan(260);
	});
});

describe("the bench's CSS of a page", () => {
	it('counts the stylesheets and style elements a browser that runs scripts loads, not those of a <noscript>', () => {
		mkdirSync(TMP, { recursive: true });
		const dir = mkdtempSync(join(TMP, 'bench-css-'));
		mkdirSync(join(dir, '_astro'));
		writeFileSync(join(dir, '_astro', 'page.css'), 'a{color:red}');
		writeFileSync(join(dir, 'no-script.css'), 'b{color:blue}'.repeat(100));
		writeFileSync(join(dir, 'index.html'), '<head><noscript><link rel="stylesheet" href="/no-script.css"></noscript><link rel="stylesheet" href="/_astro/page.css"><style>i{x:y}</style></head>');
		expect(cssBytes(dir, 'index.html').raw).toBe('a{color:red}'.length + 'i{x:y}'.length);
	});
});
