/**
 * Ed25519 public keys as Data Integrity writes them: a Multikey, the key's 32 bytes after the
 * two-byte multicodec header `0xed 0x01`, in base58btc with the multibase prefix `z`. An issuer
 * profile publishes its keys in this form and a proof names one in its `verificationMethod`.
 * Pure byte work, the same in Node and in browsers.
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_HEADER = [0xed, 0x01];

/** base58btc, the Bitcoin alphabet: leading zero bytes become leading "1"s. */
export function base58Encode(bytes: Uint8Array): string {
	let zeros = 0;
	while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
	// Base 256 to base 58, one input byte at a time, little-endian digits.
	const digits: number[] = [];
	for (let i = zeros; i < bytes.length; i++) {
		let carry = bytes[i]!;
		for (let j = 0; j < digits.length; j++) {
			carry += digits[j]! << 8;
			digits[j] = carry % 58;
			carry = Math.floor(carry / 58);
		}
		while (carry > 0) {
			digits.push(carry % 58);
			carry = Math.floor(carry / 58);
		}
	}
	return '1'.repeat(zeros) + digits.reverse().map((digit) => ALPHABET[digit]).join('');
}

/** The bytes of a base58btc string, or null when it holds a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
	let zeros = 0;
	while (zeros < text.length && text[zeros] === '1') zeros++;
	const bytes: number[] = [];
	for (let i = zeros; i < text.length; i++) {
		let carry = ALPHABET.indexOf(text[i]!);
		if (carry < 0) return null;
		for (let j = 0; j < bytes.length; j++) {
			carry += bytes[j]! * 58;
			bytes[j] = carry & 0xff;
			carry >>= 8;
		}
		while (carry > 0) {
			bytes.push(carry & 0xff);
			carry >>= 8;
		}
	}
	return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

/** `z` and base58btc: the multibase form of bytes that Data Integrity uses for keys and signatures. */
export function multibaseEncode(bytes: Uint8Array): string {
	return `z${base58Encode(bytes)}`;
}

/** The bytes of a `z…` multibase string, or null when it is not one. */
export function multibaseDecode(text: string): Uint8Array | null {
	return text.startsWith('z') ? base58Decode(text.slice(1)) : null;
}

/** A 32-byte Ed25519 public key as a Multikey `publicKeyMultibase` (it starts `z6Mk`). */
export function publicKeyMultibase(publicKey: Uint8Array): string {
	if (publicKey.length !== 32) throw new Error(`An Ed25519 public key has 32 bytes, not ${publicKey.length}.`);
	return multibaseEncode(Uint8Array.from([...ED25519_HEADER, ...publicKey]));
}

/** The 32 bytes of the Ed25519 key in a `publicKeyMultibase`, or null when it is not such a key. */
export function publicKeyFromMultibase(multibase: string): Uint8Array | null {
	const bytes = multibaseDecode(multibase);
	if (!bytes || bytes.length !== 34 || bytes[0] !== ED25519_HEADER[0] || bytes[1] !== ED25519_HEADER[1]) return null;
	return bytes.slice(2);
}

/** An Ed25519 Multikey as written in an issuer profile: `z6Mk` and 44 more base58 characters. */
export const MULTIKEY_PATTERN = /^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;

/** base64url without padding, as JSON Web Keys write key bytes. */
export function base64UrlEncode(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
