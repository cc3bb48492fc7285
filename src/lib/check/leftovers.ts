import type { SourceDocument } from '../curriculum/load.ts';
import { finding, type Finding } from './findings.ts';

/** Past this many leftovers in one file, the rest are counted in the last finding. */
const MAX_LISTED = 10;

/**
 * `npm run new` marks every part a contributor must write with `TODO`, and in a translation every
 * line still in the original's language. A marker left in a file means a part was not written (or its
 * placeholder text would be published), so each one is reported at its line, frontmatter and body
 * alike, and in a YAML file (a track's translation) too.
 */
export function checkLeftovers(documents: readonly SourceDocument[]): Finding[] {
	const findings: Finding[] = [];
	for (const document of documents) {
		const lines = document.source.split('\n');
		const found: { line: number; column: number; text: string }[] = [];
		lines.forEach((text, index) => {
			const column = text.search(/\bTODO\b/);
			if (column >= 0) found.push({ line: index + 1, column: column + 1, text: text.trim() });
		});
		found.slice(0, MAX_LISTED).forEach((leftover, i) => {
			const rest = found.length - MAX_LISTED;
			const more = i === MAX_LISTED - 1 && rest > 0 ? ` ${rest} more ${rest === 1 ? 'line below has' : 'lines below have'} one too.` : '';
			findings.push(
				finding({
					rule: 'leftover-todo',
					file: document.file,
					line: leftover.line,
					column: leftover.column,
					message: `A scaffold marker is still here: \`${shorten(leftover.text, 70)}\`.${more}`,
					fix: 'Write the part the marker asks for, then delete the word TODO and any comment after `#` that explains it.',
				})
			);
		});
	}
	return findings;
}

function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
