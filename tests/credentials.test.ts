import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { certificateSvg, renderCertificate } from '../src/lib/cards/certificate.ts';
import { nodeEnvironment } from '../src/lib/cards/node.ts';
import { bakeCredential, BAKED_KEYWORD, isSelfAssessed, markSelfAssessed, readBakedCredential } from '../src/lib/credentials/baked-png.ts';
import { CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT, OPEN_BADGES_EXTENSIONS_CONTEXT } from '../src/lib/credentials/contexts.ts';
import { buildCredential, type CredentialInput } from '../src/lib/credentials/credential.ts';
import { addProof, type JsonObject } from '../src/lib/credentials/data-integrity.ts';
import { loadIssuers } from '../src/lib/credentials/issuers.ts';
import { versionsOn, type ModuleHistory } from '../src/lib/credentials/as-of.ts';
import { issuerNameShortened } from '../src/lib/credentials/issue.ts';
import { generateIssuerKey } from '../src/lib/credentials/keys.ts';
import { multibaseEncode, publicKeyMultibase } from '../src/lib/credentials/multikey.ts';
import { issuerProfileDocument, keyDocument, revocationListDocument, revocationListUrl, trustedIssuers, verificationMethodId, type IssuerRecord } from '../src/lib/credentials/profile.ts';
import { parseRoster } from '../src/lib/credentials/roster.ts';
import { verifyCredential, verifyCredentialText } from '../src/lib/credentials/verify.ts';
import { certificateCommand, copyFixture, processesRunning, ROOT, specFile, TMP, TODAY, watchAllocatorSettings } from './utils.ts';

/** A file of the Open Badges 3.0 specification, as JSON. */
const spec = (path: string): unknown => JSON.parse(readFileSync(specFile('open-badges-3.0', path, 'The Open Badges 3.0 specification'), 'utf8'));
const SITE = 'https://steeped.example.org';

/** The Open Badges 3.0 AchievementCredential JSON Schema, compiled, with every error it finds. */
function achievementCredentialSchema() {
	const ajv = new Ajv2019({ strict: false, allErrors: true });
	addFormats(ajv);
	return ajv.compile(spec('ob_v3p0_achievementcredential_schema.json') as object);
}

async function keyPair() {
	const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
	return { privateKey: pair.privateKey, multibase: publicKeyMultibase(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))) };
}

function issuerWith(multibase: string, id = 'kyoto-tea'): IssuerRecord {
	return { id, name: 'Kyoto Tea Institute', url: 'https://tea.example.edu/', keys: [{ publicKeyMultibase: multibase, created: TODAY }] };
}

