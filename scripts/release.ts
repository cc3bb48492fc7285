/**
 * `npm run release -- <module-id> <major|minor|patch> "<summary>" [--kind <kind>]`
 *
 * Bumps a module's version, adds a changelog entry dated today, and for a major release first
 * freezes the version being replaced as archive/<id>/v<previous major>.mdx, so its permalink keeps
 * working. In a git checkout the archive is that version as it was released, not the file as edited
 * since: a contributor who edits first and releases after would otherwise freeze the new text under
 * the old version's address. It is the default branch's file when that branch holds the version, and
 * otherwise the file as the commit of this branch that released it has it (a minor and then a major in
 * one branch). A version in no commit, only in the working copy, is refused, since nothing tells its
 * text from the edits made since. Outside a git checkout the file as it is here is all there is
 * (`releasedText`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readArgs } from './lib/args.ts';
import { describeOrigin, notCommitted, releasedText } from './lib/released-text.ts';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { suggestion } from '../src/lib/check/suggestion.ts';
import { CHANGE_KINDS, type ChangelogEntry } from '../src/lib/curriculum/schema/module.ts';
import { today } from '../src/lib/curriculum/freshness.ts';
import { translationName } from '../src/lib/curriculum/files.ts';
import { LAYOUT } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { planRelease } from '../src/lib/curriculum/release.ts';
import type { Bump } from '../src/lib/curriculum/versions.ts';

const USAGE = 'Usage: npm run release -- <module-id> <major|minor|patch> "<what changed, in one sentence>" [--kind added|changed|fixed|platform-change|major]';

/** Stops with a message; the usage follows it unless the command line was right and the module's state is what stops the release. */
function fail(message: string, { usage = true }: { usage?: boolean } = {}): never {
	console.error(usage ? `${message}\n${USAGE}` : message);
	process.exit(1);
}

const { values, positionals } = readArgs({ content: { type: 'string' }, kind: { type: 'string' } }, USAGE, { positionals: 3 });
const [id, bump, summary] = positionals;
if (!id || !bump || !summary) fail('Give the module id, the kind of bump and a summary.');
const BUMPS = ['major', 'minor', 'patch'];
if (!BUMPS.includes(bump)) {
	// The bump given in another place than second: the words are in the wrong order, not misspelt.
	const at = positionals.findIndex((word) => BUMPS.includes(word));
	if (at !== -1) {
		const others = positionals.filter((_, index) => index !== at);
		const module = others.find((word) => /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z]{2,3}(?:-[a-z0-9]+)?)?$/i.test(word)) ?? others[0]!;
		const words = others.find((word) => word !== module) ?? '';
		fail(`The words are in the wrong order: the module id comes first, then the bump (${positionals[at]}), then the summary. Write \`npm run release -- ${module} ${positionals[at]} ${JSON.stringify(words)}\`.`);
	}
	fail(`"${bump}" is not a bump: use major, minor or patch.`);
}
if (values.kind && !(CHANGE_KINDS as readonly string[]).includes(values.kind)) {
	fail(`"${values.kind}" is not a change kind: use one of ${CHANGE_KINDS.join(', ')}.`);
}

const dir = contentDir(values.content);
const file = join(dir, LAYOUT.modules, `${id}.mdx`);
// A translation (`<id>.<language>.mdx`) has no version of its own: it names the original's it matches.
const translated = translationName(id);
if (translated && existsSync(file)) {
	fail(
		`${relative(process.cwd(), file)} is a translation of "${translated.id}", and a translation has no version of its own: its \`translates:\` names the version of the original it matches. Release the original (\`npm run release -- ${translated.id} ${bump} "${summary}"\`) if it changed, and set \`translates:\` to the version the translation now follows.`
	);
}
if (!existsSync(file)) {
	const known = existsSync(dirname(file)) ? readdirSync(dirname(file)).filter((name) => /^[^.]+\.mdx$/.test(name)).map((name) => name.slice(0, -'.mdx'.length)) : [];
	fail(`There is no module "${id}" (looked for ${relative(process.cwd(), file)}).${suggestion(id, known) ? ` ${suggestion(id, known)}` : ''}`);
}
// A correction is not a major change, nor a major change a minor or a patch.
if (values.kind === 'fixed' && bump === 'major') fail('A major release changes outcomes or reverses advice; `--kind fixed` is for a patch. Leave out --kind, or release a patch.');
if (values.kind === 'major' && bump !== 'major') fail(`\`--kind major\` is for a major release, not a ${bump}: release a major, or use another kind.`);

let plan;
try {
	plan = planRelease(readFileSync(file, 'utf8'), bump as Bump, summary, {
		date: today(),
		...(values.kind ? { kind: values.kind as ChangelogEntry['kind'] } : {}),
	});
} catch (error) {
	// The module itself stops the release, not the command line: the usage would not help.
	fail(`${relative(process.cwd(), file)}: ${(error as Error).message}`, { usage: false });
}

// Freeze the previous major before touching the module, so a failure leaves nothing half-done.
if (plan.archive) {
	const archive = join(dir, LAYOUT.archive, id, `v${plan.archive.major}.mdx`);
	if (existsSync(archive)) fail(`${relative(process.cwd(), archive)} already exists; an archived major is never overwritten.`, { usage: false });
	const released = releasedText(file, dir, plan.from);
	if (released.from === 'nowhere') {
		fail(notCommitted(released, { id, version: plan.from, to: plan.to, file: relative(process.cwd(), file), archive: relative(process.cwd(), archive) }), { usage: false });
	}
	const text = released.from === 'here' ? plan.archive.source : released.text;
	mkdirSync(dirname(archive), { recursive: true });
	writeFileSync(archive, text);
	const since = text !== plan.archive.source ? ` Your edits since then stay in the module, as ${plan.to}.` : '';
	console.log(`Froze version ${plan.from} as ${relative(process.cwd(), archive)}, ${describeOrigin(released, plan.from)}.${since}`);
}
writeFileSync(file, plan.source);
// A release of a module the check still refuses is allowed (the fixes may come next), but said.
const errors = checkCurriculum(dir, { root: process.cwd() }).findings.filter((finding) => finding.severity === 'error' && resolve(finding.file) === resolve(file)).length;
console.log(
	`Released ${id} ${plan.to} (was ${plan.from}). ${errors > 0 ? `The check still finds ${errors} error${errors === 1 ? '' : 's'} in ${relative(process.cwd(), file)}: \`npm run check\` lists ${errors === 1 ? 'it' : 'them'}; fix ${errors === 1 ? 'it' : 'them'} before you commit.` : 'Run `npm run check` before you commit.'}`
);
