/**
 * The engine's own steps on pages, made while Astro is still rendering others rather than after it.
 * Once the last page is rendered, what is left runs on one thread; so each permanent address's
 * redirect page is written as soon as Astro renders its first page, each embed page is written from its
 * shell and its module page as soon as both the page of the shells and the module page are written,
 * and each track's print page is filled in once the pages of all its modules are. The output scan is told of every page finished so (`pageListeners`), and parses it
 * while the rendering goes on. What is not finished here, the build's hook after the render finishes,
 * as before. On a machine whose cores the render already keeps busy, as this project's two are, this
 * moves the work rather than saving it (measured in the README's performance section).
 */
import { writeAliasPages } from '../curriculum/redirects.ts';
import { embedOfModulePage, fillEmbedEarly, fillPrintEarly, printModules, readShells, shellOf, SHELLS_PAGE, type Shells } from '../embeds/assemble.ts';
import type { PartOf } from '../safety/html-parts.ts';
import { pageFile } from '../safety/output-guard.ts';
import { WRITTEN_AFTER_MS } from '../safety/output-scan.ts';
import { pageListeners } from '../safety/scan-middleware.ts';

export interface PagesWhileRendering {
	/**
	 * Stops filling in pages, and waits for the redirect pages: how many of each were finished, how long
	 * the redirect pages took, and the files filled in (`filled`), which the steps after the render need not read again.
	 */
	finish(): Promise<{ embeds: number; prints: number; aliases: number; aliasesMs: number; filled: ReadonlySet<string> }>;
}

export interface PagesWhileRenderingOptions {
	/** The output folder, ready to be written into (after `startOutput`). */
	dist: string;
	/** The site's base path, such as `/`. */
	base: string;
	/** The site's address, for the redirect pages' canonical links. */
	site: string;
	/** Each module's current major, as `currentMajors` gives it. */
	currentMajors: ReadonlyMap<string, number>;
	/** The permanent addresses to write redirect pages at, as `permalinkAliases` gives them, each in its page's language. */
	aliases: readonly { from: string; to: string; lang?: string }[];
}

/** Tells the output scan, and any other listener, that a page's file is complete, and which parts of module pages it copies. */
type Announce = (file: string, parts?: readonly PartOf[]) => void;

/** What the embed and print pages share while they are filled in: where, what is done, whom to tell, and the work to wait for. */
interface Filling {
	dist: string;
	/** The files filled in so far. */
	filled: Set<string>;
	announce: Announce;
	/** Keeps a page being filled in, for `finish` to wait for. */
	track: (fill: Promise<void>) => void;
}

/** An embed page, with the address of its module page's part and the file it is taken from. */
type Embed = { embed: string; path: string; source: string };

export function startPagesWhileRendering(options: PagesWhileRenderingOptions): PagesWhileRendering {
	const { dist, base, currentMajors } = options;
	const announce = announcer(base);
	const filled = new Set<string>();
	const fills = fillsInProgress();
	const filling: Filling = { dist, filled, announce, track: fills.track };
	const embeds = embedPages(filling);
	const prints = printPages(filling);
	const timers = afterWrittenTimers();
	const aliases = aliasPages(options, announce);
	const listener = (pathname: string) => {
		aliases.write();
		const file = pageFile(pathname, base);
		if (!file) return;
		if (file === SHELLS_PAGE) {
			timers.afterWritten(() => embeds.shellsWritten());
			return;
		}
		if (/^tracks\/[^/]+\/print\/index\.html$/.test(file)) {
			timers.afterWritten(() => prints.printWritten(file));
			return;
		}
		const embed = embedOfModulePage(file, currentMajors);
		// A print page takes the body of a module's current page, which a pre-release has too.
		const current = /^modules\/([^/]+)\/index\.html$/.exec(file)?.[1];
		if (!embed && !current) return;
		timers.afterWritten(() => {
			if (embed) embeds.moduleWritten(embed);
			if (current) prints.moduleWritten(current);
		});
	};
	pageListeners().add(listener);
	return {
		async finish() {
			pageListeners().delete(listener);
			timers.cancel();
			await fills.settle();
			await aliases.write();
			return { embeds: embeds.count, prints: prints.count, aliases: options.aliases.length, aliasesMs: aliases.ms, filled };
		},
	};
}

/** Announces a page's file, under the site's base path, to every page listener. */
function announcer(base: string): Announce {
	const root = base.endsWith('/') ? base : `${base}/`;
	return (file, parts) => {
		const pathname = `${root}${file.replace(/index\.html$/, '')}`;
		for (const listener of pageListeners()) listener(pathname, parts);
	};
}