function input(issuer: IssuerRecord, overrides: Partial<CredentialInput> = {}): CredentialInput {
	return {
		site: SITE,
		curriculum: 'Steeped',
		track: { id: 'tea-foundations', title: 'Tea foundations', summary: 'From boiling water to a pot worth sharing.', certificate: 'Tea Foundations', passMark: 75 },
		modules: [
			{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' },
			{ id: 'brewing-basics', title: 'Brewing basics', version: '2.1.0' },
		],
		issuer,
		learner: 'Ana Núñez',
		awarded: '2026-11-20',
		issued: new Date('2026-11-23T10:00:00Z'),
		...overrides,
	};
}

const NOW = new Date('2026-11-24T00:00:00Z');
let key: Awaited<ReturnType<typeof keyPair>>;
let issuer: IssuerRecord;
let signed: JsonObject;
const options = () => ({ issuers: trustedIssuers(SITE, [issuer]), issuersPage: `${SITE}/issuers/`, now: NOW });
const sign = (credential: JsonObject, with_ = key, issuerId = issuer.id) =>
	addProof(credential, { privateKey: with_.privateKey, verificationMethod: verificationMethodId(SITE, issuerId, with_.multibase), created: new Date('2026-11-23T10:00:00Z') });

beforeAll(async () => {
	key = await keyPair();
	issuer = issuerWith(key.multibase);
	signed = await sign(buildCredential(input(issuer)));
});

describe('sign and verify', () => {
	test('a signed credential verifies, and says who completed what, at which versions, when, issued by whom', async () => {
		const verdict = await verifyCredential(signed, options());
		expect(verdict).toMatchObject({
			ok: true,
			summary: {
				learner: 'Ana Núñez',
				title: 'Tea Foundations',
				curriculum: 'Steeped',
				awarded: '2026-11-20',
				issuer: { name: 'Kyoto Tea Institute', url: 'https://tea.example.edu/' },
				modules: [
					{ name: 'Water temperature', description: 'Version 1.0.0', url: `${SITE}/modules/water-temperature/v1/` },
					{ name: 'Brewing basics', description: 'Version 2.1.0', url: `${SITE}/modules/brewing-basics/v2/` },
				],
			},
		});
	});

	test('the proof is an eddsa-rdfc-2022 Data Integrity proof naming the issuer’s published key', () => {
		expect(signed.proof).toMatchObject({
			type: 'DataIntegrityProof',
			cryptosuite: 'eddsa-rdfc-2022',
			proofPurpose: 'assertionMethod',
			verificationMethod: `${SITE}/issuers/kyoto-tea/keys/${key.multibase}.json`,
		});
		expect((signed.proof as { proofValue: string }).proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
	});

	test.each([
		['the learner’s name', (c: any) => (c.credentialSubject.identifier[0].identityHash = 'Eve Mallory')],
		['a module version', (c: any) => (c.evidence[1].description = 'Version 3.0.0')],
		['the completion date', (c: any) => (c.awardedDate = '2025-01-01T00:00:00Z')],
		['the expiry', (c: any) => (c.validUntil = '2099-12-31T23:59:59Z')],
		['the track', (c: any) => (c.credentialSubject.achievement.name = 'Tea Mastery')],
	])('a credential is refused as tampered when %s changed after signing', async (_, change) => {
		const tampered = structuredClone(signed);
		change(tampered);
		const verdict = await verifyCredential(tampered, options());
		expect(verdict).toMatchObject({ ok: false, code: 'tampered' });
		expect(verdict.ok || verdict.reason).toContain('changed after Kyoto Tea Institute signed it');
		// Nothing a forger wrote is shown as fact.
		expect(verdict.ok || verdict.summary).toBeUndefined();
	});

	test('a field no vocabulary defines is refused by name, since the signature could not cover it', async () => {
		const tampered = structuredClone(signed) as any;
		tampered.credentialSubject.grade = 'A+';
		const verdict = await verifyCredential(tampered, options());
		expect(verdict).toMatchObject({ ok: false, code: 'tampered' });
		expect(verdict.ok || verdict.reason).toContain('“grade”');
	});

	test('a context the site does not hold is refused without fetching it', async () => {
		const tampered = structuredClone(signed) as any;
		tampered['@context'].push('https://attacker.example/context.json');
		const verdict = await verifyCredential(tampered, options());
		expect(verdict).toMatchObject({ ok: false, code: 'tampered' });
		expect(verdict.ok || verdict.reason).toContain('https://attacker.example/context.json');
	});

	test('an issuer the site does not list is refused, even with a valid signature, and the page says whom it trusts', async () => {
		const stranger = await keyPair();
		const other = issuerWith(stranger.multibase, 'diploma-mill');
		other.name = 'Diploma Mill';
		const forged = await sign(buildCredential(input(other)), stranger, 'diploma-mill');
		const verdict = await verifyCredential(forged, options());
		expect(verdict).toMatchObject({ ok: false, code: 'unknown-issuer' });
		expect(verdict.ok || verdict.reason).toBe(
			`This credential says it was issued by “Diploma Mill” (${SITE}/issuers/diploma-mill.json), which this site does not list as an issuer. This page trusts only the issuers listed at ${SITE}/issuers/; check a credential from anyone else with that issuer.`
		);
	});

	test('a listed issuer’s name signed with a key it does not publish is refused', async () => {
		const stranger = await keyPair();
		const forged = await sign(buildCredential(input(issuer)), stranger);
		expect(await verifyCredential(forged, options())).toMatchObject({ ok: false, code: 'unknown-key' });
		// Pointing the proof at the real key does not help: the signature then fails.
		const pointed = structuredClone(forged) as any;
		pointed.proof.verificationMethod = verificationMethodId(SITE, issuer.id, key.multibase);
		expect(await verifyCredential(pointed, options())).toMatchObject({ ok: false, code: 'tampered' });
	});

	test('an expired credential is refused with the date, and still shows what the issuer signed', async () => {
		const expiring = await sign(buildCredential(input(issuer, { validUntil: '2027-06-30' })));
		expect(await verifyCredential(expiring, { ...options(), now: new Date('2027-06-30T12:00:00Z') })).toMatchObject({ ok: true });
		const verdict = await verifyCredential(expiring, { ...options(), now: new Date('2027-07-01T00:00:00Z') });
		expect(verdict).toMatchObject({ ok: false, code: 'expired', summary: { learner: 'Ana Núñez', validUntil: '2027-06-30T23:59:59Z' } });
		expect(verdict.ok || verdict.reason).toBe('This credential expired on June 30, 2027. Kyoto Tea Institute signed it, but it is no longer valid.');
	});

	test('a credential is not valid before its validFrom', async () => {
		const verdict = await verifyCredential(signed, { ...options(), now: new Date('2026-11-22T00:00:00Z') });
		expect(verdict).toMatchObject({ ok: false, code: 'not-yet-valid' });
	});

	test('text that is not a credential is refused with what to paste instead', async () => {
		expect(await verifyCredentialText('{"name": "Tea"', options())).toMatchObject({ ok: false, code: 'unreadable' });
		expect(await verifyCredentialText('{"type": ["VerifiableCredential"]}', options())).toMatchObject({ ok: false, code: 'not-a-credential' });
		const { proof: _, ...unsigned } = signed;
		expect(await verifyCredential(unsigned, options())).toMatchObject({ ok: false, code: 'unsupported-proof' });
	});
});

describe('Open Badges 3.0 conformance', () => {
	test('the issued credential validates against the AchievementCredential JSON Schema, which rejects a broken one', () => {
		const validate = achievementCredentialSchema();
		expect(validate(signed), JSON.stringify(validate.errors, null, 2)).toBe(true);
		// The validator is not a formality: the same credential without its achievement fails.
		const broken = structuredClone(signed) as any;
		delete broken.credentialSubject.achievement;
		broken.validFrom = '23 November 2026';
		expect(validate(broken)).toBe(false);
		expect(validate.errors?.map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/credentialSubject', '/validFrom']));
	});

	test('the vendored JSON-LD contexts are the published ones', () => {
		for (const [url, file, copy] of [
			[CREDENTIALS_CONTEXT, 'credentials-v2.jsonld', 'credentials-v2.json'],
			[OPEN_BADGES_CONTEXT, 'ob-v3p0-3.0.3.json', 'ob-v3p0-3.0.3.json'],
			[OPEN_BADGES_EXTENSIONS_CONTEXT, 'ob-v3p0-extensions.json', 'ob-v3p0-extensions.json'],
		] as const) {
			const vendored = readFileSync(join(ROOT, 'src', 'lib', 'credentials', 'contexts', copy), 'utf8');
			expect(JSON.parse(vendored), url).toEqual(spec(join('contexts', file)));
		}
	});

	test('signatures and proof values match the 1EdTech eddsa-rdfc-2022 test vector', async () => {
		// The key pair, the data to sign and the expected proof value of the Open Badges 3.0 implementation guide's vector.
		const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((byte) => Number.parseInt(byte, 16)));
		const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
		const publicKey = hex('4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5');
		const privateKey = await crypto.subtle.importKey(
			'jwk',
			{ kty: 'OKP', crv: 'Ed25519', x: b64(publicKey), d: b64(hex('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4')) },
			{ name: 'Ed25519' },
			false,
			['sign']
		);
		expect(publicKeyMultibase(publicKey)).toBe('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
		const data = hex('3cf3c265b6c8ebb29b4d5ea310b87d2f31c79b633eff8af561d2e8c97a85c8cbd994aebd5e53f4af4495dbe9e1155410bae683811107c26acf83671075c163b3');
		const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey, data));
		expect(multibaseEncode(signature)).toBe('zUSD5bjo6mYV1n9i9E6ZwUiHuj4JyZDjCDfDqoJcPi9XJrc9LYstik9mdBvutdwBdquWXjWrwJDVGJrAarvRs8uD');
	});

	test('an independent verifier (Digital Bazaar’s) accepts the credential from the published profile and key, and refuses a tampered one', async () => {
		// These packages ship no types; they are only this test's second opinion.
		const load = (name: string) => import(name);
		const [vc, { DataIntegrityProof }, { cryptosuite }, multikey, did] = await Promise.all([
			load('@digitalbazaar/vc'),
			load('@digitalbazaar/data-integrity'),
			load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
			load('@digitalbazaar/multikey-context'),
			load('did-context'),
		]);
		const published = new Map<string, unknown>([
			[CREDENTIALS_CONTEXT, spec(join('contexts', 'credentials-v2.jsonld'))],
			[OPEN_BADGES_CONTEXT, spec(join('contexts', 'ob-v3p0-3.0.3.json'))],
			[OPEN_BADGES_EXTENSIONS_CONTEXT, spec(join('contexts', 'ob-v3p0-extensions.json'))],
			[multikey.default.CONTEXT_URL, multikey.default.CONTEXT],
			['https://www.w3.org/ns/did/v1', did.default.contexts.get('https://www.w3.org/ns/did/v1')],
			[`${SITE}/issuers/kyoto-tea.json`, issuerProfileDocument(SITE, issuer)],
			[verificationMethodId(SITE, issuer.id, key.multibase), keyDocument(SITE, issuer.id, key.multibase)],
		]);
		// As over HTTP: a fragment never reaches the server, and unknown addresses are not found.
		const documentLoader = async (url: string) => {
			const document = published.get(url.split('#')[0]!);
			if (document === undefined) throw new Error(`Not found: ${url}`);
			return { contextUrl: null, documentUrl: url, document };
		};
		// The credential's status, read as a verifier elsewhere reads it: the revocation list at the address it names.
		let list = revocationListDocument(SITE, issuer);
		const checkStatus = async ({ credential }: { credential: { id: string; credentialStatus: { id: string; type: string } } }) => {
			const status = credential.credentialStatus;
			const revoked = status.id === list.id && (list.revokedCredentials as { id: string }[]).some((entry) => entry.id === credential.id);
			return { verified: status.type === '1EdTechRevocationList' && !revoked };
		};
		const check = (credential: unknown) => vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus });
		const result = await check(signed);
		expect(result.verified, JSON.stringify(result.error)).toBe(true);
		expect(signed.credentialStatus).toEqual({ id: revocationListUrl(SITE, issuer.id), type: '1EdTechRevocationList' });
		list = revocationListDocument(SITE, { ...issuer, revoked: [{ id: signed.id as string, date: TODAY }] });
		expect((await check(signed)).verified).toBe(false);
		const tampered = structuredClone(signed) as any;
		tampered.credentialSubject.identifier[0].identityHash = 'Eve Mallory';
		expect((await check(tampered)).verified).toBe(false);
	});
});

