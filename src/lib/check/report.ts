import { countBySeverity, type Finding } from './findings.ts';
import { escapeInvisible } from '../safety/bytes.ts';

export type ReportFormat = 'human' | 'github' | 'json';

/** The documentation page of a rule, relative to the site root. */
export const ruleDocsPath = (rule: string) => `/contributing/rules/${rule}/`;

/** Findings for people: `file:line:column  severity  message`, the fix below, then a summary. */
export function formatHuman(findings: Finding[], options: { color?: boolean; site?: string } = {}): string {
	const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
	const lines: string[] = [];
	for (const f of findings) {
		// Text quoted from content must not move the cursor, reorder the line or forge another finding.
		const file = escapeInvisible(f.file);
		const place = f.line > 0 ? `${file}:${f.line}${f.column > 0 ? `:${f.column}` : ''}` : file;
		const label = f.severity === 'error' ? paint('31', 'error') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', 'notice');
		lines.push(`${paint('1', place)}  ${label}  ${escapeInvisible(f.message)}  ${paint('2', f.rule)}`);
		lines.push(`  fix: ${escapeInvisible(f.fix)}`);
		lines.push(`  see: ${(options.site ?? '').replace(/\/$/, '')}${ruleDocsPath(f.rule)}`);
	}
	const { errors, warnings, notices } = countBySeverity(findings);
	if (lines.length) lines.push('');
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	lines.push(
		errors + warnings + notices === 0
			? 'No problems found.'
			: `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notices ? `, ${plural(notices, 'notice')}` : ''}.`
	);
	return lines.join('\n');
}

/**
 * Workflow commands that GitHub Actions turns into annotations on the pull request's files.
 * Invisible characters in the text are spelled out first, then the command's own escapes apply:
 * `%`, CR and LF in the message, and also `:` and `,` in properties.
 */
export function formatGithub(findings: Finding[], options: { site?: string } = {}): string {
	const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const escapeProperty = (text: string) => escapeData(escapeInvisible(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return findings
		.map((f) => {
			const properties = [`file=${escapeProperty(f.file)}`];
			if (f.line > 0) properties.push(`line=${f.line}`);
			if (f.column > 0) properties.push(`col=${f.column}`);
			properties.push(`title=${escapeProperty(f.rule)}`);
			// The rule's page, as the human format gives it: on the pull request, the annotation is all a contributor reads.
			const see = `${(options.site ?? '').replace(/\/$/, '')}${ruleDocsPath(f.rule)}`;
			return `::${f.severity} ${properties.join(',')}::${escapeData(`${escapeInvisible(f.message)}\nFix: ${escapeInvisible(f.fix)}\nSee: ${see}`)}`;
		})
		.join('\n');
}

export function formatJson(findings: Finding[]): string {
	return JSON.stringify(findings, null, 2);
}

export function formatFindings(findings: Finding[], format: ReportFormat, options: { color?: boolean; site?: string } = {}): string {
	if (format === 'json') return formatJson(findings);
	if (format === 'github') return formatGithub(findings, options);
	return formatHuman(findings, options);
}
