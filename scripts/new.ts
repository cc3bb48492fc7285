/**
 * `npm run new -- module`, `npm run new -- update` and `npm run new -- translation`: write a new file
 * that passes the schema, with what the contributor must write marked TODO. In a terminal it asks for
 * what it needs; otherwise it takes flags (and says which are missing).
 *
 *   npm run new -- module --title "Instagram Broadcast channels" --track platform-playbooks \
 *     --level practitioner --duration 30 --platforms instagram
 *   npm run new -- update --title "Threads adds ..." --platforms threads --modules threads-and-bluesky-playbook \
 *     --date 2026-11-20 --source https://about.fb.com/news/...
 *   npm run new -- translation --module audience-research --lang fi
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { suggestion } from '../src/lib/check/suggestion.ts';
import { readArgs } from './lib/args.ts';
import { today } from '../src/lib/curriculum/freshness.ts';
import { LAYOUT, loadCurriculum, slugify } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { ID_PATTERN, isoDate } from '../src/lib/curriculum/schema/common.ts';
import { addToTrack, moduleTemplate, sourceUrlProblem, updateTemplate } from '../src/lib/curriculum/scaffold.ts';
import { findOriginal, onlyOneLanguage, translationHref, translationLocaleProblem, translationPath, translationTemplate, type TranslatableKind } from '../src/lib/curriculum/translation-scaffold.ts';
import { languageName } from '../src/lib/i18n/locales.ts';

const USAGE = `Usage:
  npm run new -- module --title "<title>" --track <track-id> [--id <id>] [--summary "<summary>"] [--level <level>] [--duration <minutes>] [--platforms a,b] [--prerequisites a,b] [--author "<name>"]
  npm run new -- update --title "<title>" --platforms a,b --modules a,b --source <url> [--date YYYY-MM-DD] [--id <id>] [--summary "<summary>"]
  npm run new -- translation --module <id>|--track <id>|--update <id> [--lang <locale>] [--author "<name>"]
In a terminal, missing values are asked for. Add --interactive to be asked even when input is piped.`;

const { values, positionals } = readArgs({
	content: { type: 'string' },
	interactive: { type: 'boolean', default: false },
	id: { type: 'string' },
	title: { type: 'string' },
	summary: { type: 'string' },
	track: { type: 'string' },
	level: { type: 'string' },
	duration: { type: 'string' },
	// A list may be given as one flag with commas or as the flag repeated, and both ways are read as one list.
	platforms: { type: 'string', multiple: true },
	prerequisites: { type: 'string', multiple: true },
	author: { type: 'string' },
	modules: { type: 'string', multiple: true },
	source: { type: 'string' },
	date: { type: 'string' },
	module: { type: 'string' },
	update: { type: 'string' },
	lang: { type: 'string' },
}, USAGE, { positionals: 1 });

function fail(message: string): never {
	console.error(`${message}\n\n${USAGE}`);
	process.exit(1);
}

const kind = positionals[0];
if (kind !== 'module' && kind !== 'update' && kind !== 'translation') fail(kind ? `"${kind}" is not something \`new\` makes: use module, update or translation.` : 'Say what to make: module, update or translation.');

const dir = contentDir(values.content);
const curriculum = loadCurriculum(dir);
if (!curriculum.config) fail(`There is no valid curriculum config in ${relative(process.cwd(), dir) || '.'}; run \`npm run check\` to see why.`);
const config = curriculum.config;
const interactive = values.interactive || process.stdin.isTTY === true;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true }) : null;
const lines = prompt ? prompt[Symbol.asyncIterator]() : null;

/**
 * A value from its flag, else asked for in a terminal, else a clear failure naming the flag. A flag's
 * value is trimmed as a typed answer is, and one of only spaces is refused unless empty is an answer
 * (a list that may be empty): it is a slip, and would write a blank title or summary. `missing` says
 * why a flag without a default is needed, where the question alone would not.
 */
