/**
 * Reads the issuer profiles in `<content>/issuers/*.yaml` and validates each against the issuer
 * schema, reporting every problem as a finding with its line, as the rest of the content check does:
 * a revocation dated after today among them.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { finding, type Finding } from '../check/findings.ts';
import { addDays, today } from '../curriculum/freshness.ts';
import { locate, parseYaml, validate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import { ID_PATTERN, isoDate } from '../curriculum/schema/common.ts';
import { issuerSchema, revocationRules } from '../curriculum/schema/issuer.ts';
import { ISSUERS_FOLDER, type IssuerRecord } from './profile.ts';

export interface IssuerEntry extends IssuerRecord {
	/** Path relative to the project root, with forward slashes. */
	file: string;
}

/**
 * Every issuer in the content folder, and what is wrong with the files that are not valid. `on` is
 * today, `YYYY-MM-DD` in UTC as the rest of the check reads it, for the revocations' dates.
 */
export function loadIssuers(dir: string, root = process.cwd(), on = today()): { issuers: IssuerEntry[]; findings: Finding[] } {
	const folder = join(dir, ISSUERS_FOLDER);
	const rel = (path: string) => relative(root, path).split(sep).join('/');
	const issuers: IssuerEntry[] = [];
	const findings: Finding[] = [];
	if (!existsSync(folder)) return { issuers, findings };
	for (const name of readdirSync(folder).sort()) {
		const path = join(folder, name);
		// Hidden files and links are the content-file check's to report.
		if (name.startsWith('.') || !lstatSync(path).isFile()) continue;
		const match = /^(.*)\.ya?ml$/.exec(name);
		if (!match) {
			findings.push(
				finding({
					rule: 'unexpected-file',
					file: rel(path),
					message: `${ISSUERS_FOLDER}/ holds only .yaml issuer profiles, so "${name}" would be ignored.`,
					fix: `Move it out of ${ISSUERS_FOLDER}/. A private key never belongs in the content folder: if this is one, delete it here and make a new key pair with \`npm run certificate -- keygen\`, because it may already have been shared.`,
				})
			);
			continue;
		}
		const id = match[1]!;
		if (!ID_PATTERN.test(id)) {
			findings.push(
				finding({
					rule: 'invalid-id',
					file: rel(path),
					message: `The file name "${name}" does not make a valid issuer id: ids are lower-case words joined by hyphens.`,
					fix: 'Rename the file with lower-case letters, digits and single hyphens, like kyoto-tea-institute.yaml.',
				})
			);
			continue;
		}
		const { parsed, findings: syntax } = parseYaml(readFileSync(path, 'utf8'), rel(path));
		findings.push(...syntax);
		if (!parsed) continue;
		const result = validate(issuerSchema, parsed, rel(path), 'the issuer profile', revocationRules);
		findings.push(...result.findings, ...futureRevocations(parsed, rel(path), on));
		if (result.data) issuers.push({ id, file: rel(path), ...result.data });
	}
	return { issuers, findings };
}

/**
 * Revocations dated after today, in a profile whose other fields may have failed their schema too, so
 * that one pass finds every problem. `npm run certificate -- revoke` writes the day on the issuer's own
 * calendar, which east of Greenwich is a day ahead of UTC for some hours: a date is in the future only
 * once it is after tomorrow in UTC, a day that has not begun anywhere on Earth.
 */
function futureRevocations(parsed: ParsedYaml, file: string, on: string): Finding[] {
	const latest = addDays(on, 1);
	const list = (parsed.data as { revoked?: unknown } | null)?.revoked;
	if (!Array.isArray(list)) return [];
	return list.flatMap((entry: unknown, index) => {
		const fields = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
		const date = isoDate.safeParse(fields.date);
		if (!date.success || date.data <= latest) return [];
		const which = typeof fields.id === 'string' ? fields.id : `entry ${index + 1} of \`revoked\``;
		return [
			finding({
				rule: 'future-date',
				file,
				...locate(parsed, ['revoked', index, 'date']),
				message: `The revocation of ${which} is dated ${date.data}, which is after today (${on}).`,
				fix: "Give the day the certificate was revoked, no later than today: `npm run certificate -- revoke` writes today's date when given no --date.",
			}),
		];
	});
}
