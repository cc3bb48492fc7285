/**
 * Issuer profiles as the site publishes them and as the verify page trusts them. Pure data work,
 * the same at build time and in the browser.
 *
 * An issuer's id is the address of its published profile, `<site>/issuers/<id>.json`. Each of its
 * keys has an address of its own, `<site>/issuers/<id>/keys/<publicKeyMultibase>.json`, which serves
 * the Multikey and names the profile as its controller; the profile, a controller document, lists the
 * keys as its assertion methods. A verifier elsewhere that fetches a proof's `verificationMethod`
 * gets the key itself, without having to pick a fragment out of a larger document, and confirms with
 * the profile that the issuer vouches for it.
 */
import { CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT } from './contexts.ts';

/** Where issuer profiles are kept in the content folder and published on the site. */
export const ISSUERS_FOLDER = 'issuers';

/** An issuer as the content folder describes it (see `src/lib/curriculum/schema/issuer.ts`). */
export interface IssuerRecord {
	/** The file name without `.yaml`. */
	id: string;
	name: string;
	url: string;
	email?: string;
	description?: string;
	keys: readonly { publicKeyMultibase: string; created: string }[];
	/** The certificates it has revoked; none when absent. */
	revoked?: readonly Revocation[];
}

/** One revoked certificate: its credential's `id`, the day, and the issuer's reason when it gave one. */
export interface Revocation {
	id: string;
	date: string;
	reason?: string;
}

/** What the verify page knows of an issuer this site lists: enough to check a proof and name who signed. */
export interface TrustedIssuer {
	/** The issuer's id in credentials: its profile's address. */
	id: string;
	name: string;
	url: string;
	/** The ids of its keys (see `verificationMethodId`), each ending in the key's `publicKeyMultibase`. */
	keys: string[];
	/** The certificates it has revoked, looked up by credential id whatever the credential says of its status. */
	revoked?: Revocation[];
	/** The language its profile and its reasons for revoking are written in: the curriculum's original language. */
	lang?: string;
}

/** The address of an issuer's published profile, which is also its id in every credential it signs. */
export function issuerProfileUrl(site: string, issuer: string): string {
	return new URL(`/${ISSUERS_FOLDER}/${issuer}.json`, site).href;
}

/** The id of one of an issuer's keys, which is also where its Multikey document is published. */
export function verificationMethodId(site: string, issuer: string, publicKeyMultibase: string): string {
	return new URL(`/${ISSUERS_FOLDER}/${issuer}/keys/${publicKeyMultibase}.json`, site).href;
}

/**
 * The address of an issuer's revocation list, which every credential it signs names as its
 * `credentialStatus` (1EdTech Revocation List Status Method).
 */
export function revocationListUrl(site: string, issuer: string): string {
	return new URL(`/${ISSUERS_FOLDER}/${issuer}/revocations.json`, site).href;
}

/** The status method a credential names to point verifiers at its issuer's revocation list. */
export const REVOCATION_LIST_STATUS = '1EdTechRevocationList';

/**
 * The published revocation list, in the 1EdTech Revocation List Status Method's form: the list's own
 * address (the `credentialStatus.id` of the issuer's credentials), the issuer's id, and an entry for
 * each revoked credential, marked `revoked` as the method's implementations write it, with the
 * issuer's reason when it gave one. The day stays in the profile, where the verify page reads it. An
 * issuer with none publishes an empty list, so that the address every credential names always answers.
 */
export function revocationListDocument(site: string, issuer: IssuerRecord): Record<string, unknown> {
	return {
		id: revocationListUrl(site, issuer.id),
		issuer: issuerProfileUrl(site, issuer.id),
		revokedCredentials: (issuer.revoked ?? []).map((entry) => ({ id: entry.id, revoked: true, ...(entry.reason ? { revocationReason: entry.reason } : {}) })),
	};
}

export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

/** The published document of one key: the Multikey with its controller, the issuer's profile. */
export function keyDocument(site: string, issuer: string, publicKeyMultibase: string): Record<string, unknown> {
	return {
		'@context': MULTIKEY_CONTEXT,
		id: verificationMethodId(site, issuer, publicKeyMultibase),
		type: 'Multikey',
		controller: issuerProfileUrl(site, issuer),
		publicKeyMultibase,
	};
}

/**
 * The list the verify page trusts, in the order given; with `lang`, the language the issuers' profiles
 * are written in (the curriculum's original), so that a page in another language can mark their words.
 */
export function trustedIssuers(site: string, issuers: readonly IssuerRecord[], lang?: string): TrustedIssuer[] {
	return issuers.map((issuer) => ({
		id: issuerProfileUrl(site, issuer.id),
		name: issuer.name,
		url: issuer.url,
		keys: issuer.keys.map((key) => verificationMethodId(site, issuer.id, key.publicKeyMultibase)),
		revoked: (issuer.revoked ?? []).map((entry) => ({ id: entry.id, date: entry.date, ...(entry.reason ? { reason: entry.reason } : {}) })),
		...(lang ? { lang } : {}),
	}));
}

/** The issuer as a credential's `issuer` property: an Open Badges Profile. */
export function issuerProfileRef(site: string, issuer: IssuerRecord): Record<string, unknown> {
	return {
		id: issuerProfileUrl(site, issuer.id),
		type: ['Profile'],
		name: issuer.name,
		url: issuer.url,
		...(issuer.email ? { email: issuer.email } : {}),
	};
}

/**
 * The published profile, `/issuers/<id>.json`: the Open Badges Profile with the issuer's keys. The DID
 * context comes first and defines `verificationMethod` and `assertionMethod`, as in DID documents, so
 * that verifiers read it as a controller document without reframing it; the Multikey context
 * defines the keys.
 */
export function issuerProfileDocument(site: string, issuer: IssuerRecord): Record<string, unknown> {
	return {
		'@context': [DID_CONTEXT, CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT, MULTIKEY_CONTEXT],
		...issuerProfileRef(site, issuer),
		...(issuer.description ? { description: issuer.description } : {}),
		verificationMethod: issuer.keys.map((key) => {
			const { '@context': _, ...method } = keyDocument(site, issuer.id, key.publicKeyMultibase);
			return method;
		}),
		assertionMethod: issuer.keys.map((key) => verificationMethodId(site, issuer.id, key.publicKeyMultibase)),
	};
}
