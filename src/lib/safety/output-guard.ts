import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keep, readKept } from '../cache/files.ts';
import { formatHuman } from '../check/report.ts';
import { INLINE_SCRIPTS } from './inline-scripts.ts';
import { routedPages, startOutputScan, type ScanMemo } from './output-scan.ts';

export interface OutputGuardOptions {
	/** The project root, for file names in messages. */
	root: string;
	/** The site address, for the rule links in messages. */
	site?: string;
	/** The source file a page address such as `modules/x/` was built from. */
	sourceOf?: (page: string) => string | undefined;
	/**
	 * Addresses such as `modules/x/v2/` of the redirect pages the engine writes itself after Astro's
	 * render, which count as routed. Their contents are scanned as any page's.
	 */
	redirectPages?: () => Iterable<string>;
	/** Where the scan keeps, between builds, which files it found clean (`ScanMemo`); nothing is kept without it. */
	cacheDir?: string;
}

/**
 * The last layer: once every page is written, every HTML, SVG and XML file of the output is read
 * again and the build fails if any holds script, an event handler, a script URL, an embed or a page
 * no route rendered. It must be the last integration, so that it sees the sitemap and everything
 * else the others write. The parsing starts as soon as the pages exist, beside the sitemap and the
 * search index, and finishes when the build is done. A file byte for byte the same as one the last
 * build found clean is not parsed again (`ScanMemo`).
 */
export function outputGuard(options: OutputGuardOptions): AstroIntegration {
	const allowedInlineScripts = new Set(INLINE_SCRIPTS.keys());
	const memoFile = options.cacheDir && join(options.cacheDir, 'clean.json');
	/** Starts this build's scan, with the memo as the last build left it. */
	const start = (dir: URL) => {
		const memo: ScanMemo = { known: new Set(memoFile ? keysIn(readKept(memoFile)) : []), clean: new Set() };
		return { memo, finish: startOutputScan({ dir: fileURLToPath(dir), allowedInlineScripts, memo }) };
	};
	let started: ReturnType<typeof start> | undefined;
	return {
		name: 'currents:output-guard',
		hooks: {
			'astro:build:generated'({ dir }) {
				started = start(dir);
			},
			async 'astro:build:done'(done) {
				const since = performance.now();
				const { memo, finish } = started ?? start(done.dir);
				started = undefined;
				const routed = routedPages(done);
				for (const address of options.redirectPages?.() ?? []) routed.add(address);
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
				const reused = [...memo.clean].filter((key) => memo.known.has(key)).length;
				done.logger.info(`Scanned the built site for script in ${Math.round(performance.now() - since)} ms after the build finished (${reused} files unchanged since they were last found clean were not parsed again).`);
			},
		},
	};
}

const keysIn = (kept: unknown): string[] => (Array.isArray(kept) ? kept.filter((key): key is string => typeof key === 'string') : []);
