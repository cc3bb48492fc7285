import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { pageOfContentFile, rootRelativeLinks } from '../src/lib/pages/root-relative-links.ts';

const CONTENT = '/project/content';
/** The HTML the compiler makes of `markdown` in the content file at `path`. */
const compiled = async (markdown: string, path: string) =>
	(await markdownToHtml(markdown, { hastPlugins: [rootRelativeLinks(CONTENT)], fileURL: pathToFileURL(join(CONTENT, path)) })).html;

describe('links relative to their page', () => {
	it('lead to the same page from the embed, the print page and the cartridges, which show the body at other addresses', async () => {
		const html = await compiled('See [visual basics](../visual-basics/) and [its grid](../visual-basics/#grid).', 'modules/carousels.mdx');
		expect(html).toContain('href="/modules/visual-basics/"');
		expect(html).toContain('href="/modules/visual-basics/#grid"');
	});

	it('are read from the page each kind of file is published at', async () => {
		expect(pageOfContentFile('modules/carousels.mdx')).toBe('/modules/carousels/');
		expect(pageOfContentFile('modules/carousels.fi.mdx')).toBe('/fi/modules/carousels/');
		expect(pageOfContentFile('archive/carousels/v1.mdx')).toBe('/modules/carousels/v1/');
		expect(pageOfContentFile('updates/2026-11-10-reels.md')).toBe('/updates/2026-11-10-reels/');
		expect(pageOfContentFile('pages/about.mdx')).toBeUndefined();
		expect(await compiled('[the v2 page](../v2/)', 'archive/carousels/v1.mdx')).toContain('href="/modules/carousels/v2/"');
		expect(await compiled('[toinen](../visual-basics/)', 'modules/carousels.fi.mdx')).toContain('href="/fi/modules/visual-basics/"');
	});

	it('leave other links as written: from the root, to an anchor, to other sites, to files beside the content', async () => {
		const written = ['/modules/x/', '#outcomes', 'https://example.org/a/', 'mailto:a@example.org', './chart.pdf'];
		const html = await compiled(written.map((href, i) => `[link ${i}](${href})`).join(' '), 'modules/carousels.mdx');
		for (const href of written) expect(html).toContain(`href="${href}"`);
	});
});
