import { dirname, join } from 'node:path';
import { finding, type Finding } from './findings.ts';
import { editDistance } from '../curriculum/edit-distance.ts';
import { idOf, translationName } from '../curriculum/files.ts';
import { LAYOUT, type Curriculum } from '../curriculum/load.ts';
import { moduleHref, permalinkHref, trackHref, updateHref } from '../curriculum/model.ts';
import { moduleAnchors, proseLines, sitePages, updateAnchors } from './site-pages.ts';
import { schemaFailedDocuments } from './schema-failed.ts';
import { languageName, siteLocales } from '../i18n/locales.ts';

/**
 * A link in a line of Markdown or MDX: an inline link or image (`](address)`), a link reference
 * definition (`[name]: address`), or an `href` attribute. The group named for its kind holds the address.
 */
const LINK = /\]\(\s*<?(?<inline>[^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^ {0,3}\[[^\]]+\]:\s*<?(?<definition>[^\s>]+)>?|href="(?<attribute>[^"]+)"/dg;

/**
 * A module, archived major, update or translation whose links are checked, with its page's address and
 * anchors; one whose frontmatter failed its schema too, for its body is published as written.
 */
interface LinkedDocument {
	entry: { file: string; body: string; bodyLine: number };
	/** The heading ids of the document's own page, for links to `#…`. */
	own: Set<string>;
	/** The page's address, from which a relative link is read. */
	at: string;
	/** A translation's language prefix (`/fi`); undefined for the original's documents. */
	prefix?: string;
}

/**
 * Every internal link in modules, updates and their translations must lead to a page that exists,
 * and a link to a heading must name a heading on that page: links written from the site's root
 * (`/modules/<id>/`), relative to the page (`../<id>/`), or as a full address on the curriculum's
 * site. A translation's link to a page of the original's language, when its own language has that
 * page, is named too (`link-language`, a warning): the link works, but takes the reader out of their language.
 */