describe('baked PNG', () => {
	let png: Uint8Array;
	beforeAll(async () => {
		png = await renderCertificate(
			{ name: 'Ana Núñez', track: 'Tea foundations', curriculum: 'Steeped', date: '2026-11-20', modules: [], issuer: 'Kyoto Tea Institute', verified: true, url: `${SITE}/verify/` },
			nodeEnvironment
		);
	});

	test('a baked PNG gives back the same credential, in a valid PNG of the same size', async () => {
		const baked = bakeCredential(png, JSON.stringify(signed));
		expect(JSON.parse((await readBakedCredential(baked))!)).toEqual(signed);
		// Still a PNG of the same size, every chunk's CRC intact (resvg decodes it only if so).
		const { Resvg } = await import('@resvg/resvg-js');
		const view = new DataView(baked.buffer, baked.byteOffset);
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([1754, 1240]);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/png;base64,${Buffer.from(baked).toString('base64')}" width="10" height="10"/></svg>`;
		expect(new Resvg(svg).render().width).toBe(10);
		expect(chunkCrcsValid(baked)).toBe(true);
		// The credential is in an iTXt chunk with the Open Badges keyword.
		expect(Buffer.from(baked).includes(Buffer.from(`iTXt${BAKED_KEYWORD}\0`, 'latin1'))).toBe(true);
	});

	test('baking again replaces the credential instead of adding a second one', async () => {
		const twice = bakeCredential(bakeCredential(png, '{"first": true}'), JSON.stringify(signed));
		expect(await readBakedCredential(twice)).toBe(JSON.stringify(signed));
		expect(Buffer.from(twice).toString('latin1').split(`iTXt${BAKED_KEYWORD}`).length).toBe(2);
	});

	test('a compressed credential chunk, as other tools write it, is read too', async () => {
		const keyword = Buffer.from(`${BAKED_KEYWORD}\0\x01\x00\0\0`, 'latin1');
		const data = Buffer.concat([keyword, deflateSync(JSON.stringify(signed))]);
		const { pngChunk } = await import('../src/lib/cards/png.ts');
		const end = png.length - 12;
		const compressed = Buffer.concat([png.subarray(0, end), pngChunk('iTXt', data), png.subarray(end)]);
		expect(await readBakedCredential(compressed, async (bytes) => new Uint8Array(inflateSync(bytes)))).toBe(JSON.stringify(signed));
	});

	test('a self-assessed certificate says so in a valid PNG, once, and holds no credential; a signed one is not marked', async () => {
		const marked = markSelfAssessed(markSelfAssessed(png));
		expect(isSelfAssessed(marked)).toBe(true);
		expect(chunkCrcsValid(marked)).toBe(true);
		expect(Buffer.from(marked).toString('latin1').split('tEXtDescription').length).toBe(2);
		expect(await readBakedCredential(marked)).toBeNull();
		expect(isSelfAssessed(png)).toBe(false);
		expect(isSelfAssessed(bakeCredential(png, JSON.stringify(signed)))).toBe(false);
	});

	test('an image without a credential reads as none, and a file that is not a PNG is refused', async () => {
		expect(await readBakedCredential(png)).toBeNull();
		await expect(readBakedCredential(new TextEncoder().encode('{"a": 1}'))).rejects.toThrow('This file is not a PNG image.');
	});
});

describe('the issuer’s name on the certificate image', () => {
	const base = { name: 'Ana Núñez', track: 'Tea foundations', curriculum: 'Steeped', date: '2026-11-20', modules: [], verified: true, url: `${SITE}/verify/` };
	/** The pixels of the rows of the drawn "Verified by" label, the line that cuts an issuer's name first. */
	async function label(issuer: string): Promise<Buffer> {
		const { Resvg } = await import('@resvg/resvg-js');
		const image = new Resvg((await certificateSvg({ ...base, issuer }, nodeEnvironment.assets)).svg, { font: { loadSystemFonts: false } }).render();
		// Read once: each read of `pixels` copies the whole image.
		const { pixels, height } = image;
		const row = image.width * 4;
		// The label's green background (#1d6b3a) marks its rows.
		const green = (y: number) => {
			for (let at = y * row; at < (y + 1) * row; at += 4) if (pixels[at] === 0x1d && pixels[at + 1] === 0x6b && pixels[at + 2] === 0x3a) return true;
			return false;
		};
		let top = 0;
		while (top < height && !green(top)) top++;
		let bottom = top;
		while (bottom < height && green(bottom)) bottom++;
		expect(bottom - top, 'the label’s height').toBeGreaterThan(20);
		return Buffer.from(pixels.subarray(top * row, bottom * row));
	}

	test('a name is said to be shortened exactly when the drawn label cuts it', async () => {
		const name = 'Northern Regional Institute for Continuing Professional Development in Health';
		const shortened = await issuerNameShortened(name);
		expect(shortened).toEqual({ length: 77, fits: 62 });
		const whole = [...name].slice(0, shortened!.fits).join('');
		const cut = [...name].slice(0, shortened!.fits + 1).join('');
		expect(await issuerNameShortened(whole)).toBeNull();
		expect(await issuerNameShortened(cut)).toEqual({ length: 63, fits: 62 });
		// A name the label cuts is drawn as a longer name that starts the same; one it holds whole is not.
		expect((await label(cut)).equals(await label(`${cut} and Social Care`))).toBe(true);
		expect((await label(whole)).equals(await label(`${whole} and Social Care`))).toBe(false);
		expect(await issuerNameShortened('Kyoto Tea Institute')).toBeNull();
	});
});

function chunkCrcsValid(png: Uint8Array): boolean {
	const buffer = Buffer.from(png);
	for (let at = 8; at < buffer.length; ) {
		const length = buffer.readUInt32BE(at);
		if ((crc32(buffer.subarray(at + 4, at + 8 + length)) >>> 0) !== buffer.readUInt32BE(at + 8 + length)) return false;
		at += 12 + length;
	}
	return true;
}

