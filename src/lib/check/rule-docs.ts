import { SAFETY_RULES } from '../safety/content-check.ts';
import { BYTE_RULES } from '../safety/bytes.ts';
import { YAML_SUBSET_RULES } from '../safety/yaml-subset.ts';
import { OUTPUT_RULES } from '../safety/output-scan.ts';
import { CONTENT_FILE_RULES } from '../safety/content-files.ts';

export interface RuleDoc {
	title: string;
	/** What the rule checks and why, in Markdown-free prose with `code` spans. */
	description: string;
}

/**
 * Every rule `npm run check` can report, for its documentation page at
 * `/contributing/rules/<rule>/`. A test checks that every rule the code reports is listed here.
 */
export const RULE_DOCS: Record<string, RuleDoc> = {
	schema: {
		title: 'Fields must match the schema',
		description:
			'Every module, track, update and the curriculum config is checked against its schema: required fields must be present (every knowledge-check choice’s `explanation` among them), values must have the right form (a version like `1.2.0`, a date like `2026-11-23`, a full web address starting with `https://`, or `http://` for a page served no other way), and unknown fields are rejected so that a misspelt key is caught instead of ignored. Every field, with what it takes, is in the field reference at /contributing/fields/.',
	},
	'yaml-syntax': {
		title: 'The YAML must be readable',
		description:
			'Frontmatter and track files are YAML. The most common slips are a value containing `: ` that is not in quotes, uneven indentation, and a list item without `- `. Only the first syntax error of a file is reported, because later ones are usually caused by it. A hashtag in a value without quotes is reported too: YAML reads ` #` as the start of a comment and drops the rest of the line without a word, so `title: Reels for #creators` would be the title "Reels for". Put such a value in double quotes: `title: "Reels for #creators"`. A value wrapped in typographic quotes (“…”), as a word processor writes them, is reported as well: YAML’s quotes are straight, so the curly ones would show on the page. Use straight quotes, or, to show the curly ones, put them inside straight ones: `title: "“Reels”"`. And a list item whose dash is missing is reported even where YAML reads the file: a sentence on its own line, starting at the text of the item above, would join that item, so two outcomes would become one.',
	},
	'missing-file': {
		title: 'Required files must exist',
		description: 'A curriculum needs its content folder and a `curriculum.yaml` at the top of it.',
	},
	'missing-frontmatter': {
		title: 'Modules and updates start with frontmatter',
		description: 'A module or update file starts with `---`, its YAML fields, and another `---`. `npm run new` writes a valid file to start from.',
	},
	'unexpected-file': {
		title: 'Files belong in their folder',
		description: 'Each folder holds one kind of file: `.mdx` modules in `modules/`, `.yaml` tracks in `tracks/`, `.md` updates in `updates/`. A file with another extension would be silently ignored, so it is reported. So is a Markdown, MDX or YAML file where the build does not look: in a folder inside `modules/`, `tracks/` or `updates/`, in a folder whose name is misspelt, or at the top of the content folder (a warning, since the rest of the site builds without it). A translation in a folder named for its language, such as `modules/fi/<id>.mdx` or `fi/modules/<id>.mdx`, is an error, since the translator’s work would never be published: a translation sits beside its original as `modules/<id>.fi.mdx` (`tracks/<id>.fi.yaml`, `updates/<id>.fi.md`), and the fix names that file. When the folder is named for a language the curriculum does not have, such as `sv/`, the fix says to ask the maintainers to add it to `locales` first.',
	},
	'invalid-id': {
		title: 'File names are ids',
		description: 'A module, track or update takes its id, and so its address on the site, from its file name. Ids are lower-case words joined by hyphens, like `audience-research`, in Latin letters and digits: a name in another script, or an update named with its date alone (`2026-11-20-.md`), is given words to write instead. Archived majors are named `v<major>.mdx`. A translation named with `_` or `-` before its locale, like `audience-research_fi.mdx` or `audience-research-fi.mdx`, is reported with its right name, `audience-research.fi.mdx`: the first is no id at all, and the second would be a module of its own that no track lists. A name ending in `-fi` is taken for a translation only when its original exists and the file holds a translation’s fields alone.',
	},
	'unknown-module': {
		title: 'Referenced modules must exist',
		description: 'Tracks, prerequisites and platform updates name modules by id. Each id must match a file in `modules/`. A close match is suggested when there is one.',
	},
	'unknown-value': {
		title: 'Levels and platforms come from the config',
		description: 'A module’s `level` and `platforms` must be ids listed in `curriculum.yaml`, so that filters and labels stay consistent. Add a new platform to the config first.',
	},
	'duplicate-id': {
		title: 'No duplicates',
		description: 'A track lists each module once, a module lists each prerequisite once, each major is archived once, and an issuer revokes each certificate once: two entries under `revoked` in an issuer profile with the same credential id could give two days.',
	},
	'prerequisite-cycle': {
		title: 'Prerequisites cannot go round in a circle',
		description: 'If A needs B and B needs A, no learner can start either. The check names the whole cycle; remove one link of it.',
	},
	'prerequisite-order': {
		title: 'Prerequisites come earlier in a track',
		description: 'A track is a path: a module’s prerequisites that are in the same track must come before it, so the path never sends a learner forward to come back.',
	},
	'changelog-version': {
		title: 'The newest changelog entry is the version',
		description: 'The first changelog entry records the current release, so its version equals the module’s `version`. `npm run release` updates both together.',
	},
	'changelog-order': {
		title: 'Changelogs run newest first',
		description: 'Changelog entries are listed from the newest release to the oldest: versions decrease and dates do not increase down the list.',
	},
	'changelog-kind': {
		title: 'A changelog entry’s kind matches its version',
		description: 'An entry marked `kind: major` opens a new major version (2.0.0 after 1.4.1), and a new major is not marked `kind: fixed`: a major version gets a permanent address for the one it replaces and tells learners who completed it to read it again, while a correction is a patch. `npm run release` refuses the same pairs.',
	},
	'quiz-sanity': {
		title: 'Knowledge checks must be answerable',
		description: 'Every question needs at least one choice marked `correct: true` and at least one that is not (with every choice right, ticking them all passes), and no choice twice: two choices that differ only in capitals or spacing count as the same. A question with fewer than two choices, or a choice without its text or its explanation, is reported by the `schema` rule, and the rest of the question is still judged as far as it can be read.',
	},
	'update-status': {
		title: 'An incorporated update names the versions that absorbed it',
		description: 'A platform update stays `pending` until every module it affects has been revised. Then its status becomes `incorporated`, with `incorporated` listing each module and the version that absorbed the change; that version must be in the module’s changelog.',
	},
	'archive-version': {
		title: 'Archives hold earlier majors',
		description: '`archive/<id>/v<major>.mdx` freezes an earlier major of a module exactly as it was. Its version’s major must match its file name and be lower than the module’s current major.',
	},
	'future-date': {
		title: 'No dates in the future',
		description: 'Review dates, release dates, update dates, source access dates and the dates of an issuer’s revoked certificates record things that have happened, so none can be after today. A revocation may be dated tomorrow in UTC, since `npm run certificate -- revoke` writes the day on the issuer’s own calendar, which east of Greenwich is ahead of UTC.',
	},
	'orphan-module': {
		title: 'Modules belong to a track (warning)',
		description: 'A module in no track is reachable only by search and never counts towards a certificate. Add it to the track it belongs to.',
	},
	'review-due': {
		title: 'Reviews are due (warning)',
		description: 'A module is due for review when its `reviewed` date plus its review interval (the module’s `reviewInterval`, or the config’s) lies in the past. Its page then says “Review due”. Check it against the platforms and set `reviewed` to the day you did.',
	},
	'pending-update': {
		title: 'A platform change is pending (notice)',
		description: 'A platform update that affects a module and is still pending is listed so that someone picks it up; the module’s page shows a notice linking the update. It is a notice, not a warning: a pending change is the normal state between a platform changing and a module being revised.',
	},
	'module-standards': {
		title: 'Modules meet the editorial standards',
		description: 'The curriculum config can set `standards`: word counts, the number of learning outcomes, knowledge-check questions and sources each module needs. Word counts leave out code and component tags.',
	},
	'quiz-choices': {
		title: 'Enough choices in every question',
		description: 'With `minChoices` in the config’s `standards`, every knowledge-check question needs at least that many choices. With three choices and one of them absurd, a guess passes too often for a certificate to mean anything. Each added choice should be a mistake a practitioner could really make, with an explanation of why it is wrong.',
	},
	'quiz-giveaway': {
		title: 'No giveaway choices',
		description: 'A choice such as “all of the above”, “none of the above” or “both A and B” can be judged by its form without knowing the subject, and it stops making sense once the choices are shuffled, as the site does on every attempt. Replace it with a specific mistake. The check cannot recognise a joke or an absurd choice; reviewers look for those.',
	},
	'quiz-longest-answer': {
		title: 'The right answer is not simply the longest',
		description: 'Writers tend to make the right answer the longest and most careful choice, and learners learn to pick it without reading. With `longestRightPerModule` and `longestRightOverall` in the config’s `standards`, the share of questions whose right answer is the longest choice (counted in characters; a tie counts) must stay within the limit in each module and across the curriculum. Make the wrong choices as specific as the right one, or say the right one more briefly.',
	},
	'quiz-shortest-answer': {
		title: 'The right answer is not simply the shortest',
		description: 'The opposite habit of the longest answer: a writer who trims the right answer and gives each wrong one a tempting reason makes the shortest choice a winning guess. With `shortestRightPerModule` and `shortestRightOverall` in the config’s `standards`, the share of questions whose right answer is the shortest choice (counted in characters; a tie counts) must stay within the limit in each module and across the curriculum. Give the right choice its reason or condition as the wrong ones have theirs.',
	},
	'translation-locale': {
		title: 'A translation names one of the curriculum’s languages',
		description: 'A translation sits beside its original as `<id>.<locale>.mdx` (or `.yaml`, `.md`), where the locale is one of `locales` in curriculum.yaml other than the first, which is the language of the originals, and is written as `locales` writes it. A locale in other capitals (`.FI.mdx`) or with a region the curriculum does not name (`.fi-FI.mdx`) is reported with the name it means, `<id>.fi.mdx`; a language the curriculum does not have at all is added to `locales` by its maintainers.',
	},
	'translation-orphan': {
		title: 'A translation has an original',
		description: 'A translation belongs to a module, track or update of the same id. When the original is renamed, rename its translations with it; when it is removed, remove them too.',
	},
	'translation-version': {
		title: 'A translation follows a version that exists',
		description:
			'`translates:` names the version of the original that was translated, so it is one of the versions in the original’s changelog: the current one or an earlier one, never a later one, and never a number the original did not have (`1.0.9` where the changelog lists 1.0.0, 1.1.0 and 1.1.1), which the translated page would name as the version it follows. The finding lists the versions there are and suggests the one most likely meant, the latest before the number written.',
	},
	'translation-outdated': {
		title: 'Translations that have fallen behind',
		description:
			'A warning, not an error: when the original is released again, its translation goes on showing, with a notice that names the version it follows and links the changes it lacks. The page’s header and printed footer name the version its words translate. Progress and certificates record the original’s current version, so the learning outcomes and the knowledge check the page shows are that version’s. After a new major, whose outcomes have changed, the notice says that a new translation is needed and that the page’s outcomes and knowledge check are the current version’s, in the original’s language (marked as such for screen readers), beside the translated text of the earlier major; the warning says so, and to translate the outcomes and the check first. Within a major, when the release changed the knowledge check (a question added, or which choices are right), the translated page shows the original’s check instead, in the original’s language and saying so, until the translation’s questions match again; the warning then says so, and to translate the check first. Translate the changes in the original’s changelog, then raise `translates:`.',
	},
	'translation-drift': {
		title: 'A track’s or update’s translation when its original changes',
		description:
			'A warning, and only when the check compares a change with its base (as in a pull request): a module’s translation names the version it follows, but a track or a platform update has no version, so nothing else would tell its translator that the original’s words changed. When a change rewrites what a translation translates (an update’s title, summary or text; a track’s title, summary, audience or certificate title) and leaves a translation of it as it was, the translation is named, at the first part that may now differ. Bring the same change into the translation in the same pull request; if the change leaves the meaning as it was, such as a fixed typo, nothing needs to change.',
	},
	'translation-shape': {
		title: 'A translation matches its original’s outcomes and questions',
		description:
			'Learners of every language earn the same certificate, so a current translation has as many learning outcomes as the original and the same knowledge check: the same questions in the same order, each with as many choices and the same ones right. Every question that differs is reported at its line, saying what differs: how many choices it has, or which of them it marks right; two questions that each have the other’s form are named as possibly having changed places. A knowledge check with a question more or fewer than the original’s gets that one finding, as the check cannot tell which translated question stands for which until they are as many.',
	},
	'case-source': {
		title: 'A real case cites a listed source',
		description: 'A `<Case>` tells a real story, so the URL in its `source` must be one of the module’s `sources`, where it carries its publisher and the date a contributor read it and checked that it says what the case says.',
	},
	'broken-link': {
		title: 'Internal links must lead somewhere',
		description:
			'A link to another page of the curriculum (`/modules/<id>/`, `/tracks/<id>/`, `/updates/<id>/`) must name a page that exists, and a link to a heading (`#section`) must name a heading on that page. Links relative to the page (`../<id>/`) and full addresses on the curriculum’s own site are read as a browser reads them and held to the same, and so is a heading’s address copied from the browser, whose letters it percent-encodes (`#n%C3%A4kyvyys` for `#näkyvyys`); a malformed escape names no heading. A link to a content file (`./<id>.mdx`, as on GitHub) leads nowhere on the site, so the finding names the page to link to: from a translation, or for a translation’s file (`./<id>.fi.mdx`), the page in that language when there is one. Write links from the site’s root, `/modules/<id>/`: they read the same from every page. Translations are held to the same, with their language’s pages: `/fi/modules/<id>/` must be a module with a Finnish page, and a heading named on it must be one of the translation’s headings. The originals’ pages have no language prefix, so `/en/modules/<id>/` leads nowhere when English is the originals’ language.',
	},
	'link-language': {
		title: 'A translation links to pages in its language',
		description:
			'A translation that links to a page in the original’s language (`/modules/<id>/` from a Finnish page) when its own language has that page too (`/fi/modules/<id>/`) takes a reader out of their language for no reason. Link to the page in the translation’s language. A warning, since the link still works; a module with no page in that language is linked in the original’s, as it is.',
	},
	'duplicate-section-id': {
		title: 'A heading does not take the id of a section the page adds',
		description:
			'Every module page adds sections of its own around the body, with fixed ids whatever the language: `#outcomes`, `#knowledge-check` (when the module has questions), `#sources` (when it lists sources), `#changelog` and `#embed-or-cite`; an update page adds `#affected-modules` and `#sources`. A body heading whose id is one of them, such as `## Sources` or `## Changelog`, would give the page two elements with the same id, and a link to it would lead to only one. Rename the heading, such as `## Further sources`; a heading that only starts with those words, such as `## Sources of reach`, gets another id and is fine.',
	},
	'version-not-bumped': {
		title: 'A changed module gets a new version',
		description: 'With `--base <git-ref>`, every module whose text or metadata changed since the base must carry a higher version with a changelog entry for it, so instructors and the feed learn of the change. `npm run release` does both. A new `reviewed` date alone, a review that found nothing to correct, needs no release.',
	},
	'version-lowered': {
		title: 'Versions never go down',
		description: 'With `--base <git-ref>`, a module’s version must not be lower than it was at the base: a course that cited the higher version would point at nothing.',
	},
	'archive-edited': {
		title: 'Archived majors are frozen',
		description: 'With `--base <git-ref>`, files in `archive/` must not change: courses cite them by their permanent address. Correct the current version instead.',
	},
	'heading-space': {
		title: 'A heading has a space after its #',
		description: 'A line such as `##Trial reels` is published as a paragraph that reads "##Trial reels": Markdown makes a heading only with a space after the hashes, `## Trial reels`. The page loses the heading, and the contents list its entry. An error, for two to six `#`; a line may start with a single `#` for a hashtag, and hashes meant as text are written with a backslash before them, `\\##`, which the page does not show.',
	},
	'table-header': {
		title: 'Every table column has a header',
		description: 'A table’s first row names its columns. A header cell left empty, often the top-left corner of a comparison (`| | Monitoring | Listening |`), gives its column no name: a screen reader reads the cells below it without one, and accessibility checkers flag it. Write what the rows compare there: `| Compared on | Monitoring | Listening |`. A warning.',
	},
	'table-dashes': {
		title: 'A table has its line of dashes',
		description: 'Markdown makes a table only of a header row with a line of dashes under it (`| --- | --- |`), one `---` for each column of the header row. Lines written as table rows without that line, or with a line of dashes whose number of columns is not the header row’s (`| A | B | C |` over `| --- | --- |`), are no table: the site shows them as one paragraph of `|` characters. Add the line of dashes under the header row, with as many columns. Lines that are not meant as a table keep their `|` as text when the one that starts each line is written `\\|`. An error, since the reader gets no table.',
	},
	'table-cells': {
		title: 'A table row has no more cells than its header',
		description: 'The header row sets a table’s number of columns. A row below it with more cells is not refused by Markdown: the site shows as many cells as the header row has and silently drops the rest, text and all, so `| 1 | 2 | 3 |` under `| A | B |` loses its 3. The extra cell is often not meant as one: a `|` written inside a cell’s text, as in `| a|b | x |`, ends the cell there, even inside `code`. Write such a `|` as `\\|`, which shows as `|`, in code too. If the row has a column more than the table, add that column to the header row and a `---` to the line of dashes under it. A row with fewer cells loses nothing: its missing cells are shown empty. An error, since text is lost from the page.',
	},
	'code-fence': {
		title: 'Every code block is closed',
		description: 'A code block opened with three backticks (or tildes) ends at a line of the same character, at least as many, and nothing else on it. When that line is missing or mistyped (two backticks, or tildes where the block opened with backticks), the block never ends, and the rest of the page, or of the list item or quote it stands in, is published as code: headings, links and all. The finding points at the opening line; add the closing one where the code ends.',
	},
	'missing-archive': {
		title: 'A new major keeps the old one online',
		description: 'With `--base <git-ref>`, a module whose major version went up (1.4.0 to 2.0.0) must come with `archive/<id>/v<old major>.mdx`, the old major as it was released: that file is what keeps `/modules/<id>/v<old major>/` online for the courses that cite it. `npm run release -- <id> major "<what changed>"` writes it and raises the version; a version raised by hand forgets it. Put the version and changelog back, and release with the command.',
	},
	'indented-code': {
		title: 'Text is not indented like code',
		description: 'In Markdown, lines indented by four spaces or a tab, outside a list, are a code block: a paragraph indented so, often by an editor or with text pasted from elsewhere, is published in a box in fixed-width type, with its emphasis and links shown as typed. Remove the indentation. Code meant as code goes between two lines of three backticks, which also name its language. A warning.',
	},
	'archive-not-as-released': {
		title: 'An archive freezes the version as released',
		description: 'With `--base <git-ref>`, a new file `archive/<id>/v<n>.mdx` must hold the module exactly as the base holds it at major n, the version it freezes: courses that cite that major’s permanent address must keep seeing what was released. `npm run release -- <id> major` writes it so; your edits stay in the module.',
	},
	'missing-redirect': {
		title: 'Removed modules leave a redirect',
		description: 'With `--base <git-ref>`, a module that was removed or renamed must be listed in `redirects.yaml` with the module that replaces it, so that old links never end on a missing page.',
	},
	'leftover-todo': {
		title: 'No scaffold markers left',
		description:
			'`npm run new` writes a module or update with `TODO` wherever you have something to write, and a translation with `TODO` on every line still in the original’s language. Each marker left in the file is reported at its line, so that no placeholder is published and no part is forgotten. Write the part, then delete the marker and the comment that explains it.',
	},
	'update-date': {
		title: 'An update’s file name and date agree',
		description:
			'A platform update is named after the day the platform changed, such as `2026-11-10-kettle-presets.md`, and says the same day in `date:`. What’s new and the feed order updates by date, and the address comes from the file name, so the two must not disagree; a file name without the date is reported too. `npm run new -- update` names the file so.',
	},
	'maintainer-review': {
		title: 'Configuration changes need a maintainer',
		description:
			'Compared with a base branch, a change to `curriculum.yaml` or `redirects.yaml` is reported as a notice. These files set the site’s address, the repository that edit links open, the hosts images may come from, and where old addresses lead, so a maintainer must review every change to them before it is merged; `.github/CODEOWNERS` asks for that review. It is not an error or a warning: the change may well be right, such as a redirect for a renamed module, and the contributor has nothing to fix.',
	},
	'plain-text': {
		title: 'Text fields are plain text',
		description:
			'Titles, summaries, outcomes, questions, choices, explanations, names and the other text fields of frontmatter and YAML files are shown exactly as written, and some of them end up inside the page’s HTML head. So they hold plain text: no HTML tags or comments (a `<` followed by a letter, `/`, `!` or `?`), no character references such as `&amp;` (write the character itself), no invisible control characters, and no Markdown: a link such as `[the playbook](/modules/x/)`, `**strong**` or `_emphasised_` words, or code between backticks, would show with their brackets, stars, underscores and backticks, and a link there is never followed or checked. A star or an underscore that marks nothing (`5 * 3`, `snake_case`) is text. Titles and names stay on one line. Emphasis and links belong in the body.',
	},
	...SAFETY_RULES,
	...BYTE_RULES,
	...YAML_SUBSET_RULES,
	...OUTPUT_RULES,
	...CONTENT_FILE_RULES,
};
