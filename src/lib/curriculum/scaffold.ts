import { isSeq, parseDocument } from 'yaml';
import { httpUrl } from './schema/common.ts';

export interface ModuleScaffold {
	id: string;
	title: string;
	summary: string;
	level: string;
	duration: number;
	platforms: string[];
	prerequisites: string[];
	date: string;
	contributor: string;
}

export interface UpdateScaffold {
	title: string;
	summary: string;
	date: string;
	platforms: string[];
	modules: string[];
	sourceUrl: string;
	accessed: string;
}

const list = (items: string[]) => `[${items.join(', ')}]`;
const quote = (text: string) => JSON.stringify(text);

/**
 * A new module that passes the schema, with every part the contributor must write marked `TODO`.
 * The body lays out the sections every module has, in the components that render them.
 */
export function moduleTemplate(m: ModuleScaffold): string {
	// The hint stays only while the summary is still to be written: a summary the contributor gave is done.
	const summaryHint = /^TODO\b/.test(m.summary) ? ' # TODO: one or two sentences on what the learner gains.' : '';
	return `---
title: ${quote(m.title)}
summary: ${quote(m.summary)}${summaryHint}
version: 0.1.0 # Stays below 1.0.0 until the first review; then \`npm run release -- ${m.id} major "First release."\`.
level: ${m.level}
duration: ${m.duration} # Minutes to read it and do the exercise.
platforms: ${list(m.platforms)}
topics: [] # TODO: a few tags for filtering, e.g. [planning, research].
outcomes: # TODO: three to five things a learner can do afterwards, each starting with a verb.
  - TODO Write the first learning outcome.
prerequisites: ${list(m.prerequisites)}
reviewed: ${m.date}
contributors: [${quote(m.contributor)}]
sources: [] # TODO: every figure and platform claim needs a source with title, publisher, url and accessed.
changelog:
  - version: 0.1.0
    date: ${m.date}
    kind: added
    summary: First draft.
quiz: # TODO: questions that ask the learner to apply the module, four choices each, every choice explained; make the right answer sometimes shorter, sometimes longer than the others.
  - question: TODO A question about a situation the learner will meet.
    choices:
      - text: TODO A tempting wrong answer.
        explanation: TODO Why it is wrong.
      - text: TODO The right answer, with its reason.
        correct: true
        explanation: TODO Why it is right.
      - text: TODO A mistake a practitioner could really make, and why they would.
        explanation: TODO Why it is wrong.
      - text: TODO Another wrong answer.
        explanation: TODO Why it is wrong.
---

TODO: Open with why this matters to a practitioner and what the learner will be able to do.

## TODO: First section

TODO: Explain the idea, with dated, sourced platform facts ("as of November 2026, the help centre says …").

<Example title="TODO: A worked example" hypothetical>

TODO: Walk through a realistic, clearly hypothetical case step by step, showing the reasoning.

</Example>

<Exercise title="TODO: A hands-on exercise" deliverable="TODO: what the learner hands in">

TODO: What to do, with the materials needed.

</Exercise>

<Discussion title="TODO: A question for the class">

TODO: A prompt that has no single right answer.

</Discussion>

<InstructorNotes>

TODO: How to run this in a 50-minute session, and the misconceptions learners bring.

</InstructorNotes>
`;
}

/**
 * What is wrong with the address `npm run new` is given for an update's source, or null. It refuses
 * what the schema refuses (so the file it writes passes the check), and more that the schema leaves
 * to review: an address with a space (the template writes it as it is, and YAML would end it at
 * \` #\`), one with no public host (\`https://localhost\`), and one on plain http. The schema takes
 * http for the old pages a module may cite that are served no other way, but an update records a
 * change a publisher announced lately, over https, and an http:// page can be altered on its way to
 * the reader.
 */
export function sourceUrlProblem(answer: string): string | null {
	const example = 'like "https://example.org/news/a-change"';
	if (/\s/.test(answer)) return `A web address has no spaces: copy the whole address again from the browser's address bar, ${example}.`;
	if (!httpUrl.safeParse(answer).success) return `Give the whole address of the announcement or help page, starting with https://, ${example}.`;
	const url = new URL(answer);
	if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname)) return `${url.hostname} is not a public web address: give the address readers can open, ${example}.`;
	if (url.protocol === 'http:') {
		return `Give its https:// address, "https://${answer.slice(answer.indexOf('://') + 3)}": an http:// page can be altered on its way to the reader, and publishers announce changes over https.`;
	}
	return null;
}

export function updateTemplate(u: UpdateScaffold): string {
	return `---
title: ${quote(u.title)}
date: ${u.date} # The day the platform made or announced the change.
platforms: ${list(u.platforms)}
modules: ${list(u.modules)} # The modules whose advice the change affects.
sources:
  - title: TODO The title of the announcement or help page
    publisher: TODO Who published it, e.g. "Instagram Help Centre"
    url: ${u.sourceUrl}
    accessed: ${u.accessed}
summary: ${quote(u.summary)}
status: pending # Set to incorporated, with \`incorporated\` versions, once every module above is revised.
---

TODO: What changed, in two or three short paragraphs: what the platform did, what it means for
practitioners, and what to do now. Say where the platform has not said something.
`;
}

/** Adds a module to the end of a track file, keeping its comments and layout. */
export function addToTrack(trackSource: string, moduleId: string): string {
	const doc = parseDocument(trackSource);
	const modules = doc.get('modules', true);
	if (!isSeq(modules)) throw new Error('The track has no `modules` list to add to.');
	if (modules.items.some((item) => (item as { value?: unknown }).value === moduleId || item === moduleId)) return trackSource;
	modules.add(doc.createNode(moduleId));
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
