/**
 * What the engine does once Astro builds, hook by hook, after `src/index.ts` has checked the
 * curriculum and set Astro up: the output folder, the pages finished while Astro renders and once it
 * has, the certificate assets, and the last steps (the Common Cartridges, the share cards, the search
 * index and the record of the output). One build's hooks hand each other what they know in a `Build`.
 */
import type { AstroIntegration, HookParameters } from 'astro';
import type { RuleDocs } from './lib/safety/vite-guard.ts';
import type { MdastPluginEntry } from 'satteri';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Curriculum } from './lib/curriculum/load.ts';
import { pruneOutput, recordedPages, recordOutput, startOutput, stateFile, type OutputStart } from './lib/cache/output-state.ts';
import type { ContentMapLock, ContentMaps } from './lib/cache/content-map.ts';
import { cartridgeCurriculum, writeSiteCartridges } from './lib/cartridge/export.ts';
import { cartridgesLine, type CartridgeStep } from './lib/cartridge/site-step.ts';
import { assembleEmbeds, assemblePrintPages, currentMajors } from './lib/embeds/assemble.ts';
import { startPagesWhileRendering, type PagesWhileRendering } from './lib/pages/while-rendering.ts';
import { writeSearchIndex } from './lib/search/index-step.ts';
import { lastStepsFile, leaveLastSteps, searchIndexLine } from './lib/cache/last-steps.ts';
import type { ShareCardsInProgress } from './lib/cards/build-step.ts';
import { writeCertificateAssets } from './lib/cards/browser-assets.ts';
import { writeNoScriptStylesheet } from './lib/pages/no-script.ts';
import { siteLocales } from './lib/i18n/locales.ts';
import type { PermalinkAlias } from './lib/curriculum/redirects.ts';

/** What one build's hooks learn and hand on to the hooks after them. */
export interface Build {
	/** Astro's command: `build`, `dev`, `preview` or `sync`. */
	command: string;
	/** The curriculum the check passed; unset in a build the check stopped. */
	checked?: Curriculum;
	/** The output folder, without a trailing slash, and the site's base path. */
	outDir: string;
	base: string;
	/** Astro's cache folder, which holds its record of the last build and the engine's caches. */
	astroCache: string;
	caches: { cards?: URL; cartridges?: URL; search?: URL; emoji?: URL };
	/** Netlify's `_redirects` rules for renamed modules, the permanent addresses of current majors and the language fallbacks. */
	redirects: string;
	/** Each current major's permanent address, in every language that has a translation of it, and the page it shows. */
	aliases: PermalinkAlias[];
	/** The embed pages the engine wrote in this build, as files in the output. */
	embedPages: string[];
	/** The content guard, which must stay the compiler's first plugin. */
	guard?: MdastPluginEntry;
	/** Where the guards' findings link their rule pages: the dev server's own, or the site's. */
	docs?: RuleDocs;
	/** This build's list of content modules, kept for the bundler, and the lock that lets one build sync at a time. */
	contentMaps: ContentMaps;
	contentMapLock?: ContentMapLock;
	/** Steps in progress while Astro renders. */
	output?: OutputStart;
	whileRendering?: PagesWhileRendering;
	cards?: ShareCardsInProgress;
	/** Where to leave the search index, the cartridges and the output record to the process that started the build, if it makes them. */
	lastSteps?: string;
}

export const newBuild = (): Build => ({
	command: '',
	outDir: '',
	base: '/',
	astroCache: '',
	caches: {},
	redirects: '',
	aliases: [],
	embedPages: [],
	contentMaps: new Map(),
	lastSteps: lastStepsFile(),
});

/** The search index of a build of a checked curriculum: the output, and where the last build's index is kept. */
const searchStep = (build: Build) => ({ dist: build.outDir, cacheDir: build.caches.search && fileURLToPath(build.caches.search) });

/** The Common Cartridges of a build of a checked curriculum: the output, their cache, and the curriculum's data. */
const cartridgeStep = (build: Build, checked: Curriculum): CartridgeStep => ({
	dist: build.outDir,
	cacheDir: build.caches.cartridges && fileURLToPath(build.caches.cartridges),
	curriculum: cartridgeCurriculum(checked),
});

/** `astro:build:start`: the output folder, and the pages finished while Astro renders. */
export function startBuild(build: Build): void {
	// The content is synced: keep its list of modules for the bundler, and let the next build sync.
	build.contentMapLock?.keep();
	// The build writes into the last build's output when that is safe (src/lib/cache/output-state.ts),
	// and otherwise into an emptied folder, the last output moved aside to be removed later.
	build.output = startOutput(build.outDir, build.astroCache);
	// The redirect, embed and print pages are finished while Astro renders (src/lib/pages/while-rendering.ts).
	// A build in this process that failed before its pages were generated left its listener behind.
	void build.whileRendering?.finish().catch(() => undefined);
	const { checked } = build;
	if (checked) build.whileRendering = startPagesWhileRendering({ dist: build.outDir, base: build.base, site: checked.config!.site, currentMajors: currentMajors(checked.modules), aliases: build.aliases });
}

/**
 * `astro:build:generated`: the pages the engine completes or adds once Astro has written its own,
 * before the output scan (the last integration but one) starts reading every page in this same hook.
 */
