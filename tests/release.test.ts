import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRelease } from '../src/lib/curriculum/release.ts';
import { moduleTemplate } from '../src/lib/curriculum/scaffold.ts';
import { brewingFi, copyFixture, fixtureContent, fixtureRepository, ROOT, runScript } from './utils.ts';

/** A module as `npm run new` writes it: version 0.1.0, with the scaffold's note beside it. */
const draft = moduleTemplate({ id: 'tea-tasting', title: 'Tea tasting', summary: 'Taste like a buyer.', level: 'foundation', duration: 30, platforms: [], prerequisites: [], date: '2026-12-01', contributor: 'Ana' });
const versionLine = (source: string) => /^version: .*$/m.exec(source)![0];

describe('npm run release on a scaffolded module', () => {
	it('keeps the note that a draft stays below 1.0.0 while it does, and drops it at the first release', () => {
		expect(versionLine(draft)).toMatch(/^version: 0\.1\.0 # Stays below 1\.0\.0 until the first review/);
		expect(versionLine(planRelease(draft, 'minor', 'Adds a tasting sheet.', { date: '2026-12-06' }).source)).toMatch(/^version: 0\.2\.0 # Stays below 1\.0\.0/);
		const released = planRelease(draft, 'major', 'First release.', { date: '2026-12-06' }).source;
		expect(versionLine(released)).toBe('version: 1.0.0');
		// Every other comment the author or the scaffold wrote stays.
		expect(released.match(/ # /g)?.length).toBe(draft.match(/ # /g)!.length - 1);
	});
});

describe('npm run release on a module whose version is not MAJOR.MINOR.PATCH', () => {
	const withVersion = (line: string) => draft.replace(/^version: .*$/m, line);
	const problem = (line: string) => {
		try {
			planRelease(withVersion(line), 'minor', 'Adds a tasting sheet.', { date: '2026-12-06' });
		} catch (error) {
			return (error as Error).message;
		}
		throw new Error('planRelease released a module whose version is not MAJOR.MINOR.PATCH');
	};

	it('writes out the version it stands for, as the author wrote it', () => {
		expect(problem('version: 1.3')).toBe('The module\'s version "1.3" is not MAJOR.MINOR.PATCH: write `version: 1.3.0` in its frontmatter, then run the release again.');
		// YAML reads 1.10 as the number 1.1; the message keeps what the author wrote.
		expect(problem('version: 1.10')).toBe('The module\'s version "1.10" is not MAJOR.MINOR.PATCH: write `version: 1.10.0` in its frontmatter, then run the release again.');
		expect(problem('version: v1.3.0')).toContain('write `version: 1.3.0` in its frontmatter');
		expect(problem('version: "2"')).toContain('write `version: 2.0.0` in its frontmatter');
		// The schema refuses leading zeros, so the release does too.
		expect(problem('version: 01.2.3')).toContain('write `version: 1.2.3` in its frontmatter');
	});

	it('offers the newest release in the changelog when the version is no short form of one', () => {
		expect(problem('version: latest')).toBe(
			'The module\'s version "latest" is not MAJOR.MINOR.PATCH: write its current version in its frontmatter as three numbers, like `version: 0.1.0`, the newest release in its changelog, then run the release again.'
		);
		expect(problem('version:')).toBe(
			'The module has no `version`: write its current version in its frontmatter as three numbers, like `version: 0.1.0`, the newest release in its changelog, then run the release again.'
		);
	});
});

describe('npm run release on a module the check refuses', () => {
	it('releases it, and says how many errors the check still finds in it', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'serving.mdx');
		writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nSteep for {3} minutes.\n`);
		const result = runScript('release', ['serving', 'patch', 'Corrects the steeping time.', '--content', content]);
		expect(result.status, result.output).toBe(0);
		expect(result.stdout).toContain(`Released serving 1.0.2 (was 1.0.1). The check still finds 1 error in ${relative(ROOT, file)}: \`npm run check\` lists it; fix it before you commit.`);
	});
});

describe('npm run release on a translation', () => {
	it('says a translation follows its original, and changes nothing', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'brewing-basics.fi.mdx');
		writeFileSync(file, brewingFi());
		const result = runScript('release', ['brewing-basics.fi', 'patch', 'Korjattu.', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n')[0]).toBe(
			`${relative(ROOT, file)} is a translation of "brewing-basics", and a translation has no version of its own: its \`translates:\` names the version of the original it matches. Release the original (\`npm run release -- brewing-basics patch "Korjattu."\`) if it changed, and set \`translates:\` to the version the translation now follows.`
		);
		expect(readFileSync(file, 'utf8')).toBe(brewingFi());
	});
});

