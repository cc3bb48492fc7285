import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keep, readKept } from '../cache/files.ts';
import { formatHuman } from '../check/report.ts';
import type { PartOf } from './html-parts.ts';
import { INLINE_SCRIPTS } from './inline-scripts.ts';
import { routedPages, startEarlyScan, startOutputScan, type EarlyScan, type ScanMemo } from './output-scan.ts';
import { pageListeners } from './scan-middleware.ts';

export interface OutputGuardOptions {
	/** The project root, for file names in messages. */
	root: string;
	/** The site address, for the rule links in messages. */
	site?: string;
	/** The source file a page address such as `modules/x/` was built from. */
	sourceOf?: (page: string) => string | undefined;
	/**
	 * Addresses such as `modules/x/v2/` of the pages the engine writes itself rather than Astro: the
	 * redirect pages at permanent addresses, and the embed pages (from the one page of their parts Astro
	 * renders). They count as routed; their contents are scanned as any page's.
	 */
	enginePages?: () => Iterable<string>;
	/** Where the scan keeps, between builds, which files it found clean (`ScanMemo`); nothing is kept without it. */
	cacheDir?: string;
	/** Hosts images may come from (`imageHosts` in curriculum.yaml). */
	imageHosts?: readonly string[];
}

/**
 * The last layer: once every page is written, every HTML, SVG and XML file of the output is read
 * again and the build fails if any holds script, an event handler, a script URL, an embed, a file
 * fetched from another server or a page no route rendered. It must be the last integration, so that it
 * sees the sitemap and everything else the others write. The parsing starts as soon as the pages exist, beside the sitemap and the
 * search index, and finishes when the build is done. A file byte for byte the same as one the last
 * build found clean is not parsed again (`ScanMemo`), nor one the scan parsed while Astro was still
 * rendering other pages (`startEarlyScan`, told of each page by scan-middleware.ts).
 */
export function outputGuard(options: OutputGuardOptions): AstroIntegration {
	const allowedInlineScripts = new Set(INLINE_SCRIPTS.keys());
	const memoFile = options.cacheDir && join(options.cacheDir, 'clean.json');
	const lastBuild = () => new Set(memoFile ? keysIn(readKept(memoFile)) : []);
	/** Starts this build's scan, with the memo as the last build left it and the pages parsed while rendering. */
	const start = (dir: URL, last = lastBuild(), early: readonly string[] = []) => {
		const memo: ScanMemo = { known: new Set([...last, ...early]), clean: new Set() };
		return { memo, last, finish: startOutputScan({ dir: fileURLToPath(dir), allowedInlineScripts, imageHosts: options.imageHosts, memo }) };
	};
	let started: ReturnType<typeof start> | undefined;
	/** Of the pages parsed while the others rendered, those found clean without parsing the parts they copy. */
	let fromParts = 0;
	let outDir: URL | undefined;
	let base = '/';
	let early: { scan: EarlyScan; last: Set<string>; listener: (pathname: string, parts?: readonly PartOf[]) => void } | undefined;
	return {
		name: 'currents:output-guard',
		hooks: {
			'astro:config:setup'({ command, addMiddleware }) {
				// Tells the scan of each page as Astro renders it, so that it can start on the pages written.
				if (command === 'build') addMiddleware({ entrypoint: new URL('./scan-middleware.ts', import.meta.url), order: 'pre' });
			},
			'astro:config:done'({ config }) {
				outDir = config.outDir;
				base = config.base;
			},
			'astro:build:start'() {
				// A build in the same process that failed before its pages were generated left its worker behind.
				if (early) {
					void early.scan.stop();
					pageListeners().delete(early.listener);
				}
				if (!outDir) return;
				const last = lastBuild();
				const scan = startEarlyScan({ dir: fileURLToPath(outDir), allowedInlineScripts, imageHosts: options.imageHosts, memo: { known: last, clean: new Set() } });
				const listener = (pathname: string, parts?: readonly PartOf[]) => {
					const file = pageFile(pathname, base);
					if (file) scan.page(file, parts);
				};
				early = { scan, last, listener };
				pageListeners().add(listener);
			},
			async 'astro:build:generated'({ dir }) {
				if (early) pageListeners().delete(early.listener);
				const parsed = early ? await early.scan.stop() : [];
				fromParts = early?.scan.fromParts() ?? 0;
				started = start(dir, early?.last, parsed);
				early = undefined;
			},
			async 'astro:build:done'(done) {
				const since = performance.now();
				const { memo, last, finish } = started ?? start(done.dir);
				started = undefined;
				const routed = routedPages(done);
				for (const address of options.enginePages?.() ?? []) routed.add(address);
				const findings = await finish({ routedPages: routed, sourceOf: options.sourceOf, root: options.root });
				// This build's clean files only, so that the memo does not grow with every build.
				if (memoFile) keep(memoFile, [...memo.clean]);
				if (findings.length > 0) {
					// Nothing of a site that failed the scan may be deployed, even by a step that ignores the
					// build's exit status; the output folder is removed when it lies inside the project.
					const out = fileURLToPath(done.dir);
					const removable = out.startsWith(`${options.root.replace(/\/$/, '')}/`) && out !== `${options.root.replace(/\/$/, '')}/`;
					if (removable) rmSync(out, { recursive: true, force: true });
					throw new AstroError(
						`The built site holds ${findings.length === 1 ? 'something' : `${findings.length} things`} that must not ship; ${removable ? 'the output folder was removed' : 'do not deploy the output folder'}.\n\n${formatHuman(findings, { site: options.site })}`,
						'Each finding names the built file, and the source it came from when known. Content cannot normally produce these, so report it: see SECURITY.md.'
					);
				}
				const reused = [...memo.clean].filter((key) => last.has(key)).length;
				const parsedEarly = [...memo.clean].filter((key) => memo.known.has(key) && !last.has(key)).length;
				done.logger.info(
					`Scanned the built site for script in ${Math.round(performance.now() - since)} ms after the build finished (${parsedEarly} pages were parsed while the others rendered, ${fromParts} of them apart from the parts of module pages they copy; ${reused} files unchanged since they were last found clean were not parsed again).`
				);
			},
		},
	};
}

const keysIn = (kept: unknown): string[] => (Array.isArray(kept) ? kept.filter((key): key is string => typeof key === 'string') : []);

/**
 * The file in the output folder of a page Astro renders at an address: `/modules/x/` is
 * `modules/x/index.html`, and `/feed.xml` is `feed.xml`. Only a guess to save work: the scan parses
 * again any file whose bytes it has not seen.
 */
export function pageFile(pathname: string, base: string): string | undefined {
	let path = pathname;
	try {
		path = decodeURI(pathname);
	} catch {
		// A malformed escape: the address as it is, which will name no file.
	}
	const root = base.endsWith('/') ? base : `${base}/`;
	if (`${path}/` === root) path = root;
	if (!path.startsWith(root)) return undefined;
	const rest = path.slice(root.length);
	return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}
