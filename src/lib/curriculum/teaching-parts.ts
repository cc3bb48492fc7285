/**
 * What a module asks of a class, read from its body for a track's syllabus: each exercise with what
 * the learner hands in, and each discussion prompt. The body has passed the content check, so its
 * components are the curriculum's own, written with plain text attributes; code blocks are left out,
 * since a module may show a component's markup as an example.
 */
export interface TeachingParts {
	exercises: { title: string; deliverable: string }[];
	discussions: { title: string | undefined; prompt: string }[];
}

const FENCED_CODE = /^ {0,3}(`{3,}|~{3,})[^]*?^ {0,3}\1[`~]*[ \t]*$/gm;
const ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** An opening tag's attributes, quoted values that hold a `>` included. */
const TAG_ATTRIBUTES = String.raw`((?:[^>"']|"[^"]*"|'[^']*')*)`;
const EXERCISE = new RegExp(String.raw`<Exercise(?=[\s>])${TAG_ATTRIBUTES}>`, 'g');
const DISCUSSION = new RegExp(String.raw`<Discussion(?=[\s>])${TAG_ATTRIBUTES}>([^]*?)<\/Discussion>`, 'g');

export function teachingParts(body: string): TeachingParts {
	const prose = body.replace(FENCED_CODE, '');
	const exercises = [...prose.matchAll(EXERCISE)].flatMap((match) => {
		const { title, deliverable } = attributes(match[1]!);
		return title !== undefined && deliverable !== undefined ? [{ title, deliverable }] : [];
	});
	const discussions = [...prose.matchAll(DISCUSSION)].map((match) => ({
		title: attributes(match[1]!).title,
		prompt: plainText(match[2]!),
	}));
	return { exercises, discussions };
}

function attributes(tag: string): Record<string, string> {
	return Object.fromEntries([...tag.matchAll(ATTRIBUTE)].map((match) => [match[1]!, match[2] ?? match[3]!]));
}

/** Markdown prose as the sentence it reads: no emphasis marks, link targets or tags, on one line. */
function plainText(markdown: string): string {
	return markdown
		.replace(/<[^>]+>/g, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
