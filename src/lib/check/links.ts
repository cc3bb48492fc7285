import GithubSlugger from 'github-slugger';
import { finding, type Finding } from './findings.ts';
import { ruleDocsPath } from './report.ts';
import { editDistance } from '../curriculum/frontmatter.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { moduleHref, permalinkHref, trackHref, updateHref } from '../curriculum/model.ts';
import { RULE_DOCS } from './rule-docs.ts';
import { majorOf } from '../curriculum/versions.ts';

/** Headings every module page adds around its body. */
const MODULE_ANCHORS = ['outcomes', 'knowledge-check', 'sources', 'changelog'];

/** The lines of a body outside fenced code blocks, with their 0-based index. */
function* proseLines(body: string): Generator<[number, string]> {
	let fence: string | null = null;
	for (const [index, line] of body.split('\n').entries()) {
		const marker = /^\s*(```|~~~)/.exec(line)?.[1];
		if (marker) fence = fence === marker ? null : (fence ?? marker);
		else if (!fence) yield [index, line];
	}
}

/** The ids the site gives the Markdown headings of a body, as the MDX compiler makes them. */
export function headingSlugs(body: string): Set<string> {
	const slugger = new GithubSlugger();
	const slugs = new Set<string>();
	for (const [, line] of proseLines(body)) {
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) slugs.add(slugger.slug(heading[1]!.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
	}
	return slugs;
}

/**
 * Every internal link in modules and updates must lead to a page that exists, and a link to a
 * heading must name a heading on that page.
 */
export function checkLinks(curriculum: Curriculum): Finding[] {
	const pages = new Map<string, Set<string>>();
	for (const module of curriculum.modules) {
		const anchors = new Set([...headingSlugs(module.body), ...MODULE_ANCHORS]);
		pages.set(moduleHref(module.id), anchors);
		if (majorOf(module.data.version) >= 1) pages.set(permalinkHref(module.id, majorOf(module.data.version)), anchors);
	}
	for (const archive of curriculum.archives) {
		pages.set(permalinkHref(archive.id, archive.major), new Set([...headingSlugs(archive.body), ...MODULE_ANCHORS]));
	}
	for (const track of curriculum.tracks) pages.set(trackHref(track.id), new Set(track.data.modules));
	for (const update of curriculum.updates) pages.set(updateHref(update.id), new Set([...headingSlugs(update.body), 'affected-modules', 'sources']));
	for (const rule of Object.keys(RULE_DOCS)) pages.set(ruleDocsPath(rule), new Set());
	for (const path of ['/', '/whats-new/', '/feed.xml', '/contributing/rules/']) pages.set(path, new Set());
	// A module whose file fails its schema has its own findings; the pages linking to it are not broken.
	const loaded = new Set(curriculum.modules.map((module) => module.id));
	const unreadable = new Set([...curriculum.moduleIds].filter((id) => !loaded.has(id)));

	const findings: Finding[] = [];
	// Each document with its own page's anchors, already collected above.
	const documents = [
		...curriculum.modules.map((entry) => ({ entry, own: pages.get(moduleHref(entry.id))! })),
		...curriculum.archives.map((entry) => ({ entry, own: pages.get(permalinkHref(entry.id, entry.major))! })),
		...curriculum.updates.map((entry) => ({ entry, own: pages.get(updateHref(entry.id))! })),
	];
	for (const { entry: document, own } of documents) {
		for (const [index, line] of proseLines(document.body)) {
			const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
			for (const match of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|href="([^"]+)"/g)) {
				const target = match[1] ?? match[2]!;
				if (!target.startsWith('/') && !target.startsWith('#')) continue;
				const problem = linkProblem(target, pages, own, unreadable);
				if (!problem) continue;
				findings.push(
					finding({
						rule: 'broken-link',
						file: document.file,
						line: document.bodyLine + index,
						column: (match.index ?? 0) + 1,
						message: problem.message,
						fix: problem.fix,
					})
				);
			}
		}
	}
	return findings;
}

/**
 * What is wrong with an internal link, if anything. A link to a module in `unreadable` (its file is
 * there but could not be read or fails its schema) is taken as it is, headings and all: that module's
 * own findings say what to fix, and then its page and headings are known again.
 */
function linkProblem(target: string, pages: Map<string, Set<string>>, own: Set<string>, unreadable: ReadonlySet<string>): { message: string; fix: string } | null {
	const [rawPath = '', anchor] = target.split('#', 2);
	if (rawPath === '') {
		if (anchor && !own.has(anchor)) {
			return { message: `The link "${target}" names no heading on this page.`, fix: headingFix(anchor, own) };
		}
		return null;
	}
	const path = rawPath.endsWith('/') || /\.[a-z]+$/.test(rawPath) ? rawPath : `${rawPath}/`;
	const module = /^\/modules\/([^/]+)\/(?:v\d+\/)?$/.exec(path)?.[1];
	if (module && unreadable.has(module)) return null;
	const anchors = pages.get(path);
	if (!anchors) {
		const close = [...pages.keys()]
			.filter((page) => page.split('/')[1] === path.split('/')[1])
			.map((page) => ({ page, distance: editDistance(page, path) }))
			.filter(({ distance }) => distance <= 3)
			.sort((a, b) => a.distance - b.distance)[0]?.page;
		return {
			message: `The link "${target}" leads to no page of the curriculum.`,
			fix: close ? `Did you mean "${close}"?` : 'Link to a module as /modules/<id>/, a track as /tracks/<id>/, an update as /updates/<id>/.',
		};
	}
	if (anchor && path.startsWith('/modules/') && !anchors.has(anchor)) {
		return { message: `The link "${target}" names no heading on ${path}.`, fix: headingFix(anchor, anchors) };
	}
	return null;
}

function headingFix(anchor: string, anchors: Set<string>): string {
	const close = [...anchors].find((slug) => slug.includes(anchor) || anchor.includes(slug));
	return close ? `Did you mean "#${close}"?` : `Link to one of the headings: ${[...anchors].map((a) => `#${a}`).join(', ') || 'none'}.`;
}
