/**
 * Issuing a signed certificate from a learner's progress export (`issue --progress`): the file the
 * progress page saves, read as the site reads it, and the track judged complete as the site judges it.
 * The exports are made with the site's own functions, as a learner's browser makes them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { progressDateProblem, progressEvidence, progressNote } from '../src/lib/credentials/from-progress.ts';
import { prepareIssuance, type Issuance } from '../src/lib/credentials/issue.ts';
import { markComplete, recordQuiz } from '../src/lib/progress/record.ts';
import { emptyProgress, type Progress } from '../src/lib/progress/shape.ts';
import { exportProgress } from '../src/lib/progress/transfer.ts';
import { certificateCommand, issuerProject, TODAY } from './utils.ts';

const SITE = 'https://steeped.example.org';
const EXPORTED = new Date('2026-11-22T08:00:00Z');

/** A passed knowledge check, as the module page records it. */
const pass = (progress: Progress, module: string, version: string, at: string, score = 100) => recordQuiz(progress, { module, version, score, passed: true, passMark: 75 }, new Date(at));

/** Every module of Tea foundations completed with its check passed; Serving last, on the evening of 20 November in UTC. */
function completeTrack(): Progress {
	let progress = pass(emptyProgress(), 'water-temperature', '1.0.0', '2026-10-02T09:00:00Z');
	// The class studied Brewing basics 2.0.0; the content has moved on to 2.1.0 since.
	progress = pass(progress, 'brewing-basics', '2.0.0', '2026-10-20T09:00:00Z', 80);
	return pass(progress, 'serving', '1.0.0', '2026-11-20T15:30:00Z');
}

/** The text of an export file of `progress`, as the progress page saves it. */
const exported = (progress: Progress, site = SITE) => exportProgress(progress, site, EXPORTED);

let content: string;
let work: string;
let issuance: Issuance;

beforeAll(async () => {
	let keyFile: string;
	({ content, work, keyFile } = await issuerProject());
	// Brewing basics had another title in its first major, which its archived page keeps.
	const archived = join(content, 'archive', 'brewing-basics', 'v1.mdx');
	writeFileSync(archived, readFileSync(archived, 'utf8').replace('title: Brewing basics', 'title: Brewing, the first edition'));
	// Ana's export, sent to the issuer: the track complete.
	writeFileSync(join(work, 'ana.json'), exported(completeTrack()));
	issuance = await prepareIssuance({ dir: content, root: work, issuer: 'kyoto-tea', keyFile, track: 'tea-foundations' });
});

