import { z } from 'zod';
import { contributor, plainLine, plainText, semver } from './common.ts';
import { quizQuestion } from './module.ts';

/**
 * A module's translation: `modules/<id>.<locale>.mdx`, beside its original. It holds only what a
 * translator writes; the version, level, duration, platforms, prerequisites, sources and changelog
 * are the original's. The body is the translated module.
 */
export const moduleTranslationSchema = z.strictObject({
	/** The translated title. @example "Sosiaalisen median strategian perusteet" */
	title: plainLine(),
	/** The translated summary, shown in lists and search results. */
	summary: plainText(),
	/**
	 * The version of the original this translation follows. When the original moves past it, the
	 * translated page says so and links the changes it lacks. A new major needs a new translation: until
	 * then, the page shows the new major's learning outcomes and knowledge check in the original's language.
	 * @example "1.1.0"
	 */
	translates: semver,
	/** People who translated or revised the translation. @default [] */
	translators: z.array(contributor).default([]),
	/** The learning outcomes, translated: as many as the original has, in its order. */
	outcomes: z.array(plainText()).min(1, 'A translation needs the learning outcomes, translated.'),
	/** The knowledge check, translated: the original's questions and choices in the same order, the same ones right. @default [] */
	quiz: z.array(quizQuestion).default([]),
});

/** A track's translation: `tracks/<id>.<locale>.yaml`. The module list and pass mark are the original's. */
export const trackTranslationSchema = z.strictObject({
	/** The translated title. @example "Strategia ja suunnittelu" */
	title: plainLine(),
	/** What the track prepares a learner to do, translated. */
	summary: plainText(),
	/** Who the track is for, translated. */
	audience: plainText(),
	/** The certificate's title as printed in this language. */
	certificate: z.strictObject({
		/** The certificate's title, translated. @example "Somestrategia ja -suunnittelu" */
		title: plainLine(),
	}),
});

/** A platform update's translation: `updates/<date>-<slug>.<locale>.md`. Dates, platforms, modules and sources are the original's. */
export const updateTranslationSchema = z.strictObject({
	/** The translated title. */
	title: plainLine(),
	/** The translated summary. */
	summary: plainText(),
});

export type ModuleTranslationData = z.output<typeof moduleTranslationSchema>;
export type TrackTranslationData = z.output<typeof trackTranslationSchema>;
export type UpdateTranslationData = z.output<typeof updateTranslationSchema>;
