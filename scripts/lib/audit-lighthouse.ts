/**
 * One Lighthouse run: a fresh headless Chromium (Debian's, never a downloaded one) with a throwaway
 * profile, driven by the `lighthouse` npm package with its default, mobile settings.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import { CATEGORIES } from './audit-report.ts';

/** Debian's package; test tools' own browser downloads do not work on these machines. */
export const CHROMIUM = process.env.CURRENTS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
	'--no-sandbox',
	'--headless=new',
	'--disable-background-networking',
	'--disable-component-update',
	// As Lighthouse's own launcher does: nothing else running in the browser that could take the CPU.
	'--disable-dev-shm-usage',
	'--disable-extensions',
	'--disable-default-apps',
	'--disable-sync',
	'--disable-domain-reliability',
	'--disable-client-side-phishing-detection',
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows',
	'--no-first-run',
	'--no-default-browser-check',
	'--mute-audio',
	'--password-store=basic',
	'--use-mock-keychain',
];

export interface Browser {
	port: number;
	/** The run's throwaway profile, removed with everything else of the run by `close`. */
	profile: string;
	close: () => Promise<void>;
}

/**
 * Removes a folder of a run's browser (its profile, its singleton socket's folder). Chromium's helper
 * processes may still write into the profile for a moment after the browser has exited, and a removal
 * that lists a folder just before a file lands in it fails with ENOTEMPTY (it stopped an audit after
 * eight of fifteen runs), so it is tried again; a folder that still cannot be removed is left in the
 * temporary folder rather than end the audit.
 */
function removeFolder(folder: string, what: string): void {
	try {
		rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
	} catch (error) {
		console.warn(`Could not remove ${what} ${folder} (${error instanceof Error ? error.message : String(error)}); it is left in the temporary folder.`);
	}
}

/**
 * The folder of Chromium's singleton socket, which it makes in the system's temporary folder and links
 * from the profile (`SingletonSocket`). Chromium removes it when it shuts down by itself, but not when
 * it is stopped by a signal, as a run's browser is: every audit left one folder a run in `/tmp`.
 */
function singletonFolder(profile: string): string | undefined {
	try {
		const folder = dirname(readlinkSync(join(profile, 'SingletonSocket')));
		return basename(folder).startsWith('org.chromium.') ? folder : undefined;
	} catch {
		return undefined;
	}
}

/** Starts Chromium with a debugging port and resolves once it listens. */
export async function launchChromium(executable = CHROMIUM): Promise<Browser> {
	if (!existsSync(executable)) {
		throw new Error(`The audit needs Chromium at ${executable}. Install it (Debian: apt-get install -y chromium) or set CURRENTS_CHROMIUM to its path.`);
	}
	const profile = mkdtempSync(join(tmpdir(), 'currents-audit-chromium-'));
	const child = spawn(executable, [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const close = async () => {
		// Read before the browser goes: the link is in the profile.
		const singleton = singletonFolder(profile);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		if (singleton) removeFolder(singleton, "the browser's singleton socket folder");
		removeFolder(profile, 'the browser profile');
	};
	const port = await new Promise<number>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not open its debugging port within 30 s:\n${output}`)), 30_000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			output += chunk;
			const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Chromium exited (${code}) before it opened its debugging port:\n${output}`));
		});
	}).catch(async (error: unknown) => {
		await close();
		throw error;
	});
	return { port, profile, close };
}

/** Audits one URL in a fresh browser and returns Lighthouse's result (the JSON report). */
export async function runLighthouse(url: string): Promise<Result> {
	const browser = await launchChromium();
	try {
		const result = await lighthouse(url, { port: browser.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
		if (!result) throw new Error(`Lighthouse returned no result for ${url}.`);
		if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
		return result.lhr;
	} finally {
		await browser.close();
	}
}
