import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { bakeCredential } from '../src/lib/credentials/baked-png.ts';
import { CREDENTIAL_CONTEXTS, CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT } from '../src/lib/credentials/contexts.ts';
import { addProof, type JsonObject } from '../src/lib/credentials/data-integrity.ts';
import { issueOne, type Issuance } from '../src/lib/credentials/issue.ts';
import { loadIssuers } from '../src/lib/credentials/issuers.ts';
import { generateIssuerKey } from '../src/lib/credentials/keys.ts';
import { revocationListDocument, trustedIssuers, type IssuerRecord } from '../src/lib/credentials/profile.ts';
import { verifyCredential } from '../src/lib/credentials/verify.ts';
import { addIssuer, issuanceFor, SITE } from './browser/credentials.ts';
import { certificateCommand, copyFixture, specFile, TODAY } from './utils.ts';

/**
 * Revoking one certificate: the issuer's profile lists it under `revoked` (written by
 * `npm run certificate -- revoke`, checked by `npm run check`), the site publishes the list that every
 * credential names as its `credentialStatus`, and the verify logic refuses the certificate as revoked,
 * with the day and the issuer's reason, while the issuer's other certificates still verify.
 */
const LIST = `${SITE}/issuers/kyoto-tea/revocations.json`;
const PROFILE = `${SITE}/issuers/kyoto-tea.json`;
/** A one-pixel PNG, to carry a credential as a certificate image does, without drawing one. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

let work: string;
let content: string;
let issuance: Issuance;
let credential: JsonObject;
/** The issuer as its profile now says, read as the site and the command line read it. */
const issuerNow = (dir = content): IssuerRecord => loadIssuers(dir, join(dir, '..'), TODAY).issuers.find((issuer) => issuer.id === 'kyoto-tea')!;
const verifyNow = (signed: JsonObject, issuer = issuerNow()) => verifyCredential(signed, { issuers: trustedIssuers(SITE, [issuer]), issuersPage: `${SITE}/issuers/`, now: new Date(`${TODAY}T12:00:00Z`) });
/** A credential of the issuer signed afresh with its id, or its status and contexts, changed as `change` says. */
async function resigned(change: (credential: any) => void): Promise<JsonObject> {
	const { proof: _, ...unsigned } = structuredClone(credential) as any;
	change(unsigned);
	return addProof(unsigned, { ...issuance.signer, created: new Date(`${TODAY}T09:00:00Z`) });
}

beforeAll(async () => {
	content = copyFixture('valid-course');
	work = join(content, '..');
	await addIssuer(content);
	issuance = await issuanceFor(content);
	credential = (await issueOne(issuance, { name: 'Ana Núñez', date: '2026-11-20' }, { issued: new Date(`${TODAY}T09:00:00Z`) })).credential;
	writeFileSync(join(work, 'ana.json'), JSON.stringify(credential, null, 2));
	writeFileSync(join(work, 'ana.png'), bakeCredential(PIXEL, JSON.stringify(credential)));
}, 120_000);

describe('a credential issued now', () => {
	test('names its issuer’s revocation list as its status, validates against the Open Badges 3.0 schema, and verifies', async () => {
		expect(credential.credentialStatus).toEqual({ id: LIST, type: '1EdTechRevocationList' });
		expect(credential['@context']).toEqual([...CREDENTIAL_CONTEXTS]);
		const ajv = new Ajv2019({ strict: false, allErrors: true });
		addFormats(ajv);
		const validate = ajv.compile(JSON.parse(readFileSync(specFile('open-badges-3.0', 'ob_v3p0_achievementcredential_schema.json', 'The Open Badges 3.0 specification'), 'utf8')));
		expect(validate(credential), JSON.stringify(validate.errors, null, 2)).toBe(true);
		expect(await verifyNow(credential)).toMatchObject({ ok: true, summary: { learner: 'Ana Núñez' } });
		// The status is signed: pointing it elsewhere breaks the signature.
		const moved = structuredClone(credential) as any;
		moved.credentialStatus.id = 'https://elsewhere.example/revocations.json';
		expect(await verifyNow(moved)).toMatchObject({ ok: false, code: 'tampered' });
	});

	test('the published list, with none revoked yet, answers at the address the credential names', () => {
		expect(revocationListDocument(SITE, issuerNow())).toEqual({ id: LIST, issuer: PROFILE, revokedCredentials: [] });
	});
});

