import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { checkCurriculum, checkCurriculumKeeping } from '../src/lib/check/check-curriculum.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import { copyFixture, ROOT, TMP, TODAY } from './utils.ts';

/** Each finding as a contributor reads it: where, which rule, and what it says. */
const shown = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);

describe('the check a build keeps its YAML reads for', () => {
	it('finds every fault of a broken curriculum at the same line as a check that reads every file', () => {
		const content = copyFixture('invalid-course');
		const memo = mkdtempSync(join(TMP, 'yaml-memo-'));
		const everything = shown(checkCurriculum(content, { root: ROOT, on: TODAY }).findings);
		expect(everything.length).toBeGreaterThan(20);
		// The first build reads every file and keeps what it found; the second takes it from the memo.
		expect(shown(checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings)).toEqual(everything);
		expect(readFileSync(join(memo, 'yaml.bin')).length).toBeGreaterThan(1000);
		expect(shown(checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings)).toEqual(everything);
	});

	it('reads a file changed since the last build again', () => {
		const content = copyFixture('valid-course');
		const memo = mkdtempSync(join(TMP, 'yaml-memo-'));
		const before = checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings;
		expect(before.filter((f) => f.severity === 'error')).toEqual([]);
		const module = join(content, 'modules', 'serving.mdx');
		writeFileSync(module, readFileSync(module, 'utf8').replace(/^level: .*$/m, 'level: [foundation'));
		const after = checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings.filter((f) => f.severity === 'error');
		expect(after.map((f) => [f.file.endsWith('modules/serving.mdx'), f.rule])).toEqual([[true, 'yaml-syntax']]);
		expect(shown(after)).toEqual(shown(checkCurriculum(content, { root: ROOT, on: TODAY }).findings.filter((f) => f.severity === 'error')));
	});

	it('does not trust reads kept by other engine code', () => {
		const content = copyFixture('invalid-course');
		const memo = mkdtempSync(join(TMP, 'yaml-memo-'));
		const everything = shown(checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings);
		// The same reads, said to be made by another engine and emptied of their findings.
		const file = join(memo, 'yaml.bin');
		const kept = deserialize(readFileSync(file)) as { engine: string; reads: [string, { findings: Finding[]; agreement?: Finding[] }][] };
		for (const [, read] of kept.reads) {
			read.findings = [];
			read.agreement = [];
		}
		writeFileSync(file, serialize({ ...kept, engine: `${kept.engine}-older` }));
		expect(shown(checkCurriculumKeeping(memo, content, { root: ROOT, on: TODAY }).findings)).toEqual(everything);
		// The engine includes the readers the check calls, so that an upgrade of one reads every file again.
		const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
		expect(kept.engine).toContain(`js-yaml@${version('js-yaml')}`);
		expect(kept.engine).toContain(`yaml@${version('yaml')}`);
	});
});