export function checkLinks(curriculum: Curriculum): Finding[] {
	const pages = sitePages(curriculum);
	const failed = schemaFailedDocuments(curriculum);
	// A module, update or track whose file fails its schema has its own findings; the pages linking to it are not broken.
	const loaded = new Set(curriculum.modules.map((module) => module.id));
	const tracksDir = join(curriculum.dir, LAYOUT.tracks);
	const loadedTracks = new Set(curriculum.tracks.map((track) => track.file));
	const unreadable = new Set([
		...[...curriculum.moduleIds].filter((id) => !loaded.has(id)).map(moduleHref),
		...failed.flatMap((document) => (document.kind === 'update' && document.locale === undefined ? [updateHref(document.id)] : [])),
		...curriculum.yamlFiles.flatMap((source) =>
			dirname(source.path) === tracksDir && translationName(idOf(source.path)) === null && !loadedTracks.has(source.file) ? [trackHref(idOf(source.path))] : []
		),
	]);

	const findings: Finding[] = [];
	const locales = siteLocales(curriculum.config?.locales ?? ['en']);
	const prefixes = new Map(locales.map((locale) => [locale.code, locale.prefix]));
	// The originals' language, whose pages have no prefix: a link may still name it (`/en/modules/x/`).
	const root = locales[0]!.code;
	// Each document with its own page's anchors, and its page's address, from which a relative link is read.
	const documents: LinkedDocument[] = [
		...curriculum.modules.map((entry) => ({ entry, own: pages.get(moduleHref(entry.id))!, at: moduleHref(entry.id) })),
		...curriculum.archives.map((entry) => ({ entry, own: pages.get(permalinkHref(entry.id, entry.major))!, at: permalinkHref(entry.id, entry.major) })),
		...curriculum.updates.map((entry) => ({ entry, own: pages.get(updateHref(entry.id))!, at: updateHref(entry.id) })),
		// A translation's page is the original's address under its language's prefix (`/fi/modules/<id>/`). One
		// in a language the config does not list has no page, and its own finding (translation-locale).
		...curriculum.translations.flatMap((entry) => {
			const prefix = prefixes.get(entry.locale);
			if (entry.kind === 'track' || prefix === undefined) return [];
			const at = `${prefix}${entry.kind === 'module' ? moduleHref(entry.id) : updateHref(entry.id)}`;
			return [{ entry, own: pages.get(at) ?? new Set<string>(), at, prefix }];
		}),
		// Those whose frontmatter failed its schema: their pages' anchors are their own headings and sections.
		...failed.flatMap((entry) => {
			const prefix = entry.locale === undefined ? '' : prefixes.get(entry.locale);
			if (prefix === undefined) return [];
			const page = entry.kind === 'archive' ? permalinkHref(entry.id, entry.major!) : entry.kind === 'module' ? moduleHref(entry.id) : updateHref(entry.id);
			const own = new Set(entry.kind === 'update' ? updateAnchors(entry.body) : moduleAnchors(entry.body));
			return [{ entry, own, at: `${prefix}${page}`, ...(entry.locale === undefined ? {} : { prefix }) }];
		}),
	];
	const site = curriculum.config?.site.replace(/\/+$/, '');
	// A module renamed or removed, and where redirects.yaml sends its old address.
	const moved = new Map(curriculum.redirects.map((redirect) => [redirect.from, redirect.to]));
	for (const { entry: document, own, at, prefix } of documents) {
		for (const [index, line] of proseLines(document.body)) {
			const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
			for (const match of withoutCode.matchAll(LINK)) {
				const group = (['inline', 'definition', 'attribute'] as const).find((name) => match.groups?.[name] !== undefined)!;
				// An image's path is the content check's (images.ts), which says where an image is read from.
				if (group === 'inline' && isImage(withoutCode, match.index)) continue;
				const written = match.groups![group]!;
				const target = internalTarget(written, at, site);
				if (target === null) continue;
				const problem = sourceFileProblem(written, target, pages, prefixes, prefix) ?? linkProblem(target, pages, own, unreadable, written, moved, { root, prefix });
				// Where the address starts, which is what a fix changes.
				const place = { file: document.file, line: document.bodyLine + index, column: match.indices!.groups![group]![0] + 1 };
				// A translation that links to a page in the original's language when its own language has that page too.
				const localized = !problem && prefix ? sameLanguagePage(target, prefix, pages) : undefined;
				if (localized) {
					findings.push(
						finding({
							rule: 'link-language',
							severity: 'warning',
							...place,
							message: `The link "${written}" leads to the page in the original's language, but this translation's language has that page too.`,
							fix: `Link to "${localized}", so that the reader stays in their language.`,
						})
					);
				}
				if (!problem) continue;
				findings.push(finding({ rule: 'broken-link', ...place, message: problem.message, fix: problem.fix }));
			}
		}
	}
	return findings;
}

/**
 * The same page under a language's prefix, when a link from a translation names a page of the
 * original's language (`/modules/x/` from a Finnish page) and the translation's language has it
 * (`/fi/modules/x/`), with the heading the link names, if any; undefined otherwise.
 */
function sameLanguagePage(target: string, prefix: string, pages: Map<string, Set<string>>): string | undefined {
	if (!target.startsWith('/') || target.startsWith(`${prefix}/`)) return undefined;
	const [path = '', anchor] = target.split('#', 2);
	const anchors = pages.get(`${prefix}${decodedPath(path)}`);
	// A heading the translation's page lacks (its headings are the translator's) keeps the link in the original's language.
	return anchors && (!anchor || hasHeading(anchors, anchor)) ? `${prefix}${target}` : undefined;
}

/** Whether the `]` at `close` in a line ends an image's text, `![…]`, rather than a link's. */
function isImage(line: string, close: number): boolean {
	let depth = 0;
	for (let i = close - 1; i >= 0; i--) {
		if (line[i - 1] === '\\') continue;
		if (line[i] === ']') depth++;
		else if (line[i] === '[' && depth-- === 0) return line[i - 1] === '!';
	}
	return false;
}

