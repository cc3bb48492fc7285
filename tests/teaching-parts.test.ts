import { describe, expect, it } from 'vitest';
import { teachingParts } from '../src/lib/curriculum/teaching-parts.ts';

describe("a module's exercises and discussion prompts, for its track's syllabus", () => {
	it('reads each exercise with what learners hand in, and each prompt with its title', () => {
		const body = [
			'## Practice',
			'<Exercise title="Build a budget case" deliverable="A one-page case with costs > 0 and a cut order">',
			'Write it.',
			'</Exercise>',
			'<Discussion title="Who is slowing us down?">',
			'',
			'Where does a post **wait** longest? See [the guide](/modules/x/).',
			'',
			'</Discussion>',
			"<Discussion>Which one do you use, and why?</Discussion>",
		].join('\n');
		expect(teachingParts(body)).toEqual({
			exercises: [{ title: 'Build a budget case', deliverable: 'A one-page case with costs > 0 and a cut order' }],
			discussions: [
				{ title: 'Who is slowing us down?', prompt: 'Where does a post wait longest? See the guide.' },
				{ title: undefined, prompt: 'Which one do you use, and why?' },
			],
		});
	});

	it('leaves out components shown as code, and an exercise without its deliverable', () => {
		const body = ['```mdx', '<Exercise title="Example" deliverable="Shown, not set">', '```', '<Exercise title="Half">x</Exercise>'].join('\n');
		expect(teachingParts(body)).toEqual({ exercises: [], discussions: [] });
	});
});
