import { z } from 'zod';
import { id } from './common.ts';

/**
 * `redirects.yaml`: modules that were renamed or removed, and where their readers should go.
 * Every address of the old module, permalinks included, redirects to the same address of the new one.
 * @example
 * - from: instagram-guides
 *   to: instagram-playbook
 */
export const redirectsSchema = z
	.array(
		z.strictObject({
			/** The id the module had. */
			from: id('module'),
			/** The id of the module that replaces it. */
			to: id('module'),
		})
	)
	// An empty file means no redirects.
	.nullable()
	.transform((redirects) => redirects ?? []);

export type Redirects = z.output<typeof redirectsSchema>;
