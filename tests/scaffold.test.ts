import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { copyFixture, ROOT, runScript, TODAY } from './utils.ts';

const errors = (content: string) =>
	(JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[]).filter((f) => f.severity === 'error');
/** A fresh scaffold is valid apart from the TODO markers the contributor still has to replace. */
const onlyLeftovers = (content: string, file: string) => {
	const found = errors(content);
	expect(found.length).toBeGreaterThan(0);
	expect(found.filter((f) => f.rule !== 'leftover-todo' || !f.file.endsWith(file))).toEqual([]);
};

describe('npm run new -- module', () => {
	it('writes a valid module from flags and adds it to the end of its track', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['module', '--title', 'Cold brew: slow and steady', '--track', 'tea-foundations', '--level', 'beginner', '--duration', '25', '--platforms', 'kettle', '--prerequisites', 'water-temperature', '--content', content]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('modules/cold-brew-slow-and-steady.mdx');
		const module = readFileSync(join(content, 'modules', 'cold-brew-slow-and-steady.mdx'), 'utf8');
		expect(module).toContain('title: "Cold brew: slow and steady"');
		expect(module).toContain(`reviewed: ${TODAY}`);
		expect(module).toContain('prerequisites: [water-temperature]');
		expect(module).toMatch(/<Exercise title="TODO: A hands-on exercise" deliverable="TODO: what the learner hands in">/);
		expect(readFileSync(join(content, 'tracks', 'tea-foundations.yaml'), 'utf8')).toContain('  - serving\n  - cold-brew-slow-and-steady\n');
		// Every field was given, so none took a default silently.
		expect(result.stdout).not.toContain('Not given');
		onlyLeftovers(content, 'modules/cold-brew-slow-and-steady.mdx');
		// With only a title and a track, it says which fields took their defaults.
		const bare = runScript('new', ['module', '--title', 'Iced tea', '--track', 'tea-foundations', '--content', content]);
		expect(bare.stdout).toContain('Not given, so set to their defaults: level beginner, duration 30 minutes, platforms: none named (it applies to all). Change them in the file if they are not right.');
	});

	it('asks for what it needs when run interactively', () => {
		const content = copyFixture('valid-course');
		const answers = ['Iced tea', '', 'no-such-track', 'tea-foundations', 'Chill it.', '', '20', 'kettle', '', 'Ada Example', ''].join('\n');
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'module', '--interactive', '--content', content], {
			input: answers,
			encoding: 'utf8',
			env: { ...process.env, CURRENTS_TODAY: TODAY },
		});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Unknown track: use one of tea-foundations.');
		const module = readFileSync(join(content, 'modules', 'iced-tea.mdx'), 'utf8');
		// A summary given is done: no TODO is left on its line for the check to report.
		expect(module).toMatch(/^summary: "Chill it\."$/m);
		expect(module).toContain('duration: 20');
		expect(module).toContain('contributors: ["Ada Example"]');
		onlyLeftovers(content, 'modules/iced-tea.mdx');
	});

	it('says which flag is missing or wrong when not in a terminal', () => {
		const content = copyFixture('valid-course');
		const missing = runScript('new', ['module', '--title', 'Iced tea', '--content', content]);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('--track is missing: track to add it to (tea-foundations)');
		const taken = runScript('new', ['module', '--title', 'Serving', '--track', 'tea-foundations', '--content', content]);
		// The id was made from the title, not given: the message says so, and which flag sets it.
		expect(taken.stderr).toContain('--id was not given, and its default "serving" will not do: modules/serving.mdx already exists; choose another id. Give --id.');
		const given = runScript('new', ['module', '--title', 'Iced tea', '--id', 'serving', '--track', 'tea-foundations', '--content', content]);
		expect(given.stderr).toContain('--id "serving": modules/serving.mdx already exists; choose another id.');
	});
});

describe('npm run new -- update', () => {
	it('writes a valid pending update that names its modules', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['update', '--title', 'Kettles get a cold setting', '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/cold', '--date', '2026-11-20', '--content', content]);
		expect(result.status).toBe(0);
		const update = readFileSync(join(content, 'updates', '2026-11-20-kettles-get-a-cold-setting.md'), 'utf8');
		expect(update).toContain('status: pending');
		expect(update).toContain('url: https://example.org/cold');
		onlyLeftovers(content, 'updates/2026-11-20-kettles-get-a-cold-setting.md');
		const check = JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[];
		expect(check.filter((f) => f.rule === 'pending-update' && f.file.endsWith('modules/serving.mdx'))).toHaveLength(2);
	});

	it('names an update after its title, cut between words and not after a small word', () => {
		const content = copyFixture('valid-course');
		const title = 'Instagram lets creators test Reels with people who do not follow them yet';
		const result = runScript('new', ['update', '--title', title, '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/trial', '--date', '2026-11-20', '--content', content]);
		expect(result.status, result.output).toBe(0);
		// Six words fit in 40 characters; the sixth, "with", would leave the name cut off.
		expect(existsSync(join(content, 'updates', '2026-11-20-instagram-lets-creators-test-reels.md'))).toBe(true);
	});

	it('refuses a module that does not exist', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['update', '--title', 'X', '--platforms', 'kettle', '--modules', 'servng', '--source', 'https://example.org/x', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--modules "servng": Unknown module: servng. Did you mean "serving"?');
		// With no near miss, the known ids are listed.
		const far = runScript('new', ['update', '--title', 'X', '--platforms', 'kettle', '--modules', 'qqqqqqq', '--source', 'https://example.org/x', '--content', content]);
		expect(far.stderr).toContain('Unknown module: qqqqqqq. Known: ');
	});
});
