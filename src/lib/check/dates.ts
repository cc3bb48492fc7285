import { finding, type Finding } from './findings.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { isoDate, semver } from '../curriculum/schema/common.ts';
import { fieldsOf, readable, type FailedDocument } from './schema-failed.ts';

const at = (parsed: ParsedYaml, path: PropertyKey[]) => locate(parsed, path);

/**
 * Dates in the future are typos, or claims of a review that has not happened; and an update's file
 * name says the same day as its `date:`. In a file whose frontmatter failed its schema, every date
 * that is a date is still held to these rules: one that is not is the schema's finding.
 */
export function checkDates({ modules, archives, updates }: Pick<Curriculum, 'modules' | 'archives' | 'updates'>, failed: readonly FailedDocument[], on: string): Finding[] {
	const findings: Finding[] = [];
	const future = (file: string, parsed: ParsedYaml, path: PropertyKey[], date: string | undefined, what: string) => {
		if (date !== undefined && date > on) {
			findings.push(
				finding({
					rule: 'future-date',
					file,
					...at(parsed, path),
					message: `${what} is ${date}, which is after today (${on}).`,
					fix: `Use the date it actually happened, no later than ${on}.`,
				})
			);
		}
	};
	const sources = (file: string, parsed: ParsedYaml, accessed: readonly (string | undefined)[]) =>
		accessed.forEach((date, i) => future(file, parsed, ['sources', i, 'accessed'], date, 'The access date of a source'));
	const asWritten = (value: unknown) => (Array.isArray(value) ? value.map((entry) => fieldsOf(entry) ?? {}) : []);
	for (const entry of [...modules, ...archives]) {
		future(entry.file, entry.parsed, ['reviewed'], entry.data.reviewed, 'The review date');
		entry.data.changelog.forEach((change, i) => future(entry.file, entry.parsed, ['changelog', i, 'date'], change.date, `The date of ${change.version}`));
		sources(entry.file, entry.parsed, entry.data.sources.map((source) => source.accessed));
	}
	for (const update of updates) {
		future(update.file, update.parsed, ['date'], update.data.date, 'The update date');
		updateDate(update, on, findings);
		sources(update.file, update.parsed, update.data.sources.map((source) => source.accessed));
	}
	for (const { kind, locale, id, file, parsed, fields } of failed) {
		if (locale !== undefined || !parsed) continue;
		if (kind === 'update') {
			const date = dateOf(fields.date);
			future(file, parsed, ['date'], date, 'The update date');
			if (date !== undefined) updateDate({ id, file, parsed, data: { date } }, on, findings);
		} else {
			future(file, parsed, ['reviewed'], dateOf(fields.reviewed), 'The review date');
			asWritten(fields.changelog).forEach((change, i) => {
				const version = readable(semver, change.version);
				future(file, parsed, ['changelog', i, 'date'], dateOf(change.date), version === undefined ? `The date of changelog entry ${i + 1}` : `The date of ${version}`);
			});
		}
		sources(file, parsed, asWritten(fields.sources).map((source) => dateOf(source.accessed)));
	}
	return findings;
}

/** A date as the schema reads one (`YYYY-MM-DD`), or undefined when it is none: the schema's finding. */
function dateOf(value: unknown): string | undefined {
	return readable(isoDate, value);
}

/** The file name of an update orders What's new and gives the address; it must say the same day as `date:`. */
function updateDate(update: { id: string; file: string; parsed: ParsedYaml; data: { date: string } }, on: string, findings: Finding[]): void {
	const named = /^(\d{4}-\d{2}-\d{2})(?:-|$)/.exec(update.id)?.[1];
	// A date and nothing after it lacks the words that say what changed, whatever the day; a name with no date lacks the date.
	const dateAlone = named !== undefined && named === update.id;
	if (dateAlone || named === undefined) {
		const renamed = (name: string) => update.file.replace(/[^/]+\.md$/, name);
		findings.push(
			finding({
				rule: 'update-date',
				file: update.file,
				line: 1,
				column: 1,
				message: dateAlone
					? 'The file name is a date alone: updates are named updates/<YYYY-MM-DD>-<words>.md, with a few words after the date that say what changed.'
					: `The file name does not start with the update's date, ${update.data.date}: updates are named updates/<YYYY-MM-DD>-<id>.md.`,
				fix: dateAlone
					? `Rename the file to ${renamed(`${update.data.date}-<words>.md`)}, the words in lower-case Latin letters and digits joined by hyphens, as in ${update.data.date}-new-limits.md.`
					: `Rename the file to ${renamed(`${update.data.date}-${update.id}.md`)}: the date in the name orders the updates in the folder and in their addresses.`,
			})
		);
	} else if (named !== update.data.date) {
		findings.push(
			finding({
				rule: 'update-date',
				file: update.file,
				...at(update.parsed, ['date']),
				message: `The file name says ${named}, but \`date:\` says ${update.data.date}.`,
				// A date still to come is wrong whatever the name says (future-date): only the name's day can be right.
				fix:
					update.data.date > on && named <= on
						? `Set \`date: ${named}\`, the day the file name gives, if the change happened then.`
						: `Make them the same day: set \`date: ${named}\` if the file name is right, or rename the file to ${update.data.date}${update.id.slice(named.length)}.md.`,
			})
		);
	}
}
