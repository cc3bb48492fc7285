/**
 * Signed certificates in another of the curriculum's languages than the originals' (`issue --lang`):
 * the track's title, summary and certificate title from its translation, the design's own words from
 * the interface strings the track page's certificate draws with, and each module's title from its
 * translation where that translation names the version the certificate names.
 *
 * A module's translated title is used only for a version of the major its translation follows: titles
 * keep no history within a major, but a major release may rename a module (its archived page keeps the
 * old title), and a translation of another major translates another title. Such a module, like one not
 * translated at all, is named in the originals' words, as the site's pages in the language name it, and
 * the command line lists which (`namedInOriginal`).
 */
import type { CertificateStrings } from '../cards/certificate-words.ts';
import type { Curriculum, TrackEntry } from '../curriculum/load.ts';
import { majorOf } from '../curriculum/versions.ts';
import { certificateStrings, missingCertificateWords } from '../i18n/certificate-words.ts';
import { languageName } from '../i18n/locales.ts';
import { en as CREDENTIAL_WORDS } from '../i18n/ui/credential.ts';
import { UI_STRINGS } from '../i18n/ui/index.ts';
import type { ModuleVersion } from './as-of.ts';

/** What a certificate in a translation's language is drawn and signed with, beyond the track's words. */
export interface IssueLanguage {
	/** The language's code, as the config's `locales` writes it, such as `fi`. */
	code: string;
	/** The originals' language: the config's first locale. */
	original: string;
	/** The design's words in the language. */
	strings: CertificateStrings;
	/** Each translated module's title, with the major of the version its translation follows. */
	modules: ReadonlyMap<string, { title: string; major: number }>;
}

/** The track's words a certificate draws and signs. */
export interface TrackWords {
	title: string;
	summary: string;
	certificate: string;
}

/** Why a certificate cannot be issued in the language asked for, worded for the command line. */
export class LanguageError extends Error {
	override name = 'LanguageError';
}

/** A language as a sentence names it: "Finnish (fi)". */
const named = (code: string) => `${languageName(code, 'en')} (${code})`;

/**
 * The language `lang` of the curriculum's config and the track's words in it, or undefined for the
 * originals' language (the certificate as it always was). Throws a `LanguageError` naming the fix when
 * the site has no such language, the engine has no certificate words in it, or the track no translation.
 */
export function issueLanguage(curriculum: Curriculum, track: TrackEntry, lang: string): { language: IssueLanguage; track: TrackWords } | undefined {
	const locales = curriculum.config?.locales ?? ['en'];
	const original = locales[0]!;
	const code = locales.find((locale) => locale.toLowerCase() === lang.trim().toLowerCase());
	if (code === undefined) {
		const listed = locales.map(named);
		throw new LanguageError(
			`--lang: the site has no language "${lang}". Its languages are ${listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`}, from "locales" in ${curriculum.configFile}. Give one of them, or leave out --lang to issue in ${languageName(original, 'en')}.`
		);
	}
	if (code === original) return undefined;
	const missing = [...missingCertificateWords(code), ...Object.keys(CREDENTIAL_WORDS).filter((key) => UI_STRINGS[code]?.[key] === undefined)];
	if (missing.length > 0) {
		throw new LanguageError(
			`--lang: the certificate's own words are not translated into ${named(code)} yet, so a certificate in ${languageName(code, 'en')} would be partly in English. Translate these interface strings into "${code}" in src/lib/i18n/ui/ (learner.ts and credential.ts): ${missing.join(', ')}. Or leave out --lang to issue in ${languageName(original, 'en')}.`
		);
	}
	const translation = curriculum.translations.find((entry) => entry.kind === 'track' && entry.id === track.id && entry.locale === code);
	if (translation?.kind !== 'track') {
		const file = track.file.replace(/\.(ya?ml)$/, `.${code}.$1`);
		throw new LanguageError(
			`--lang: the track “${track.data.title}” (${track.id}) has no ${languageName(code, 'en')} translation, so its certificate's title and the track's name would not be in ${languageName(code, 'en')}. Add ${file} with the track's title, summary, audience and certificate title in ${languageName(code, 'en')} (like the other translated tracks), or leave out --lang to issue in ${languageName(original, 'en')}.`
		);
	}
	const modules = new Map(
		curriculum.translations.flatMap((entry) => (entry.kind === 'module' && entry.locale === code ? [[entry.id, { title: entry.data.title, major: majorOf(entry.data.translates) }] as const] : []))
	);
	return {
		language: { code, original, strings: certificateStrings(code), modules },
		track: { title: translation.data.title, summary: translation.data.summary, certificate: translation.data.certificate.title },
	};
}

/** The modules as a certificate in the language names them: translated titles where the translation follows the version's major. */
export function inLanguage(language: IssueLanguage | undefined, modules: readonly ModuleVersion[]): ModuleVersion[] {
	return modules.map((module) => {
		const title = translatedTitle(language, module);
		return title === undefined ? { ...module } : { ...module, title };
	});
}

/** A module's title in the language, when its translation follows the major of the version named. */
function translatedTitle(language: IssueLanguage | undefined, module: ModuleVersion): string | undefined {
	const translated = language?.modules.get(module.id);
	return translated && translated.major === majorOf(module.version) ? translated.title : undefined;
}

/**
 * For the issuer to read before handing the certificates out: the modules they name in the originals'
 * words, and why, from each learner's modules; undefined when every title is in the language. None is
 * a mistake, but a learner may ask.
 */
export function originalTitlesNote(language: IssueLanguage | undefined, learners: readonly (readonly ModuleVersion[])[]): string | undefined {
	if (!language) return undefined;
	const listed = new Set(
		learners.flatMap((modules) =>
			modules.flatMap((module) => {
				if (translatedTitle(language, module) !== undefined) return [];
				const translated = language.modules.get(module.id);
				const why = translated ? `its translation follows version ${translated.major}.x, not ${majorOf(module.version)}.x` : 'not translated';
				return [`“${module.title}” (${module.id} ${module.version}, ${why})`];
			})
		)
	);
	if (listed.size === 0) return undefined;
	const [name, original] = [languageName(language.code, 'en'), languageName(language.original, 'en')];
	return `The certificates name ${listed.size === 1 ? 'this module' : 'these modules'} in ${original}, as there is no ${name} title for the version named: ${[...listed].join('; ')}. A module's ${name} title comes from its translation (modules/<id>.${language.code}.mdx) and names the versions of the major that translation follows.`;
}
