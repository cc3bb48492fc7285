/**
 * Measures a build the way a machine experiences it: wall time, CPU time, and the peak memory of the
 * whole process tree (the build and everything it starts, such as Pagefind), sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { productionEnv } from '../build-env.ts';

export interface BuildRun {
	seconds: number;
	/** User and system CPU time of the build and every process it started, in seconds. */
	cpuSeconds: number;
	peakMb: number;
	log: string;
	status: number | null;
}

/** Linux gives CPU times in /proc in ticks of USER_HZ, a hundredth of a second on every platform it runs on. */
const TICKS_PER_SECOND = 100;

/**
 * A process tree as /proc shows it now (Linux): the resident memory of a process and all its
 * descendants, in kB, and the CPU time they have used, in ticks. A process's time includes that of
 * the children it has already waited for, so processes that have ended are counted once, by their parent.
 *
 * A child that still runs its parent's program (same command line) is a copy made by fork(), about
 * to start a program of its own, as Node starts every child process; its pages are its parent's,
 * shared until either writes to them, so its memory is not added again. Starting Pagefind from a
 * build's process of 1.6 GB, such a copy was seen holding 620 to 640 MB, and a sample that fell in
 * that moment raised a build's peak by as much.
 */
export function treeSample(pid: number): { rssKb: number; cpuTicks: number } {
	const children = new Map<number, number[]>();
	const stats = new Map<number, string[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The fields after the command name, which may hold spaces and brackets: state, parent, …
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const parent = Number(fields[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
			stats.set(Number(name), fields);
		} catch {
			// The process ended while the table was read.
		}
	}
	let rssKb = 0;
	let cpuTicks = 0;
	const queue = [pid];
	for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
		const fields = stats.get(next);
		if (fields) {
			const parent = Number(fields[1]);
			const forkCopy = next !== pid && commandLine(next) === commandLine(parent);
			if (!forkCopy) rssKb += (Number(fields[21]) * 4096) / 1024;
			// utime, stime, cutime, cstime: fields 14 to 17 of stat(5).
			cpuTicks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
		}
		queue.push(...(children.get(next) ?? []));
	}
	return { rssKb, cpuTicks };
}

/** A process's command line, or undefined once it has ended. */
function commandLine(pid: number): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
	} catch {
		return undefined;
	}
}

/**
 * Runs a build and measures it. Memory and CPU time are sampled every 100 ms, so the CPU time misses
 * at most the build's last tenth of a second.
 */
export function timedBuild(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<BuildRun> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: productionEnv({ FORCE_COLOR: '0', ...options.env }) });
		let log = '';
		let peak = 0;
		let ticks = 0;
		child.stdout.on('data', (chunk) => (log += chunk));
		child.stderr.on('data', (chunk) => (log += chunk));
		const sampler = setInterval(() => {
			const sample = treeSample(child.pid!);
			peak = Math.max(peak, sample.rssKb);
			ticks = Math.max(ticks, sample.cpuTicks);
		}, 100);
		child.on('close', (status) => {
			clearInterval(sampler);
			resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: ticks / TICKS_PER_SECOND, peakMb: peak / 1024, log, status });
		});
	});
}

export function folderBytes(dir: string): number {
	let total = 0;
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const stat = statSync(join(dir, name));
		if (stat.isFile()) total += stat.size;
	}
	return total;
}

/** The stylesheets a page links, raw and gzipped. */
export function cssBytes(outDir: string, page: string): { raw: number; gzip: number } {
	// What a `<noscript>` holds is not read by a browser that runs scripts, so its stylesheet is not loaded.
	const html = readFileSync(join(outDir, page), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
	let raw = 0;
	let gzip = 0;
	for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="(\/[^"]+)"/g)) {
		const css = readFileSync(join(outDir, match[1]!));
		raw += css.length;
		gzip += gzipSync(css, { level: 9 }).length;
	}
	for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
		raw += Buffer.byteLength(match[1]!);
		gzip += gzipSync(match[1]!, { level: 9 }).length;
	}
	return { raw, gzip };
}

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

/** Currents' figure over plain Starlight's, to three decimals: the targets are held on this. */
export const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;

/**
 * A ratio as the bench's table shows it: to two decimals, unless that would hide a miss of `target`
 * (243.5 MB against 602.4 MB is 0.404×, over a 0.4× target, though it rounds to 0.40).
 */
export function shown(value: number, target?: number): string {
	const two = Math.round(value * 100) / 100;
	return target !== undefined && two <= target && value > target ? value.toFixed(3) : String(two);
}
