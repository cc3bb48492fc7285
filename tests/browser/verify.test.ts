import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProof, type JsonObject } from '../../src/lib/credentials/data-integrity.ts';
import { issueOne, type Issuance } from '../../src/lib/credentials/issue.ts';
import { generateIssuerKey } from '../../src/lib/credentials/keys.ts';
import { issuerProfileRef, revocationListDocument, trustedIssuers, verificationMethodId } from '../../src/lib/credentials/profile.ts';
import { verifyCredential, verifyCredentialText, type VerifyOptions } from '../../src/lib/credentials/verify.ts';
import { refusalText } from '../../src/lib/credentials/refusal.ts';
import { markSelfAssessed } from '../../src/lib/credentials/baked-png.ts';
import { en, fi } from '../../src/lib/i18n/ui/verify.ts';
import { sharedContent, TODAY } from '../utils.ts';
import { issuanceFor, REVOKED, signer, SITE } from './credentials.ts';
import { serveShared, type ServedSite } from './harness.ts';

/**
 * The verify page on the bilingual tea fixture with one issuer, Kyoto Tea Institute (credentials.ts,
 * tea-bilingual.ts): at /verify/ in English, and at /fi/verify/, which writes its verdicts, refusals
 * included, in Finnish. The run's one build of that fixture serves both.
 */
let site: ServedSite;
let issuance: Issuance;
beforeAll(async () => {
	site = await serveShared('tea-bilingual');
	issuance = await issuanceFor(sharedContent('tea-bilingual'));
}, 600_000);
const contexts: BrowserContext[] = [];
afterAll(async () => {
	for (const context of contexts) await context.close();
	await site?.close();
});

/** A page of the site in a fresh browser context, closed with the file. */
async function openPage(path: string, javaScriptEnabled = true): Promise<Page> {
	const opened = await site.open(path, { javaScriptEnabled });
	contexts.push(opened.context);
	return opened.page;
}
const result = (page: Page) => page.locator('[data-verify-result]');
/** Pastes a credential into the verify form, found by its labels in the page's language, and returns the verdict's text. */
const pasteWith = (words: { field: string; button: string; verdict: RegExp }) => async (page: Page, credential: unknown) => {
	await page.getByLabel(words.field).fill(typeof credential === 'string' ? credential : JSON.stringify(credential, null, 2));
	await page.getByRole('button', { name: words.button }).click();
	await expect.poll(() => result(page).locator('h3').textContent()).toMatch(words.verdict);
	return (await result(page).textContent()) ?? '';
};

