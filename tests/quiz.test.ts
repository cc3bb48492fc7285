import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeResult, describeUnanswered, isRight, scoreQuiz, shuffle, unanswered } from '../src/lib/learning/quiz.ts';

/** A random source that returns the given numbers in turn. */
const sequence = (values: number[]) => {
	let i = 0;
	return () => values[i++ % values.length]!;
};

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('shuffle', () => {
	it('returns a permutation of its input and leaves the input alone', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }), (items, randoms) => {
				const before = [...items];
				const shuffled = shuffle(items, sequence(randoms));
				expect(items).toEqual(before);
				expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
			})
		);
	});

	it.each([2, 3, 4, 5])('reaches each of the %i! orders exactly once over every draw of the random source', (n) => {
		// Fisher–Yates draws n-1 numbers; step i picks one of i+1 positions. Trying the middle of every
		// position's slice at every step walks all draws, and a uniform shuffle meets each order once.
		const draws: number[][] = [[]];
		for (let i = n - 1; i > 0; i--) {
			const next = draws.flatMap((draw) => Array.from({ length: i + 1 }, (_, k) => [...draw, (k + 0.5) / (i + 1)]));
			draws.splice(0, draws.length, ...next);
		}
		const items = Array.from({ length: n }, (_, i) => i);
		const orders = draws.map((draw) => shuffle(items, sequence(draw)).join(','));
		expect(orders).toHaveLength(factorial(n));
		expect(new Set(orders).size).toBe(factorial(n));
	});

	it('stays in range when a random source returns its upper bound', () => {
		expect(shuffle(['a', 'b', 'c'], () => 1).sort()).toEqual(['a', 'b', 'c']);
	});

	it('uses Math.random when no source is given', () => {
		expect(shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
	});
});

describe('isRight', () => {
	const several = { right: [0, 2] };
	it('counts a question right only when exactly the right choices are chosen', () => {
		expect(isRight(several, [2, 0])).toBe(true);
		expect(isRight(several, [0])).toBe(false);
		expect(isRight(several, [0, 1, 2])).toBe(false);
		expect(isRight(several, [])).toBe(false);
		expect(isRight({ right: [1] }, [1])).toBe(true);
		expect(isRight({ right: [1] }, [0])).toBe(false);
	});
});

describe('scoreQuiz', () => {
	const five = [{ right: [0] }, { right: [1] }, { right: [0, 1] }, { right: [2] }, { right: [0] }];

	it('scores 4 of 5 as 80% and passes a pass mark of 75', () => {
		const result = scoreQuiz(five, [[0], [1], [0, 1], [2], [1]], 75);
		expect(result).toEqual({ results: [true, true, true, true, false], correct: 4, total: 5, score: 80, passed: true, passMark: 75 });
	});

	it('fails half of a several-answer question', () => {
		const result = scoreQuiz(five, [[0], [1], [0], [2], [0]], 75);
		expect(result.results[2]).toBe(false);
		expect(result.correct).toBe(4);
	});

	it('passes exactly at the pass mark', () => {
		const four = five.slice(0, 4);
		expect(scoreQuiz(four, [[0], [1], [0, 1], [0]], 75)).toMatchObject({ score: 75, passed: true });
		expect(scoreQuiz(four, [[0], [1], [0], [0]], 75)).toMatchObject({ score: 50, passed: false });
	});

	it('compares the exact share with the pass mark and never shows a score that looks like a pass', () => {
		const three = five.slice(0, 3);
		const result = scoreQuiz(three, [[0], [1], [1]], 67);
		expect(result).toMatchObject({ correct: 2, score: 66, passed: false });
		expect(scoreQuiz(three, [[0], [1], [1]], 66)).toMatchObject({ score: 66, passed: true });
	});

	it('treats a missing answer as wrong', () => {
		expect(scoreQuiz(five, [[0]], 0)).toMatchObject({ correct: 1, total: 5, score: 20, passed: true });
	});

	it('agrees with the pass mark for every score and mark', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.integer({ min: 0, max: 100 }), (total, seed, passMark) => {
				const correct = seed % (total + 1);
				const questions = Array.from({ length: total }, () => ({ right: [0] }));
				const answers = questions.map((_, q) => (q < correct ? [0] : [1]));
				const result = scoreQuiz(questions, answers, passMark);
				expect(result.correct).toBe(correct);
				expect(result.passed).toBe(correct / total >= passMark / 100 - 1e-12);
				// The number shown reaches the pass mark exactly when the learner passed.
				expect(result.score >= passMark).toBe(result.passed);
			})
		);
	});
});

describe('unanswered', () => {
	it('lists the questions without a choice', () => {
		expect(unanswered([[0], [], [1, 2], []])).toEqual([1, 3]);
		expect(unanswered([[0]])).toEqual([]);
	});
});

describe('what the learner reads', () => {
	it('names the questions still open', () => {
		expect(describeUnanswered([1])).toBe('Question 2 has no answer yet. Choose an answer for it, then check your answers again.');
		expect(describeUnanswered([0, 2])).toBe('Questions 1 and 3 have no answer yet. Choose an answer for each, then check your answers again.');
		expect(describeUnanswered([0, 1, 3])).toBe('Questions 1, 2 and 4 have no answer yet. Choose an answer for each, then check your answers again.');
	});

	it('gives the score and the pass mark', () => {
		const passed = scoreQuiz([{ right: [0] }, { right: [0] }, { right: [0] }, { right: [0] }, { right: [0] }], [[0], [0], [0], [0], [1]], 75);
		expect(describeResult(passed)).toBe('4 of 5 right, 80%. Passed. The pass mark is 75%.');
		const failed = scoreQuiz([{ right: [0] }, { right: [0] }], [[0], [1]], 75);
		expect(describeResult(failed)).toBe('1 of 2 right, 50%. Not passed yet. The pass mark is 75%. Read the explanations, then try again.');
	});
});
