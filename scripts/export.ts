/**
 * `npm run export -- cartridge [--track <id> [--lang <code>]] [--out <dir>] [--links]`
 *
 * Writes an IMS Common Cartridge 1.3 (`.imscc`) for a learning platform that imports that version,
 * such as Canvas (Moodle's restore reads only 1.0 and 1.1): the whole curriculum, or one track with `--track`. Each module is its built page made
 * self-contained, or with `--links` a link to the permanent address of its version; each
 * knowledge check is a scored quiz. The cartridge is made from the built site in `dist/` (or
 * `--dist <dir>`), which is built first when it is missing or older than the content.
 * Without `--out` it goes where the site publishes it (`dist/downloads/tracks/<id>.imscc`,
 * `dist/downloads/<curriculum>.imscc`); `--out <dir>` puts the file straight into that folder instead.
 * `--content <dir>` reads another curriculum. `--lang <code>` writes a translated track's cartridge in
 * that language, from its pages there, as the site publishes it (`dist/downloads/<code>/tracks/<id>.imscc`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { readArgs } from './lib/args.ts';
import { cartridgePath } from '../src/lib/cartridge/cartridge.ts';
import { cartridgeSource, staleReason, translatedSources, writeCartridge } from '../src/lib/cartridge/export.ts';
import { languageName } from '../src/lib/i18n/locales.ts';
import { countBySeverity } from '../src/lib/check/findings.ts';
import { formatHuman } from '../src/lib/check/report.ts';
import { suggestion } from '../src/lib/check/suggestion.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { BUILD_SCRIPT } from './lib/build-env.ts';

const USAGE = 'Usage: npm run export -- cartridge [--track <id> [--lang <code>]] [--out <dir>] [--links] [--dist <dir>] [--content <dir>]';
const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string, status = 1): never {
	console.error(message);
	process.exit(status);
}

const { values, positionals } = readArgs({
	track: { type: 'string' },
	out: { type: 'string' },
	links: { type: 'boolean', default: false },
	dist: { type: 'string' },
	content: { type: 'string' },
	lang: { type: 'string' },
}, USAGE, { positionals: 1 });
if (positionals[0] !== 'cartridge' || positionals.length > 1) {
	fail(`${positionals[0] ? `"${positionals.join(' ')}" is not something to export: the one export is "cartridge".` : 'Say what to export: "cartridge".'}\n${USAGE}`, 2);
}
const show = (path: string) => relative(process.cwd(), path) || '.';

// Read the curriculum: a cartridge of content that fails the check would not import cleanly either.
const dir = contentDir(values.content);
const curriculum = loadCurriculum(dir, process.cwd());
if (countBySeverity(curriculum.findings).errors > 0 || !curriculum.config) {
	fail(`The curriculum in ${show(dir)} has errors, so nothing was exported.\n\n${formatHuman(curriculum.findings, { site: curriculum.config?.site })}`);
}
if (values.track !== undefined && !curriculum.tracks.some((track) => track.id === values.track)) {
	// A near miss is named; only when none is near is every track listed.
	const ids = curriculum.tracks.map((track) => track.id);
	fail(`There is no track "${values.track}". ${suggestion(values.track, ids) ?? `Tracks: ${ids.join(', ') || 'none'}.`}`, 2);
}
// In another of the curriculum's languages, a translated track's cartridge: the whole curriculum's is the originals' alone.
const [original, ...others] = curriculum.config.locales;
const lang = values.lang === original ? undefined : values.lang;
if (lang !== undefined) {
	if (!others.includes(lang)) {
		fail(`--lang ${lang}: the curriculum's languages are ${curriculum.config.locales.join(', ')} (\`locales\` in curriculum.yaml)${others.length > 0 ? `; give one of ${others.join(', ')}` : ', and it has no other to export in'}.`, 2);
	}
	const translated = curriculum.tracks.filter((track) => curriculum.translations.some((entry) => entry.kind === 'track' && entry.locale === lang && entry.id === track.id)).map((track) => track.id);
	const which = `Tracks translated into ${languageName(lang, 'en')}: ${translated.join(', ') || 'none'}.`;
	if (values.track === undefined) fail(`--lang ${lang} exports a track's cartridge: name the track with --track. ${which}`, 2);
	if (!translated.includes(values.track)) fail(`The track "${values.track}" is not translated into ${languageName(lang, 'en')} (${lang}), so it has no cartridge in it. ${which}`, 2);
}

// Where the cartridge goes, checked before a build that may take minutes.
const dist = resolve(values.dist ?? 'dist');
const options = { track: values.track, links: values.links };
const published = cartridgePath(curriculum.config, options, lang === undefined ? '' : `${lang}/`);
const outDir = values.out === undefined ? undefined : resolve(values.out);
if (outDir && existsSync(outDir) && !statSync(outDir).isDirectory()) fail(`--out: ${show(outDir)} is a file. Give a folder for the cartridge (it is made if it does not exist).`, 2);
const file = outDir ? join(outDir, basename(published)) : join(dist, published);

// The cartridge holds the pages as the site renders them, so the site must be built from this content.
const stale = staleReason(dist, curriculum);
if (stale) {
	console.log(`Building the site first, because ${stale}.`);
	const build = spawnSync(process.execPath, [BUILD_SCRIPT, '--outDir', dist], {
		cwd: ROOT,
		env: { ...process.env, CURRENTS_CONTENT: dir },
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (build.status !== 0) fail('The build failed (see above), so nothing was exported. Fix what it reports, then run the export again.');
} else {
	console.log(`Using the site built in ${show(dist)}, which is up to date with ${show(dir)}.`);
}

// Write the cartridge.
let written;
try {
	const source = cartridgeSource(dist, curriculum);
	const from = lang === undefined ? source : translatedSources(source, curriculum).find((translated) => translated.source.translation?.language.code === lang)!.source;
	written = writeCartridge(from, file, options);
} catch (error) {
	fail(`No cartridge was written: ${(error as Error).message}`);
}
const scope = `${values.track ? `the track "${values.track}"` : 'the whole curriculum'}${lang === undefined ? '' : ` in ${languageName(lang, 'en')}`}`;
const form = values.links ? 'modules as links to their versioned pages' : 'modules as self-contained pages';
console.log(`Wrote ${show(written.file)} (${Math.max(1, Math.round(written.bytes / 1024))} KB): ${scope}, ${form}, knowledge checks as quizzes. Import it into your learning platform as a Common Cartridge.`);
