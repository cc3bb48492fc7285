/**
 * `npm run check`: every content check the build runs, all findings in one pass.
 *
 *   npm run check                       findings for people; in a git checkout, versions and
 *                                       redirects against the default branch too
 *   npm run check -- --format github    pull-request annotations
 *   npm run check -- --format json      a JSON array of findings
 *   npm run check -- --base origin/main versions and redirects against another ref
 *   npm run check -- --no-base          no comparison with a branch
 *
 * Exits 1 when there is an error; warnings alone exit 0. What the check compared with is said on
 * standard error, so that the JSON and annotation formats stay machine-readable.
 */
import { readArgs } from './lib/args.ts';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { countBySeverity } from '../src/lib/check/findings.ts';
import { addUpstream, defaultBase, forkOrigin, noBaseReason, projectOf } from '../src/lib/check/base-branch.ts';
import { formatFindings, type ReportFormat } from '../src/lib/check/report.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';

const USAGE = 'Usage: npm run check -- [--base <ref> | --no-base] [--format human|github|json] [--content <dir>]';
const { values } = readArgs({
	format: { type: 'string', default: 'human' },
	content: { type: 'string' },
	base: { type: 'string' },
	'no-base': { type: 'boolean', default: false },
}, USAGE, { positionals: false });

const formats: ReportFormat[] = ['human', 'github', 'json'];
const format = values.format as ReportFormat;
if (!formats.includes(format)) {
	console.error(`Unknown --format "${values.format}": use one of ${formats.join(', ')}.`);
	process.exit(2);
}

const dir = contentDir(values.content);
// A revised module must carry a higher version, which only a comparison with the target branch shows.
const project = projectOf(dir);
const base = values['no-base'] ? undefined : (values.base ?? defaultBase(dir, project) ?? undefined);
if (values['no-base']) {
	console.error('Not compared with a branch (--no-base): a revised module without a higher version would pass here and fail CI.');
} else if (base === undefined) {
	console.error(`Not compared with a branch: ${noBaseReason(dir, project)} Or run \`npm run check -- --base <branch>\` with the branch your pull request targets, as CI does.`);
} else if (values.base === undefined) {
	console.error(`Compared with ${base}, as CI compares a pull request with its target branch; \`--base <ref>\` picks another.`);
	const fork = forkOrigin(dir, project);
	if (fork && project.repository) {
		console.error(
			`But origin is ${fork}, not the project's repository (${project.repository}): what you have pushed there is already in ${base} and is not compared, while CI compares it with the project's branch. Add the project as a remote, ${addUpstream(project.repository)}, and the check compares with it.`
		);
	}
}
let result;
try {
	result = checkCurriculum(dir, base ? { base } : {});
} catch (error) {
	console.error((error as Error).message);
	process.exit(2);
}
const { findings, curriculum } = result;
const output = formatFindings(findings, format, {
	color: format === 'human' && process.stdout.isTTY,
	site: curriculum.config?.site,
});
if (output) console.log(output);
process.exitCode = countBySeverity(findings).errors > 0 ? 1 : 0;
