import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdContentMap } from '../src/lib/cache/content-map.ts';
import { unzip } from './unzip.ts';
import { buildCurriculum, copyFixture, ROOT, startBuild, type Build } from './utils.ts';

/**
 * A build after a build: Astro leaves in place each page whose code and `cacheKey` are unchanged
 * since the last build instead of rendering it again, and the engine reuses the last search index
 * while the pages it holds are unchanged. What a reader must never see is a page that missed a
 * change, or a page of something that is gone.
 */
describe('a build after a build', () => {
	let content: string;
	/** How many MDX files the first build compiled: every module and archived major. */
	let compiledFirst: number;
	/** Builds into the last build's output, as a contributor's second build does, with further environment `variables`. */
	const build = (variables: Record<string, string> = {}) => buildCurriculum(content, 'incremental', undefined, { keepOutput: true, variables });
	/** The pages a build took from the last one instead of rendering them, by file. */
	const reused = (run: Build) => new Set([...run.output.matchAll(/├─ \/(\S+) \((?:cached|restored)\)/g)].map((match) => match[1]!));
	/** The pages a build left in place, neither rendered nor copied. */
	const inPlace = (run: Build) => new Set([...run.output.matchAll(/├─ \/(\S+) \(cached\)/g)].map((match) => match[1]!));
	const edit = (file: string, change: (text: string) => string) => {
		const path = join(content, file);
		writeFileSync(path, change(readFileSync(path, 'utf8')));
	};

	beforeAll(() => {
		content = copyFixture('valid-course');
		const first = buildCurriculum(content, 'incremental');
		expect(first.status, first.output).toBe(0);
		expect(reused(first).size).toBe(0);
		compiledFirst = Number(/MDX modules: (\d+) compiled, 0 taken from the last build\./.exec(first.output)?.[1]);
		expect(compiledFirst).toBeGreaterThan(3);
		expect(first.output).toContain('indexed with Pagefind');
		// `npm run build` makes the index once Astro's process has ended, so that their memory does not add up,
		// and the Common Cartridges beside it.
		expect(first.output.indexOf('Search index:')).toBeGreaterThan(first.output.indexOf('[build] Complete!'));
		expect(first.output).toMatch(/Wrote (\d+) Common Cartridges to downloads\/ \(made \1, reused 0 from the last build\) in \d+ ms, after the build's process had ended/);
		expect(first.output.indexOf('Common Cartridges')).toBeGreaterThan(first.output.indexOf('[build] Complete!'));
	});

	// One test in three steps, each building on the last build's cache, as a contributor's builds do.
	it('reuses what did not change, and renders again every page that shows a change', () => {
		// Nothing changed: every page with a cacheKey stays where the last build wrote it, and the search index is the last one.
		// Whatever else differs in the environment the build starts in: the shell's last command (`_`), and the
		// branch and deploy context Netlify names (`HEAD`, `CONTEXT`), none of which a page shows.
		const again = build({ _: '/usr/local/bin/npx', HEAD: 'add-a-tactic', CONTEXT: 'deploy-preview' });
		expect(again.status, again.output).toBe(0);
		expect(again.output).toContain("Built into the last build's output");
		// No module is compiled again: each one's compile is the last build's.
		expect(again.output).toContain(`MDX modules: 0 compiled, ${compiledFirst} taken from the last build.`);
		const pages = inPlace(again);
		for (const page of ['modules/brewing-basics/index.html', 'modules/serving/index.html', 'modules/brewing-basics/v1/index.html', 'tracks/tea-foundations/index.html', 'tracks/tea-foundations/print/index.html']) {
			expect(pages, page).toContain(page);
		}
		// Embed pages are not Astro's pages: the engine makes them in every build, from their module pages, and
		// leaves in place each one that comes out as the last build wrote it.
		expect(again.output).toMatch(/Wrote (\d+) embed pages from their parts and their module pages \(0 while the others rendered, \1 the same as the last build's and left in place\)/);
		expect(again.output).toMatch(/Search index: \d+ pages, reused from the last build/);
		expect(again.output).toMatch(/Wrote (\d+) Common Cartridges to downloads\/ \(made 0, reused \1 from the last build\)/);
		// Pages the engine completes after the build are whole again: the embed has its body, the permalink its redirect.
		expect(again.read('embed/modules/serving/v1/index.html')).not.toContain('currents:embed-body');
		expect(again.read('tracks/tea-foundations/print/index.html')).not.toContain('currents:print-body');
		expect(again.read('modules/serving/v1/index.html')).toContain('<meta http-equiv="refresh" content="0;url=/modules/serving/">');

		const course = readFileSync(join(again.outDir, 'downloads', 'steeped.imscc'));

		// A module's body changed: the pages that show it are rendered again, and only those.
		edit('modules/water-temperature.mdx', (text) => `${text}\nA paragraph about steeping vessels, added since.\n\n<Exercise title="Taste three vessels" deliverable="A line on each">Brew in glass, clay and steel.</Exercise>\n`);
		const changed = build();
		expect(changed.status, changed.output).toBe(0);
		expect(changed.output).toContain(`MDX modules: 1 compiled, ${compiledFirst - 1} taken from the last build.`);
		const kept = reused(changed);
		expect(kept).not.toContain('modules/water-temperature/index.html');
		expect(kept).not.toContain('tracks/tea-foundations/print/index.html');
		// The syllabus lists each module's exercises and prompts, which come from its body.
		expect(kept).not.toContain('tracks/tea-foundations/syllabus/index.html');
		expect(kept).toContain('modules/serving/index.html');
		expect(kept).toContain('tracks/tea-foundations/index.html');
		// One embed page shows the change, and is written again (while the pages render, or after); the others stay.
		const [, all, same] = (/Wrote (\d+) embed pages from their parts and their module pages \(\d+ while the others rendered, (\d+) the same/.exec(changed.output) ?? []).map(Number);
		expect(all! - same!, changed.output).toBe(1);
		for (const page of ['modules/water-temperature/index.html', 'embed/modules/water-temperature/v1/index.html', 'tracks/tea-foundations/print/index.html']) {
			expect(changed.read(page), page).toContain('steeping vessels');
		}
		expect(changed.output).toContain('indexed with Pagefind');
		// The cartridges that hold the module are made again: here all four, the link-only ones too, since
		// they carry its instructor notes and discussion prompts, which come from its page.
		expect(changed.output).toMatch(/Common Cartridges to downloads\/ \(made 4, reused 0 from the last build\)/);
		expect(readFileSync(join(changed.outDir, 'downloads', 'steeped.imscc')).equals(course)).toBe(false);
		// The track's cartridge opens with its syllabus, which lists the exercise added.
		const syllabus = unzip(readFileSync(join(changed.outDir, 'downloads', 'tracks', 'tea-foundations.imscc'))).get('tracks/tea-foundations/syllabus/index.html')!.toString('utf8');
		expect(syllabus).toContain('<strong>Exercise:</strong> Taste three vessels. <strong>Learners hand in:</strong> A line on each.');

		// A module's frontmatter changed and another module removed, in one build. Every page is rendered
		// again, since any page may list the module: another module's page lists it in its track's sidebar.
		// Nothing of the removed module is left in the output (its page, permalink, embed and share card), the
		// scan of the output finds no page without a route, and search no longer holds it.
		const gone = ['modules/serving/index.html', 'modules/serving/v1/index.html', 'embed/modules/serving/v1/index.html', 'cards/modules/serving.png'];
		for (const file of gone) expect(changed.exists(file), file).toBe(true);
		edit('modules/water-temperature.mdx', (text) => text.replace('title: Water temperature', 'title: Water temperature and time'));
		rmSync(join(content, 'modules', 'serving.mdx'));
		edit('tracks/tea-foundations.yaml', (text) => text.replace('  - serving\n', ''));
		edit('updates/2026-11-10-kettle-presets.md', (text) => text.replace('[water-temperature, serving]', '[water-temperature]'));
		edit('redirects.yaml', (text) => text.replace('to: serving', 'to: water-temperature'));
		const removed = build();
		expect(removed.status, removed.output).toBe(0);
		expect(reused(removed).size).toBe(0);
		expect(removed.read('modules/brewing-basics/index.html')).toContain('Water temperature and time');
		expect(removed.read('tracks/tea-foundations/index.html')).toContain('Water temperature and time');
		expect(removed.output).toContain("Built into the last build's output");
		for (const file of gone) expect(removed.exists(file), file).toBe(false);
		expect(removed.output).toContain('indexed with Pagefind');

		// A page of the output changed by hand: the next build cannot trust the output, starts from an emptied
		// folder, and the page is the built one again.
		const page = join(removed.outDir, 'modules', 'water-temperature', 'index.html');
		const built = readFileSync(page, 'utf8');
		writeFileSync(page, built.replace('Water temperature and time', 'Edited by hand'));
		const repaired = build();
		expect(repaired.status, repaired.output).toBe(0);
		expect(repaired.output).not.toContain("Built into the last build's output");
		expect(repaired.read('modules/water-temperature/index.html')).toBe(built);
	});

	it('renders from its own list of content modules, though another build of the checkout removes it meanwhile', async () => {
		// Astro keeps the list of a build's compiled modules in one file per project root, which each build's
		// content sync writes and its bundler reads back later. Another build is syncing: this one waits.
		const dotAstro = join(ROOT, '.astro');
		const other = await holdContentMap(dotAstro, new Map());
		// A new tagline is on every page, so every page is rendered again.
		edit('curriculum.yaml', (text) => text.replace(/^tagline: .*$/m, 'tagline: Tea, made well.'));
		const building = startBuild(content, 'incremental', undefined, { keepOutput: true });
		await expect.poll(building.output, { timeout: 60_000 }).toMatch(/Another build of this project \(process \d+\) is syncing its content/);
		other.release();
		// Once this build has synced, another starts its sync while this one bundles: the list on disk is
		// gone until that sync writes its own.
		await expect.poll(building.output, { timeout: 60_000 }).toContain('Synced content');
		const next = await holdContentMap(dotAstro, new Map());
		const built = await building.done;
		next.release();
		expect(built.status, built.output).toBe(0);
		expect(reused(built).size).toBe(0);
		// The curriculum's config sets how modules compile (the image hosts the content guard allows, the
		// site's address and languages), so a change to it compiles every module again.
		expect(built.output).toMatch(/MDX modules: [1-9]\d* compiled, 0 taken from the last build\./);
		// Every page has its body: none is an empty article with an error in the log.
		expect(built.read('modules/water-temperature/index.html')).toContain('steeping vessels');
		expect(built.read('tracks/tea-foundations/print/index.html')).toContain('steeping vessels');
		expect(built.output).not.toContain('[ERROR]');
	});
});
