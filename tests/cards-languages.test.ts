import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShareCards } from '../src/lib/cards/build-step.ts';
import { catalogue, FAMILIES, planFonts } from '../src/lib/cards/fonts.ts';
import { nodeAssets } from '../src/lib/cards/node.ts';
import { shareCardJobs } from '../src/lib/cards/pages.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { KETTLE_PRESETS_FI, makeBilingual } from './tea-bilingual.ts';
import { fixtureContent, ROOT, sharedBuild, sharedContent, TMP, type Build } from './utils.ts';

/**
 * Share cards of pages in another language than the originals': a translated module, track or
 * update has its own card, in its language, at its own address; a page shown there in the
 * original's words keeps the original's card.
 */

/** The bilingual tea fixture (tea-bilingual.ts) with its update translated and its levels named in Finnish. */
function bilingualContent(scratch: string): string {
	const content = join(scratch, 'content');
	cpSync(fixtureContent('valid-course'), content, { recursive: true });
	makeBilingual(content);
	writeFileSync(join(content, 'updates/2026-11-10-kettle-presets.fi.md'), KETTLE_PRESETS_FI);
	appendFileSync(join(content, 'curriculum.yaml'), 'translations:\n  fi:\n    levels:\n      beginner: Aloittelija\n      expert: Asiantuntija\n');
	return content;
}

/** The card a built page points at (`og:image`, as an address on the site) and the alternative text it gives it. */
function cardOf(build: Build, page: string, site = 'https://steeped.example.org'): { href: string; alt: string } {
	const html = build.read(page);
	const href = new RegExp(`<meta property="og:image" content="${site.replace(/\./g, '\\.')}(/cards/[^"]+\\.png)"`).exec(html)?.[1];
	const alt = /<meta property="og:image:alt" content="([^"]*)"/.exec(html)?.[1];
	if (!href || alt === undefined) throw new Error(`${page} has no og:image or no og:image:alt`);
	return { href, alt };
}

describe('share cards in another language', () => {
	let scratch = '';
	let content = '';
	beforeAll(() => {
		mkdirSync(TMP, { recursive: true });
		scratch = mkdtempSync(join(TMP, 'cards-fi-'));
		content = bilingualContent(scratch);
	});
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	const inputOf = (file: string) => shareCardJobs(loadCurriculum(content, ROOT)).find((job) => job.file === file)?.input;

	it('draws a Finnish card for each translated page, and none for a page shown in the original', () => {
		const files = shareCardJobs(loadCurriculum(content, ROOT)).map((job) => job.file);
		expect(files.filter((file) => file.startsWith('cards/fi/')).sort()).toEqual([
			'cards/fi/modules/brewing-basics.png',
			'cards/fi/tracks/tea-foundations.png',
			'cards/fi/updates/2026-11-10-kettle-presets.png',
		]);
		// Serving and water temperature are not translated: their Finnish pages show the English card.
		expect(files).toEqual(expect.arrayContaining(['cards/modules/serving.png', 'cards/modules/water-temperature.png']));
	});

	it('says everything on a Finnish card in Finnish: the title, what the page is, its facts and the design’s own words', () => {
		expect(inputOf('cards/fi/modules/brewing-basics.png')).toEqual({
			curriculum: 'Steeped',
			site: 'steeped.example.org',
			kind: 'Moduuli',
			title: 'Haudutuksen perusteet',
			track: 'Teen perusteet',
			level: 'Aloittelija',
			version: '2.1.0',
			words: { track: 'Opintopolku', version: 'Versio' },
		});
		expect(inputOf('cards/fi/tracks/tea-foundations.png')).toMatchObject({ kind: 'Opintopolku', title: 'Teen perusteet', facts: ['3 moduulia', '1 t 5 min'] });
		expect(inputOf('cards/fi/updates/2026-11-10-kettle-presets.png')).toMatchObject({
			kind: 'Alustapäivitys',
			title: 'Vedenkeittimiin tulee lämpötilan esivalinnat',
			facts: ['10.11.2026', 'Kettle', 'Päivitys odottaa'],
		});
		// The English cards say what they said before the Finnish ones came.
		expect(inputOf('cards/modules/brewing-basics.png')).toMatchObject({ kind: 'Module', title: 'Brewing basics', track: 'Tea foundations', level: 'Beginner', words: { track: 'Track', version: 'Version' } });
		expect(inputOf('cards/tracks/tea-foundations.png')).toMatchObject({ kind: 'Track', facts: ['3 modules', '1 h 5 min'] });
		expect(inputOf('cards/updates/2026-11-10-kettle-presets.png')).toMatchObject({ kind: 'Platform update', facts: ['2026-11-10', 'Kettle', 'Revision pending'] });
	});

	it('has a font for every Finnish and Swedish letter, so none is drawn as an empty box', async () => {
		const tables = new Map(await Promise.all(FAMILIES.map(async (family) => [family.id, await nodeAssets.unicodeTable(family.package)] as const)));
		const plan = planFonts('ÄäÖöÅå Šš Žž', catalogue(tables));
		expect(plan.missing).toEqual([]);
		// From Noto Sans's Latin subsets, as the rest of a Latin title.
		expect(new Set(plan.files.map((file) => file.family))).toEqual(new Set(['noto-sans']));
	});

	it('keeps the Finnish cards between builds as it keeps the others, and draws one again only when it changes', async () => {
		const curriculum = loadCurriculum(content, ROOT);
		const jobs = shareCardJobs(curriculum);
		const logger = { info: () => undefined, warn: () => undefined };
		const options = { dir: join(scratch, 'dist'), curriculum, logger, cacheDir: join(scratch, 'cache'), env: {}, cores: 1 };
		expect(await writeShareCards(options)).toEqual({ rendered: jobs.length, reused: 0, skipped: false });
		const png = readFileSync(join(scratch, 'dist', 'cards/fi/modules/brewing-basics.png'));
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
		rmSync(join(scratch, 'dist'), { recursive: true });
		expect(await writeShareCards(options)).toEqual({ rendered: 0, reused: jobs.length, skipped: false });
		// A new Finnish title draws the Finnish card again, and only it.
		const retitled = { ...curriculum, translations: curriculum.translations.map((entry) => (entry.kind === 'module' ? { ...entry, data: { ...entry.data, title: 'Hyvän teen perusteet' } } : entry)) };
		expect(await writeShareCards({ ...options, curriculum: retitled })).toEqual({ rendered: 1, reused: jobs.length - 1, skipped: false });
	}, 120_000);
});

