import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { keep, placeFolder, readKept } from '../cache/files.ts';
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
	// Read as bytes: the key needs no text, and only the pages Pagefind indexes are decoded.
	const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html') && !NOT_PAGES.has(file.split(sep)[0]!))
		.sort()
		.flatMap((file) => {
			const bytes = readFileSync(join(dist, file));
			return bytes.includes(BODY_MARK) ? [{ file, bytes }] : [];
		});
	const hash = createHash('sha256').update(PAGEFIND_VERSION);
	for (const { file, bytes } of pages) hash.update(`\0${file}\0`).update(bytes);
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
			for (let page = pages[next++]; page; page = pages[next++]) errors(await index.addHTMLFile({ sourcePath: page.file.split(sep).join('/'), content: page.bytes.toString('utf8') }));
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

const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(packageDir('pagefind'), 'package.json'), 'utf8')) as { version: string }).version;
