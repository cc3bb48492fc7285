/**
 * The JSON-LD contexts a credential may name, served from the copies in `contexts/` and never
 * fetched: signing and verifying must not depend on the network, and a context fetched at
 * verification time could be swapped to change what a signature means.
 */
import type { RemoteDocument } from 'jsonld';
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import openBadgesV3 from './contexts/ob-v3p0-3.0.3.json' with { type: 'json' };
import openBadgesExtensions from './contexts/ob-v3p0-extensions.json' with { type: 'json' };

export const CREDENTIALS_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** The Open Badges extensions, which define the status type of the issuers' revocation lists (`1EdTechRevocationList`). */
export const OPEN_BADGES_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

/**
 * The `@context` of every credential this engine issues, in the order Open Badges 3.0 requires, then
 * the extensions its `credentialStatus` needs. Credentials issued before it carry the first two only,
 * and still verify.
 */
export const CREDENTIAL_CONTEXTS = [CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT, OPEN_BADGES_EXTENSIONS_CONTEXT] as const;

const DOCUMENTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
	[CREDENTIALS_CONTEXT, credentialsV2],
	[OPEN_BADGES_CONTEXT, openBadgesV3],
	[OPEN_BADGES_EXTENSIONS_CONTEXT, openBadgesExtensions],
]);

/** Thrown for a context this engine does not hold; the message names it for the person checking. */
export class UnknownContextError extends Error {
	override name = 'UnknownContextError';
}

/** A jsonld.js document loader that answers from the vendored contexts only. */
export async function documentLoader(url: string): Promise<RemoteDocument> {
	const document = DOCUMENTS.get(url);
	if (document === undefined) {
		throw new UnknownContextError(`The credential names the JSON-LD context ${url}, which this site does not know, so what it says cannot be checked.`);
	}
	// A copy, so that a processor that changes what it is given cannot change the next credential's context.
	return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
}
