/**
 * The `eddsa-rdfc-2022` Data Integrity proof (W3C vc-di-eddsa), the proof Open Badges 3.0 names for
 * credentials that carry their signature inside them.
 *
 * Why this proof and not a VC-JWT: Open Badges 3.0 allows both, but for a JWT it makes RS256 the one
 * algorithm every verifier must support and says other algorithms "limit interoperability", while
 * for an embedded proof it requires exactly this Ed25519 suite. A credential signed so stays a JSON
 * document: the `.json` file beside the certificate, the text baked into the PNG and what a learner
 * pastes are the same signed object, which the JSON Schema validates as it is and which wallets and
 * verifiers elsewhere read without unwrapping a token. The cost is RDF canonicalization: jsonld.js
 * with rdf-canonize, about 35 KB gzip, loaded by the verify page only when someone checks a credential.
 *
 * Signing canonicalizes the credential and the proof options (RDFC-1.0) with the vendored contexts,
 * hashes each with SHA-256, and signs the two hashes, proof options first. Verifying repeats the
 * same steps on what it is given. Web Crypto does the hashing and Ed25519 in Node and in browsers.
 */
import jsonld from 'jsonld';
import { documentLoader } from './contexts.ts';
import { multibaseDecode, multibaseEncode } from './multikey.ts';
import { refusalText, type Refusal } from './refusal.ts';

export const PROOF_TYPE = 'DataIntegrityProof';
export const CRYPTOSUITE = 'eddsa-rdfc-2022';

export interface DataIntegrityProof {
	type: typeof PROOF_TYPE;
	cryptosuite: typeof CRYPTOSUITE;
	/** When the proof was made, `YYYY-MM-DDThh:mm:ssZ`. */
	created: string;
	/** The key that signed, as `<issuer profile>#<publicKeyMultibase>`. */
	verificationMethod: string;
	proofPurpose: 'assertionMethod';
	/** The Ed25519 signature, multibase base58btc. */
	proofValue: string;
}

export type JsonObject = Record<string, unknown>;

/** The N-Quads of a JSON-LD document, canonicalized; a term no context defines is an error, never dropped. */
export function canonize(document: JsonObject): Promise<string> {
	return jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true, base: null });
}

async function sha256(text: string): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** What the signature covers: the hash of the proof options, then the hash of the credential without its proof. */
async function hashData(unsecured: JsonObject, options: Omit<DataIntegrityProof, 'proofValue'>): Promise<Uint8Array<ArrayBuffer>> {
	const [proofHash, documentHash] = await Promise.all([sha256(await canonize({ '@context': unsecured['@context'], ...options })), sha256(await canonize(unsecured))]);
	const data = new Uint8Array(proofHash.length + documentHash.length);
	data.set(proofHash, 0);
	data.set(documentHash, proofHash.length);
	return data;
}

/** A time as Data Integrity writes it: to the second, in UTC. */
export function xsdDateTime(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The credential with an `eddsa-rdfc-2022` proof added, signed with an Ed25519 private key. */
export async function addProof<T extends JsonObject>(
	credential: T,
	key: { privateKey: CryptoKey; verificationMethod: string; created?: Date }
): Promise<T & { proof: DataIntegrityProof }> {
	if ('proof' in credential) throw new Error('The credential already has a proof; sign the unsigned credential.');
	const options = {
		type: PROOF_TYPE,
		cryptosuite: CRYPTOSUITE,
		created: xsdDateTime(key.created ?? new Date()),
		verificationMethod: key.verificationMethod,
		proofPurpose: 'assertionMethod',
	} as const;
	const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.privateKey, await hashData(credential, options)));
	return { ...credential, proof: { ...options, proofValue: multibaseEncode(signature) } };
}

/** Why a proof does not hold, in words for the person checking the credential. */
export class ProofError extends Error {
	override name = 'ProofError';
	readonly refusal: Refusal;
	constructor(refusal: Refusal) {
		super(refusalText(refusal));
		this.refusal = refusal;
	}
}

/**
 * Checks the credential's proof against an Ed25519 public key: true when the signature covers the
 * credential exactly as given, false when anything it covers was changed. Throws a `ProofError` when
 * the proof is not one this suite can check at all.
 */
export async function verifyProof(credential: JsonObject, publicKey: Uint8Array): Promise<boolean> {
	const { proof, ...unsecured } = credential;
	if (!isObject(proof)) throw new ProofError({ key: 'reasonNoProof' });
	const { proofValue, ...options } = proof;
	if (options.type !== PROOF_TYPE || options.cryptosuite !== CRYPTOSUITE) {
		throw new ProofError({ key: 'reasonSuite', values: { suite: String(options.cryptosuite ?? options.type), expected: CRYPTOSUITE } });
	}
	if ('@context' in options) throw new ProofError({ key: 'reasonProofContext' });
	const signature = typeof proofValue === 'string' ? multibaseDecode(proofValue) : null;
	if (!signature || signature.length !== 64) throw new ProofError({ key: 'reasonProofValue' });
	const key = await crypto.subtle.importKey('raw', Uint8Array.from(publicKey), { name: 'Ed25519' }, false, ['verify']);
	const data = await hashData(unsecured, options as Omit<DataIntegrityProof, 'proofValue'>);
	return crypto.subtle.verify('Ed25519', key, Uint8Array.from(signature), data);
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
