import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRelease } from '../src/lib/curriculum/release.ts';
import { moduleTemplate } from '../src/lib/curriculum/scaffold.ts';
import { brewingFi, copyFixture, ROOT, runScript } from './utils.ts';

/** A module as `npm run new` writes it: version 0.1.0, with the scaffold's note beside it. */
const draft = moduleTemplate({ id: 'tea-tasting', title: 'Tea tasting', summary: 'Taste like a buyer.', level: 'foundation', duration: 30, platforms: [], prerequisites: [], date: '2026-12-01', contributor: 'Ana' });
const versionLine = (source: string) => /^version: .*$/m.exec(source)![0];

describe('npm run release on a scaffolded module', () => {
	it('keeps the note that a draft stays below 1.0.0 while it does, and drops it at the first release', () => {
		expect(versionLine(draft)).toMatch(/^version: 0\.1\.0 # Stays below 1\.0\.0 until the first review/);
		expect(versionLine(planRelease(draft, 'minor', 'Adds a tasting sheet.', { date: '2026-12-06' }).source)).toMatch(/^version: 0\.2\.0 # Stays below 1\.0\.0/);
		const released = planRelease(draft, 'major', 'First release.', { date: '2026-12-06' }).source;
		expect(versionLine(released)).toBe('version: 1.0.0');
		// Every other comment the author or the scaffold wrote stays.
		expect(released.match(/ # /g)?.length).toBe(draft.match(/ # /g)!.length - 1);
	});
});

describe('npm run release on a module the check refuses', () => {
	it('releases it, and says how many errors the check still finds in it', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'serving.mdx');
		writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nSteep for {3} minutes.\n`);
		const result = runScript('release', ['serving', 'patch', 'Corrects the steeping time.', '--content', content]);
		expect(result.status, result.output).toBe(0);
		expect(result.stdout).toContain(`Released serving 1.0.2 (was 1.0.1). The check still finds 1 error in ${relative(ROOT, file)}: \`npm run check\` lists it; fix it before you commit.`);
	});
});

describe('npm run release on a translation', () => {
	it('says a translation follows its original, and changes nothing', () => {
		const content = copyFixture('valid-course');
		const file = join(content, 'modules', 'brewing-basics.fi.mdx');
		writeFileSync(file, brewingFi());
		const result = runScript('release', ['brewing-basics.fi', 'patch', 'Korjattu.', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n')[0]).toBe(
			`${relative(ROOT, file)} is a translation of "brewing-basics", and a translation has no version of its own: its \`translates:\` names the version of the original it matches. Release the original (\`npm run release -- brewing-basics patch "Korjattu."\`) if it changed, and set \`translates:\` to the version the translation now follows.`
		);
		expect(readFileSync(file, 'utf8')).toBe(brewingFi());
	});
});
