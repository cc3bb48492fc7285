import { findPackageJSON } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { featureDrift, kindOf, PARSER_FEATURES } from '../src/lib/safety/parser-options.ts';

describe('the compiler and the check read files the same way', () => {
	it('finds no drift when the compiler has exactly the check\'s features', () => {
		expect(featureDrift({ ...PARSER_FEATURES })).toEqual([]);
	});

	it('names each feature that differs, and how', () => {
		expect(featureDrift({ ...PARSER_FEATURES, directive: false, math: true })).toEqual([
			'directive: the check parses with true, the compiler with false',
			'math: the check parses with nothing, the compiler with true',
		]);
	});

	it("counts Astro's own gfm and smartypants settings, which win over the processor's", () => {
		expect(featureDrift({ ...PARSER_FEATURES }, { gfm: false })).toEqual(['gfm: the check parses with true, the compiler with false']);
		expect(featureDrift({ ...PARSER_FEATURES }, { smartypants: false })).toEqual([
			'smartPunctuation: the check parses with true, the compiler with false',
		]);
		expect(featureDrift({ ...PARSER_FEATURES }, { gfm: true, smartypants: {} })).toEqual([]);
	});

	it('parses with the very Sätteri package that compiles the content, wherever Astro and the MDX integration find it', () => {
		// An upgrade can leave two copies of Sätteri installed; the check must read files with the compiler's.
		const from = (name: string, base: string | URL) => findPackageJSON(name, base)!;
		const check = from('satteri', pathToFileURL(from('@astrojs/markdown-satteri', import.meta.url)));
		expect(check).toBe(from('satteri', import.meta.url));
		for (const owner of ['astro', '@astrojs/mdx']) {
			const processor = from('@astrojs/markdown-satteri', pathToFileURL(from(owner, import.meta.url)));
			expect(from('satteri', pathToFileURL(processor)), owner).toBe(check);
		}
	});

	it('compiles .mdx files as MDX and every other file as Markdown', () => {
		expect(kindOf('modules/a.mdx')).toBe('mdx');
		expect(kindOf('modules/A.MDX')).toBe('mdx');
		expect(kindOf('updates/a.md')).toBe('markdown');
	});
});
