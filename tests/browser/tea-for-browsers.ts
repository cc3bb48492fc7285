import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureContent } from '../utils.ts';

/**
 * The tea fixture with what the search, knowledge-check and polish tests each need, built once for
 * the three (`sharedBuild('tea-for-browsers')`):
 * - earlier versions in the search index (`searchArchived`), so that the option to include them can
 *   be tried;
 * - two more questions in water-temperature's knowledge check, one with two right answers;
 * - what a reader of the flagship meets: an about page; a second track that the config orders after
 *   the first though its file sorts first; a module released more recently than one whose title
 *   sorts before it; and a changelog summary that opens with the word of its kind;
 * - a knowledge check of two questions on brewing-basics' archived major 1 (`V1_QUIZ`), for the tests
 *   of progress on an archived major's page.
 * Each test reads what it expects from these files, not from a copy of them.
 */
export function prepareTeaForBrowsers(content: string): void {
	cpSync(fixtureContent('valid-course'), content, { recursive: true });
	edit(content, 'curriculum.yaml', (text) => `${text}\nsearchArchived: true\n`);
	edit(content, 'modules/water-temperature.mdx', (text) => text.replace(/(\nquiz:\n[\s\S]*?)\n---\n/, `$1${EXTRA_QUESTIONS}\n---\n`));
	mkdirSync(join(content, 'pages'));
	writeFileSync(join(content, 'pages/about.mdx'), '---\ntitle: About Steeped\ndescription: Who writes it.\n---\n\nSteeped is written by tea drinkers.\n');
	writeFileSync(join(content, 'tracks/hosting.yaml'), HOSTING_TRACK);
	edit(content, 'archive/brewing-basics/v1.mdx', (text) => text.replace(/\n---\n/, `\n${V1_QUIZ}---\n`));
	edit(content, 'modules/serving.mdx', (text) =>
		text.replace('date: 2026-10-01', 'date: 2026-11-05').replace('summary: Corrected the milk advice.', 'summary: Fixed the milk advice.')
	);
}

/**
 * A second track, "Hosting", that holds only `serving` and comes after "Tea foundations" in the
 * configured order though its file sorts first.
 */
export const HOSTING_TRACK = 'title: Hosting\norder: 200\nsummary: Serve tea to guests.\naudience: Anyone with guests.\nmodules: [serving]\ncertificate:\n  title: Tea Hosting\n  passMark: 75\n';

/** The questions added to water-temperature's knowledge check. */
export const EXTRA_QUESTIONS = `
  - question: Which of these make a pot stronger?
    choices:
      - text: More leaf
        correct: true
        explanation: More leaf gives more flavour to the same water.
      - text: A longer steep
        correct: true
        explanation: Flavour keeps coming out of the leaf with time.
      - text: A warmed cup
        explanation: A warm cup keeps the tea hot, not strong.
      - text: A smaller spoon
        explanation: Less leaf makes a weaker pot.
  - question: What rests after the kettle boils?
    choices:
      - text: The water
        correct: true
        explanation: Resting lets it cool towards the right temperature.
      - text: The leaf
        explanation: The leaf waits in the caddy either way.
      - text: The pot
        explanation: The pot is warmed, not rested.`;

/** The knowledge check of brewing-basics' archived major 1, at 1.0.0: two questions, each with one right answer. */
export const V1_QUIZ = `quiz:
  - question: How do you get the most out of a tea bag?
    choices:
      - text: Squeeze it against the cup
        correct: true
        explanation: This version advised squeezing the bag.
      - text: Leave it in overnight
        explanation: The tea turns bitter long before morning.
  - question: What do you adjust to taste?
    choices:
      - text: The steeping time
        correct: true
        explanation: Time sets how strong the cup is.
      - text: The colour of the kettle
        explanation: The kettle's colour does not reach the cup.
`;

/** Edits a file of a content folder in place. */
function edit(content: string, file: string, change: (text: string) => string): void {
	const path = join(content, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`Preparing the tea fixture for the browser tests changed nothing in ${file}: the fixture changed, update tests/browser/tea-for-browsers.ts.`);
	writeFileSync(path, after);
}