describe('the Finnish pages of the bilingual fixture, built', () => {
	// The run's one build of the bilingual tea fixture (tea-bilingual.ts), whose kettle presets update is in Finnish.
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('tea-bilingual');
		if (build.status !== 0) throw new Error(build.output);
	}, 600_000);
	const jobs = () => shareCardJobs(loadCurriculum(sharedContent('tea-bilingual'), ROOT));
	const titleOf = (href: string) => jobs().find((job) => `/${job.file}` === href)?.input.title;
	const size = (href: string) => {
		const png = readFileSync(join(build.outDir, href));
		return [png.readUInt32BE(16), png.readUInt32BE(20)];
	};

	it('points a translated page at its Finnish card, which exists and has the Finnish title', () => {
		const pages = {
			'fi/modules/brewing-basics/index.html': ['/cards/fi/modules/brewing-basics.png', 'Haudutuksen perusteet', 'Haudutuksen perusteet, versio 2.1.0'],
			'fi/tracks/tea-foundations/index.html': ['/cards/fi/tracks/tea-foundations.png', 'Teen perusteet', 'Teen perusteet'],
			'fi/updates/2026-11-10-kettle-presets/index.html': ['/cards/fi/updates/2026-11-10-kettle-presets.png', 'Vedenkeittimiin tulee lämpötilan esivalinnat', 'Vedenkeittimiin tulee lämpötilan esivalinnat'],
		};
		for (const [page, [href, title, alt]] of Object.entries(pages)) {
			expect(cardOf(build, page), page).toEqual({ href, alt });
			expect(size(href!), href).toEqual([1200, 630]);
			expect(titleOf(href!), href).toBe(title);
		}
	});

	it('points a Finnish page shown in the original, and every English page, at the English card', () => {
		expect(cardOf(build, 'fi/modules/serving/index.html').href).toBe('/cards/modules/serving.png');
		expect(cardOf(build, 'modules/brewing-basics/index.html')).toEqual({ href: '/cards/modules/brewing-basics.png', alt: 'Brewing basics, version 2.1.0' });
		expect(cardOf(build, 'updates/2026-11-10-kettle-presets/index.html').href).toBe('/cards/updates/2026-11-10-kettle-presets.png');
		expect(titleOf('/cards/modules/brewing-basics.png')).toBe('Brewing basics');
		expect(build.output).toMatch(/Share cards: rendered \d+, reused \d+/);
	});
});

describe('the Finnish edition of the flagship, built', () => {
	let build: Build;
	beforeAll(async () => {
		build = await sharedBuild('flagship');
		if (build.status !== 0) throw new Error(`The flagship build failed:\n${build.output}`);
	}, 600_000);

	it('gives each Finnish module, track and update page a card that exists, in Finnish where the page is translated', () => {
		const curriculum = loadCurriculum(sharedContent('flagship'), ROOT);
		const titles = new Map(shareCardJobs(curriculum).map((job) => [`/${job.file}`, job.input.title]));
		const translated = new Set(curriculum.translations.filter((entry) => entry.locale === 'fi').map((entry) => `${entry.kind}s/${entry.id}`));
		const pages = readdirSync(join(build.outDir, 'fi'), { recursive: true, encoding: 'utf8' })
			.map((file) => file.split(sep).join('/'))
			.filter((file) => /^(modules|tracks|updates)\/[^/]+\/index\.html$/.test(file));
		expect(pages).toContain('modules/audience-research/index.html');
		for (const page of pages) {
			const { href, alt } = cardOf(build, `fi/${page}`, 'https://currents-curriculum.netlify.app');
			const path = page.replace(/\/index\.html$/, '');
			expect(href, page).toBe(translated.has(path) ? `/cards/fi/${path}.png` : `/cards/${path}.png`);
			expect(build.exists(href.slice(1)), href).toBe(true);
			// The card's title is the page's own, which the alternative text begins with.
			const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(build.read(`fi/${page}`))?.[1];
			expect(titles.get(href), href).toBe(title);
			expect(alt.startsWith(title!), page).toBe(true);
		}
	});
});
