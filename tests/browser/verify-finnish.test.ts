import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueOne, type Issuance } from '../../src/lib/credentials/issue.ts';
import { trustedIssuers, verificationMethodId } from '../../src/lib/credentials/profile.ts';
import { verifyCredential, verifyCredentialText, type VerifyOptions } from '../../src/lib/credentials/verify.ts';
import { refusalText } from '../../src/lib/credentials/refusal.ts';
import { en, fi } from '../../src/lib/i18n/ui/verify.ts';
import type { JsonObject } from '../../src/lib/credentials/data-integrity.ts';
import { curriculumWithIssuer, SITE } from './credentials.ts';
import { serveCurriculum, type ServedSite } from './harness.ts';

/**
 * The verify page in another language: the valid-course fixture with `locales: [en, fi]` and one
 * issuer, Kyoto Tea Institute (credentials.ts), as `verify.test.ts` has it. The page at /fi/verify/ writes its verdicts, refusals included, in
 * Finnish.
 */

describe('verifying a certificate on the Finnish verify page', () => {
	let site: ServedSite;
	let issuance: Issuance;
	let credential: JsonObject;
	let trusted: VerifyOptions['issuers'];
	const contexts: BrowserContext[] = [];
	const open = async (path = '/fi/verify/') => {
		const opened = await site.open(path);
		contexts.push(opened.context);
		return opened.page;
	};
	const result = (page: Page) => page.locator('[data-verify-result]');
	const paste = async (page: Page, pasted: unknown) => {
		await page.getByLabel('Tai liitä sähköinen todistus').fill(typeof pasted === 'string' ? pasted : JSON.stringify(pasted, null, 2));
		await page.getByRole('button', { name: 'Tarkista liitetty todistus' }).click();
		await expect.poll(() => result(page).locator('h3').textContent()).toMatch(/vahvistettu/i);
		return (await result(page).textContent()) ?? '';
	};

	beforeAll(async () => {
		const prepared = await curriculumWithIssuer((content) => appendFileSync(join(content, 'curriculum.yaml'), '\nlocales: [en, fi]\n'));
		issuance = prepared.issuance;
		trusted = trustedIssuers(SITE, [issuance.issuer]);
		site = await serveCurriculum('verify-finnish', prepared.content);
		credential = (await issueOne(issuance, { name: 'Ana Núñez', date: '2026-11-20' })).credential;
	}, 180_000);
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await site?.close();
	});

	it('a tampered credential is refused with the reason in Finnish, and none of its claims are shown', async () => {
		const page = await open();
		const tampered = structuredClone(credential) as any;
		tampered.evidence[1].description = 'Version 3.0.0';
		const text = await paste(page, tampered);
		expect(await result(page).locator('h3').textContent()).toBe('Ei vahvistettu');
		expect(text).toContain('Todistusta on muutettu sen jälkeen, kun Kyoto Tea Institute allekirjoitti sen: allekirjoitus ei vastaa sisältöä.');
		expect(text).not.toContain('signature');
		expect(text).not.toContain('Ana Núñez');
	});

	it('a genuine credential is verified, with its details under Finnish labels and a Finnish date', async () => {
		const page = await open();
		const text = await paste(page, credential);
		expect(await result(page).locator('h3').textContent()).toBe('Vahvistettu');
		expect(await result(page).locator('dt').allTextContents()).toEqual(['Oppija', 'Todistus', 'Suoritettu', 'Moduulit', 'Myöntäjä', 'Allekirjoitettu']);
		expect(text).toContain('20. marraskuuta 2026');
	});

	it('text that is not a credential is refused in Finnish, and the English page still says it in English', async () => {
		expect(await paste(await open(), 'not a credential')).toContain('Tämä ei ole sähköinen todistus: teksti ei ole kelvollista JSONia.');
		const english = await open('/verify/');
		await english.getByLabel('Or paste the credential').fill('not a credential');
		await english.getByRole('button', { name: 'Check the pasted credential' }).click();
		await expect.poll(() => result(english).textContent()).toContain('This is not a credential: the text is not valid JSON.');
	});

	it('words a refusal in Finnish around the JSON-LD library’s own English detail, which it marks as English', async () => {
		const page = await open();
		const foreignContext = structuredClone(credential) as any;
		foreignContext['@context'] = [...foreignContext['@context'], 'https://contexts.example/unknown/v1'];
		const verdict = await verifyCredential(foreignContext, { issuers: trusted, issuersPage: `${SITE}/issuers/` });
		expect(verdict).toMatchObject({ ok: false, refusal: { key: 'reasonCannotCheck', english: ['detail'] } });
		const detail = verdict.ok ? '' : (verdict.refusal.values?.detail ?? '');
		const text = await paste(page, foreignContext);
		expect(text).toContain(`Todistusta ei voi tarkistaa: ${detail} Todistusta on muutettu`);
		expect(await result(page).locator('p span[lang="en"]').textContent()).toBe(detail);
		expect(await result(page).locator('p[lang="en"]').count()).toBe(0);
	});

	it('words every refusal the checker makes from an interface string, which Finnish has, so that none reaches a Finnish page in English', async () => {
		const options = { issuers: trusted, issuersPage: `${SITE}/issuers/`, now: new Date('2026-11-25T00:00:00Z') };
		const stranger = structuredClone(credential) as any;
		stranger.issuer = { id: 'https://mill.example/issuer', name: 'Diploma Mill' };
		const unnamed = structuredClone(credential) as any;
		delete unnamed.issuer;
		const noProof = structuredClone(credential) as any;
		delete noProof.proof;
		const otherPurpose = structuredClone(credential) as any;
		otherPurpose.proof.proofPurpose = 'authentication';
		const otherKey = structuredClone(credential) as any;
		otherKey.proof.verificationMethod = `${SITE}/issuers/kyoto-tea/keys/z6MkOther.json`;
		const tampered = structuredClone(credential) as any;
		tampered.evidence[1].description = 'Version 3.0.0';
		const unknownField = structuredClone(credential) as any;
		unknownField.credentialSubject.favouriteTea = 'sencha';
		const verdicts = [
			await verifyCredentialText('not a credential', options),
			await verifyCredentialText('eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln', options),
			await verifyCredential({ type: ['VerifiableCredential'] }, options),
			await verifyCredential(stranger, options),
			await verifyCredential(unnamed, options),
			await verifyCredential(noProof, options),
			await verifyCredential(otherPurpose, options),
			await verifyCredential(otherKey, options),
			await verifyCredential(tampered, options),
			await verifyCredential(unknownField, options),
			await verifyCredential(credential, { ...options, now: new Date('2020-01-01T00:00:00Z') }),
		];
		const keys = verdicts.map((verdict) => (verdict.ok ? 'verified' : verdict.refusal.key));
		expect(keys).toEqual([
			'reasonNotJson',
			'reasonJwt',
			'reasonNotOpenBadges',
			'reasonUnknownIssuer',
			'reasonUnnamedIssuer',
			'reasonNoProof',
			'reasonNotAssertion',
			'reasonUnknownKey',
			'reasonTampered',
			'reasonUnknownField',
			'reasonNotYetValid',
		]);
		expect(verdicts[3]).toMatchObject({ refusal: { values: { who: '“Diploma Mill” (https://mill.example/issuer)', page: `${SITE}/issuers/` } } });
		for (const verdict of verdicts) {
			if (verdict.ok) continue;
			// The English sentence (the command line's, and the English page's) is the interface string filled in.
			expect(verdict.reason).toBe(refusalText(verdict.refusal));
			const key = `currents.verify.${verdict.refusal.key}` as const;
			expect(fi[key], key).not.toBe(en[key]);
		}
	});
});
