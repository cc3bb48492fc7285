import { z } from 'zod';

/** Ids are the file names of modules, tracks and updates: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const id = (what: string) =>
	z.string().regex(ID_PATTERN, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a valid ${what} id: use lower-case letters, digits and single hyphens, like "audience-research".`,
	});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers turn such values into `Date` objects; both
 * forms are accepted and the output is always the `YYYY-MM-DD` string, so no time zone shifts it.
 */
export const isoDate = z
	.union([z.date(), z.string()])
	.transform((value, ctx) => {
		const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
		const parsed = new Date(`${text}T00:00:00Z`);
		if (!ISO_DATE.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
			ctx.addIssue({
				code: 'custom',
				message: `${JSON.stringify(value)} is not a date in the form YYYY-MM-DD, like 2026-11-23.`,
			});
			return z.NEVER;
		}
		return text;
	});

/** Semantic version `MAJOR.MINOR.PATCH`, without a leading `v`. */
export const semver = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, {
	error: (issue) =>
		`${JSON.stringify(issue.input)} is not a version of the form MAJOR.MINOR.PATCH, like "1.2.0".`,
});

export const httpUrl = z.url({
	protocol: /^https?$/,
	error: (issue) => `${JSON.stringify(issue.input)} is not a full http(s) URL, like "https://example.org/page".`,
});

/** A source that backs a figure or a platform-specific claim. */
export const source = z.strictObject({
	/**
	 * Title of the page or document, as its publisher gives it.
	 * @example "About Reels"
	 */
	title: z.string().trim().min(1, 'A source needs a title.'),
	/**
	 * Who published it: the platform, the organisation or the journal.
	 * @example "Instagram Help Centre"
	 */
	publisher: z.string().trim().min(1, 'A source needs a publisher.'),
	/**
	 * Where to read it. Prefer the platform's own documentation.
	 * @example "https://help.instagram.com/270447560766967"
	 */
	url: httpUrl,
	/**
	 * When you last read the source and checked that it says what the module claims.
	 * @example 2026-11-20
	 */
	accessed: isoDate,
});

export type SourceInput = z.input<typeof source>;
export type Source = z.output<typeof source>;

/** A person credited for a module: a name, or a name with a profile link. */
export const contributor = z.union([
	z.string().trim().min(1),
	z.strictObject({
		/** The name to credit. */
		name: z.string().trim().min(1),
		/** A profile or home page. */
		url: httpUrl.optional(),
	}),
]);
