import { finding, type Finding } from './findings.ts';
import { editDistance } from '../curriculum/edit-distance.ts';
import { meantLocales } from '../curriculum/files.ts';
import { locate, type ParsedYaml } from '../curriculum/frontmatter.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { compareVersions, majorOf } from '../curriculum/versions.ts';
import { originalFiles, originalModules, translationViews, type ModuleParts, type OriginalModule } from './translation-views.ts';
import { formOf, quizShapeRules, sameForm } from './translation-shape.ts';

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
	// A translation or an original whose frontmatter failed its schema is judged as far as it can be read.
	const originals = originalFiles(curriculum);
	const modules = originalModules(curriculum);
	for (const translation of translationViews(curriculum)) {
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
		if (!originals[translation.kind].has(translation.id)) {
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
		const original = modules.get(translation.id);
		if (translation.module && translation.parsed && original) findings.push(...moduleTranslationRules({ file: translation.file, parsed: translation.parsed, ...translation.module }, original));
	}
	return findings;
}

/** A module's translation as its rules read it: where it is, and what it says. */
interface ModuleTranslation extends ModuleParts {
	file: string;
	parsed: ParsedYaml;
}

/**
 * A module's translation against its original: the version it follows, then, at the original's
 * version, its outcomes and knowledge check. Each part is judged where both sides can be read; every
 * rule rests on the two versions, so without either nothing is.
 */
function moduleTranslationRules(translation: ModuleTranslation, original: OriginalModule): Finding[] {
	const findings: Finding[] = [];
	const { version: translates } = translation;
	if (translates === undefined || original.version === undefined) return findings;
	const at = (path: (string | number)[]) => locate(translation.parsed, path);
	const order = compareVersions(translates, original.version);
	// Every version the original has had, newest first: a translation can only follow one of them. A
	// changelog entry whose version cannot be read may be the one it follows.
	const read = (original.changelog ?? []).filter((version) => version !== undefined);
	const known = original.changelog !== undefined && read.length === original.changelog.length;
	const versions = [...new Set([original.version, ...read])].sort((a, b) => compareVersions(b, a));
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
		// Not a translation that has fallen behind: the page would name a version no reader can find in
		// the changelog. An entry whose version cannot be read may be that version: its schema finding first.
		if (known) {
			findings.push(
				finding({
					rule: 'translation-version',
					file: translation.file,
					...at(['translates']),
					message: `The translation says it follows version ${translates}, which the original never had: its changelog lists ${versionList(versions)}.`,
					fix: `Did you mean \`translates: ${likelyVersion(translates, versions)}\`? Set \`translates:\` to the version of the original you translated, as its changelog names it.`,
				})
			);
		}
	} else if (order < 0) {
		const major = majorOf(original.version) > majorOf(translates);
		// What the translated page shows of the original instead (partsInOriginal in src/lib/i18n/site.ts):
		// after a new major, the outcomes and the knowledge check; within a major, a check whose questions
		// have changed, which is said only where both checks can be read.
		const shown = { quiz: !major && sameQuizForm(original.quiz, translation.quiz) === false };
		const parts = original.quiz?.length === 0 ? 'learning outcomes' : 'learning outcomes and knowledge check';
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
	if (order === 0 && translation.outcomes !== undefined && original.outcomes !== undefined && translation.outcomes !== original.outcomes) {
		findings.push(
			finding({
				rule: 'translation-shape',
				file: translation.file,
				...at(['outcomes']),
				message: `The translation lists ${translation.outcomes} learning outcomes; the original has ${original.outcomes}.`,
				fix: 'Translate each of the original’s outcomes once, in its order.',
			})
		);
	}
	if (order === 0 && translation.quiz && original.quiz) findings.push(...quizShapeRules(translation.file, translation.parsed, translation.quiz, original.quiz));
	return findings;
}

/** Whether two knowledge checks have the same questions and right answers; undefined when a question of either cannot be read. */
function sameQuizForm(original: ModuleParts['quiz'], translated: ModuleParts['quiz']): boolean | undefined {
	if (!original || !translated) return undefined;
	if (original.length !== translated.length) return false;
	const [theirs, ours] = [original.map(formOf), translated.map(formOf)];
	if ([...theirs, ...ours].some((form) => form === undefined)) return undefined;
	return theirs.every((form, q) => sameForm(form!, ours[q]!));
}

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
