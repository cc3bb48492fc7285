import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, AstroIntegrationLogger, AstroUserConfig, HookParameters } from 'astro';
import { AstroError } from 'astro/errors';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCurriculumKeeping } from './lib/check/check-curriculum.ts';
import { curriculumFieldReference } from './lib/curriculum/field-reference.ts';
import type { CurriculumConfig } from './lib/curriculum/schema/config.ts';
import type { ModuleData } from './lib/curriculum/schema/module.ts';
import type { Curriculum } from './lib/curriculum/load.ts';
import { gateOnFindings } from './lib/check/build-gate.ts';
import { today } from './lib/curriculum/freshness.ts';
import { FEED_HREF, pageEditBase, sidebarFor } from './lib/curriculum/model.ts';
import { contentDir } from './lib/curriculum/paths.ts';
import { astroRedirects, netlifyRules, permalinkAliases, sectionRedirects } from './lib/curriculum/redirects.ts';
import { codeFingerprint } from './lib/cache/fingerprint.ts';
import { contentMapPlugin, holdContentMap, type ContentMaps } from './lib/cache/content-map.ts';
import { stableEnvPlugin } from './lib/cache/stable-env.ts';
import { compileInputs, mdxCachePlugin } from './lib/cache/mdx-cache.ts';
import { compilerGuard } from './lib/safety/compiler-guard.ts';
import { outputGuard } from './lib/safety/output-guard.ts';
import { startShareCards } from './lib/cards/build-step.ts';
import { certificateAssetsDevServer } from './lib/cards/browser-assets.ts';
import { starlightLocales } from './lib/i18n/locales.ts';
import { newBuild, outputRecord, startBuild, finishPages, lastSteps, type Build } from './build-steps.ts';
import { featureDrift, PARSER_FEATURES } from './lib/safety/parser-options.ts';
import { currentsVitePlugin, ruleDocs, type RuleDocs } from './lib/safety/vite-guard.ts';
import { boxHeadings } from './lib/pages/box-headings.ts';
import { focusableScrollBoxes } from './lib/pages/scroll-boxes.ts';
import { rootRelativeLinks } from './lib/pages/root-relative-links.ts';
import { NO_SCRIPT_CSS } from './lib/pages/no-script.ts';
import { UI_STRINGS } from './lib/i18n/ui/index.ts';
import { astroCsp, previewPolicy } from './lib/csp/policy.ts';

export interface CurrentsOptions {
	/** The content folder; `CURRENTS_CONTENT` or `content/` when omitted. */
	content?: string;
}

/**
 * Currents turns a content folder into a Starlight curriculum site. This file is the table of
 * contents of what the engine adds; the logic lives in `src/lib/`.
 */
export default function currents(options: CurrentsOptions = {}): AstroIntegration {
	// What each hook learns and hands on to the hooks after it (src/build-steps.ts).
	const build = newBuild();
	return {
		name: 'currents',
		hooks: {
			'astro:config:setup': (setup) => configure(build, setup, options),
			'astro:config:done': (done) => beforeSync(build, done),
			'astro:build:start': () => startBuild(build),
			'astro:build:generated': (generated) => finishPages(build, generated),
			'astro:build:done': (done) => lastSteps(build, done),
		},
	};
}

/**
 * `astro:config:setup`: checks every content file before anything compiles one (a bad or malicious
 * module stops the build here), then sets Astro up to build the curriculum that passed.
 */
