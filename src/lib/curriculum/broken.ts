import { resolve } from 'node:path';
import { formatHuman } from '../check/report.ts';
import { checkCurriculum } from '../check/check-curriculum.ts';

/** The key the dev server's collections put on an entry whose frontmatter fails its schema. */
export const BROKEN = '__currentsBroken';

export function isBroken(data: unknown): boolean {
	return data !== null && typeof data === 'object' && BROKEN in data;
}

/**
 * What `npm run check` says about one file, for the dev server's error overlay: the whole check is
 * run again, so the findings are current with what is on disk.
 */
export function findingsFor(filePath: string, options: { site?: string } = {}): string {
	const dir = process.env.CURRENTS_CONTENT ?? 'content';
	const { findings } = checkCurriculum(dir);
	const own = findings.filter((f) => f.severity === 'error' && resolve(f.file) === resolve(filePath));
	return formatHuman(own, options);
}
