import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { timeline } from '../src/lib/curriculum/model.ts';
import { copyFixture, fixtureRepository, ROOT, runScript, type FixtureRepository } from './utils.ts';

describe('npm run check --base', () => {
	let repo: FixtureRepository;
	beforeEach(() => {
		repo = fixtureRepository();
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

	it('takes a new reviewed date alone as a review that found nothing to correct, with no release, but not with any other change', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2026-11-22'));
		expect(repo.check()).toEqual({ status: 0, findings: [] });
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		expect(repo.check().findings.map((f) => [f.rule, f.line])).toEqual([['version-not-bumped', 4]]);
	});

	it('fails an unbumped module in the same run as its schema errors, not only once they are fixed', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.').replace(/^duration: .*$/m, 'duration: 15 minutes'));
		const { findings } = repo.check();
		expect(findings.map((f) => [f.rule, f.line, f.file.endsWith('modules/serving.mdx')])).toEqual([
			['version-not-bumped', 4, true],
			['schema', 6, true],
		]);
	});

	it('compares with the default branch without being asked, and says so', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		const plain = runScript('check', ['--content', repo.content, '--format', 'json']);
		expect(plain.status).toBe(1);
		expect((JSON.parse(plain.stdout) as Finding[]).map((f) => f.rule)).toContain('version-not-bumped');
		expect(plain.stderr).toContain('Compared with main, as CI compares a pull request with its target branch; `--base <ref>` picks another.');
		const skipped = runScript('check', ['--content', repo.content, '--no-base']);
		expect(skipped.status).toBe(0);
		expect(skipped.stderr).toContain('Not compared with a branch (--no-base)');
	});

	it("compares a fork's clone with the project's repository, not with the fork's own branch, which holds what was pushed", () => {
		// A contributor's fork, cloned, with the edit committed on its main and pushed there.
		repo.git('checkout', '-q', 'main');
		repo.git('remote', 'add', 'origin', 'git@github.com:someone/steeped.git');
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		repo.commit('colder cups');
		repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
		// Without the project as a remote, the fork's main is all there is, and the check says what that misses.
		const alone = runScript('check', ['--content', repo.content, '--format', 'json']);
		expect(alone.status).toBe(0);
		expect(alone.stderr).toContain('Compared with origin/main');
		expect(alone.stderr).toContain(
			"But origin is git@github.com:someone/steeped.git, not the project's repository (https://github.com/example/steeped): what you have pushed there is already in origin/main and is not compared, while CI compares it with the project's branch. Add the project as a remote, `git remote add upstream https://github.com/example/steeped.git` and `git fetch upstream`, and the check compares with it."
		);
		// With it added (as `upstream`) but not fetched, the fork's main is not taken for the project's: the check says to fetch.
		repo.git('remote', 'add', 'upstream', 'https://github.com/Example/steeped.git');
		const unfetched = runScript('check', ['--content', repo.content, '--format', 'json']);
		expect(unfetched.stderr).not.toContain('Compared with origin/main');
		expect(unfetched.stderr).toContain("Not compared with a branch: the remote upstream is the project's repository, but none of its branches is here. Run `git fetch upstream`, and the check compares with it.");
		// Fetched (its main is where the fork started), the change is seen.
		repo.git('update-ref', 'refs/remotes/upstream/main', 'HEAD~1');
		const compared = runScript('check', ['--content', repo.content, '--format', 'json']);
		expect(compared.status).toBe(1);
		expect(compared.stderr).toContain('Compared with upstream/main');
		expect(compared.stderr).not.toContain('But origin is');
		expect((JSON.parse(compared.stdout) as Finding[]).filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['version-not-bumped']);
	});

	it('says why it found no branch to compare with, and the step that gives it one', () => {
		const reason = () => runScript('check', ['--content', repo.content]).stderr.split('\n').find((line) => line.startsWith('Not compared'));
		const advice = 'Or run `npm run check -- --base <branch>` with the branch your pull request targets, as CI does.';
		// A clone whose default branch has another name, with no remote: the project is named, with the lines that add it.
		repo.git('branch', '-m', 'main', 'trunk');
		expect(reason()).toBe(
			`Not compared with a branch: no remote of this checkout is the project's repository (https://github.com/example/steeped), and it has no origin/main or main branch. Add the project as a remote, \`git remote add upstream https://github.com/example/steeped.git\` and \`git fetch upstream\`, and the check compares with it. ${advice}`
		);
		// The remote added and not yet fetched.
		repo.git('remote', 'add', 'upstream', 'https://github.com/example/steeped.git');
		expect(reason()).toBe(`Not compared with a branch: the remote upstream is the project's repository, but none of its branches is here. Run \`git fetch upstream\`, and the check compares with it. ${advice}`);
		// Fetched: compared with it.
		repo.git('update-ref', 'refs/remotes/upstream/main', 'trunk');
		expect(runScript('check', ['--content', repo.content]).stderr).toContain('Compared with upstream/main');
		// Content outside any git checkout (the system's temporary folder: tests/.tmp is inside this repository's).
		const outside = mkdtempSync(join(tmpdir(), 'currents-no-git-'));
		try {
			cpSync(repo.content, join(outside, 'content'), { recursive: true });
			const result = runScript('check', ['--content', join(outside, 'content')]);
			expect(result.stderr.split('\n').find((line) => line.startsWith('Not compared'))).toBe(`Not compared with a branch: this folder is not in a git checkout, so there is no branch to compare with. ${advice}`);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	it('judges a branch by what it changed, not by releases made on main after it was started', () => {
		// Someone else releases serving on main; this branch, started before, changes water-temperature.
		repo.git('checkout', '-q', 'main');
		expect(runScript('release', ['serving', 'patch', 'Corrected the cups.', '--content', repo.content]).status).toBe(0);
		repo.commit('release serving on main');
		repo.git('checkout', '-q', 'work');
		repo.edit('modules/water-temperature.mdx', (text) => text.replace(/^summary: .*$/m, 'summary: How hot the water should be.'));
		expect(repo.check().findings.map((f) => [f.rule, f.file.split('/').pop()])).toEqual([['version-not-bumped', 'water-temperature.mdx']]);
	});

	it('fails a new major raised by hand, which leaves the old major without its archive and its address', () => {
		repo.edit('modules/serving.mdx', (text) =>
			text
				.replace('Pour into warmed cups.', 'Pour into cold cups.')
				.replace('version: 1.0.1', 'version: 2.0.0')
				.replace(/^changelog:\n/m, 'changelog:\n  - version: 2.0.0\n    date: 2026-11-20\n    kind: changed\n    summary: Reversed the cup advice.\n')
		);
		const { status, findings } = repo.check();
		expect(status).toBe(1);
		expect(findings.map((f) => [f.rule, f.line])).toEqual([['missing-archive', 4]]);
		expect(findings[0]!.message).toContain('archive/serving/v1.mdx is missing: /modules/serving/v1/');
		expect(findings[0]!.fix).toContain('npm run release -- serving major');
	});

	it('judges a new major from the readable fields of a module and an archive whose schema failed, and calls no archive missing that is there', () => {
		// Released as a major, then a field the schema does not know slipped into the archive and the module's quiz lost a mark.
		expect(runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]).status).toBe(0);
		repo.edit('archive/serving/v1.mdx', (text) => text.replace('title: Serving\n', 'title: Serving\nautor: Ada Example\n'));
		repo.edit('modules/serving.mdx', (text) => text.replace('        correct: true\n', '        correct: yes\n'));
		expect(repo.check().findings.map((f) => [f.file.split('/').slice(-3).join('/'), f.rule, f.line])).toEqual([
			['archive/serving/v1.mdx', 'archive-not-as-released', 1],
			['archive/serving/v1.mdx', 'schema', 3],
			['content/modules/serving.mdx', 'schema', readFileSync(join(repo.content, 'modules/serving.mdx'), 'utf8').split('\n').indexOf('        correct: yes') + 1],
		]);
		// Lowered by hand below the base's 1.0.1 as well: said of the module whose quiz is broken, in the same run.
		repo.edit('modules/serving.mdx', (text) => text.replace('version: 2.0.0\nlevel', 'version: 1.0.0\nlevel'));
		expect(repo.check().findings.filter((f) => f.rule.startsWith('version-')).map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
			['version-lowered', 4, 1, 'The version went down from 1.0.1 (at main) to 1.0.0.'],
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

	it('freezes the version the default branch holds when the module was edited before its major release, and keeps the edits', () => {
		const released = readFileSync(join(repo.content, 'modules/serving.mdx'), 'utf8');
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		const release = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(release.status, release.output).toBe(0);
		expect(release.stdout).toMatch(/Froze version 1\.0\.1 as \S*archive\/serving\/v1\.mdx, as main holds it\. Your edits since then stay in the module, as 2\.0\.0\./);
		expect(readFileSync(join(repo.content, 'archive/serving/v1.mdx'), 'utf8')).toBe(released);
		const module = readFileSync(join(repo.content, 'modules/serving.mdx'), 'utf8');
		expect(module).toContain('Pour into cold cups.');
		expect(module).toContain('version: 2.0.0\n');
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});

	it('fails a new archive that does not hold the version it freezes as the default branch has it', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into cold cups.'));
		const edited = readFileSync(join(repo.content, 'modules/serving.mdx'), 'utf8');
		expect(runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]).status).toBe(0);
		// The edited text frozen under the old version, as a copy made by hand would freeze it.
		writeFileSync(join(repo.content, 'archive/serving/v1.mdx'), edited);
		const { status, findings } = repo.check();
		expect(status).toBe(1);
		expect(findings.map((f) => [f.rule, f.line, f.file.endsWith('archive/serving/v1.mdx')])).toEqual([['archive-not-as-released', 1, true]]);
		expect(findings[0]!.message).toBe(
			'This archive freezes version 1.0.1 of "serving", but its text is not that version\'s text at main: the permanent address of major 1 would show text that 1.0.1 never had.'
		);
		expect(findings[0]!.fix).toBe(
			"Write main's file into it with `git show main:content/modules/serving.mdx > content/archive/serving/v1.mdx` (run from the repository's root), and keep your edits in the module, released as the new major."
		);
	});

	it('accepts the archive of a minor released and then replaced by a major in the same branch, which the base never had', () => {
		repo.edit('modules/serving.mdx', (text) => text.replace('Pour into warmed cups.', 'Pour into warm cups.'));
		expect(runScript('release', ['serving', 'minor', 'Softened the advice on cups.', '--content', repo.content]).status).toBe(0);
		repo.commit('Release serving 1.1.0');
		const minor = readFileSync(join(repo.content, 'modules/serving.mdx'), 'utf8');
		const release = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(release.stdout).toMatch(/Froze version 1\.1\.0 as \S*archive\/serving\/v1\.mdx, as commit [0-9a-f]+ \("Release serving 1\.1\.0"\) released it \(main does not hold 1\.1\.0\)\.\n/);
		expect(readFileSync(join(repo.content, 'archive/serving/v1.mdx'), 'utf8')).toBe(minor);
		expect(repo.check()).toEqual({ status: 0, findings: [] });
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
				'notice',
				'content/curriculum.yaml',
				1,
				'curriculum.yaml changed since main: a maintainer must review it before merging (it sets the site address, the repository and the allowed image hosts).',
			],
			[
				'notice',
				'content/redirects.yaml',
				1,
				'redirects.yaml changed since main: a maintainer must review it before merging (it decides where old addresses of the site lead).',
			],
		]);
		// A renamed module needs its redirect beside it (missing-redirect): only the config is asked to go alone.
		expect(warnings.map((f) => f.fix.split('. ').pop())).toEqual(['Keep configuration changes in a pull request of their own.', 'A redirect for a module this pull request renames or removes belongs in it, beside the change.']);
	});

	it('asks for a maintainer only where CODEOWNERS makes GitHub ask one, as the notice says', () => {
		// The flagship's own layout: each content path the check names in a maintainer-review notice.
		const owned = readFileSync(join(ROOT, '.github', 'CODEOWNERS'), 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('/'))
			.map((line) => line.split(/\s+/)[0]!);
		for (const path of ['/content/curriculum.yaml', '/content/redirects.yaml', '/content/issuers/']) expect(owned, path).toContain(path);
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
		// The copy is in tests/.tmp, which git ignores, so it has no history to take the version from.
		expect(result.stdout).toMatch(/^Froze version 1\.0\.1 as \S*archive\/serving\/v1\.mdx, from the module as it is here \(git ignores it\)\.\n/);
		expect(readFileSync(join(content, 'archive/serving/v1.mdx'), 'utf8')).toBe(before);
		expect(readFileSync(join(content, 'modules/serving.mdx'), 'utf8')).toContain('version: 2.0.0\n');
		const check = runScript('check', ['--content', content, '--format', 'json']);
		expect((JSON.parse(check.stdout) as Finding[]).filter((f) => f.severity === 'error')).toEqual([]);
	});

	it('makes a 0.x pre-release 1.0.0 without archiving anything, and nothing links a v0 address', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules/serving.mdx');
		// A new module as the scaffold writes it: version 0.1.0, one changelog entry.
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace(/^version: .*$/m, 'version: 0.1.0')
				.replace(/changelog:\n[\s\S]*?\n(?=[a-z])/, 'changelog:\n  - version: 0.1.0\n    date: 2026-11-20\n    kind: added\n    summary: First draft.\n')
		);
		const result = runScript('release', ['serving', 'major', 'First release.', '--content', content]);
		expect(result.status, result.output).toBe(0);
		expect(result.stdout).toContain('Released serving 1.0.0 (was 0.1.0).');
		// The first release adds the module, as every flagship module's 1.0.0 says.
		expect(readFileSync(file, 'utf8')).toContain('  - version: 1.0.0\n    date: 2026-11-23\n    kind: added\n    summary: First release.\n');
		expect(existsSync(join(content, 'archive/serving'))).toBe(false);
		const check = JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[];
		expect(check.filter((f) => f.severity === 'error')).toEqual([]);
		const curriculum = loadCurriculum(content, content);
		const entries = timeline(curriculum.modules, curriculum.updates);
		expect(entries.some((entry) => entry.id === 'release:serving@0.1.0')).toBe(true);
		expect(entries.filter((entry) => entry.href.includes('/v0/'))).toEqual([]);
	});

	it('says a v0 archive is not needed, and deleting it is the whole fix', () => {
		const content = copyFixture('valid-course');
		mkdirSync(join(content, 'archive/serving'), { recursive: true });
		writeFileSync(join(content, 'archive/serving/v0.mdx'), readFileSync(join(content, 'modules/serving.mdx'), 'utf8'));
		const check = JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[];
		expect(check.filter((f) => f.severity === 'error')).toEqual([
			expect.objectContaining({
				rule: 'invalid-id',
				file: expect.stringMatching(/content\/archive\/serving\/v0\.mdx$/),
				message: 'Version 0 is a pre-release, and pre-releases are not archived: there is no v0 address to keep.',
				fix: expect.stringMatching(/^Delete \S*content\/archive\/serving\/v0\.mdx; the module's first major release, 1\.0\.0, needs no archive\.$/),
			}),
		]);
		rmSync(join(content, 'archive/serving/v0.mdx'));
		expect(runScript('check', ['--content', content]).status).toBe(0);
	});

	it('refuses an unknown module or bump with the usage', () => {
		const content = copyFixture('valid-course');
		const result = runScript('release', ['sirving', 'minor', 'x', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('There is no module "sirving" (looked for');
		expect(result.stderr).toContain('modules/sirving.mdx). Did you mean "serving"?');
		expect(runScript('release', ['serving', 'huge', 'x', '--content', content]).stderr).toContain('"huge" is not a bump: use major, minor or patch.');
	});

	it('says the words are in the wrong order when the bump is not second, and writes the command in order', () => {
		const content = copyFixture('valid-course');
		const before = readFileSync(join(content, 'modules/serving.mdx'), 'utf8');
		const first = runScript('release', ['minor', 'serving', 'Added warming the pot.', '--content', content]);
		expect(first.status).toBe(1);
		expect(first.stderr).toContain('The words are in the wrong order: the module id comes first, then the bump (minor), then the summary. Write `npm run release -- serving minor "Added warming the pot."`.');
		expect(first.stderr).not.toContain('is not a bump');
		const last = runScript('release', ['serving', 'Added warming the pot.', 'minor', '--content', content]);
		expect(last.stderr).toContain('Write `npm run release -- serving minor "Added warming the pot."`.');
		expect(readFileSync(join(content, 'modules/serving.mdx'), 'utf8')).toBe(before);
	});

	it("stops on what is wrong with the module itself without the usage, since the command was right", () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules/serving.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: "1.3"'));
		const result = runScript('release', ['serving', 'minor', 'Added warming the pot.', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(`${relative(ROOT, file)}: The module's version "1.3" is not MAJOR.MINOR.PATCH: write \`version: 1.3.0\` in its frontmatter, then run the release again.`);
		expect(result.stderr).not.toContain('Usage:');
	});

	it('refuses a kind of change that contradicts the bump, and changes nothing', () => {
		const content = copyFixture('valid-course');
		const before = readFileSync(join(content, 'modules/serving.mdx'), 'utf8');
		const fixedMajor = runScript('release', ['serving', 'major', 'Reversed the milk advice.', '--kind', 'fixed', '--content', content]);
		expect(fixedMajor.status).toBe(1);
		expect(fixedMajor.stderr).toContain('A major release changes outcomes or reverses advice; `--kind fixed` is for a patch.');
		const majorPatch = runScript('release', ['serving', 'patch', 'Typo.', '--kind', 'major', '--content', content]);
		expect(majorPatch.status).toBe(1);
		expect(majorPatch.stderr).toContain('`--kind major` is for a major release, not a patch');
		expect(readFileSync(join(content, 'modules/serving.mdx'), 'utf8')).toBe(before);
		expect(existsSync(join(content, 'archive/serving'))).toBe(false);
	});
});

mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
