import { finding, type Finding } from './findings.ts';
import { editDistance } from '../curriculum/edit-distance.ts';
import { locate } from '../curriculum/frontmatter.ts';
import type { Curriculum, TranslationEntry } from '../curriculum/load.ts';
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
			findings.push(
				finding({
					rule: 'translation-locale',
					file: translation.file,
					message:
						translation.locale === locales[0]
							? `"${translation.locale}" is the curriculum's main language, so the original needs no translation into it.`
							: `"${translation.locale}" is not one of the curriculum's locales (${locales.join(', ')}).`,
					fix:
						translation.locale === locales[0]
							? `Delete ${translation.file}, or rename it after the language it is written in.`
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

function moduleTranslationRules(translation: ModuleTranslation, original: { version: string; outcomes: string[]; quiz: { choices: { correct: boolean }[] }[] }): Finding[] {
	const findings: Finding[] = [];
	const { translates } = translation.data;
	const at = (path: (string | number)[]) => locate(translation.parsed, path);
	const order = compareVersions(translates, original.version);
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
	} else if (order < 0) {
		const major = majorOf(original.version) > majorOf(translates);
		findings.push(
			finding({
				rule: 'translation-outdated',
				severity: 'warning',
				file: translation.file,
				...at(['translates']),
				message: major
					? `The translation follows version ${translates}, and the original is now at ${original.version}, a new major: it needs a new translation.`
					: `The translation follows version ${translates}; the original is now at ${original.version}.`,
				fix: `Translate what the original's changelog lists after ${translates}, then set \`translates: ${original.version}\`.`,
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
	if (order === 0) {
		const theirs = original.quiz.map((q) => q.choices.map((c) => c.correct).join());
		const ours = translation.data.quiz.map((q) => q.choices.map((c) => c.correct).join());
		const differs = theirs.length !== ours.length ? -1 : theirs.findIndex((shape, q) => shape !== ours[q]);
		if (theirs.length !== ours.length || differs >= 0) {
			findings.push(
				finding({
					rule: 'translation-shape',
					file: translation.file,
					...at(differs >= 0 ? ['quiz', differs] : ['quiz']),
					message:
						theirs.length !== ours.length
							? `The translated knowledge check has ${ours.length} questions; the original has ${theirs.length}.`
							: `Question ${differs + 1} does not match the original: it needs the same number of choices, with the same ones right, in the same order.`,
					fix: 'Translate every question and choice of the original, in its order, and mark the same choices `correct: true`.',
				})
			);
		}
	}
	return findings;
}
