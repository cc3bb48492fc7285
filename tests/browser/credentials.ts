/**
 * A certificate issuer, Kyoto Tea Institute, added to a copy of the valid-course fixture
 * (https://steeped.example.org, track tea-foundations with water-temperature 1.0.0, brewing-basics
 * 2.1.0 and serving 1.0.1) as `npm run certificate -- keygen` adds one, and what it takes to sign its
 * certificates: for the verify page's browser tests, on the shared bilingual fixture (tea-bilingual.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Issuance } from '../../src/lib/credentials/issue.ts';
import { generateIssuerKey, newIssuerYaml, type PrivateJwk } from '../../src/lib/credentials/keys.ts';
import { verificationMethodId } from '../../src/lib/credentials/profile.ts';
import { TODAY } from '../utils.ts';

export const SITE = 'https://steeped.example.org';

/**
 * The certificate the issuer revoked in the shared bilingual fixture (tea-bilingual.ts), for the verify
 * page's tests: a credential signed with this id is refused as revoked.
 */
export const REVOKED = { id: 'urn:uuid:6c0a7b52-1d3e-4f85-9a2b-3c4d5e6f7a81', date: '2026-11-22', reason: 'Issued to the wrong learner.' } as const;

/** A signing key from an Ed25519 key pair's private JWK, as the certificate tool imports it. */
export const signer = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);

/** Where the issuer's key pair is kept: beside the content folder, not in it, as a real key is kept out of the site. */
const keyFile = (content: string) => join(dirname(content), 'kyoto-tea.key.json');

/** Adds the issuer's file to a content folder, and keeps its key pair beside the folder for `issuanceFor`. */
export async function addIssuer(content: string): Promise<void> {
	const { publicKeyMultibase, jwk } = await generateIssuerKey();
	mkdirSync(join(content, 'issuers'));
	writeFileSync(join(content, 'issuers', 'kyoto-tea.yaml'), newIssuerYaml({ name: 'Kyoto Tea Institute', url: 'https://tea.example.edu' }, { publicKeyMultibase, created: TODAY }));
	writeFileSync(keyFile(content), JSON.stringify({ publicKeyMultibase, jwk }));
}

/** What certificates of the track tea-foundations are signed with, by the issuer `addIssuer` added to the content folder. */
export async function issuanceFor(content: string): Promise<Issuance> {
	const { publicKeyMultibase, jwk } = JSON.parse(readFileSync(keyFile(content), 'utf8')) as { publicKeyMultibase: string; jwk: PrivateJwk };
	const issuer = { id: 'kyoto-tea', file: 'issuers/kyoto-tea.yaml', name: 'Kyoto Tea Institute', url: 'https://tea.example.edu', keys: [{ publicKeyMultibase, created: TODAY }] };
	return {
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
		moduleIds: ['water-temperature', 'brewing-basics', 'serving'],
		quizzes: ['water-temperature', 'brewing-basics', 'serving'],
		// The fixture's changelogs, for a certificate issued at the versions of an earlier day.
		history: [
			{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0', releases: [{ version: '1.0.0', date: '2020-01-10' }], archivedTitles: new Map() },
			{
				id: 'brewing-basics',
				title: 'Brewing basics',
				version: '2.1.0',
				releases: [
					{ version: '2.1.0', date: '2026-11-01' },
					{ version: '2.0.0', date: '2026-06-01' },
					{ version: '1.0.0', date: '2025-01-01' },
				],
				archivedTitles: new Map([[1, 'Brewing basics']]),
			},
			{
				id: 'serving',
				title: 'Serving',
				version: '1.0.1',
				releases: [
					{ version: '1.0.1', date: '2026-10-01' },
					{ version: '1.0.0', date: '2026-09-01' },
				],
				archivedTitles: new Map(),
			},
		],
		signer: { privateKey: await signer(jwk), verificationMethod: verificationMethodId(SITE, 'kyoto-tea', publicKeyMultibase) },
	};
}
