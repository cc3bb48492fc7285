import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/lib/check/findings.ts';
import { checkLeftovers } from '../src/lib/check/leftovers.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { sourceUrlProblem } from '../src/lib/curriculum/scaffold.ts';
import { httpUrl } from '../src/lib/curriculum/schema/common.ts';
import { markedBody } from '../src/lib/curriculum/translation-scaffold.ts';
import { sameQuiz } from '../src/lib/i18n/site.ts';
import { makeBilingual } from './tea-bilingual.ts';
import { copyFixture, ROOT, runScript, TODAY } from './utils.ts';

const errors = (content: string) =>
	(JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[]).filter((f) => f.severity === 'error');
/** A fresh scaffold is valid apart from the TODO markers the contributor still has to replace. */
const onlyLeftovers = (content: string, file: string) => {
	const found = errors(content);
	expect(found.length).toBeGreaterThan(0);
	expect(found.filter((f) => f.rule !== 'leftover-todo' || !f.file.endsWith(file))).toEqual([]);
};

describe('npm run new -- module', () => {
	it('writes a valid module from flags and adds it to the end of its track', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['module', '--title', 'Cold brew: slow and steady', '--track', 'tea-foundations', '--level', 'beginner', '--duration', '25', '--platforms', 'kettle', '--prerequisites', 'water-temperature', '--content', content]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('modules/cold-brew-slow-and-steady.mdx');
		const module = readFileSync(join(content, 'modules', 'cold-brew-slow-and-steady.mdx'), 'utf8');
		expect(module).toContain('title: "Cold brew: slow and steady"');
		expect(module).toContain(`reviewed: ${TODAY}`);
		expect(module).toContain('prerequisites: [water-temperature]');
		expect(module).toMatch(/<Exercise title="TODO: A hands-on exercise" deliverable="TODO: what the learner hands in">/);
		expect(readFileSync(join(content, 'tracks', 'tea-foundations.yaml'), 'utf8')).toContain('  - serving\n  - cold-brew-slow-and-steady\n');
		// Every field was given, so none took a default silently.
		expect(result.stdout).not.toContain('Not given');
		onlyLeftovers(content, 'modules/cold-brew-slow-and-steady.mdx');
		// With only a title and a track, it says which fields took their defaults.
		const bare = runScript('new', ['module', '--title', 'Iced tea', '--track', 'tea-foundations', '--content', content]);
		expect(bare.stdout).toContain('Not given, so set to their defaults: level beginner, duration 30 minutes, platforms: none named (it applies to all). Change them in the file if they are not right.');
	});

	it('asks for what it needs when run interactively', () => {
		const content = copyFixture('valid-course');
		const answers = ['Iced tea', '', 'no-such-track', 'tea-foundations', 'Chill it.', '', '20', 'kettle', '', 'Ada Example', ''].join('\n');
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'module', '--interactive', '--content', content], {
			input: answers,
			encoding: 'utf8',
			env: { ...process.env, CURRENTS_TODAY: TODAY },
		});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Unknown track: no-such-track. Use one of tea-foundations.');
		const module = readFileSync(join(content, 'modules', 'iced-tea.mdx'), 'utf8');
		// A summary given is done: no TODO is left on its line for the check to report.
		expect(module).toMatch(/^summary: "Chill it\."$/m);
		expect(module).toContain('duration: 20');
		expect(module).toContain('contributors: ["Ada Example"]');
		onlyLeftovers(content, 'modules/iced-tea.mdx');
	});

	it('says which flag is missing or wrong when not in a terminal', () => {
		const content = copyFixture('valid-course');
		const missing = runScript('new', ['module', '--title', 'Iced tea', '--content', content]);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('--track is missing: track to add it to (tea-foundations)');
		const taken = runScript('new', ['module', '--title', 'Serving', '--track', 'tea-foundations', '--content', content]);
		// The id was made from the title, not given: the message says so, and which flag sets it.
		expect(taken.stderr).toContain('--id was not given, and its default "serving" will not do: modules/serving.mdx already exists; choose another id. Give --id.');
		const given = runScript('new', ['module', '--title', 'Iced tea', '--id', 'serving', '--track', 'tea-foundations', '--content', content]);
		expect(given.stderr).toContain('--id "serving": modules/serving.mdx already exists; choose another id.');
	});

	it('takes one level, naming the one meant, and refuses a title or summary of spaces only, writing nothing', () => {
		const content = copyFixture('valid-course');
		const module = (...args: string[]) => runScript('new', ['module', '--track', 'tea-foundations', '--content', content, ...args]);
		const two = module('--title', 'Iced tea', '--level', 'beginner,expert');
		expect(two.status).toBe(1);
		expect(two.stderr).toContain('--level "beginner,expert": A module has one level: give one of beginner, expert, not beginner and expert.');
		expect(module('--title', 'Iced tea', '--level', 'expret').stderr).toContain('--level "expret": Unknown level: expret. Did you mean "expert"?');
		const blankTitle = module('--title', '   ');
		expect(blankTitle.status).toBe(1);
		expect(blankTitle.stderr).toContain('--title is empty: title of the module. Write it in quotes after --title.');
		const blankSummary = module('--title', 'Iced tea', '--summary', '   ');
		expect(blankSummary.stderr).toContain('--summary is empty: one-sentence summary. Write it in quotes after --summary, or leave --summary out to take its default.');
		expect(existsSync(join(content, 'modules', 'iced-tea.mdx'))).toBe(false);
		// A value is trimmed as a typed answer is: the title written has no spaces around it.
		expect(module('--title', '  Iced tea  ', '--level', ' expert ').status).toBe(0);
		const written = readFileSync(join(content, 'modules', 'iced-tea.mdx'), 'utf8');
		expect(written).toMatch(/^title: "Iced tea"$/m);
		expect(written).toMatch(/^level: expert$/m);
	});

	it('refuses a platform or prerequisite named twice, which the check would refuse or show twice, and writes nothing', () => {
		const content = copyFixture('valid-course');
		const module = (...args: string[]) => runScript('new', ['module', '--title', 'Iced tea', '--track', 'tea-foundations', '--content', content, ...args]);
		const prerequisites = module('--prerequisites', 'water-temperature,water-temperature');
		expect(prerequisites.status).toBe(1);
		expect(prerequisites.stderr.split('\n')[0]).toBe('--prerequisites "water-temperature,water-temperature": water-temperature is named more than once. Name each module once: water-temperature.');
		expect(module('--platforms', 'kettle,teapot', '--platforms', 'teapot,kettle').stderr.split('\n')[0]).toBe(
			'--platforms "kettle,teapot,teapot,kettle": kettle and teapot are named more than once. Name each platform once: kettle,teapot.'
		);
		expect(existsSync(join(content, 'modules', 'iced-tea.mdx'))).toBe(false);
	});

	it('asks for --id when the title has no Latin letters to make one from', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['module', '--title', 'Чай со льдом', '--track', 'tea-foundations', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--id is missing: the title "Чай со льдом" has no Latin letters or digits to make a file name from. Give --id with a few words in lower-case Latin letters (a to z) and digits, joined by hyphens, such as --id broadcast-channels.');
		expect(readdirSync(join(content, 'modules')).filter((name) => !/^(brewing-basics|serving|water-temperature)\.mdx$/.test(name))).toEqual([]);
	});
});

