import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeLabel, changeLead } from '../src/lib/curriculum/changelog.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { ROOT } from './utils.ts';

describe('changelog wording', () => {
	it('labels a summary with its kind', () => {
		expect(changeLead('added', 'First release.')).toBe('Added');
		expect(changeLead('fixed', 'Corrected the milk advice.')).toBe('Fixed');
		expect(changeLead('platform-change', 'Revised for three-minute Reels.')).toBe('Platform change');
		expect(changeLabel('major')).toBe('Major revision');
	});

	it('leaves the label out when the summary opens with it, so nothing reads "Added: Added"', () => {
		expect(changeLead('added', 'Added a worked example on survey design.')).toBeUndefined();
		expect(changeLead('added', 'adds a checklist')).toBeUndefined();
		expect(changeLead('fixed', 'Fixes a broken figure.')).toBeUndefined();
		expect(changeLead('changed', 'Changed the order of sections.')).toBeUndefined();
		expect(changeLead('major', 'Major rewrite around outcomes.')).toBeUndefined();
	});

	it('keeps the label when the summary only starts with the same letters', () => {
		expect(changeLead('added', 'Addressed feedback from trainers.')).toBe('Added');
		expect(changeLead('fixed', 'Fixture names clarified.')).toBe('Fixed');
	});

	it('never repeats the label in the flagship’s changelogs', () => {
		const curriculum = loadCurriculum(join(ROOT, 'content'), ROOT);
		const lines = [...curriculum.modules, ...curriculum.archives].flatMap((module) =>
			module.data.changelog.map((entry) => {
				const lead = changeLead(entry.kind, entry.summary);
				return lead ? `${lead}: ${entry.summary}` : entry.summary;
			})
		);
		expect(lines.length).toBeGreaterThan(40);
		expect(lines.filter((line) => /^(\w+)\b[^:]*: \1\b/i.test(line))).toEqual([]);
	});
});
