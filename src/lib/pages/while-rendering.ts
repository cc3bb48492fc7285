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
import { embedOfModulePage, fillEmbedEarly, fillPrintEarly, printModules, printSource, readShells, shellOf, SHELLS_PAGE, type Shells } from '../embeds/assemble.ts';
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
	/** The permanent addresses to write redirect pages at, as `permalinkAliases` gives them. */
	aliases: readonly { from: string; to: string }[];
}

export function startPagesWhileRendering(options: PagesWhileRenderingOptions): PagesWhileRendering {
	const { dist, base, currentMajors } = options;
	const root = base.endsWith('/') ? base : `${base}/`;
	/** Tells the output scan, and any other listener, that a page's file is complete, and which parts of module pages it copies. */
	const announce = (file: string, parts?: readonly PartOf[]) => {
		const pathname = `${root}${file.replace(/index\.html$/, '')}`;
		for (const listener of pageListeners()) listener(pathname, parts);
	};
	let embeds = 0;
	let prints = 0;
	const filled = new Set<string>();
	/** Each track print page not filled in yet: its modules, in the order it shows them, and those it still waits for. */
	const printsWaiting = new Map<string, { modules: string[]; waiting: Set<string> }>();
	/** The modules whose pages are written so far. */
	const written = new Set<string>();
	/** The pages filled in so far, read and written off this thread: `finish` waits for them, and reports a failure. */
	const filling: Promise<void>[] = [];
	const track = (fill: Promise<void>) => {
		// Reported by `finish`, not as an unhandled rejection while Astro renders.
		fill.catch(() => undefined);
		filling.push(fill);
	};
	const fillPrint = (file: string, modules: readonly string[]) =>
		track(
			fillPrintEarly(dist, file).then((done) => {
				if (!done) return;
				prints++;
				filled.add(file);
				announce(file, modules.map((id) => ({ source: printSource(id), part: 'body' })));
			})
		);
	/** The embed pages' shells, once their page is written; until then, the embed pages whose module pages are written. */
	let shells: Shells | undefined;
	const embedsWaiting: { embed: string; path: string; source: string }[] = [];
	const fillEmbed = (embed: { embed: string; path: string; source: string }) => {
		const shell = shellOf(shells!, embed.path);
		if (shell === undefined) return;
		track(
			fillEmbedEarly(dist, embed, shell).then((done) => {
				if (!done) return;
				embeds++;
				filled.add(embed.embed);
				announce(embed.embed, [{ source: embed.source, part: 'embed' }]);
			})
		);
	};
	const pending = new Set<NodeJS.Timeout>();
	/** Runs `step` once Astro has written the page just rendered. */
	const afterWritten = (step: () => void) => {
		const timer = setTimeout(() => {
			pending.delete(timer);
			step();
		}, WRITTEN_AFTER_MS);
		timer.unref();
		pending.add(timer);
	};
	const listener = (pathname: string) => {
		writeAliases();
		const file = pageFile(pathname, base);
		if (!file) return;
		if (file === SHELLS_PAGE) {
			afterWritten(() =>
				track(
					readShells(dist).then((found) => {
						if (!found) return;
						shells = found;
						for (const embed of embedsWaiting.splice(0)) fillEmbed(embed);
					})
				)
			);
			return;
		}
		if (/^tracks\/[^/]+\/print\/index\.html$/.test(file)) {
			afterWritten(() => {
				const modules = printModules(dist, file) ?? [];
				const waiting = new Set(modules.filter((id) => !written.has(id)));
				if (waiting.size === 0) fillPrint(file, modules);
				else printsWaiting.set(file, { modules, waiting });
			});
			return;
		}
		const embed = embedOfModulePage(file, currentMajors);
		// A print page takes the body of a module's current page, which a pre-release has too.
		const current = /^modules\/([^/]+)\/index\.html$/.exec(file)?.[1];
		if (!embed && !current) return;
		afterWritten(() => {
			if (embed && shells) fillEmbed(embed);
			else if (embed) embedsWaiting.push(embed);
			if (!current) return;
			written.add(current);
			for (const [page, { modules, waiting }] of printsWaiting) {
				if (!waiting.delete(current) || waiting.size > 0) continue;
				printsWaiting.delete(page);
				fillPrint(page, modules);
			}
		});
	};
	pageListeners().add(listener);

	let aliasesMs = 0;
	let writing: Promise<void> | undefined;
	/**
	 * The redirect pages are written once Astro renders its first page, not before: the scan's early worker
	 * starts on the first page it is told of, and before the render Astro bundles, when its process is
	 * largest (in a warm build at N = 5,000, the build's peak). A build that renders no page writes them at the end.
	 */
	const writeAliases = () => {
		if (writing) return writing;
		const started = performance.now();
		writing = writeAliasPages(dist, options.aliases, options.site, (from) => announce(`${from.slice(1)}index.html`)).then(() => {
			aliasesMs = performance.now() - started;
		});
		// A failure is reported by `finish`, not as an unhandled rejection while Astro renders.
		writing.catch(() => undefined);
		return writing;
	};
	return {
		async finish() {
			pageListeners().delete(listener);
			for (const timer of pending) clearTimeout(timer);
			pending.clear();
			// A page being filled in is finished before the steps after the render look at what is left.
			// Reading the shells' page starts the embed pages waiting for it: those are waited for too.
			for (let seen = 0; seen < filling.length; ) {
				const batch = filling.slice(seen);
				seen = filling.length;
				await Promise.all(batch);
			}
			await writeAliases();
			return { embeds, prints, aliases: options.aliases.length, aliasesMs, filled };
		},
	};
}