describe('module versions as of a day', () => {
	const track = { id: 'tea-foundations', title: 'Tea foundations' };
	const history: ModuleHistory[] = [
		{
			id: 'brewing-basics',
			title: 'Brewing well',
			version: '2.1.0',
			releases: [
				{ version: '2.1.0', date: '2026-11-01' },
				{ version: '2.0.0', date: '2026-06-01' },
				{ version: '1.0.0', date: '2025-01-01' },
			],
			archivedTitles: new Map([[1, 'Brewing basics']]),
		},
		{ id: 'serving', title: 'Serving', version: '1.0.0', releases: [{ version: '1.0.0', date: '2026-09-01' }], archivedTitles: new Map() },
	];

	test('each module is at the newest release dated on or before the day, with the title its major version had', () => {
		expect(versionsOn(track, history, '2026-10-31')).toEqual({
			modules: [
				{ id: 'brewing-basics', title: 'Brewing well', version: '2.0.0' },
				{ id: 'serving', title: 'Serving', version: '1.0.0' },
			],
		});
		expect(versionsOn(track, history, '2026-11-01')).toMatchObject({ modules: [{ version: '2.1.0' }, { version: '1.0.0' }] });
		// Before its second major, the module had the title its archived first major keeps.
		expect(versionsOn(track, [history[0]!], '2025-06-01')).toEqual({ modules: [{ id: 'brewing-basics', title: 'Brewing basics', version: '1.0.0' }] });
	});

	test('a day before a module or the whole track was released is refused with the first day that would do', () => {
		expect(versionsOn(track, history, '2026-08-31')).toEqual({
			problem:
				'On 2026-08-31 the module “Serving” (serving) of the track “Tea foundations” (tea-foundations) had not been released yet: it was first released on 2026-09-01. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.',
		});
		expect(versionsOn(track, history, '2024-12-31')).toEqual({
			problem:
				'On 2024-12-31 the track “Tea foundations” (tea-foundations) did not exist yet: none of its modules had been released, the first of them to be released being “Brewing well” (brewing-basics), first released on 2025-01-01. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.',
		});
	});

	test('a draft is not a release: a day when a module was below 1.0.0 is refused, and a module still a draft refuses every day', () => {
		const drafted: ModuleHistory = {
			id: 'serving',
			title: 'Serving',
			version: '1.0.0',
			releases: [
				{ version: '1.0.0', date: '2026-09-01' },
				{ version: '0.2.0', date: '2026-08-15' },
				{ version: '0.1.0', date: '2026-08-01' },
			],
			archivedTitles: new Map(),
		};
		expect(versionsOn(track, [history[0]!, drafted], '2026-08-20')).toEqual({
			problem:
				'On 2026-08-20 the module “Serving” (serving) of the track “Tea foundations” (tea-foundations) had not been released yet: it was first released on 2026-09-01. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.',
		});
		expect(versionsOn(track, [history[0]!, drafted], '2026-09-01')).toMatchObject({ modules: [{ version: '2.0.0' }, { version: '1.0.0' }] });
		const stillDraft: ModuleHistory = { ...drafted, version: '0.2.0', releases: drafted.releases.slice(1) };
		expect(versionsOn(track, [history[0]!, stillDraft], '2026-11-30')).toEqual({
			problem:
				'Of the track “Tea foundations” (tea-foundations), the module “Serving” (serving) is still a draft, below version 1.0.0, with no permanent address for a certificate to name. Issue once it is released: `npm run release -- serving major "First release."`.',
		});
	});
});

describe('roster', () => {
	const parse = (text: string) => parseRoster(text, { today: TODAY });

	test('a roster exported from a spreadsheet gives one learner per line, with names in any script and quoted commas', () => {
		const roster = parse('\uFEFFName,Date,Email\r\nAna Núñez,2026-11-20,ana@example.org\r\n"Zhang, Wei",,\r\n\r\nمحمد عبد الله,2026-11-01,\r\n');
		expect(roster.problems).toEqual([]);
		expect(roster.ignored).toEqual(['Email']);
		expect(roster.learners).toEqual([
			{ line: 2, name: 'Ana Núñez', date: '2026-11-20' },
			{ line: 3, name: 'Zhang, Wei' },
			{ line: 5, name: 'محمد عبد الله', date: '2026-11-01' },
		]);
	});

	test('semicolons separate fields when the header has no commas', () => {
		expect(parse('name;date\nNúñez, Ana;2026-11-20\n').learners).toEqual([{ line: 2, name: 'Núñez, Ana', date: '2026-11-20' }]);
	});

	test('every problem is reported with its line, counting lines inside quoted fields', () => {
		const roster = parse(['name,date', 'Ana Núñez,2026-11-20', ',2026-11-20', '"Wei', 'Zhang",2026-11-31', 'Ben Okafor,2027-01-05', 'Núñez, Ana,2026-11-20', 'Li "Lucy" Na,', '"Unclosed,2026-11-20'].join('\n'));
		expect(roster.problems).toEqual([
			{ line: 3, message: 'The name is empty. Write the learner’s name as it should appear on the certificate, or delete the line.' },
			{ line: 4, message: 'The completion date "2026-11-31" is not a day of the calendar: November 2026 has 30 days.' },
			{ line: 6, message: 'The completion date 2027-01-05 is after today (2026-11-23). Give the day the learner completed the track.' },
			{ line: 7, message: 'This line has 3 fields, but the first line names 2 columns. A name with a comma in it must be in quotes, like "Núñez, Ana".' },
			{ line: 8, message: 'A quote mark (") stands inside a field. Put the whole field in quotes and double the quote mark inside it, like "Ana ""Ani"" Núñez".' },
			{ line: 9, message: 'A quoted field is never closed. Add the closing quote mark (") after the field.' },
		]);
	});

	test('a roster written as JSON is told it must be CSV, once', () => {
		expect(parse('[{"name": "Ana Núñez", "date": "2026-11-20"}]\n').problems).toEqual([
			{ line: 1, message: 'The roster is JSON, and a roster is a CSV file: a first line such as "name,date", then one learner per line. Export the class list from a spreadsheet as "CSV UTF-8".' },
		]);
	});

	test('a name with a letter lost to a wrong encoding is refused, since it would be signed as it is', () => {
		expect(parse('name\nAna Núñez\nJos\uFFFD N\uFFFD\uFFFDez\n').problems).toEqual([
			{ line: 3, message: 'The name "Jos\uFFFD N\uFFFD\uFFFDez" has "\uFFFD" in it, where a letter could not be read. Type the name again as it should appear.' },
		]);
	});

	test('a learner listed twice for the same day is a problem naming both lines, and two learners who share a name can be told apart', () => {
		// "José Núñez" typed with composed letters, then with combining accents and spaces around it, as a copy from elsewhere brings it.
		const roster = parseRoster(
			['name,date', 'José Núñez,2026-11-20', 'Ada Lovelace,', '  Jose\u0301 Nu\u0301n\u0303ez ,2026-11-20', 'Ada Lovelace,2026-11-21', 'Grace Hopper,2026-11-20', 'Ada Lovelace,2026-11-22', 'Grace Hopper,2026-11-21'].join('\n'),
			{ today: TODAY, date: '2026-11-22' }
		);
		// Rows without a date are completed on the default date (--date, else today): line 3 is line 7's learner again.
		expect(roster.problems).toEqual([
			{
				line: 4,
				message: '"José Núñez" is on lines 2 and 4, each completed on 2026-11-20, and would get 2 certificates. Delete one of the lines. If they are different learners who share the name, add a column that tells them apart, such as "email" (it is not printed).',
			},
			{
				line: 7,
				message: '"Ada Lovelace" is on lines 3 and 7, each completed on 2026-11-22, and would get 2 certificates. Delete one of the lines. If they are different learners who share the name, add a column that tells them apart, such as "email" (it is not printed).',
			},
		]);
		// The same name and day with different email addresses: two learners, each with a certificate.
		const namesakes = parse('name,date,email\nWei Zhang,2026-11-20,wei@example.org\nWei Zhang,2026-11-20,wei.zhang@example.org\n');
		expect(namesakes.problems).toEqual([]);
		expect(namesakes.learners).toHaveLength(2);
	});

	test('an expiry date is refused once it has passed on the issuer’s calendar or ended in UTC, where every verifier counts it', () => {
		// West of Greenwich in the evening, the issuer's 23 November is already 24 November in UTC.
		expect(parseRoster('name,valid_until\nAda Lovelace,2026-11-22\nGrace Hopper,2026-11-23\nWei Zhang,2026-11-24\n', { today: '2026-11-23', utcToday: '2026-11-24' }).problems).toEqual([
			{ line: 2, message: 'The expiry date 2026-11-22 has passed, so the certificate would be expired when it is issued. Give a later date, or none.' },
			{
				line: 3,
				message: 'The expiry date 2026-11-23 has already ended in UTC, where it is 2026-11-24: a certificate is valid until 23:59:59 UTC on its expiry date, so it would be expired when it is issued. Give a later date, or none.',
			},
		]);
	});

	test('a roster without a name column, or without learners, says how to start it', () => {
		expect(parse('student,email\nAna,ana@example.org\n').problems).toEqual([
			{ line: 1, message: 'The first line names the columns, and none is called "name" (it reads "student,email"). Start the file with a line like: name,date' },
		]);
		expect(parse('name\n\n').problems).toEqual([{ line: 1, message: 'The roster lists no learners: after the line that names the columns, add one line per learner.' }]);
		expect(parse('name\nX'.padEnd(100, 'x')).problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('a certificate holds at most 80') });
	});
});

