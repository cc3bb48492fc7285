/** How a changelog entry reads on a module's page. */
import type { ChangelogEntry } from './schema/module.ts';

type Kind = ChangelogEntry['kind'];

/** Each kind's label, and the opening words of a summary that already say it. */
const KINDS: Record<Kind, { label: string; echoes: readonly string[] }> = {
	major: { label: 'Major revision', echoes: ['major'] },
	added: { label: 'Added', echoes: ['add', 'adds', 'added', 'adding'] },
	changed: { label: 'Changed', echoes: ['change', 'changes', 'changed', 'changing'] },
	fixed: { label: 'Fixed', echoes: ['fix', 'fixes', 'fixed', 'fixing'] },
	'platform-change': { label: 'Platform change', echoes: ['platform'] },
};

export const changeLabel = (kind: Kind): string => KINDS[kind].label;

/**
 * The label to print before a summary, or none when the summary opens with the same word: contributors
 * often write "Added a worked example", which after the label would read "Added: Added a worked example".
 */
export function changeLead(kind: Kind, summary: string): string | undefined {
	const first = /^[\p{L}]+/u.exec(summary.trim())?.[0]?.toLowerCase();
	return first !== undefined && KINDS[kind].echoes.includes(first) ? undefined : KINDS[kind].label;
}
