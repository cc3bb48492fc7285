/**
 * `npm run audit -- [--pages home,track,module,embed,verify] [--runs 3] [--out audit-reports] [--dist <dir>] [--content <dir>]`
 *
 * Measures the built site with Lighthouse as a reader's phone would see it (Lighthouse's mobile
 * settings) and holds it to the targets of issue 14: performance ≥ 98, accessibility, best practices
 * and SEO 100. It builds the curriculum (the flagship, or `--content <dir>`) unless `--dist` names a
 * built site, serves it as Netlify would (`scripts/lib/static-server.ts`), audits each page `--runs`
 * times in a fresh Chromium and takes the median of each category. It prints a table, saves every
 * Lighthouse report and a `summary.json` under `--out`, and exits non-zero naming each page and
 * category below its target with the audits that cost the points.
 *
 * `--pages` takes kinds of page (home, track, module, embed, verify) or site paths such as `/fi/`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Result } from 'lighthouse';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { selectPages } from './lib/audit-pages.ts';
import { formatFailures, formatTable, scorePage, TARGETS, type AuditSummary, type PageSummary } from './lib/audit-report.ts';
import { serveFolder } from './lib/static-server.ts';
import { BUILD_SCRIPT, productionEnv } from './lib/build-env.ts';
import { readArgs, wholeNumber } from './lib/args.ts';

const USAGE = 'Usage: npm run audit -- [--pages home,track,module,embed,verify] [--runs 3] [--out audit-reports] [--dist <dir>] [--content <dir>]';
const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string, status = 1): never {
	console.error(message);
	process.exit(status);
}

const { values } = readArgs(
	{
		pages: { type: 'string' },
		runs: { type: 'string', default: '3' },
		out: { type: 'string', default: 'audit-reports' },
		dist: { type: 'string' },
		content: { type: 'string' },
	},
	USAGE,
	{ positionals: false }
);
const runs = wholeNumber(values.runs, 'runs', USAGE);
const show = (path: string) => relative(process.cwd(), path) || '.';

// Build the site, unless a built one is given. Each content folder builds into its own folder and
// content cache outside the repository, so the audit neither replaces dist/ nor mixes caches.
let dist: string;
if (values.dist) {
	dist = resolve(values.dist);
	if (!existsSync(join(dist, 'index.html'))) fail(`${show(dist)} is not a built site: it has no index.html. Build it first (npm run build), or leave out --dist to let the audit build.`, 2);
} else {
	const content = contentDir(values.content);
	const work = join(tmpdir(), 'currents-audit', createHash('sha256').update(content).digest('hex').slice(0, 12));
	dist = join(work, 'dist');
	console.log(`Building ${show(content)} into ${dist} …`);
	rmSync(dist, { recursive: true, force: true });
	const build = spawnSync(process.execPath, [BUILD_SCRIPT, '--outDir', dist], {
		cwd: ROOT,
		env: productionEnv({ CURRENTS_CONTENT: content, CURRENTS_CACHE_DIR: process.env.CURRENTS_CACHE_DIR ?? join(work, 'cache') }),
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (build.status !== 0) fail(`The build failed, so nothing was audited:\n${(build.stdout + build.stderr).slice(-4000)}`);
}

// Pick the pages.
let pages;
try {
	pages = selectPages(dist, values.pages);
} catch (error) {
	fail(`${(error as Error).message}\n${USAGE}`, 2);
}

// Clear the reports of an earlier audit, so the folder holds only this one's.
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) {
	if (name === 'summary.json' || /-run\d+\.json$/.test(name)) rmSync(join(out, name));
}

// Audit each page `runs` times, one page after another, in a fresh browser each time. Lighthouse
// is loaded only now, so a mistyped option is answered at once.
const { runLighthouse } = await import('./lib/audit-lighthouse.ts');
const server = await serveFolder(dist);
const summaries: PageSummary[] = [];
let meta: Pick<AuditSummary, 'lighthouse' | 'formFactor'> = { lighthouse: '', formFactor: '' };
// Lighthouse simulates a slow phone from the time each task took here, so a busy machine lowers
// performance scores: the load before each run is kept to tell a slow page from a busy moment.
const loads: number[] = [];
try {
	for (const page of pages) {
		const results: Result[] = [];
		const reports: string[] = [];
		for (let run = 1; run <= runs; run++) {
			process.stdout.write(`Auditing ${page.name} (${page.path}), run ${run} of ${runs} … `);
			loads.push(Math.round(loadavg()[0]! * 100) / 100);
			const started = performance.now();
			const lhr = await runLighthouse(server.url(page.path));
			const file = `${page.name}-run${run}.json`;
			writeFileSync(join(out, file), JSON.stringify(lhr, null, '\t'));
			results.push(lhr);
			reports.push(file);
			meta = { lighthouse: lhr.lighthouseVersion, formFactor: lhr.configSettings.formFactor };
			console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
		}
		summaries.push({ ...page, url: server.url(page.path), reports, scores: scorePage(results) });
	}
} catch (error) {
	await server.close();
	fail(`The audit stopped: ${(error as Error).message}`);
}
await server.close();

// Report: the table, the summary file, and what missed its target.
const summary: AuditSummary = {
	date: new Date().toISOString(),
	site: dist,
	runs,
	...meta,
	machine: { cpus: cpus().length, loadAverages: loads },
	targets: TARGETS,
	passed: summaries.every((page) => Object.values(page.scores).every((score) => score.passed)),
	pages: summaries,
};
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, '\t')}\n`);
console.log(`\nLighthouse ${meta.lighthouse}, ${meta.formFactor} settings, median of ${runs} run${runs === 1 ? '' : 's'} (each run in brackets):\n\n${formatTable(summaries)}\n`);
console.log(`Reports and summary.json in ${show(out)}.`);
const busiest = Math.max(...loads);
if (busiest > cpus().length) {
	console.warn(`The machine was busy during the audit (load average up to ${busiest} on ${cpus().length} cores), which lowers performance scores: audit performance again on an idle machine before acting on it.`);
}
if (!summary.passed) {
	console.error(`\nBelow target:\n${formatFailures(summaries)}`);
	process.exitCode = 1;
}
