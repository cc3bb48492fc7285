import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { translationName } from '../curriculum/files.ts';
import { LAYOUT } from '../curriculum/load.ts';
import { moduleHref, permalinkHref, updateHref } from '../curriculum/model.ts';

/**
 * The address of the page a content file is published at, from its path in the content folder, or
 * undefined for a file whose page has no fixed address of this kind (a free page, a data file).
 */
export function pageOfContentFile(path: string): string | undefined {
	const [folder, ...rest] = path.split('/');
	const name = rest.join('/').replace(/\.mdx?$/, '');
	if (folder === LAYOUT.modules && path.endsWith('.mdx')) {
		const translated = translationName(name);
		return translated ? `/${translated.locale}${moduleHref(translated.id)}` : moduleHref(name);
	}
	const archived = folder === LAYOUT.archive ? /^([\w-]+)\/v(\d+)$/.exec(name) : null;
	if (archived) return permalinkHref(archived[1]!, Number(archived[2]));
	if (folder === LAYOUT.updates && rest.length === 1) return updateHref(name);
	return undefined;
}

/**
 * A link written relative to its page (`../visual-basics/`), as the content check accepts it, made
 * an address from the site's root (`/modules/visual-basics/`) by the compiler. The same body is shown
 * at other addresses than its page's: in its embed (`/embed/modules/<id>/v<major>/`), in its track's
 * print page (`/tracks/<track>/print/`) and in the course cartridges, where a relative link would
 * lead nowhere. Links to other sites, to an anchor of the page and from the root stay as written;
 * so do links to files (an image or a download beside the content), which the build resolves.
 */
export function rootRelativeLinks(contentDir: string): HastPluginEntry {
	return ({ fileURL }) => {
		if (!fileURL) return null;
		const path = relative(contentDir, fileURLToPath(fileURL)).split(sep).join('/');
		const page = pageOfContentFile(path);
		if (!page) return null;
		return defineHastPlugin({
			name: 'currents:root-relative-links',
			element: {
				filter: ['a'],
				visit(node, ctx) {
					const href = node.properties?.href;
					if (typeof href !== 'string' || !isRelative(href)) return;
					const url = new URL(href, `https://site.invalid${page}`);
					if (/\.[a-z0-9]+$/i.test(url.pathname) && !/\.html?$/i.test(url.pathname)) return;
					ctx.setProperty(node, 'href', `${url.pathname}${url.search}${url.hash}`);
				},
			},
		});
	};
}

/** Whether a link is written relative to its page: not from the root, not to an anchor, not with a scheme. */
function isRelative(href: string): boolean {
	return href !== '' && !href.startsWith('/') && !href.startsWith('#') && !href.startsWith('?') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}
