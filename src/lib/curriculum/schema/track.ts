import { z } from 'zod';
import { id, plainLine, plainText } from './common.ts';

/**
 * A track: one YAML file in `tracks/`, an ordered learning path of modules that ends in a
 * certificate. The track id is the file name without `.yaml`.
 */
export const trackSchema = z.strictObject({
	/** The track's title. @example "Strategy and planning" */
	title: plainLine(),
	/**
	 * Where the track appears in lists: lower numbers first, then by title.
	 * @default 100
	 */
	order: z.number().int().default(100),
	/** What the track prepares a learner to do, in one or two sentences. */
	summary: plainText(),
	/** Who the track is for. @example "New social media managers and marketing students" */
	audience: plainText(),
	/** Module ids in the order a learner takes them. Prerequisites must come earlier. */
	modules: z.array(id('module')).min(1, 'A track needs at least one module.'),
	/** The certificate a learner earns by completing the track. */
	certificate: z.strictObject({
		/** Title printed on the certificate. @example "Social Media Strategy" */
		title: plainLine(),
		/**
		 * Percentage of knowledge-check questions a learner must answer right to earn it.
		 * @default 80
		 */
		passMark: z.number().min(0).max(100).default(80),
	}),
});

export type TrackInput = z.input<typeof trackSchema>;
export type TrackData = z.output<typeof trackSchema>;
