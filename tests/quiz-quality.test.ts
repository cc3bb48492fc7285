import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { giveaway } from '../src/lib/check/quiz-quality.ts';
import { copyFixture, TODAY } from './utils.ts';

/**
 * The tea fixture's three questions: in brewing-basics and serving the right answer is the longest
 * choice, in water-temperature it is not.
 */
function findingsWith(standards: string, change: (content: string) => void = () => {}) {
	const content = copyFixture('valid-course');
	edit(content, 'curriculum.yaml', (text) => `${text.trimEnd()}\nstandards:\n${standards}\n`);
	change(content);
	const { findings } = checkCurriculum(content, { root: content, on: TODAY });
	return findings.filter((f) => ['quiz-choices', 'quiz-giveaway', 'quiz-longest-answer', 'quiz-shortest-answer', 'case-source'].includes(f.rule)).map(({ rule, file, line, message, fix }) => ({ rule, file, line, message, fix }));
}

const edit = (content: string, path: string, change: (text: string) => string) =>
	writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));

describe('knowledge checks worth passing', () => {
	it('quiz-longest-answer: names each module where picking the longest choice wins too often', () => {
		const findings = findingsWith('  longestRightPerModule: 50');
		expect(findings.map((f) => f.file)).toEqual(['modules/brewing-basics.mdx', 'modules/serving.mdx']);
		expect(findings[1]).toEqual({
			rule: 'quiz-longest-answer',
			file: 'modules/serving.mdx',
			line: expect.any(Number),
			message: 'The right answer is the longest choice in 1 of 1 questions (question 1); the curriculum allows at most 50%.',
			fix: 'Make the wrong choices as specific as the right one (a concrete action, a number, a reason), or say the right one more briefly; do not pad.',
		});
	});

	it('quiz-longest-answer: a tie with the longest choice counts, since a guesser would still pick it half the time', () => {
		const findings = findingsWith('  longestRightPerModule: 50', (c) =>
			edit(c, 'modules/water-temperature.mdx', (text) => text.replace('Water just off the boil', 'Water at about 95 °C'))
		);
		expect(findings.map((f) => f.file)).toContain('modules/water-temperature.mdx');
	});

	it('quiz-longest-answer: the share across the curriculum, with the modules to rewrite first', () => {
		expect(findingsWith('  longestRightOverall: 35')).toEqual([
			{
				rule: 'quiz-longest-answer',
				file: 'curriculum.yaml',
				line: 0,
				message: 'Across the curriculum the right answer is the longest choice in 2 of 3 questions (67%); the standards allow at most 35%.',
				fix: 'Rewrite the questions of the modules where it happens most: brewing-basics (1 of 1), serving (1 of 1).',
			},
		]);
		expect(findingsWith('  longestRightOverall: 70')).toEqual([]);
	});

	it('quiz-shortest-answer: the opposite habit, a terse right answer among wrong ones that each give a reason', () => {
		// In water-temperature the right choice ("Water at about 80 °C") is the shorter one; in the others it is the longer.
		expect(findingsWith('  shortestRightPerModule: 50')).toEqual([
			{
				rule: 'quiz-shortest-answer',
				file: 'modules/water-temperature.mdx',
				line: expect.any(Number),
				message: 'The right answer is the shortest choice in 1 of 1 questions (question 1); the curriculum allows at most 50%.',
				fix: 'Give the right choice its reason or condition as the wrong ones have theirs, or say a wrong one more briefly; do not pad.',
			},
		]);
		expect(findingsWith('  shortestRightOverall: 30').map((f) => f.message)).toEqual([
			'Across the curriculum the right answer is the shortest choice in 1 of 3 questions (33%); the standards allow at most 30%.',
		]);
	});

	it('quiz-choices: too few choices, at the question', () => {
		const findings = findingsWith('  minChoices: 3');
		expect(findings).toHaveLength(3);
		expect(findings[0]).toMatchObject({
			rule: 'quiz-choices',
			file: 'modules/brewing-basics.mdx',
			message: 'Question 1 has 2 choices; the curriculum asks for at least 3.',
		});
		expect(findings[0]!.line).toBeGreaterThan(1);
	});

	it('quiz-giveaway: "none of the above" and "both A and B", at the choice', () => {
		const findings = findingsWith('  minQuestions: 1', (c) => edit(c, 'modules/serving.mdx', (text) => text.replace('First, always', 'None of the above')));
		expect(findings).toEqual([
			{
				rule: 'quiz-giveaway',
				file: 'modules/serving.mdx',
				line: expect.any(Number),
				message: 'Choice 2 of question 1 says "None of the above", which can be judged without knowing the subject.',
				fix: 'Replace it with a specific mistake a practitioner could make, and explain why it is wrong.',
			},
		]);
		expect(giveaway('Both A and B.')).toBe('Both A and B.');
		expect(giveaway('All of these')).toBe('All of these');
		expect(giveaway('Post all of the above-the-fold content first')).toBe(null);
		expect(giveaway('Ask both the agency and the client')).toBe(null);
	});
});

describe('real cases', () => {
	const withCase = (source: string) => (c: string) =>
		edit(c, 'modules/water-temperature.mdx', (text) => `${text.trimEnd()}\n\n<Case title="A tea house changes its kettles" source="${source}" date="2020-01">\nWhat happened, as the source says.\n</Case>\n`);

	it('case-source: a case must cite one of the module’s sources, at the line of the case', () => {
		const content = copyFixture('valid-course');
		const lines = readFileSync(join(content, 'modules/water-temperature.mdx'), 'utf8').trimEnd().split('\n').length;
		expect(findingsWith('  minQuestions: 1', withCase('https://example.org/elsewhere'))).toEqual([
			{
				rule: 'case-source',
				file: 'modules/water-temperature.mdx',
				line: lines + 2,
				message: "The case cites https://example.org/elsewhere, which is not among the module's sources.",
				fix: 'Add it to `sources` with its title, publisher and the date you read it (`accessed`), or cite a URL that is listed there.',
			},
		]);
	});

	it('case-source: a listed source passes', () => {
		expect(findingsWith('  minQuestions: 1', withCase('https://example.org/water'))).toEqual([]);
	});
});
