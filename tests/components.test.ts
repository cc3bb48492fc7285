import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_COMPONENTS } from '../src/lib/safety/components.ts';
import { checkContentSafety } from '../src/lib/safety/content-check.ts';
import { ROOT } from './utils.ts';

describe('content components', () => {
	it('renders exactly the components the safety check allows', () => {
		// The render map imports .astro files, so read its exported names rather than importing it.
		const source = readFileSync(join(ROOT, 'src', 'components', 'content', 'index.ts'), 'utf8');
		const rendered = /contentComponents = \{([^}]*)\}/.exec(source)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean);
		expect(rendered?.sort()).toEqual(Object.keys(CONTENT_COMPONENTS).sort());
	});

	it('accepts every component with its documented props', () => {
		const body = [
			'<Aside type="caution" title="Careful">Text.</Aside>',
			'<Example title="A case" hypothetical>Text.</Example>',
			'<Exercise title="Do it" deliverable="A plan">Text.</Exercise>',
			'<Discussion title="Talk">Text.</Discussion>',
			'<InstructorNotes>Text.</InstructorNotes>',
			'<Steps>\n\n1. One\n2. Two\n\n</Steps>',
		].join('\n\n');
		expect(checkContentSafety(`---\ntitle: x\n---\n\n${body}\n`, 'm.mdx')).toEqual([]);
	});
});
