import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { packageDir } from '../src/lib/cards/node.ts';
import { starlightPageSchemaOnce } from '../src/lib/curriculum/page-schema.ts';

// The image check `<StarlightPage>` passes to the docs schema, as Starlight writes it: a new function
// for every page, the same text each time.
const starlightPageImage = () => () =>
	z.custom((value) => !!value && typeof value === 'object' && 'src' in value, 'Invalid image passed to `<StarlightPage>` component. Expected imported `ImageMetadata` object.');

describe('the docs schema for <StarlightPage>', () => {
	test('is built once for every page, and each page is checked with it', () => {
		let builds = 0;
		const schema = starlightPageSchemaOnce((context: { image: () => z.ZodType }) => {
			builds++;
			return z.object({ title: z.string(), cover: context.image().optional() });
		});
		const first = schema({ image: starlightPageImage() });
		const second = schema({ image: starlightPageImage() });
		expect(builds).toBe(1);
		expect(second).toBe(first);
		expect(second.safeParse({ title: 'A module' }).success).toBe(true);
		expect(second.safeParse({ title: 'A module', cover: 'not an imported image' }).success).toBe(false);
	});

	test('is built for each content entry, whose image helper resolves paths against that entry', () => {
		let builds = 0;
		const schema = starlightPageSchemaOnce((context: { image: () => z.ZodType }) => {
			builds++;
			return z.object({ cover: context.image() });
		});
		// What the content layer passes: a helper bound to the entry being read.
		const entryImage = (entry: string) => () => z.string().transform((path) => `${entry}/${path}`);
		const a = schema({ image: entryImage('pages/a') });
		const b = schema({ image: entryImage('pages/b') });
		expect(builds).toBe(2);
		expect(a.parse({ cover: 'x.png' })).toEqual({ cover: 'pages/a/x.png' });
		expect(b.parse({ cover: 'x.png' })).toEqual({ cover: 'pages/b/x.png' });
	});

	test('is built for each call when a check only quotes the words but takes arguments', () => {
		let builds = 0;
		const schema = starlightPageSchemaOnce((context: { image: unknown }) => {
			builds++;
			return context;
		});
		const taking = (limit: number) => (size: number) => (size > limit ? 'Invalid image passed to `<StarlightPage>` component.' : '');
		schema({ image: taking(1) });
		schema({ image: taking(2) });
		expect(builds).toBe(2);
	});

	test("Starlight's <StarlightPage> still passes the check this recognises (an upgrade that changes it fails here, not silently slower)", () => {
		const source = readFileSync(join(packageDir('@astrojs/starlight'), 'dist', 'utils', 'starlight-page.js'), 'utf8');
		const call = /StarlightPageFrontmatterSchema\(\{\s*image:\s*\(\(\)\s*=>\s*z\.custom\([\s\S]*?Invalid image passed to `<StarlightPage>` component\.[\s\S]*?\)\)\s*\}\)/.exec(source);
		expect(call, 'getStarlightPageFrontmatter no longer builds the schema with the image check src/lib/curriculum/page-schema.ts recognises').not.toBeNull();
	});
});
