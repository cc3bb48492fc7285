import { closeSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { imageSize } from './image-size.ts';

/**
 * The content folder holds data only: Markdown, MDX, YAML, a LICENSE at its top, and raster
 * images. Anything else there (a script, a style sheet, an Astro component, an SVG, a hidden
 * file, a symbolic link) could be imported by a compiled module or served from the site, so it
 * is refused before anything is built.
 */
export const CONTENT_FILE_RULES: Record<string, { title: string; description: string }> = {
	'content-file-type': {
		title: 'The content folder holds data only',
		description:
			'Everything under the content folder is text or pictures: `.md`, `.mdx`, `.yaml` or `.yml` files, one `LICENSE` at the top, and PNG, JPEG, WebP, AVIF or GIF images. An image is recognised by the first bytes of the file, not by its name, so a script renamed to `.png` is refused, and so is a JPEG named `.png`. Any other file is refused, wherever it sits: scripts, styles, components and pages would be code the build could load, hidden files are easy to overlook in a review, and a symbolic link could point outside the repository. SVG is refused too: an SVG file is a document that can carry script, and it would be served from the site’s own address; making it safe would need a sanitiser kept up to date and separate serving rules, while exporting the picture as PNG or WebP costs a contributor a minute.',
	},
};

/** Text formats, by extension. */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.mdx', '.yaml', '.yml']);

interface ImageFormat {
	name: string;
	extensions: readonly string[];
	/** Whether the first bytes of a file are this format's signature. */
	matches: (head: Buffer) => boolean;
}

const ascii = (head: Buffer, start: number, text: string) => head.toString('latin1', start, start + text.length) === text;

const IMAGE_FORMATS: readonly ImageFormat[] = [
	{ name: 'PNG', extensions: ['.png'], matches: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
	{ name: 'JPEG', extensions: ['.jpg', '.jpeg'], matches: (head) => head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
	{ name: 'WebP', extensions: ['.webp'], matches: (head) => ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP') },
	{ name: 'AVIF', extensions: ['.avif'], matches: isAvif },
	{ name: 'GIF', extensions: ['.gif'], matches: (head) => ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a') },
];

/** Enough bytes for every signature above and for the header that holds an image's size. */
const HEAD_BYTES = 64 * 1024;

/** The largest image the build may decode: enough for any screen, far from what would exhaust memory. */
const MAX_SIDE = 8_000;
const MAX_PIXELS = 40_000_000;

/** An AVIF file opens with an ISO media `ftyp` box whose major or a compatible brand is `avif` or `avis`. */
function isAvif(head: Buffer): boolean {
	if (head.length < 16 || !ascii(head, 4, 'ftyp')) return false;
	const end = Math.min(head.readUInt32BE(0), head.length);
	for (let at = 8; at + 4 <= end; at += 4) {
		// Bytes 12 to 16 are the minor version, not a brand.
		if (at === 12) continue;
		if (ascii(head, at, 'avif') || ascii(head, at, 'avis')) return true;
	}
	return false;
}

/** The longest file or folder name the content folder holds; build tools fail on names near 255 bytes. */
const MAX_NAME = 100;

const ALLOWED = 'Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images';

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function imageFormatOf(extension: string): ImageFormat | undefined {
	return IMAGE_FORMATS.find((format) => format.extensions.includes(extension));
}

/** Whether a file name ends in the extension of an image format the content folder accepts. */
export function isImageName(name: string): boolean {
	return imageFormatOf(extensionOf(name)) !== undefined;
}

/**
 * Whether a path inside the content folder, relative to it, names a file the content folder may
 * hold, judged by its name alone. The build's module loader uses it to refuse anything else; the
 * check also reads images' first bytes.
 */
export function isAllowedContentPath(path: string): boolean {
	return nameProblem(path) === null;
}

interface Problem {
	message: string;
	fix: string;
}

const REMOVE = `Remove it: the content folder holds only ${ALLOWED}. If a module needs something that only code could do, open an issue and ask the maintainers.`;

/** Why a path is refused by its name, or null when its name is allowed. */
function nameProblem(path: string): Problem | null {
	const parts = path.split(/[\\/]/);
	const name = parts[parts.length - 1] ?? '';
	const hidden = parts.find((part) => part.startsWith('.') || part === '');
	if (hidden !== undefined) {
		const folder = hidden !== name;
		return {
			message: `"${hidden}" is a hidden ${folder ? 'folder' : 'file'} (its name starts with a dot), and the content folder holds only ${ALLOWED}.`,
			fix: `Remove it${folder ? ' and everything in it' : ''}. If your editor or system made it, add its name to your global gitignore so it is not committed again.`,
		};
	}
	if (name === 'LICENSE') {
		if (parts.length === 1) return null;
		return {
			message: `"${path}" is a LICENSE file inside a subfolder; only the top of the content folder holds a LICENSE.`,
			fix: 'Remove it. A module with a license of its own names it in its `license` field.',
		};
	}
	const odd = parts.find((part) => part.length > MAX_NAME || /[%?#\\]/.test(part));
	if (odd !== undefined) {
		return {
			message:
				odd.length > MAX_NAME
					? `"${odd.slice(0, 40)}…" is a name of ${odd.length} characters; names in the content folder have at most ${MAX_NAME}.`
					: `"${odd}" holds one of % ? # \\, which addresses and the build read in different ways.`,
			fix: 'Rename it with letters, digits and hyphens, and update the modules that point to it.',
		};
	}
	const extension = extensionOf(name);
	if (TEXT_EXTENSIONS.has(extension) || imageFormatOf(extension)) return null;
	if (extension === '.svg') {
		return {
			message: `"${name}" is an SVG image, which the site does not accept: an SVG file can carry script, and it would be served from the site's own address.`,
			fix: 'Export the picture as PNG or WebP (drawing tools and browsers can), put that file here instead, and point the module to it.',
		};
	}
	return {
		message:
			extension === ''
				? `"${name}" has no file extension, and the content folder holds only ${ALLOWED}.`
				: `"${name}" is a ${extension} file, and the content folder holds only ${ALLOWED}.`,
		fix: REMOVE,
	};
}

/** Why an image file's bytes are refused, or null when they are the format its extension names. */
function bytesProblem(absolute: string, name: string): Problem | null {
	const format = imageFormatOf(extensionOf(name));
	if (!format) return null;
	const head = readHead(absolute);
	if (format.matches(head)) {
		const size = imageSize(format.name, head);
		if (size === null || size.width < 1 || size.height < 1) {
			return {
				message: `"${name}" starts like a ${format.name} image, but its size cannot be read from it.`,
				fix: 'Open the picture in an image editor and export it again as PNG, JPEG or WebP.',
			};
		}
		if (size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_PIXELS) {
			return {
				message: `"${name}" is ${size.width} × ${size.height} pixels; images may be at most ${MAX_SIDE} pixels on a side and ${MAX_PIXELS / 1e6} million pixels in all.`,
				fix: 'Scale the picture down: 2,000 pixels on the long side is plenty for any screen, and the page loads faster.',
			};
		}
		return null;
	}
	const actual = IMAGE_FORMATS.find((candidate) => candidate.matches(head));
	if (actual) {
		return {
			message: `"${name}" is named as a ${format.name} image, but its bytes are a ${actual.name} image.`,
			fix: `Rename it to end in ${actual.extensions[0]} and update the modules that point to it, or save it again as a real ${format.name} image.`,
		};
	}
	return {
		message: `"${name}" is named as a ${format.name} image, but its bytes are not a ${format.name} image or any other image the site accepts.`,
		fix: 'Open the picture in an image editor and export it as PNG, JPEG, WebP, AVIF or GIF: renaming a file does not change its format. If it is not a picture, remove it.',
	};
}

function readHead(absolute: string): Buffer {
	const head = Buffer.alloc(HEAD_BYTES);
	const fd = openSync(absolute, 'r');
	try {
		return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
	} finally {
		closeSync(fd);
	}
}

/** The finding for a path whose name is refused, or null when the name is allowed. */
export function contentPathFinding(path: string, file: string): Finding | null {
	const problem = nameProblem(path);
	return problem && finding({ rule: 'content-file-type', file, ...problem });
}

/**
 * Walks the content folder once and reports every file it may not hold: by name, by type (a
 * symbolic link or anything else that is not a regular file) and, for images, by their first bytes.
 * A hidden folder is reported once, without looking inside it.
 */
export function checkContentFiles(dir: string, rel: (path: string) => string): Finding[] {
	const findings: Finding[] = [];
	const report = (absolute: string, problem: Problem) => findings.push(finding({ rule: 'content-file-type', file: rel(absolute), ...problem }));

	const visit = (folder: string, inside: string) => {
		let entries: Dirent[];
		try {
			entries = readdirSync(folder, { withFileTypes: true });
		} catch {
			// A missing content folder is reported by the loader, with the fix.
			return;
		}
		for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const absolute = join(folder, entry.name);
			const path = inside === '' ? entry.name : `${inside}/${entry.name}`;
			// Dirent describes the entry itself, so a link is seen as a link and never followed.
			if (entry.isSymbolicLink()) {
				report(absolute, {
					message: `"${entry.name}" is a symbolic link, and the content folder holds only real files: a link could point at a file outside the repository.`,
					fix: 'Replace the link with a copy of the file it points to, or remove it.',
				});
			} else if (entry.isDirectory()) {
				if (entry.name.startsWith('.')) report(absolute, nameProblem(path)!);
				else visit(absolute, path);
			} else if (!entry.isFile()) {
				report(absolute, {
					message: `"${entry.name}" is not a regular file, and the content folder holds only ${ALLOWED}.`,
					fix: 'Remove it.',
				});
			} else {
				const problem = nameProblem(path) ?? bytesProblem(absolute, entry.name);
				if (problem) report(absolute, problem);
			}
		}
	};
	visit(dir, '');
	return findings;
}
