import { describe, expect, it } from 'vitest';
import { checkCodeFences } from '../src/lib/check/code-fences.ts';

type Documents = Parameters<typeof checkCodeFences>[0];
const document = (file: string, body: string) => ({ file, body, bodyLine: 10 }) as unknown as Documents[number];
const found = (body: string, file = 'modules/a.mdx') => checkCodeFences([document(file, body)]).map((f) => [f.line, f.column, f.severity, f.message]);

describe('a code block that is never closed', () => {
	it('is found at its opening line when the closing fence is one backtick short', () => {
		expect(found('Intro.\n\n```js\nconst a = 1;\n``\n\n## Next section\n\nMore text.\n')).toEqual([
			[12, 1, 'error', 'The code block opened here with three backticks is never closed, so the rest of the file is published as code.'],
		]);
	});

	it('is found when it is closed with the other character, or with fewer of the same', () => {
		expect(found('````md\n```\nnested\n```\n```\n\nAfter.\n', 'updates/b.md')).toEqual([
			[10, 1, 'error', 'The code block opened here with four backticks is never closed, so the rest of the file is published as code.'],
		]);
		expect(found('~~~\ncode\n```\n\nAfter.\n')).toEqual([
			[10, 1, 'error', 'The code block opened here with three tildes is never closed, so the rest of the file is published as code.'],
		]);
	});

	it('names what is swallowed when the block stands in a list item or a quote', () => {
		expect(found('- Step one:\n\n  ```sh\n  npm start\n\n- Step two\n\nAfter the list.\n')).toEqual([
			[12, 3, 'error', 'The code block opened here with three backticks is never closed, so the rest of the list item or quote it stands in is published as code.'],
		]);
		expect(found('> ```\n> quoted code\n\nAfter the quote.\n')).toEqual([
			[10, 3, 'error', 'The code block opened here with three backticks is never closed, so the rest of the list item or quote it stands in is published as code.'],
		]);
	});

	it('is found after a list marker, on the line the item starts', () => {
		expect(found('1. Install:\n   ```sh\n   npm ci\n2. Run it.\n', 'updates/c.md').map(([line, , , message]) => [line, message])).toEqual([
			[11, 'The code block opened here with three backticks is never closed, so the rest of the list item or quote it stands in is published as code.'],
		]);
		expect(found('- ```sh\n  npm ci\n\nAfter.\n').length).toBe(1);
	});

	it('leaves alone a fence shown as an example in indented code', () => {
		expect(found('Write it so:\n\n    ```js\n    const a = 1;\n\nAfter.\n', 'updates/b.md')).toEqual([]);
	});

	it('leaves alone closed blocks (longer closings, trailing spaces, at the end of the file), indented code, and fences inside code', () => {
		const body = [
			'```js\nconst a = 1;\n```',
			'~~~~\n```\nnot a fence here\n~~~~~  ',
			'    indented code\n    more',
			'- A list:\n\n  ```sh\n  npm test\n  ```',
			'> ```\n> quoted\n> ```',
			'Text with ``` inline backticks.',
			'```\nat the very end\n```',
		].join('\n\n');
		expect(found(body)).toEqual([]);
	});
});
