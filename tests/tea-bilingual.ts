import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRevocationToYaml } from '../src/lib/credentials/revocations.ts';
import { addIssuer, REVOKED } from './browser/credentials.ts';
import { HOSTING_TRACK } from './browser/tea-for-browsers.ts';
import { brewingFi, fixtureContent } from './utils.ts';

/**
 * The tea fixture in English and Finnish: `locales: [en, fi]`, with brewing-basics (2.1.0) and the
 * track tea-foundations translated, and serving and water-temperature not.
 */
export function makeBilingual(content: string): void {
	const config = join(content, 'curriculum.yaml');
	writeFileSync(config, readFileSync(config, 'utf8').replace(/^locales:.*$/m, '').trimEnd() + '\nlocales: [en, fi]\n');
	writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), brewingFi());
	writeFileSync(join(content, 'tracks', 'tea-foundations.fi.yaml'), 'title: Teen perusteet\nsummary: Kiehuvasta vedestä jaettavaan kannuun.\naudience: Kaikille, joilla on vedenkeitin.\ncertificate:\n  title: Teen perusteet\n');
}

/**
 * The bilingual tea fixture (`makeBilingual`) as the feed, translation and verify-page tests read it,
 * built once for the three (`sharedBuild('tea-bilingual')`), with:
 * - a second track, "Hosting" (tea-for-browsers.ts), so that each track's feed can be told apart;
 * - an archived major, brewing-basics v1, whose title differs from the current one, as happens when a
 *   major release renames a module;
 * - the newer of its two platform updates, kettle presets, in Finnish (`KETTLE_PRESETS_FI`), the other
 *   in English only;
 * - in the Finnish brewing-basics, an exercise and a discussion prompt (`BREWING_FI_TEACHING`), as its
 *   original has, for the Finnish syllabus to read from the translated text; and an exercise in
 *   serving (`SERVING_EXERCISE`), which the Finnish syllabus shows in English, not being translated;
 * - a certificate issuer, Kyoto Tea Institute (credentials.ts), whose key pair is kept beside the
 *   content folder for the tests that sign certificates (`issuanceFor`), and who has revoked one
 *   certificate (`REVOKED`), as `npm run certificate -- revoke` writes it.
 * Each test reads what it expects from these files or from the functions that wrote them.
 */
export async function prepareTeaBilingual(content: string): Promise<void> {
	cpSync(fixtureContent('valid-course'), content, { recursive: true });
	makeBilingual(content);
	writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), `${brewingFi()}\n${BREWING_FI_TEACHING}`);
	const serving = join(content, 'modules/serving.mdx');
	writeFileSync(serving, `${readFileSync(serving, 'utf8').trimEnd()}\n\n${SERVING_EXERCISE}`);
	writeFileSync(join(content, 'tracks/hosting.yaml'), HOSTING_TRACK);
	const archived = join(content, 'archive/brewing-basics/v1.mdx');
	const renamed = readFileSync(archived, 'utf8').replace(/^title: .*$/m, 'title: Brewing with bags');
	writeFileSync(archived, renamed);
	writeFileSync(join(content, 'updates/2026-11-10-kettle-presets.fi.md'), KETTLE_PRESETS_FI);
	await addIssuer(content);
	const issuer = join(content, 'issuers', 'kyoto-tea.yaml');
	writeFileSync(issuer, addRevocationToYaml(readFileSync(issuer, 'utf8'), REVOKED));
}

/** What the Finnish brewing-basics asks of a class in the bilingual fixture: an exercise and a discussion prompt. */
export const BREWING_FI_TEACHING = `<Exercise title="Hauduta kannullinen" deliverable="Muistiinpano lehdestä, ajasta ja mausta">Hauduta ja kirjoita muistiin.</Exercise>

<Discussion title="Pussi vai irtolehti?">Kumpaa käytät *kotona*, ja miksi?</Discussion>
`;

/** An exercise of serving in the bilingual fixture, which has no Finnish translation. */
export const SERVING_EXERCISE = '<Exercise title="Set a tray" deliverable="A photo of the tray">Cups, milk and the pot.</Exercise>\n';

/** The Finnish translation of the update `2026-11-10-kettle-presets` in the bilingual fixture. */
export const KETTLE_PRESETS_FI = `---
title: Vedenkeittimiin tulee lämpötilan esivalinnat
summary: Vedenkeittimissä on nyt 70, 80 ja 90 °C:n esivalinnat.
---

Esivalintojen ansiosta veden jäähdyttämisestä ei tarvitse enää huolehtia yhtä paljon.
`;
