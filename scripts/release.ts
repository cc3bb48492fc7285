/**
 * `npm run release -- <module-id> <major|minor|patch> "<summary>" [--kind <kind>]`
 *
 * Bumps a module's version, adds a changelog entry dated today, and for a major release first
 * freezes the current content as archive/<id>/v<previous major>.mdx, so its permalink keeps working.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readArgs } from './lib/args.ts';
import { CHANGE_KINDS, type ChangelogEntry } from '../src/lib/curriculum/schema/module.ts';
import { today } from '../src/lib/curriculum/freshness.ts';
import { LAYOUT } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { planRelease } from '../src/lib/curriculum/release.ts';
import type { Bump } from '../src/lib/curriculum/versions.ts';

const USAGE = 'Usage: npm run release -- <module-id> <major|minor|patch> "<what changed, in one sentence>" [--kind added|changed|fixed|platform-change|major]';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(1);
}

const { values, positionals } = readArgs({ content: { type: 'string' }, kind: { type: 'string' } }, USAGE);
const [id, bump, summary] = positionals;
if (!id || !bump || !summary) fail('Give the module id, the kind of bump and a summary.');
if (!['major', 'minor', 'patch'].includes(bump)) fail(`"${bump}" is not a bump: use major, minor or patch.`);
if (values.kind && !(CHANGE_KINDS as readonly string[]).includes(values.kind)) {
	fail(`"${values.kind}" is not a change kind: use one of ${CHANGE_KINDS.join(', ')}.`);
}

const dir = contentDir(values.content);
const file = join(dir, LAYOUT.modules, `${id}.mdx`);
if (!existsSync(file)) fail(`There is no module "${id}" (looked for ${relative(process.cwd(), file)}).`);

let plan;
try {
	plan = planRelease(readFileSync(file, 'utf8'), bump as Bump, summary, {
		date: today(),
		...(values.kind ? { kind: values.kind as ChangelogEntry['kind'] } : {}),
	});
} catch (error) {
	fail(`${relative(process.cwd(), file)}: ${(error as Error).message}`);
}

// Freeze the previous major before touching the module, so a failure leaves nothing half-done.
if (plan.archive) {
	const archive = join(dir, LAYOUT.archive, id, `v${plan.archive.major}.mdx`);
	if (existsSync(archive)) fail(`${relative(process.cwd(), archive)} already exists; an archived major is never overwritten.`);
	mkdirSync(dirname(archive), { recursive: true });
	writeFileSync(archive, plan.archive.source);
	console.log(`Froze version ${plan.from} as ${relative(process.cwd(), archive)}.`);
}
writeFileSync(file, plan.source);
console.log(`Released ${id} ${plan.to} (was ${plan.from}). Run \`npm run check\` before you commit.`);
