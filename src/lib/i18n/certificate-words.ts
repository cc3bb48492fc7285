/**
 * A certificate's own words in one of the engine's languages, read from the interface strings
 * (`currents.learner.card*`). The track page's self-assessed certificate (TrackCertificate.astro) and
 * the signed certificates `npm run certificate -- issue --lang` draws both take them from here, so a
 * learner's certificate and their university's say the same thing in the same words.
 */
import type { CertificateStrings } from '../cards/certificate-words.ts';
import { UI_STRINGS, uiText, type UiKey } from './ui/index.ts';

/** Each word of the design, by the interface string that translates it. */
const KEYS: Record<keyof CertificateStrings, UiKey> = {
	heading: 'currents.learner.cardHeading',
	certifies: 'currents.learner.cardCertifies',
	completedTrack: 'currents.learner.cardCompletedTrack',
	modules: 'currents.learner.cardModules',
	version: 'currents.learner.cardVersion',
	more: 'currents.learner.cardMore',
	completedOn: 'currents.learner.cardCompletedOn',
	issuedBy: 'currents.learner.cardIssuedBy',
	offeredBy: 'currents.learner.cardOfferedBy',
	verifiedBy: 'currents.learner.cardVerifiedBy',
	selfAssessed: 'currents.learner.cardSelfAssessed',
	verifiedNote: 'currents.learner.cardVerifiedNote',
	selfNote: 'currents.learner.cardSelfNote',
};

/**
 * The design's words in a language, with their `{{placeholders}}` left for the design to fill. A word
 * the language lacks is the English one, as on every other page of the site.
 */
export function certificateStrings(locale: string): CertificateStrings {
	const strings = {} as CertificateStrings;
	for (const word of Object.keys(KEYS) as (keyof CertificateStrings)[]) strings[word] = uiText(locale, KEYS[word]);
	return strings;
}

/** The interface strings of the certificate's words that a language has no translation of, for a refusal to name. */
export function missingCertificateWords(locale: string): UiKey[] {
	return Object.values(KEYS).filter((key) => UI_STRINGS[locale]?.[key] === undefined);
}
