import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { brewingFi, copyFixture, TODAY } from './utils.ts';

/** A copy of the valid fixture with a free page and one more paragraph at the end of serving's body. */
function withParagraph(paragraph: string): { content: string; line: number } {
	const content = copyFixture('valid-course');
	mkdirSync(join(content, 'pages'));
	writeFileSync(join(content, 'pages', 'about.mdx'), '---\ntitle: About the tea school\n---\n\nWho writes it.\n');
	const file = join(content, 'modules', 'serving.mdx');
	const text = `${readFileSync(file, 'utf8').trimEnd()}\n\n${paragraph}\n`;
	writeFileSync(file, text);
	return { content, line: text.trimEnd().split('\n').length - paragraph.split('\n').length + 1 };
}

const brokenLinks = (content: string) => checkCurriculum(content, { on: TODAY }).findings.filter((finding) => finding.rule === 'broken-link');

describe('the link check', () => {
	it('takes a link to any page the site has, not only to modules, tracks and updates', () => {
		const pages = [
			'/about/',
			'/progress/',
			'/verify/',
			'/issuers/',
			'/whats-new/',
			'/feed.xml',
			'/tracks/tea-foundations/syllabus/',
			'/tracks/tea-foundations/print/',
			'/tracks/tea-foundations/feed.xml',
			'/contributing/fields/',
			'/contributing/rules/broken-link/',
			'/modules/brewing-basics/v2/#knowledge-check',
			'/modules/brewing-basics/#embed-or-cite',
		];
		const { content } = withParagraph(pages.map((page, i) => `[page ${i}](${page})`).join(' '));
		expect(brokenLinks(content)).toEqual([]);
	});

	it('leaves an address with a scheme to the content check, however its colon is written', () => {
		const { content } = withParagraph('[a](JavaScript&#58;alert(1)) [b](javascript&#x3A;alert(1)) [c](javascript&colon;alert(1))');
		const findings = checkCurriculum(content, { on: TODAY }).findings.filter((finding) => finding.file.endsWith('serving.mdx'));
		expect(findings.filter((finding) => finding.rule === 'broken-link')).toEqual([]);
		expect(findings.filter((finding) => finding.rule === 'unsafe-url')).toHaveLength(3);
	});

	it('checks the address of a reference-style link, and points at the address of each broken link', () => {
		const { content, line } = withParagraph('See [the basics](/modules/brewing-basic/) and [the track][track].\n\n[track]: /tracks/tea-foundation/');
		expect(brokenLinks(content).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
			{ line, column: 18, message: 'The link "/modules/brewing-basic/" leads to no page of the curriculum.' },
			{ line: line + 2, column: 10, message: 'The link "/tracks/tea-foundation/" leads to no page of the curriculum.' },
		]);
	});

	it('tells a link to an image at the site root where images go, as the image check tells an image', () => {
		const { content, line } = withParagraph('See [the chart](/images/chart.png).');
		expect(brokenLinks(content).map(({ line, message, fix }) => ({ line, message, fix }))).toEqual([
			{
				line,
				message: 'The link "/images/chart.png" leads to an image at the site\'s root, where the site publishes no images.',
				fix: 'Show the image on the page instead: save it next to the module and write `![what it shows](./chart.png)`.',
			},
		]);
	});

	it("says of a link under the originals' language that their pages have no language prefix", () => {
		const { content, line } = withParagraph('See [the leaf](/en/modules/brewing-basics/#leaf).');
		expect(brokenLinks(content).map(({ line, message, fix }) => ({ line, message, fix }))).toEqual([
			{
				line,
				message: 'The link "/en/modules/brewing-basics/#leaf" leads to no page: English is the language of the originals, whose pages have no language prefix.',
				fix: 'Link to "/modules/brewing-basics/#leaf".',
			},
		]);
	});

	it('names the module a renamed one became, by redirects.yaml, heading and all', () => {
		// The fixture's redirects.yaml sends old-serving to serving.
		const { content, line } = withParagraph('Read [how to serve](/modules/old-serving/#knowledge-check) first.');
		expect(brokenLinks(content).map(({ line, message, fix }) => ({ line, message, fix }))).toEqual([
			{
				line,
				message: 'The link "/modules/old-serving/#knowledge-check" leads to a module that is gone: redirects.yaml sends /modules/old-serving/ to /modules/serving/.',
				fix: 'Link to the module as it is now: "/modules/serving/#knowledge-check".',
			},
		]);
	});
});

