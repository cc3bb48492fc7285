/**
 * An issuer's key pair, in Node: made with Web Crypto, the private key kept as a JSON Web Key file
 * outside the content folder, the public key published in the issuer's profile in `issuers/`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { base64UrlDecode, publicKeyMultibase } from './multikey.ts';

/** A problem with a key or key file, worded for the instructor at the command line. */
export class KeyError extends Error {
	override name = 'KeyError';
}

/** The private key as a JSON Web Key: `d` is the secret; whoever holds this file can sign as the issuer. */
export interface PrivateJwk {
	kty: 'OKP';
	crv: 'Ed25519';
	x: string;
	d: string;
}

export async function generateIssuerKey(): Promise<{ publicKeyMultibase: string; jwk: PrivateJwk }> {
	const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
	const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return { publicKeyMultibase: publicKeyMultibase(raw), jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d! } };
}

/** The default place for an issuer's private key: `keys/<issuer>.private.jwk`, which `.gitignore` keeps out of git. */
export function defaultKeyPath(cwd: string, issuer: string): string {
	return resolve(cwd, 'keys', `${issuer}.private.jwk`);
}

/** Whether git would commit a file at this path: `ignored`, `committable`, or `no-repository` outside any git work tree. */
export function gitStatusOf(path: string): 'ignored' | 'committable' | 'no-repository' {
	const folder = existingParent(dirname(path));
	const result = spawnSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: folder, encoding: 'utf8' });
	if (result.error || result.status === 128) return 'no-repository';
	return result.status === 0 ? 'ignored' : 'committable';
}

function existingParent(path: string): string {
	let folder = path;
	while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
	return folder;
}

/**
 * Writes the private key where only its owner can read it. Refuses to replace a key (that would
 * make every certificate the old key signed unverifiable once its profile entry goes), to write
 * inside a folder that is published (`published`: each folder with the words that say why, such as
 * "the content folder, which is published with the site"), and to write where git would commit it.
 */
export function writePrivateKey(path: string, jwk: PrivateJwk, published: readonly { folder: string; is: string }[]): void {
	for (const { folder, is } of published) {
		const inside = relative(folder, path);
		if (inside.startsWith('..') || inside.startsWith(sep) || inside === '') continue;
		throw new KeyError(`${path} is inside ${is}. Keep the private key outside it, for example in keys/.`);
	}
	if (existsSync(path)) {
		throw new KeyError(`${path} already exists, and it may be the only copy of a key that certificates were signed with. Choose another file with --key-out, or move the old one away first.`);
	}
	if (gitStatusOf(path) === 'committable') {
		throw new KeyError(`git would commit ${path}, and a private key must never be committed. Write it under keys/ or name it <issuer>.private.jwk, which .gitignore keeps out, or choose a folder outside the repository.`);
	}
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	writeFileSync(path, `${JSON.stringify(jwk, null, '\t')}\n`, { flag: 'wx', mode: 0o600 });
}

/** Reads a private key file and returns the signing key with its public key, or a `KeyError` saying what is wrong. */
export async function readPrivateKey(path: string): Promise<{ privateKey: CryptoKey; publicKeyMultibase: string }> {
	if (!existsSync(path)) throw new KeyError(`There is no key file at ${path}. Give the file \`npm run certificate -- keygen\` wrote, such as keys/<issuer>.private.jwk.`);
	let jwk: Partial<PrivateJwk>;
	try {
		jwk = JSON.parse(readFileSync(path, 'utf8')) as Partial<PrivateJwk>;
	} catch {
		throw new KeyError(`${path} is not a key file: it is not JSON. Give the .private.jwk file that keygen wrote.`);
	}
	if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') {
		throw new KeyError(`${path} does not hold an Ed25519 private key (a JSON Web Key with "crv": "Ed25519" and a "d"). Give the .private.jwk file that keygen wrote.`);
	}
	try {
		const privateKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, { name: 'Ed25519' }, false, ['sign']);
		return { privateKey, publicKeyMultibase: publicKeyMultibase(base64UrlDecode(jwk.x)) };
	} catch {
		throw new KeyError(`The key in ${path} is damaged: its private and public parts do not belong together. Restore the file from your backup.`);
	}
}

/** A new issuer profile's YAML, with comments that tell a reviewer what it is. */
export function newIssuerYaml(issuer: { name: string; url: string; email?: string }, key: { publicKeyMultibase: string; created: string }): string {
	const doc = new Document({
		name: issuer.name,
		url: issuer.url,
		...(issuer.email ? { email: issuer.email } : {}),
		keys: [{ publicKeyMultibase: key.publicKeyMultibase, created: key.created }],
	});
	doc.commentBefore =
		' An issuer of signed certificates, written by `npm run certificate -- keygen`.\n The verify page trusts the keys listed here: a maintainer reviews every change to this file.';
	return doc.toString({ lineWidth: 0 });
}

/** The profile's YAML with one more key, comments and everything else kept. */
export function addKeyToYaml(source: string, key: { publicKeyMultibase: string; created: string }): string {
	const doc = parseDocument(source);
	if (!isMap(doc.contents)) throw new KeyError('The issuer profile is not a YAML mapping, so no key could be added. Fix it first: `npm run check` says what is wrong.');
	const keys = doc.get('keys');
	if (keys !== undefined && !isSeq(keys)) throw new KeyError('The issuer profile’s `keys` is not a list, so no key could be added. Fix it first: `npm run check` says what is wrong.');
	doc.addIn(['keys'], doc.createNode({ publicKeyMultibase: key.publicKeyMultibase, created: key.created }));
	return doc.toString({ lineWidth: 0 });
}
