import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { generateIssuerKey, newIssuerYaml, writePrivateKey } from '../src/lib/credentials/keys.ts';
import { loadCurriculum, type Curriculum } from '../src/lib/curriculum/load.ts';
import { ASTRO_CLI, BUILD_SCRIPT, productionEnv } from '../scripts/lib/build-env.ts';
import { prepareTeaForBrowsers } from './browser/tea-for-browsers.ts';
import { prepareTeaBilingual } from './tea-bilingual.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');
/** Scratch space for builds and copies; ignored by git. */
export const TMP = join(ROOT, 'tests', '.tmp');
/** The date every test treats as today, so freshness rules do not drift with the calendar. */
export const TODAY = '2026-11-23';

/**
 * The newest date a curriculum records: a review, a release, a source's access or a platform change.
 * The flagship is checked and built as of this day rather than the calendar's, so work a contributor
 * dates today passes tomorrow too, and no review falls due just because time passed since a merge.
 */
export function newestDate(curriculum: Curriculum): string {
	const dates = [
		...[...curriculum.modules, ...curriculum.archives].flatMap((m) => [m.data.reviewed, ...m.data.changelog.map((c) => c.date), ...m.data.sources.map((s) => s.accessed)]),
		...curriculum.updates.flatMap((u) => [u.data.date, ...u.data.sources.map((s) => s.accessed)]),
	];
	return dates.reduce((newest, date) => (date > newest ? date : newest), '0000-01-01');
}

/**
 * A file of a specification in the repository's shared/ folder, which sits beside the checkout as CI
 * places it (`../shared/specs/<spec>/<path>`); an error says where it should be when it is missing.
 */
export function specFile(spec: string, path: string, what: string): string {
	const dir = join(ROOT, '..', 'shared', 'specs', spec);
	const file = join(dir, path);
	if (!existsSync(file)) throw new Error(`${what} is not at ${dir} (${path} is missing); the repository's shared/ folder should sit beside the checkout.`);
	return file;
}

export const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', name);
export const fixtureContent = (name: string) => join(fixture(name), 'content');

export interface RunResult {
	status: number | null;
	/** The signal that ended the command, if one did (`startBuild` only). */
	signal?: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	output: string;
}

/** Runs a project script (`scripts/<name>.ts`) with the same Node as the tests, as `npm run` would. */
export function runScript(name: string, args: string[], env: Record<string, string> = {}): RunResult {
	return run(process.execPath, [join(ROOT, 'scripts', `${name}.ts`), ...args], env);
}

function run(command: string, args: string[], env: Record<string, string>): RunResult {
	const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: runEnv(env), maxBuffer: 64 * 1024 * 1024 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/** Not the test runner's NODE_ENV=test and variables, under which Astro would build as in development. */
const runEnv = (env: Record<string, string>) => productionEnv({ CURRENTS_TODAY: TODAY, FORCE_COLOR: '0', NO_COLOR: '1', ...env });

export interface Build extends RunResult {
	outDir: string;
	/** Reads a built file, e.g. `modules/x/index.html`. */
	read: (path: string) => string;
	exists: (path: string) => boolean;
}

/**
 * Builds a curriculum as `npm run build` does (or with `astro build` itself, `plainAstro`) into its
 * own folder under tests/.tmp. Each build has its own content cache, so test files can build
 * different fixtures at the same time.
 */
export function buildCurriculum(contentDir: string, name: string, today = TODAY, { keepOutput = false, plainAstro = false, variables = {} as Record<string, string> } = {}): Build {
	const { outDir, env } = prepareBuild(contentDir, name, today, keepOutput);
	// `npm run build` (scripts/build.ts), or Astro's own `astro build`, as a project using the integration may run it.
	const command = plainAstro ? [ASTRO_CLI, 'build'] : [BUILD_SCRIPT];
	// Further environment variables the build command is started with, as a shell or a CI adds its own.
	return asBuild(outDir, run(process.execPath, [...command, '--outDir', outDir], { ...variables, ...env }));
}

export interface BuildInProgress {
	/** What the build has printed so far. */
	output: () => string;
	/** The build, once it has ended. */
	done: Promise<Build>;
	/** The process of the build command. */
	pid: number;
	/** Sends the build command a signal, as a terminal or a CI runner stopping it would. */
	stop: (signal: NodeJS.Signals) => void;
}

/** `buildCurriculum`, started in the background, for a test that acts while the build runs. */
export function startBuild(contentDir: string, name: string, today = TODAY, { keepOutput = false } = {}): BuildInProgress {
	const { outDir, env } = prepareBuild(contentDir, name, today, keepOutput);
	const child = spawn(process.execPath, [BUILD_SCRIPT, '--outDir', outDir], { cwd: ROOT, env: runEnv(env) });
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const done = new Promise<Build>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (status, signal) => resolve(asBuild(outDir, { status, signal, stdout, stderr, output: stdout + stderr })));
	});
	return { output: () => stdout + stderr, done, pid: child.pid!, stop: (signal) => child.kill(signal) };
}

