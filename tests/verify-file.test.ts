import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakeCredential, markSelfAssessed } from '../src/lib/credentials/baked-png.ts';
import { buildCredential } from '../src/lib/credentials/credential.ts';
import { addProof, type JsonObject } from '../src/lib/credentials/data-integrity.ts';
import { publicKeyMultibase } from '../src/lib/credentials/multikey.ts';
import { trustedIssuers, verificationMethodId, type IssuerRecord } from '../src/lib/credentials/profile.ts';
import { verifyCredential, type Verdict } from '../src/lib/credentials/verify.ts';
import { otherFormat, verifyFileBytes } from '../src/lib/credentials/verify-file.ts';
import { en, fi } from '../src/lib/i18n/ui/verify.ts';
import { TODAY } from './utils.ts';

/**
 * What the verify page and `npm run certificate -- verify` say of a file, whatever it is: the
 * certificate as issued, a self-assessed one, a screenshot or print of one, or a credential rewritten
 * in a form its signature cannot tell from the original.
 */
const SITE = 'https://steeped.example.org';
const NOW = new Date('2026-11-24T00:00:00Z');
const inflate = async (data: Uint8Array) => new Uint8Array(inflateSync(data));
let issuer: IssuerRecord;
let signed: JsonObject;
const options = () => ({ issuers: trustedIssuers(SITE, [issuer]), issuersPage: `${SITE}/issuers/`, now: NOW });
const reasonOf = (verdict: Verdict) => (verdict.ok ? 'verified' : verdict.reason);

beforeAll(async () => {
	const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
	const multibase = publicKeyMultibase(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
	issuer = { id: 'kyoto-tea', name: 'Kyoto Tea Institute', url: 'https://tea.example.edu/', keys: [{ publicKeyMultibase: multibase, created: TODAY }] };
	const credential = buildCredential({
		site: SITE,
		curriculum: 'Steeped',
		track: { id: 'tea-foundations', title: 'Tea foundations', summary: 'From boiling water to a pot worth sharing.', certificate: 'Tea Foundations', passMark: 75 },
		modules: [{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' }],
		issuer,
		learner: 'Ana Núñez',
		awarded: '2026-11-20',
		issued: new Date('2026-11-23T10:00:00Z'),
	});
	signed = await addProof(credential, { privateKey: pair.privateKey, verificationMethod: verificationMethodId(SITE, issuer.id, multibase), created: new Date('2026-11-23T10:00:00Z') });
}, 60_000);

/** The smallest valid PNG: one white pixel. */
function tinyPng(): Uint8Array {
	return Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'));
}

describe('a certificate file, checked whole', () => {
	it('verifies the PNG as issued and its .json, and says a self-assessed PNG and one without a credential are not signed', async () => {
		const baked = bakeCredential(tinyPng(), JSON.stringify(signed));
		expect(reasonOf(await verifyFileBytes(baked, 'ana.png', options(), inflate))).toBe('verified');
		expect(reasonOf(await verifyFileBytes(new TextEncoder().encode(JSON.stringify(signed)), 'ana.json', options(), inflate))).toBe('verified');
		expect(reasonOf(await verifyFileBytes(markSelfAssessed(tinyPng()), 'mine.png', options(), inflate))).toMatch(/^mine\.png is a self-assessed certificate, made on a track page of this site\./);
		expect(reasonOf(await verifyFileBytes(tinyPng(), 'edited.png', options(), inflate))).toMatch(/^edited\.png is an image with no credential inside/);
	});

	it('names a screenshot, photo or print of a certificate for what it is, and asks for the original file', async () => {
		const files: [string, number[] | string][] = [
			['screenshot.jpg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]],
			['certificate.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj'],
			['photo.heic', [0, 0, 0, 0x18, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0]],
			['copy.webp', [...'RIFF'].map((c) => c.charCodeAt(0)).concat([0x24, 0, 0, 0], [...'WEBPVP8 '].map((c) => c.charCodeAt(0)))],
			['anim.gif', 'GIF89a\x01\x00\x01\x00'],
		];
		const said = [];
		for (const [name, start] of files) {
			const bytes = typeof start === 'string' ? new TextEncoder().encode(start) : Uint8Array.from(start);
			said.push(reasonOf(await verifyFileBytes(bytes, name, options(), inflate)));
		}
		expect(said).toEqual(
			['screenshot.jpg is a JPEG', 'certificate.pdf is a PDF', 'photo.heic is a HEIC', 'copy.webp is a WebP', 'anim.gif is a GIF'].map(
				(start) => `${start} file. Only the certificate as the issuer sent it, its PNG image or its .json file, carries the credential: a screenshot, a photo or a copy saved in another format cannot be checked. Ask the holder for the original file.`
			)
		);
		// Text is still read as a credential, and a PNG is never taken for another format.
		expect(otherFormat(new TextEncoder().encode('{"@context": []}'))).toBeUndefined();
		expect(otherFormat(tinyPng())).toBeUndefined();
		expect(fi['currents.verify.reasonOtherFormat']).toContain('{{format}}-tiedosto');
		expect(en['currents.verify.reasonOtherFormat']).toContain('{{file}}');
	});

	it('does not show a credential as verified without its learner, though rewritten in a form the signature cannot tell from the original', async () => {
		const rewrites: [string, (credential: any) => void][] = [
			['"hashed" as a string', (credential) => (credential.credentialSubject.identifier[0].hashed = 'false')],
			['the name as an @value object', (credential) => (credential.credentialSubject.identifier[0].identityHash = { '@value': 'Ana Núñez' })],
		];
		for (const [what, rewrite] of rewrites) {
			const copy = structuredClone(signed) as any;
			rewrite(copy);
			const verdict = await verifyCredential(copy, options());
			expect(verdict.ok, what).toBe(false);
			expect(reasonOf(verdict), what).toBe(
				'The signature of Kyoto Tea Institute holds, but the credential is not written as this site’s issuers write it, so this page cannot read from it who completed what, and does not show it as verified. Check the file as Kyoto Tea Institute sent it.'
			);
			// Nothing it says is shown, as for any credential refused before its summary.
			expect(verdict.ok || verdict.summary).toBeUndefined();
		}
		// A change the signature does see is still called a change.
		const changed = structuredClone(signed) as any;
		changed.credentialSubject.identifier[0].identityHash = 'Eve Mallory';
		expect(reasonOf(await verifyCredential(changed, options()))).toMatch(/^This credential was changed after Kyoto Tea Institute signed it/);
	});
});
