import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { keep, placeFolder, readKept } from '../cache/files.ts';
import { codeFingerprint } from '../cache/fingerprint.ts';
import { packageDir } from '../cards/node.ts';

export interface SearchIndexReport {
	/** Pages in the index. */
	pages: number;
	/** Whether the index was taken from the last build, every page it holds being unchanged. */
	reused: boolean;
}

/** Pagefind indexes only the pages that carry this attribute, once any page does. */
const BODY_MARK = Buffer.from('data-pagefind-body');

/** Folders of the output that hold no pages to search: scripts, the index itself, the certificate renderer. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'certificate-assets']);

/**
 * Writes the Pagefind index of a built site into `pagefind/`, from the pages marked
 * `data-pagefind-body` (Pagefind indexes only those when any page has the mark). When every such
 * page is byte for byte what the last build indexed, the last build's index is placed instead of
 * made again: Pagefind is one of a build's longest steps, and most builds change few pages.
 */
export async function writeSearchIndex(dist: string, cacheDir?: string): Promise<SearchIndexReport> {
	// What Pagefind is given is this folder's code's doing (indexedPart), so a change to it makes the index again.
	const hash = createHash('sha256').update(PAGEFIND_VERSION).update(codeFingerprint(dirname(fileURLToPath(import.meta.url))));
	// Each page is read as bytes (the key needs no text) and let go once hashed; those to index are read
	// again one by one as Pagefind takes them. Holding them all (100 MB at N = 2,000) while Pagefind's own
	// process grew was the build's peak of memory.
	const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html') && !NOT_PAGES.has(file.split(sep)[0]!))
		.sort()
		.filter((file) => {
			const bytes = readFileSync(join(dist, file));
			if (!bytes.includes(BODY_MARK)) return false;
			hash.update(`\0${file}\0`).update(bytes);
			return true;
		});
	const key = hash.digest('hex');
	const output = join(dist, 'pagefind');
	if (cacheDir && readKept(join(cacheDir, 'key.json')) === key) {
		placeFolder(join(cacheDir, 'pagefind'), output);
		return { pages: pages.length, reused: true };
	}

	const errors = (response: { errors: string[] }) => {
		if (response.errors.length > 0) throw new Error(`Pagefind could not index the site:\n${response.errors.map((e) => `  ${e}`).join('\n')}`);
	};
	try {
		const created = await pagefind.createIndex();
		errors(created);
		const index = created.index!;
		// A few pages at a time: each is text in this process and a message to Pagefind's until it is indexed.
		let next = 0;
		const add = async (): Promise<void> => {
			for (let file = pages[next++]; file; file = pages[next++]) errors(await index.addHTMLFile({ sourcePath: file.split(sep).join('/'), content: indexedPart(readFileSync(join(dist, file), 'utf8')) }));
		};
		await Promise.all(Array.from({ length: 8 }, add));
		errors(await index.writeFiles({ outputPath: output }));
	} finally {
		await pagefind.close();
	}
	if (cacheDir) {
		// The new index replaces the kept one whole, and its key is written last, so that a build
		// stopped halfway leaves no key beside an index it does not describe.
		rmSync(join(cacheDir, 'key.json'), { force: true });
		rmSync(join(cacheDir, 'pagefind'), { recursive: true, force: true });
		placeFolder(output, join(cacheDir, 'pagefind'));
		keep(join(cacheDir, 'key.json'), key);
	}
	return { pages: pages.length, reused: false };
}

/** What Pagefind would read outside the marked element: its own attributes, and the title and image it may take from a page. */
const READ_OUTSIDE = /data-pagefind|<h1[\s>]|<img[\s>]/i;

/**
 * The part of a page Pagefind is given: the page up to its `<body>` tag, and the one `<main>` marked
 * `data-pagefind-body`. The navigation, table of contents and footer around it, about half of a module
 * page, hold nothing Pagefind keeps, and parsing them only to skip them took about a fifth of its time
 * (1 s of 5 at N = 1,000). Whenever that cannot be known from the text alone (no such single
 * `<main>`, or a heading, an image or a Pagefind attribute outside it), the whole page is given,
 * so the index is always the one Pagefind makes of the whole pages; `tests/build.test.ts` compares the two.
 */
export function indexedPart(html: string): string {
	// The body starts after the head, and nothing before the head's end may look like a body or a main.
	const headEnd = html.indexOf('</head>');
	const body = html.indexOf('<body');
	const open = html.indexOf('<main');
	const close = html.indexOf('</main>');
	if (headEnd < 0 || body < headEnd || open < body || close < open) return html;
	if (html.indexOf('<main', open + 1) >= 0 || html.indexOf('</main>', close + 1) >= 0) return html;
	const bodyStart = html.indexOf('>', body) + 1;
	const main = html.slice(open, close + '</main>'.length);
	if (bodyStart <= 0 || bodyStart > open || !/^<main\s[^>]*\bdata-pagefind-body[\s=>]/.test(main)) return html;
	if (READ_OUTSIDE.test(html.slice(bodyStart, open)) || READ_OUTSIDE.test(html.slice(close))) return html;
	return `${html.slice(0, bodyStart)}${main}</body></html>`;
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(packageDir('pagefind'), 'package.json'), 'utf8')) as { version: string }).version;