/** Appends lines to a file of a copy of the valid fixture, and gives the line of the file the first of them is on. */
function append(content: string, path: string, lines: string): number {
	const file = join(content, path);
	const text = `${readFileSync(file, 'utf8').trimEnd()}\n\n${lines}\n`;
	writeFileSync(file, text);
	return text.trimEnd().split('\n').length - lines.split('\n').length + 1;
}

const taken = (content: string) =>
	checkCurriculum(content, { on: TODAY })
		.findings.filter((finding) => finding.rule === 'duplicate-section-id')
		.map(({ file, line, column, message, fix }) => ({ file: file.replace(/^.*?content\//, ''), line, column, message, fix }));

describe('a heading that takes the id of a section the page adds', () => {
	it('is reported at its line with the id, the section and a heading to write instead', () => {
		const content = copyFixture('valid-course');
		const line = append(
			content,
			'modules/brewing-basics.mdx',
			['## Sources', '', 'More reading.', '', '## Sources of reach', '', '## Outcomes for teams', '', '### Changelog', '', '```md', '## Embed or cite', '```', '', '## Knowledge check **quiz**', '', '## Outcomes'].join('\n')
		);
		expect(taken(content)).toEqual([
			{
				file: 'modules/brewing-basics.mdx',
				line,
				column: 1,
				message:
					'The heading "## Sources" gets the id "sources", but the module page already has a section with that id, the list of sources: the page would have two elements with id="sources", and a link to #sources would find only one.',
				fix: 'Rename the heading, such as "## Further sources".',
			},
			{
				file: 'modules/brewing-basics.mdx',
				line: line + 8,
				column: 1,
				message:
					'The heading "### Changelog" gets the id "changelog", but the module page already has a section with that id, the changelog: the page would have two elements with id="changelog", and a link to #changelog would find only one.',
				fix: 'Rename the heading, such as "### What changed".',
			},
			{
				file: 'modules/brewing-basics.mdx',
				line: line + 16,
				column: 1,
				message:
					'The heading "## Outcomes" gets the id "outcomes", but the module page already has a section with that id, the learning outcomes: the page would have two elements with id="outcomes", and a link to #outcomes would find only one.',
				fix: 'Rename the heading, such as "## What you will practise".',
			},
		]);
	});

	it('leaves a heading whose section the page leaves out, and reports those of translations and updates', () => {
		const content = copyFixture('valid-course');
		// Serving lists no sources, so its page has no section with the id "sources".
		append(content, 'modules/serving.mdx', '## Sources\n\nThe tea merchant.');
		writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), `${brewingFi()}\n## Lähteet\n\n## Embed or cite\n`);
		const fiLine = brewingFi().trimEnd().split('\n').length + 4;
		const updateLine = append(content, 'updates/2026-11-10-kettle-presets.md', '## Affected modules');
		expect(taken(content).map(({ file, line, message, fix }) => ({ file, line, message: message.slice(0, message.indexOf(':')), fix }))).toEqual([
			{ file: 'modules/brewing-basics.fi.mdx', line: fiLine, message: 'The heading "## Embed or cite" gets the id "embed-or-cite", but the module page already has a section with that id, "Embed or cite"', fix: 'Rename the heading, such as "## Using this module in a course".' },
			{ file: 'updates/2026-11-10-kettle-presets.md', line: updateLine, message: 'The heading "## Affected modules" gets the id "affected-modules", but the update page already has a section with that id, the affected modules', fix: 'Rename the heading, such as "## Modules this touches".' },
		]);
	});
});

describe('links in a translation', () => {
	/** The valid fixture in English and Finnish, with brewing-basics translated and a paragraph of links at the end of the translation. */
	function translatedWith(paragraph: string, prepare: (content: string) => void = () => {}) {
		const content = copyFixture('valid-course');
		const config = join(content, 'curriculum.yaml');
		writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nlocales: [en, fi]\n`);
		prepare(content);
		const text = `${brewingFi().trimEnd()}\n\n${paragraph}\n`;
		writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), text);
		const line = text.trimEnd().split('\n').length;
		const findings = checkCurriculum(content, { on: TODAY }).findings.filter((finding) => ['broken-link', 'link-language'].includes(finding.rule));
		return { line, findings: findings.map(({ rule, file, line, severity, message, fix }) => ({ rule, file: file.slice(file.indexOf('modules/')), line, severity, message, fix })) };
	}

	it("are checked as the original's are: a page or heading that does not exist is an error", () => {
		const { line, findings } = translatedWith('Katso [tarjoilu](/modules/servin/) ja [perusteet](/fi/modules/brewing-basics/#ei-ole).');
		expect(findings.map(({ rule, file, line, severity, message }) => ({ rule, file, line, severity, message }))).toEqual([
			{ rule: 'broken-link', file: 'modules/brewing-basics.fi.mdx', line, severity: 'error', message: 'The link "/modules/servin/" leads to no page of the curriculum.' },
			{ rule: 'broken-link', file: 'modules/brewing-basics.fi.mdx', line, severity: 'error', message: expect.stringContaining('"/fi/modules/brewing-basics/#ei-ole"') },
		]);
	});

	it("name the page in the translation's language for a link to a content file, where that language has the page", () => {
		// Brewing basics has a Finnish page; serving has none. A translation's file names its language.
		const { line, findings } = translatedWith('Katso [perusteet](./brewing-basics.mdx), [suomeksi](./brewing-basics.fi.mdx#knowledge-check) ja [tarjoilu](./serving.mdx).');
		expect(findings.map(({ rule, line, message, fix }) => ({ rule, line, message, fix }))).toEqual([
			{ rule: 'broken-link', line, message: 'The link "./brewing-basics.mdx" leads to a content file, which the site does not publish.', fix: 'Link to its page: "/fi/modules/brewing-basics/".' },
			{ rule: 'broken-link', line, message: 'The link "./brewing-basics.fi.mdx#knowledge-check" leads to a content file, which the site does not publish.', fix: 'Link to its page: "/fi/modules/brewing-basics/#knowledge-check".' },
			{ rule: 'broken-link', line, message: 'The link "./serving.mdx" leads to a content file, which the site does not publish.', fix: 'Link to its page: "/modules/serving/".' },
		]);
	});

	it("say that the originals' pages have no language prefix, and name the page in the translation's language", () => {
		const { line, findings } = translatedWith('Katso [perusteet](/en/modules/brewing-basics/#knowledge-check) ja [tarjoilu](/en/modules/serving/).');
		const MESSAGE = "leads to no page: English is the language of the originals, whose pages have no language prefix.";
		expect(findings.map(({ rule, line, message, fix }) => ({ rule, line, message, fix }))).toEqual([
			{ rule: 'broken-link', line, message: `The link "/en/modules/brewing-basics/#knowledge-check" ${MESSAGE}`, fix: `Link to "/fi/modules/brewing-basics/#knowledge-check", the page in this translation's language.` },
			{ rule: 'broken-link', line, message: `The link "/en/modules/serving/" ${MESSAGE}`, fix: 'Link to "/modules/serving/".' },
		]);
	});

	it("name a link to the original's page when the translation's language has the page, and leave one it does not have", () => {
		// Brewing basics is translated, so its Finnish page exists; serving is not, and has none. The original's
		// heading "Leaf" is not one of the translation's, so a link to it stays with the original.
		const { line, findings } = translatedWith('Katso [perusteet](/modules/brewing-basics/#knowledge-check), [lehti](/modules/brewing-basics/#leaf), [tarjoilu](/modules/serving/) ja [suomeksi](/fi/modules/brewing-basics/).');
		expect(findings).toEqual([
			{
				rule: 'link-language',
				file: 'modules/brewing-basics.fi.mdx',
				line,
				severity: 'warning',
				message: 'The link "/modules/brewing-basics/#knowledge-check" leads to the page in the original\'s language, but this translation\'s language has that page too.',
				fix: 'Link to "/fi/modules/brewing-basics/#knowledge-check", so that the reader stays in their language.',
			},
		]);
	});

	it("hold a link to a track's syllabus to the page in the translation's language while the track is translated", () => {
		const paragraph = 'Katso [suunnitelma](/tracks/tea-foundations/syllabus/) ja [suomeksi](/fi/tracks/tea-foundations/syllabus/).';
		const translated = translatedWith(paragraph, (content) => writeFileSync(join(content, 'tracks', 'tea-foundations.fi.yaml'), 'title: Teen perusteet\nsummary: Kannuun.\naudience: Kaikille.\ncertificate:\n  title: Teen perusteet\n'));
		expect(translated.findings.map(({ rule, line, fix }) => ({ rule, line, fix }))).toEqual([
			{ rule: 'link-language', line: translated.line, fix: 'Link to "/fi/tracks/tea-foundations/syllabus/", so that the reader stays in their language.' },
		]);
		// A track not translated has its syllabus in the original's language only.
		const untranslated = translatedWith(paragraph);
		expect(untranslated.findings.map(({ rule, message }) => ({ rule, message }))).toEqual([{ rule: 'broken-link', message: 'The link "/fi/tracks/tea-foundations/syllabus/" leads to no page: /tracks/tea-foundations/syllabus/ is not translated into that language.' }]);
	});

	it("suggest for a misspelt link the page in the translation's language, where it has one, and its headings", () => {
		// Brewing basics has a Finnish page, with the heading "Lehti"; serving has none. The fixture's redirects.yaml
		// sends old-serving to serving; here old-basics goes to brewing-basics as well.
		const links = [
			'[a](/modules/brewing-basic/)',
			'[b](/modules/brewing-basic/#knowledge-check)',
			'[c](/fi/brewing-basics/)',
			'[d](/modules/servin/)',
			'[e](/modules/brewing-basics/#lehtii)',
			'[f](/modules/brewing-basics/#leef)',
			'[g](/modules/old-basics/#knowledge-check)',
			'[h](/fi/modules/old-basics/)',
		];
		const { line, findings } = translatedWith(`## Lehti\n\nKatso ${links.join(', ')}.`, (content) => {
			const redirects = join(content, 'redirects.yaml');
			writeFileSync(redirects, `${readFileSync(redirects, 'utf8').trimEnd()}\n- from: old-basics\n  to: brewing-basics\n`);
		});
		const HEADINGS = '#lehti, #outcomes, #knowledge-check, #sources, #changelog, #embed-or-cite';
		expect(findings.map(({ rule, line, fix }) => ({ rule, line, fix }))).toEqual([
			{ rule: 'broken-link', line, fix: 'Did you mean "/fi/modules/brewing-basics/"?' },
			{ rule: 'broken-link', line, fix: 'Did you mean "/fi/modules/brewing-basics/#knowledge-check"?' },
			{ rule: 'broken-link', line, fix: 'Did you mean "/fi/modules/brewing-basics/"?' },
			{ rule: 'broken-link', line, fix: 'Did you mean "/modules/serving/"?' },
			{ rule: 'broken-link', line, fix: 'Did you mean "/fi/modules/brewing-basics/#lehti", the heading on the page in this translation\'s language?' },
			{ rule: 'broken-link', line, fix: `Link to "/fi/modules/brewing-basics/" with one of its headings, the page in this translation's language: ${HEADINGS}.` },
			{ rule: 'broken-link', line, fix: 'Link to the module as it is now: "/fi/modules/brewing-basics/#knowledge-check".' },
			{ rule: 'broken-link', line, fix: 'Link to the module as it is now: "/fi/modules/brewing-basics/".' },
		]);
	});
});