describe('reading a progress export for a certificate', () => {
	test('a complete track gives the versions the learner completed and the day of the last completion, on the issuer’s calendar', () => {
		const found = progressEvidence(exported(completeTrack()), 'ana.json', issuance, 'UTC');
		expect(found).toEqual({
			evidence: {
				modules: [
					{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' },
					{ id: 'brewing-basics', title: 'Brewing basics', version: '2.0.0' },
					{ id: 'serving', title: 'Serving', version: '1.0.0' },
				],
				completed: '2026-11-20',
				last: { id: 'serving', title: 'Serving', version: '1.0.0' },
				exportedAt: '2026-11-22T08:00:00.000Z',
			},
		});
		// 15:30 in UTC is already the next morning for an issuer in Auckland.
		expect(progressEvidence(exported(completeTrack()), 'ana.json', issuance, 'Pacific/Auckland')).toMatchObject({ evidence: { completed: '2026-11-21' } });
	});

	test('what is missing is listed module by module in the track page’s words, for the issuer to forward', () => {
		// Water temperature marked complete without its check; Brewing basics' check passed at 1.0.0, before the
		// major revision that may have rewritten it, then 2.1.0 marked complete; Serving not started; and a module
		// the site no longer lists.
		let progress = markComplete(emptyProgress(), 'water-temperature', '1.0.0', new Date('2026-10-02T09:00:00Z'));
		progress = pass(progress, 'brewing-basics', '1.0.0', '2025-03-01T09:00:00Z');
		progress = markComplete(progress, 'brewing-basics', '2.1.0', new Date('2026-11-02T09:00:00Z'));
		progress = markComplete(progress, 'old-kettles', '1.0.0', new Date('2026-11-03T09:00:00Z'));
		const found = progressEvidence(exported(progress), 'ana.json', issuance, 'UTC');
		expect('problem' in found && found.problem).toBe(`No certificate was made: ana.json does not show the track “Tea foundations” completed, as the site's progress page counts it. For its certificate, the learner still has to do this (you can forward these lines):
  - “Water temperature” (${SITE}/modules/water-temperature/): pass its knowledge check with 75% or more
  - “Brewing basics” (${SITE}/modules/brewing-basics/): pass its knowledge check with 75% or more
  - “Serving” (${SITE}/modules/serving/): complete it and pass its knowledge check with 75% or more
The file also holds progress for modules this site no longer lists (old-kettles); a module that was renamed is completed again under its new name.
Once they have, they export their progress again on ${SITE}/progress/ and send you the new file.`);
	});

	test('every module complete is not enough: a check passed only before a major revision, or below the pass mark, keeps the certificate back', () => {
		let progress = completeTrack();
		// Brewing basics' check passed at 1.0.0, then its 2.1.0 marked complete without taking the rewritten check.
		progress.modules['brewing-basics'] = {};
		progress = pass(progress, 'brewing-basics', '1.0.0', '2025-03-01T09:00:00Z');
		progress = markComplete(progress, 'brewing-basics', '2.1.0', new Date('2026-11-02T09:00:00Z'));
		// Serving's check passed at 60%, below the track's 75%.
		progress.modules.serving!.quiz!.score = 60;
		const found = progressEvidence(exported(progress), 'ana.json', issuance, 'UTC');
		expect('problem' in found && found.problem.split('\n').slice(1, 3)).toEqual([
			`  - “Brewing basics” (${SITE}/modules/brewing-basics/): pass its knowledge check with 75% or more`,
			`  - “Serving” (${SITE}/modules/serving/): pass its knowledge check with 75% or more`,
		]);
	});

	test('a module completed at an earlier major with its check passed then counts, named at that version, as on the site', () => {
		let progress = completeTrack();
		progress.modules['brewing-basics'] = {};
		progress = pass(progress, 'brewing-basics', '1.0.0', '2025-03-01T09:00:00Z');
		const found = progressEvidence(exported(progress), 'ana.json', issuance, 'UTC');
		expect(found).toMatchObject({ evidence: { modules: [{ version: '1.0.0' }, { id: 'brewing-basics', title: 'Brewing, the first edition', version: '1.0.0' }, { version: '1.0.0' }] } });
		if (!('evidence' in found)) throw new Error(found.problem);
		// The issuer is told that the content has had a major revision since, and that the export is no proof.
		const note = progressNote(found.evidence, 'ana.json', issuance, '2026-11-20');
		expect(note).toContain('water-temperature 1.0.0, brewing-basics 1.0.0 (the content is now at 2.1.0, after a major revision), serving 1.0.0; the completion date is 2026-11-20, the day the last of them (serving) was completed.');
		expect(note).toContain("ana.json is the learner's own record, exported from their browser on 2026-11-22. It is not proof");
		expect(note).toContain('by issuing, you vouch that the learner did this work.');
	});

	test('a file that is not an export of this curriculum is refused, naming the file and what to ask the learner for', () => {
		const problem = (text: string) => {
			// Every refusal starts so, for an issuer who reads only the first words.
		const found = progressEvidence(text, 'sent.json', issuance, 'UTC');
		if ('problem' in found) expect(found.problem).toMatch(/^No certificate was made: sent\.json /);
			return 'problem' in found ? found.problem.replace(/^No certificate was made: /, '') : 'accepted';
		};
		const again = `Ask the learner to export their progress again on ${SITE}/progress/ (“Export progress”) and to send you the .json file it saves.`;
		expect(problem('name,date\nAna,2026-11-20\n')).toBe(`sent.json is not a progress export: it does not hold JSON data. ${again}`);
		expect(problem('{"modules": {}}')).toBe(`sent.json is not a progress export: it does not say "format": "currents-progress". ${again}`);
		expect(problem(exported(completeTrack(), 'https://other.example.com/'))).toBe(
			`sent.json holds progress from another site (https://other.example.com), not from ${SITE}, whose curriculum this is, so its modules and versions are not this curriculum's. Ask the learner for their export from ${SITE}/progress/.`
		);
		const newer = { ...JSON.parse(exported(completeTrack())), version: 2 };
		expect(problem(JSON.stringify(newer))).toBe(
			"sent.json was exported by a newer version of the site (progress format 2; this command reads format 1). Update this project to the site's current version (git pull, then npm install) and issue again."
		);
		const damaged = JSON.parse(exported(completeTrack()));
		damaged.modules.serving.quiz.score = 150;
		expect(problem(JSON.stringify(damaged))).toBe(`sent.json is damaged: the entry for “serving” has a “quiz.score” that should be a whole number from 0 to 100. It may have been edited by hand. ${again}`);
		const strangers = markComplete(markComplete(emptyProgress(), 'knife-skills', '1.0.0', EXPORTED), 'stock-basics', '2.0.0', EXPORTED);
		expect(problem(exported(strangers))).toBe(
			`sent.json holds progress only for modules this curriculum does not have (knife-skills, stock-basics), so it is from another curriculum, or from before those modules were renamed or retired. Ask the learner for their export from ${SITE}/progress/.`
		);
		// A version the curriculum never released cannot be named, whatever the rest of the file says; one later
		// than this copy of the curriculum holds may have been released since, and the copy is behind.
		const atVersion = (version: string) => {
			const edited = JSON.parse(exported(completeTrack()));
			edited.modules.serving.completed.version = version;
			edited.modules.serving.quiz.version = version;
			return problem(JSON.stringify(edited));
		};
		const lead = 'sent.json shows the track “Tea foundations” completed, but not at versions a certificate can name:\n  - “Serving” (serving) is completed at version';
		expect(atVersion('0.9.0')).toBe(`${lead} 0.9.0, which this curriculum never released (its releases: 1.0.1, 1.0.0): the file may have been edited by hand, or be another curriculum's.`);
		expect(atVersion('1.4.0')).toBe(`${lead} 1.4.0, later than 1.0.1, the newest this copy of the curriculum holds: bring it up to date with the site (git pull) and issue again.`);
	});

	test('the completion date may be later than the last completion, never earlier, and a completion after today is refused', () => {
		const found = progressEvidence(exported(completeTrack()), 'ana.json', issuance, 'UTC');
		if (!('evidence' in found)) throw new Error(found.problem);
		expect(progressDateProblem(found.evidence, 'ana.json', undefined, TODAY)).toBeNull();
		expect(progressDateProblem(found.evidence, 'ana.json', '2026-11-22', TODAY)).toBeNull();
		expect(progressDateProblem(found.evidence, 'ana.json', '2026-11-19', TODAY)).toBe(
			'--date: the completion date 2026-11-19 is before 2026-11-20, the day ana.json shows the last module of the track, “Serving”, completed. Give that day or a later one, or leave out --date to use it.'
		);
		expect(progressDateProblem(found.evidence, 'ana.json', undefined, '2026-11-19')).toContain('completed on 2026-11-20, after today (2026-11-19) on this computer\'s calendar, so the record cannot be right');
	});
});

describe('npm run certificate -- issue --progress', () => {
	// The issuer is in Auckland, where the learner's last completion fell on the next day.
	const run = (...args: string[]) =>
		certificateCommand({ content, work }, ['issue', '--issuer', 'kyoto-tea', '--key', 'keys/kyoto-tea.private.jwk', '--track', 'tea-foundations', ...args], { TZ: 'Pacific/Auckland' });

	test('a complete export names the versions the learner completed, dated the day of the last completion, and says the export is no proof', () => {
		const result = run('--name', 'Ana Núñez', '--progress', 'ana.json', '--out', 'from-progress');
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain('Issued 1 certificate of “Tea Foundations”');
		expect(result.output).toContain('The modules are named at the versions ana.json shows the learner completed: water-temperature 1.0.0, brewing-basics 2.0.0, serving 1.0.0; the completion date is 2026-11-21, the day the last of them (serving) was completed.');
		expect(result.output).toContain("ana.json is the learner's own record, exported from their browser on 2026-11-22. It is not proof");
		const credential = JSON.parse(readFileSync(join(work, 'from-progress', 'ana-núñez.json'), 'utf8'));
		expect(credential.awardedDate).toBe('2026-11-21T00:00:00Z');
		expect(credential.evidence.map((evidence: { description: string }) => evidence.description)).toEqual(['Version 1.0.0', 'Version 2.0.0', 'Version 1.0.0']);
	});

	test('an export that does not show the track complete is refused with what is missing, and nothing is written', () => {
		writeFileSync(join(work, 'ben.json'), exported(pass(emptyProgress(), 'water-temperature', '1.0.0', '2026-10-02T09:00:00Z')));
		const result = run('--name', 'Ben Okafor', '--progress', 'ben.json', '--out', 'refused');
		expect(result.status).toBe(1);
		expect(result.output).toContain('No certificate was made: ben.json does not show the track “Tea foundations” completed');
		expect(result.output).toContain(`  - “Serving” (${SITE}/modules/serving/): complete it and pass its knowledge check with 75% or more`);
		expect(existsSync(join(work, 'refused'))).toBe(false);
	});

	test('--as-of, a roster or a --date before the last completion does not go with --progress, and nothing is written', () => {
		const roster = run('--roster', 'class.csv', '--progress', 'ana.json', '--out', 'refused');
		expect(roster.status).toBe(2);
		expect(roster.output.trim()).toBe(
			'--progress reads one learner\'s progress export, so it goes with --name, not --roster: issue the class from the roster, and this learner with --name "<learner>" --progress <export.json>.'
		);
		const asOf = run('--name', 'Ana Núñez', '--progress', 'ana.json', '--as-of', '2026-10-15', '--out', 'refused');
		expect(asOf.status).toBe(2);
		expect(asOf.output.trim()).toBe(
			'--as-of and --progress cannot be given together: with --progress, the certificate names each module at the version the learner completed, as their export shows, so there is no day of versions to choose. Leave out --as-of.'
		);
		const early = run('--name', 'Ana Núñez', '--progress', 'ana.json', '--date', '2026-11-20', '--out', 'refused');
		expect(early.status).toBe(2);
		expect(early.output.trim()).toBe(
			'--date: the completion date 2026-11-20 is before 2026-11-21, the day ana.json shows the last module of the track, “Serving”, completed. Give that day or a later one, or leave out --date to use it.'
		);
		expect(existsSync(join(work, 'refused'))).toBe(false);
	});
});