function prepareBuild(contentDir: string, name: string, today: string, keepOutput: boolean): { outDir: string; env: Record<string, string> } {
	const outDir = distOf(name);
	// Each build starts without an output unless the test is about building over the last one.
	if (!keepOutput) rmSync(outDir, { recursive: true, force: true });
	// Astro's content cache keeps an unchanged entry's old file path, which may name a deleted copy of
	// a fixture: a cache is reused only for the content folder that filled it.
	const cacheDir = join(TMP, `cache-${name}`);
	const marker = join(cacheDir, 'currents-content-dir');
	if (!existsSync(marker) || readFileSync(marker, 'utf8') !== contentDir) {
		rmSync(cacheDir, { recursive: true, force: true });
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(marker, contentDir);
	}
	return { outDir, env: { CURRENTS_CONTENT: contentDir, CURRENTS_CACHE_DIR: cacheDir, CURRENTS_TODAY: today } };
}

/** Where `buildCurriculum(…, name)` writes the site. */
const distOf = (name: string) => join(TMP, `dist-${name}`);

function asBuild(outDir: string, result: RunResult): Build {
	return {
		...result,
		outDir,
		read: (path) => readFileSync(join(outDir, path), 'utf8'),
		exists: (path) => existsSync(join(outDir, path)),
	};
}

/**
 * The curricula several test files build once between them: the tea fixture and the flagship exactly
 * as the repository holds them, the tea fixture as the browser tests of search, the knowledge check
 * and the polish need it (tests/browser/tea-for-browsers.ts), and the tea fixture in English and
 * Finnish with a certificate issuer, for the tests of feeds, translations and the verify page
 * (tests/tea-bilingual.ts).
 */
export type SharedSite = 'valid-course' | 'flagship' | 'tea-for-browsers' | 'tea-bilingual';

/** How the shared sites that are not in the repository as they are built make their content folder. */
const PREPARE: Partial<Record<SharedSite, (contentDir: string) => void | Promise<void>>> = {
	'tea-for-browsers': prepareTeaForBrowsers,
	'tea-bilingual': prepareTeaBilingual,
};

/** Where the shared builds of this test run record themselves; the global setup clears it before and after a run. */
export const SHARED = join(TMP, 'shared-builds');

/** How long a file waits for another file's build of a shared site before it gives up. */
const SHARED_WAIT_MS = 10 * 60_000;

/**
 * A build of a shared site (the flagship as of its newest date, the others as of TODAY), for test
 * files that only read it. The first file to ask builds it; files in other workers that ask
 * meanwhile wait for that build and read the same output, so a test run builds each once instead of
 * once per file. A file that changes the content, or needs a build of its own, uses
 * `buildCurriculum` instead.
 */
export async function sharedBuild(site: SharedSite): Promise<Build> {
	const claim = join(SHARED, site);
	const record = join(claim, 'result.json');
	mkdirSync(SHARED, { recursive: true });
	try {
		// Making the folder is the claim: exactly one worker succeeds, the others find it made.
		mkdirSync(claim);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return waitForSharedBuild(site, record);
	}
	let result: RunResult = { status: null, stdout: '', stderr: '', output: '' };
	try {
		const contentDir = sharedContent(site);
		await PREPARE[site]?.(contentDir);
		const today = site === 'flagship' ? newestDate(loadCurriculum(contentDir, ROOT)) : TODAY;
		result = buildCurriculum(contentDir, `shared-${site}`, today);
	} catch (error) {
		result = { ...result, stderr: String(error), output: String(error) };
	} finally {
		// Written even when the build throws, so that no other file waits for a record that never comes.
		writeFileSync(record, JSON.stringify(result));
	}
	return asBuild(distOf(`shared-${site}`), result);
}

/** The content folder a shared site is built from; the one prepared for a test run is ready once `sharedBuild` returns. */
export function sharedContent(site: SharedSite): string {
	if (site === 'flagship') return join(ROOT, 'content');
	if (site === 'valid-course') return fixtureContent('valid-course');
	return join(SHARED, `${site}-content`, 'content');
}

async function waitForSharedBuild(site: SharedSite, record: string): Promise<Build> {
	for (const started = Date.now(); !existsSync(record); await sleep(250)) {
		if (Date.now() - started > SHARED_WAIT_MS) {
			throw new Error(`Waited ${SHARED_WAIT_MS / 60_000} minutes for another test file's build of ${site}, which recorded no result in ${record}. If a run was stopped half-way, remove ${SHARED} and run again.`);
		}
	}
	return asBuild(distOf(`shared-${site}`), JSON.parse(readFileSync(record, 'utf8')) as RunResult);
}

/** Copies a fixture's content folder to a fresh scratch folder that a test may change. */
export function copyFixture(name: string): string {
	mkdirSync(TMP, { recursive: true });
	const dir = mkdtempSync(join(TMP, `${name}-`));
	cpSync(fixtureContent(name), join(dir, 'content'), { recursive: true });
	return join(dir, 'content');
}

/**
 * A copy of the tea fixture in a git repository of its own: `main` holds it as merged, and the
 * branch `work`, a contributor's, is checked out. For `--base` checks and for what `npm run release`
 * reads from git.
 */