describe('a link with letters percent-encoded, as a browser copies a heading address', () => {
	const HEADING = '## Näkyvyys, kattavuus, näyttökerrat ja katselukerrat';
	const ENCODED = 'n%C3%A4kyvyys-kattavuus-n%C3%A4ytt%C3%B6kerrat-ja-katselukerrat';

	it('leads to the heading it names once decoded, on the page, on another page, relative or in the path; a malformed escape stays broken', () => {
		const content = copyFixture('valid-course');
		const config = join(content, 'curriculum.yaml');
		writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nlocales: [en, fi]\n`);
		// A relative link with the heading's letters as they are is encoded by the address it is read into, as in a browser.
		const links = `Katso [tämä](#${ENCODED}), [sama](/fi/modules/brewing-basics/#${ENCODED}), [suhteellinen](../brewing-basics/#näkyvyys-kattavuus-näyttökerrat-ja-katselukerrat), [polku](/fi/modules/brewing%2Dbasics/#${ENCODED}) ja [rikki](#n%C3kyvyys-kattavuus).`;
		const text = `${brewingFi().trimEnd()}\n\n${HEADING}\n\n${links}\n`;
		writeFileSync(join(content, 'modules', 'brewing-basics.fi.mdx'), text);
		expect(brokenLinks(content).map(({ line, message, fix }) => ({ line, message, fix }))).toEqual([
			{
				line: text.trimEnd().split('\n').length,
				message: 'The link "#n%C3kyvyys-kattavuus" names no heading on this page. Its %-escapes are malformed: a browser cannot decode them into letters.',
				fix: 'Link to one of the headings: #näkyvyys-kattavuus-näyttökerrat-ja-katselukerrat, #outcomes, #knowledge-check, #sources, #changelog, #embed-or-cite.',
			},
		]);
	});
});

describe('a long address with a word left out', () => {
	it("suggests the update whose dated address it nearly is, and nothing for an address unlike any page's", () => {
		const { content, line } = withParagraph('See [the presets](/updates/2026-11-10-kettle/) and [tea](/updates/2026-11-10-green-leaf-grading/).');
		expect(brokenLinks(content).map(({ line, fix }) => ({ line, fix }))).toEqual([
			{ line, fix: 'Did you mean "/updates/2026-11-10-kettle-presets/"?' },
			{ line, fix: 'Link to a module as /modules/<id>/, a track as /tracks/<id>/, an update as /updates/<id>/.' },
		]);
	});
});

describe('an image written from the site root', () => {
	const images = (content: string) =>
		checkCurriculum(content, { on: TODAY })
			.findings.filter((finding) => finding.file.endsWith('serving.mdx') && ['missing-image', 'broken-link', 'image-type'].includes(finding.rule))
			.map(({ rule, line, message, fix }) => ({ rule, line, message, fix }));
	const MESSAGE = "The image `/images/carousel.png` is written from the site's root, where the site publishes no images: an image is read from the repository, by its path from the module file.";

	it('gets image advice, not a broken link, naming the path to write', () => {
		const { content, line } = withParagraph('![A carousel](/images/carousel.png) and [a link](/modules/brewing-basic/)');
		expect(images(content)).toEqual([
			{ rule: 'missing-image', line, message: MESSAGE, fix: 'Save the image next to the module and write its path relative to the module file: ./carousel.png.' },
			{ rule: 'broken-link', line, message: 'The link "/modules/brewing-basic/" leads to no page of the curriculum.', fix: 'Did you mean "/modules/brewing-basics/"?' },
		]);
	});

	it('names the path to the file where the content folder has it', () => {
		const { content, line } = withParagraph('[![A carousel](/images/carousel.png)](/modules/brewing-basics/)');
		mkdirSync(join(content, 'images'));
		writeFileSync(join(content, 'images', 'carousel.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
		expect(images(content)).toEqual([{ rule: 'missing-image', line, message: MESSAGE, fix: 'Write its path relative to the module file: ../images/carousel.png.' }]);
		// The folder the fix names is one the content check takes images from.
		expect(checkCurriculum(content, { on: TODAY }).findings.filter((finding) => finding.file.includes('images/'))).toEqual([]);
	});
});
