import { z } from 'zod';
import { editDistance } from '../edit-distance.ts';
import { id, isoDate, plainLine, plainText, semver, source } from './common.ts';

/**
 * A platform update: one Markdown file in `updates/`, a dated and sourced note that a platform
 * changed. Until the modules it names absorb it, their pages say that a change is pending.
 * The body explains the change; the update id is the file name without `.md`.
 */
export const updateSchema = z
	.strictObject({
		/** What changed, as a headline. @example "Instagram ends the Guides feature" */
		title: plainLine(),
		/** When the platform made the change (or announced it). @example 2026-10-14 */
		date: isoDate,
		/** Platform ids from the curriculum config. */
		platforms: z.array(id('platform')).min(1, 'An update names at least one platform.'),
		/** Module ids whose advice the change affects. */
		modules: z.array(id('module')).min(1, 'An update names at least one module it affects.'),
		/** Where the change is documented; at least one, preferably the platform's own. */
		sources: z.array(source).min(1, 'An update needs at least one source.'),
		/** One or two sentences for notices and the feed. */
		summary: plainText(),
		/**
		 * `pending` until every affected module is revised; then `incorporated`.
		 * @default "pending"
		 */
		status: z.enum(['pending', 'incorporated']).default('pending'),
		/**
		 * For an incorporated update: the module versions that absorbed it.
		 * @example [{ module: "short-form-video", version: "1.2.0" }]
		 */
		incorporated: z
			.array(
				z.strictObject({
					/** The id of a module the update affects. @example "short-form-video" */
					module: id('module'),
					/** The module's version whose changelog records the revision. @example "1.2.0" */
					version: semver,
				})
			)
			.default([]),
	})
	.superRefine((update, ctx) => {
		for (const issue of updateRules(update)) ctx.addIssue(issue);
	});

type RuleIssue = { code: 'custom'; path: PropertyKey[]; message: string; params: { rule: string; fix: string } };

/**
 * Rules across the fields of an update: an incorporated one gives a version for each module it
 * affects, and only for those; a pending one gives none. They run on the fields that parse on their
 * own, so that a slip elsewhere in the frontmatter (a source's date, say) does not hide them.
 */
export function updateRules(raw: unknown): RuleIssue[] {
	const fields = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
	const status = updateSchema.shape.status.safeParse(fields.status);
	const modules = updateSchema.shape.modules.safeParse(fields.modules);
	const incorporated = updateSchema.shape.incorporated.safeParse(fields.incorporated);
	if (!status.success || !incorporated.success) return [];
	const issues: RuleIssue[] = [];
	if (status.data === 'incorporated') {
		// Which modules an entry may name is known only once `modules` can be read.
		if (!modules.success) return [];
		const absorbed = new Set(incorporated.data.map((entry) => entry.module));
		const missing = modules.data.filter((module) => !absorbed.has(module));
		// An entry naming a module the update does not affect, most often one of them misspelt: said at
		// its own line, and the module it leaves without a version is then no second finding.
		const strays = incorporated.data.flatMap((entry, i) => (modules.data.includes(entry.module) ? [] : [{ module: entry.module, i }]));
		const meant = new Set<string>();
		for (const stray of strays) {
			const close = missing.find((module) => editDistance(module, stray.module) <= 2);
			if (close) meant.add(close);
			issues.push({
				code: 'custom',
				path: ['incorporated', stray.i, 'module'],
				message: `"${stray.module}" is not one of the modules this update affects (\`modules\`).`,
				params: {
					rule: 'update-status',
					// Either side may be the misspelt one: the schema does not know which ids exist, and "Write
					// module: <the other>" once told a contributor to copy a typo from \`modules\`.
					fix: close ? `\`modules\` names "${close}" here: spell the module's id the same way in both, as its file in modules/ is named.` : `Name one of ${modules.data.map((m) => `"${m}"`).join(', ')}, or add "${stray.module}" to \`modules\` if the update affects it.`,
				},
			});
		}
		const unversioned = missing.filter((module) => !meant.has(module));
		if (unversioned.length > 0) {
			issues.push({
				code: 'custom',
				// With no list at all (a default of none), the line that says "incorporated" is the status's.
				path: incorporated.data.length > 0 ? ['incorporated'] : ['status'],
				message: `The update is marked incorporated, but no version is given for ${unversioned.map((m) => `"${m}"`).join(', ')}.`,
				params: {
					rule: 'update-status',
					fix: `Add \`{ module: ${unversioned[0]}, version: <the version that absorbed it> }\` to \`incorporated\`, or set \`status: pending\`.`,
				},
			});
		}
	} else if (incorporated.data.length > 0) {
		issues.push({
			code: 'custom',
			path: ['status'],
			message: 'The update lists `incorporated` versions but its status is "pending".',
			params: { rule: 'update-status', fix: 'Set `status: incorporated` once every affected module is revised.' },
		});
	}
	return issues;
}

export type UpdateInput = z.input<typeof updateSchema>;
export type UpdateData = z.output<typeof updateSchema>;