async function value(flag: keyof typeof values, question: string, check: (answer: string) => string | null, fallback?: string, missing?: string): Promise<string> {
	const flagged = values[flag];
	const raw = Array.isArray(flagged) ? flagged.join(',') : flagged;
	if (typeof raw === 'string') {
		const given = raw.trim();
		if (given === '' && fallback !== '') {
			fail(`--${flag} is empty: ${question.toLowerCase()}. Write it in quotes after --${flag}${fallback === undefined ? '' : `, or leave --${flag} out to take its default`}.`);
		}
		const problem = check(given);
		if (problem) fail(`--${flag} ${JSON.stringify(given)}: ${problem}`);
		return given;
	}
	if (!lines) {
		if (fallback === undefined) fail(`--${flag} is missing: ${missing ?? question.toLowerCase()}`);
		// A default is checked like an answer: a title's id may already be taken.
		const problem = check(fallback);
		if (problem) fail(`--${flag} was not given, and its default ${JSON.stringify(fallback)} will not do: ${problem}${problem.includes(`--${flag} `) ? '' : ` Give --${flag}.`}`);
		return fallback;
	}
	if (missing && fallback === undefined) console.log(`  ${missing}`);
	for (;;) {
		process.stdout.write(`${question}${fallback !== undefined ? ` [${fallback}]` : ''}: `);
		const next = await lines.next();
		const answer = next.done ? '' : String(next.value).trim();
		const chosen = answer || fallback || '';
		const problem = check(chosen);
		if (!problem) {
			if (!process.stdin.isTTY) process.stdout.write('\n');
			return chosen;
		}
		if (next.done) fail(`${question}: ${problem}`);
		console.log(`  ${problem}`);
	}
}

const required = (answer: string) => (answer ? null : 'A value is needed.');
/** One id of `known` (a track, a level), with a near miss named; `one` says why a list will not do. */
const oneId = (known: readonly string[], what: string, one: string) => (answer: string) => {
	if (known.includes(answer)) return null;
	if (split(answer).length > 1) return `${one}: give one of ${known.join(', ')}, not ${split(answer).join(' and ')}.`;
	return `Unknown ${what}: ${answer}. ${suggestion(answer, [...known]) ?? `Use one of ${known.join(', ')}.`}`;
};
/**
 * What is wrong with an id (a module's, or an update's after its date), or null. Ids are file names
 * and addresses: lower-case Latin letters, digits and hyphens. `taken` says whether one is in use.
 */
const idProblem = (taken: (id: string) => string | null) => (answer: string) => {
	if (answer === '') return `An id is needed: ${LATIN_ID}`;
	if (/^\d{4}-\d{2}-\d{2}(?:-|$)/.test(answer) && kind === 'update') return `Give the id without the date: the file name starts with the date already, as updates/<date>-<id>.md.`;
	if (!ID_PATTERN.test(answer)) {
		const meant = slugify(answer);
		return `${JSON.stringify(answer)} will not do as an id: ${LATIN_ID}${meant ? ` For example "${meant}".` : ''}`;
	}
	return taken(answer);
};
const LATIN_ID = 'write a few words in lower-case Latin letters (a to z) and digits, joined by hyphens.';
/** Why an id must be given (or typed) when the title makes none: it has no Latin letters or digits. */
const noIdFrom = (title: string, example: string) =>
	`${lines ? 'The' : 'the'} title ${JSON.stringify(title)} has no Latin letters or digits to make a file name from. ${lines ? 'Type an id of' : 'Give --id with'} a few words in lower-case Latin letters (a to z) and digits, joined by hyphens, such as ${lines ? '' : '--id '}${example}.`;
const idList = (known: Iterable<string>, what: string) => (answer: string) => {
	const ids = [...known];
	const named = split(answer);
	const unknown = [...new Set(named.filter((id) => !ids.includes(id)))];
	if (unknown.length === 0) return repeatedId(named, what);
	// A near miss is named; only when none is near is the whole list given.
	const hints = unknown.map((id) => suggestion(id, ids)).filter(Boolean);
	return `Unknown ${what}: ${unknown.join(', ')}. ${hints.length === unknown.length ? hints.join(' ') : `Known: ${ids.join(', ')}.`}`;
};
/**
 * Why a list names an id twice, or null. A repeat is refused rather than dropped, as the check refuses
 * a prerequisite listed twice: it is as often a slip for another id as an echo of the same one.
 */
function repeatedId(ids: string[], what: string): string | null {
	const once = [...new Set(ids)];
	const twice = once.filter((id) => ids.indexOf(id) !== ids.lastIndexOf(id));
	if (twice.length === 0) return null;
	const names = twice.length === 1 ? twice[0] : `${twice.slice(0, -1).join(', ')} and ${twice.at(-1)}`;
	return `${names} ${twice.length === 1 ? 'is' : 'are'} named more than once. Name each ${what} once: ${once.join(',')}.`;
}
/** Words that do not end a file name well: a name cut after "with" reads as cut off. */
const TRAILING = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'to', 'which', 'who', 'with']);
/** A title as a file name of at most 40 characters after the date, cut between words and not after a small word. */
function shortSlug(title: string): string {
	const words: string[] = [];
	for (const word of slugify(title).split('-')) {
		if (words.length > 0 && [...words, word].join('-').length > 40) break;
		words.push(word);
	}
	while (words.length > 1 && TRAILING.has(words.at(-1)!)) words.pop();
	return words.join('-');
}
/** The path of the update file a day and an id name. */
const updateFile = (date: string, id: string) => join(dir, LAYOUT.updates, `${date}-${id}.md`);
/**
 * Why an update id is in use on a day, with the title of the update that has it (the two may be one
 * change, recorded twice) and an id that is free, or null.
 */
