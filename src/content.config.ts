import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { BROKEN, tolerantLoader, tolerantPageSchema, tolerantSchema } from './lib/curriculum/broken.ts';
import { LAYOUT } from './lib/curriculum/load.ts';
import { optionalFolder } from './lib/curriculum/optional-folders.ts';
import { starlightPageSchemaOnce } from './lib/curriculum/page-schema.ts';
import { contentDir } from './lib/curriculum/paths.ts';
import { moduleSchema } from './lib/curriculum/schema/module.ts';
import { trackSchema } from './lib/curriculum/schema/track.ts';
import { updateSchema } from './lib/curriculum/schema/update.ts';
import { moduleTranslationSchema, trackTranslationSchema, updateTranslationSchema } from './lib/curriculum/schema/translation.ts';

// The integration has already checked every file with the same schemas and stopped the build on
// any error, so these collections only load what is known to be valid. The dev server starts with
// errors too: there, a file that cannot be read or fails its schema is kept as an entry holding a
// marker (src/lib/curriculum/broken.ts), so that its page can show the findings, and the other
// pages work on.
const dir = pathToFileURL(`${contentDir()}/`);
const base = (folder: string) => new URL(`${folder}/`, dir);
// Translations sit beside their originals as <id>.<locale>.<extension>; originals have no dot in their id.
const originals = (pattern: string) => [pattern, `!*.*.${pattern.split('.').pop()}`];
const translations = (folder: string, extension: string) =>
	optionalFolder(glob({ pattern: `*.*.${extension}`, base: base(folder), generateId: ({ entry }) => entry.replace(/\.[^.]+$/, '') }));

export const collections = {
	// Free pages are Starlight's own; in the dev server a broken one still gets its page, which shows its findings.
	docs: defineCollection({
		loader: tolerantLoader(optionalFolder(glob({ pattern: '**/*.{md,mdx}', base: base(LAYOUT.pages) }))),
		schema: starlightPageSchemaOnce((context) => tolerantPageSchema(docsSchema({ extend: z.object({ [BROKEN]: z.literal(true).optional() }) })(context), 'A page with problems')),
	}),
	modules: defineCollection({ loader: tolerantLoader(glob({ pattern: originals('*.mdx'), base: base(LAYOUT.modules) })), schema: tolerantSchema(moduleSchema) }),
	archive: defineCollection({
		loader: tolerantLoader(
			optionalFolder(
				glob({
					pattern: '*/v*.mdx',
					base: base(LAYOUT.archive),
					generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
				})
			)
		),
		schema: tolerantSchema(moduleSchema),
	}),
	tracks: defineCollection({ loader: tolerantLoader(glob({ pattern: ['*.{yaml,yml}', '!*.*.{yaml,yml}'], base: base(LAYOUT.tracks) })), schema: tolerantSchema(trackSchema) }),
	updates: defineCollection({ loader: tolerantLoader(optionalFolder(glob({ pattern: originals('*.md'), base: base(LAYOUT.updates) }))), schema: tolerantSchema(updateSchema) }),
	// Translations, with ids `<id>.<locale>`: only what a translator writes; the rest is the original's.
	moduleTranslations: defineCollection({ loader: tolerantLoader(translations(LAYOUT.modules, 'mdx')), schema: tolerantSchema(moduleTranslationSchema) }),
	trackTranslations: defineCollection({ loader: tolerantLoader(translations(LAYOUT.tracks, '{yaml,yml}')), schema: tolerantSchema(trackTranslationSchema) }),
	updateTranslations: defineCollection({ loader: tolerantLoader(translations(LAYOUT.updates, 'md')), schema: tolerantSchema(updateTranslationSchema) }),
	// Starlight reads this collection for changes to its own interface strings. The engine makes none
	// here (its strings reach Starlight through a plugin, src/index.ts), and says so with one empty
	// entry: without any entry, Astro warned on every build that the collection "does not exist or is
	// empty" and to "check your content config file for errors", which there were none of.
	i18n: defineCollection({ loader: () => [{ id: 'en' }], schema: i18nSchema() }),
};