describe('npm run certificate', () => {
	let work: string;
	let content: string;
	const node = process.execPath;
	const script = join(ROOT, 'scripts', 'certificate.ts');
	/** The command in a project, with TODAY as today unless `env` says otherwise. */
	const inProject = (project: { work: string; content: string }, env: Record<string, string>, ...args: string[]) => certificateCommand(project, args, env);
	const run = (...args: string[]) => inProject({ work, content }, {}, ...args);
	/** A project of its own, as `beforeAll` makes the shared one: the fixture's content, this repository's .gitignore, and git. */
	const newProject = () => {
		const fresh = copyFixture('valid-course');
		const folder = join(fresh, '..');
		copyFileSync(join(ROOT, '.gitignore'), join(folder, '.gitignore'));
		spawnSync('git', ['init', '--quiet', '.'], { cwd: folder });
		return { work: folder, content: fresh };
	};
	/** `issue` for the Kyoto Tea Institute's Tea Foundations, with its key as keygen wrote it. */
	const issue = (...args: string[]) => run('issue', '--issuer', 'kyoto-tea', '--key', 'keys/kyoto-tea.private.jwk', '--track', 'tea-foundations', ...args);

	beforeAll(() => {
		// A project of its own: the fixture's content, this repository's .gitignore, and git.
		content = copyFixture('valid-course');
		work = join(content, '..');
		copyFileSync(join(ROOT, '.gitignore'), join(work, '.gitignore'));
		spawnSync('git', ['init', '--quiet', '.'], { cwd: work });
	});

	test('keygen writes the issuer’s profile into the content folder and the private key where git ignores it', () => {
		const result = run('keygen', '--issuer', 'kyoto-tea', '--name', 'Kyoto Tea Institute', '--url', 'https://tea.example.edu', '--email', 'certificates@tea.example.edu');
		expect(result.output, result.output).toContain('Wrote the private key to keys/kyoto-tea.private.jwk.');
		expect(result.status).toBe(0);
		// The next command works on the same content folder keygen was given.
		expect(result.output).toContain(`npm run certificate -- issue --issuer kyoto-tea --key keys/kyoto-tea.private.jwk --track <track> --roster <class.csv> --out certificates/ --content ${content}\n`);
		expect(result.output).not.toContain('Warning');
		const { issuers, findings } = loadIssuers(content, work);
		expect(findings).toEqual([]);
		expect(issuers).toMatchObject([{ id: 'kyoto-tea', name: 'Kyoto Tea Institute', email: 'certificates@tea.example.edu', keys: [{ created: TODAY }] }]);
		const jwk = JSON.parse(readFileSync(join(work, 'keys', 'kyoto-tea.private.jwk'), 'utf8'));
		expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', d: expect.any(String) });
		// No private part in the content folder, and git neither commits nor even lists the key.
		expect(readFileSync(join(content, 'issuers', 'kyoto-tea.yaml'), 'utf8')).not.toContain(jwk.d);
		expect(spawnSync('git', ['check-ignore', '--quiet', 'keys/kyoto-tea.private.jwk'], { cwd: work }).status).toBe(0);
		const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: work, encoding: 'utf8' }).stdout;
		expect(status).toContain('content/issuers/kyoto-tea.yaml');
		expect(status).not.toContain('.jwk');
	});

	test('this repository’s ignore rules keep private keys out wherever keygen is told to write them', () => {
		for (const path of ['keys/kyoto-tea.private.jwk', 'backup/kyoto-tea.private.jwk', 'keys/anything.json']) {
			const result = spawnSync('git', ['check-ignore', '--no-index', '--verbose', path], { cwd: ROOT, encoding: 'utf8' });
			expect(result.stdout, path).toMatch(/^\.gitignore:\d+:(\/keys\/|\*\.private\.jwk)\t/);
		}
	});

	test('keygen never overwrites a key, and refuses to write one where git would commit it', () => {
		expect(run('keygen', '--issuer', 'kyoto-tea').output).toContain('keys/kyoto-tea.private.jwk already exists');
		const committable = run('keygen', '--issuer', 'kyoto-tea', '--key-out', 'secrets/kyoto.json');
		expect(committable.status).toBe(1);
		expect(committable.output).toContain('git would commit');
		expect(existsSync(join(work, 'secrets'))).toBe(false);
	});

	test('keygen writes no key into a folder the site publishes, and none for a profile that cannot take it', () => {
		for (const [folder, is] of [
			['public', 'public/, which the build copies into the published site'],
			['dist', 'dist/, the built site that is published'],
		] as const) {
			const result = run('keygen', '--issuer', 'tea-guild', '--name', 'Tea Guild', '--url', 'https://guild.example.org', '--key-out', `${folder}/tea-guild.private.jwk`);
			expect(result.status, folder).toBe(1);
			expect(result.output).toContain(`is inside ${is}. Keep the private key outside it`);
			expect(existsSync(join(work, folder)), folder).toBe(false);
			expect(existsSync(join(content, 'issuers', 'tea-guild.yaml')), folder).toBe(false);
		}
		// A profile that is not a mapping cannot take a new key: said plainly, and no key is left behind.
		writeFileSync(join(content, 'issuers', 'broken.yaml'), '- just a list\n');
		const broken = run('keygen', '--issuer', 'broken');
		expect(broken.status).toBe(1);
		expect(broken.output).toMatch(/^No key was made: The issuer profile is not a YAML mapping/m);
		expect(broken.output).not.toMatch(/\n\s+at /);
		expect(existsSync(join(work, 'keys', 'broken.private.jwk'))).toBe(false);
		rmSync(join(content, 'issuers', 'broken.yaml'));
	});

	test('issue makes a signed certificate whose PNG and JSON verify, and tells where', async () => {
		const result = issue('--name', 'Ana Núñez', '--date', '2026-11-20', '--out', 'out');
		expect(result.output).toContain('Issued 1 certificate of “Tea Foundations”');
		expect(result.output).toContain('They verify at https://steeped.example.org/verify/ once');
		expect(readdirSync(join(work, 'out')).sort()).toEqual(['ana-núñez.json', 'ana-núñez.png']);
		const json = JSON.parse(readFileSync(join(work, 'out', 'ana-núñez.json'), 'utf8'));
		expect(JSON.parse((await readBakedCredential(new Uint8Array(readFileSync(join(work, 'out', 'ana-núñez.png')))))!)).toEqual(json);
		const { issuers } = loadIssuers(content, work);
		expect(await verifyCredential(json, { issuers: trustedIssuers(SITE, issuers), issuersPage: `${SITE}/issuers/` })).toMatchObject({ ok: true, summary: { learner: 'Ana Núñez', awarded: '2026-11-20' } });
		const checked = run('verify', 'out/ana-núñez.png');
		expect(checked.output).toContain('Verified: Kyoto Tea Institute certifies that Ana Núñez completed “Tea Foundations” on 2026-11-20.');
		// The command line reads other files as the verify page does: a self-assessed certificate, a screenshot.
		writeFileSync(join(work, 'mine.png'), markSelfAssessed(Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'))));
		expect(run('verify', 'mine.png').output).toContain('Not verified: mine.png is a self-assessed certificate, made on a track page of this site.');
		writeFileSync(join(work, 'shot.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
		expect(run('verify', 'shot.jpg').output).toContain('Not verified: shot.jpg is a JPEG file. Only the certificate as the issuer sent it');
		// A certificate is never overwritten.
		const again = issue('--name', 'Ana Núñez', '--out', 'out');
		expect(again.output).toContain('already holds ana-núñez.png, ana-núñez.json, and certificates are never overwritten');
	});

	test("issue draws in a process with the build's card processes' allocator settings, started once, and says so once", async () => {
		// Started as a build's step would start it, with the setting the build gives the bundler (scripts/build.ts).
		const args = ['issue', '--issuer', 'kyoto-tea', '--key', 'keys/kyoto-tea.private.jwk', '--track', 'tea-foundations', '--name', 'Grace Hopper', '--out', 'allocator', '--content', content];
		const child = spawn(process.execPath, [join(ROOT, 'scripts', 'certificate.ts'), ...args], {
			cwd: work,
			env: { ...process.env, CURRENTS_TODAY: TODAY, NO_COLOR: '1', MIMALLOC_PURGE_DELAY: '0' },
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		// This command's processes alone, by its whole command line, which names this test's own content
		// folder: a certificate command of another test file, running beside this one, draws in processes of its own.
		const watch = watchAllocatorSettings(() => processesRunning(`certificate.ts\0${args.join('\0')}\0`));
		const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const settings = watch.stop();
		expect(status, output).toBe(0);
		expect(output.match(/Issued 1 certificate/g)).toHaveLength(1);
		expect(readdirSync(join(work, 'allocator')).sort()).toEqual(['grace-hopper.json', 'grace-hopper.png']);
		expect([...settings.values()].sort()).toEqual([['MIMALLOC_ALLOW_LARGE_OS_PAGES=1'], ['MIMALLOC_PURGE_DELAY=0']]);
	});

	test('--as-of names each module at its version of that day, in the credential, the image and the verification', async () => {
		// On 2026-10-15 brewing-basics was at 2.0.0: its 2.1.0 came out on 2026-11-01, after the class began.
		const result = issue('--name', 'Grace Hopper', '--as-of', '2026-10-15', '--out', 'as-of');
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain('The modules are named at their versions current on 2026-10-15: water-temperature 1.0.0, brewing-basics 2.0.0, serving 1.0.1.');
		const json = JSON.parse(readFileSync(join(work, 'as-of', 'grace-hopper.json'), 'utf8'));
		expect(json.evidence.map((evidence: { id: string; description: string }) => [evidence.id, evidence.description])).toEqual([
			[`${SITE}/modules/water-temperature/v1/`, 'Version 1.0.0'],
			[`${SITE}/modules/brewing-basics/v2/`, 'Version 2.0.0'],
			[`${SITE}/modules/serving/v1/`, 'Version 1.0.1'],
		]);
		expect(json.credentialSubject.achievement.criteria.narrative).toContain('at the versions current on 2026-10-15, listed below');
		// The versions' day is neither the completion date nor the signing date.
		expect(json.awardedDate).toBe(`${TODAY}T00:00:00Z`);
		expect(Date.now() - Date.parse(json.validFrom)).toBeLessThan(5 * 60_000);
		const validate = achievementCredentialSchema();
		expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
		// The image draws the same versions: it is the certificate drawn with them, the credential baked in.
		const png = new Uint8Array(readFileSync(join(work, 'as-of', 'grace-hopper.png')));
		const baked = (await readBakedCredential(png))!;
		expect(JSON.parse(baked)).toEqual(json);
		const drawn = (versions: string[]) =>
			renderCertificate(
				{
					name: 'Grace Hopper',
					track: 'Tea foundations',
					title: 'Tea Foundations',
					curriculum: 'Steeped',
					date: TODAY,
					modules: ['Water temperature', 'Brewing basics', 'Serving'].map((title, i) => ({ title, version: versions[i]! })),
					issuer: 'Kyoto Tea Institute',
					verified: true,
					url: `${SITE}/verify/`,
					locale: 'en',
				},
				nodeEnvironment
			);
		expect(Buffer.from(bakeCredential(await drawn(['1.0.0', '2.0.0', '1.0.1']), baked)).equals(Buffer.from(png))).toBe(true);
		expect(Buffer.from(bakeCredential(await drawn(['1.0.0', '2.1.0', '1.0.1']), baked)).equals(Buffer.from(png))).toBe(false);
		// It verifies against the content, whose brewing-basics has moved on to 2.1.0, and names the version studied.
		const { issuers } = loadIssuers(content, work);
		expect(await verifyCredential(json, { issuers: trustedIssuers(SITE, issuers), issuersPage: `${SITE}/issuers/` })).toMatchObject({
			ok: true,
			summary: { modules: [{ description: 'Version 1.0.0' }, { name: 'Brewing basics', description: 'Version 2.0.0' }, { description: 'Version 1.0.1' }] },
		});
		const checked = run('verify', 'as-of/grace-hopper.png');
		expect(checked.status, checked.output).toBe(0);
		expect(checked.output).toContain('Modules: Water temperature (version 1.0.0); Brewing basics (version 2.0.0); Serving (version 1.0.1).');
	});

	test('--as-of before a module was released, before the track existed, in the future, after --date, or not a date is refused, and nothing is written', () => {
		const refused = (...args: string[]) => {
			const result = issue('--name', 'Grace Hopper', ...args, '--out', 'as-of-refused');
			expect(result.status, result.output).toBe(2);
			return result.output.trim();
		};
		expect(refused('--as-of', '2026-08-15')).toBe(
			'--as-of: On 2026-08-15 the module “Serving” (serving) of the track “Tea foundations” (tea-foundations) had not been released yet: it was first released on 2026-09-01. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.'
		);
		expect(refused('--as-of', '2019-06-01')).toBe(
			'--as-of: On 2019-06-01 the track “Tea foundations” (tea-foundations) did not exist yet: none of its modules had been released, the first of them to be released being “Water temperature” (water-temperature), first released on 2020-01-10. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.'
		);
		expect(refused('--as-of', '2026-11-24')).toBe('--as-of: the as-of date 2026-11-24 is after today (2026-11-23). Give the day whose module versions the class studied, such as the day it began.');
		expect(refused('--date', '2026-10-01', '--as-of', '2026-10-15')).toBe(
			'--as-of: The as-of date 2026-10-15 is after the completion date 2026-10-01, and a learner completes a track with the module versions released by then. Give --as-of on or before 2026-10-01, the day whose versions the learner studied.'
		);
		expect(refused('--as-of', '15/10/2026')).toBe('--as-of: The as-of date "15/10/2026" is not a date. Write it as year-month-day, like 2026-11-23.');
		expect(existsSync(join(work, 'as-of-refused'))).toBe(false);
	});

	test('a roster’s as_of column gives a learner the versions of their own day, and a wrong one is a problem on its line', () => {
		writeFileSync(join(work, 'cohorts.csv'), 'name,date,as_of\nAna Núñez,2026-11-20,2026-09-05\nBen Okafor,2026-11-20,\nCy Young,2026-11-20,2026-08-20\nDee Ito,2026-10-01,\n');
		const wrong = issue('--roster', 'cohorts.csv', '--as-of', '2026-10-15', '--out', 'cohorts');
		expect(wrong.status).toBe(1);
		expect(wrong.output.trim().split('\n')).toEqual([
			'The roster has 2 problems, so no certificate was made:',
			'cohorts.csv:4: On 2026-08-20 the module “Serving” (serving) of the track “Tea foundations” (tea-foundations) had not been released yet: it was first released on 2026-09-01. A certificate names a version of every module the track has, so give a day on or after 2026-09-01, when the last of them was first released.',
			'cohorts.csv:5: The as-of date 2026-10-15 is after the completion date 2026-10-01, and a learner completes a track with the module versions released by then. Give --as-of on or before 2026-10-01, the day whose versions the learner studied.',
		]);
		expect(existsSync(join(work, 'cohorts'))).toBe(false);
		writeFileSync(join(work, 'cohorts.csv'), 'name,date,as_of\nAna Núñez,2026-11-20,2026-09-05\nBen Okafor,2026-11-20,\n');
		const right = issue('--roster', 'cohorts.csv', '--as-of', '2026-10-15', '--out', 'cohorts');
		expect(right.status, right.output).toBe(0);
		const versions = (name: string) => JSON.parse(readFileSync(join(work, 'cohorts', `${name}.json`), 'utf8')).evidence.map((evidence: { description: string }) => evidence.description);
		expect(versions('ana-núñez')).toEqual(['Version 1.0.0', 'Version 2.0.0', 'Version 1.0.0']);
		expect(versions('ben-okafor')).toEqual(['Version 1.0.0', 'Version 2.0.0', 'Version 1.0.1']);
	});

	test('a roster with errors names each line and writes nothing', () => {
		writeFileSync(join(work, 'class.csv'), 'name,date\nAna Núñez,2026-11-20\n,2026-11-20\nBen Okafor,20/11/2026\n');
		const result = issue('--roster', 'class.csv', '--out', 'class');
		expect(result.status).toBe(1);
		expect(result.output).toContain('The roster has 2 problems, so no certificate was made:\nclass.csv:3: The name is empty.');
		expect(result.output).toContain('class.csv:4: The completion date "20/11/2026" is not a date.');
		expect(existsSync(join(work, 'class'))).toBe(false);
	});

	test('a roster in another encoding than UTF-8 is refused, and one saved as Unicode Text is read', () => {
		// "CSV (Comma delimited)" from a spreadsheet on Windows: Windows-1252, where "é" is one byte that UTF-8 cannot read.
		writeFileSync(join(work, 'windows.csv'), Buffer.from('name,date\r\nBen Okafor,2026-11-20\r\nJos\xe9 N\xfa\xf1ez,2026-11-20\r\n', 'latin1'));
		const windows = issue('--roster', 'windows.csv', '--out', 'windows');
		expect(windows.status).toBe(1);
		expect(windows.output).toContain('No certificate was made: windows.csv:3: The roster is not saved as UTF-8 text');
		expect(windows.output).toContain('Save it again as "CSV UTF-8 (Comma delimited)"');
		expect(existsSync(join(work, 'windows'))).toBe(false);
		// "Unicode Text": UTF-16 with its byte order mark, fields between tabs.
		writeFileSync(join(work, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\tdate\r\nJosé Núñez\t2026-11-20\r\n', 'utf16le')]));
		const unicode = issue('--roster', 'unicode.txt', '--out', 'unicode');
		expect(unicode.output).toContain('Issued 1 certificate');
		expect(JSON.parse(readFileSync(join(work, 'unicode', 'josé-núñez.json'), 'utf8')).credentialSubject.identifier[0].identityHash).toBe('José Núñez');
	});

	test('every problem of a roster is named in one pass, names no font can draw and learners listed twice among them', () => {
		writeFileSync(join(work, 'burmese.csv'), 'name,date\nAna Núñez,2026-11-20\nမောင်မောင်,2026-11-20\nAung မင်း,2026-11-20\nAna Núñez ,2026-11-20\nBen Okafor,20/11/2026\n');
		const result = issue('--roster', 'burmese.csv', '--out', 'burmese');
		expect(result.status).toBe(1);
		const lines = result.output.trim().split('\n');
		expect(lines[0]).toBe('The roster has 4 problems, so no certificate was made:');
		expect(lines.slice(1)).toEqual([
			expect.stringMatching(/^burmese\.csv:3: The name "မောင်မောင်" has characters that no bundled font can draw: /),
			expect.stringMatching(/^burmese\.csv:4: The name "Aung မင်း" has characters that no bundled font can draw: /),
			expect.stringMatching(/^burmese\.csv:5: "Ana Núñez" is on lines 2 and 5, each completed on 2026-11-20, and would get 2 certificates\. /),
			expect.stringMatching(/^burmese\.csv:6: The completion date "20\/11\/2026" is not a date\. /),
		]);
		expect(lines[1]).toMatch(/draw: "[^"]+" \(U\+10[0-9A-F]{2}\).*\. Write it without them \(in a Latin transcription, say\), or ask the site maintainers to add a font for that script \(src\/lib\/cards\/fonts\.ts\)\.$/);
		expect(existsSync(join(work, 'burmese'))).toBe(false);
	});

	test('a name no font can draw given with --name is a mistake in the command, as its other mistakes are', () => {
		const result = issue('--name', 'မောင်မောင်', '--out', 'burmese-name');
		expect(result.status).toBe(2);
		expect(result.output).toMatch(/^--name: The name "မောင်မောင်" has characters that no bundled font can draw: /);
		expect(issue('--name', ' ', '--out', 'burmese-name').status).toBe(2);
		expect(existsSync(join(work, 'burmese-name'))).toBe(false);
	});

	test('today is the day on the issuer’s calendar, wherever they are', () => {
		// At any moment one of these is on another day than UTC: Kiritimati is 14 hours ahead, Etc/GMT+12 12 hours behind.
		for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
			const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
			const out = `zone-${zone.replace(/\W/g, '-')}`;
			writeFileSync(join(work, `${out}.csv`), `name,date\nAda Lovelace,${local}\nGrace Hopper,\n`);
			const result = inProject({ work, content }, { TZ: zone, CURRENTS_TODAY: '' }, 'issue', '--issuer', 'kyoto-tea', '--key', 'keys/kyoto-tea.private.jwk', '--track', 'tea-foundations', '--roster', `${out}.csv`, '--out', out);
			expect(result.status, `${zone}: ${result.output}`).toBe(0);
			const awarded = (name: string) => JSON.parse(readFileSync(join(work, out, `${name}.json`), 'utf8')).awardedDate;
			expect([awarded('ada-lovelace'), awarded('grace-hopper')], zone).toEqual([`${local}T00:00:00Z`, `${local}T00:00:00Z`]);
		}
	});

	test('--print adds a print-size PNG with the same credential, and --out must be a folder', async () => {
		const result = issue('--name', 'Grace Hopper', '--print', '--out', 'print');
		expect(result.output).toContain('and a .print.png at print size (3508×2480) with the same credential');
		expect(readdirSync(join(work, 'print')).sort()).toEqual(['grace-hopper.json', 'grace-hopper.png', 'grace-hopper.print.png']);
		const png = (name: string) => new Uint8Array(readFileSync(join(work, 'print', name)));
		const width = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(16);
		expect([width(png('grace-hopper.png')), width(png('grace-hopper.print.png'))]).toEqual([1754, 3508]);
		expect(await readBakedCredential(png('grace-hopper.print.png'))).toBe(await readBakedCredential(png('grace-hopper.png')));
		writeFileSync(join(work, 'a-file'), '');
		const file = issue('--name', 'Grace Hopper', '--out', 'a-file');
		expect(file.status).toBe(2);
		expect(file.output).toContain('--out: a-file is a file. Give a folder for the certificates');
	});

	test('a roster issues one certificate per learner, with an expiry', () => {
		writeFileSync(join(work, 'class2.csv'), 'name,valid_until\nAna Núñez,2028-11-30\nZhang Wei,\n');
		const result = issue('--roster', 'class2.csv', '--valid-until', '2027-11-30', '--out', 'class2');
		expect(result.output).toContain('Issued 2 certificates');
		const validUntil = (name: string) => JSON.parse(readFileSync(join(work, 'class2', `${name}.json`), 'utf8')).validUntil;
		expect([validUntil('ana-núñez'), validUntil('zhang-wei')]).toEqual(['2028-11-30T23:59:59Z', '2027-11-30T23:59:59Z']);
	});

	test('a key that is not the issuer’s published key, or a damaged one, is refused before anything is signed', async () => {
		// In a scratch folder, which the run removes at its end (tests/global-setup.ts).
		const other = join(mkdtempSync(join(TMP, 'signing-other-')), 'other.private.jwk');
		writeFileSync(other, JSON.stringify((await generateIssuerKey()).jwk));
		const foreign = run('issue', '--issuer', 'kyoto-tea', '--key', other, '--track', 'tea-foundations', '--name', 'Eve', '--out', 'eve');
		expect(foreign.status).toBe(1);
		expect(foreign.output).toContain(`The key in ${other} is not one of Kyoto Tea Institute's published keys (`);
		expect(foreign.output).toContain('Give --key the file keygen wrote for "kyoto-tea" (keys/kyoto-tea.private.jwk, unless keygen was given another with --key-out).');
		expect(foreign.output).toContain(`If that file is lost, make a new key pair with \`npm run certificate -- keygen --issuer kyoto-tea --content ${content}\``);
		writeFileSync(other, readFileSync(join(work, 'keys', 'kyoto-tea.private.jwk'), 'utf8').replace(/"x": "[^"]+"/, '"x": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"'));
		const damaged = run('issue', '--issuer', 'kyoto-tea', '--key', other, '--track', 'tea-foundations', '--name', 'Eve', '--out', 'eve');
		expect(damaged.output).toContain('is damaged: its private and public parts do not belong together');
		expect(existsSync(join(work, 'eve'))).toBe(false);
	});

	test('the advice for a key the issuer does not publish can be followed when the issuer’s key is lost', () => {
		const project = newProject();
		const command = (env: Record<string, string>, ...args: string[]) => inProject(project, env, ...args);
		expect(command({}, 'keygen', '--issuer', 'tea-guild', '--name', 'Tea Guild', '--url', 'https://guild.example.org').status).toBe(0);
		expect(command({}, 'keygen', '--issuer', 'tea-club', '--name', 'Tea Club', '--url', 'https://club.example.org').status).toBe(0);
		// Tea Guild's key is lost; the only key at hand is Tea Club's.
		rmSync(join(project.work, 'keys', 'tea-guild.private.jwk'));
		const issueAs = (key: string) => command({}, 'issue', '--issuer', 'tea-guild', '--key', key, '--track', 'tea-foundations', '--name', 'Ana Núñez', '--out', 'guild');
		const refused = issueAs('keys/tea-club.private.jwk');
		expect(refused.status).toBe(1);
		expect(refused.output).toContain('so certificates signed with it would not verify: it is a key of "tea-club" (');
		// The command the message suggests, run as written, makes a key that issues.
		const suggested = /`npm run certificate -- (keygen [^`]+)`/.exec(refused.output)?.[1];
		expect(suggested, refused.output).toBeDefined();
		const keygen = spawnSync(node, [script, ...suggested!.split(' ')], { cwd: project.work, encoding: 'utf8', env: { ...process.env, CURRENTS_TODAY: TODAY, NO_COLOR: '1' } });
		expect(keygen.status, keygen.stdout + keygen.stderr).toBe(0);
		expect(keygen.stdout).toContain('Added a new key to');
		const issued = issueAs('keys/tea-guild.private.jwk');
		expect(issued.status, issued.output).toBe(0);
		expect(issued.output).toContain('Issued 1 certificate');
	});

	test('an issuer’s name too long for the image is a warning from keygen and issue, and the credential keeps it whole', () => {
		const project = newProject();
		const name = 'Northern Regional Institute for Continuing Professional Development in Health';
		const made = inProject(project, {}, 'keygen', '--issuer', 'northern-institute', '--name', name, '--url', 'https://northern.example.org');
		expect(made.status, made.output).toBe(0);
		const warning = (file: string) =>
			`Warning: the issuer's name "${name}" is too long for its line on the certificate image, which has room for about 62 of its 77 characters, so the image shows it cut short with "…". The signed credential keeps the full name, and the verify page shows it. To have the image show it whole, shorten the "name" in ${file} to about 62 characters.`;
		expect(made.output).toContain(warning(relative(project.work, join(project.content, 'issuers', 'northern-institute.yaml'))));
		const issued = inProject(project, {}, 'issue', '--issuer', 'northern-institute', '--key', 'keys/northern-institute.private.jwk', '--track', 'tea-foundations', '--name', 'Ana Núñez', '--out', 'northern');
		expect(issued.status, issued.output).toBe(0);
		expect(issued.output).toContain(warning(relative(project.work, join(project.content, 'issuers', 'northern-institute.yaml'))));
		expect(JSON.parse(readFileSync(join(project.work, 'northern', 'ana-núñez.json'), 'utf8')).issuer.name).toBe(name);
	});

	test('an issuer profile with a broken key is a finding with its line', () => {
		const dir = mkdtempSync(join(TMP, 'signing-issuers-'));
		const folder = join(dir, 'content', 'issuers');
		spawnSync('mkdir', ['-p', folder]);
		writeFileSync(join(folder, 'bad.yaml'), 'name: Bad\nurl: https://bad.example\nkeys:\n  - publicKeyMultibase: z6MkNOTAKEY\n    created: 2026-11-23\n');
		writeFileSync(join(folder, 'bad.private.jwk'), '{}');
		const { issuers, findings } = loadIssuers(join(dir, 'content'), dir);
		expect(issuers).toEqual([]);
		expect(findings.map((f) => [relative('content', f.file), f.line, f.rule])).toEqual([
			['issuers/bad.private.jwk', 0, 'unexpected-file'],
			['issuers/bad.yaml', 4, expect.any(String)],
		]);
		expect(findings[1]!.message).toContain('"z6MkNOTAKEY" is not an Ed25519 public key');
	});
});

describe('the README’s three commands for a class', () => {
	test('keygen, issue from a roster and verify work as written, on a copy of the bundled curriculum', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const block = /### Issue signed certificates to a class\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
		expect(block, 'README section "Issue signed certificates to a class"').toBeDefined();
		const commands = block!.trim().split('\n');
		expect(commands).toHaveLength(3);
		const work = mkdtempSync(join(TMP, 'readme-class-'));
		cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
		copyFileSync(join(ROOT, '.gitignore'), join(work, '.gitignore'));
		writeFileSync(join(work, 'class.csv'), 'name,email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\n');
		const outputs = commands.map((command) => {
			const words = (command.match(/"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^"|"$/g, ''));
			expect(words.slice(0, 4)).toEqual(['npm', 'run', 'certificate', '--']);
			const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'certificate.ts'), ...words.slice(4), '--content', join(work, 'content')], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
			expect(result.status, result.stdout + result.stderr).toBe(0);
			return result.stdout + result.stderr;
		});
		expect(existsSync(join(work, 'certificates', 'grace-hopper.png'))).toBe(true);
		expect(outputs[2]).toMatch(/Ada Lovelace/);
	});
});

