/**
 * The build step that writes a share card for every module, track and platform-update page into
 * `dist/cards/`. A card is drawn again only when what it shows, or the code and fonts that draw it,
 * changed: each image is cached under a hash of its inputs, so a warm rebuild draws none. The step
 * is logged and timed, and `CURRENTS_SKIP_CARDS=1` skips it for quick local builds.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeFile, writeWholeLater } from '../cache/files.ts';
import { codeFingerprint } from '../cache/fingerprint.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { FAMILIES } from './fonts.ts';
import { packageDir } from './node.ts';
import { shareCardJobs, type ShareCardJob } from './pages.ts';
import { drawShareCards, type DrawResult } from './pool.ts';

export interface CardLogger {
	info(message: string): void;
	warn(message: string): void;
}

export interface WriteShareCardsOptions {
	/** The build output folder, as Astro's `astro:build:done` hook gives it. */
	dir: URL | string;
	curriculum: Curriculum;
	logger: CardLogger;
	/** Where images are cached between builds; by default `node_modules/.cache/currents-cards` under the project root. */
	cacheDir?: URL | string;
	/** The environment to read `CURRENTS_SKIP_CARDS` from. */
	env?: Record<string, string | undefined>;
	/** Threads to draw with: while a build runs, one fewer than the machine's cores (at least one). */
	cores?: number;
}

export interface ShareCardsReport {
	rendered: number;
	reused: number;
	skipped: boolean;
}

const toPath = (location: URL | string) => (typeof location === 'string' ? location : fileURLToPath(location));

/** Writes every page's share card, drawing only those not in the cache, and reports how many of each. */
export async function writeShareCards(options: WriteShareCardsOptions): Promise<ShareCardsReport> {
	// Nothing else runs meanwhile, so every core draws.
	return startShareCards({ ...options, cores: options.cores ?? availableParallelism() }).finish(options.dir);
}

/** Cards being drawn, to be written into a build's output once it is done. */
export interface ShareCardsInProgress {
	finish(dir: URL | string): Promise<ShareCardsReport>;
}

/**
 * Starts drawing the cards the cache lacks, and returns at once. A card shows what the curriculum's
 * data says, not the page, so the build starts this before it bundles and renders, and the drawing,
 * in child processes, runs beside that work; `finish` waits for it and writes every card into the output.
 */
export function startShareCards(options: Omit<WriteShareCardsOptions, 'dir'>): ShareCardsInProgress {
	const { curriculum, logger } = options;
	const env = options.env ?? process.env;
	if (env.CURRENTS_SKIP_CARDS === '1') return skippedCards(logger);
	const started = performance.now();
	const cache = options.cacheDir ? toPath(options.cacheDir) : join(curriculum.root, 'node_modules', '.cache', 'currents-cards');
	mkdirSync(cache, { recursive: true });

	const cards = readCachedCards(curriculum, cache);
	const missing = cards.filter((card) => card.png === undefined);
	const drawing = startDrawing(missing, options.cores ?? Math.max(1, availableParallelism() - 1), started);
	const caching = cacheWhenDrawn(drawing, missing, cache);

	return {
		async finish(dir) {
			const { drawn, error, took } = await drawing;
			const writing = performance.now();
			if (!drawn) throw error;
			const { results, processes } = drawn;
			throwIfNotDrawn(missing, results);
			await caching;
			missing.forEach((card, index) => (card.png = results[index]!.png!));
			placeCards(toPath(dir), cache, cards);

			const rendered = missing.length;
			const reused = cards.length - rendered;
			// The drawing ran beside the build, so its time is told apart from the writing, which the build waited for.
			const how = rendered > 0 ? ` in ${processes} process${processes === 1 ? '' : 'es'}, ${Math.round(took)} ms beside the build` : '';
			logger.info(`Share cards: rendered ${rendered}, reused ${reused}${how}; written in ${Math.round(performance.now() - writing)} ms.`);
			return { rendered, reused, skipped: false };
		},
	};
}

/** A page's card: what draws it, its cache key, and its image once read from the cache or drawn. */
interface Card {
	job: ShareCardJob;
	key: string;
	png: Uint8Array | undefined;
}

/** The drawing of the missing cards, settled: what was drawn and how long it took, or why it failed. */
type Drawing = Promise<{ drawn: { results: DrawResult[]; processes: number } | undefined; error: unknown; took: number }>;