function configure(build: Build, setup: HookParameters<'astro:config:setup'>, options: CurrentsOptions): void {
	const { config: astroConfig, updateConfig, injectRoute, addMiddleware, logger, command } = setup;
	build.command = command;
	const root = decodeURI(astroConfig.root.pathname);
	const dir = contentDir(options.content, process.env, root);
	// The content collections read the same folder (see src/content.config.ts).
	process.env.CURRENTS_CONTENT = dir;
	// The content collections keep invalid entries in the dev server only (src/content.config.ts).
	if (command === 'dev') process.env.CURRENTS_DEV = '1';
	const on = today();
	build.astroCache = fileURLToPath(astroConfig.cacheDir);
	const cache = (name: string) => new URL(`${name}/`, astroConfig.cacheDir);
	build.caches = { cards: cache('currents-cards'), cartridges: cache('currents-cartridges'), search: cache('currents-search'), emoji: cache('currents-emoji') };

	const started = performance.now();
	// Share cards show the curriculum's data, not the pages: as soon as it is loaded and read against
	// its schemas, they are drawn in a child process while the check goes on and Astro loads the
	// content, bundles and renders, and they are written into the output when the build is done. A
	// build the check stops ends that process with its own.
	const drawCards = (loaded: Curriculum) => {
		if (command === 'build' && loaded.config) build.cards = startShareCards({ curriculum: loaded, logger, cacheDir: build.caches.cards });
	};
	// Files unchanged since the last build are not parsed again for the safe-content rules, nor their YAML read again.
	const { curriculum, findings } = checkCurriculumKeeping(fileURLToPath(new URL('currents-check/', astroConfig.cacheDir)), dir, { root, on, onLoaded: drawCards });
	const config = gateOnFindings(curriculum, findings, { command, root, dir, logger });
	logger.info(`Checked the curriculum in ${Math.round(performance.now() - started)} ms.`);
	build.checked = curriculum;

	const modules = new Map(curriculum.modules.map((module) => [module.id, module.data]));
	// Each current major's permanent address, and in another language that of each translation of the current major.
	const translated = curriculum.translations.flatMap((entry) => (entry.kind === 'module' ? [{ id: entry.id, locale: entry.locale, translates: entry.data.translates }] : []));
	build.aliases = permalinkAliases(modules, config.locales, translated);
	build.redirects = netlifyRules(curriculum.redirects, build.aliases, config.locales);
	build.docs = ruleDocs(config.site);
	build.guard = compilerGuard({ root, site: build.docs.site, imageHosts: config.imageHosts, contentDir: resolve(dir) });
	updateConfig(astroSettings(build, { curriculum, config, modules, root, dir, on, cacheDir: astroConfig.cacheDir, logger }));

	// Interface strings fill in titles and names as plain text, escaped once, by Astro.
	addMiddleware({ entrypoint: new URL('./text-middleware.ts', import.meta.url), order: 'post' });

	// Pages the engine adds around Starlight's, in every language the curriculum is written in (below).
	injectPages(injectRoute, config.locales, command);
}

interface Checked {
	curriculum: Curriculum;
	config: CurriculumConfig;
	modules: ReadonlyMap<string, ModuleData>;
	root: string;
	dir: string;
	on: string;
	cacheDir: URL;
	logger: AstroIntegrationLogger;
}

/** Astro's settings for a checked curriculum, and the integrations around Starlight, which renders the pages. */
function astroSettings(build: Build, { curriculum, config, modules, root, dir, on, cacheDir, logger }: Checked): Parameters<HookParameters<'astro:config:setup'>['updateConfig']>[0] {
	const { command } = build;
	return {
		site: config.site,
		trailingSlash: 'always',
		// Astro adds the slash to its image route when it reads a project's own config, not when an
		// integration sets `trailingSlash`: without this, every image in the dev server's preview was a 404.
		image: { endpoint: { route: '/_image/' } },
		// A strict Content Security Policy in a meta tag of every page: scripts and stylesheets by file or hash
		// only (src/lib/csp/); netlify.toml sends the same policy as a header, with frame-ancestors.
		security: { csp: astroCsp({ imageHosts: config.imageHosts }) },
		// `astro preview` sends it as a header too, as Netlify does, so that it also governs the search worker.
		...(command === 'preview' ? { server: { headers: { 'Content-Security-Policy': previewPolicy({ imageHosts: config.imageHosts }) } } } : {}),
		// Stylesheets stay files that browsers cache across pages, rather than being copied into the
		// HTML of every page, which the module page's HTML budget cannot afford.
		// Four pages rendered at a time: Astro awaits four file operations per page (the page and its
		// copy in the incremental cache, each a folder and a file), 1.7 to 2 ms a page on this project's
		// machines, and one page at a time left its thread idle for that long. In 8 alternated cold
		// builds at 1,000 modules the render took 2 to 10 s less with 4 than with 1, every time;
		// 2 and 8 were no better than 1 and 4 (README, "Performance against plain Starlight").
		build: { inlineStylesheets: 'never', concurrency: 4 },
		// A page whose code and `cacheKey` (the curriculum data it shows, src/data.ts) are unchanged since
		// the last build is copied from it instead of rendered again.
		experimental: { incrementalBuild: true },
		// Renamed modules, and addresses such as /tracks/ that readers guess; each current major's permanent
		// address is written by the engine (src/lib/pages/while-rendering.ts).
		redirects: { ...sectionRedirects(config.locales, curriculum.pages.map((page) => page.id)), ...astroRedirects(curriculum.redirects) },
		// The compiler parses with the features the content check parses with, and its first plugin
		// is the guard that refuses unsafe content on the compiler's own tree. Wide tables and code
		// blocks become focusable, so that keyboard users can scroll them; the boxes' titles become
		// headings at the level of the section they sit in; links relative to their page are written from
		// the site's root, since embeds, print pages and cartridges show the same body at other addresses.
		markdown: { processor: satteri({ features: { ...PARSER_FEATURES }, mdastPlugins: [build.guard!, boxHeadings], hastPlugins: [focusableScrollBoxes, rootRelativeLinks(dir)] }) },
		integrations: [
			sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/embed/') }),
			starlightFor(curriculum, config, modules, { root, dir, command }),
			// Last but one, so that it reads every file the others write: the scan of what ships.
			outputGuard({
				root,
				site: config.site,
				sourceOf: sourceFinder(curriculum),
				enginePages: () => [...build.aliases.map(({ from }) => from.slice(1)), ...build.embedPages.map((file) => file.replace(/index\.html$/, ''))],
				cacheDir: fileURLToPath(new URL('currents-output-scan/', cacheDir)),
				imageHosts: config.imageHosts,
			}),
			// Last, once the output is complete and has passed the scan: a record of it (src/build-steps.ts).
			outputRecord(build),
		],
		vite: viteFor({ command, root, dir, config, on, curriculum, contentMaps: build.contentMaps, cacheDir, logger, docs: build.docs }),
	};
}

