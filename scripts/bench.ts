/**
 * `npm run bench -- [--modules 1000]`: builds a generated curriculum of the given size and reports
 * build time, peak memory, the size of module pages and of their sidebars, and what the safety
 * layers cost: the content check before the build, and the output scan after it. The sidebar lists
 * only the current track, so a page's size must not grow with the size of the curriculum. It also
 * measures every module page against its budgets (`scripts/lib/page-weight.ts`) and exits non-zero
 * when one is over.
 *
 * `npm run bench -- --adversarial`: times the content check on hostile files at the size limit,
 * the inputs that make Markdown readers slow down the most; each must take well under 2 s.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUDGETS, pageWeight } from './lib/page-weight.ts';

const { values } = parseArgs({
	options: { modules: { type: 'string', default: '1000' }, tracks: { type: 'string', default: '20' }, adversarial: { type: 'boolean', default: false } },
});
if (values.adversarial) {
	const { adversarialBench } = await import('./lib/adversarial.ts');
	adversarialBench();
	process.exit(0);
}
const count = Number(values.modules);
const trackCount = Number(values.tracks);
const root = resolve(import.meta.dirname, '..');
const work = join(root, 'tests', '.tmp', `bench-${count}`);
const content = join(work, 'content');
const outDir = join(work, 'dist');

// A curriculum of `count` modules in `trackCount` tracks, from the tea fixture's config.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(content, 'modules'), { recursive: true });
mkdirSync(join(content, 'tracks'), { recursive: true });
cpSync(join(root, 'tests', 'fixtures', 'valid-course', 'content', 'curriculum.yaml'), join(content, 'curriculum.yaml'));
const paragraph = 'Steep the leaves, taste, adjust the time, and write down what changed so the next pot is better. '.repeat(8);
const ids = Array.from({ length: count }, (_, i) => `module-${String(i).padStart(5, '0')}`);
for (const [i, id] of ids.entries()) {
	writeFileSync(
		join(content, 'modules', `${id}.mdx`),
		`---
title: Module ${i}
summary: A generated module for the benchmark.
version: 1.0.0
level: beginner
duration: 30
outcomes:
  - Do thing ${i}.
reviewed: 2026-11-01
changelog:
  - version: 1.0.0
    date: 2026-11-01
    kind: added
    summary: First release.
quiz:
  - question: Which is right?
    choices:
      - text: This one
        correct: true
        explanation: Because.
      - text: That one
        explanation: Because not.
---

## Part one

${paragraph}

<Aside type="tip">A tip.</Aside>

## Part two

${paragraph}
`
	);
}
for (let t = 0; t < trackCount; t++) {
	const members = ids.filter((_, i) => i % trackCount === t);
	writeFileSync(
		join(content, 'tracks', `track-${t}.yaml`),
		`title: Track ${t}\nsummary: Generated.\naudience: Benchmarks.\nmodules:\n${members.map((id) => `  - ${id}`).join('\n')}\ncertificate:\n  title: Track ${t}\n`
	);
}

process.env.CURRENTS_CONTENT = content;
process.env.CURRENTS_CACHE_DIR = join(work, 'cache');
process.env.CURRENTS_TODAY = '2026-11-23';
const { build } = await import('astro');
// The engine logs what its safety layers took; keep those lines and let the rest of the log pass.
const log: string[] = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
	log.push(String(chunk));
	return /\[(?:currents|WARN|ERROR)/.test(String(chunk)) ? write(chunk, ...rest) : true;
}) as typeof process.stdout.write;
const started = performance.now();
await build({ root, outDir, logLevel: 'info' });
const seconds = (performance.now() - started) / 1000;
process.stdout.write = write;
const msIn = (pattern: RegExp) => Number(pattern.exec(log.join(''))?.[1] ?? NaN);
const checkMs = msIn(/Checked the curriculum in (\d+) ms/);
const scanMs = msIn(/Scanned the built site for script in (\d+) ms/);
const share = (ms: number) => `${(ms / 1000).toFixed(1)} s (${((ms / 10 / seconds)).toFixed(1)}% of the build)`;

const pages = readdirSync(join(outDir, 'modules')).map((id) => join(outDir, 'modules', id, 'index.html'));
const sizes = pages.filter((page) => statSync(page, { throwIfNoEntry: false })).map((page) => statSync(page).size);
// The budgets of a module page, measured on every one: HTML, and JavaScript before search is opened.
const weights = readdirSync(join(outDir, 'modules')).map((id) => pageWeight(outDir, `modules/${id}/index.html`));
const heaviest = (key: 'html' | 'javaScript') => Math.max(...weights.map((weight) => weight[key]));
const verdict = (bytes: number, budget: number) => `${kb(bytes)} (budget ${kb(budget)}: ${bytes <= budget ? 'within' : 'OVER'})`;
const sample = readFileSync(pages[0]!, 'utf8');
const sidebarStart = sample.indexOf('id="starlight__sidebar"');
const sidebar = sample.indexOf('</nav>', sidebarStart) - sidebarStart;
const rss = process.resourceUsage().maxRSS / 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`
| measure | value |
| --- | --- |
| modules | ${count} in ${trackCount} tracks |
| build time | ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(1)} ms per module) |
| peak memory (RSS) | ${rss.toFixed(0)} MB |
| content check before the build | ${share(checkMs)} |
| output scan after the build | ${share(scanMs)} |
| module page, median | ${kb(sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]!)} |
| sidebar in a module page | ${kb(sidebar)} |
| module page HTML, largest | ${verdict(heaviest('html'), BUDGETS.moduleHtml)} |
| module page JavaScript before search, gzip, largest | ${verdict(heaviest('javaScript'), BUDGETS.moduleJavaScript)} |
`);
if (heaviest('html') > BUDGETS.moduleHtml || heaviest('javaScript') > BUDGETS.moduleJavaScript) process.exitCode = 1;
