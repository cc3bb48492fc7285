/**
 * Verifying a certificate's credential against the issuers this site lists, the same in the browser
 * (the `/verify/` page) and in Node (the command line and the tests). A credential is accepted only
 * when it is an Open Badges credential, an issuer this site lists signed it with one of that
 * issuer's published keys, nothing the signature covers was changed, the issuer has not revoked it,
 * and it is within its dates. Every refusal says why, in words for the person checking.
 */
import { isObject, ProofError, verifyProof, type JsonObject } from './data-integrity.ts';
import { publicKeyFromMultibase } from './multikey.ts';
import type { Revocation, TrustedIssuer } from './profile.ts';
import { refusalText, type Refusal } from './refusal.ts';

/** Why a credential was refused, for tests and for the page to style. */
export type RefusalCode = 'unreadable' | 'not-a-credential' | 'unsupported-proof' | 'unknown-issuer' | 'unknown-key' | 'tampered' | 'revoked' | 'expired' | 'not-yet-valid';

/** What a verified credential says, for the page to show. */
export interface CredentialSummary {
	learner: string;
	/** The certificate's title (the achievement's name). */
	title: string;
	/** The language the achievement's name is written in (its `inLanguage`), such as `fi`, when the credential says. */
	language?: string;
	/** The track's address on the curriculum's site. */
	trackUrl?: string;
	/** The curriculum that offers the track. */
	curriculum?: string;
	/** The modules completed: title, "Version 1.2.0", and the address of that version. */
	modules: { name: string; description: string; url?: string }[];
	/** The day the track was completed, `YYYY-MM-DD`. */
	awarded: string;
	/** When it was signed, `YYYY-MM-DDThh:mm:ssZ`. */
	issued: string;
	/** When it stops being valid, if ever. */
	validUntil?: string;
	/** The issuer as this site lists it. */
	issuer: { id: string; name: string; url: string };
}

export type Verdict =
	| { ok: true; summary: CredentialSummary }
	/** `summary` is given only when the signature holds, so that nothing a forger wrote is shown as fact. */
	| { ok: false; code: RefusalCode; refusal: Refusal; reason: string; summary?: CredentialSummary };

export interface VerifyOptions {
	/** The issuers this site lists; any other issuer is refused. */
	issuers: readonly TrustedIssuer[];
	/** The site's issuers page, named when an issuer is unknown. */
	issuersPage: string;
	/** The time to judge the dates by. @default now */
	now?: Date;
	/** Locale for dates in messages. @default "en" */
	locale?: string;
}

/** A refusal: its code, its words (`refusal.ts`) and, only once the signature holds, what the credential says. */
export const refuse = (code: RefusalCode, refusal: Refusal, summary?: CredentialSummary): Verdict => ({ ok: false, code, refusal, reason: refusalText(refusal), summary });

/** Reads credential text (JSON) and verifies it. */
export async function verifyCredentialText(text: string, options: VerifyOptions): Promise<Verdict> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.trim());
	} catch {
		const looksLikeJwt = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(text.trim());
		return refuse('unreadable', { key: looksLikeJwt ? 'reasonJwt' : 'reasonNotJson' });
	}
	return verifyCredential(parsed, options);
}

