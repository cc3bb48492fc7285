import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { BROKEN } from './lib/curriculum/broken.ts';
import { LAYOUT } from './lib/curriculum/load.ts';
import { contentDir } from './lib/curriculum/paths.ts';
import { moduleSchema } from './lib/curriculum/schema/module.ts';
import { trackSchema } from './lib/curriculum/schema/track.ts';
import { updateSchema } from './lib/curriculum/schema/update.ts';

// The integration has already checked every file with the same schemas and stopped the build on
// any error, so these collections only load what is known to be valid.
const dir = pathToFileURL(`${contentDir()}/`);
const base = (folder: string) => new URL(`${folder}/`, dir);

/**
 * In the dev server, an entry whose frontmatter fails its schema is kept with only a marker, so
 * that the server keeps running and the entry's page shows what `npm run check` says about it;
 * fixing the file brings the page back. A build never gets here with an invalid file.
 */
function tolerant<S extends z.ZodType>(schema: S): S {
	if (process.env.CURRENTS_DEV !== '1') return schema;
	return z.unknown().transform((value) => {
		const result = schema.safeParse(value);
		return result.success ? result.data : { [BROKEN]: true };
	}) as unknown as S;
}

export const collections = {
	docs: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: base(LAYOUT.pages) }), schema: docsSchema() }),
	modules: defineCollection({ loader: glob({ pattern: '*.mdx', base: base(LAYOUT.modules) }), schema: tolerant(moduleSchema) }),
	archive: defineCollection({
		loader: glob({
			pattern: '*/v*.mdx',
			base: base(LAYOUT.archive),
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: tolerant(moduleSchema),
	}),
	tracks: defineCollection({ loader: glob({ pattern: '*.{yaml,yml}', base: base(LAYOUT.tracks) }), schema: trackSchema }),
	updates: defineCollection({ loader: glob({ pattern: '*.md', base: base(LAYOUT.updates) }), schema: tolerant(updateSchema) }),
};
