import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { copyFixture, runScript } from './utils.ts';

/** A git repository holding a copy of the tea fixture, committed, for `--base` checks. */
function repository() {
	const content = copyFixture('valid-course');
	const root = dirname(content);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '--allow-empty', '-m', 'empty');
	git('add', '-A');
	git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'base');
	const edit = (path: string, change: (text: string) => string) => {
		const file = join(content, path);
		writeFileSync(file, change(readFileSync(file, 'utf8')));
	};
	const check = () => {
		const result = runScript('check', ['--content', content, '--base', 'main', '--format', 'json']);
		return { status: result.status, findings: (JSON.parse(result.stdout) as Finding[]).filter((f) => f.severity === 'error') };
	};
	return { content, edit, check };
}

describe('npm run check --base', () => {
	let repo: ReturnType<typeof repository>;
	beforeEach(() => {
		repo = repository();
	});

	it('passes when nothing changed', () => {
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});

	it('fails a module whose text changed without a new version', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		const { status, findings } = repo.check();
		expect(status).toBe(1);
		expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
			['version-not-bumped', 4, 'The module changed since main but is still version 1.0.1.'],
		]);
	});

	it('accepts the same change once released', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		const release = runScript('release', ['serving', 'patch', 'Corrected the cup temperature.', '--content', repo.content]);
		expect(release.status).toBe(0);
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});

	it('fails a lowered version', () => {
		repo.edit('modules/serving.mdx', (text) =>
			text.replace('version: 1.0.1\nlevel', 'version: 1.0.0\nlevel').replace(/  - version: 1\.0\.1[\s\S]*?(?=  - version: 1\.0\.0)/, '')
		);
		expect(repo.check().findings.map((f) => f.rule)).toEqual(['version-lowered']);
	});

	it('fails an edited archived major', () => {
		repo.edit('archive/brewing-basics/v1.mdx', (text) => text.replace('Squeeze the bag', 'Press the bag'));
		const { findings } = repo.check();
		expect(findings.map((f) => [f.rule, f.file.endsWith('archive/brewing-basics/v1.mdx')])).toEqual([['archive-edited', true]]);
	});

	it('fails a removed module until a redirect names its replacement', () => {
		rmSync(join(repo.content, 'modules/serving.mdx'));
		repo.edit('tracks/tea-foundations.yaml', (text) => text.replace('  - serving\n', ''));
		repo.edit('updates/2026-11-10-kettle-presets.md', (text) => text.replace('[water-temperature, serving]', '[water-temperature]'));
		repo.edit('redirects.yaml', () => '');
		const { findings } = repo.check();
		expect(findings.map((f) => f.rule)).toEqual(['missing-redirect']);
		expect(findings[0]!.fix).toContain('- from: serving');
		repo.edit('redirects.yaml', () => '- from: serving\n  to: brewing-basics\n');
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});

	it('asks for a maintainer when the curriculum config or the redirects change, without failing', () => {
		repo.edit('curriculum.yaml', (text) => text.replace('https://steeped.example.org', 'https://steeped.example.net'));
		repo.edit('redirects.yaml', (text) => `${text}- from: steeping\n  to: brewing-basics\n`);
		const result = runScript('check', ['--content', repo.content, '--base', 'main', '--format', 'json']);
		expect(result.status).toBe(0);
		const warnings = (JSON.parse(result.stdout) as Finding[]).filter((f) => f.rule === 'maintainer-review');
		expect(warnings.map((f) => [f.severity, f.file.split('/').slice(-2).join('/'), f.line, f.message])).toEqual([
			[
				'warning',
				'content/curriculum.yaml',
				1,
				'curriculum.yaml changed since main: a maintainer must review it before merging (it sets the site address, the repository and the allowed image hosts).',
			],
			[
				'warning',
				'content/redirects.yaml',
				1,
				'redirects.yaml changed since main: a maintainer must review it before merging (it decides where old addresses of the site lead).',
			],
		]);
	});

	it('says clearly when the base does not exist', () => {
		const result = runScript('check', ['--content', repo.content, '--base', 'no-such-branch']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('"no-such-branch" is not a commit of this repository.');
	});
});

describe('npm run release', () => {
	it('bumps a minor, adds a dated changelog entry, and the curriculum still checks', () => {
		const content = copyFixture('valid-course');
		const result = runScript('release', ['serving', 'minor', 'Added advice on cups.', '--content', content]);
		expect(result.stdout).toContain('Released serving 1.1.0 (was 1.0.1).');
		const text = readFileSync(join(content, 'modules/serving.mdx'), 'utf8');
		expect(text).toContain('version: 1.1.0\n');
		expect(text).toContain('changelog:\n  - version: 1.1.0\n    date: 2026-11-23\n    kind: added\n    summary: Added advice on cups.\n  - version: 1.0.1');
		expect(text).toContain('prerequisites: [brewing-basics]');
		expect(text.endsWith('Pour into warmed cups.\n')).toBe(true);
		expect(runScript('check', ['--content', content]).status).toBe(0);
	});

	it('freezes the current content as the previous major before a major release', () => {
		const content = copyFixture('valid-course');
		const before = readFileSync(join(content, 'modules/serving.mdx'), 'utf8');
		const result = runScript('release', ['serving', 'major', 'Reversed the milk advice.', '--content', content]);
		expect(result.status).toBe(0);
		expect(readFileSync(join(content, 'archive/serving/v1.mdx'), 'utf8')).toBe(before);
		expect(readFileSync(join(content, 'modules/serving.mdx'), 'utf8')).toContain('version: 2.0.0\n');
		const check = runScript('check', ['--content', content, '--format', 'json']);
		expect((JSON.parse(check.stdout) as Finding[]).filter((f) => f.severity === 'error')).toEqual([]);
	});

	it('refuses an unknown module or bump with the usage', () => {
		const content = copyFixture('valid-course');
		const result = runScript('release', ['sirving', 'minor', 'x', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('There is no module "sirving"');
		expect(runScript('release', ['serving', 'huge', 'x', '--content', content]).stderr).toContain('"huge" is not a bump: use major, minor or patch.');
	});
});

mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