/** Verifies a parsed credential. */
export async function verifyCredential(credential: unknown, options: VerifyOptions): Promise<Verdict> {
	const now = options.now ?? new Date();
	const formatDate = (iso: string) => new Intl.DateTimeFormat(options.locale ?? 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
	if (!isObject(credential) || !hasType(credential.type, 'VerifiableCredential') || !(hasType(credential.type, 'OpenBadgeCredential') || hasType(credential.type, 'AchievementCredential'))) {
		return refuse('not-a-credential', { key: 'reasonNotOpenBadges' });
	}

	// Who says they signed it, and is that an issuer this site lists, with a key it publishes?
	const issuerId = issuerIdOf(credential);
	const claimedName = isObject(credential.issuer) && typeof credential.issuer.name === 'string' ? credential.issuer.name : undefined;
	const issuer = options.issuers.find((candidate) => candidate.id === issuerId);
	if (!issuer) {
		const who = claimedName ? `“${claimedName}”${issuerId ? ` (${issuerId})` : ''}` : issuerId;
		const page = options.issuersPage;
		return refuse('unknown-issuer', who === undefined ? { key: 'reasonUnnamedIssuer', values: { page } } : { key: 'reasonUnknownIssuer', values: { who, page } });
	}
	const proof = credential.proof;
	if (!isObject(proof)) return refuse('unsupported-proof', { key: 'reasonNoProof' });
	if (proof.proofPurpose !== 'assertionMethod') return refuse('unsupported-proof', { key: 'reasonNotAssertion' });
	const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
	if (!issuer.keys.includes(method)) {
		return refuse('unknown-key', { key: 'reasonUnknownKey', values: { issuer: issuer.name } });
	}
	const publicKey = publicKeyFromMultibase(method.slice(method.lastIndexOf('/') + 1).replace(/\.json$/, ''));
	if (!publicKey) return refuse('unknown-key', { key: 'reasonNotEd25519', values: { key: method } });

	// The signature: any change to what it covers, or any field it could not cover, fails here.
	let valid: boolean;
	try {
		valid = await verifyProof(credential, publicKey);
	} catch (error) {
		if (error instanceof ProofError) return refuse('unsupported-proof', error.refusal);
		return refuse('tampered', canonicalizationRefusal(error));
	}
	if (!valid) {
		return refuse('tampered', { key: 'reasonTampered', values: { issuer: issuer.name } });
	}

	// Only now is what it says known to be the issuer's. The same statements can be written in other
	// JSON-LD forms that the signature cannot tell apart (`"hashed": "false"`, a name as an `@value`
	// object, a term as a full IRI); the summary reads the form this site's issuers write, and a
	// credential whose learner or title it cannot read is not shown as verified without them.
	const summary = summarize(credential, issuer);
	if (!readable(credential)) return refuse('not-a-credential', { key: 'reasonNotAsIssued', values: { issuer: issuer.name } });
	// The issuer's own word that it withdrew this certificate outweighs its dates. The list is looked up by
	// the signed id, so that a credential issued before credentials named their status is found too.
	const revocation = revocationOf(credential, issuer);
	if (revocation) {
		const values = { issuer: issuer.name, date: formatDate(`${revocation.date}T00:00:00Z`), ...(revocation.reason ? { reason: revocation.reason } : {}) };
		// The reason is the issuer's own words, in the language its profile is written in.
		const languages = revocation.reason && issuer.lang ? { languages: { reason: issuer.lang } } : {};
		return refuse('revoked', { key: revocation.reason ? 'reasonRevokedBecause' : 'reasonRevoked', values, ...languages }, summary);
	}
	const validFrom = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : Number.NaN;
	if (Number.isNaN(validFrom)) return refuse('not-a-credential', { key: 'reasonNoValidFrom' });
	if (validFrom > now.getTime()) return refuse('not-yet-valid', { key: 'reasonNotYetValid', values: { date: formatDate(credential.validFrom as string) } }, summary);
	if (summary.validUntil && Date.parse(summary.validUntil) < now.getTime()) {
		return refuse('expired', { key: 'reasonExpired', values: { date: formatDate(summary.validUntil), issuer: issuer.name } }, summary);
	}
	return { ok: true, summary };
}

/** The issuer a credential names, by its id (the `issuer` itself, or its `id`), or undefined when it names none. */
export function issuerIdOf(credential: JsonObject): string | undefined {
	return typeof credential.issuer === 'string' ? credential.issuer : isObject(credential.issuer) && typeof credential.issuer.id === 'string' ? credential.issuer.id : undefined;
}

/** The issuer's revocation of this credential, by its id (UUIDs compare without regard to case), or undefined. */
export function revocationOf(credential: JsonObject, issuer: TrustedIssuer): Revocation | undefined {
	const id = typeof credential.id === 'string' ? credential.id.trim().toLowerCase() : undefined;
	return id === undefined ? undefined : issuer.revoked?.find((entry) => entry.id.toLowerCase() === id);
}

function hasType(type: unknown, name: string): boolean {
	return type === name || (Array.isArray(type) && type.includes(name));
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The learner's name entry: the one named, unhashed identifier this site's credentials carry. */
function nameEntry(subject: JsonObject): JsonObject | undefined {
	const entry = asList(subject.identifier).find((candidate) => isObject(candidate) && candidate.identityType === 'name' && candidate.hashed === false);
	return isObject(entry) ? entry : undefined;
}

/** Whether the learner's name and the achievement's name are there as this site's credentials write them. */
function readable(credential: JsonObject): boolean {
	const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
	const achievement = isObject(subject.achievement) ? subject.achievement : {};
	// The id is what a revocation names: written as `@id`, or under a term an added context makes an alias
	// of it, it signs the same, and a revoked certificate would no longer be found in its issuer's list.
	const id = typeof credential.id === 'string' && !('@id' in credential);
	return id && Boolean(text(nameEntry(subject)?.identityHash)?.trim()) && Boolean(text(achievement.name)?.trim());
}

/** What the credential says, read from the fields this site's credentials use (see credential.ts). */
export function summarize(credential: JsonObject, issuer: TrustedIssuer): CredentialSummary {
	const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
	const achievement = isObject(subject.achievement) ? subject.achievement : {};
	const creator = isObject(achievement.creator) ? achievement.creator : {};
	const learner = text(nameEntry(subject)?.identityHash) ?? '';
	const awarded = text(credential.awardedDate) ?? text(subject.activityEndDate) ?? text(credential.validFrom) ?? '';
	return {
		learner: learner || 'not named in the credential',
		title: text(achievement.name) ?? text(credential.name) ?? 'Untitled achievement',
		...(text(achievement.inLanguage) ? { language: text(achievement.inLanguage) } : {}),
		trackUrl: text(achievement.id),
		curriculum: text(creator.name),
		modules: asList(credential.evidence)
			.filter(isObject)
			.map((evidence) => ({ name: text(evidence.name) ?? 'Unnamed module', description: text(evidence.description) ?? '', url: text(evidence.id) })),
		awarded: awarded.slice(0, 10),
		issued: text(credential.validFrom) ?? '',
		validUntil: text(credential.validUntil),
		issuer: { id: issuer.id, name: issuer.name, url: issuer.url },
	};
}

/** jsonld.js's errors in plain words: a field no vocabulary defines, or a context this site does not hold. */
function canonicalizationRefusal(error: unknown): Refusal {
	const details = (error as { details?: { event?: { details?: { property?: string } } } }).details;
	const property = details?.event?.details?.property;
	if (property) return { key: 'reasonUnknownField', values: { field: property } };
	const message = error instanceof Error ? error.message : String(error);
	// The JSON-LD library's own words, which are English on every page.
	return { key: 'reasonCannotCheck', values: { detail: message.endsWith('.') ? message : `${message}.` }, languages: { detail: 'en' } };
}
