/**
 * `npm run bench -- [--modules 1000] [--runs 1] [--json <file>]`: generates a curriculum of that many
 * realistic modules (about 1,200 words with headings, a list, a table, a code block and a knowledge
 * check; tracks of 25 modules) and builds it twice in the same run: with Currents, and as a plain
 * Starlight site of the same pages with Starlight's default settings. For each it records build wall
 * time, peak memory of the whole process tree, the size of `dist/`, the HTML of a typical module
 * page, the JavaScript and CSS that page loads (raw and gzip), and the Pagefind bytes of a first search; for
 * Currents also a warm rebuild and how many share cards each build drew. It prints a table with
 * the ratios Currents / Starlight, writes them as JSON, holds every module page to its budgets
 * (`scripts/lib/page-weight.ts`) and exits non-zero when one is over.
 *
 * `npm run bench -- --modules 5000 --currents-only`: the Currents builds alone, for sizes where
 * the question is whether it completes and how its memory grows, not plain Starlight's time.
 *
 * `npm run bench -- --adversarial`: times the content check on hostile files at the size limit,
 * the inputs that make Markdown readers slow down the most; each must take well under 2 s.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './lib/bench/generate.ts';
import { cssBytes, folderBytes, median, ratio, shown, timedBuild, type BuildRun } from './lib/bench/measure.ts';
import { CURRENTS_SEARCH, firstQueryBytes, STARLIGHT_SEARCH } from './lib/bench/search.ts';
import { BUDGETS, pageWeight } from './lib/page-weight.ts';
import { readArgs, wholeNumber } from './lib/args.ts';
import { ASTRO_CLI, BUILD_SCRIPT } from './lib/build-env.ts';

const USAGE = 'Usage: npm run bench -- [--modules 1000] [--runs 1] [--json <file>] [--currents-only] | --adversarial';
const { values } = readArgs(
	{
		modules: { type: 'string', default: '1000' },
		runs: { type: 'string', default: '1' },
		json: { type: 'string' },
		adversarial: { type: 'boolean', default: false },
		'currents-only': { type: 'boolean', default: false },
	},
	USAGE,
	{ positionals: false }
);
if (values.adversarial) {
	const { adversarialBench } = await import('./lib/adversarial.ts');
	adversarialBench();
	process.exit(0);
}
const count = wholeNumber(values.modules, 'modules', USAGE);
// Currents alone, for sizes where plain Starlight's build (every page listing every page) is not the question.
const currentsOnly = values['currents-only'];
const runs = wholeNumber(values.runs, 'runs', USAGE);
const root = resolve(import.meta.dirname, '..');
const work = join(root, 'tests', '.tmp', `bench-${count}`);
// Currents is built as `npm run build` builds it (BUILD_SCRIPT); plain Starlight with Astro's own command.
const generated = generate(work, root, count);
const currentsOut = join(work, 'currents', 'dist');
const starlightOut = join(work, 'starlight', 'dist');
const cache = join(work, 'currents', 'cache');
console.log(`Generated ${count} modules in ${Math.ceil(count / 25)} tracks under ${work}.`);

const cards = (run: BuildRun) => {
	const match = /Share cards: rendered (\d+), reused (\d+)/.exec(run.log);
	return match ? { rendered: Number(match[1]), reused: Number(match[2]) } : null;
};
const fail = (name: string, run: BuildRun) => {
	console.error(`The ${name} build failed:\n${run.log.slice(-4000)}`);
	process.exit(1);
};

// Cold builds alternate with plain Starlight's, so a slower moment of the machine does not favour one side.
const cold: BuildRun[] = [];
const warm: BuildRun[] = [];
const plain: BuildRun[] = [];
for (let run = 0; run < runs; run++) {
	rmSync(cache, { recursive: true, force: true });
	rmSync(join(work, 'starlight', 'node_modules', '.astro'), { recursive: true, force: true });
	const env = { CURRENTS_CONTENT: generated.currents, CURRENTS_CACHE_DIR: cache, CURRENTS_TODAY: '2026-11-23' };
	const c = await timedBuild(process.execPath, [BUILD_SCRIPT, '--outDir', currentsOut], { cwd: root, env });
	if (c.status !== 0) fail('Currents', c);
	cold.push(c);
	if (!currentsOnly) {
		const s = await timedBuild(process.execPath, [ASTRO_CLI, 'build'], { cwd: join(work, 'starlight'), env: {} });
		if (s.status !== 0) fail('plain Starlight', s);
		plain.push(s);
	}
	const w = await timedBuild(process.execPath, [BUILD_SCRIPT, '--outDir', currentsOut], { cwd: root, env });
	if (w.status !== 0) fail('Currents (warm)', w);
	warm.push(w);
}

const page = `modules/${generated.ids[Math.floor(count / 2)]}/index.html`;
const side = async (outDir: string, search: typeof CURRENTS_SEARCH) => {
	const weight = pageWeight(outDir, page);
	return {
		dist: folderBytes(outDir),
		html: weight.html,
		js: { raw: weight.javaScriptRaw, gzip: weight.javaScript },
		css: cssBytes(outDir, page),
		search: await firstQueryBytes(outDir, page, search),
	};
};
const ours = await side(currentsOut, CURRENTS_SEARCH);
const seconds = (list: BuildRun[]) => median(list.map((r) => r.seconds));
const memory = (list: BuildRun[]) => median(list.map((r) => r.peakMb));
const cpu = (list: BuildRun[]) => median(list.map((r) => r.cpuSeconds));
/** Each run's times and peaks, in the order run, so that the spread behind a median is in the record. */
const single = cold.map((run, i) => ({
	coldSeconds: run.seconds,
	warmSeconds: warm[i]!.seconds,
	coldCpuSeconds: run.cpuSeconds,
	peakMb: run.peakMb,
	...(plain[i] ? { starlightSeconds: plain[i].seconds, starlightCpuSeconds: plain[i].cpuSeconds, starlightPeakMb: plain[i].peakMb } : {}),
}));
const spread = () => {
	if (runs < 2) return '';
	const one = (run: (typeof single)[number]) => [run.coldSeconds, run.warmSeconds, run.starlightSeconds].filter((s) => s !== undefined).map((s) => s.toFixed(1)).join(' / ');
	return `Single runs, in seconds (cold / warm${currentsOnly ? '' : ' / plain Starlight'}): ${single.map(one).join(', ')}.`;
};
const kb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** A page's scripts or styles, as they are on disk and gzipped. */
const rawGzip = (bytes: { raw: number; gzip: number }) => `${kb(bytes.raw)} / ${kb(bytes.gzip)}`;
if (currentsOnly) {
	const alone = {
		modules: count,
		runs,
		single,
		currents: { coldSeconds: seconds(cold), warmSeconds: seconds(warm), coldCpuSeconds: cpu(cold), warmCpuSeconds: cpu(warm), peakMb: memory(cold), warmPeakMb: memory(warm), ...ours, cardsCold: cards(cold[0]!), cardsWarm: cards(warm[0]!) },
	};
	console.log(`
| N = ${count}, median of ${runs}, Currents alone | |
| --- | --- |
| build, warm | ${alone.currents.warmSeconds.toFixed(1)} s |
| build, cold (with share cards) | ${alone.currents.coldSeconds.toFixed(1)} s |
| CPU time (user + system), cold / warm | ${alone.currents.coldCpuSeconds.toFixed(1)} s / ${alone.currents.warmCpuSeconds.toFixed(1)} s |
| peak memory, process tree, cold / warm | ${alone.currents.peakMb.toFixed(0)} MB / ${alone.currents.warmPeakMb.toFixed(0)} MB |
| dist/ | ${mb(ours.dist)} |
| module page HTML | ${kb(ours.html)} |
| module page JavaScript, raw / gzip | ${rawGzip(ours.js)} |
| module page CSS, raw / gzip | ${rawGzip(ours.css)} |
| Pagefind bytes for a first search | ${kb(ours.search)} |
`);
	if (runs > 1) console.log(spread());
	if (values.json) writeFileSync(values.json, `${JSON.stringify(alone, null, '\t')}\n`);
	holdToBudgets();
	process.exit();
}
const theirs = await side(starlightOut, STARLIGHT_SEARCH);

