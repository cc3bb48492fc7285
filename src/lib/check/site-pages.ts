/**
 * Every page a build makes of a curriculum, by address, with the ids of the headings a link may name
 * on it: what the link check holds a link to. The pages are those the engine's routes render
 * (src/index.ts, `injectPages`, and the routes' `getStaticPaths`), read from the curriculum itself,
 * so that the check needs no build; tests/i18n.test.ts holds the two to each other on a built site.
 */
import GithubSlugger from 'github-slugger';
import { siteLocales } from '../i18n/locales.ts';
import { modulesWithPages, translatedPermalinkMajor } from '../i18n/site.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { moduleHref, permalinkHref, trackFeedHref, trackHref, updateHref } from '../curriculum/model.ts';
import { sectionRedirects } from '../curriculum/redirects.ts';
import { majorOf } from '../curriculum/versions.ts';
import { ruleDocsPath } from './report.ts';
import { RULE_DOCS } from './rule-docs.ts';

/** Headings every module page adds around its body, in every language. */
const MODULE_ANCHORS = ['outcomes', 'knowledge-check', 'sources', 'changelog', 'embed-or-cite'] as const;
/** Headings every update page adds around its body. */
export const UPDATE_ANCHORS = ['affected-modules', 'sources'] as const;
/** The id of a section a module or an update page adds around its body. */
export type SectionId = (typeof MODULE_ANCHORS)[number] | (typeof UPDATE_ANCHORS)[number];

/**
 * The ids of the sections a module's page adds around its body, in every language
 * (src/routes/Module.astro): the outcomes, the knowledge check when it has questions, the sources
 * when it lists any, the changelog, and "Embed or cite". A page in another language shows the
 * original's sources and a knowledge check when the original has one.
 */
export function moduleSectionIds(data: { quiz: readonly unknown[]; sources: readonly unknown[] }): SectionId[] {
	return MODULE_ANCHORS.filter((id) => (id === 'knowledge-check' ? data.quiz.length > 0 : id === 'sources' ? data.sources.length > 0 : true));
}
/** The engine's own pages, in every language the curriculum is written in. */
const EVERY_LANGUAGE = ['/', '/whats-new/', '/feed.xml', '/progress/', '/issuers/', '/verify/'];
/** Pages for contributors and instructors, in the originals' language only. */
const ORIGINALS_ONLY = ['/contributing/rules/', '/contributing/fields/'];

/** The lines of a body outside fenced code blocks, with their 0-based index. */
export function* proseLines(body: string): Generator<[number, string]> {
	let fence: string | null = null;
	for (const [index, line] of body.split('\n').entries()) {
		const marker = /^\s*(```|~~~)/.exec(line)?.[1];
		if (marker) fence = fence === marker ? null : (fence ?? marker);
		else if (!fence) yield [index, line];
	}
}

/** The Markdown headings of a body, each with its 0-based line, its text and the id the site gives it, as the MDX compiler makes them. */
export function* bodyHeadings(body: string): Generator<{ index: number; line: string; text: string; slug: string }> {
	const slugger = new GithubSlugger();
	for (const [index, line] of proseLines(body)) {
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) yield { index, line, text: heading[1]!, slug: slugger.slug(heading[1]!.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')) };
	}
}

/** The ids the site gives the Markdown headings of a body, as the MDX compiler makes them. */
export function headingSlugs(body: string): Set<string> {
	return new Set(Array.from(bodyHeadings(body), ({ slug }) => slug));
}

/** The ids a module's page gives its headings: the body's, and the sections the page adds around it. */
export const moduleAnchors = (body: string) => [...headingSlugs(body), ...MODULE_ANCHORS];
/** The ids an update's page gives its headings, likewise. */
export const updateAnchors = (body: string) => [...headingSlugs(body), ...UPDATE_ANCHORS];

/**
 * The pages of the built site, address to heading ids. In a language other than the originals', a
 * module has a page when it is translated or belongs to a translated track (shown in the original
 * there), and its current major's permanent address when its translation follows that major; a track
 * (its page, its syllabus, its print page and its feed) or an update when it is translated, and a free page always (in the
 * original's words where it is not translated).
 */
export function sitePages(curriculum: Curriculum): Map<string, Set<string>> {
	const pages = new Map<string, Set<string>>();
	const page = (address: string, anchors: Iterable<string> = []) => pages.set(address, new Set(anchors));
	const codes = curriculum.config?.locales ?? ['en'];
	const locales = siteLocales(codes);

	for (const module of curriculum.modules) {
		const anchors = moduleAnchors(module.body);
		page(moduleHref(module.id), anchors);
		if (majorOf(module.data.version) >= 1) page(permalinkHref(module.id, majorOf(module.data.version)), anchors);
	}
	for (const archive of curriculum.archives) page(permalinkHref(archive.id, archive.major), moduleAnchors(archive.body));
	for (const track of curriculum.tracks) {
		page(trackHref(track.id), track.data.modules);
		page(`${trackHref(track.id)}syllabus/`);
		page(`${trackHref(track.id)}print/`, track.data.modules);
		page(trackFeedHref(track.id));
	}
	for (const update of curriculum.updates) page(updateHref(update.id), updateAnchors(update.body));
	for (const rule of Object.keys(RULE_DOCS)) page(ruleDocsPath(rule));
	for (const address of ORIGINALS_ONLY) page(address);
	for (const address of Object.keys(sectionRedirects(codes, curriculum.pages.map(({ id }) => id)))) page(address);

	for (const locale of locales) {
		for (const address of [...EVERY_LANGUAGE, ...(locales.length > 1 ? ['/translations/'] : [])]) page(`${locale.prefix}${address}`);
		for (const free of curriculum.pages) page(`${locale.prefix}/${free.id}/`);
		if (locale.root) continue;
		const translations = curriculum.translations.filter((entry) => entry.locale === locale.code);
		const translated = (kind: string) => new Map(translations.filter((entry) => entry.kind === kind).map((entry) => [entry.id, entry]));
		const [modules, tracks, updates] = [translated('module'), translated('track'), translated('update')];
		const shown = modulesWithPages(modules.keys(), curriculum.tracks, tracks);
		for (const module of curriculum.modules) {
			if (!shown.has(module.id)) continue;
			const translation = modules.get(module.id);
			const anchors = moduleAnchors(translation && 'body' in translation ? translation.body : module.body);
			page(`${locale.prefix}${moduleHref(module.id)}`, anchors);
			// A translation of the current major has that major's permanent address in its language too.
			const major = translation?.kind === 'module' ? translatedPermalinkMajor(module.data.version, translation.data.translates) : undefined;
			if (major !== undefined) page(`${locale.prefix}${permalinkHref(module.id, major)}`, anchors);
		}
		for (const track of curriculum.tracks) {
			if (!tracks.has(track.id)) continue;
			page(`${locale.prefix}${trackHref(track.id)}`, track.data.modules);
			page(`${locale.prefix}${trackHref(track.id)}syllabus/`);
			page(`${locale.prefix}${trackHref(track.id)}print/`, track.data.modules);
			page(`${locale.prefix}${trackFeedHref(track.id)}`);
		}
		for (const update of curriculum.updates) {
			const translation = updates.get(update.id);
			if (translation && 'body' in translation) page(`${locale.prefix}${updateHref(update.id)}`, updateAnchors(translation.body));
		}
	}
	return pages;
}
