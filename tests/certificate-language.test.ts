/**
 * Signed certificates in another of the site's languages (`issue --lang fi`), on the tea fixture in
 * English and Finnish (tea-bilingual.ts): the track and brewing-basics translated, water-temperature
 * and serving not, and brewing-basics named "Brewing with bags" in its first major, as its archived
 * page keeps it. The Finnish words are read from the interface strings and the fixture's translations,
 * not copied here, so that a test fails when what the certificate says stops following them.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderCertificate, type CertificateInput } from '../src/lib/cards/certificate.ts';
import { ENGLISH_CERTIFICATE, formatDate } from '../src/lib/cards/certificate-words.ts';
import { nodeEnvironment } from '../src/lib/cards/node.ts';
import { bakeCredential, readBakedCredential } from '../src/lib/credentials/baked-png.ts';
import { certificateInputFor, issueOne, prepareIssuance, type Issuance } from '../src/lib/credentials/issue.ts';
import { inLanguage, issueLanguage, originalTitlesNote } from '../src/lib/credentials/issue-language.ts';
import { loadIssuers } from '../src/lib/credentials/issuers.ts';
import { trustedIssuers } from '../src/lib/credentials/profile.ts';
import { verifyCredential } from '../src/lib/credentials/verify.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { certificateStrings } from '../src/lib/i18n/certificate-words.ts';
import { fi as FINNISH_LEARNER } from '../src/lib/i18n/ui/learner.ts';
import { HOSTING_TRACK } from './browser/tea-for-browsers.ts';
import { makeBilingual } from './tea-bilingual.ts';
import { certificateCommand, issuerProject, specFile, TODAY } from './utils.ts';

const SITE = 'https://steeped.example.org';
const FINNISH_TRACK = { title: 'Teen perusteet', summary: 'Kiehuvasta vedestä jaettavaan kannuun.', certificate: 'Teen perusteet' };
const BREWING_FI = 'Haudutuksen perusteet';

let content: string;
let work: string;
let finnish: Issuance;

beforeAll(async () => {
	({ content, work } = await issuerProject());
	makeBilingual(content);
	// A second track, with no Finnish translation.
	writeFileSync(join(content, 'tracks', 'hosting.yaml'), HOSTING_TRACK);
	// Brewing basics had another title in its first major, which its archived page keeps.
	const archived = join(content, 'archive', 'brewing-basics', 'v1.mdx');
	writeFileSync(archived, readFileSync(archived, 'utf8').replace(/^title: .*$/m, 'title: Brewing with bags'));
	finnish = await prepare('fi');
});

const prepare = (lang?: string, track = 'tea-foundations') =>
	prepareIssuance({ dir: content, root: work, issuer: 'kyoto-tea', keyFile: join(work, 'keys', 'kyoto-tea.private.jwk'), track, lang });

/** The Open Badges 3.0 AchievementCredential JSON Schema, compiled, as tests/credentials.test.ts compiles it. */
function achievementCredentialSchema() {
	const ajv = new Ajv2019({ strict: false, allErrors: true });
	addFormats(ajv);
	return ajv.compile(JSON.parse(readFileSync(specFile('open-badges-3.0', 'ob_v3p0_achievementcredential_schema.json', 'The Open Badges 3.0 specification'), 'utf8')));
}

const AINO = { name: 'Aino Virtanen', date: '2026-11-20' };

