import { partsInOriginal } from '../i18n/site.ts';
import { finding, type Finding } from './findings.ts';
import { editDistance } from '../curriculum/edit-distance.ts';
import { meantLocales } from '../curriculum/files.ts';
import { locate } from '../curriculum/frontmatter.ts';
import type { Curriculum, TranslationEntry } from '../curriculum/load.ts';
import type { ModuleData } from '../curriculum/schema/module.ts';
import { compareVersions, majorOf } from '../curriculum/versions.ts';

const KIND_FOLDER = { module: 'modules', track: 'tracks', update: 'updates' } as const;

/**
 * Translations stay tied to their originals: a known locale other than the site's first, an
 * original that exists, the same outcomes and knowledge check, and a note when the original has
 * moved on since the version translated.
 */
export function checkTranslations(curriculum: Curriculum): Finding[] {
	const findings: Finding[] = [];
	// Without a valid config the locales are unknown; its own finding says why, once.
	if (!curriculum.config) return findings;
	const locales = curriculum.config.locales;
	const originals = {
		module: new Map(curriculum.modules.map((m) => [m.id, m])),
		track: new Map(curriculum.tracks.map((t) => [t.id, t])),
		update: new Map(curriculum.updates.map((u) => [u.id, u])),
	};
	const seen = new Set([...curriculum.moduleIds, ...originals.track.keys(), ...originals.update.keys()]);
	for (const translation of curriculum.translations) {
		const folder = KIND_FOLDER[translation.kind];
		const extension = translation.file.slice(translation.file.lastIndexOf('.'));
		if (!locales.includes(translation.locale) || translation.locale === locales[0]) {
			// "FI" or "fi-FI" for "fi" is a slip in the name, not a language the curriculum lacks.
			const meant = locales.includes(translation.locale) ? [] : meantLocales(translation.locale, locales);
			const main = translation.locale === locales[0] || (meant.length === 1 && meant[0] === locales[0]);
			const others = meant.filter((locale) => locale !== locales[0]);
			findings.push(
				finding({
					rule: 'translation-locale',
					file: translation.file,
					message: main
						? `"${translation.locale}" ${translation.locale === locales[0] ? 'is' : `stands for ${locales[0]},`} the curriculum's main language, so the original needs no translation into it.`
						: others.length > 0
							? `"${translation.locale}" is not one of the curriculum's locales (${locales.join(', ')}), which write it as ${others.map((locale) => `"${locale}"`).join(' or ')}.`
							: `"${translation.locale}" is not one of the curriculum's locales (${locales.join(', ')}).`,
					fix: main
						? `Delete ${translation.file}, or rename it after the language it is written in.`
						: others.length === 1
							? `Did you mean "${others[0]}"? Rename the file to ${translation.id}.${others[0]}${extension}.`
							: others.length > 1
								? `Name the file ${translation.id}.<locale>${extension} with one of ${others.join(', ')}, the one it is written in.`
								: `Name the file ${translation.id}.<locale>${extension} with one of ${locales.slice(1).join(', ') || 'the locales'}, or add "${translation.locale}" to \`locales\` in curriculum.yaml.`,
				})
			);
			continue;
		}
		const original = originals[translation.kind].get(translation.id);
		if (!original) {
			// A module whose file has a problem still has an id; its own finding says what is wrong.
			if (seen.has(translation.id)) continue;
			const near = [...originals[translation.kind].keys()].find((id) => editDistance(id, translation.id) <= 2);
			findings.push(
				finding({
					rule: 'translation-orphan',
					file: translation.file,
					message: `This translates ${folder}/${translation.id}${extension}, which does not exist.`,
					fix: near
						? `Did you mean "${near}"? Rename the file to ${near}.${translation.locale}${extension}.`
						: `Rename the file after the ${translation.kind} it translates (<id>.${translation.locale}${extension}), or delete it if the original was removed.`,
				})
			);
			continue;
		}
		if (translation.kind === 'module' && original && 'version' in original.data) findings.push(...moduleTranslationRules(translation, original.data));
	}
	return findings;
}

type ModuleTranslation = Extract<TranslationEntry, { kind: 'module' }>;

