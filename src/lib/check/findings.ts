/**
 * A finding is one problem in the curriculum, as data. Every check returns findings; reporters
 * decide how to print them (for people, as GitHub annotations, or as JSON).
 */
/**
 * `error` fails the check and the build; `warning` asks for attention (a review overdue, a module in
 * no track); `notice` reports expected state, such as a platform change still waiting for its
 * modules to be revised.
 */
export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
	/** Stable rule id, such as `unknown-module`. Each rule has a documentation page. */
	rule: string;
	severity: Severity;
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line, or 0 when the problem concerns the whole file. */
	line: number;
	/** 1-based column, or 0 when unknown. */
	column: number;
	/** What is wrong, naming the offending value. */
	message: string;
	/** How to fix it: the corrected value or the action to take. */
	fix: string;
}

export type FindingInput = Omit<Finding, 'severity' | 'line' | 'column'> &
	Partial<Pick<Finding, 'severity' | 'line' | 'column'>>;

export function finding(input: FindingInput): Finding {
	return { severity: 'error', line: 0, column: 0, ...input };
}

/** Sorts findings by file, then position, then rule, so output is stable between runs. */
export function sortFindings(findings: Finding[]): Finding[] {
	return [...findings].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			a.line - b.line ||
			a.column - b.column ||
			a.rule.localeCompare(b.rule)
	);
}

export function countBySeverity(findings: Finding[]) {
	let errors = 0;
	let warnings = 0;
	let notices = 0;
	for (const f of findings) {
		if (f.severity === 'error') errors++;
		else if (f.severity === 'warning') warnings++;
		else notices++;
	}
	return { errors, warnings, notices };
}