/**
 * `astro:config:done`, before Astro syncs the content: every integration has configured Markdown by now
 * (Starlight turns directives on). If the compiler would read files differently from the content check,
 * the build stops before compiling any; otherwise it waits its turn to sync the content.
 */
async function beforeSync(build: Build, { config, logger }: HookParameters<'astro:config:done'>): Promise<void> {
	build.outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
	build.base = config.base;
	const processor = config.markdown.processor as { name: string; options?: { features?: Record<string, unknown>; mdastPlugins?: unknown[] } };
	const drift = processor.name === 'satteri' ? featureDrift(processor.options?.features ?? {}, config.markdown) : [`the compiler is "${processor.name}", not Sätteri`];
	if (processor.options?.mdastPlugins?.[0] !== build.guard) drift.push('the content guard is not the compiler\'s first plugin');
	if (drift.length > 0) {
		throw new AstroError(
			`The Markdown compiler and the content check would read files differently:\n${drift.map((line) => `  - ${line}`).join('\n')}`,
			'Change Markdown features only in PARSER_FEATURES (src/lib/safety/parser-options.ts), which the build and the check share.'
		);
	}
	// Astro's content sync comes next and writes this build's list of content modules where every
	// build of the project root writes it: one sync at a time (src/lib/cache/content-map.ts).
	// (`astro preview` syncs nothing.)
	if (build.command === 'preview') return;
	build.contentMapLock = await holdContentMap(fileURLToPath(new URL('.astro/', config.root)), build.contentMaps, {
		onWait: (pid) => logger.info(`Another build of this project (process ${pid}) is syncing its content; this one starts when it is done.`),
	});
	// Without bundling there is no copy to keep: the lock goes once the sync has written the list.
	if (build.command !== 'build') build.contentMapLock.releaseOnceWritten();
}

