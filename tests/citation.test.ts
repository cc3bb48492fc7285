import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { apa, apaHtml, apaName, bibtex, citationMeta, escapeBibtex, trackApa, trackApaHtml, trackBibtex, trackCitationOf, type CitedModule } from '../src/lib/citation/cite.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { fixtureContent, ROOT } from './utils.ts';

/** The tea fixture: a module with a contributor, one without, and an archived major. */
const curriculum = loadCurriculum(fixtureContent('valid-course'), ROOT);
const config = curriculum.config!;
const module = (id: string) => curriculum.modules.find((m) => m.id === id)!;
const archived = (id: string, major: number) => {
	const entry = curriculum.archives.find((a) => a.id === id && a.major === major)!;
	return { id, data: entry.data };
};
const withData = (base: CitedModule, data: Partial<CitedModule['data']>): CitedModule => ({ id: base.id, data: { ...base.data, ...data } });

describe("the citation in a module page's head, for reference managers", () => {
	it('gives the same people, title and version, release day and permanent address as the APA reference', () => {
		expect(citationMeta(module('water-temperature'), config)).toEqual([
			{ name: 'citation_title', content: 'Water temperature (version 1.0.0)' },
			{ name: 'citation_author', content: 'Ada Example' },
			{ name: 'citation_publication_date', content: '2020/01/10' },
			{ name: 'citation_publisher', content: 'Steeped' },
			{ name: 'citation_public_url', content: 'https://steeped.example.org/modules/water-temperature/v1/' },
		]);
		// No person listed: the curriculum is the author, as in the APA reference.
		expect(citationMeta(archived('brewing-basics', 1), config).filter((tag) => tag.name !== 'citation_title' && tag.name !== 'citation_publisher')).toEqual([
			{ name: 'citation_author', content: 'Steeped' },
			{ name: 'citation_publication_date', content: '2025/01/01' },
			{ name: 'citation_public_url', content: 'https://steeped.example.org/modules/brewing-basics/v1/' },
		]);
	});
});

