import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Finding } from '../src/lib/check/findings.ts';
import { splitFrontmatter } from '../src/lib/curriculum/frontmatter.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { ROOT, runScript, TMP } from './utils.ts';

/**
 * What a new contributor does, step by step, on a copy of the flagship curriculum in a git
 * repository of its own, following CONTRIBUTING: after every step, `npm run check` (which compares
 * with the main branch, as CI does) must report no error and no warning.
 */
describe('a first-time contributor, from idea to a clean check at every step', () => {
	let repo: string;
	let content: string;
	let today: string;
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=New Contributor', '-c', 'user.email=new@example.org', ...args], { cwd: repo, encoding: 'utf8' });
	const script = (name: string, ...args: string[]) => runScript(name, [...args, '--content', content], { CURRENTS_TODAY: today });
	const read = (path: string) => readFileSync(join(content, path), 'utf8');
	const write = (path: string, text: string) => writeFileSync(join(content, path), text);
	/** Errors and warnings; notices (pending updates) are expected, and reviews falling due depend on the calendar. */
	const problems = () => {
		const result = script('check', '--format', 'json');
		return (JSON.parse(result.stdout) as Finding[]).filter((f) => f.severity !== 'notice' && f.rule !== 'review-due').map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`);
	};

	beforeAll(() => {
		mkdirSync(TMP, { recursive: true });
		repo = mkdtempSync(join(TMP, 'walk-'));
		content = join(repo, 'content');
		cpSync(join(ROOT, 'content'), content, { recursive: true });
		// The newest date in the curriculum stands for today, so the walk holds on any calendar day.
		const curriculum = loadCurriculum(content, repo);
		today = [...curriculum.modules, ...curriculum.archives]
			.flatMap((m) => [m.data.reviewed, ...m.data.changelog.map((c) => c.date), ...m.data.sources.map((s) => s.accessed)])
			.concat(curriculum.updates.map((u) => u.data.date))
			.reduce((a, b) => (a > b ? a : b));
		git('init', '-q', '-b', 'main');
		git('add', '-A');
		git('commit', '-q', '-m', 'The curriculum as merged');
		expect(problems()).toEqual([]);
	});

	it('scaffolds a module with flags, and the check lists only what is left to write', () => {
		const result = script('new', 'module', '--title', 'Social listening basics', '--track', 'strategy-and-planning', '--level', 'foundation', '--duration', '30', '--platforms', 'instagram,tiktok', '--author', 'New Contributor', '--summary', 'Set up listening that answers a real question.');
		expect(result.status, result.output).toBe(0);
		// The TODO markers, and a body still shorter than the curriculum's standards ask.
		expect(new Set(problems().map((p) => p.split(' ')[1]))).toEqual(new Set(['leftover-todo', 'module-standards']));
	});

	it('fills the TODOs, and the check is clean', () => {
		write('modules/social-listening-basics.mdx', fillModule(read('modules/social-listening-basics.mdx'), today));
		expect(problems()).toEqual([]);
	});

	it('releases it as 1.0.0, archiving nothing', () => {
		const result = script('release', 'social-listening-basics', 'major', 'First release.');
		expect(result.stdout).toContain('Released social-listening-basics 1.0.0 (was 0.1.0).');
		expect(problems()).toEqual([]);
		git('add', '-A');
		git('commit', '-q', '-m', 'Add social listening basics');
	});

	it('records a pending platform update, fills its TODOs, and the check is clean', () => {
		const result = script('new', 'update', '--title', 'Instagram changes how saves are counted', '--platforms', 'instagram', '--modules', 'social-listening-basics', '--source', 'https://help.instagram.com/', '--date', today, '--summary', 'Saves now count only once per account.');
		expect(result.status, result.output).toBe(0);
		const file = `updates/${today}-instagram-changes-how-saves-are-counted.md`;
		write(file, read(file).replace('TODO The title of the announcement or help page', '"Instagram Help Centre: insights"').replace('TODO Who published it, e.g. "Instagram Help Centre"', 'Instagram').replace(/TODO: What changed[\s\S]*$/, 'Instagram now counts a save once per account. Compare saves before and after the change with care.\n'));
		expect(problems()).toEqual([]);
	});

	it('revises a module, which the check refuses until it is released as a patch', () => {
		// A module without a translation: revising a translated one also, rightly, warns that its translation is behind.
		write('modules/crisis-response.mdx', read('modules/crisis-response.mdx').replace(/\n\n([A-Z][^\n]{40,}?)\.\n/, '\n\n$1, as the examples below show.\n'));
		expect(problems().map((p) => p.split(' ')[1])).toEqual(['version-not-bumped']);
		expect(script('release', 'crisis-response', 'patch', 'Pointed to the examples.').status).toBe(0);
		expect(problems()).toEqual([]);
	});

	it('renames a module and adds its redirect as CONTRIBUTING shows', () => {
		renameSync(join(content, 'modules/communities-of-practice.mdx'), join(content, 'modules/practitioner-communities.mdx'));
		write('tracks/leading-continuous-learning.yaml', read('tracks/leading-continuous-learning.yaml').replace('communities-of-practice', 'practitioner-communities'));
		expect(problems().map((p) => p.split(' ')[1])).toEqual(['missing-redirect']);
		// CONTRIBUTING: remove the `# ` in front of the example's two lines and put in the ids.
		write('redirects.yaml', read('redirects.yaml').replace('# - from: instagram-guides\n#   to: instagram-playbook', '- from: communities-of-practice\n  to: practitioner-communities'));
		expect(problems()).toEqual([]);
	});
});

/** Writes what a contributor writes in place of every TODO of a scaffolded module. */
function fillModule(source: string, today: string): string {
	const { frontmatter } = splitFrontmatter(source);
	const data = parse(frontmatter!) as Record<string, unknown>;
	const question = (n: number) => ({
		question: `A team asks which listening query to start with (case ${n}). What do you do first?`,
		choices: [
			{ text: 'Track every mention of the brand', explanation: 'Volume without a question rarely changes a decision.' },
			{ text: 'Write down the decision the listening should inform', correct: true, explanation: 'A query without a decision behind it collects noise.' },
			{ text: 'Buy the tool with the most sources and alert the team on every mention of the brand', explanation: 'More sources and more alerts add noise before anyone knows what to look for.' },
			{ text: 'Copy a competitor’s keyword list', explanation: 'Their list answers their questions, not yours.' },
		],
	});
	Object.assign(data, {
		topics: ['listening', 'research'],
		outcomes: ['Write a listening question tied to a decision.', 'Build a query with inclusions and exclusions.', 'Report what listening found and what it cannot show.'],
		sources: [{ title: 'About social listening', publisher: 'Example Publisher', url: 'https://example.org/listening', accessed: today }],
		quiz: [1, 2, 3, 4, 5].map(question),
	});
	const paragraph = 'Listening starts with a question that a decision depends on, then a query that finds the conversations about it, then a habit of reading what comes back with care. '.repeat(5);
	const body = ['## Start with a decision', paragraph, '## Build the query', paragraph, '## Read what comes back', paragraph, '## Report honestly', paragraph, '## Keep it running', paragraph]
		.join('\n\n')
		.concat('\n\n<Example title="A bakery listens before a launch" hypothetical>\n\n', paragraph, '\n\n</Example>\n\n<Exercise title="Write your first query" deliverable="A query with its question">\n\n', paragraph, '\n\n</Exercise>\n');
	return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}