describe('the verify logic', () => {
	const revokedOn = (issuer: IssuerRecord, entry: { id: string; reason?: string }) => ({ ...issuer, revoked: [{ date: '2026-11-22', ...entry }] });

	test('refuses a revoked certificate as revoked, with the day and the reason, and still shows what the issuer signed', async () => {
		const verdict = await verifyNow(credential, revokedOn(issuerNow(), { id: credential.id as string, reason: 'Issued to the wrong learner.' }));
		expect(verdict).toMatchObject({ ok: false, code: 'revoked', refusal: { key: 'reasonRevokedBecause', values: { date: 'November 22, 2026', reason: 'Issued to the wrong learner.' } }, summary: { learner: 'Ana Núñez' } });
		expect(verdict.ok || verdict.reason).toBe(
			'Kyoto Tea Institute revoked this certificate on November 22, 2026. Its signature is genuine and nothing in it was changed, but the issuer no longer stands behind it, so it is not valid. The issuer’s reason: “Issued to the wrong learner.”'
		);
		const silent = await verifyNow(credential, revokedOn(issuerNow(), { id: (credential.id as string).toUpperCase() }));
		expect(silent.ok || silent.reason).toBe('Kyoto Tea Institute revoked this certificate on November 22, 2026. Its signature is genuine and nothing in it was changed, but the issuer no longer stands behind it, so it is not valid.');
	});

	test('finds a credential issued before credentials named their status, by its id', async () => {
		const older = await resigned((unsigned) => {
			delete unsigned.credentialStatus;
			unsigned['@context'] = [CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT];
		});
		expect(await verifyNow(older)).toMatchObject({ ok: true });
		expect(await verifyNow(older, revokedOn(issuerNow(), { id: older.id as string }))).toMatchObject({ ok: false, code: 'revoked' });
	});

	test('finds a revoked certificate whose id was rewritten in another JSON-LD form that signs the same', async () => {
		const revoked = revokedOn(issuerNow(), { id: credential.id as string });
		// `@id` for `id`, or a term of an added context that stands for it: the signature still holds.
		const { id, ...rest } = credential;
		const keyword = { ...rest, '@id': id };
		const aliased = { ...rest, '@context': [...(credential['@context'] as string[]), { identifier: '@id' }], identifier: id };
		for (const rewritten of [keyword, aliased]) {
			const verdict = await verifyNow(rewritten, revoked);
			expect(verdict.ok, JSON.stringify(verdict)).toBe(false);
			expect(verdict).toMatchObject({ code: expect.stringMatching(/^(not-a-credential|revoked|tampered|unsupported-proof)$/) });
		}
	});

	test('revokes only that certificate, and only for its own issuer', async () => {
		const another = await resigned((unsigned) => (unsigned.id = 'urn:uuid:5b0c5d0e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'));
		expect(await verifyNow(another, revokedOn(issuerNow(), { id: credential.id as string }))).toMatchObject({ ok: true });
		// Another issuer's list naming the same id revokes nothing of this one's.
		const stranger = await generateIssuerKey();
		const other = { id: 'tea-guild', name: 'Tea Guild', url: 'https://guild.example', keys: [{ publicKeyMultibase: stranger.publicKeyMultibase, created: TODAY }], revoked: [{ id: credential.id as string, date: TODAY }] };
		const verdict = await verifyCredential(credential, { issuers: trustedIssuers(SITE, [other, issuerNow()]), issuersPage: `${SITE}/issuers/`, now: new Date(`${TODAY}T12:00:00Z`) });
		expect(verdict).toMatchObject({ ok: true });
	});
});

