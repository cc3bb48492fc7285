/**
 * The first draft of a translation, as `npm run new -- translation` writes it: the original's words
 * in place, every line still to translate marked `TODO` as the module scaffold marks what is still to
 * be written, so that `npm run check` names each one at its line (leftover-todo) until it is done. The
 * knowledge check keeps the original's form (its questions, their choices, which are right) and
 * `translates:` is the original's version, so that once only the words change the translation
 * follows the original one for one (translation-shape, translation-version).
 */
import { suggestion } from '../check/suggestion.ts';
import { bodyHeadings } from '../check/site-pages.ts';
import { meantLocales } from './files.ts';
import type { Curriculum } from './load.ts';
import { moduleHref, trackHref, updateHref } from './model.ts';
import type { ModuleData } from './schema/module.ts';
import type { TrackData } from './schema/track.ts';
import type { UpdateData } from './schema/update.ts';

/** The kinds of content that have translations, each in its own folder. */
export type TranslatableKind = 'module' | 'track' | 'update';

/** An original to translate, as the curriculum read it. */
export type TranslationOriginal =
	| { kind: 'module'; id: string; file: string; data: ModuleData; body: string }
	| { kind: 'track'; id: string; file: string; data: TrackData }
	| { kind: 'update'; id: string; file: string; data: UpdateData; body: string };

const FOLDER = { module: 'modules', track: 'tracks', update: 'updates' } as const;

/** What a line still in the original's language carries after its value. */
const TRANSLATE = ' # TODO: translate.';
const quote = (text: string) => JSON.stringify(text);

/**
 * The original a translation is made of, by its kind and id, or why there is none: an id of another
 * kind of original, an unknown id with the nearest known one, or an original that fails its own
 * checks (a translation starts from one that passes them).
 */
export function findOriginal(curriculum: Curriculum, kind: TranslatableKind, id: string): { original: TranslationOriginal } | { problem: string } {
	const every: TranslationOriginal[] = [
		...curriculum.modules.map((m) => ({ kind: 'module' as const, id: m.id, file: m.file, data: m.data, body: m.body })),
		...curriculum.tracks.map((t) => ({ kind: 'track' as const, id: t.id, file: t.file, data: t.data })),
		...curriculum.updates.map((u) => ({ kind: 'update' as const, id: u.id, file: u.file, data: u.data, body: u.body })),
	];
	const original = every.find((entry) => entry.kind === kind && entry.id === id);
	if (original) return { original };
	// The id of another kind of original: the flag was the slip.
	const other = every.find((entry) => entry.id === id);
	if (other) return { problem: `"${id}" is a ${other.kind}, not a ${kind}: translate it with --${other.kind} ${id}.` };
	// A module whose file fails its schema still has an id; it is fixed before it is translated.
	if (kind === 'module' && curriculum.moduleIds.has(id)) return { problem: `modules/${id}.mdx does not pass its own checks yet: run \`npm run check\`, fix what it names, then translate it.` };
	const ids = every.filter((entry) => entry.kind === kind).map((entry) => entry.id);
	const hint = suggestion(id, ids) ?? (ids.length > 0 && ids.length <= 20 ? `Known: ${ids.join(', ')}.` : `Check the id against the file names in ${FOLDER[kind]}/.`);
	return { problem: `There is no ${kind} "${id}". ${hint}` };
}

/**
 * Why `code` is no language to translate into, or null when it is one of the curriculum's others:
 * the originals' own language is refused, and a code not in `locales` is named with the ones that are
 * (and the one it most likely stands for, such as `fi` for `FI` or `fi-FI`).
 */
export function translationLocaleProblem(locales: readonly string[], code: string): string | null {
	const [original, ...others] = locales;
	if (others.length === 0) return onlyOneLanguage(locales);
	if (others.includes(code)) return null;
	if (code === original) return `"${code}" is the language of the originals, which need no translation into it. Translate into ${others.join(' or ')}.`;
	const meant = meantLocales(code, locales).filter((locale) => locale !== original);
	return `"${code}" is not one of the curriculum's languages (${locales.join(', ')}).${meant.length === 1 ? ` Did you mean "${meant[0]}"?` : ''} A translation is into ${others.join(' or ')}; a maintainer adds a language to \`locales\` in curriculum.yaml.`;
}