/**
 * The address on the site a link leads to, as the page at `at` reads it, or null for a link that
 * leaves the site (another origin, `mailto:` and the like) or names a file beside the content (an
 * image). A relative link (`../other-module/`) is read from the page's address, as a browser reads
 * it; a full address on the curriculum's own site counts as the path it names.
 */
function internalTarget(written: string, at: string, site: string | undefined): string | null {
	if (written.startsWith('/') || written.startsWith('#')) return written.startsWith('//') ? null : written;
	if (site && (written === site || written.startsWith(`${site}/`) || written.startsWith(`${site}#`))) return written.slice(site.length) || '/';
	// A scheme written with a character reference for its colon (`javascript&#58;…`) is one to the
	// compiler, which decodes it; the content check reports such an address as unsafe.
	if (/^[a-z][a-z0-9+.-]*(:|&#0*58;|&#x0*3a;|&colon;)/i.test(written)) return null;
	const url = new URL(written, `https://relative.invalid${at}`);
	// A relative file other than a content file is an image or a download beside the content, which the build resolves.
	if (/\.[a-z0-9]+$/i.test(url.pathname) && !/\.mdx?$/i.test(url.pathname)) return null;
	return `${url.pathname}${url.hash}`;
}

/**
 * A link to a content file (`./other.mdx`, as on GitHub), which on the site leads nowhere: the page to
 * link to instead. A translation's file names its language (`./other.fi.mdx` is `/fi/modules/other/`);
 * an original's file named from a translation is the page in the translation's language when there is
 * one, as `link-language` asks, and otherwise the original's page.
 */
function sourceFileProblem(
	written: string,
	target: string,
	pages: Map<string, Set<string>>,
	prefixes: ReadonlyMap<string, string>,
	prefix = ''
): { message: string; fix: string } | null {
	const [path = '', anchor] = target.split('#', 2);
	const name = /\/([^/]+)\.mdx?$/.exec(path)?.[1];
	if (name === undefined) return null;
	const [id = name, locale] = name.split(/\.(.*)/);
	const language = (locale === undefined ? undefined : prefixes.get(locale)) ?? prefix;
	const page = [moduleHref(id), updateHref(id)].find((href) => pages.has(href));
	return {
		message: `The link "${written}" leads to a content file, which the site does not publish.`,
		fix: page ? `Link to its page: "${inLanguage(page, anchor, pages, language)}".` : 'Link to a module as /modules/<id>/, a track as /tracks/<id>/, an update as /updates/<id>/.',
	};
}

/**
 * A page of the originals (`/modules/x/`) as a link from a page in the language of `prefix` names it:
 * that language's page when it exists and has the heading, else the original's. The heading is kept
 * only where the page has it.
 */
function inLanguage(page: string, anchor: string | undefined, pages: Map<string, Set<string>>, prefix = ''): string {
	const local = prefix ? pages.get(`${prefix}${page}`) : undefined;
	const chosen = local && (!anchor || hasHeading(local, anchor)) ? `${prefix}${page}` : page;
	return anchor && hasHeading(pages.get(chosen) ?? new Set(), anchor) ? `${chosen}#${anchor}` : chosen;
}

/**
 * Whether a page has the heading a link's fragment names, as a browser finds it: the fragment as
 * written, or else percent-decoded as UTF-8, the form a browser's address bar gives a heading's address
 * copied from it (`#n%C3%A4kyvyys` for `#näkyvyys`). A malformed escape decodes to nothing.
 */
function hasHeading(anchors: ReadonlySet<string>, anchor: string): boolean {
	const decoded = decodedFragment(anchor);
	return anchors.has(anchor) || (decoded !== undefined && anchors.has(decoded));
}

function decodedFragment(fragment: string): string | undefined {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return undefined;
	}
}

/**
 * A path as the server reads it: escapes decoded (`%2D` is `-`), except those of the characters that
 * divide an address (`%2F`, `%23`, `%3F`), which stay part of a name. A malformed escape leaves the path
 * as written, which names no page.
 */
function decodedPath(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/**
 * What is wrong with an internal link, if anything. A link to a page in `unreadable` (the address of a
 * module, update or track whose file is there but could not be read or fails its schema) is taken as it
 * is, headings and all: that file's own findings say what to fix, and then its page and headings are known again.
 */
function linkProblem(
	target: string,
	pages: Map<string, Set<string>>,
	own: Set<string>,
	unreadable: ReadonlySet<string>,
	written = target,
	moved: ReadonlyMap<string, string> = new Map(),
	language: { root: string; prefix?: string | undefined } = { root: 'en' }
): { message: string; fix: string } | null {
	const [address = '', anchor] = target.split('#', 2);
	const rawPath = decodedPath(address);
	if (rawPath === '') {
		if (anchor && !hasHeading(own, anchor)) {
			return { message: `The link "${written}" names no heading on this page.${malformed(anchor)}`, fix: headingFix(anchor, own) };
		}
		return null;
	}
	const path = rawPath.endsWith('/') || /\.[a-z]+$/.test(rawPath) ? rawPath : `${rawPath}/`;
	// A module's address, in the first language or with a language's prefix (`/fi/modules/x/`).
	const module = /^(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/modules\/([^/]+)\/(?:v\d+\/)?$/i.exec(path)?.[1];
	// A page of a module, update or track whose file cannot be read, or one of its pages (`/tracks/x/syllabus/`), in any language.
	const unread = /^(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?(\/(?:modules|updates|tracks)\/[^/]+\/)/i.exec(path)?.[1];
	if (unread && unreadable.has(unread)) return null;
	const anchors = pages.get(path);
	if (!anchors) {
		// A module renamed in this change or before: the old address redirects, but a link in the
		// curriculum names the page as it is now, and keeps its heading.
		const renamed = module === undefined ? undefined : moved.get(module);
		if (renamed !== undefined && pages.has(moduleHref(renamed))) {
			const now = language.prefix ? inLanguage(moduleHref(renamed), anchor, pages, language.prefix) : `${moduleHref(renamed)}${anchor ? `#${anchor}` : ''}`;
			return {
				message: `The link "${written}" leads to a module that is gone: redirects.yaml sends /modules/${module}/ to ${moduleHref(renamed)}.`,
				fix: `Link to the module as it is now: "${now}".`,
			};
		}
		// A link to an image from the site's root, as on another site: the curriculum publishes images only
		// beside the pages that show them, read from the module's folder (images.ts).
		const image = rawPath.startsWith('/cards/') ? undefined : /\/([^/]+\.(?:png|jpe?g|gif|webp|avif|svg))\/?$/i.exec(rawPath)?.[1];
		if (image) {
			return {
				message: `The link "${written}" leads to an image at the site's root, where the site publishes no images.`,
				fix: `Show the image on the page instead: save it next to the module and write \`![what it shows](./${image})\`.`,
			};
		}
		// A page of the originals, asked for in a language it has no page in, or under the originals' own
		// language, which has no prefix (`/en/modules/x/`). A translation is pointed to its own language's page.
		const [, code, original] = /^\/([a-z]{2,3}(?:-[a-z0-9]+)*)(\/.*)$/i.exec(path) ?? [];
		if (code && original && pages.has(original)) {
			const to = inLanguage(original, anchor, pages, language.prefix);
			const local = language.prefix !== undefined && to.startsWith(`${language.prefix}/`);
			return code.toLowerCase() === language.root.toLowerCase()
				? {
						message: `The link "${written}" leads to no page: ${languageName(language.root, 'en')} is the language of the originals, whose pages have no language prefix.`,
						fix: local ? `Link to "${to}", the page in this translation's language.` : `Link to "${to}".`,
					}
				: {
						message: `The link "${written}" leads to no page: ${original} is not translated into that language.`,
						fix: local ? `Link to "${to}", the page in this translation's language.` : `Link to the original, "${to}".`,
					};
		}
		// A page named by its last part, as a link relative to the wrong folder names it (`goals/` from a module page).
		const last = path.split('/').filter(Boolean).at(-1);
		const section = [...pages.keys()].filter((page) => page.split('/')[1] === path.split('/')[1]);
		// An address cut short by whole words, or with words added at its end (`/updates/2026-11-10-kettle/`).
		const words = (page: string) => page.replace(/\/$/, '-');
		const cut = section.filter((page) => page.startsWith(words(path)) || path.startsWith(words(page)));
		const close =
			[moduleHref, trackHref, updateHref].map((href) => (last ? href(last) : '')).find((page) => page !== path && pages.has(page)) ??
			(cut.length === 1 ? cut[0] : undefined) ??
			section
				.map((page) => ({ page, distance: editDistance(page, path) }))
				// A few letters off.
				.filter(({ distance }) => distance <= 3)
				.sort((a, b) => a.distance - b.distance)[0]?.page;
		return {
			message: `The link "${written}"${written === target ? '' : ` (${path} on the site)`} leads to no page of the curriculum.`,
			fix: close ? `Did you mean "${meant(close, anchor, pages, language.prefix)}"?` : 'Link to a module as /modules/<id>/, a track as /tracks/<id>/, an update as /updates/<id>/.',
		};
	}
	// A module's page in any language (`/modules/x/`, `/fi/modules/x/`): its headings are known.
	if (anchor && /^(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/modules\//i.test(path) && !hasHeading(anchors, anchor)) {
		// From a translation, a page of the originals that its language has too: that page's headings are the translator's.
		const local = language.prefix && !path.startsWith(`${language.prefix}/`) ? pages.get(`${language.prefix}${path}`) : undefined;
		return {
			message: `The link "${written}" names no heading on ${path}.${malformed(anchor)}`,
			fix: headingFix(anchor, anchors, local && { href: `${language.prefix}${path}`, anchors: local }),
		};
	}
	return null;
}

/**
 * The page a misspelt link most likely means, as its document would write it: from a translation,
 * the page in the translation's language where it has one, as `link-language` asks (`inLanguage`);
 * with the link's heading where that page has it.
 */
function meant(page: string, anchor: string | undefined, pages: Map<string, Set<string>>, prefix = ''): string {
	if (prefix === '' || !page.startsWith(`${prefix}/`)) return inLanguage(page, anchor, pages, prefix);
	return anchor && hasHeading(pages.get(page) ?? new Set(), anchor) ? `${page}#${anchor}` : page;
}

/** A sentence for a fragment with an escape a browser cannot decode, such as `%C3` without its second byte; empty for any other. */
function malformed(anchor: string): string {
	return decodedFragment(anchor) === undefined ? ' Its %-escapes are malformed: a browser cannot decode them into letters.' : '';
}

/**
 * The heading a link most likely means, among the page's: or, from a translation whose language has the
 * page too (`local`), among that page's headings first, named with its address, and its headings listed
 * when none is close, so that the link stays in the translation's language where it can.
 */
function headingFix(written: string, anchors: Set<string>, local?: { href: string; anchors: Set<string> }): string {
	const anchor = decodedFragment(written) ?? written;
	const near = (slugs: Set<string>) => [...slugs].find((slug) => slug.includes(anchor) || anchor.includes(slug));
	const list = (slugs: Set<string>) => [...slugs].map((a) => `#${a}`).join(', ') || 'none';
	const closeLocal = local && near(local.anchors);
	if (local && closeLocal) return `Did you mean "${local.href}#${closeLocal}", the heading on the page in this translation's language?`;
	const close = near(anchors);
	if (close) return `Did you mean "#${close}"?`;
	return local ? `Link to "${local.href}" with one of its headings, the page in this translation's language: ${list(local.anchors)}.` : `Link to one of the headings: ${list(anchors)}.`;
}
