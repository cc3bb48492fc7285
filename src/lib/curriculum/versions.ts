/** Small semantic-version helpers for `MAJOR.MINOR.PATCH` strings that the schema has validated. */

export type Bump = 'major' | 'minor' | 'patch';

export function parseVersion(version: string): [number, number, number] {
	const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
	return [major, minor, patch];
}

export function compareVersions(a: string, b: string): number {
	const pa = parseVersion(a);
	const pb = parseVersion(b);
	for (let i = 0; i < 3; i++) {
		if (pa[i]! !== pb[i]!) return pa[i]! - pb[i]!;
	}
	return 0;
}

export function majorOf(version: string): number {
	return parseVersion(version)[0];
}

/**
 * A version below 1.0.0 is a draft: the scaffold starts every module at 0.1.0, and its first review
 * releases it as 1.0.0. A draft is published, so that a merged pull request shows on the site, but its
 * pages and its releases say what it is.
 */
export function isDraft(version: string): boolean {
	return majorOf(version) === 0;
}

export function bumpVersion(version: string, bump: Bump): string {
	const [major, minor, patch] = parseVersion(version);
	if (bump === 'major') return `${major + 1}.0.0`;
	if (bump === 'minor') return `${major}.${minor + 1}.0`;
	return `${major}.${minor}.${patch + 1}`;
}

/**
 * The `MAJOR.MINOR.PATCH` an author most likely meant by a version the schema refuses: "1.3" is
 * 1.3.0, "v1.3.0" is 1.3.0 and "01.2.3" is 1.2.3. Undefined when the text is no short form of one.
 */
export function correctedVersion(text: string): string | undefined {
	const parts = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/i.exec(text.trim());
	if (!parts) return undefined;
	return parts.slice(1).map((part) => Number(part ?? 0)).join('.');
}