export function fixtureRepository() {
	const content = copyFixture('valid-course');
	const root = dirname(content);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '--allow-empty', '-m', 'empty');
	git('add', '-A');
	git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'base');
	git('checkout', '-q', '-b', 'work');
	const edit = (path: string, change: (text: string) => string) => {
		const file = join(content, path);
		writeFileSync(file, change(readFileSync(file, 'utf8')));
	};
	/**
	 * What `npm run check -- --base main` finds, as its exit status and its errors. Run in the test's own
	 * process, as the command runs it (`checkCurriculum`), which spares a Node process and the loading of
	 * the check's modules for each call; `tests/base.test.ts` runs the command itself where its words are
	 * what is tested.
	 */
	const check = () => {
		const { findings } = checkCurriculum(content, { base: 'main', on: TODAY });
		const errors = findings.filter((f) => f.severity === 'error');
		return { status: errors.length > 0 ? 1 : 0, findings: errors };
	};
	/** Commits what is in the content now, on the branch that is checked out. */
	const commit = (message: string) => {
		git('add', '-A');
		git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', message);
	};
	return { content, edit, check, commit, git };
}

export type FixtureRepository = ReturnType<typeof fixtureRepository>;

/**
 * A copy of the tea fixture as an issuer's project once `npm run certificate -- keygen` has run: the
 * content folder in a git repository with this repository's .gitignore, the Kyoto Tea Institute's
 * profile in `content/issuers/kyoto-tea.yaml`, and its private key in `keys/kyoto-tea.private.jwk`,
 * which git ignores.
 */
export async function issuerProject(): Promise<{ content: string; work: string; keyFile: string }> {
	const content = copyFixture('valid-course');
	const work = dirname(content);
	cpSync(join(ROOT, '.gitignore'), join(work, '.gitignore'));
	execFileSync('git', ['init', '--quiet', '.'], { cwd: work });
	const { publicKeyMultibase, jwk } = await generateIssuerKey();
	mkdirSync(join(content, 'issuers'));
	writeFileSync(join(content, 'issuers', 'kyoto-tea.yaml'), newIssuerYaml({ name: 'Kyoto Tea Institute', url: 'https://tea.example.edu' }, { publicKeyMultibase, created: TODAY }));
	const keyFile = join(work, 'keys', 'kyoto-tea.private.jwk');
	writePrivateKey(keyFile, jwk, []);
	return { content, work, keyFile };
}

/**
 * `npm run certificate -- <args>` as an issuer runs it in their project: in the folder `work`, on
 * the content folder `content`, with TODAY as today and `env` added to the environment.
 */
export function certificateCommand(project: { content: string; work: string }, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'certificate.ts'), ...args, '--content', project.content], {
		cwd: project.work,
		encoding: 'utf8',
		env: { ...process.env, CURRENTS_TODAY: TODAY, NO_COLOR: '1', ...env },
	});
	return { status: result.status, output: result.stdout + result.stderr };
}

/** A Finnish translation of brewing-basics (version 2.1.0: two outcomes, one question, the first choice right). */
export const brewingFi = (translates = '2.1.0') => `---
title: Haudutuksen perusteet
summary: Lehti, vesi ja aika, ja miten ne tasapainotetaan.
translates: ${translates}
outcomes:
  - Säädä haudutusaikaa maun mukaan.
  - Mittaa lehteä kannuun.
quiz:
  - question: Tee maistuu kitkerältä. Mitä muutat ensin?
    choices:
      - text: Haudutat lyhyemmän aikaa
        correct: true
        explanation: Kitkeryys irtoaa ajan myötä.
      - text: Lisäät lehteä
        explanation: Enemmän lehteä tekee teestä vahvempaa ja kitkerämpää.
---

Hyvä tee syntyy lehden, veden ja ajan tasapainosta.
`;

/** The ids of the machine's processes whose command line holds `fragment`. */
export function processesRunning(fragment: string): string[] {
	return readdirSync('/proc').filter((pid) => {
		try {
			return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(fragment);
		} catch {
			return false; // ended meanwhile
		}
	});
}

/**
 * Watches, every 5 ms until it is stopped, the processes `processes` names, and records by process id
 * the settings of resvg's allocator each was started with (src/lib/cards/allocator.ts). Each process is
 * read again at every look: one just forked shows the command line and environment of the process that
 * forked it until it starts its own program.
 */
export function watchAllocatorSettings(processes: () => string[]): { stop: () => Map<string, string[]> } {
	const settings = new Map<string, string[]>();
	const watch = setInterval(() => {
		for (const pid of processes()) {
			try {
				const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
				settings.set(pid, environment.filter((entry) => /^MIMALLOC_(PURGE_DELAY|ALLOW_LARGE_OS_PAGES)=/.test(entry)).sort());
			} catch {
				// Ended meanwhile, or not ours to read.
			}
		}
	}, 5);
	return {
		stop: () => {
			clearInterval(watch);
			return settings;
		},
	};
}
