import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { LAYOUT } from './lib/curriculum/load.ts';
import { contentDir } from './lib/curriculum/paths.ts';
import { moduleSchema } from './lib/curriculum/schema/module.ts';
import { trackSchema } from './lib/curriculum/schema/track.ts';
import { updateSchema } from './lib/curriculum/schema/update.ts';

// The integration has already checked every file with the same schemas and stopped the build on
// any error, so these collections only load what is known to be valid.
const dir = pathToFileURL(`${contentDir()}/`);
const base = (folder: string) => new URL(`${folder}/`, dir);

export const collections = {
	docs: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: base(LAYOUT.pages) }), schema: docsSchema() }),
	modules: defineCollection({ loader: glob({ pattern: '*.mdx', base: base(LAYOUT.modules) }), schema: moduleSchema }),
	archive: defineCollection({
		loader: glob({
			pattern: '*/v*.mdx',
			base: base(LAYOUT.archive),
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: moduleSchema,
	}),
	tracks: defineCollection({ loader: glob({ pattern: '*.{yaml,yml}', base: base(LAYOUT.tracks) }), schema: trackSchema }),
	updates: defineCollection({ loader: glob({ pattern: '*.md', base: base(LAYOUT.updates) }), schema: updateSchema }),
};