function updateTaken(date: string, id: string, title: string): string | null {
	const file = updateFile(date, id);
	if (!existsSync(file)) return null;
	const other = curriculum.updates.find((update) => update.id === `${date}-${id}`)?.data.title;
	const free = freeUpdateId(date, title, id);
	return `${relative(process.cwd(), file)} already exists${other ? `, for "${other}"` : ''}. If that is the same change, edit it instead; if yours is another, ${
		lines ? `type another id${free ? `, such as ${free}` : ''}` : `give --id ${free ?? '<another-id>'}`
	}.`;
}
/**
 * An id free on a day, for a title whose short id is taken: more of the title's words first, since
 * they tell two changes apart better than a number does, and a number only when those run out.
 */
function freeUpdateId(date: string, title: string, taken: string): string | undefined {
	const words = slugify(title).split('-').filter(Boolean);
	const free = (id: string) => id !== taken && ID_PATTERN.test(id) && !existsSync(updateFile(date, id));
	for (let count = 1; count <= words.length; count++) {
		const id = words.slice(0, count).join('-');
		if (id.length <= taken.length || TRAILING.has(words[count - 1]!)) continue;
		if (id.length > 60) break;
		if (free(id)) return id;
	}
	const base = ID_PATTERN.test(taken) ? taken : shortSlug(title);
	if (!base) return undefined;
	for (let number = 2; ; number++) if (free(`${base}-${number}`)) return `${base}-${number}`;
}
const split = (answer: string) => answer.split(',').map((part) => part.trim()).filter(Boolean);
const platformIds = config.platforms.map((platform) => platform.id);
/** A day of the calendar, written YYYY-MM-DD, not after today: the schema's own date, so what `new` takes the check takes. */
const isDate = (answer: string) => {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(answer)) return 'Use a date like 2026-11-20 (year, month, day), not after today.';
	const parsed = isoDate.safeParse(answer);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return `${issue.message} ${(issue as { params?: { fix?: string } }).params?.fix ?? ''}`.trim();
	}
	return answer <= today() ? null : `${answer} is after today (${today()}): give the day the platform made or announced the change.`;
};

