import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratio, shown } from '../scripts/lib/bench/measure.ts';
import { CURRENTS_SEARCH, firstQueryBytes, STARLIGHT_SEARCH } from '../scripts/lib/bench/search.ts';
import { ROOT, TMP } from './utils.ts';

/**
 * A small run of `npm run bench` in CI: both sites build from the same generated pages and every
 * measure is reported. The targets themselves are measured at full size on demand, on an idle
 * machine, since timings on a shared CI machine say little.
 */
describe('npm run bench, small', () => {
	it('builds the same pages with Currents and with plain Starlight and reports every measure with its ratio', async () => {
		const json = join(TMP, 'bench-smoke.json');
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.ts'), '--modules', '12', '--json', json], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CURRENTS_SKIP_CARDS: '' } });
		expect(result.status, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).toContain('| build, warm |');
		const report = JSON.parse(readFileSync(json, 'utf8'));
		for (const side of [report.currents, report.starlight]) {
			for (const key of ['peakMb', 'dist', 'html', 'search']) expect(side[key], key).toBeGreaterThan(0);
			// What a module page loads, as it is on disk and as a CDN sends it: gzip makes scripts and styles smaller.
			for (const key of ['js', 'css']) {
				expect(side[key].gzip, key).toBeGreaterThan(0);
				expect(side[key].raw, key).toBeGreaterThan(side[key].gzip);
			}
		}
		expect(result.stdout).toMatch(/\| module page JavaScript, raw \/ gzip \| [\d.]+ KB \/ [\d.]+ KB \| [\d.]+ KB \/ [\d.]+ KB \|/);
		expect(report.currents.coldSeconds).toBeGreaterThan(0);
		expect(report.currents.warmSeconds).toBeGreaterThan(0);
		expect(report.starlight.seconds).toBeGreaterThan(0);
		// CPU time of the whole process tree, the build's child processes included: even a dozen pages are
		// seconds of work for the processor (Astro starting, Vite bundling), whatever else the machine is
		// doing; and a build cannot use more time than the machine's cores give it. (A share of the wall
		// time would not do as the lower bound: on a busy machine a build waits, and its CPU time stays.)
		expect(result.stdout).toContain('| CPU time (user + system), cold |');
		for (const [cpu, wall] of [
			[report.currents.coldCpuSeconds, report.currents.coldSeconds],
			[report.currents.warmCpuSeconds, report.currents.warmSeconds],
			[report.starlight.cpuSeconds, report.starlight.seconds],
		]) {
			expect(cpu).toBeGreaterThan(3);
			expect(cpu).toBeLessThan(wall * availableParallelism() + 1);
		}
		// Each run is kept beside the medians, so that their spread is in the record.
		expect(report.single).toEqual([
			{
				coldSeconds: report.currents.coldSeconds,
				warmSeconds: report.currents.warmSeconds,
				coldCpuSeconds: report.currents.coldCpuSeconds,
				peakMb: report.currents.peakMb,
				starlightSeconds: report.starlight.seconds,
				starlightCpuSeconds: report.starlight.cpuSeconds,
				starlightPeakMb: report.starlight.peakMb,
			},
		]);
		// A warm rebuild draws no share card again.
		expect(report.currents.cardsCold.rendered).toBeGreaterThanOrEqual(12);
		expect(report.currents.cardsWarm).toEqual({ rendered: 0, reused: report.currents.cardsCold.rendered });
		expect(Object.keys(report.ratios)).toEqual(['warmBuild', 'coldBuild', 'peakMemory', 'dist', 'moduleHtml']);
		for (const value of Object.values(report.ratios)) expect(value).toBeGreaterThan(0);
		// A first search, measured again on the same built sites, costs the same bytes: the figure is
		// the files Pagefind was asked for, not what the browser happened to report in time.
		const bench = join(TMP, 'bench-12');
		expect(await firstQueryBytes(join(bench, 'currents', 'dist'), report.page, CURRENTS_SEARCH)).toBe(report.currents.search);
		expect(await firstQueryBytes(join(bench, 'starlight', 'dist'), report.page, STARLIGHT_SEARCH)).toBe(report.starlight.search);
	}, 300_000);
});

describe('the bench\'s ratios', () => {
	it('hold a target on three decimals and never show a miss as met', () => {
		expect(ratio(243.5, 602.4)).toBe(0.404);
		expect(shown(ratio(243.5, 602.4), 0.4)).toBe('0.404');
		expect(shown(ratio(240.5, 602.4), 0.4)).toBe('0.4');
		expect(shown(ratio(57.9, 34.6), 1.2)).toBe('1.67');
		expect(shown(0.785)).toBe('0.79');
	});
});