describe('APA 7 reference for a module', () => {
	it('names the contributor, the release day of the version, the version, the curriculum and the versioned address', () => {
		expect(curriculum.findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(apa(module('water-temperature'), config)).toBe(
			'Example, A. (2020, January 10). Water temperature (Version 1.0.0) [Online course module]. Steeped. https://steeped.example.org/modules/water-temperature/v1/'
		);
	});

	it('makes the curriculum the group author when no person is listed, without repeating it as the site', () => {
		expect(apa(module('brewing-basics'), config)).toBe(
			'Steeped. (2026, November 1). Brewing basics (Version 2.1.0) [Online course module]. https://steeped.example.org/modules/brewing-basics/v2/'
		);
	});

	it('cites an archived major at its own version, release day and permanent address', () => {
		expect(apa(archived('brewing-basics', 1), config)).toBe(
			'Steeped. (2025, January 1). Brewing basics (Version 1.0.0) [Online course module]. https://steeped.example.org/modules/brewing-basics/v1/'
		);
	});

	it('cites a 0.x pre-release at the module address, which is all it has', () => {
		const draft = withData(module('serving'), { version: '0.3.0', changelog: [{ version: '0.3.0', date: '2026-10-05', kind: 'added', summary: 'Draft.' }] });
		expect(apa(draft, config)).toBe('Steeped. (2026, October 5). Serving (Version 0.3.0) [Online course module]. https://steeped.example.org/modules/serving/');
	});

	it('adds the day the reader retrieved it when given', () => {
		expect(apa(module('water-temperature'), config, { accessed: '2026-11-23' })).toBe(
			'Example, A. (2020, January 10). Water temperature (Version 1.0.0) [Online course module]. Steeped. Retrieved November 23, 2026, from https://steeped.example.org/modules/water-temperature/v1/'
		);
	});

	it('lists two authors with "&", up to twenty in full, and more as the first nineteen, an ellipsis and the last', () => {
		const base = module('water-temperature');
		const people = (count: number) => Array.from({ length: count }, (_, i) => `Person ${String.fromCharCode(65 + (i % 26))}${i}`);
		expect(apa(withData(base, { contributors: ['Ada Example', { name: 'Grace Hopper', url: 'https://example.org/grace' }] }), config)).toMatch(/^Example, A\., & Hopper, G\. \(2020/);
		expect(apa(withData(base, { contributors: ['Ada Example', 'Grace Hopper', 'Alan Turing'] }), config)).toMatch(/^Example, A\., Hopper, G\., & Turing, A\. \(2020/);
		const twenty = apa(withData(base, { contributors: people(20) }), config);
		expect(twenty).toContain('A0, P., B1, P.,');
		expect(twenty).toContain(', & T19, P. (2020');
		const many = apa(withData(base, { contributors: people(25) }), config);
		expect(many).toContain('S18, P., . . . Y24, P. (2020');
		expect(many).not.toContain('T19');
	});

	it('writes names family name first with initials, keeping particles, hyphens and suffixes', () => {
		expect(apaName('Ada Example')).toBe('Example, A.');
		expect(apaName('Grace Brewster Hopper')).toBe('Hopper, G. B.');
		expect(apaName('Ludwig van Beethoven')).toBe('van Beethoven, L.');
		expect(apaName('Jean-Paul Sartre')).toBe('Sartre, J.-P.');
		expect(apaName('Martin Luther King, Jr.')).toBe('King, M. L., Jr.');
		expect(apaName('Émile Zola')).toBe('Zola, É.');
		// A one-word name, such as a mononym or a team, is kept as written.
		expect(apaName('Tealeaf')).toBe('Tealeaf.');
	});

	it('writes a team or organisation as given, not as a family name with initials', () => {
		// The flagship credits most modules to its editorial team: "team, C. E." would be a wrong author.
		const team = withData(module('water-temperature'), { contributors: ['Currents editorial team'] });
		expect(apa(team, config)).toBe(
			'Currents editorial team. (2020, January 10). Water temperature (Version 1.0.0) [Online course module]. Steeped. https://steeped.example.org/modules/water-temperature/v1/'
		);
		// Beside people, and said outright for a name with no such word.
		const mixed = withData(module('water-temperature'), { contributors: ['Ada Example', { name: 'Leaf & Kettle Collective' }, { name: 'The Tasting Circle', group: true }] });
		expect(apa(mixed, config)).toMatch(/^Example, A\., Leaf & Kettle Collective\., & The Tasting Circle\. \(2020/);
		// A person whose family name is such a word says so.
		const person = withData(module('water-temperature'), { contributors: [{ name: 'Ada Council', group: false }] });
		expect(apa(person, config)).toMatch(/^Council, A\. \(2020/);
	});

	it('sets the title in italics in HTML and escapes every value', () => {
		const odd = withData(module('water-temperature'), { title: 'Milk <first> & "sugar"' });
		expect(apaHtml(odd, { ...config, title: 'Tea & Co' })).toBe(
			'Example, A. (2020, January 10). <i>Milk &lt;first&gt; &amp; &quot;sugar&quot;</i> (Version 1.0.0) [Online course module]. Tea &amp; Co. <a href="https://steeped.example.org/modules/water-temperature/v1/">https://steeped.example.org/modules/water-temperature/v1/</a>'
		);
	});
});

describe('BibTeX entry for a module', () => {
	it('is a @misc entry with author, title, version, date, url and a note that names version and release', () => {
		expect(bibtex(module('water-temperature'), config)).toBe(
			[
				'@misc{steeped-water-temperature-1.0.0,',
				'  author       = {Ada Example},',
				'  title        = {{Water temperature}},',
				'  howpublished = {Online course module, Steeped},',
				'  year         = {2020},',
				'  month        = jan,',
				'  date         = {2020-01-10},',
				'  version      = {1.0.0},',
				'  url          = {https://steeped.example.org/modules/water-temperature/v1/},',
				'  note         = {Version 1.0.0, released 2020-01-10},',
				'}',
			].join('\n')
		);
	});

	it('braces the curriculum as one group author and adds urldate when the reader gives the day', () => {
		const entry = bibtex(module('brewing-basics'), config, { accessed: '2026-11-23' });
		expect(entry).toContain('  author       = {{Steeped}},');
		expect(entry).toContain('  urldate      = {2026-11-23},');
		expect(entry).toContain('  url          = {https://steeped.example.org/modules/brewing-basics/v2/},');
		expect(entry).toContain('  month        = nov,');
	});

	it('escapes the characters TeX reads as commands, and joins people with "and"', () => {
		const odd = withData(module('water-temperature'), { title: 'Tea & 100% {leaf} #1 $5 ~ ^ _ \\ ', contributors: ['Ada Example', 'Tom and Jerry'] });
		const entry = bibtex(odd, config);
		expect(entry).toContain('  title        = {{Tea \\& 100\\% \\{leaf\\} \\#1 \\$5 \\textasciitilde{} \\textasciicircum{} \\_ \\textbackslash{} }},');
		// A name holding "and" is braced, so that it stays one author.
		expect(entry).toContain('  author       = {Ada Example and {Tom and Jerry}},');
		expect(escapeBibtex('\\{}')).toBe('\\textbackslash{}\\{\\}');
	});

	it('braces a team or organisation, so that styles do not split it into a family name and initials', () => {
		const team = withData(module('water-temperature'), { contributors: ['Currents editorial team', 'Ada Example'] });
		expect(bibtex(team, config)).toContain('  author       = {{Currents editorial team} and Ada Example},');
	});
});

describe('citation of a track', () => {
	const track = curriculum.tracks.find((t) => t.id === 'tea-foundations')!;
	const modules = track.data.modules.map(module);

	it('credits the people of all its modules once each, in the order they first appear in the track', () => {
		const credited = [
			withData(module('water-temperature'), { contributors: ['Grace Hopper', 'Ada Example'] }),
			withData(module('brewing-basics'), { contributors: [' Ada Example ', { name: 'Leaf Tasting Team' }, 'Alan Turing'] }),
			withData(module('serving'), { contributors: ['Grace Hopper', 'Alan Turing', 'Émile Zola'] }),
		];
		const citation = trackCitationOf(track, credited, config);
		expect(citation.people).toEqual(['Grace Hopper', 'Ada Example', 'Leaf Tasting Team', 'Alan Turing', 'Émile Zola']);
		expect([...citation.groups]).toEqual(['Leaf Tasting Team']);
		expect(trackApa(track, credited, config)).toMatch(/^Hopper, G\., Example, A\., Leaf Tasting Team\., Turing, A\., & Zola, É\. \(2026/);
		// In track order: the same modules the other way round credit their people the other way round.
		expect(trackCitationOf(track, credited.toReversed(), config).people).toEqual(['Grace Hopper', 'Alan Turing', 'Émile Zola', 'Ada Example', 'Leaf Tasting Team']);
	});

	it("is dated by the newest release among its modules, each at its current version's changelog entry, else its review day", () => {
		// Brewing basics 2.1.0 was released on 2026-11-01, the newest of the three.
		expect(trackCitationOf(track, modules, config).date).toBe('2026-11-01');
		// Without Brewing basics, Serving's 1.0.1 of 2026-10-01, not its 1.0.0 of 2026-09-01.
		expect(trackCitationOf(track, [module('water-temperature'), module('serving')], config).date).toBe('2026-10-01');
		// A version with no changelog entry is dated by its review.
		const unlisted = withData(module('water-temperature'), { version: '1.0.1', reviewed: '2027-02-03' });
		expect(trackCitationOf(track, [unlisted, module('serving')], config).date).toBe('2027-02-03');
	});

	it("cites the track's title, page and newest release in APA 7, with no version, and the curriculum as the site", () => {
		expect(trackApa(track, modules, config)).toBe('Example, A. (2026, November 1). Tea foundations [Online course]. Steeped. https://steeped.example.org/tracks/tea-foundations/');
		expect(trackApa(track, modules, config, { accessed: '2026-11-23' })).toBe(
			'Example, A. (2026, November 1). Tea foundations [Online course]. Steeped. Retrieved November 23, 2026, from https://steeped.example.org/tracks/tea-foundations/'
		);
	});

	it('makes the curriculum the group author when no module credits a person, without repeating it as the site', () => {
		const anonymous = [module('brewing-basics'), module('serving')];
		expect(trackCitationOf(track, anonymous, config).people).toEqual([]);
		expect(trackApa(track, anonymous, config)).toBe('Steeped. (2026, November 1). Tea foundations [Online course]. https://steeped.example.org/tracks/tea-foundations/');
		expect(trackBibtex(track, anonymous, config)).toContain('  author       = {{Steeped}},');
	});

	it('sets the title in italics in HTML and escapes every value', () => {
		const odd = { id: track.id, data: { title: 'Milk <first> & "sugar"' } };
		expect(trackApaHtml(odd, modules, { ...config, title: 'Tea & Co' })).toBe(
			'Example, A. (2026, November 1). <i>Milk &lt;first&gt; &amp; &quot;sugar&quot;</i> [Online course]. Tea &amp; Co. <a href="https://steeped.example.org/tracks/tea-foundations/">https://steeped.example.org/tracks/tea-foundations/</a>'
		);
	});

	it('is a @misc entry keyed by curriculum, track and date, with no version and a note that dates its modules', () => {
		expect(trackBibtex(track, modules, config)).toBe(
			[
				'@misc{steeped-tea-foundations-2026-11-01,',
				'  author       = {Ada Example},',
				'  title        = {{Tea foundations}},',
				'  howpublished = {Online course, Steeped},',
				'  year         = {2026},',
				'  month        = nov,',
				'  date         = {2026-11-01},',
				'  url          = {https://steeped.example.org/tracks/tea-foundations/},',
				'  note         = {Modules as of 2026-11-01},',
				'}',
			].join('\n')
		);
		const odd = trackBibtex({ id: track.id, data: { title: 'Tea & 100%' } }, [withData(module('water-temperature'), { contributors: ['Tom and Jerry', 'Currents editorial team'] })], { ...config, title: 'Tea & Co' });
		expect(odd).toContain('  title        = {{Tea \\& 100\\%}},');
		expect(odd).toContain('  author       = {{Tom and Jerry} and {Currents editorial team}},');
		expect(odd).toContain('  howpublished = {Online course, Tea \\& Co},');
		expect(odd).toContain('@misc{tea-co-tea-foundations-2020-01-10,');
	});
});

describe('CITATION.cff', () => {
	it('is a CFF 1.2.0 file for the flagship curriculum, agreeing with its config', () => {
		const cff = parseYaml(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
		const flagship = loadCurriculum(join(ROOT, 'content'), ROOT).config!;
		// The keys CFF 1.2.0 requires, and only keys it defines.
		expect(cff['cff-version']).toBe('1.2.0');
		for (const key of ['message', 'title', 'authors']) expect(cff[key], key).toBeTruthy();
		const known = ['cff-version', 'message', 'title', 'abstract', 'authors', 'license', 'url', 'repository-code', 'keywords'];
		expect(Object.keys(cff).filter((key) => !known.includes(key))).toEqual([]);
		// An entity as author: the project invents no people.
		expect(cff.authors).toEqual([{ name: 'Currents contributors' }]);
		expect(cff.title).toContain(flagship.title);
		expect(cff.license).toBe(flagship.license);
		expect(cff['repository-code']).toBe(flagship.repository);
		expect(cff.url).toBe(flagship.site);
	});
});
