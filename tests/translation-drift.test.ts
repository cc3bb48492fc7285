import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { fixtureRepository, runScript, type FixtureRepository } from './utils.ts';

const UPDATE = 'updates/2026-11-10-kettle-presets';
const TRACK = 'tracks/tea-foundations';

describe('a track’s or update’s translation when its original changes in a pull request', () => {
	let repo: FixtureRepository;
	/** The translation-drift findings of `npm run check --base main` on the branch as it is now, by file. */
	const drift = () => {
		const result = runScript('check', ['--content', repo.content, '--base', 'main', '--format', 'json']);
		return (JSON.parse(result.stdout) as Finding[]).filter((f) => f.rule === 'translation-drift').map(({ file, line, severity, message }) => ({ file: inContent(file), line, severity, message: inContent(message) }));
	};
	const reset = () => repo.git('checkout', '-q', '--', '.');

	beforeAll(() => {
		repo = fixtureRepository();
		// The base holds the curriculum in English and Finnish, with the update and the track translated.
		repo.git('checkout', '-q', 'main');
		repo.edit('curriculum.yaml', (text) => `${text.trimEnd()}\nlocales: [en, fi]\n`);
		writeFileSync(join(repo.content, `${UPDATE}.fi.md`), '---\ntitle: Vedenkeittimiin lämpötilavalinnat\nsummary: Vedenkeittimissä on nyt 70, 80 ja 90 °C:n valinnat.\n---\n\nValinnat tekevät veden jäähdyttelystä vähemmän tarpeellista.\n');
		writeFileSync(join(repo.content, `${TRACK}.fi.yaml`), 'title: Teen perusteet\nsummary: Kiehuvasta vedestä jaettavaan pannulliseen.\naudience: Kaikki, joilla on vedenkeitin.\ncertificate:\n  title: Teen perusteet\n');
		repo.commit('translations');
		repo.git('checkout', '-q', '-B', 'work');
	});

	it('names each translation left as it was, at the first part whose original changed, and what changed', () => {
		repo.edit(`${UPDATE}.md`, (text) => text.replace('70, 80 and 90 °C presets', '60, 70, 80 and 90 °C presets').replace('less necessary', 'unnecessary'));
		repo.edit(`${TRACK}.yaml`, (text) => text.replace('Anyone who owns a kettle.', 'Anyone with a kettle and ten minutes.'));
		expect(drift()).toEqual([
			{
				file: `${TRACK}.fi.yaml`,
				line: 3,
				severity: 'warning',
				message: `Since main, ${TRACK}.yaml changed its audience, and this translation was left as it was: it may now say something the original no longer says.`,
			},
			{
				file: `${UPDATE}.fi.md`,
				line: 3,
				severity: 'warning',
				message: `Since main, ${UPDATE}.md changed its summary and text, and this translation was left as it was: it may now say something the original no longer says.`,
			},
		]);
		reset();
	});

	it('names a translation whose original fails its schema after the change, from the words that can be read', () => {
		// The summary rewritten, and a source's access date typed as a word: the update's frontmatter no longer passes.
		repo.edit(`${UPDATE}.md`, (text) => text.replace('70, 80 and 90 °C presets', '60, 70, 80 and 90 °C presets').replace('accessed: 2026-11-11', 'accessed: yesterday'));
		expect(drift()).toEqual([
			{
				file: `${UPDATE}.fi.md`,
				line: 3,
				severity: 'warning',
				message: `Since main, ${UPDATE}.md changed its summary, and this translation was left as it was: it may now say something the original no longer says.`,
			},
		]);
		reset();
	});

	it('says nothing once the translation changes with it, or when only parts it does not translate change', () => {
		repo.edit(`${UPDATE}.md`, (text) => text.replace('70, 80 and 90 °C presets', '60, 70, 80 and 90 °C presets').replace('date: 2026-11-10\n', 'date: 2026-11-10\nstatus: pending\n'));
		repo.edit(`${UPDATE}.fi.md`, (text) => text.replace('70, 80 ja 90', '60, 70, 80 ja 90'));
		// The track's modules and pass mark are not in its translation.
		repo.edit(`${TRACK}.yaml`, (text) => text.replace('passMark: 75', 'passMark: 80'));
		expect(drift()).toEqual([]);
		reset();
	});
});

/** Paths in a finding from the fixture's content folder, which the check names from the project's root. */
function inContent(text: string): string {
	return text.replaceAll(/\S*\/content\//g, '');
}
