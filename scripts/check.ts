/**
 * `npm run check`: every content check the build runs, all findings in one pass.
 *
 *   npm run check                       findings for people
 *   npm run check -- --format github    pull-request annotations
 *   npm run check -- --format json      a JSON array of findings
 *   npm run check -- --base origin/main versions and redirects against a base
 *
 * Exits 1 when there is an error; warnings alone exit 0.
 */
import { parseArgs } from 'node:util';
import { checkCurriculum } from '../src/lib/check/check-curriculum.ts';
import { countBySeverity } from '../src/lib/check/findings.ts';
import { formatFindings, type ReportFormat } from '../src/lib/check/report.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';

const { values } = parseArgs({
	options: {
		format: { type: 'string', default: 'human' },
		content: { type: 'string' },
		base: { type: 'string' },
	},
});

const formats: ReportFormat[] = ['human', 'github', 'json'];
const format = values.format as ReportFormat;
if (!formats.includes(format)) {
	console.error(`Unknown --format "${values.format}": use one of ${formats.join(', ')}.`);
	process.exit(2);
}

const dir = contentDir(values.content);
let result;
try {
	result = checkCurriculum(dir, values.base ? { base: values.base } : {});
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