describe('npm run release of a major in a git checkout whose default branch never held the version it replaces', () => {
	const SERVING = 'modules/serving.mdx';
	/** A contributor's branch: serving released as 1.1.0 there, and committed, as the first half of a minor and then a major in one pull request. */
	function minorCommitted() {
		const repo = fixtureRepository();
		repo.edit(SERVING, (text) => `${text}\nWarm the pot as well.\n`);
		expect(runScript('release', ['serving', 'minor', 'Added warming the pot.', '--content', repo.content]).status).toBe(0);
		repo.commit('Release serving 1.1.0');
		const minor = readFileSync(join(repo.content, SERVING), 'utf8');
		return { repo, minor, commit: repo.git('rev-parse', '--short', 'HEAD').trim(), archive: join(repo.content, 'archive/serving/v1.mdx') };
	}
	/** The edits for the major: an outcome added, and the advice on cups reversed. */
	const forTheMajor = (text: string) =>
		text.replace('  - Serve tea at the right strength.\n', '  - Serve tea at the right strength.\n  - Choose cups that keep the tea hot.\n').replace('Pour into warmed cups.', 'Pour into cold cups.');

	it('freezes it as the commit that released it holds it, and keeps the edits made since in the new major', () => {
		const { repo, minor, commit, archive } = minorCommitted();
		repo.edit(SERVING, forTheMajor);
		const release = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(release.status, release.output).toBe(0);
		// /modules/serving/v1/ shows 1.1.0 as released, without the new outcome or the reversed advice.
		expect(readFileSync(archive, 'utf8')).toBe(minor);
		expect(release.stdout.split('\n')[0]).toBe(
			`Froze version 1.1.0 as ${relative(ROOT, archive)}, as commit ${commit} ("Release serving 1.1.0") released it (main does not hold 1.1.0). Your edits since then stay in the module, as 2.0.0.`
		);
		const module = readFileSync(join(repo.content, SERVING), 'utf8');
		expect(module).toContain('version: 2.0.0\n');
		expect(module).toContain('  - Choose cups that keep the tea hot.\n');
		expect(module).toContain('Pour into cold cups.');
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});

	it('takes the commit that released the version, not a later one that kept it while already holding edits for the major', () => {
		const { repo, minor, commit, archive } = minorCommitted();
		repo.edit(SERVING, forTheMajor);
		repo.commit('Colder cups, for the next major');
		const release = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(release.status, release.output).toBe(0);
		expect(readFileSync(archive, 'utf8')).toBe(minor);
		expect(release.stdout).toContain(`, as commit ${commit} ("Release serving 1.1.0") released it (main does not hold 1.1.0). Your edits since then stay in the module, as 2.0.0.\n`);
	});

	it('refuses a version that is only in the working copy, changes nothing, and says how to go on', () => {
		const repo = fixtureRepository();
		const file = join(repo.content, SERVING);
		const archive = join(repo.content, 'archive/serving/v1.mdx');
		// The minor released but not committed, then edited for the major: 1.1.0's text as released is lost.
		expect(runScript('release', ['serving', 'minor', 'Added warming the pot.', '--content', repo.content]).status).toBe(0);
		repo.edit(SERVING, forTheMajor);
		const edited = readFileSync(file, 'utf8');
		const release = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(release.status).toBe(1);
		expect(release.stderr).toBe(
			`Version 1.1.0 of "serving", which this major replaces, is in no commit, only in your working copy (main does not hold it, and your last commit holds 1.0.1). Its text as released cannot be told from edits made since, which freezing it as ${relative(ROOT, archive)} would publish at /modules/serving/v1/. Nothing was changed.\n` +
				`If you have not edited the module since releasing 1.1.0, commit it (\`git add ${relative(ROOT, file)}\` and \`git commit -m "Release serving 1.1.0"\`) and run this again. If you have, undo those edits, commit 1.1.0, then make them again and run this. Or, since 1.1.0 was never committed, leave it out: put \`version:\` back to 1.0.1, remove the changelog entries above 1.0.1 (keep what they say for this release's summary), and run this again, which freezes 1.0.1 and keeps all your edits in 2.0.0.\n`
		);
		expect(readFileSync(file, 'utf8')).toBe(edited);
		expect(existsSync(join(repo.content, 'archive/serving'))).toBe(false);
		// The last way on, followed: the major freezes 1.0.1 as main holds it, and every edit is in 2.0.0.
		repo.edit(SERVING, (text) => text.replace(/^version: 1\.1\.0$/m, 'version: 1.0.1').replace(/^ {2}- version: 1\.1\.0\n(?: {4}.*\n)+/m, ''));
		const again = runScript('release', ['serving', 'major', 'Reversed the advice on cups.', '--content', repo.content]);
		expect(again.status, again.output).toBe(0);
		expect(again.stdout).toContain(', as main holds it. Your edits since then stay in the module, as 2.0.0.\n');
		expect(readFileSync(archive, 'utf8')).toBe(repo.git('show', 'main:content/modules/serving.mdx'));
		expect(readFileSync(file, 'utf8')).toContain('Pour into cold cups.');
		expect(repo.check()).toEqual({ status: 0, findings: [] });
	});
});

describe('npm run release of a major outside a git checkout', () => {
	it('freezes the module as it is here, and says so', () => {
		// The system's temporary folder: tests/.tmp is inside this repository's checkout.
		const outside = mkdtempSync(join(tmpdir(), 'currents-no-git-'));
		try {
			const content = join(outside, 'content');
			cpSync(fixtureContent('valid-course'), content, { recursive: true });
			const before = readFileSync(join(content, 'modules/serving.mdx'), 'utf8');
			const result = runScript('release', ['serving', 'major', 'Reversed the milk advice.', '--content', content]);
			expect(result.status, result.output).toBe(0);
			expect(result.stdout.split('\n')[0]).toBe(`Froze version 1.0.1 as ${relative(ROOT, join(content, 'archive/serving/v1.mdx'))}, from the module as it is here (this folder is not in a git checkout).`);
			expect(readFileSync(join(content, 'archive/serving/v1.mdx'), 'utf8')).toBe(before);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});
});
