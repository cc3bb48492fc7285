import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ROOT, TMP, TODAY } from './utils.ts';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Polls until `check` holds, for the dev server's rebuild after a file changes. */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, seconds = 90): Promise<T> {
	const until = Date.now() + seconds * 1000;
	let value = await probe();
	while (!check(value) && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 300));
		value = await probe();
	}
	return value;
}

/** The dev server on a copy of the tea fixture with one invalid and one unsafe module. */
describe('the dev server with content errors', () => {
	let server: ChildProcess;
	let output = '';
	let base = '';
	let content = '';
	const status = (path: string) => fetch(`${base}${path}`).then((response) => response.status, () => 0);
	const edit = (path: string, change: (text: string) => string) => writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));

	beforeAll(async () => {
		content = copyFixture('valid-course');
		edit('modules/serving.mdx', (text) => text.replace(/^summary: .*\n/m, ''));
		edit('modules/water-temperature.mdx', (text) => `${text}\nexport const pwned = 1\n`);
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: ROOT,
			// Not the test runner's environment: NODE_ENV=test and Vitest's variables change how Vite serves.
			env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', CURRENTS_CONTENT: content, CURRENTS_CACHE_DIR: join(TMP, `cache-dev-${port}`), CURRENTS_TODAY: TODAY, NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		server.stdout?.on('data', (chunk) => (output += String(chunk)));
		server.stderr?.on('data', (chunk) => (output += String(chunk)));
		// The first requests can come before the content store is filled; wait for a module page.
		await eventually(() => status('/modules/brewing-basics/'), (code) => code === 200, 90);
	});

	afterAll(() => {
		server?.kill();
	});

	it('starts anyway, and serves every page without a problem', async () => {
		expect(await status('/')).toBe(200);
		expect(await status('/modules/brewing-basics/')).toBe(200);
		expect(await status('/tracks/tea-foundations/')).toBe(200);
		expect(output).toContain('modules/serving.mdx:2:1  error  The required field `summary` is missing from the module frontmatter.');
	});

	it("shows each broken page's own findings, as npm run check words them, and compiles no unsafe file", async () => {
		expect(await status('/modules/serving/')).toBe(500);
		expect(output).toMatch(/serving\.mdx has problems, so its page cannot be shown\.\s+\S*serving\.mdx:2:1 {2}error {2}The required field `summary` is missing/);
		expect(await status('/modules/water-temperature/')).toBe(500);
		expect(output).toMatch(/water-temperature\.mdx was not compiled: it is not safe content\.\s+\S*water-temperature\.mdx:\d+:1 {2}error {2}The export statement/);
	});
});
