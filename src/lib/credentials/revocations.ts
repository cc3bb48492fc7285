/**
 * Revoking one certificate, in Node: which credential a certificate file holds, and the issuer's
 * profile with one more entry under `revoked`, its comments and everything else kept as written.
 * What the site publishes from that list is in `profile.ts`; how the verify page reads it, in `verify.ts`.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { BakedPngError, isPng, readBakedCredential } from './baked-png.ts';
import { isObject } from './data-integrity.ts';
import type { Revocation } from './profile.ts';
import { issuerIdOf } from './verify.ts';

/** A problem with the certificate or the profile, worded for the issuer at the command line. */
export class RevocationError extends Error {
	override name = 'RevocationError';
}

/** What a certificate file says of itself that revoking needs: its credential's id and its issuer's id, as written. */
export interface CredentialNames {
	id?: string;
	issuer?: string;
}

/**
 * The id and issuer of the credential in a certificate file: the `.json` beside the image, or the PNG
 * with the credential baked in. `file` names it in messages; `inflate` undoes a compressed chunk.
 * Nothing is verified here: the issuer revokes what it issued, and a file it did not issue is told
 * apart by its issuer's id.
 */
export async function credentialNamesIn(bytes: Uint8Array, file: string, inflate: (data: Uint8Array) => Promise<Uint8Array>): Promise<CredentialNames> {
	let text: string | null;
	try {
		text = isPng(bytes) ? await readBakedCredential(bytes, inflate) : new TextDecoder().decode(bytes);
	} catch (error) {
		if (error instanceof BakedPngError) throw new RevocationError(`${file}: ${error.message}`);
		throw error;
	}
	if (text === null) {
		throw new RevocationError(`${file} is an image with no credential inside, so it names no certificate to revoke. Give the .json file issued beside it, or --id with the credential's id.`);
	}
	let credential: unknown;
	try {
		credential = JSON.parse(text.trim());
	} catch {
		throw new RevocationError(`${file} is neither a certificate's PNG nor its .json credential (the text is not JSON). Give the file \`npm run certificate -- issue\` wrote.`);
	}
	if (!isObject(credential)) throw new RevocationError(`${file} holds JSON, but not a credential. Give the file \`npm run certificate -- issue\` wrote.`);
	return { id: typeof credential.id === 'string' ? credential.id : undefined, issuer: issuerIdOf(credential) };
}

/** The profile's YAML with one more revoked certificate at the end of `revoked`, comments and everything else kept. */
export function addRevocationToYaml(source: string, entry: Revocation): string {
	const doc = parseDocument(source);
	if (!isMap(doc.contents)) throw new RevocationError('The issuer profile is not a YAML mapping, so nothing could be added to it. Fix it first: `npm run check` says what is wrong.');
	const list = doc.get('revoked');
	if (list !== undefined && list !== null && !isSeq(list)) {
		throw new RevocationError('The issuer profile’s `revoked` is not a list, so nothing could be added to it. Fix it first: `npm run check` says what is wrong.');
	}
	const node = doc.createNode({ id: entry.id, date: entry.date, ...(entry.reason ? { reason: entry.reason } : {}) });
	// A profile without the field, or with `revoked:` left empty (which reads as null), gets a new list.
	if (isSeq(list)) list.add(node);
	else doc.set('revoked', doc.createNode([node]));
	return doc.toString({ lineWidth: 0 });
}