if (kind === 'module') {
	const trackIds = curriculum.tracks.map((track) => track.id);
	const title = await value('title', 'Title of the module', required);
	const made = slugify(title);
	const id = await value(
		'id',
		'Id (the file name and address)',
		idProblem((answer) => (curriculum.moduleIds.has(answer) ? `modules/${answer}.mdx already exists; choose another id.` : null)),
		made || undefined,
		made ? undefined : noIdFrom(title, 'broadcast-channels')
	);
	const track = await value('track', `Track to add it to (${trackIds.join(', ')})`, oneId(trackIds, 'track', 'A module is added to one track'));
	const summary = await value('summary', 'One-sentence summary', required, 'TODO Say what the learner gains.');
	const level = await value('level', `Level (${config.levels.map((l) => l.id).join(', ')})`, oneId(config.levels.map((l) => l.id), 'level', 'A module has one level'), config.levels[0]!.id);
	const duration = await value('duration', 'Minutes to complete', (answer) => (/^\d+$/.test(answer) && Number(answer) > 0 ? null : 'Give a whole number of minutes.'), '30');
	const platforms = await value('platforms', `Platforms, comma-separated (${platformIds.join(', ')}), empty for all`, idList(platformIds, 'platform'), '');
	const prerequisites = await value('prerequisites', 'Prerequisite module ids, comma-separated', idList(curriculum.moduleIds, 'module'), '');
	const author = await value('author', 'Your name, as it should be credited', required, 'TODO Your name');
	prompt?.close();

	const file = join(dir, LAYOUT.modules, `${id}.mdx`);
	writeFileSync(
		file,
		moduleTemplate({ id, title, summary, level, duration: Number(duration), platforms: split(platforms), prerequisites: split(prerequisites), date: today(), contributor: author })
	);
	const trackEntry = curriculum.tracks.find((entry) => entry.id === track)!;
	const trackPath = join(curriculum.root, trackEntry.file);
	writeFileSync(trackPath, addToTrack(readFileSync(trackPath, 'utf8'), id));
	// Without a terminal, what was not given took its default: say which, since no TODO marks them.
	const defaults = [
		values.level === undefined && `level ${level}`,
		values.duration === undefined && `duration ${duration} minutes`,
		values.platforms === undefined && 'platforms: none named (it applies to all)',
	].filter(Boolean);
	console.log(`Wrote ${relative(process.cwd(), file)} and added it to the end of ${trackEntry.file}.${
		!lines && defaults.length > 0 ? `\nNot given, so set to their defaults: ${defaults.join(', ')}. Change them in the file if they are not right.` : ''
	}
Next: fill in every TODO, preview it with \`npm run dev\` at /modules/${id}/, and run \`npm run check\`.`);
} else if (kind === 'update') {
	const title = await value('title', 'What changed, as a headline', required);
	const date = await value('date', 'Date the platform made or announced the change', isDate, today());
	// The file name, asked for (or checked) before the rest, so that a name in use is found while nothing else has been typed.
	const made = shortSlug(title);
	const slug = await value(
		'id',
		`Id, the file name after the date (${date}-<id>)`,
		idProblem((answer) => updateTaken(date, answer, title)),
		made || undefined,
		made ? undefined : noIdFrom(title, 'new-sharing-limits')
	);
	const platforms = await value('platforms', `Platforms, comma-separated (${platformIds.join(', ')})`, (answer) => (split(answer).length ? idList(platformIds, 'platform')(answer) : 'Name at least one platform.'));
	const modules = await value('modules', 'Affected module ids, comma-separated', (answer) => (split(answer).length ? idList(curriculum.moduleIds, 'module')(answer) : 'Name at least one module.'));
	const source = await value('source', 'URL of the announcement or help page', sourceUrlProblem);
	const summary = await value('summary', 'One-sentence summary', required, 'TODO Say in one or two sentences what changed.');
	prompt?.close();

	const file = join(dir, LAYOUT.updates, `${date}-${slug}.md`);
	// Checked when the id was given; only a file made since then (by another command) is found here.
	if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists.`);
	writeFileSync(file, updateTemplate({ title, summary, date, platforms: split(platforms), modules: split(modules), sourceUrl: source, accessed: today() }));
	console.log(`Wrote ${relative(process.cwd(), file)}.
Next: fill in every TODO, then run \`npm run check\`. The affected modules now show a pending-change notice.`);
} else {
	// The original: the one of --module, --track or --update given, or in a terminal a module asked for.
	const kinds = (['module', 'track', 'update'] as const).filter((flag) => values[flag] !== undefined);
	if (kinds.length > 1) fail(`Give only one of --module, --track and --update: a translation is of one original, and ${kinds.map((flag) => `--${flag}`).join(' and ')} name ${kinds.length}.`);
	if (kinds.length === 0 && !lines) fail('Say what to translate: --module <id>, --track <id> or --update <id>.');
	const flag: TranslatableKind = kinds[0] ?? 'module';
	const id = await value(flag, `${flag.charAt(0).toUpperCase()}${flag.slice(1)} to translate (its id)`, (answer) => {
		const found = findOriginal(curriculum, flag, answer);
		return 'problem' in found ? found.problem : null;
	});
	const found = findOriginal(curriculum, flag, id);
	if ('problem' in found) fail(found.problem);
	const { original } = found;
	// With one language besides the originals', that is the one; with several, it is asked for or required.
	const others = config.locales.slice(1);
	if (others.length === 0) fail(onlyOneLanguage(config.locales));
	const lang = values.lang === undefined && others.length === 1 ? others[0]! : await value('lang', `Language to translate into (${others.join(', ')})`, (answer) => translationLocaleProblem(config.locales, answer));
	const file = join(dir, translationPath(original, lang));
	if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists: edit it rather than start again. \`npm run check\` says whether it follows the original's current version (translation-outdated).`);
	const author = await value('author', 'Your name, as it should be credited', required, 'TODO Your name');
	prompt?.close();

	const language = languageName(lang, 'en');
	writeFileSync(file, translationTemplate(original, { language, translator: author }));
	console.log(`Wrote ${relative(process.cwd(), file)}: ${original.file} in ${languageName(config.locales[0]!, 'en')}, to translate into ${language} in place.
Next: translate each line marked TODO and delete its marker${original.kind === 'module' ? "; keep the knowledge check's questions and choices in their order, with `correct: true` where it is" : ''}. \`npm run check\` lists the markers left, at their lines; preview it with \`npm run dev\` at ${translationHref(original, lang)}.`);
}