describe('npm run new -- update', () => {
	it('writes a valid pending update that names its modules', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['update', '--title', 'Kettles get a cold setting', '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/cold', '--date', '2026-11-20', '--content', content]);
		expect(result.status).toBe(0);
		const update = readFileSync(join(content, 'updates', '2026-11-20-kettles-get-a-cold-setting.md'), 'utf8');
		expect(update).toContain('status: pending');
		expect(update).toContain('url: https://example.org/cold');
		onlyLeftovers(content, 'updates/2026-11-20-kettles-get-a-cold-setting.md');
		const check = JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[];
		expect(check.filter((f) => f.rule === 'pending-update' && f.file.endsWith('modules/serving.mdx'))).toHaveLength(2);
	});

	it('names an update after its title, cut between words and not after a small word', () => {
		const content = copyFixture('valid-course');
		const title = 'Instagram lets creators test Reels with people who do not follow them yet';
		const result = runScript('new', ['update', '--title', title, '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/trial', '--date', '2026-11-20', '--content', content]);
		expect(result.status, result.output).toBe(0);
		// Six words fit in 40 characters; the sixth, "with", would leave the name cut off.
		expect(existsSync(join(content, 'updates', '2026-11-20-instagram-lets-creators-test-reels.md'))).toBe(true);
	});

	it('takes --id for the name after the date, and says at once that a name is in use, by which update, and a free one', () => {
		const content = copyFixture('valid-course');
		// An update whose title starts as the new one's does: cut to 40 characters, both make the same name.
		const existing = readFileSync(join(content, 'updates', '2026-11-10-kettle-presets.md'), 'utf8').replace(/^title: .*$/m, 'title: Kettle presets for every model in the shop');
		writeFileSync(join(content, 'updates', '2026-11-10-kettle-presets-for-every-model.md'), existing);
		const update = (...args: string[]) =>
			runScript('new', ['update', '--title', 'Kettle presets for every model in the European Union', '--date', '2026-11-10', '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/eu', '--content', content, ...args]);
		const clash = update();
		expect(clash.status).toBe(1);
		expect(clash.stderr).toContain(
			'--id was not given, and its default "kettle-presets-for-every-model" will not do: ' +
				`${join(content, 'updates', '2026-11-10-kettle-presets-for-every-model.md').replace(`${ROOT}/`, '')} already exists, for "Kettle presets for every model in the shop". ` +
				'If that is the same change, edit it instead; if yours is another, give --id kettle-presets-for-every-model-in-the-european.'
		);
		expect(readFileSync(join(content, 'updates', '2026-11-10-kettle-presets-for-every-model.md'), 'utf8')).toBe(existing);
		// The id given is the name after the date; a date in it is refused, since the name has one already.
		expect(update('--id', '2026-11-10-kettle-presets-eu').stderr).toContain('--id "2026-11-10-kettle-presets-eu": Give the id without the date: the file name starts with the date already, as updates/<date>-<id>.md.');
		const given = update('--id', 'kettle-presets-eu');
		expect(given.status, given.output).toBe(0);
		expect(given.stdout).toContain('updates/2026-11-10-kettle-presets-eu.md');
		expect(readFileSync(join(content, 'updates', '2026-11-10-kettle-presets-eu.md'), 'utf8')).toContain('title: "Kettle presets for every model in the European Union"');
		onlyLeftovers(content, 'updates/2026-11-10-kettle-presets-eu.md');
	});

	it('in a terminal, asks for another id straight after the date when the name is in use, and keeps every answer', () => {
		const content = copyFixture('valid-course');
		const answers = ['Kettle presets', '2026-11-10', '', 'kettle-presets-eu', 'kettle', 'serving', 'https://example.org/eu', 'Presets reach the EU.'].join('\n');
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'update', '--interactive', '--content', content], {
			input: answers,
			encoding: 'utf8',
			env: { ...process.env, CURRENTS_TODAY: TODAY },
		});
		expect(result.status, result.stderr).toBe(0);
		const clash = result.stdout.indexOf('2026-11-10-kettle-presets.md already exists, for "Kettles gain temperature presets". If that is the same change, edit it instead; if yours is another, type another id, such as kettle-presets-2.');
		expect(clash).toBeGreaterThan(-1);
		// Said before the platforms are asked for, not after every answer is given.
		expect(clash).toBeLessThan(result.stdout.indexOf('Platforms, comma-separated'));
		const written = readFileSync(join(content, 'updates', '2026-11-10-kettle-presets-eu.md'), 'utf8');
		expect(written).toContain('title: "Kettle presets"');
		expect(written).toContain('url: https://example.org/eu');
		expect(written).toContain('summary: "Presets reach the EU."');
	});

	it('refuses a title that makes no id unless --id is given, and a date that is no day of the calendar', () => {
		const content = copyFixture('valid-course');
		const update = (...args: string[]) => runScript('new', ['update', '--platforms', 'kettle', '--modules', 'serving', '--source', 'https://example.org/x', '--content', content, ...args]);
		const before = readdirSync(join(content, 'updates'));
		const foreign = update('--title', 'Чайники получили пресеты', '--date', '2026-11-12');
		expect(foreign.status).toBe(1);
		expect(foreign.stderr).toContain('--id is missing: the title "Чайники получили пресеты" has no Latin letters or digits to make a file name from. Give --id with a few words in lower-case Latin letters (a to z) and digits, joined by hyphens, such as --id new-sharing-limits.');
		const impossible = update('--title', 'Kettle presets', '--date', '2026-02-30');
		expect(impossible.status).toBe(1);
		expect(impossible.stderr).toContain('--date "2026-02-30": "2026-02-30" is written as a date but is no day of the calendar: check the month and the day.');
		const blank = update('--title', '   ', '--date', '2026-11-12');
		expect(blank.stderr).toContain('--title is empty: what changed, as a headline. Write it in quotes after --title.');
		expect(readdirSync(join(content, 'updates'))).toEqual(before);
		const named = update('--title', 'Чайники получили пресеты', '--date', '2026-11-12', '--id', 'kettle-presets-ru');
		expect(named.status, named.output).toBe(0);
		onlyLeftovers(content, 'updates/2026-11-12-kettle-presets-ru.md');
	});

	it('refuses a source the check would refuse, or on plain http, with the address to give, and writes nothing', () => {
		const content = copyFixture('valid-course');
		const before = readdirSync(join(content, 'updates'));
		const update = (source: string) => runScript('new', ['update', '--title', 'Kettle presets', '--platforms', 'kettle', '--modules', 'serving', '--date', '2026-11-12', '--source', source, '--content', content]);
		const http = update('http://example.org/presets');
		expect(http.status).toBe(1);
		expect(http.stderr.split('\n')[0]).toBe(
			'--source "http://example.org/presets": Give its https:// address, "https://example.org/presets": an http:// page can be altered on its way to the reader, and publishers announce changes over https.'
		);
		// The schema refuses a space in the host; the address is refused here rather than written for the check to refuse.
		expect(update('https://example.org presets').stderr.split('\n')[0]).toBe(
			'--source "https://example.org presets": A web address has no spaces: copy the whole address again from the browser\'s address bar, like "https://example.org/news/a-change".'
		);
		expect(update('example.org/presets').stderr.split('\n')[0]).toBe(
			'--source "example.org/presets": Give the whole address of the announcement or help page, starting with https://, like "https://example.org/news/a-change".'
		);
		expect(update('https://localhost/presets').stderr.split('\n')[0]).toBe(
			'--source "https://localhost/presets": localhost is not a public web address: give the address readers can open, like "https://example.org/news/a-change".'
		);
		expect(readdirSync(join(content, 'updates'))).toEqual(before);
	});

	it('refuses a platform or module named twice, in one flag or the flag repeated, and takes a repeated flag as one list', () => {
		const content = copyFixture('valid-course');
		const before = readdirSync(join(content, 'updates'));
		const update = (...args: string[]) => runScript('new', ['update', '--title', 'Kettle presets', '--date', '2026-11-12', '--source', 'https://example.org/presets', '--content', content, ...args]);
		const inOne = update('--platforms', 'kettle,kettle', '--modules', 'serving');
		expect(inOne.status).toBe(1);
		expect(inOne.stderr.split('\n')[0]).toBe('--platforms "kettle,kettle": kettle is named more than once. Name each platform once: kettle.');
		expect(update('--platforms', 'kettle', '--platforms', 'kettle', '--modules', 'serving').stderr.split('\n')[0]).toBe(
			'--platforms "kettle,kettle": kettle is named more than once. Name each platform once: kettle.'
		);
		expect(update('--platforms', 'kettle', '--modules', 'serving, brewing-basics', '--modules', 'serving').stderr.split('\n')[0]).toBe(
			'--modules "serving, brewing-basics,serving": serving is named more than once. Name each module once: serving,brewing-basics.'
		);
		expect(readdirSync(join(content, 'updates'))).toEqual(before);
		// Given twice with different platforms, the flag names both, as one flag with a comma would.
		const both = update('--platforms', 'kettle', '--platforms', 'teapot', '--modules', 'serving');
		expect(both.status, both.output).toBe(0);
		expect(readFileSync(join(content, 'updates', '2026-11-12-kettle-presets.md'), 'utf8')).toContain('platforms: [kettle, teapot]\n');
	});

	it('refuses a module that does not exist', () => {
		const content = copyFixture('valid-course');
		const result = runScript('new', ['update', '--title', 'X', '--platforms', 'kettle', '--modules', 'servng', '--source', 'https://example.org/x', '--content', content]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--modules "servng": Unknown module: servng. Did you mean "serving"?');
		// With no near miss, the known ids are listed.
		const far = runScript('new', ['update', '--title', 'X', '--platforms', 'kettle', '--modules', 'qqqqqqq', '--source', 'https://example.org/x', '--content', content]);
		expect(far.stderr).toContain('Unknown module: qqqqqqq. Known: ');
	});
});

