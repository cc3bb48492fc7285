import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { checkContentFiles, isAllowedContentPath } from '../src/lib/safety/content-files.ts';
import { currentsVitePlugin } from '../src/lib/safety/vite-guard.ts';
import { buildCurriculum, copyFixture, ROOT, TMP, TODAY } from './utils.ts';

/** A real 1×1 PNG image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The first bytes of other formats the site accepts; the check reads no further than the signature. */
// Headers as far as the size: a JFIF segment, then a start-of-frame for a 1 × 1 picture.
const JPEG = Buffer.from([
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
	0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.from([5, 0, 0, 0, 0x2f, 0, 0, 0, 0])]);
const AVIF = Buffer.concat([
	Buffer.from([0, 0, 0, 0x1c]),
	Buffer.from('ftypavif'),
	Buffer.alloc(4),
	Buffer.from('avifmif1miaf'),
	// The image spatial extents property: 1 × 1.
	Buffer.from([0, 0, 0, 0x14]),
	Buffer.from('ispe'),
	Buffer.from([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]),
]);
/** A HEIF photo from a phone: an ISO media file, but not one of the accepted formats. */
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic')]);

function tempContent(): string {
	mkdirSync(TMP, { recursive: true });
	const dir = join(mkdtempSync(join(TMP, 'content-files-')), 'content');
	mkdirSync(join(dir, 'modules', 'images'), { recursive: true });
	return dir;
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');
const show = (findings: Finding[], dir: string) => findings.map((f) => [f.rule, relative(dir, join(ROOT, f.file)).split('\\').join('/')]);

describe('checkContentFiles', () => {
	it('accepts text, images whose bytes match their names, and a LICENSE at the top', () => {
		const dir = tempContent();
		writeFileSync(join(dir, 'LICENSE'), 'CC BY-SA 4.0\n');
		writeFileSync(join(dir, 'curriculum.yaml'), 'title: x\n');
		writeFileSync(join(dir, 'modules', 'a.mdx'), '# A\n');
		writeFileSync(join(dir, 'modules', 'b.md'), '# B\n');
		writeFileSync(join(dir, 'modules', 't.yml'), 'a: 1\n');
		writeFileSync(join(dir, 'modules', 'images', 'chart.png'), PNG);
		writeFileSync(join(dir, 'modules', 'images', 'photo.jpg'), JPEG);
		writeFileSync(join(dir, 'modules', 'images', 'photo.JPEG'), JPEG);
		writeFileSync(join(dir, 'modules', 'images', 'loop.gif'), GIF);
		writeFileSync(join(dir, 'modules', 'images', 'small.webp'), WEBP);
		writeFileSync(join(dir, 'modules', 'images', 'small.avif'), AVIF);
		expect(checkContentFiles(dir, rel)).toEqual([]);
	});

	it('refuses scripts, components, SVG, hidden files, symbolic links and images that are not what they are named', () => {
		const dir = tempContent();
		writeFileSync(join(dir, 'modules', 'images', 'chart.png'), PNG);
		writeFileSync(join(dir, 'modules', 'images', 'evil.png'), 'export default () => process.exit(1);\n');
		writeFileSync(join(dir, 'modules', 'images', 'photo.png'), JPEG);
		writeFileSync(join(dir, 'modules', 'images', 'phone.avif'), HEIC);
		writeFileSync(join(dir, 'modules', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		writeFileSync(join(dir, 'modules', 'helper.mjs'), 'export const x = 1;\n');
		mkdirSync(join(dir, 'pages', 'deep'), { recursive: true });
		writeFileSync(join(dir, 'pages', 'deep', 'Widget.astro'), '---\n---\n<script>alert(1)</script>\n');
		writeFileSync(join(dir, 'pages', 'deep', 'LICENSE'), 'MIT\n');
		writeFileSync(join(dir, 'pages', 'Makefile'), 'all:\n');
		writeFileSync(join(dir, '.env'), 'TOKEN=x\n');
		mkdirSync(join(dir, '.hidden'));
		writeFileSync(join(dir, '.hidden', 'a.md'), '# A\n');
		symlinkSync('/etc/passwd', join(dir, 'modules', 'images', 'passwd.png'));
		symlinkSync(join(dir, 'modules'), join(dir, 'linked'));

		const findings = checkContentFiles(dir, rel);
		expect(findings.every((f) => f.rule === 'content-file-type' && f.severity === 'error' && f.line === 0)).toBe(true);
		expect(show(findings, dir)).toEqual([
			['content-file-type', '.env'],
			['content-file-type', '.hidden'],
			['content-file-type', 'linked'],
			['content-file-type', 'modules/helper.mjs'],
			['content-file-type', 'modules/images/evil.png'],
			['content-file-type', 'modules/images/logo.svg'],
			['content-file-type', 'modules/images/passwd.png'],
			['content-file-type', 'modules/images/phone.avif'],
			['content-file-type', 'modules/images/photo.png'],
			['content-file-type', 'pages/Makefile'],
			['content-file-type', 'pages/deep/LICENSE'],
			['content-file-type', 'pages/deep/Widget.astro'],
		]);
		const about = (name: string) => findings.find((f) => f.file.endsWith(name))!;
		expect(about('helper.mjs')).toEqual({
			rule: 'content-file-type',
			severity: 'error',
			file: rel(join(dir, 'modules', 'helper.mjs')),
			line: 0,
			column: 0,
			message: '"helper.mjs" is a .mjs file, and the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images.',
			fix: 'Remove it: the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images. If a module needs something that only code could do, open an issue and ask the maintainers.',
		});
		expect([about('evil.png').message, about('evil.png').fix]).toEqual([
			'"evil.png" is named as a PNG image, but its bytes are not a PNG image or any other image the site accepts.',
			'Open the picture in an image editor and export it as PNG, JPEG, WebP, AVIF or GIF: renaming a file does not change its format. If it is not a picture, remove it.',
		]);
		expect([about('photo.png').message, about('photo.png').fix]).toEqual([
			'"photo.png" is named as a PNG image, but its bytes are a JPEG image.',
			'Rename it to end in .jpg and update the modules that point to it, or save it again as a real PNG image.',
		]);
		expect([about('logo.svg').message, about('logo.svg').fix]).toEqual([
			'"logo.svg" is an SVG image, which the site does not accept: an SVG file can carry script, and it would be served from the site\'s own address.',
			'Export the picture as PNG or WebP (drawing tools and browsers can), put that file here instead, and point the module to it.',
		]);
		expect(about('passwd.png').message).toBe(
			'"passwd.png" is a symbolic link, and the content folder holds only real files: a link could point at a file outside the repository.'
		);
		expect(about('.env').message).toBe(
			'".env" is a hidden file (its name starts with a dot), and the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images.'
		);
		expect(about('deep/LICENSE').message).toBe('"pages/deep/LICENSE" is a LICENSE file inside a subfolder; only the top of the content folder holds a LICENSE.');
	});
});

describe('images the build could not decode, and names it could not handle', () => {
	/** A PNG signature and an IHDR chunk declaring the given size: all the build reads before decoding. */
	const pngOfSize = (width: number, height: number) => {
		const ihdr = Buffer.alloc(25);
		ihdr.writeUInt32BE(13, 0);
		ihdr.write('IHDR', 4, 'latin1');
		ihdr.writeUInt32BE(width, 8);
		ihdr.writeUInt32BE(height, 12);
		return Buffer.concat([PNG.subarray(0, 8), ihdr]);
	};

	it('refuses a picture too large to decode safely, and one whose size cannot be read, and long or odd names', () => {
		const dir = tempContent();
		writeFileSync(join(dir, 'modules', 'bomb.png'), pngOfSize(16_000, 16_000));
		writeFileSync(join(dir, 'modules', 'fine.png'), pngOfSize(2_000, 1_000));
		writeFileSync(join(dir, 'modules', 'broken.png'), Buffer.concat([PNG.subarray(0, 8), Buffer.from('<svg onload="alert(1)"/>')]));
		writeFileSync(join(dir, 'modules', `${'a'.repeat(120)}.png`), PNG);
		writeFileSync(join(dir, 'modules', 'chart.mdx?.png'), PNG);
		const messages = checkContentFiles(dir, (path) => path.slice(dir.length + 1)).map((f) => f.message);
		expect(messages).toEqual([
			`"${'a'.repeat(40)}…" is a name of 124 characters; names in the content folder have at most 100.`,
			'"bomb.png" is 16000 × 16000 pixels; images may be at most 8000 pixels on a side and 40 million pixels in all.',
			'"broken.png" starts like a PNG image, but its size cannot be read from it.',
			'"chart.mdx?.png" holds one of % ? # \\, which addresses and the build read in different ways.',
		]);
	});
});

describe('isAllowedContentPath', () => {
	it.each(['curriculum.yaml', 'tracks/a.yml', 'modules/a.mdx', 'updates/a.md', 'modules/images/a.png', 'a.JPG', 'a.jpeg', 'a.webp', 'a.avif', 'a.gif', 'LICENSE'])(
		'allows %s',
		(path) => expect(isAllowedContentPath(path)).toBe(true)
	);
	it.each(['modules/x.mjs', 'x.js', 'x.ts', 'x.astro', 'x.jsx', 'x.html', 'x.svg', 'x.css', '.env', 'modules/.x/a.md', 'pages/LICENSE', 'x', 'x.png.mjs', 'x.mdx.js'])(
		'refuses %s',
		(path) => expect(isAllowedContentPath(path)).toBe(false)
	);
});

describe('content files in the whole check and the build', () => {
	it('reports a Markdown image of a script both at the image and at the file', () => {
		const content = copyFixture('valid-course');
		const module = join(content, 'modules', 'serving.mdx');
		writeFileSync(module, readFileSync(module, 'utf8').replace('Pour into warmed cups.', 'Pour into warmed cups.\n\n![A kettle](./evil.mjs)'));
		writeFileSync(join(content, 'modules', 'evil.mjs'), 'export default 1;\n');
		const { findings } = checkCurriculum(content, { root: ROOT, on: TODAY });
		const errors = findings.filter((f) => f.severity === 'error');
		expect(errors.filter((f) => f.rule === 'image-type').map((f) => [f.file.endsWith('modules/serving.mdx'), f.line, f.message])).toEqual([
			[true, 35, 'The image `./evil.mjs` is not a plain path to a PNG, JPEG, WebP, AVIF or GIF file.'],
		]);
		expect(errors.filter((f) => f.rule === 'content-file-type').map((f) => [f.file.endsWith('modules/evil.mjs'), f.message])).toEqual([
			[true, '"evil.mjs" is a .mjs file, and the content folder holds only Markdown (.md), MDX (.mdx), YAML (.yaml, .yml) and PNG, JPEG, WebP, AVIF or GIF images.'],
		]);
	});

	it('finds a file made unsafe since the check that kept its findings, and keeps only the files it read', () => {
		const content = copyFixture('valid-course');
		const safetyMemo = new Map<string, Finding[]>();
		const first = checkCurriculum(content, { root: ROOT, on: TODAY, safetyMemo }).findings;
		const kept = new Set(safetyMemo.keys());
		expect(kept.size).toBeGreaterThan(3);
		// Unchanged: the same findings, from the memo.
		expect(checkCurriculum(content, { root: ROOT, on: TODAY, safetyMemo }).findings).toEqual(first);
		expect(new Set(safetyMemo.keys())).toEqual(kept);
		// Changed: the file is parsed again, and its old entry leaves the memo.
		const module = join(content, 'modules', 'serving.mdx');
		writeFileSync(module, readFileSync(module, 'utf8').replace('Pour into warmed cups.', 'Pour into warmed cups.\n\n![A kettle](./evil.mjs)'));
		const errors = checkCurriculum(content, { root: ROOT, on: TODAY, safetyMemo }).findings.filter((f) => f.severity === 'error');
		expect(errors.filter((f) => f.rule === 'image-type').map((f) => [f.file.endsWith('modules/serving.mdx'), f.line])).toEqual([[true, 35]]);
		expect(safetyMemo.size).toBe(kept.size);
		expect([...safetyMemo.keys()].filter((key) => !kept.has(key))).toHaveLength(1);
	});

	it('reports an image whose name is right but whose bytes are a script', () => {
		const content = copyFixture('valid-course');
		const module = join(content, 'modules', 'serving.mdx');
		writeFileSync(module, readFileSync(module, 'utf8').replace('Pour into warmed cups.', 'Pour into warmed cups.\n\n![A kettle](../images/kettle.png)'));
		mkdirSync(join(content, 'images'));
		writeFileSync(join(content, 'images', 'kettle.png'), 'export default 1;\n');
		const errors = checkCurriculum(content, { root: ROOT, on: TODAY }).findings.filter((f) => f.severity === 'error');
		expect(errors.map((f) => [f.rule, f.file.endsWith('images/kettle.png')])).toEqual([['content-file-type', true]]);
	});

	it('refuses to load anything from the content folder that is not data, whatever the query', () => {
		const content = copyFixture('valid-course');
		const plugin = currentsVitePlugin({ root: ROOT, dir: content, on: TODAY, config: { imageHosts: [], site: 'https://example.org' } as never });
		const load = plugin.load as (id: string) => unknown;
		expect(() => load(join(content, 'modules', 'evil.mjs'))).toThrow(
			/modules\/evil\.mjs was not loaded: the content folder holds data only\.[\s\S]*"evil\.mjs" is a \.mjs file[\s\S]*content-file-type/
		);
		expect(() => load(`${join(content, 'modules', 'logo.svg')}?import`)).toThrow(/logo\.svg was not loaded[\s\S]*content-file-type/);
		expect(() => load(join(content, '.hidden', 'x.js'))).toThrow(/content-file-type/);
		expect(load(`${join(content, 'images', 'kettle.png')}?astroContentImageFlag=&importer=x`)).toBeNull();
		expect(load(join(ROOT, 'src', 'index.ts'))).toBeNull();
	});

	it('refuses an image a content file names outside the content folder, relative or absolute, and resolves the others as usual', () => {
		const content = copyFixture('valid-course');
		const plugin = currentsVitePlugin({ root: ROOT, dir: content, on: TODAY, config: { imageHosts: [], site: 'https://example.org' } as never });
		const resolveId = plugin.resolveId as (id: string, importer?: string) => unknown;
		const update = join(content, 'updates', '2026-10-20-teapot-infuser.md');
		expect(() => resolveId('/tmp/secret.png', update)).toThrow(/updates\/2026-10-20-teapot-infuser\.md imports \/tmp\/secret\.png, which is outside the content folder, so it was not loaded\./);
		expect(() => resolveId('../../secret.png', update)).toThrow(/imports \.\.\/\.\.\/secret\.png, which is outside the content folder/);
		expect(resolveId('./kettle.png', update)).toBeUndefined();
		expect(resolveId(join(content, 'updates', 'kettle.png'), update)).toBeUndefined();
		// The engine's own files import what they need from anywhere.
		expect(resolveId('/tmp/secret.png', join(ROOT, 'src', 'routes', 'Module.astro'))).toBeUndefined();
	});

	// Started as `astro build` rather than `npm run build`: the integration then makes the search index
	// and the cartridges itself, where `npm run build` makes them once Astro's process has ended
	// (src/lib/cache/last-steps.ts).
	it('builds a module with a real PNG image, also with `astro build` alone', () => {
		const content = copyFixture('valid-course');
		const module = join(content, 'modules', 'serving.mdx');
		writeFileSync(module, readFileSync(module, 'utf8').replace('Pour into warmed cups.', 'Pour into warmed cups.\n\n![A kettle on a stove](../images/kettle.png)'));
		mkdirSync(join(content, 'images'));
		writeFileSync(join(content, 'images', 'kettle.png'), PNG);
		const build = buildCurriculum(content, 'content-image', undefined, { plainAstro: true });
		expect(build.status, build.output).toBe(0);
		expect(build.read('modules/serving/index.html')).toMatch(/<img [^>]*alt="A kettle on a stove"/);
		expect(build.read('modules/serving/index.html')).toMatch(/src="\/_astro\/kettle\.[\w-]+\.(?:png|webp)"/);
		expect(build.output).toMatch(/Search index: \d+ pages, indexed with Pagefind in \d+ ms\.\n/);
		expect(build.exists('pagefind/pagefind.js')).toBe(true);
		// So are the Common Cartridges, in the build's own process.
		expect(build.output).toMatch(/Wrote \d+ Common Cartridges to downloads\/ \(made \d+, reused 0 from the last build\) in \d+ ms\.\n/);
		expect(build.exists('downloads/steeped.imscc')).toBe(true);
	}, 180_000);
});
