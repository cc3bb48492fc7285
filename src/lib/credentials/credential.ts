/**
 * The Open Badges 3.0 `OpenBadgeCredential` for a completed track, before it is signed. It says who
 * completed which track of which curriculum, at which module versions, when, and who issued it, in
 * the terms of the Open Badges vocabulary only, so that every field is covered by the signature.
 *
 * - The learner is named by an `IdentityObject` of type `name`, unhashed: a certificate is made to
 *   be shown, and the name is what it shows. No email address or other identifier is included.
 * - The achievement is the track, identified by its page on the curriculum's site.
 * - Each module completed is an `Evidence` entry: its title, the version completed, and the
 *   permanent address of that major version in the originals' language, in every language: a
 *   translation's own address lasts only while the translation follows that major.
 * - `awardedDate` is the day the learner completed the track; `validFrom` the moment it was signed;
 *   `validUntil`, when the issuer sets one, the end of the last day it is valid. The day whose module
 *   versions a class studied, when the issuer names one, is only said in the criteria's narrative: the
 *   versions themselves are the evidence, and neither date above is about them.
 * - The achievement says the language its name, description and criteria are written in
 *   (`inLanguage`). A certificate issued in a translation's language is that track page's achievement,
 *   in the translation's words, and names the original page as the same achievement in the originals'
 *   language (`related`, which Open Badges keeps for an achievement's editions in other languages). The
 *   names are plain strings, not language maps: the JSON Schema allows maps, but the Open Badges
 *   context gives `name` no language container, so a map would not survive the signature's
 *   canonicalization.
 * - `credentialStatus` names the issuer's revocation list on the site (1EdTech Revocation List Status
 *   Method), so that a verifier elsewhere can find out whether the issuer has since revoked it.
 */
import { CREDENTIAL_CONTEXTS } from './contexts.ts';
import { xsdDateTime, type JsonObject } from './data-integrity.ts';
import { dayText } from '../i18n/dates.ts';
import { uiText } from '../i18n/ui/index.ts';
import { issuerProfileRef, REVOCATION_LIST_STATUS, revocationListUrl, type IssuerRecord } from './profile.ts';

export interface CredentialInput {
	/** The curriculum's site, such as `https://curriculum.example.org`. */
	site: string;
	/** The curriculum's title. */
	curriculum: string;
	track: {
		id: string;
		title: string;
		summary: string;
		/** The certificate's title, from the track. */
		certificate: string;
		/** The knowledge-check pass mark, in percent. */
		passMark: number;
	};
	/** The track's modules in order, with the version the learner completed. */
	modules: readonly { id: string; title: string; version: string }[];
	/** The day whose versions `modules` are, `YYYY-MM-DD`, when the issuer chose one; absent for the versions current when issued. */
	asOf?: string;
	issuer: IssuerRecord;
	/** The learner's name, already cleaned for printing. */
	learner: string;
	/** The day the learner completed the track, `YYYY-MM-DD`. */
	awarded: string;
	/** When the credential is issued. */
	issued: Date;
	/** The last day the credential is valid, `YYYY-MM-DD`; it never expires when absent. */
	validUntil?: string;
	/**
	 * The language the track's words are in: `code`, a BCP 47 tag, becomes the achievement's `inLanguage`.
	 * With `original`, the originals' language, the credential is a translation's: the track's page in
	 * `code`. The credential's own words (its criteria, each module's "Version") are in `code` where the
	 * engine has interface strings for it, and in English where it has none; without `language` they are
	 * English and no language is said.
	 */
	language?: { code: string; original?: string };
	/** A unique id; a random `urn:uuid:` when absent. */
	id?: string;
}

/** The address of the version of a module the learner completed: its permanent major address from 1.0.0 on. */
export function moduleVersionUrl(site: string, id: string, version: string): string {
	const major = Number(version.split('.')[0]);
	return new URL(major > 0 ? `/modules/${id}/v${major}/` : `/modules/${id}/`, site).href;
}

/** The unsigned credential, ready for `addProof`. */
export function buildCredential(input: CredentialInput): JsonObject {
	const translated = input.language?.original === undefined ? undefined : input.language;
	// The credential's own words in the track's language where the engine has them (uiText falls back to English).
	const words = input.language?.code ?? 'en';
	const originalUrl = new URL(`/tracks/${input.track.id}/`, input.site).href;
	const trackUrl = translated ? new URL(`/${translated.code}/tracks/${input.track.id}/`, input.site).href : originalUrl;
	const listed = input.modules.map((module) => uiText(words, 'currents.credential.listed', { title: module.title, version: module.version })).join('\n');
	const said = { track: input.track.title, curriculum: input.curriculum, mark: input.track.passMark, issuer: input.issuer.name };
	const narrative = `${input.asOf ? uiText(words, 'currents.credential.narrativeAsOf', { ...said, date: translated ? dayText(input.asOf, words) : input.asOf }) : uiText(words, 'currents.credential.narrative', said)}\n\n${listed}`;
	return {
		'@context': [...CREDENTIAL_CONTEXTS],
		id: input.id ?? `urn:uuid:${crypto.randomUUID()}`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: input.track.certificate,
		issuer: issuerProfileRef(input.site, input.issuer),
		validFrom: xsdDateTime(input.issued),
		...(input.validUntil ? { validUntil: `${input.validUntil}T23:59:59Z` } : {}),
		awardedDate: `${input.awarded}T00:00:00Z`,
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.learner }],
			activityEndDate: `${input.awarded}T00:00:00Z`,
			achievement: {
				id: trackUrl,
				type: ['Achievement'],
				achievementType: 'CertificateOfCompletion',
				name: input.track.certificate,
				description: input.track.summary,
				criteria: { id: trackUrl, narrative },
				...(input.language ? { inLanguage: languageTag(input.language.code) } : {}),
				...(translated ? { related: [{ id: originalUrl, type: ['Related'], inLanguage: languageTag(translated.original!) }] } : {}),
				creator: { id: new URL('/', input.site).href, type: ['Profile'], name: input.curriculum, url: new URL('/', input.site).href },
			},
		},
		credentialStatus: { id: revocationListUrl(input.site, input.issuer.id), type: REVOCATION_LIST_STATUS },
		evidence: input.modules.map((module) => ({
			id: moduleVersionUrl(input.site, module.id, module.version),
			type: ['Evidence'],
			name: module.title,
			description: uiText(words, 'currents.credential.version', { version: module.version }),
			genre: 'Module',
		})),
	};
}

/** A language tag as Open Badges writes one, `fi` or `pt-BR`: the config may write a region in lower case. */
function languageTag(code: string): string {
	return Intl.getCanonicalLocales(code)[0] ?? code;
}