function moduleTranslationRules(translation: ModuleTranslation, original: Pick<ModuleData, 'version' | 'changelog' | 'outcomes' | 'quiz'>): Finding[] {
	const findings: Finding[] = [];
	const { translates } = translation.data;
	const at = (path: (string | number)[]) => locate(translation.parsed, path);
	const order = compareVersions(translates, original.version);
	// Every version the original has had, newest first: a translation can only follow one of them.
	const versions = [...new Set([original.version, ...original.changelog.map((entry) => entry.version)])].sort((a, b) => compareVersions(b, a));
	if (order > 0) {
		findings.push(
			finding({
				rule: 'translation-version',
				file: translation.file,
				...at(['translates']),
				message: `The translation says it follows version ${translates}, but the original is at ${original.version}.`,
				fix: `Set \`translates: ${original.version}\`, or the version you translated if it was earlier.`,
			})
		);
	} else if (order < 0 && !versions.includes(translates)) {
		// Not a translation that has fallen behind: the page would name a version no reader can find in the changelog.
		findings.push(
			finding({
				rule: 'translation-version',
				file: translation.file,
				...at(['translates']),
				message: `The translation says it follows version ${translates}, which the original never had: its changelog lists ${versionList(versions)}.`,
				fix: `Did you mean \`translates: ${likelyVersion(translates, versions)}\`? Set \`translates:\` to the version of the original you translated, as its changelog names it.`,
			})
		);
	} else if (order < 0) {
		const major = majorOf(original.version) > majorOf(translates);
		// What the translated page shows of the original instead (src/lib/i18n/site.ts): after a new major,
		// the outcomes and the knowledge check; within a major, a check whose questions have changed.
		const shown = partsInOriginal(original, translation.data);
		const parts = original.quiz.length > 0 ? 'learning outcomes and knowledge check' : 'learning outcomes';
		findings.push(
			finding({
				rule: 'translation-outdated',
				severity: 'warning',
				file: translation.file,
				...at(['translates']),
				message: major
					? `The translation follows version ${translates}, and the original is now at ${original.version}, a new major: it needs a new translation. Until then, the translated page shows its text of ${translates} with the ${parts} of ${original.version} in the original's language, untranslated, since progress and certificates record ${original.version}.`
					: `The translation follows version ${translates}; the original is now at ${original.version}.` +
						(shown.quiz ? " The original's knowledge check changed since, so the translated page shows the original's check, untranslated, until the translation's questions match it again." : ''),
				fix: major
					? `Translate the original's ${parts} of ${original.version} first, since readers in this language now read them in the original: then translate what its changelog lists after ${translates}, then set \`translates: ${original.version}\`.`
					: `${shown.quiz ? 'Translate the knowledge check first, since readers in this language now take it in the original: then ' : ''}${shown.quiz ? 't' : 'T'}ranslate what the original's changelog lists after ${translates}, then set \`translates: ${original.version}\`.`,
			})
		);
	}
	// Outcomes and the knowledge check are what certificates rest on, so they must match one for one.
	if (order === 0 && translation.data.outcomes.length !== original.outcomes.length) {
		findings.push(
			finding({
				rule: 'translation-shape',
				file: translation.file,
				...at(['outcomes']),
				message: `The translation lists ${translation.data.outcomes.length} learning outcomes; the original has ${original.outcomes.length}.`,
				fix: 'Translate each of the original’s outcomes once, in its order.',
			})
		);
	}
	if (order === 0) findings.push(...quizShapeRules(translation, original.quiz));
	return findings;
}

/** A question's form, which is all a translation must keep: how many choices it has, and which of them (from 1) are right. */
interface QuestionForm {
	choices: number;
	right: number[];
}

const formOf = (question: { choices: { correct: boolean }[] }): QuestionForm => ({
	choices: question.choices.length,
	right: question.choices.flatMap((choice, index) => (choice.correct ? [index + 1] : [])),
});
const sameForm = (a: QuestionForm, b: QuestionForm) => a.choices === b.choices && a.right.join() === b.right.join();

/**
 * The translated knowledge check against the original's, question by question, so that every question
 * that differs is reported at its own line, saying what differs: the number of its choices, or which
 * of them are right. Two questions that each have the other's form are named as possibly having changed
 * places; only their text can tell, which the translator reads. A question more or fewer is reported
 * alone: the check cannot tell then which translated question stands for which of the original's, and
 * a fix for each question by its place would lead the translator astray.
 */