describe('the issuer profile’s revoked list', () => {
	test('reports a bad entry with its line, what is wrong and how to fix it, every one in one pass', () => {
		const dir = copyFixture('valid-course');
		const id = 'urn:uuid:3f1c2a9e-8b4d-4e6f-9a1b-2c3d4e5f6a7b';
		const profile = `name: Kyoto Tea Institute
url: https://tea.example.edu
keys:
  - publicKeyMultibase: z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK
    created: 2026-01-05
revoked:
  - id: https://tea.example.edu/certificates/17
    date: 2026-11-01
  - id: ${id}
    date: 2026-11-02
  - id: ${id.toUpperCase()}
    date: 2026-11-03
  - id: urn:uuid:0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a
    date: 2027-03-01
    reason: Issued in <b>error</b>
`;
		mkdirSync(join(dir, 'issuers'));
		writeFileSync(join(dir, 'issuers', 'kyoto-tea.yaml'), profile);
		const found = checkCurriculum(dir, { on: TODAY, root: join(dir, '..') }).findings.filter((f) => f.file === 'content/issuers/kyoto-tea.yaml');
		expect(found.map(({ rule, line, message }) => [rule, line, message])).toEqual([
			['schema', 7, '`revoked[0].id`: "https://tea.example.edu/certificates/17" is not a credential id: the credentials this site\'s issuers sign are named "urn:uuid:" followed by 36 letters, digits and hyphens.'],
			['duplicate-id', 11, `\`revoked[2].id\`: ${id} is revoked twice, in entries 2 and 3 of \`revoked\`.`],
			['future-date', 14, 'The revocation of urn:uuid:0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a is dated 2027-03-01, which is after today (2026-11-23).'],
			['plain-text', 15, '`revoked[3].reason`: "Issued in <b>error</b>" holds the markup `<b>`, but it is shown to readers as text.'],
		]);
		expect(found[0]!.fix).toBe('Copy the "id" at the top of the certificate\'s .json file, or let `npm run certificate -- revoke --credential <file>` read it from the certificate and write the entry.');
		expect(found[1]!.fix).toBe('Keep one entry for it, with the day it was first revoked, and delete entry 3.');
	});
});

