/** Links and images: no script or data URLs, images from the repository or allowed hosts, with alt text. */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { isImageName } from './content-files.ts';
import { report, type Context } from './context.ts';
import { browserUrl, fileNameOf, remoteHost, safeDecodeUri, safeDecodeUriComponent, schemeOf, showUrl, UNSAFE_SCHEMES, unsafeScheme } from './urls.ts';

/** What Astro marks images in rendered Markdown with; it parses whatever follows it as the image's path. */
export const ASTRO_IMAGE_MARKER = '__ASTRO_IMAGE_';

/** The schemes a link or image may use; an address without a scheme is relative, and fine. */
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['https', 'http', 'mailto']);

/** Reports an unsafe scheme and tells the caller whether it did. */
export function checkUrl(ctx: Context, url: string, raw: readonly string[], offset: number, kind: 'link' | 'image' | 'address'): boolean {
	// Script schemes are looked for in the source as written too; any other scheme only in the address
	// the compiler parsed, since the source around it may hold a colon that belongs to the prose.
	const parsed = schemeOf(url);
	const scheme = unsafeScheme([url, ...raw]) ?? (parsed !== null && !ALLOWED_SCHEMES.has(parsed) ? parsed : null);
	if (scheme === null) return false;
	const what = kind === 'image' ? 'image address' : kind === 'link' ? 'link target' : 'address';
	const danger =
		scheme === 'data'
			? 'a data: URL, which can carry a whole page or script inside the address'
			: UNSAFE_SCHEMES.has(scheme)
				? `the ${scheme}: scheme, which runs code in readers' browsers`
				: `the ${scheme}: scheme; addresses may only be https:, http:, mailto: or relative`;
	report(
		ctx,
		'unsafe-url',
		offset,
		`The ${what} \`${showUrl(url)}\` uses ${danger}.`,
		kind === 'image'
			? 'Save the image in the repository next to the module and use a relative path, such as ./diagram.png.'
			: kind === 'link'
				? 'Link to a web page with an https:// address, or to another page of the curriculum from the site\'s root, such as /modules/<id>/.'
				: 'Remove the address; only links (href) and images (src) may point anywhere, and only to https:// or relative addresses.'
	);
	return true;
}

export interface ImageInfo {
	/** Null when a reference has no definition; such an image is plain text and loads nothing. */
	url: string | null;
	raw: readonly string[];
	/** Null when the alt text is an expression, which is reported on its own. */
	alt: string | null;
	offset: number;
	syntax: 'markdown' | 'html';
	/** True when the URL already went through the attribute checks. */
	schemeChecked?: boolean;
}

