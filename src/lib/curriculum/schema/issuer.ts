import { z } from 'zod';
import { MULTIKEY_PATTERN } from '../../credentials/multikey.ts';
import { httpUrl, isoDate, plainLine, plainText } from './common.ts';

/**
 * A credential's id as this site's issuers write it: `urn:uuid:` and a UUID. UUIDs are the same in
 * upper and lower case, so either is accepted; the schema keeps the lower case the signer writes.
 */
export const CREDENTIAL_ID_PATTERN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One certificate the issuer has revoked, as `npm run certificate -- revoke` writes it. */
export const revokedCredentialSchema = z.strictObject({
	/**
	 * The revoked credential's `id`, the first field of its `.json` file (and of the credential baked
	 * into its PNG). Only that one certificate stops verifying; the issuer's other certificates and keys
	 * are untouched.
	 * @example "urn:uuid:3f1c2a9e-8b4d-4e6f-9a1b-2c3d4e5f6a7b"
	 */
	id: z
		.string()
		.refine((id) => CREDENTIAL_ID_PATTERN.test(id), {
			error: (issue) => `${JSON.stringify(issue.input)} is not a credential id: the credentials this site's issuers sign are named "urn:uuid:" followed by 36 letters, digits and hyphens.`,
			params: { fix: 'Copy the "id" at the top of the certificate\'s .json file, or let `npm run certificate -- revoke --credential <file>` read it from the certificate and write the entry.' },
		})
		.transform((id) => id.toLowerCase()),
	/**
	 * The day the issuer revoked it, `YYYY-MM-DD`: the verify page shows it, and it cannot be after today.
	 * @example 2026-12-01
	 */
	date: isoDate,
	/**
	 * Why, in a sentence of plain text, shown on the verify page to whoever checks the certificate. Leave
	 * it out when the reason should stay private; the page then says only that and when it was revoked.
	 * @example "Issued in error to the wrong learner; a corrected certificate was sent."
	 */
	reason: plainLine('A reason, when given, says why in words; leave `reason` out to give none.').optional(),
});

/**
 * The same credential revoked twice, in the raw data: one entry each is enough, and two could give two
 * days. Run by the schema, and by the content check on a file whose other fields failed.
 */
export function revocationRules(raw: unknown): z.core.$ZodIssue[] {
	const list = typeof raw === 'object' && raw !== null ? (raw as { revoked?: unknown }).revoked : undefined;
	if (!Array.isArray(list)) return [];
	const first = new Map<string, number>();
	const issues: z.core.$ZodIssue[] = [];
	list.forEach((entry, index) => {
		const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
		if (typeof id !== 'string' || !CREDENTIAL_ID_PATTERN.test(id.trim())) return;
		const key = id.trim().toLowerCase();
		const earlier = first.get(key);
		if (earlier === undefined) {
			first.set(key, index);
			return;
		}
		issues.push({
			code: 'custom',
			path: ['revoked', index, 'id'],
			message: `${key} is revoked twice, in entries ${earlier + 1} and ${index + 1} of \`revoked\`.`,
			params: { rule: 'duplicate-id', fix: `Keep one entry for it, with the day it was first revoked, and delete entry ${index + 1}.` },
			input: id,
		} as z.core.$ZodIssue);
	});
	return issues;
}

/** One public key of an issuer, as `npm run certificate -- keygen` writes it. */
export const issuerKeySchema = z.strictObject({
	/**
	 * The Ed25519 public key as a Multikey: `z6Mk` and 44 more characters. Certificates signed with
	 * the matching private key verify on this site; remove a key whose private key has leaked, and
	 * every certificate it signed stops verifying. To stop one certificate alone, revoke it (`revoked`).
	 * @example "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
	 */
	publicKeyMultibase: z.string().regex(MULTIKEY_PATTERN, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not an Ed25519 public key in Multikey form (z6Mk and 44 more letters and digits). Copy the line that \`npm run certificate -- keygen\` wrote, unchanged.`,
	}),
	/** The day the key was made. @example 2026-11-23 */
	created: isoDate,
});

/**
 * An issuer: an institution or trainer that signs certificates for this curriculum's tracks. One YAML
 * file in `issuers/`, written by `npm run certificate -- keygen`; its id is the file name. The site
 * publishes it at `/issuers/<id>.json`, and the verify page trusts the keys of these issuers only, so
 * adding or changing one needs a maintainer's review.
 */
export const issuerFields = z.strictObject({
	/** The issuer's name as certificates print it. @example "Kyoto Tea Institute" */
	name: plainLine('An issuer needs a name.'),
	/** The issuer's own web site, where a reader can find out who they are. @example "https://tea.example.edu" */
	url: httpUrl,
	/** An address for questions about the certificates it issued. @example "certificates@tea.example.edu" */
	email: z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not an email address, like "certificates@example.edu".` }).optional(),
	/** Who the issuer is, in a sentence or two. */
	description: plainText().optional(),
	/** The issuer's public keys, newest last: certificates signed with any of them verify. */
	keys: z.array(issuerKeySchema).min(1, 'An issuer needs at least one public key; `npm run certificate -- keygen` adds one.'),
	/**
	 * Certificates the issuer has revoked, one entry each, as `npm run certificate -- revoke` adds them:
	 * each stops verifying, and the verify page says when and why. The site publishes the list at
	 * `/issuers/<id>/revocations.json`, which every credential the issuer signs names as its status.
	 * @default []
	 */
	// `revoked:` with nothing after it reads as null in YAML: an issuer who opened the list and has yet to fill it has none revoked.
	revoked: z.preprocess((list) => list ?? [], z.array(revokedCredentialSchema)),
});

/** An issuer profile with the rules across its entries: no credential revoked twice. */
export const issuerSchema = issuerFields.superRefine((issuer, ctx) => {
	for (const issue of revocationRules(issuer)) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
});

export type IssuerInput = z.input<typeof issuerSchema>;
export type IssuerData = z.output<typeof issuerSchema>;
export type IssuerKey = z.output<typeof issuerKeySchema>;
export type RevokedCredential = z.output<typeof revokedCredentialSchema>;
