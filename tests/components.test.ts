import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { boxHeadings } from '../src/lib/pages/box-headings.ts';
import { boxHeading } from '../src/lib/pages/box-level.ts';
import { PARSER_FEATURES } from '../src/lib/safety/parser-options.ts';
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

	it("gives each box's title the heading level below the section it sits in, from the compiler's tree", async () => {
		const body = [
			'<Example title="Before any heading">Text.</Example>',
			'## A section',
			'<Exercise title="Do it" deliverable="A plan">\n\n### A heading of its own\n\n</Exercise>',
			'<Discussion boxHeadingLevel="9" title="Talk">Set by the author: overruled.</Discussion>',
			'### A part of it',
			'<Case title="Seen" source="https://example.org/" date="2026-01">Text.</Case>',
			'###### Deepest',
			'<Example title="Still a heading">Text.</Example>',
			'## Back up',
			'<Aside title="Not a box">Text.</Aside>',
			'```mdx\n<Example title="In a code block">\n```',
		].join('\n\n');
		const { code } = await mdxToJs(body, { features: PARSER_FEATURES, mdastPlugins: [boxHeadings] });
		const levels = [...code.matchAll(/title: "([^"]+)",(?:\s*\w+: "[^"]*",)*\s*boxHeadingLevel: "(\d)"/g)].map(([, title, level]) => [title, level]);
		expect(levels).toEqual([
			['Before any heading', '2'],
			['Do it', '3'],
			// A heading inside a box does not move the section the next box sits in.
			['Talk', '3'],
			['Seen', '4'],
			['Still a heading', '6'],
		]);
		expect(code).not.toMatch(/boxHeadingLevel: "9"/);
		expect(code).not.toMatch(/title: "Not a box",\s*boxHeadingLevel/);
		// The component's element for each level; h3 where the compiler gave none (a box in a page's section).
		expect(['2', '4', '6', undefined, 'x'].map(boxHeading)).toEqual(['h2', 'h4', 'h6', 'h3', 'h3']);
	});
});