/** Cards not drawn at all, for a build with `CURRENTS_SKIP_CARDS=1`: `finish` only says so. */
function skippedCards(logger: CardLogger): ShareCardsInProgress {
	return {
		async finish() {
			logger.warn('Skipped the share cards (CURRENTS_SKIP_CARDS=1): pages point at card images this build did not write.');
			return { rendered: 0, reused: 0, skipped: true };
		},
	};
}

/** Every page's card, with its image read from the cache where the cache has it. */
function readCachedCards(curriculum: Curriculum, cache: string): Card[] {
	// Read every cached card now, so that another build pruning the same cache cannot take one away.
	const jobs = shareCardJobs(curriculum);
	const fingerprint = rendererFingerprint();
	return jobs.map((job) => {
		const key = cardKey(job, fingerprint);
		return { job, key, png: readIfPresent(join(cache, `${key}.png`)) };
	});
}

/** Starts drawing the missing cards beside the build, timed from `started`. */
function startDrawing(missing: readonly Card[], cores: number, started: number): Drawing {
	// Kept as a settled value, so that a failure waits for `finish` to report it rather than ending the process.
	// In child processes only, and by default one core fewer than the machine has: the build bundles and
	// renders on this thread meanwhile, and each process holds its own copy of satori and the fonts.
	return drawShareCards(
		missing.map(({ job }) => job.input),
		cores,
		undefined,
		true
	).then(
		(drawn) => ({ drawn, error: undefined, took: performance.now() - started }),
		(error: unknown) => ({ drawn: undefined, error, took: 0 })
	);
}

/** Writes each new card into the cache as soon as the drawing ends. */
function cacheWhenDrawn(drawing: Drawing, missing: readonly Card[], cache: string): Promise<unknown> {
	// The new cards go into the cache once drawn, while the build is still rendering, by writes that do not
	// hold up its thread; `finish` then only links them into the output.
	const caching = drawing.then(({ drawn }) =>
		Promise.all(missing.map((card, index) => drawn?.results[index]?.png && writeWholeLater(join(cache, `${card.key}.png`), drawn.results[index].png)))
	);
	// A failure is reported by `finish`, not as an unhandled rejection meanwhile.
	caching.catch(() => undefined);
	return caching;
}

/** Throws one error naming every page whose card could not be drawn, if there is one. */
function throwIfNotDrawn(missing: readonly Card[], results: readonly DrawResult[]): void {
	const failures = missing.flatMap(({ job }, index) => (results[index]?.error ? [`  ${job.source}: ${results[index].error}`] : []));
	if (failures.length > 0) {
		throw new Error(`The share cards of ${failures.length} page${failures.length === 1 ? '' : 's'} could not be drawn:\n${failures.join('\n')}`);
	}
}

/** Puts every card into the output folder `out`, then prunes the cache to the cards this build used. */
function placeCards(out: string, cache: string, cards: readonly Card[]): void {
	const folders = new Set<string>();
	for (const { job, key, png } of cards) {
		const target = join(out, job.file);
		if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
		folders.add(dirname(target));
		// A link to the cached file costs no copy of its bytes; the bytes read at the start stand in
		// for a file another build sharing the cache has pruned since.
		try {
			placeFile(join(cache, `${key}.png`), target);
		} catch {
			writeFileSync(target, png!);
		}
	}
	prune(cache, new Set(cards.map(({ key }) => `${key}.png`)));
}

/** A card's cache key: its inputs and everything that draws it, so a change to either draws it anew. */
export function cardKey(job: ShareCardJob, fingerprint: string): string {
	return createHash('sha256').update(fingerprint).update('\0').update(JSON.stringify(job.input)).digest('hex').slice(0, 32);
}

/**
 * A hash of the code that draws cards (this folder) and the versions of the packages it draws with,
 * so that a new design, a fixed bug or a new font draws every card again.
 */
export function rendererFingerprint(): string {
	const hash = createHash('sha256').update(codeFingerprint(dirname(fileURLToPath(import.meta.url))));
	for (const pkg of ['satori', '@resvg/resvg-js', '@twemoji/svg', 'uqr', ...FAMILIES.map((family) => family.package)]) {
		const { version } = JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string };
		hash.update(`${pkg}@${version}`);
	}
	return hash.digest('hex');
}

function readIfPresent(path: string): Uint8Array | undefined {
	try {
		return readFileSync(path);
	} catch {
		return undefined;
	}
}

/** Removes cached cards this build did not use, so the cache holds one build's cards and no more. */
function prune(cache: string, used: ReadonlySet<string>): void {
	for (const name of readdirSync(cache)) {
		if (name.endsWith('.png') && !used.has(name)) rmSync(join(cache, name), { force: true });
	}
}