export function checkImage(ctx: Context, image: ImageInfo): void {
	const { url } = image;
	if (image.alt !== null && image.alt.trim() === '') reportMissingAlt(ctx, image.offset, url ?? '', image.syntax);
	if (url === null) return;
	if (image.schemeChecked) {
		if (unsafeScheme([url, ...image.raw]) !== null) return;
	} else if (checkUrl(ctx, url, image.raw, image.offset, 'image')) {
		return;
	}
	// Astro cuts this marker off the front of a Markdown image's path, decoded, before it imports the
	// file, so what follows it is read from wherever it points, however the check reads the rest. With
	// every escape decoded it shows however it is spelt; decoding only turns escapes into letters, so a
	// marker written plainly is still there.
	if (safeDecodeUriComponent(url).includes(ASTRO_IMAGE_MARKER)) {
		report(
			ctx,
			'unknown-syntax',
			image.offset,
			`The image address \`${showUrl(url)}\` holds \`${ASTRO_IMAGE_MARKER}\`, a marker the site builder uses for images, which would make it read the file from somewhere else.`,
			'Save the image next to the module under a name without the marker, and point to it there, such as ./diagram.png.'
		);
		return;
	}
	// A browser reads a backslash as a slash and drops the spaces around an address, but the build
	// imports a local image by its path as written, so such a path stops the build or reads another file.
	if (/^\s|\s$|\\/.test(url) && remoteHost(browserUrl(url)) === null) {
		report(
			ctx,
			'image-type',
			image.offset,
			`The image path \`${showUrl(url)}\` has ${/\\/.test(url) ? 'a backslash' : 'a space at its start or end'}, which the build cannot read as a path.`,
			`Write the path with forward slashes and nothing around it, such as ./${fileNameOf(url.trim().replaceAll('\\', '/'))}.`
		);
		return;
	}
	const target = browserUrl(url);
	if (target === '') return;
	const remote = remoteHost(target);
	if (remote !== null) {
		if (remote.host !== null && ctx.imageHosts.has(remote.host)) return;
		const where = remote.host === null ? 'from outside the repository' : `from ${remote.host}`;
		const hostAdvice = remote.host === null ? 'its host' : remote.host;
		report(
			ctx,
			'remote-image',
			image.offset,
			`The image \`${showUrl(url)}\` is loaded ${where}, which is not an allowed image host.`,
			`Download the image into the repository next to the module (only with the owner's permission and a license that allows it) and use a relative path such as ./${fileNameOf(target)}; or ask the maintainers to add ${hostAdvice} to imageHosts in curriculum.yaml.`
		);
		return;
	}
	const path = safeDecodeUri(target.split(/[?#]/, 1)[0] ?? '');
	// A local image is imported by the build with the path as written, so anything but a plain path
	// to an image file (a query such as `?raw`, a hidden tab, another extension) would load as code.
	const imported = /^[^?#\u0000-\u001f\u007f]*$/.test(url) && isImageName(safeDecodeUri(url));
	if (path !== '' && (!isImageName(path) || !imported)) {
		report(
			ctx,
			'image-type',
			image.offset,
			`The image \`${showUrl(url)}\` is not a plain path to a PNG, JPEG, WebP, AVIF or GIF file.`,
			'Save the image as .png, .jpg, .webp, .avif or .gif next to the module and point to that file. SVG is not accepted, because an SVG file can carry script.'
		);
		return;
	}
	if (ctx.baseDir === undefined || path === '') return;
	if (target.startsWith('/')) {
		reportRootImage(ctx, image.offset, url, path, ctx.baseDir);
		return;
	}
	const file = resolvePath(ctx.baseDir, path);
	// The build copies the file into the site: a path that climbs out of the content folder, or leads
	// through a link to a folder outside it, would publish any image the build machine can read, from
	// the rest of the repository to a cache. (The check refuses links in the content folder too.)
	// `%2F` is a slash to a reader that decodes each part of the path, so both readings must stay inside.
	const readings = [file, resolvePath(ctx.baseDir, safeDecodeUriComponent(path))];
	const contentDir = ctx.contentDir;
	if (contentDir !== undefined && !readings.every((reading) => isWithin(contentDir, reading) && isWithin(realPath(contentDir), realPath(reading)))) {
		report(
			ctx,
			'image-outside',
			image.offset,
			`The image \`${showUrl(url)}\` is outside the content folder.`,
			`Save the image in the content folder next to the module, and point to it there, such as ./${fileNameOf(target)}.`
		);
		return;
	}
	// The build imports the file: a folder of the same name, or nothing, stops it.
	if (!isFile(file)) {
		report(
			ctx,
			'missing-image',
			image.offset,
			`The image file \`${showUrl(url)}\` does not exist next to the module.`,
			'Add the file to the repository, or correct the path: it is relative to the module file, and letter case matters.'
		);
	}
}

/**
 * An image written from the site's root, `/images/carousel.png`: the site publishes no images there,
 * since the build reads an image from the repository, by its path from the module file. The fix names
 * the path to write: to the file, where the path read from the module's folder or from the content
 * folder finds one, and otherwise beside the module.
 */
function reportRootImage(ctx: Context, offset: number, url: string, path: string, baseDir: string): void {
	const found = [resolvePath(baseDir, `.${path}`), ...(ctx.contentDir === undefined ? [] : [resolvePath(ctx.contentDir, `.${path}`)])].find(
		(candidate) => (ctx.contentDir === undefined || isWithin(ctx.contentDir, candidate)) && isFile(candidate)
	);
	const relativePath = found === undefined ? undefined : relative(baseDir, found).split('\\').join('/');
	const write = relativePath === undefined ? `./${fileNameOf(path)}` : relativePath.startsWith('../') ? relativePath : `./${relativePath}`;
	report(
		ctx,
		'missing-image',
		offset,
		`The image \`${showUrl(url)}\` is written from the site's root, where the site publishes no images: an image is read from the repository, by its path from the module file.`,
		found === undefined
			? `Save the image next to the module and write its path relative to the module file: ${write}.`
			: `Write its path relative to the module file: ${write}.`
	);
}

export function reportMissingAlt(ctx: Context, offset: number, url: string, syntax: 'markdown' | 'html'): void {
	const shown = url === '' ? 'This image' : `The image \`${showUrl(url)}\``;
	report(
		ctx,
		'image-alt',
		offset,
		`${shown} has no alt text.`,
		syntax === 'markdown'
			? 'Describe what the image shows for people who cannot see it, between the brackets: ![A bar chart of posts per hour, peaking at 9 pm](./chart.png).'
			: 'Describe what the image shows for people who cannot see it, in an alt attribute: alt="A bar chart of posts per hour, peaking at 9 pm".'
	);
}

/** The path with every link in it followed, or as it is when it does not exist. */
function realPath(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}

function isWithin(folder: string, path: string): boolean {
	const inside = relative(folder, path);
	return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function isFile(path: string): boolean {
	return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
