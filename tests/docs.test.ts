import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_COMPONENTS } from '../src/lib/safety/components.ts';
import { ROOT } from './utils.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const docs = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', '.github/PULL_REQUEST_TEMPLATE.md'];

describe.each(docs)('%s', (doc) => {
	const text = readFileSync(join(ROOT, doc), 'utf8');

	it('names only npm scripts that exist', () => {
		const named = [...text.matchAll(/npm (?:run )?([a-z][a-z:-]*)/g)].map((match) => match[1]!);
		const builtIn = new Set(['install', 'ci', 'test', 'start']);
		const missing = named.filter((name) => !builtIn.has(name) && !(name in pkg.scripts));
		expect(missing).toEqual([]);
		expect(pkg.scripts.test).toBeDefined();
		expect(pkg.scripts.start).toBeDefined();
	});

	it('names only files and folders that exist', () => {
		const paths = [...text.matchAll(/`((?:content|src|scripts|tests|\.github|\.ci)\/[^`<>*\s]*|[A-Za-z.-]+\.(?:md|json|toml|mjs))`/g)]
			.map((match) => match[1]!)
			.filter((path) => !path.includes('<'));
		expect(paths.length).toBeGreaterThan(0);
		const missing = paths.filter((path) => !existsSync(join(ROOT, path.replace(/\/$/, ''))));
		expect(missing).toEqual([]);
	});
});

describe("CONTRIBUTING's component table", () => {
	it('lists every component a module may use, with every prop the check accepts', () => {
		const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
		const rows = new Map([...text.matchAll(/^\| `<(\w+)>` \| ((?:[^|\\]|\\.)*) \|/gm)].map((match) => [match[1]!, match[2]!]));
		expect([...rows.keys()].sort()).toEqual(Object.keys(CONTENT_COMPONENTS).sort());
		for (const [name, spec] of Object.entries(CONTENT_COMPONENTS)) {
			for (const prop of Object.keys(spec.props)) expect(rows.get(name), `${name} ${prop}`).toContain(`\`${prop}`);
		}
	});
});

describe('README quick start', () => {
	it('is two commands: one builds and serves the curriculum, one runs the tests', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		const commands = block.trim().split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
		expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
		expect(pkg.scripts.start).toBe('npm run build && astro preview');
		expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci[^\n]*\nnpm test\n/);
	});
});