/** Starlight, which renders the pages, set up for the curriculum: its languages, sidebar, styles and the engine's overrides. */
function starlightFor(curriculum: Curriculum, config: CurriculumConfig, modules: ReadonlyMap<string, ModuleData>, { root, dir, command }: { root: string; dir: string; command: string }): AstroIntegration {
	return starlight({
		title: config.title,
		description: config.tagline,
		// The first language is the originals', at the root; each other one under /<code>/.
		defaultLocale: 'root',
		locales: starlightLocales(config.locales),
		// The engine's interface strings, in every language it is written in; and in the dev server, a
		// free page whose file is broken shows its findings, as a module page does.
		plugins: [
			{
				name: 'currents',
				hooks: {
					'i18n:setup': ({ injectTranslations }) => injectTranslations(UI_STRINGS),
					'config:setup': ({ addRouteMiddleware }) => addRouteMiddleware({ entrypoint: fileURLToPath(new URL('./route-middleware.ts', import.meta.url)) }),
				},
			},
		],
		// Starlight appends each free page's path from the project root to this base.
		editLink: { baseUrl: pageEditBase(config, relative(root, dir)) },
		lastUpdated: false,
		sidebar: sidebarFor(curriculum.tracks, modules, undefined, curriculum.pages),
		head: [
			{ tag: 'link', attrs: { rel: 'alternate', type: 'application/atom+xml', title: `${config.title}: what's new`, href: FEED_HREF } },
			// Without JavaScript: the reader's light theme, and no controls that would do nothing (src/lib/pages/no-script.ts).
			...(command === 'build' ? [{ tag: 'noscript' as const, content: `<link rel="stylesheet" href="/${NO_SCRIPT_CSS}">` }] : []),
		],
		customCss: [fileURLToPath(new URL('./styles/currents.css', import.meta.url)), fileURLToPath(new URL('./styles/print.css', import.meta.url))],
		// A thin override: Starlight's footer plus a "Report a platform change" link on every page.
		components: {
			Footer: fileURLToPath(new URL('./overrides/Footer.astro', import.meta.url)),
			// Search with the curriculum's facets, whose script loads only when search is opened.
			Search: fileURLToPath(new URL('./overrides/Search.astro', import.meta.url)),
			// Starlight's language menu, except that a language without this page leads to its home page.
			LanguageSelect: fileURLToPath(new URL('./overrides/LanguageSelect.astro', import.meta.url)),
			// Starlight's sidebar, with the language said on a group labelled in the original's words.
			Sidebar: fileURLToPath(new URL('./overrides/Sidebar.astro', import.meta.url)),
			// On a page shown in the original's words in another language: the notice says its language,
			// and the tables of contents say the original's on the page's headings.
			FallbackContentNotice: fileURLToPath(new URL('./overrides/FallbackContentNotice.astro', import.meta.url)),
			TableOfContents: fileURLToPath(new URL('./overrides/TableOfContents.astro', import.meta.url)),
			MobileTableOfContents: fileURLToPath(new URL('./overrides/MobileTableOfContents.astro', import.meta.url)),
			// "Previous" and "Next", with the language said on a title in the original's words.
			Pagination: fileURLToPath(new URL('./overrides/Pagination.astro', import.meta.url)),
			// The page's title, with the language said on a module shown in the original's words.
			PageTitle: fileURLToPath(new URL('./overrides/PageTitle.astro', import.meta.url)),
		},
		// The engine's own page for an address the site does not have (src/routes/NotFound.astro).
		disable404Route: true,
		// The engine writes the search index itself, after its own steps, reusing the last build's when no page changed.
		pagefind: false,
	});
}

