import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { RULE_DOCS } from '../src/lib/check/rule-docs.ts';
import { copyFixture, ROOT, TODAY } from './utils.ts';

/** Rule ids as the checks report them, read from the source so a new rule cannot go undocumented. */
function reportedRules(): Set<string> {
	const dir = join(ROOT, 'src', 'lib');
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && name !== 'rule-docs.ts');
	const rules = new Set<string>();
	for (const name of files) {
		const text = readFileSync(join(dir, name), 'utf8');
		for (const match of text.matchAll(/rule: '([a-z-]+)'|report\(\s*ctx,\s*'([a-z-]+)'/g)) rules.add(match[1] ?? match[2]!);
	}
	return rules;
}

describe('rule documentation', () => {
	const reported = reportedRules();

	it('documents every rule the checks report', () => {
		const undocumented = [...reported].filter((rule) => !(rule in RULE_DOCS));
		expect(undocumented).toEqual([]);
	});

	it('documents no rule that nothing reports', () => {
		const stale = Object.keys(RULE_DOCS).filter((rule) => !reported.has(rule));
		expect(stale).toEqual([]);
	});

	it('gives every rule a title and a description of what it means and how to fix it', () => {
		for (const [rule, doc] of Object.entries(RULE_DOCS)) {
			expect(doc.title.length, rule).toBeGreaterThan(5);
			expect(doc.description.length, rule).toBeGreaterThan(60);
		}
	});

	it('writes code in a description between single backticks that pair up, as the rule page shows it as code', () => {
		// The page turns each `…` into <code>: a doubled or unpaired backtick printed the rest of the description inside out.
		const garbled = Object.entries(RULE_DOCS).filter(([, doc]) => /``/.test(doc.description) || (doc.description.match(/`/g)?.length ?? 0) % 2 === 1);
		expect(garbled.map(([rule]) => rule)).toEqual([]);
	});

	it('describes a quiz choice without its explanation on the page of the rule that reports it', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'serving.mdx');
		const before = readFileSync(file, 'utf8');
		const after = before.replace(/\n {8}explanation: .*/, '');
		expect(after).not.toBe(before);
		writeFileSync(file, after);
		const found = checkCurriculum(content, { root: content, on: TODAY }).findings.filter((f) => f.file === 'modules/serving.mdx' && f.severity === 'error');
		expect(found.map((f) => [f.rule, f.message])).toEqual([['schema', 'The required field `quiz[0].choices[0].explanation` (question 1, choice 1) is missing from the module frontmatter.']]);
		// The page a contributor is sent to says so, and the quiz rule's page sends them there rather than claim the finding.
		expect(RULE_DOCS.schema!.description).toContain('every knowledge-check choice’s `explanation` among them');
		expect(RULE_DOCS['quiz-sanity']!.description).toContain('a choice without its text or its explanation, is reported by the `schema` rule');
	});
});
