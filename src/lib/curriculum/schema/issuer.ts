import { z } from 'zod';
import { MULTIKEY_PATTERN } from '../../credentials/multikey.ts';
import { httpUrl, isoDate, plainLine, plainText } from './common.ts';

/** One public key of an issuer, as `npm run certificate -- keygen` writes it. */
export const issuerKeySchema = z.strictObject({
	/**
	 * The Ed25519 public key as a Multikey: `z6Mk` and 44 more characters. Certificates signed with
	 * the matching private key verify on this site; remove a key whose private key has leaked, and
	 * every certificate it signed stops verifying.
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
export const issuerSchema = z.strictObject({
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
});

export type IssuerInput = z.input<typeof issuerSchema>;
export type IssuerData = z.output<typeof issuerSchema>;
export type IssuerKey = z.output<typeof issuerKeySchema>;
