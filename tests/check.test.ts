import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { fixtureContent, runScript } from './utils.ts';

const invalid = fixtureContent('invalid-course');
const valid = fixtureContent('valid-course');
const short = (file: string) => file.replace('tests/fixtures/invalid-course/content/', '');

describe('npm run check on a curriculum with many faults', () => {
	const json = runScript('check', ['--content', invalid, '--format', 'json']);
	const findings = JSON.parse(json.stdout) as Finding[];

	it('exits non-zero', () => {
		expect(json.status).toBe(1);
	});

	it('reports every fault in one run, each at its file and line', () => {
		expect(findings.map((f) => [short(f.file), f.line, f.rule])).toEqual([
			['modules/Bad_Name.mdx', 0, 'invalid-id'],
			['modules/bad-frontmatter.mdx', 3, 'schema'],
			['modules/bad-frontmatter.mdx', 4, 'schema'],
			// Its level and platform are held to the config although the file fails its schema.
			['modules/bad-frontmatter.mdx', 5, 'unknown-value'],
			['modules/bad-frontmatter.mdx', 6, 'schema'],
			['modules/bad-frontmatter.mdx', 7, 'unknown-value'],
			['modules/bad-frontmatter.mdx', 8, 'schema'],
			['modules/bad-quiz.mdx', 17, 'quiz-sanity'],
			['modules/bad-quiz.mdx', 20, 'quiz-sanity'],
			['modules/bad-quiz.mdx', 24, 'schema'],
			['modules/broken-yaml.mdx', 8, 'yaml-syntax'],
			['modules/changelog-mess.mdx', 11, 'changelog-version'],
			['modules/changelog-mess.mdx', 15, 'changelog-order'],
			['modules/cycle-a.mdx', 9, 'prerequisite-cycle'],
			['modules/good.mdx', 19, 'broken-link'],
			['modules/good.mdx', 19, 'broken-link'],
			['modules/good.mdx', 19, 'broken-link'],
			['modules/mdx-error.mdx', 17, 'mdx-syntax'],
			['modules/orphan.mdx', 1, 'orphan-module'],
			['modules/orphan.mdx', 7, 'unknown-value'],
			['modules/orphan.mdx', 10, 'future-date'],
			['tracks/broken.yaml', 2, 'yaml-syntax'],
			['tracks/main.yaml', 6, 'unknown-module'],
			['tracks/main.yaml', 7, 'duplicate-id'],
			['tracks/main.yaml', 8, 'prerequisite-order'],
			['updates/2026-11-01-missing.md', 5, 'unknown-module'],
			// Marked incorporated with no list of versions: said at the status's line.
			['updates/2026-11-01-missing.md', 12, 'update-status'],
		]);
	});

	it('gives every finding a message and a fix', () => {
		for (const f of findings) {
			expect(f.message.length, `${f.file} ${f.rule}`).toBeGreaterThan(10);
			expect(f.fix.length, `${f.file} ${f.rule}`).toBeGreaterThan(10);
			expect(Object.keys(f).sort()).toEqual(['column', 'file', 'fix', 'line', 'message', 'rule', 'severity']);
		}
	});

	it('prints the same findings for people, with places, fixes and rule pages', async () => {
		const human = runScript('check', ['--content', invalid]);
		expect(human.status).toBe(1);
		await expect(human.stdout.replaceAll('tests/fixtures/invalid-course/content/', '')).toMatchFileSnapshot(
			'__snapshots__/check-invalid-course.txt'
		);
	});

	it('prints GitHub annotations with --format github', () => {
		const github = runScript('check', ['--content', invalid, '--format', 'github']);
		const lines = github.stdout.trim().split('\n');
		expect(lines).toHaveLength(findings.length);
		expect(lines).toContain(
			'::error file=tests/fixtures/invalid-course/content/tracks/main.yaml,line=6,col=5,title=unknown-module::The track "main" names the module "ghost", but there is no modules/ghost.mdx.%0AFix: Check the id against the file names in modules/, or create the module with `npm run new -- module`.%0ASee: https://broken.example.org/contributing/rules/unknown-module/'
		);
	});

	it('rejects an unknown format with a clear message', () => {
		const result = runScript('check', ['--content', invalid, '--format', 'xml']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Unknown --format "xml": use one of human, github, json.');
	});
});

describe('npm run check on a valid curriculum', () => {
	it('passes, listing the overdue review as a warning and pending changes as notices', () => {
		const result = runScript('check', ['--content', valid]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('modules/water-temperature.mdx:11:1  warning  The module was last reviewed on 2020-01-10 and was due for review on 2021-01-09.  review-due');
		expect(result.stdout).toContain('notice  The platform update "Kettles gain temperature presets"');
		expect(result.stdout.trim().split('\n').at(-1)).toBe('0 errors, 1 warning, 2 notices.');
	});
});