function quizShapeRules(translation: ModuleTranslation, originalQuiz: ModuleData['quiz']): Finding[] {
	const findings: Finding[] = [];
	const ours = translation.data.quiz.map(formOf);
	const theirs = originalQuiz.map(formOf);
	if (ours.length !== theirs.length) {
		const extra = ours.length - theirs.length;
		findings.push(
			finding({
				rule: 'translation-shape',
				file: translation.file,
				...locate(translation.parsed, ['quiz']),
				message: `The translated knowledge check has ${ours.length} questions; the original has ${theirs.length}.`,
				fix:
					extra > 0
						? `Translate each of the original's ${theirs.length} questions once, in their order, and remove the ${several(extra)} it does not have.`
						: `Translate all ${theirs.length} of the original's questions, in their order (${missing(-extra)}).`,
			})
		);
		return findings;
	}
	const differs = (q: number) => !sameForm(ours[q]!, theirs[q]!);
	for (let q = 0; q < ours.length; q++) {
		if (!differs(q)) continue;
		const [mine, original] = [ours[q]!, theirs[q]!];
		const choicesDiffer = mine.choices !== original.choices;
		const what =
			choicesDiffer && mine.right.join() !== original.right.join()
				? `has ${mine.choices} choices and marks ${choiceList(mine.right)} right; in the original it has ${original.choices} and marks ${choiceList(original.right)}.`
				: choicesDiffer
					? `has ${mine.choices} choices; in the original it has ${original.choices}.`
					: `marks ${choiceList(mine.right)} right; the original marks ${choiceList(original.right)}.`;
		// With a choice added or left out, the right ones are named too, by their places once the choices match.
		const steps = [
			...(!choicesDiffer
				? []
				: mine.choices > original.choices
					? [`keep a translated choice for each of the original's ${original.choices}, in their order, and remove the ${several(mine.choices - original.choices)} it does not have`]
					: [`translate all ${original.choices} of the original's choices, in their order (${missing(original.choices - mine.choices)})`]),
			`mark \`correct: true\` on ${choiceList(original.right)} and on no other`,
		].join(', then ');
		// Two questions swapped in the translation each have the other's form.
		const other = [...ours.keys()].find((j) => j !== q && differs(j) && sameForm(mine, theirs[j]!) && sameForm(ours[j]!, original));
		const pair = other === undefined ? '' : `${Math.min(q, other) + 1} and ${Math.max(q, other) + 1}`;
		findings.push(
			finding({
				rule: 'translation-shape',
				file: translation.file,
				...locate(translation.parsed, ['quiz', q]),
				message:
					`Question ${q + 1} ("${translation.data.quiz[q]!.question}") ${what}` +
					(other === undefined ? '' : ` It has the form of the original's question ${other + 1}, and question ${other + 1} has that of question ${q + 1}: the two may have changed places.`),
				fix:
					other === undefined
						? `${steps.charAt(0).toUpperCase()}${steps.slice(1)}.`
						: `If questions ${pair} have changed places, put them back in the original's order, each with its choices. If not, ${steps}.`,
			})
		);
	}
	return findings;
}

/** Choice numbers as a sentence says them: "choice 3", "choices 3 and 4", "choices 1, 3 and 4", "no choice". */
function choiceList(numbers: number[]): string {
	if (numbers.length === 0) return 'no choice';
	if (numbers.length === 1) return `choice ${numbers[0]}`;
	return `choices ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** How many, after "the": "the one", "the 2". */
const several = (n: number) => (n === 1 ? 'one' : String(n));
const missing = (n: number) => (n === 1 ? 'one is missing' : `${n} are missing`);

/** Versions, newest first, as a sentence lists them, with the oldest of a long list counted rather than named. */
function versionList(versions: string[]): string {
	const shown = versions.length > 8 ? [...versions.slice(0, 7), `${versions.length - 7} earlier ones`] : versions;
	return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * The version a `translates:` that the original never had most likely means: the newest before it
 * (1.0.0 for 1.0.9, its last digit slipped), or the first of all for a number before them all.
 */
function likelyVersion(written: string, versions: string[]): string {
	return versions.find((version) => compareVersions(version, written) < 0) ?? versions.at(-1)!;
}