describe('sourceUrlProblem', () => {
	it('refuses every address the schema refuses, so the update written passes the check', () => {
		for (const address of ['https://a.b c', 'ftp://example.org/x', 'https:/example.org', 'example.org', 'mailto:news@example.org', '']) {
			expect(httpUrl.safeParse(address).success, address).toBe(false);
			expect(sourceUrlProblem(address), address).not.toBeNull();
		}
		expect(sourceUrlProblem('https://example.org/news/a-change?ref=1#top')).toBeNull();
	});
});

describe('npm run new -- translation', () => {
	/** The check's findings of one file, all severities. */
	const findingsOf = (content: string, file: string) =>
		(JSON.parse(runScript('check', ['--content', content, '--format', 'json']).stdout) as Finding[]).filter((f) => f.file.endsWith(file));
	/** The lines of a file that hold a TODO marker, from 1. */
	const todoLines = (text: string) => text.split('\n').flatMap((line, index) => (/\bTODO\b/.test(line) ? [index + 1] : []));
	/** What a translator does: every marked value in other words, every marker gone, a name credited. */
	const translate = (text: string) =>
		text
			.replace(/"((?:[^"\\]|\\.)*)" # TODO: translate\./g, '"Suomeksi: $1"')
			.replace(/^TODO: Translate .*\n\n?/gm, '')
			.replace('"TODO Your name"', '"Ada Example"');
	/** The tea fixture in English and Finnish, with brewing-basics and its track translated and serving not. */
	const bilingual = () => {
		const content = copyFixture('valid-course');
		makeBilingual(content);
		return content;
	};

	it("writes a module's translation beside it, which the check holds to its TODO markers until they are translated", () => {
		const content = bilingual();
		const result = runScript('new', ['translation', '--module', 'serving', '--content', content]);
		expect(result.status, result.output).toBe(0);
		expect(result.stdout).toContain('modules/serving.fi.mdx');
		expect(result.stdout).toContain('`npm run dev` at /fi/modules/serving/');
		const path = join(content, 'modules', 'serving.fi.mdx');
		const text = readFileSync(path, 'utf8');
		// Read as the build reads it: the Finnish translation of serving, following its current version, in its exact form.
		const curriculum = loadCurriculum(content);
		const translation = curriculum.translations.find((entry) => entry.kind === 'module' && entry.id === 'serving' && entry.locale === 'fi');
		const original = curriculum.modules.find((module) => module.id === 'serving')!;
		expect(translation?.kind === 'module' && translation.data.translates).toBe(original.data.version);
		expect(translation?.kind === 'module' && sameQuiz(original.data.quiz, translation.data.quiz)).toBe(true);
		expect(translation?.kind === 'module' && translation.data.outcomes).toEqual(original.data.outcomes);
		// The original's body, to translate in place, with a marker under its heading.
		expect(text).toMatch(/---\n\n## Pour\n\nTODO: Translate this section into Finnish, its heading and titles too, then delete this line\.\n\nPour into warmed cups\.\n$/);
		// Each marker is a leftover at its line, and nothing else is wrong: no schema, version or shape finding.
		const found = findingsOf(content, 'modules/serving.fi.mdx');
		expect(found.map((f) => [f.rule, f.severity])).toEqual(todoLines(text).map(() => ['leftover-todo', 'error']));
		expect(found.map((f) => f.line)).toEqual(todoLines(text));
		expect(found[0]!.message).toBe('A scaffold marker is still here: `title: "Serving" # TODO: translate.`.');
		// Translated, it passes.
		writeFileSync(path, translate(text));
		expect(findingsOf(content, 'modules/serving.fi.mdx')).toEqual([]);
		expect(loadCurriculum(content).translations.find((entry) => entry.id === 'serving')?.data.title).toBe('Suomeksi: Serving');
	});

	it("writes a track's and an update's translation, whose markers the check reports too", () => {
		const content = copyFixture('valid-course');
		writeFileSync(join(content, 'curriculum.yaml'), `${readFileSync(join(content, 'curriculum.yaml'), 'utf8')}locales: [en, fi]\n`);
		expect(runScript('new', ['translation', '--track', 'tea-foundations', '--author', 'Ada Example', '--content', content]).status).toBe(0);
		expect(runScript('new', ['translation', '--update', '2026-11-10-kettle-presets', '--content', content]).status).toBe(0);
		const track = join(content, 'tracks', 'tea-foundations.fi.yaml');
		const update = join(content, 'updates', '2026-11-10-kettle-presets.fi.md');
		for (const [path, file] of [[track, 'tracks/tea-foundations.fi.yaml'], [update, 'updates/2026-11-10-kettle-presets.fi.md']] as const) {
			const text = readFileSync(path, 'utf8');
			const found = findingsOf(content, file);
			expect(found.map((f) => f.rule)).toEqual(todoLines(text).map(() => 'leftover-todo'));
			expect(found.map((f) => f.line)).toEqual(todoLines(text));
			writeFileSync(path, translate(text));
			expect(findingsOf(content, file)).toEqual([]);
		}
		expect(loadCurriculum(content).translations.map((entry) => `${entry.kind} ${entry.id}.${entry.locale}`).sort()).toEqual(['track tea-foundations.fi', 'update 2026-11-10-kettle-presets.fi']);
	});

	it('names a misspelt original, a translation that exists and a language the curriculum lacks', () => {
		const content = bilingual();
		const misspelt = runScript('new', ['translation', '--module', 'servng', '--content', content]);
		expect(misspelt.status).toBe(1);
		expect(misspelt.stderr).toContain('--module "servng": There is no module "servng". Did you mean "serving"?');
		expect(runScript('new', ['translation', '--track', 'serving', '--content', content]).stderr).toContain('"serving" is a module, not a track: translate it with --module serving.');
		// An existing translation is left as it was.
		const before = readFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), 'utf8');
		const existing = runScript('new', ['translation', '--module', 'brewing-basics', '--content', content]);
		expect(existing.status).toBe(1);
		expect(existing.stderr).toMatch(/modules\/brewing-basics\.fi\.mdx already exists: edit it rather than start again\./);
		expect(readFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), 'utf8')).toBe(before);
		expect(runScript('new', ['translation', '--module', 'serving', '--lang', 'sv', '--content', content]).stderr).toContain(
			`--lang "sv": "sv" is not one of the curriculum's languages (en, fi). A translation is into fi; a maintainer adds a language to \`locales\` in curriculum.yaml.`
		);
		expect(runScript('new', ['translation', '--module', 'serving', '--lang', 'FI', '--content', content]).stderr).toContain('Did you mean "fi"?');
		expect(runScript('new', ['translation', '--module', 'serving', '--lang', 'en', '--content', content]).stderr).toContain('"en" is the language of the originals, which need no translation into it. Translate into fi.');
		expect(existsSync(join(content, 'modules', 'serving.fi.mdx'))).toBe(false);
		// An original that fails its schema is fixed before it is translated.
		const water = join(content, 'modules', 'water-temperature.mdx');
		writeFileSync(water, readFileSync(water, 'utf8').replace(/^duration: .*$/m, 'duration: soon'));
		expect(runScript('new', ['translation', '--module', 'water-temperature', '--content', content]).stderr).toContain('modules/water-temperature.mdx does not pass its own checks yet: run `npm run check`, fix what it names, then translate it.');
		// A curriculum in one language has nothing to translate into.
		expect(runScript('new', ['translation', '--module', 'serving', '--content', copyFixture('valid-course')]).stderr).toContain('The curriculum is written in en only, so there is no language to translate into');
	});

	it('asks for the original and the language in a terminal, and requires --lang without one when there are several', () => {
		const content = bilingual();
		const config = join(content, 'curriculum.yaml');
		writeFileSync(config, readFileSync(config, 'utf8').replace('locales: [en, fi]', 'locales: [en, fi, sv]'));
		expect(runScript('new', ['translation', '--module', 'serving', '--content', content]).stderr).toContain('--lang is missing: language to translate into (fi, sv)');
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'translation', '--interactive', '--content', content], {
			input: ['servng', 'serving', 'de', 'sv', 'Ada Example', ''].join('\n'),
			encoding: 'utf8',
			env: { ...process.env, CURRENTS_TODAY: TODAY },
		});
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain('Did you mean "serving"?');
		expect(result.stdout).toContain('"de" is not one of the curriculum\'s languages (en, fi, sv).');
		const text = readFileSync(join(content, 'modules', 'serving.sv.mdx'), 'utf8');
		expect(text).toContain('translators: ["Ada Example"]');
		expect(text).toContain('TODO: Translate this section into Swedish');
	});
});

describe('markedBody', () => {
	it('marks the opening text and each heading outside code, each marker a paragraph of its own', () => {
		const body = '\nOpening.\n## First\nText.\n\n```md\n## Not a heading\n```\n';
		expect(markedBody(body, 'Finnish')).toBe(
			'\nTODO: Translate the text below into Finnish, then delete this line.\n\nOpening.\n## First\n\nTODO: Translate this section into Finnish, its heading and titles too, then delete this line.\n\nText.\n\n```md\n## Not a heading\n```\n'
		);
	});
});

describe('checkLeftovers', () => {
	it('lists ten markers of a file and counts the rest in the tenth', () => {
		const source = Array.from({ length: 11 }, (_, i) => `TODO: line ${i + 1}`).join('\n');
		const found = checkLeftovers([{ file: 'modules/x.fi.mdx', path: '/x', source }]);
		expect(found).toHaveLength(10);
		expect(found.at(-1)!.message).toBe('A scaffold marker is still here: `TODO: line 10`. 1 more line below has one too.');
	});
});