export async function finishPages(build: Build, { dir, logger }: HookParameters<'astro:build:generated'>): Promise<void> {
	const { checked } = build;
	if (!checked) return;
	const lap = stopwatch();
	// Each current major's permanent address, for hosts without Netlify's rewrite, `astro preview` among them,
	// written while the pages rendered.
	const early = await build.whileRendering?.finish();
	build.whileRendering = undefined;
	logger.info(`Wrote ${build.aliases.length} redirect pages at the permanent addresses of current majors while the pages rendered (${Math.round(early?.aliasesMs ?? 0)} ms), waited ${lap()}.`);
	// Embed pages take their body and knowledge check from the module pages just built, rendered once, and
	// their own parts from the one page Astro rendered of them; most were written as their module page was,
	// the rest are now, and that page is removed.
	const assembled = assembleEmbeds(fileURLToPath(dir), currentMajors(checked.modules), early?.filled);
	build.embedPages = assembled.files;
	logger.info(`Wrote ${assembled.pages + (early?.embeds ?? 0)} embed pages from their parts and their module pages (${early?.embeds ?? 0} while the others rendered, ${assembled.unchanged.length} the same as the last build's and left in place) in ${lap()}.`);
	// So do the tracks' print pages, each module's body alone.
	const printed = assemblePrintPages(fileURLToPath(dir), early?.filled);
	logger.info(`Assembled ${printed.pages + (early?.prints ?? 0)} track print pages from their module pages (${early?.prints ?? 0} while the others rendered) in ${lap()}.`);
	// The fonts and renderer that draw a self-assessed certificate in the learner's browser, loaded only when asked for.
	// Regular-weight fonts ship for the certificates' own words only, read from the track pages just written.
	const locales = siteLocales(checked.config!.locales).map((locale) => locale.prefix);
	writeCertificateAssets(dir, { logger, cacheDir: build.caches.emoji && fileURLToPath(build.caches.emoji), locales });
	// Built in place: what the last build left and this one did not write goes, before the output is scanned and indexed.
	const { output } = build;
	if (output?.inPlace && output.left.size > 0) {
		const removed = pruneOutput(build.outDir, output.left, new Set([...recordedPages(build.astroCache), ...assembled.unchanged]));
		logger.info(`Built into the last build's output (${output.left.size} files): removed the ${removed} this build has not written again, in ${lap()}.`);
	}
}

/** `astro:build:done`: the redirect rules, the cartridges, the share cards and the search index. */
export async function lastSteps(build: Build, { dir, logger }: HookParameters<'astro:build:done'>): Promise<void> {
	// Every page is written: the last output, if it was moved aside, is removed now, beside the steps that follow.
	const clearing = build.output?.removeLast();
	// Renamed and removed modules redirect on Netlify, so an old link never ends on a 404, and each
	// current major's permanent address shows the module's page.
	if (build.redirects) {
		appendFileSync(fileURLToPath(new URL('_redirects', dir)), `${build.redirects}\n`);
		logger.info(`Wrote ${build.redirects.split('\n').length} redirect rules to _redirects.`);
	}
	// What a browser without JavaScript loads instead of the theme script: the reader's light theme.
	writeNoScriptStylesheet(fileURLToPath(dir));
	const { checked } = build;
	if (!checked) return await clearing;
	const lap = stopwatch();
	// Every track and the whole curriculum as IMS Common Cartridges for learning platforms, from the
	// pages just built. Under `npm run build` they are written once this process has exited, beside
	// the search index (src/lib/cache/last-steps.ts).
	if (!build.lastSteps) {
		const step = cartridgeStep(build, checked);
		logger.info(`${cartridgesLine(writeSiteCartridges(step.dist, step.curriculum, step.cacheDir), lap())}.`);
	}
	// Once every page is written, a share card for every module, track and platform-update page,
	// drawn again only when what it shows changed, and the search index, made again only when a page
	// it holds changed. Under `npm run build` the index is made once this process has exited, so that
	// Pagefind's memory does not add to this process's; otherwise beside the cards.
	const search = searchStep(build);
	const indexing = build.lastSteps ? undefined : writeSearchIndex(search.dist, search.cacheDir).then((index) => logger.info(`${searchIndexLine(index, lap())}.`));
	await Promise.all([build.cards?.finish(dir), indexing]);
	await clearing;
}

/**
 * The last integration, once the output is complete and has passed the scan: a record of it, so that
 * the next build may write into it rather than into an emptied folder (src/lib/cache/output-state.ts).
 * Under `npm run build`, the process that started the build makes the search index and the
 * cartridges, and then the record, once this one has exited (src/lib/cache/last-steps.ts).
 */
export function outputRecord(build: Build): AstroIntegration {
	return {
		name: 'currents:output-record',
		hooks: {
			'astro:build:done': () => {
				const record = { outDir: build.outDir, file: stateFile(build.astroCache) };
				const { checked } = build;
				if (build.lastSteps) leaveLastSteps(build.lastSteps, { search: checked ? searchStep(build) : undefined, cartridges: checked ? cartridgeStep(build, checked) : undefined, record });
				else recordOutput(record.outDir, record.file);
			},
		},
	};
}

/** A lap timer for the build log: each call says how long it is since the last call, or since the start. */
function stopwatch(): () => string {
	let last = performance.now();
	return () => {
		const now = performance.now();
		const elapsed = `${Math.round(now - last)} ms`;
		last = now;
		return elapsed;
	};
}
