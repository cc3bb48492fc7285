/**
 * A curriculum with a certificate issuer, for the verify page's browser tests: a copy of the
 * valid-course fixture (https://steeped.example.org, track tea-foundations with water-temperature
 * 1.0.0, brewing-basics 2.1.0 and serving 1.0.1) with one issuer, Kyoto Tea Institute, added as
 * `npm run certificate -- keygen` adds one, and what it takes to sign its certificates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issuance } from '../../src/lib/credentials/issue.ts';
import { generateIssuerKey, newIssuerYaml } from '../../src/lib/credentials/keys.ts';
import { verificationMethodId } from '../../src/lib/credentials/profile.ts';
import { copyFixture, TODAY } from '../utils.ts';

export const SITE = 'https://steeped.example.org';

/** A signing key from an Ed25519 key pair's private JWK, as the certificate tool imports it. */
export const signer = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);

/** The content folder, with the issuer's file in it, and an issuance its certificates are signed with. */
export async function curriculumWithIssuer(change: (content: string) => void = () => {}): Promise<{ content: string; issuance: Issuance }> {
	const content = copyFixture('valid-course');
	change(content);
	const { publicKeyMultibase, jwk } = await generateIssuerKey();
	mkdirSync(join(content, 'issuers'));
	writeFileSync(join(content, 'issuers', 'kyoto-tea.yaml'), newIssuerYaml({ name: 'Kyoto Tea Institute', url: 'https://tea.example.edu' }, { publicKeyMultibase, created: TODAY }));
	const issuer = { id: 'kyoto-tea', file: 'issuers/kyoto-tea.yaml', name: 'Kyoto Tea Institute', url: 'https://tea.example.edu', keys: [{ publicKeyMultibase, created: TODAY }] };
	const privateKey = await signer(jwk);
	const issuance: Issuance = {
		site: SITE,
		curriculum: 'Steeped',
		locale: 'en',
		issuer,
		track: { id: 'tea-foundations', title: 'Tea foundations', summary: 'From boiling water to a pot worth sharing.', certificate: 'Tea Foundations', passMark: 75 },
		modules: [
			{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' },
			{ id: 'brewing-basics', title: 'Brewing basics', version: '2.1.0' },
			{ id: 'serving', title: 'Serving', version: '1.0.1' },
		],
		signer: { privateKey, verificationMethod: verificationMethodId(SITE, 'kyoto-tea', publicKeyMultibase) },
	};
	return { content, issuance };
}