describe('npm run certificate -- revoke', () => {
	const profileFile = (dir: string) => join(dir, 'issuers', 'kyoto-tea.yaml');
	/** The command in the project of the content folder `dir`, with TODAY as today. */
	const run = (dir: string, ...args: string[]) => {
		const result = certificateCommand({ content: dir, work: join(dir, '..') }, args);
		return { status: result.status, output: result.output.trim() };
	};
	/** A project of its own with the issuer, for a test that changes its profile. */
	const freshProject = async () => {
		const dir = copyFixture('valid-course');
		await addIssuer(dir);
		return dir;
	};

	test('adds the certificate in a PNG to the issuer’s list, keeping the profile’s comments, and then it verifies as revoked', () => {
		const before = readFileSync(profileFile(content), 'utf8');
		const result = run(content, 'revoke', '--issuer', 'kyoto-tea', '--credential', 'ana.png', '--reason', 'Issued to the wrong learner.');
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain(`Revoked ${credential.id} in content/issuers/kyoto-tea.yaml, dated ${TODAY}, with the reason “Issued to the wrong learner.”.`);
		expect(result.output).toContain(`${LIST} lists it; the issuer's other certificates still verify.`);
		const after = readFileSync(profileFile(content), 'utf8');
		expect(before).toMatch(/^# An issuer of signed certificates/);
		expect(after.slice(0, before.length)).toBe(before);
		expect(after.slice(before.length)).toBe(`revoked:\n  - id: ${credential.id}\n    date: ${TODAY}\n    reason: Issued to the wrong learner.\n`);
		expect(issuerNow().revoked).toEqual([{ id: credential.id, date: TODAY, reason: 'Issued to the wrong learner.' }]);
		expect(revocationListDocument(SITE, issuerNow())).toEqual({ id: LIST, issuer: PROFILE, revokedCredentials: [{ id: credential.id, revoked: true, revocationReason: 'Issued to the wrong learner.' }] });
		expect(run(content, 'verify', 'ana.json').output).toBe(
			'Not verified: Kyoto Tea Institute revoked this certificate on November 23, 2026. Its signature is genuine and nothing in it was changed, but the issuer no longer stands behind it, so it is not valid. The issuer’s reason: “Issued to the wrong learner.”'
		);
	});

	test('takes a credential’s id instead of its file, and a day before today, and the check accepts what it wrote', async () => {
		const dir = await freshProject();
		// An issuer who opened the list by hand and left it empty has none revoked, and can still revoke.
		writeFileSync(profileFile(dir), `${readFileSync(profileFile(dir), 'utf8').trimEnd()}\nrevoked:\n`);
		expect(issuerNow(dir).revoked).toEqual([]);
		const ids = ['urn:uuid:7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908', 'urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'];
		for (const id of ids) expect(run(dir, 'revoke', '--issuer', 'kyoto-tea', '--id', id, '--date', '2026-11-20').status).toBe(0);
		expect(issuerNow(dir).revoked).toEqual(ids.map((id) => ({ id, date: '2026-11-20' })));
		expect(checkCurriculum(dir, { on: TODAY, root: join(dir, '..') }).findings.filter((f) => f.file.includes('issuers/'))).toEqual([]);
	});

	test('refuses bad input with what to do, and leaves the profile as it was', async () => {
		const dir = await freshProject();
		const revoked = 'urn:uuid:7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908';
		expect(run(dir, 'revoke', '--issuer', 'kyoto-tea', '--id', revoked, '--reason', 'Issued in error.').status).toBe(0);
		const before = readFileSync(profileFile(dir), 'utf8');
		writeFileSync(join(dir, '..', 'ana.json'), JSON.stringify(credential));
		writeFileSync(join(dir, '..', 'other.json'), JSON.stringify({ ...credential, issuer: { id: `${SITE}/issuers/tea-guild.json` } }));
		const fresh = 'urn:uuid:2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
		const refusals: [string[], number, string][] = [
			[['--id', revoked.toUpperCase()], 1, `${revoked} is already revoked in content/issuers/kyoto-tea.yaml, on ${TODAY} (“Issued in error.”), so nothing was changed. To change its date or reason, edit that entry.`],
			[['--id', 'urn:uuid:17'], 2, '--id: "urn:uuid:17" is not a credential id: the credentials this site\'s issuers sign are named "urn:uuid:" followed by 36 letters, digits and hyphens. Copy the "id" at the top'],
			[['--id', fresh, '--date', '2026-11-30'], 2, '--date: the revocation date 2026-11-30 is after today (2026-11-23). Give the day the certificate was revoked, or leave --date out for today.'],
			[['--id', fresh, '--reason', 'See <b>this</b>'], 2, '--reason: "See <b>this</b>" holds the markup `<b>`'],
			[['--credential', 'other.json'], 2, `--credential: other.json was issued by "${SITE}/issuers/tea-guild.json", not by "kyoto-tea" (${PROFILE}). An issuer revokes only the certificates it issued`],
			[['--credential', 'missing.json'], 2, '--credential: there is no file at missing.json.'],
			[['--credential', 'ana.json', '--id', fresh], 2, "Give either --credential <file> (the certificate's .png or .json) or --id urn:uuid:<uuid> (its credential's id), not both."],
			[[], 2, "Give either --credential <file> (the certificate's .png or .json) or --id urn:uuid:<uuid> (its credential's id), not neither."],
		];
		for (const [args, status, message] of refusals) {
			const result = run(dir, 'revoke', '--issuer', 'kyoto-tea', ...args);
			expect(result.output, args.join(' ')).toContain(message);
			expect(result.status, args.join(' ')).toBe(status);
		}
		const unknown = run(dir, 'revoke', '--issuer', 'tea-guild', '--id', fresh);
		expect(unknown.output).toContain('There is no issuer "tea-guild": content/issuers/tea-guild.yaml does not exist. Issuers: kyoto-tea.');
		expect(readFileSync(profileFile(dir), 'utf8')).toBe(before);
	});
});
