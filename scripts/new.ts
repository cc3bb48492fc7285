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
import { suggestion } from '../src/lib/check/rules.ts';
import { readArgs } from './lib/args.ts';
import { today } from '../src/lib/curriculum/freshness.ts';
import { LAYOUT, loadCurriculum, slugify } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { addToTrack, moduleTemplate, updateTemplate } from '../src/lib/curriculum/scaffold.ts';
import { findOriginal, onlyOneLanguage, translationHref, translationLocaleProblem, translationPath, translationTemplate, type TranslatableKind } from '../src/lib/curriculum/translation-scaffold.ts';
import { languageName } from '../src/lib/i18n/locales.ts';

const USAGE = `Usage:
  npm run new -- module --title "<title>" --track <track-id> [--id <id>] [--summary "<summary>"] [--level <level>] [--duration <minutes>] [--platforms a,b] [--prerequisites a,b] [--author "<name>"]
  npm run new -- update --title "<title>" --platforms a,b --modules a,b --source <url> [--date YYYY-MM-DD] [--summary "<summary>"]
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
	platforms: { type: 'string' },
	prerequisites: { type: 'string' },
	author: { type: 'string' },
	modules: { type: 'string' },
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

/** A value from its flag, else asked for in a terminal, else a clear failure naming the flag. */
async function value(flag: keyof typeof values, question: string, check: (answer: string) => string | null, fallback?: string): Promise<string> {
	const given = values[flag];
	if (typeof given === 'string') {
		const problem = check(given);
		if (problem) fail(`--${flag} ${JSON.stringify(given)}: ${problem}`);
		return given;
	}
	if (!lines) {
		if (fallback === undefined) fail(`--${flag} is missing: ${question.toLowerCase()}`);
		// A default is checked like an answer: a title's id may already be taken.
		const problem = check(fallback);
		if (problem) fail(`--${flag} was not given, and its default ${JSON.stringify(fallback)} will not do: ${problem} Give --${flag}.`);
		return fallback;
	}
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
const idList = (known: Iterable<string>, what: string) => (answer: string) => {
	const ids = [...known];
	const unknown = split(answer).filter((id) => !ids.includes(id));
	if (unknown.length === 0) return null;
	// A near miss is named; only when none is near is the whole list given.
	const hints = unknown.map((id) => suggestion(id, ids)).filter(Boolean);
	return `Unknown ${what}: ${unknown.join(', ')}. ${hints.length === unknown.length ? hints.join(' ') : `Known: ${ids.join(', ')}.`}`;
};
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
const split = (answer: string) => answer.split(',').map((part) => part.trim()).filter(Boolean);
const platformIds = config.platforms.map((platform) => platform.id);
const isDate = (answer: string) => (/^\d{4}-\d{2}-\d{2}$/.test(answer) && answer <= today() ? null : 'Use a date like 2026-11-20, not after today.');

if (kind === 'module') {
	const trackIds = curriculum.tracks.map((track) => track.id);
	const title = await value('title', 'Title of the module', required);
	const id = await value('id', 'Id (the file name and address)', (answer) =>
		!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(answer)
			? 'Use lower-case words joined by hyphens.'
			: curriculum.moduleIds.has(answer)
				? `modules/${answer}.mdx already exists; choose another id.`
				: null,
		slugify(title)
	);
	const track = await value('track', `Track to add it to (${trackIds.join(', ')})`, (answer) => (trackIds.includes(answer) ? null : `Unknown track: use one of ${trackIds.join(', ')}.`));
	const summary = await value('summary', 'One-sentence summary', required, 'TODO Say what the learner gains.');
	const level = await value('level', `Level (${config.levels.map((l) => l.id).join(', ')})`, idList(config.levels.map((l) => l.id), 'level'), config.levels[0]!.id);
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
	const platforms = await value('platforms', `Platforms, comma-separated (${platformIds.join(', ')})`, (answer) => (split(answer).length ? idList(platformIds, 'platform')(answer) : 'Name at least one platform.'));
	const modules = await value('modules', 'Affected module ids, comma-separated', (answer) => (split(answer).length ? idList(curriculum.moduleIds, 'module')(answer) : 'Name at least one module.'));
	const source = await value('source', 'URL of the announcement or help page', (answer) => (/^https?:\/\/\S+\.\S+/.test(answer) ? null : 'Give the full https:// address of the source.'));
	const summary = await value('summary', 'One-sentence summary', required, 'TODO Say in one or two sentences what changed.');
	prompt?.close();

	const id = `${date}-${shortSlug(title)}`;
	const file = join(dir, LAYOUT.updates, `${id}.md`);
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