/** Why nothing can be translated in a curriculum of one language. */
export function onlyOneLanguage(locales: readonly string[]): string {
	return `The curriculum is written in ${locales[0]} only, so there is no language to translate into: a maintainer adds one to \`locales\` in curriculum.yaml (such as \`locales: [${locales[0]}, <code>]\`) first.`;
}

/** Where a translation of `original` into `locale` is read from, inside the content folder: `<folder>/<id>.<locale>.<extension>`, beside its original. */
export function translationPath(original: TranslationOriginal, locale: string): string {
	const extension = original.file.slice(original.file.lastIndexOf('.'));
	return `${FOLDER[original.kind]}/${original.id}.${locale}${extension}`;
}

/** The translated page's address on the site, where the dev server previews it. */
export function translationHref(original: TranslationOriginal, locale: string): string {
	const href = original.kind === 'module' ? moduleHref(original.id) : original.kind === 'track' ? trackHref(original.id) : updateHref(original.id);
	return `/${locale}${href}`;
}

/**
 * The translation's file: the fields its schema takes, filled with the original's words and each
 * marked to translate, and, for a module or an update, the original's body with a marked line
 * before its opening text and under each heading. `language` names the translation's language
 * in the markers ("Finnish"); `translator` is credited, or `TODO …` to be filled in.
 */
export function translationTemplate(original: TranslationOriginal, { language, translator }: { language: string; translator: string }): string {
	if (original.kind === 'track') return trackFields(original.data);
	const fields = original.kind === 'module' ? moduleFields(original, translator) : updateFields(original.data);
	return `---\n${fields}---\n${markedBody(original.body, language)}`;
}

function moduleFields(original: Extract<TranslationOriginal, { kind: 'module' }>, translator: string): string {
	const { data } = original;
	const lines = [
		`title: ${quote(data.title)}${TRANSLATE}`,
		`summary: ${quote(data.summary)}${TRANSLATE}`,
		`translates: ${data.version} # The version of ${FOLDER.module}/${original.id}.mdx translated here: when it is released again, \`npm run check\` says what to bring in, then raise this.`,
		`translators: [${quote(translator)}]`,
		'outcomes: # As many as the original has, in its order.',
		...data.outcomes.map((outcome) => `  - ${quote(outcome)}${TRANSLATE}`),
	];
	if (data.quiz.length > 0) {
		lines.push('quiz: # The original\'s questions and choices in its order, with `correct: true` where it has it: only the words change.');
		for (const question of data.quiz) {
			lines.push(`  - question: ${quote(question.question)}${TRANSLATE}`, '    choices:');
			for (const choice of question.choices) {
				lines.push(`      - text: ${quote(choice.text)}${TRANSLATE}`);
				if (choice.correct) lines.push('        correct: true');
				lines.push(`        explanation: ${quote(choice.explanation)}${TRANSLATE}`);
			}
		}
	}
	return `${lines.join('\n')}\n`;
}

function updateFields(data: UpdateData): string {
	return `title: ${quote(data.title)}${TRANSLATE}\nsummary: ${quote(data.summary)}${TRANSLATE}\n`;
}

function trackFields(data: TrackData): string {
	return `title: ${quote(data.title)}${TRANSLATE}
summary: ${quote(data.summary)}${TRANSLATE}
audience: ${quote(data.audience)}${TRANSLATE}
certificate:
  title: ${quote(data.certificate.title)}${TRANSLATE}
`;
}

/**
 * A body to translate in place, section by section: a marked line before the text that opens it,
 * and one under each heading (outside code blocks), each a paragraph of its own so that the
 * Markdown around it reads as before. The headings stay as they are until translated: their ids
 * are the translator's, since the check holds a translation's links to its own headings.
 */
export function markedBody(body: string, language: string): string {
	const lines = body.split('\n');
	const headings = new Set(Array.from(bodyHeadings(body), (heading) => heading.index));
	const firstHeading = Math.min(...headings, lines.length);
	const opening = lines.findIndex((line) => line.trim() !== '');
	const out: string[] = [];
	lines.forEach((line, index) => {
		if (index === opening && index < firstHeading) out.push(`TODO: Translate the text below into ${language}, then delete this line.`, '');
		out.push(line);
		if (!headings.has(index)) return;
		out.push('', `TODO: Translate this section into ${language}, its heading and titles too, then delete this line.`);
		if ((lines[index + 1] ?? '').trim() !== '') out.push('');
	});
	return out.join('\n');
}
