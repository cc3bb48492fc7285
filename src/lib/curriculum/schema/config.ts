import { z } from 'zod';
import { httpUrl, id } from './common.ts';

const option = z.strictObject({
	/** Id used in module frontmatter. @example "intro" */
	id: id('option'),
	/** Name shown to readers. @example "Introductory" */
	name: z.string().trim().min(1),
});

/**
 * The curriculum config: one flat file, `curriculum.yaml`, at the top of the content folder.
 * It names the curriculum and lists the values that modules may use.
 */
export const curriculumConfigSchema = z.strictObject({
	/**
	 * The curriculum's name, shown in the header and the browser tab.
	 * @example "Currents"
	 */
	title: z.string().trim().min(1),
	/**
	 * One sentence saying what the curriculum teaches, shown on the home page and in feeds.
	 * @example "An open curriculum for social media practitioners."
	 */
	tagline: z.string().trim().min(1),
	/**
	 * The public URL the site is deployed at. Used for canonical links, the sitemap and feeds.
	 * @example "https://currents.netlify.app"
	 */
	site: httpUrl,
	/**
	 * The repository that holds the content, for "Edit this page" and issue links.
	 * @example "https://github.com/currents-edu/currents"
	 */
	repository: httpUrl,
	/**
	 * The branch that edit links point at.
	 * @default "main"
	 */
	branch: z.string().trim().min(1).default('main'),
	/**
	 * Path from the repository root to the content folder, for edit links.
	 * @default "content"
	 */
	contentPath: z.string().trim().min(1).default('content'),
	/**
	 * SPDX id of the license modules are published under, unless a module says otherwise.
	 * @default "CC-BY-SA-4.0"
	 */
	license: z.string().trim().min(1).default('CC-BY-SA-4.0'),
	/**
	 * Languages of the curriculum as BCP-47 tags. The first is the site language.
	 * @default ["en"]
	 */
	locales: z.array(z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)).min(1).default(['en']),
	/**
	 * The platforms modules may name, in the order filters show them.
	 * @example [{ id: "linkedin", name: "LinkedIn" }]
	 */
	platforms: z.array(option).default([]),
	/**
	 * Levels, from the first a newcomer should take to the most advanced.
	 * @default [{ id: "foundation", name: "Foundation" }, { id: "practitioner", name: "Practitioner" }, { id: "advanced", name: "Advanced" }]
	 */
	levels: z
		.array(option)
		.min(1)
		.default([
			{ id: 'foundation', name: 'Foundation' },
			{ id: 'practitioner', name: 'Practitioner' },
			{ id: 'advanced', name: 'Advanced' },
		]),
	/**
	 * Days after its last review that a module is due for another review, unless it sets its own.
	 * @default 180
	 */
	reviewInterval: z.number().int().positive().default(180),
	/**
	 * Hosts that modules may load images from. Images from any other host are rejected.
	 * @default []
	 * @example ["upload.wikimedia.org"]
	 */
	imageHosts: z.array(z.string().trim().min(1)).default([]),
	/**
	 * Editorial standards every module must meet; `npm run check` reports a module outside them.
	 * Omit a bound to leave it unchecked.
	 * @example { minWords: 900, maxWords: 2000, minOutcomes: 3, maxOutcomes: 5, minQuestions: 4 }
	 */
	standards: z
		.strictObject({
			/** Fewest words of body text (code and component tags not counted). */
			minWords: z.number().int().positive().optional(),
			/** Most words of body text. */
			maxWords: z.number().int().positive().optional(),
			/** Fewest learning outcomes. */
			minOutcomes: z.number().int().positive().optional(),
			/** Most learning outcomes. */
			maxOutcomes: z.number().int().positive().optional(),
			/** Fewest knowledge-check questions. */
			minQuestions: z.number().int().nonnegative().optional(),
			/** Fewest sources. */
			minSources: z.number().int().nonnegative().optional(),
		})
		.default({}),
	/**
	 * Whether pages of previous major versions appear in search results.
	 * @default false
	 */
	searchArchived: z.boolean().default(false),
});

export type CurriculumConfigInput = z.input<typeof curriculumConfigSchema>;
export type CurriculumConfig = z.output<typeof curriculumConfigSchema>;