const result = {
	modules: count,
	runs,
	// The module page every per-page measure was taken on.
	page,
	single,
	machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
	currents: { coldSeconds: seconds(cold), warmSeconds: seconds(warm), coldCpuSeconds: cpu(cold), warmCpuSeconds: cpu(warm), peakMb: memory(cold), ...ours, cardsCold: cards(cold[0]!), cardsWarm: cards(warm[0]!) },
	starlight: { seconds: seconds(plain), cpuSeconds: cpu(plain), peakMb: memory(plain), ...theirs },
	ratios: {
		warmBuild: ratio(seconds(warm), seconds(plain)),
		coldBuild: ratio(seconds(cold), seconds(plain)),
		peakMemory: ratio(memory(cold), memory(plain)),
		dist: ratio(ours.dist, theirs.dist),
		moduleHtml: ratio(ours.html, theirs.html),
	},
	targets: { warmBuild: 0.8, coldBuild: 1.2, peakMemory: 0.9, dist: 0.4, moduleHtml: 0.3 },
};

const mark = (name: keyof typeof result.ratios) => `${shown(result.ratios[name], result.targets[name])}× (target ≤ ${result.targets[name]}×${result.ratios[name] <= result.targets[name] ? '' : ', MISSED'})`;
console.log(`
| N = ${count}, median of ${runs} | Currents | plain Starlight | Currents / Starlight |
| --- | --- | --- | --- |
| build, warm | ${result.currents.warmSeconds.toFixed(1)} s | ${result.starlight.seconds.toFixed(1)} s | ${mark('warmBuild')} |
| build, cold (with share cards) | ${result.currents.coldSeconds.toFixed(1)} s | ${result.starlight.seconds.toFixed(1)} s | ${mark('coldBuild')} |
| CPU time (user + system), cold | ${result.currents.coldCpuSeconds.toFixed(1)} s | ${result.starlight.cpuSeconds.toFixed(1)} s | ${shown(ratio(result.currents.coldCpuSeconds, result.starlight.cpuSeconds))}× |
| peak memory, process tree | ${result.currents.peakMb.toFixed(0)} MB | ${result.starlight.peakMb.toFixed(0)} MB | ${mark('peakMemory')} |
| dist/ | ${mb(ours.dist)} | ${mb(theirs.dist)} | ${mark('dist')} |
| module page HTML | ${kb(ours.html)} | ${kb(theirs.html)} | ${mark('moduleHtml')} |
| module page JavaScript, raw / gzip | ${rawGzip(ours.js)} | ${rawGzip(theirs.js)} | ${shown(ratio(ours.js.gzip, theirs.js.gzip))}× gzip |
| module page CSS, raw / gzip | ${rawGzip(ours.css)} | ${rawGzip(theirs.css)} | ${shown(ratio(ours.css.gzip, theirs.css.gzip))}× gzip |
| Pagefind bytes for a first search | ${kb(ours.search)} | ${kb(theirs.search)} | ${ours.search && theirs.search ? `${shown(ratio(ours.search, theirs.search))}×` : 'n/a'} |
| share cards drawn, cold / warm | ${result.currents.cardsCold ? `${result.currents.cardsCold.rendered} / ${result.currents.cardsWarm?.rendered ?? 'n/a'}` : 'skipped'} | | |
`);
if (runs > 1) console.log(spread());
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, '\t')}\n`);

holdToBudgets();

/** The budgets of a module page, measured on every one: HTML, and JavaScript before search is opened; over one, the run fails. */
function holdToBudgets(): void {
	// Each module's folder; the folder's own index.html is the redirect of /modules/ to the list of tracks.
	const ids = readdirSync(join(currentsOut, 'modules'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
	const weights = ids.map((id) => pageWeight(currentsOut, `modules/${id}/index.html`));
	const heaviest = (key: 'html' | 'javaScript') => Math.max(...weights.map((weight) => weight[key]));
	const overBudget = heaviest('html') > BUDGETS.moduleHtml || heaviest('javaScript') > BUDGETS.moduleJavaScript;
	console.log(`Module pages: largest HTML ${kb(heaviest('html'))} (budget ${kb(BUDGETS.moduleHtml)}), largest JavaScript before search ${kb(heaviest('javaScript'))} gzip (budget ${kb(BUDGETS.moduleJavaScript)}).`);
	if (overBudget) process.exitCode = 1;
}