/** The pages filled in so far, read and written off this thread: `finish` waits for them, and reports a failure. */
function fillsInProgress(): { track(fill: Promise<void>): void; settle(): Promise<void> } {
	const filling: Promise<void>[] = [];
	return {
		track(fill) {
			// Reported by `finish`, not as an unhandled rejection while Astro renders.
			fill.catch(() => undefined);
			filling.push(fill);
		},
		async settle() {
			// A page being filled in is finished before the steps after the render look at what is left.
			// Reading the shells' page starts the embed pages waiting for it: those are waited for too.
			for (let seen = 0; seen < filling.length; ) {
				const batch = filling.slice(seen);
				seen = filling.length;
				await Promise.all(batch);
			}
		},
	};
}

/** Runs steps once Astro has written the page just rendered, and cancels those not run yet when the render is over. */
function afterWrittenTimers(): { afterWritten(step: () => void): void; cancel(): void } {
	const pending = new Set<NodeJS.Timeout>();
	return {
		/** Runs `step` once Astro has written the page just rendered. */
		afterWritten(step) {
			const timer = setTimeout(() => {
				pending.delete(timer);
				step();
			}, WRITTEN_AFTER_MS);
			timer.unref();
			pending.add(timer);
		},
		cancel() {
			for (const timer of pending) clearTimeout(timer);
			pending.clear();
		},
	};
}

/** The embed pages, each filled in from its shell and its module page once both are written. */
function embedPages({ dist, filled, announce, track }: Filling) {
	let count = 0;
	/** The embed pages' shells, once their page is written; until then, the embed pages whose module pages are written. */
	let shells: Shells | undefined;
	const waiting: Embed[] = [];
	const fill = (embed: Embed) => {
		const shell = shellOf(shells!, embed.path);
		if (shell === undefined) return;
		track(
			fillEmbedEarly(dist, embed, shell).then((done) => {
				if (!done) return;
				count++;
				filled.add(embed.embed);
				announce(embed.embed, [{ source: embed.source, part: 'embed' }]);
			})
		);
	};
	return {
		/** How many embed pages were filled in. */
		get count() {
			return count;
		},
		/** Reads the shells once their page is written, and fills in the embed pages that waited for them. */
		shellsWritten() {
			track(
				readShells(dist).then((found) => {
					if (!found) return;
					shells = found;
					for (const embed of waiting.splice(0)) fill(embed);
				})
			);
		},
		/** Fills in the embed page of a module page just written, or keeps it until the shells are read. */
		moduleWritten(embed: Embed) {
			if (shells) fill(embed);
			else waiting.push(embed);
		},
	};
}

/** The track print pages, each filled in once the pages of all its modules are written. */
function printPages({ dist, filled, announce, track }: Filling) {
	let count = 0;
	/** Each track print page not filled in yet, and the modules whose pages it still waits for. */
	const waiting = new Map<string, Set<string>>();
	/** The modules whose pages are written so far. */
	const written = new Set<string>();
	const fill = (file: string) =>
		track(
			fillPrintEarly(dist, file).then((done) => {
				if (!done) return;
				count++;
				filled.add(file);
				// Parsed whole by the scan: the bodies in it are edited copies (src/lib/embeds/print-body.ts).
				announce(file);
			})
		);
	return {
		/** How many print pages were filled in. */
		get count() {
			return count;
		},
		/** Fills in a print page just written if its modules' pages all are, or keeps it until they are. */
		printWritten(file: string) {
			const modules = printModules(dist, file) ?? [];
			const left = new Set(modules.filter((id) => !written.has(id)));
			if (left.size === 0) fill(file);
			else waiting.set(file, left);
		},
		/** Notes a module's current page as written, and fills in the print pages that waited for it last. */
		moduleWritten(id: string) {
			written.add(id);
			for (const [page, left] of waiting) {
				if (!left.delete(id) || left.size > 0) continue;
				waiting.delete(page);
				fill(page);
			}
		},
	};
}

/**
 * The redirect pages are written once Astro renders its first page, not before: the scan's early worker
 * starts on the first page it is told of, and before the render Astro bundles, when its process is
 * largest (in a warm build at N = 5,000, the build's peak). A build that renders no page writes them at the end.
 */
function aliasPages(options: PagesWhileRenderingOptions, announce: Announce) {
	let ms = 0;
	let writing: Promise<void> | undefined;
	return {
		/** How long the redirect pages took to write. */
		get ms() {
			return ms;
		},
		/** Starts writing the redirect pages the first time it is called; each call returns the same writing. */
		write() {
			if (writing) return writing;
			const started = performance.now();
			writing = writeAliasPages(options.dist, options.aliases, options.site, (from) => announce(`${from.slice(1)}index.html`)).then(() => {
				ms = performance.now() - started;
			});
			// A failure is reported by `finish`, not as an unhandled rejection while Astro renders.
			writing.catch(() => undefined);
			return writing;
		},
	};
}