describe('a signed certificate in Finnish', () => {
	test('says it is in Finnish, carries the track’s Finnish title and description, validates against the schema and verifies', async () => {
		const { credential, png } = await issueOne(finnish, AINO);
		const achievement = (credential.credentialSubject as { achievement: Record<string, unknown> }).achievement;
		expect(credential.name).toBe(FINNISH_TRACK.certificate);
		expect(achievement).toMatchObject({
			id: `${SITE}/fi/tracks/tea-foundations/`,
			name: FINNISH_TRACK.certificate,
			description: FINNISH_TRACK.summary,
			inLanguage: 'fi',
			// The English track is the same achievement in the originals' language.
			related: [{ id: `${SITE}/tracks/tea-foundations/`, type: ['Related'], inLanguage: 'en' }],
		});
		expect((achievement.criteria as { narrative: string }).narrative).toMatch(/^Suoritti opintopolun ”Teen perusteet” \(Steeped\) kaikki moduulit alla luetelluissa versioissa .* vähintään 75 %:n tuloksella\. Kyoto Tea Institute tarkisti oppijan työn\.\n\n- Water temperature, versio 1\.0\.0\n/);
		// Each module at its permanent address in the originals' language, which lasts; its title in Finnish where translated.
		expect((credential.evidence as Record<string, string>[]).map(({ id, name, description }) => [id, name, description])).toEqual([
			[`${SITE}/modules/water-temperature/v1/`, 'Water temperature', 'Versio 1.0.0'],
			[`${SITE}/modules/brewing-basics/v2/`, BREWING_FI, 'Versio 2.1.0'],
			[`${SITE}/modules/serving/v1/`, 'Serving', 'Versio 1.0.1'],
		]);
		const validate = achievementCredentialSchema();
		expect(validate(credential), JSON.stringify(validate.errors, null, 2)).toBe(true);
		const { issuers } = loadIssuers(content, work);
		const verdict = await verifyCredential(credential, { issuers: trustedIssuers(SITE, issuers), issuersPage: `${SITE}/issuers/` });
		expect(verdict).toMatchObject({ ok: true, summary: { title: FINNISH_TRACK.certificate, language: 'fi', trackUrl: `${SITE}/fi/tracks/tea-foundations/`, learner: 'Aino Virtanen' } });
		expect(JSON.parse((await readBakedCredential(png))!)).toEqual(credential);
	});

	test('is drawn in Finnish: the words of the track page’s Finnish certificate, the Finnish titles and date, and the Finnish verify page', async () => {
		const { credential, png } = await issueOne(finnish, AINO);
		const drawn = certificateInputFor(finnish, inLanguage(finnish.language, finnish.modules), AINO);
		const modules = [
			{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' },
			{ id: 'brewing-basics', title: BREWING_FI, version: '2.1.0' },
			{ id: 'serving', title: 'Serving', version: '1.0.1' },
		];
		const expected: CertificateInput = {
			name: 'Aino Virtanen',
			track: FINNISH_TRACK.title,
			title: FINNISH_TRACK.certificate,
			curriculum: 'Steeped',
			date: '2026-11-20',
			modules,
			issuer: 'Kyoto Tea Institute',
			verified: true,
			url: `${SITE}/fi/verify/`,
			locale: 'fi',
			strings: certificateStrings('fi'),
		};
		expect(drawn).toEqual(expected);
		// The interface's Finnish words, which the track page's certificate draws too, and the date as Finnish writes it.
		expect(drawn.strings).toMatchObject({ heading: FINNISH_LEARNER['currents.learner.cardHeading'], verifiedBy: FINNISH_LEARNER['currents.learner.cardVerifiedBy'] });
		expect(drawn.strings!.heading).not.toBe(ENGLISH_CERTIFICATE.heading);
		expect(formatDate(drawn.date, drawn.locale)).toBe('20. marraskuuta 2026');
		// The image is that drawing, with the credential baked in, and not the English one.
		const baked = JSON.stringify(credential);
		expect(Buffer.from(bakeCredential(await renderCertificate(expected, nodeEnvironment), baked)).equals(Buffer.from(png))).toBe(true);
		const english = { ...expected, track: 'Tea foundations', title: 'Tea Foundations', url: `${SITE}/verify/`, locale: 'en', strings: undefined };
		expect(Buffer.from(bakeCredential(await renderCertificate(english, nodeEnvironment), baked)).equals(Buffer.from(png))).toBe(false);
	});

	test('at an earlier day’s or a learner’s own versions: a Finnish title only for the major its translation follows, and the issuer is told which are in English', async () => {
		// On 2026-10-15 brewing-basics was at 2.0.0, of the major its translation (of 2.1.0) follows.
		const asOf = await issueOne(finnish, { ...AINO, asOf: '2026-10-15' });
		expect((asOf.credential.evidence as { name: string; description: string }[])[1]).toMatchObject({ name: BREWING_FI, description: 'Versio 2.0.0' });
		const narrative = (asOf.credential.credentialSubject as { achievement: { criteria: { narrative: string } } }).achievement.criteria.narrative;
		expect(narrative).toContain('kaikki moduulit niissä versioissa, jotka olivat käytössä 15.10.2026 (luettelo alla)');
		// A learner who completed brewing-basics 1.0.0, as their progress export shows: its first major's title, in English.
		const first = [
			{ id: 'water-temperature', title: 'Water temperature', version: '1.0.0' },
			{ id: 'brewing-basics', title: 'Brewing with bags', version: '1.0.0' },
			{ id: 'serving', title: 'Serving', version: '1.0.1' },
		];
		const own = await issueOne(finnish, { ...AINO, modules: first });
		expect((own.credential.evidence as { name: string }[]).map((evidence) => evidence.name)).toEqual(['Water temperature', 'Brewing with bags', 'Serving']);
		expect(originalTitlesNote(finnish.language, [first])).toBe(
			"The certificates name these modules in English, as there is no Finnish title for the version named: “Water temperature” (water-temperature 1.0.0, not translated); “Brewing with bags” (brewing-basics 1.0.0, its translation follows version 2.x, not 1.x); “Serving” (serving 1.0.1, not translated). A module's Finnish title comes from its translation (modules/<id>.fi.mdx) and names the versions of the major that translation follows."
		);
		// In English nothing changes, and nothing is said.
		expect(originalTitlesNote(undefined, [first])).toBeUndefined();
	});

	test('in the originals’ language, asked for or not, is the English certificate, which says it is in English', async () => {
		for (const lang of [undefined, 'en', 'EN']) {
			const issuance = await prepare(lang);
			expect(issuance.language).toBeUndefined();
			expect(issuance.track).toMatchObject({ title: 'Tea foundations', certificate: 'Tea Foundations' });
			expect(certificateInputFor(issuance, issuance.modules, AINO)).toMatchObject({ url: `${SITE}/verify/`, locale: 'en' });
			expect(certificateInputFor(issuance, issuance.modules, AINO).strings).toBeUndefined();
		}
		const { credential } = await issueOne(await prepare(), AINO);
		const achievement = (credential.credentialSubject as { achievement: Record<string, unknown> }).achievement;
		expect(achievement).toMatchObject({ id: `${SITE}/tracks/tea-foundations/`, name: 'Tea Foundations', inLanguage: 'en' });
		expect(achievement.related).toBeUndefined();
		expect((credential.evidence as { description: string }[])[0]!.description).toBe('Version 1.0.0');
	});
});

describe('a certificate that cannot be made in the language asked for', () => {
	test('a language the site does not have, or whose certificate words the engine lacks, is refused, naming the languages there are', async () => {
		await expect(prepare('sv')).rejects.toThrow(
			'--lang: the site has no language "sv". Its languages are English (en) and Finnish (fi), from "locales" in content/curriculum.yaml. Give one of them, or leave out --lang to issue in English.'
		);
		// A language the config lists but the engine's interface is not translated into.
		const curriculum = loadCurriculum(content, work);
		const german = { ...curriculum, config: { ...curriculum.config!, locales: ['en', 'fi', 'de'] } };
		expect(() => issueLanguage(german, curriculum.tracks.find((track) => track.id === 'tea-foundations')!, 'de')).toThrow(
			/^--lang: the certificate's own words are not translated into German \(de\) yet, so a certificate in German would be partly in English\. Translate these interface strings into "de" in src\/lib\/i18n\/ui\/ \(learner\.ts and credential\.ts\): currents\.learner\.cardHeading, .*currents\.credential\.version\. Or leave out --lang to issue in English\.$/
		);
	});

	test('a track without a translation into the language is refused, naming the file to add', async () => {
		await expect(prepare('fi', 'hosting')).rejects.toThrow(
			"--lang: the track “Hosting” (hosting) has no Finnish translation, so its certificate's title and the track's name would not be in Finnish. Add content/tracks/hosting.fi.yaml with the track's title, summary, audience and certificate title in Finnish (like the other translated tracks), or leave out --lang to issue in English."
		);
	});
});

describe('npm run certificate -- issue --lang', () => {
	const certificate = (...args: string[]) => certificateCommand({ content, work }, args);
	const issue = (...args: string[]) => certificate('issue', '--issuer', 'kyoto-tea', '--key', 'keys/kyoto-tea.private.jwk', ...args);

	test('issues the class’s certificates in Finnish, at both sizes, and says which modules keep their English titles', async () => {
		const result = issue('--track', 'tea-foundations', '--name', 'Aino Virtanen', '--lang', 'fi', '--print', '--out', 'fi');
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain('Issued 1 certificate of “Teen perusteet” in Finnish in fi ');
		expect(result.output).toContain(`They verify at ${SITE}/fi/verify/ once`);
		expect(result.output).toContain('The certificates name these modules in English, as there is no Finnish title for the version named: “Water temperature” (water-temperature 1.0.0, not translated); “Serving” (serving 1.0.1, not translated).');
		const json = JSON.parse(readFileSync(join(work, 'fi', 'aino-virtanen.json'), 'utf8'));
		expect(json.credentialSubject.achievement).toMatchObject({ name: FINNISH_TRACK.certificate, inLanguage: 'fi' });
		for (const file of ['aino-virtanen.png', 'aino-virtanen.print.png']) {
			expect(JSON.parse((await readBakedCredential(new Uint8Array(readFileSync(join(work, 'fi', file)))))!), file).toEqual(json);
		}
		// `verify` checks it as the Finnish verify page does, and says so in its own English around the Finnish titles.
		const verified = certificate('verify', join('fi', 'aino-virtanen.png'));
		expect(verified.status, verified.output).toBe(0);
		expect(verified.output.trim().split('\n')).toEqual([
			`Verified: Kyoto Tea Institute certifies that Aino Virtanen completed “${FINNISH_TRACK.certificate}” on ${TODAY}.`,
			`Modules: Water temperature (version 1.0.0); ${BREWING_FI} (version 2.1.0); Serving (version 1.0.1).`,
		]);
	});

	test('refuses a language the site does not have, and a track not translated into it, with status 2 and nothing written', () => {
		const unknown = issue('--track', 'tea-foundations', '--name', 'Aino Virtanen', '--lang', 'sv', '--out', 'refused');
		expect(unknown.status).toBe(2);
		expect(unknown.output.trim()).toBe(
			'--lang: the site has no language "sv". Its languages are English (en) and Finnish (fi), from "locales" in content/curriculum.yaml. Give one of them, or leave out --lang to issue in English.'
		);
		const untranslated = issue('--track', 'hosting', '--name', 'Aino Virtanen', '--lang', 'fi', '--out', 'refused');
		expect(untranslated.status).toBe(2);
		expect(untranslated.output.trim()).toMatch(/^--lang: the track “Hosting” \(hosting\) has no Finnish translation.* Add content\/tracks\/hosting\.fi\.yaml /);
		expect(existsSync(join(work, 'refused'))).toBe(false);
	});
});
