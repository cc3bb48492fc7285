import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { curriculumFieldReference } from '../src/lib/curriculum/field-reference.ts';

const reference = curriculumFieldReference(fileURLToPath(new URL('../src/lib/curriculum/schema/', import.meta.url)));
const field = (file: string, path: string) => reference.find((f) => f.id === file)?.fields.find((f) => f.path === path);

describe('the field reference, read from the schemas', () => {
	it('describes every field of every content file, so none can be added without its documentation', () => {
		const undocumented = reference.flatMap((file) => file.fields.filter((f) => f.description === '').map((f) => `${file.id}: ${f.path}`));
		expect(undocumented).toEqual([]);
		expect(reference.map((file) => file.id)).toEqual(['module', 'track', 'update', 'page', 'redirects', 'config', 'module-translation', 'track-translation', 'update-translation']);
	});

	it('says what each field holds, whether it is required, its default and an example', () => {
		expect(field('track', 'certificate.passMark')).toMatchObject({ type: 'number', required: false, default: '80' });
		expect(field('module', 'changelog[].kind')).toMatchObject({ type: 'one of: major, added, changed, fixed, platform-change', required: true });
		expect(field('module', 'reviewed')).toMatchObject({ type: 'date (YYYY-MM-DD)', required: true, example: '2026-11-20' });
		expect(field('module', 'quiz[].choices[].correct')).toMatchObject({ type: 'true or false', required: false, default: 'false' });
		expect(field('config', 'limits.fileBytes')).toMatchObject({ required: false, default: '65536' });
		expect(field('page', 'title')).toMatchObject({ required: true });
		// A translator's fields: which version a translation follows, and what it translates.
		expect(field('module-translation', 'translates')).toMatchObject({ required: true, example: '"1.1.0"' });
		expect(field('module-translation', 'translators')).toMatchObject({ required: false, default: '[]' });
		expect(field('module-translation', 'quiz[].choices[].correct')).toMatchObject({ type: 'true or false', required: false });
		expect(field('track-translation', 'certificate.title')).toMatchObject({ required: true, description: "The certificate's title, translated." });
		expect(reference.find((file) => file.id === 'update-translation')?.fields.map((f) => f.path)).toEqual(['title', 'summary']);
	});

	it("gives a platform's and a level's fields their own examples, and a source's access date words for modules and updates", () => {
		expect(field('config', 'platforms[].id')).toMatchObject({ example: '"linkedin"' });
		expect(field('config', 'platforms[].name')).toMatchObject({ example: '"LinkedIn"' });
		expect(field('config', 'levels[].id')).toMatchObject({ example: '"practitioner"' });
		expect(field('config', 'levels[].name')).toMatchObject({ example: '"Practitioner"' });
		expect(field('config', 'platforms[].id')?.description).toMatch(/platform/);
		expect(field('config', 'levels[].id')?.description).toMatch(/level/);
		expect(field('update', 'sources[].accessed')?.description).toMatch(/module or update/);
	});
});