/** Vite's part of the build: the engine's plugins (the content guard among them) and how scripts are bundled. */
function viteFor({ command, root, dir, config, on, curriculum, contentMaps, cacheDir, logger, docs }: { command: string; root: string; dir: string; config: CurriculumConfig; on: string; curriculum: Curriculum; contentMaps: ContentMaps; cacheDir: URL; logger: AstroIntegrationLogger; docs?: RuleDocs | undefined }): NonNullable<AstroUserConfig['vite']> {
	// The engine's own code, for the cacheKey of every page (src/data.ts) and the key of every compiled module.
	const engine = command === 'build' ? codeFingerprint(fileURLToPath(new URL('./', import.meta.url)), { recursive: true, extensions: ENGINE_FILES }) : '';
	return {
		plugins: [
			// The fonts and renderer a learner's browser draws a certificate with, served as files in the dev server.
			certificateAssetsDevServer(),
			// The bundler reads this build's own list of content modules, not one another build wrote since;
			// pages' code does not change with the environment the build was started in; and a module
			// unchanged since the last build is not compiled again.
			...(command === 'build' ? [contentMapPlugin(contentMaps), stableEnvPlugin(), mdxCachePlugin({ dir: fileURLToPath(new URL('currents-mdx/', cacheDir)), inputs: compileInputs({ root, engine, dir, config }), report: ({ reused, compiled }) => logger.info(`MDX modules: ${compiled} compiled, ${reused} taken from the last build.`) })] : []),
			currentsVitePlugin({
				root,
				dir,
				config,
				on,
				engine,
				checked: new Map(curriculum.documents.map((d) => [d.path, d.source])),
				fieldReference: () => curriculumFieldReference(fileURLToPath(new URL('./lib/curriculum/schema/', import.meta.url))),
				...(docs ? { docs } : {}),
			}),
		],
		build: {
			// Scripts stay files under /_astro/, never inlined, so that the only inline scripts
			// are the few the output scan and the Content Security Policy pin by hash.
			assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
			// The engine empties the output itself, or builds into it (src/lib/cache/output-state.ts).
			emptyOutDir: false,
			// The largest script is the certificate renderer (1.8 MB: satori and its layout engine), which a
			// browser loads only when a learner draws a certificate, so Vite's 500 kB warning fired on
			// every build. What pages load is held to budgets of its own (scripts/lib/page-weight.ts).
			chunkSizeWarningLimit: 2000,
			rollupOptions: {
				// Astro marks every MDX module with a directive the bundler warns about once per file;
				// it is expected and says nothing about the content, so keep the build log readable.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	};
}

/**
 * Pages the engine adds around Starlight's: home, tracks, modules and their permalinks, platform
 * updates, what's new and its feed, and the pages for learners, instructors and contributors.
 */
function injectPages(injectRoute: HookParameters<'astro:config:setup'>['injectRoute'], locales: readonly string[], command: string): void {
	const route = (pattern: string, file: string) =>
		injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url), prerender: true });
	// Pages that also exist in the curriculum's other languages, under /<code>/; each page learns its
	// language from the address (src/lib/i18n/).
	const everyLanguage = (pattern: string, file: string) => {
		route(pattern, file);
		for (const code of locales.slice(1)) route(`/${code}${pattern === '/' ? '' : pattern}`, file);
	};
	everyLanguage('/', 'Home.astro');
	everyLanguage('/tracks/[track]', 'Track.astro');
	everyLanguage('/modules/[...path]', 'Module.astro');
	// Which modules are translated into each language, and whether each translation is current.
	if (locales.length > 1) everyLanguage('/translations', 'Translations.astro');
	everyLanguage('/updates/[update]', 'Update.astro');
	everyLanguage('/whats-new', 'WhatsNew.astro');
	// The search dialog's words and facet order, fetched when search is first opened.
	everyLanguage('/search.json', 'search.json.ts');
	everyLanguage('/feed.xml', 'feed.xml.ts');
	everyLanguage('/tracks/[track]/feed.xml', 'track-feed.xml.ts');
	// The learner's progress, kept in their browser: export, import, clear.
	everyLanguage('/progress', 'Progress.astro');
	everyLanguage('/learner.json', 'learner.json.ts');
	// For instructors: a printable syllabus per track, and per translated track in its language.
	everyLanguage('/tracks/[track]/syllabus', 'Syllabus.astro');
	// A whole track on one page, to print or save as a PDF and read offline; per translated track in its language too.
	everyLanguage('/tracks/[track]/print', 'TrackPrint.astro');
	// Module majors as pages other sites may frame, for courses that embed them. The dev server renders
	// each on request; a build renders what is their own on one page, and the engine writes them from it
	// and from their module pages (src/lib/embeds/assemble.ts).
	if (command === 'build') route('/embed/shells', 'EmbedShells.astro');
	else route('/embed/modules/[...path]', 'Embed.astro');
	// Issuers of signed certificates, their public keys, the certificates they revoked, and the page that checks a certificate in the browser.
	everyLanguage('/issuers', 'Issuers.astro');
	route('/issuers/[issuer].json', 'issuers-profile.json.ts');
	route('/issuers/[issuer]/keys/[key].json', 'issuers-key.json.ts');
	route('/issuers/[issuer]/revocations.json', 'issuers-revocations.json.ts');
	everyLanguage('/verify', 'Verify.astro');
	// One page per rule of the content check, linked from every finding.
	route('/contributing/rules', 'Rules.astro');
	route('/contributing/rules/[rule]', 'Rule.astro');
	// Every field of every content file, read from the schemas themselves.
	route('/contributing/fields', 'Fields.astro');
	// The page for an address the site does not have.
	route('/404', 'NotFound.astro');
	// The service worker that keeps a track for reading offline, registered only when a reader asks (src/client/offline.ts).
	route('/sw.js', 'sw.js.ts');
}

/** The kinds of file the engine's code is written in, under `src/`. */
const ENGINE_FILES = ['.ts', '.astro', '.css', '.json'];


/** Maps a built page's address to the content file it was built from, for the output scan's messages. */
function sourceFinder(curriculum: Curriculum): (page: string) => string | undefined {
	const sources = new Map<string, string>();
	for (const module of curriculum.modules) sources.set(`modules/${module.id}/`, module.file);
	for (const archive of curriculum.archives) sources.set(`modules/${archive.id.split('/')[0]}/v${archive.major}/`, archive.file);
	for (const update of curriculum.updates) sources.set(`updates/${update.id}/`, update.file);
	return (page) => sources.get(page) ?? sources.get(page.replace(/v\d+\/$/, ''));
}