describe('verifying a certificate in the browser', () => {
	let certificate: { credential: JsonObject & { credentialStatus: { id: string } }; png: Uint8Array };
	const open = (path = '/verify/', javaScriptEnabled = true) => openPage(path, javaScriptEnabled);
	const paste = pasteWith({ field: 'Or paste the credential', button: 'Check the pasted credential', verdict: /verified/i });

	beforeAll(async () => {
		certificate = (await issueOne(issuance, { name: 'Ana Núñez', date: '2026-11-20' })) as typeof certificate;
	});

	it('without JavaScript, says that checking needs it and names the issuers it trusts', async () => {
		const page = await open('/verify/', false);
		await expect.poll(() => page.locator('[data-verify-nojs]').isVisible()).toBe(true);
		expect(await page.locator('[data-verify]').isVisible()).toBe(false);
		expect(await page.locator('main').textContent()).toContain('Kyoto Tea Institute (https://tea.example.edu)');
	});

	it('a dropped certificate PNG is verified, showing learner, track, module versions, date and issuer; the checker loads only then', async () => {
		const page = await open();
		await expect.poll(() => page.locator('[data-verify]').isVisible()).toBe(true);
		expect(site.requests.some((request) => request.path.includes('verify-run'))).toBe(false);
		// Drop the file on the drop zone, as a reader drags it from their files.
		await page.evaluate(async (base64) => {
			const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
			const transfer = new DataTransfer();
			transfer.items.add(new File([bytes], 'ana-nunez.png', { type: 'image/png' }));
			document.querySelector('[data-verify-drop]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
		}, Buffer.from(certificate.png).toString('base64'));
		await expect.poll(() => result(page).locator('h3').textContent()).toBe('Verified');
		const text = await result(page).innerText();
		for (const expected of ['Learner\nAna Núñez', 'Tea Foundations, Steeped', 'Completed on\nNovember 20, 2026', 'Water temperature: version 1.0.0', 'Brewing basics: version 2.1.0', 'Serving: version 1.0.1', 'Issued by\nKyoto Tea Institute']) {
			expect(text).toContain(expected);
		}
		expect(await result(page).getByRole('link', { name: 'Brewing basics' }).getAttribute('href')).toBe(`${SITE}/modules/brewing-basics/v2/`);
		expect(site.requests.some((request) => request.path.includes('verify-run'))).toBe(true);
	});

	it('a chosen .json credential is verified', async () => {
		const page = await open();
		await page.getByLabel('Certificate file').setInputFiles({ name: 'ana-nunez.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(certificate.credential)) });
		await expect.poll(() => result(page).locator('h3').textContent()).toBe('Verified');
	});

	it('a tampered credential is refused with the reason, and none of its claims are shown', async () => {
		const page = await open();
		const tampered = structuredClone(certificate.credential) as any;
		tampered.evidence[1].description = 'Version 3.0.0';
		const text = await paste(page, tampered);
		expect(text).toContain('Not verified');
		expect(text).toContain('This credential was changed after Kyoto Tea Institute signed it: the signature does not match its contents.');
		expect(text).not.toContain('Ana Núñez');
	});

	it('a credential from an issuer the site does not list is refused, and the page says whom it trusts', async () => {
		const page = await open();
		const stranger = await generateIssuerKey();
		const other = { id: 'diploma-mill', name: 'Diploma Mill', url: 'https://mill.example', keys: [{ publicKeyMultibase: stranger.publicKeyMultibase, created: TODAY }] };
		const forged = await issueOne(
			{ ...issuance, issuer: { ...other, file: '' }, signer: { privateKey: await signer(stranger.jwk), verificationMethod: verificationMethodId(SITE, 'diploma-mill', stranger.publicKeyMultibase) } },
			{ name: 'Ana Núñez', date: '2026-11-20' }
		);
		const text = await paste(page, forged.credential);
		expect(text).toContain('This credential says it was issued by “Diploma Mill” (https://steeped.example.org/issuers/diploma-mill.json), which this site does not list as an issuer. This page trusts only the issuers listed at https://steeped.example.org/issuers/');
	});

	it('an expired credential is refused with the day it expired', async () => {
		const page = await open();
		const expired = await issueOne(issuance, { name: 'Ana Núñez', date: '2025-01-10', validUntil: '2025-06-30' }, { issued: new Date('2025-01-15T10:00:00Z') });
		const text = await paste(page, expired.credential);
		expect(text).toContain('This credential expired on June 30, 2025. Kyoto Tea Institute signed it, but it is no longer valid.');
		expect(text).toContain('What the credential says:');
	});

	it('what a signed credential says is shown as text, never as markup', async () => {
		const page = await open();
		const hostile = await issueOne(issuance, { name: 'Ana <img src=x onerror="document.title=1">', date: '2026-11-20' });
		const credential = structuredClone(hostile.credential) as any;
		delete credential.proof;
		credential.credentialSubject.achievement.id = 'javascript:alert(1)';
		const signed = await addProof(credential, issuance.signer);
		const text = await paste(page, signed);
		expect(text).toContain('Ana <img src=x onerror="document.title=1">');
		expect(await result(page).locator('img').count()).toBe(0);
		expect(await result(page).locator('a[href^="javascript:"]').count()).toBe(0);
	});

	it('a PNG without a credential and text that is not one are refused with what to do', async () => {
		const page = await open();
		expect(await paste(page, 'not a credential')).toContain('the text is not valid JSON');
		const plain = Buffer.from(certificate.png).subarray(0, 33);
		const end = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
		await page.getByLabel('Certificate file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.concat([plain, end]) });
		await expect.poll(() => result(page).textContent()).toContain('photo.png is an image with no credential inside');
		// A screenshot of the certificate, saved as a JPEG, is named for what it is.
		await page.getByLabel('Certificate file').setInputFiles({ name: 'screenshot.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]) });
		await expect.poll(() => result(page).textContent()).toContain('screenshot.jpg is a JPEG file. Only the certificate as the issuer sent it, its PNG image or its .json file, carries the credential');
	});

	it('tells the holder of a self-assessed certificate from a track page that it is one, not that a credential was removed', async () => {
		const page = await open();
		const plain = Buffer.from(certificate.png).subarray(0, 33);
		const end = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
		const drawn = markSelfAssessed(Buffer.concat([plain, end]));
		await page.getByLabel('Certificate file').setInputFiles({ name: 'tea-foundations-certificate.png', mimeType: 'image/png', buffer: Buffer.from(drawn) });
		await expect.poll(() => result(page).textContent()).toContain('tea-foundations-certificate.png is a self-assessed certificate, made on a track page of this site.');
		expect(await result(page).textContent()).not.toContain('removed');
	});

	it('publishes the issuer’s profile and keys for verifiers elsewhere', async () => {
		const page = await open('/issuers/');
		expect(await page.locator('main h2').allTextContents()).toContain('Kyoto Tea Institute');
		const profile = await (await fetch(site.url('/issuers/kyoto-tea.json'))).json();
		expect(profile).toMatchObject({ ...issuerProfileRef(SITE, { ...issuance.issuer }), assertionMethod: [issuance.signer.verificationMethod] });
		const key = await (await fetch(site.url(new URL(issuance.signer.verificationMethod).pathname))).json();
		expect(key).toMatchObject({ type: 'Multikey', controller: `${SITE}/issuers/kyoto-tea.json` });
		// The revocation list every credential names as its status, at that address.
		const list = await (await fetch(site.url(new URL(certificate.credential.credentialStatus.id).pathname))).json();
		expect(list).toEqual(revocationListDocument(SITE, { ...issuance.issuer, revoked: [REVOKED] }));
		expect(await page.locator('main').textContent()).toContain(`${SITE}/issuers/kyoto-tea/revocations.json (revoked: 1)`);
	});
});

describe('verifying a certificate on the Finnish verify page', () => {
	let credential: JsonObject;
	let trusted: VerifyOptions['issuers'];
	const open = (path = '/fi/verify/') => openPage(path);
	const paste = pasteWith({ field: 'Tai liitä sähköinen todistus', button: 'Tarkista liitetty todistus', verdict: /vahvistettu/i });

	beforeAll(async () => {
		trusted = trustedIssuers(SITE, [issuance.issuer]);
		credential = (await issueOne(issuance, { name: 'Ana Núñez', date: '2026-11-20' })).credential;
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

	it('a certificate its issuer revoked is named revoked, with the day and the reason, in Finnish and in English', async () => {
		const { proof: _, ...unsigned } = structuredClone(credential);
		const revoked = await addProof({ ...unsigned, id: REVOKED.id }, issuance.signer);
		const page = await open();
		const text = await pasteWith({ field: 'Tai liitä sähköinen todistus', button: 'Tarkista liitetty todistus', verdict: /perunut/ })(page, revoked);
		expect(await result(page).locator('h3').textContent()).toBe('Myöntäjä on perunut todistuksen');
		expect(text).toContain('Kyoto Tea Institute perui tämän todistuksen 22. marraskuuta 2026. Allekirjoitus on aito');
		expect(text).toContain('Myöntäjän perustelu: ”Issued to the wrong learner.”');
		// The reason is the issuer's words, in the curriculum's original language, and marked so for a screen reader.
		expect(await result(page).locator('p span[lang]').evaluateAll((spans) => spans.map((span) => [span.getAttribute('lang'), span.textContent]))).toEqual([['en', 'Issued to the wrong learner.']]);
		// What the issuer signed is still shown, under the page's labels.
		expect(text).toContain('Ana Núñez');
		const english = await open('/verify/');
		const words = await pasteWith({ field: 'Or paste the credential', button: 'Check the pasted credential', verdict: /Revoked/ })(english, revoked);
		expect(words).toContain('Kyoto Tea Institute revoked this certificate on November 22, 2026.');
		expect(words).toContain('The issuer’s reason: “Issued to the wrong learner.”');
		expect(await result(english).locator('p span[lang]').count()).toBe(0);
		// The same certificate under another id is the issuer's and verifies.
		await pasteWith({ field: 'Tai liitä sähköinen todistus', button: 'Tarkista liitetty todistus', verdict: /^Vahvistettu$/ })(await open(), credential);
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
		expect(verdict).toMatchObject({ ok: false, refusal: { key: 'reasonCannotCheck', languages: { detail: 'en' } } });
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
