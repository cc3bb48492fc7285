/**
 * The components a module may use without importing them, and the props each accepts. Props take
 * literal values only: the content check rejects anything else before a module is compiled.
 */
export type PropSpec =
	/** `link`: the component makes the value a link's address, so it is held to the link rules. */
	| { type: 'string'; required?: boolean; link?: boolean; format?: { pattern: RegExp; name: string; example: string } }
	| { type: 'enum'; values: readonly string[]; required?: boolean }
	| { type: 'boolean' };

export interface ComponentSpec {
	/** What the component is for, shown in the rule documentation. */
	description: string;
	props: Record<string, PropSpec>;
	/** What the component's content must be, when it renders only one kind: Steps numbers one ordered list. */
	content?: 'ordered-list';
}

export const CONTENT_COMPONENTS: Record<string, ComponentSpec> = {
	Aside: {
		description: 'A note, tip, caution or warning set apart from the text.',
		props: {
			type: { type: 'enum', values: ['note', 'tip', 'caution', 'danger'] },
			title: { type: 'string' },
		},
	},
	Example: {
		description: 'A worked example. Mark invented scenarios with `hypothetical`.',
		props: { title: { type: 'string', required: true }, hypothetical: { type: 'boolean' } },
	},
	Case: {
		description: 'A real, sourced case: `title`, `source` (a URL also listed in the module’s sources) and `date` when it happened (`YYYY-MM` or `YYYY-MM-DD`).',
		props: {
			title: { type: 'string', required: true },
			source: { type: 'string', required: true, link: true, format: { pattern: /^https?:\/\/[^\s/]+\.[^\s]*$/, name: 'a full web address', example: 'https://example.org/report' } },
			date: { type: 'string', required: true, format: { pattern: /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, name: 'a month or a day, `YYYY-MM` or `YYYY-MM-DD`', example: '2024-03' } },
		},
	},
	Exercise: {
		description: 'A hands-on exercise with the deliverable the learner produces.',
		props: { title: { type: 'string', required: true }, deliverable: { type: 'string', required: true } },
	},
	Discussion: {
		description: 'A discussion prompt for a class or a team.',
		props: { title: { type: 'string' } },
	},
	InstructorNotes: {
		description: 'Notes for instructors: how to run the module in a session, common misconceptions.',
		props: {},
	},
	Steps: {
		description: 'Numbered steps: wrap one ordered list.',
		props: {},
		content: 'ordered-list',
	},
};
