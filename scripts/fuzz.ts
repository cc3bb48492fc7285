/**
 * `npm run fuzz`: the differential test of `tests/fuzz.test.ts`, run for longer and with a new seed
 * each time. A document the content check accepts but whose build output is dangerous is shrunk,
 * written to `tests/fixtures/malicious/`, and the script exits 1.
 *
 *   npm run fuzz                          500,000 documents, a random seed
 *   npm run fuzz -- --runs 20000          fewer documents
 *   npm run fuzz -- --minutes 30          stop after half an hour, however many documents that is
 *   npm run fuzz -- --seed 20261123       replay a seed (the test's default seed is 20261123)
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { fuzzDocument } from '../tests/fuzz/grammar.ts';
import { bypassIn, dangerIn, describeBypass } from '../tests/fuzz/oracle.ts';
import { readArgs, wholeNumber } from './lib/args.ts';

const USAGE = 'Usage: npm run fuzz -- [--runs 500000] [--seed <whole number>] [--minutes <M>]';
const { values } = readArgs(
	{
		runs: { type: 'string', default: '500000' },
		seed: { type: 'string' },
		minutes: { type: 'string' },
	},
	USAGE,
	{ positionals: false }
);

const runs = wholeNumber(values.runs, 'runs', USAGE);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : wholeNumber(values.seed, 'seed', USAGE, 0);
const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
if (minutes !== undefined && !(minutes > 0)) {
	console.error(`The option --minutes takes a number of minutes above 0, such as 30 or 0.5, not "${values.minutes}".\n\n${USAGE}`);
	process.exit(2);
}

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'malicious');
const started = performance.now();
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;

// Progress: fast-check runs the property synchronously, so the property itself reports every ten seconds.
let tried = 0;
let shrinking = false;
let lastReport = performance.now();
function reportProgress(): void {
	if (performance.now() - lastReport < 10_000) return;
	lastReport = performance.now();
	console.log(shrinking ? `  shrinking… ${elapsed()}` : `  ${tried.toLocaleString('en')} documents, ${elapsed()}`);
}

console.log(`Fuzzing the content check with seed ${seed}: up to ${runs.toLocaleString('en')} documents${minutes ? ` or ${minutes} min` : ''}.`);
const details = fc.check(
	fc.property(fuzzDocument, ({ source, kind }) => {
		const ok = bypassIn(source, kind) === null;
		if (!shrinking) tried++;
		reportProgress();
		if (!ok && !shrinking) {
			shrinking = true;
			console.log(`Found a bypass after ${tried.toLocaleString('en')} documents; shrinking it.`);
		}
		return ok;
	}),
	{
		seed,
		numRuns: runs,
		...(minutes ? { interruptAfterTimeLimit: minutes * 60_000, markInterruptAsFailure: false } : {}),
	}
);

const counterexample = details.failed ? details.counterexample?.[0] : undefined;
const danger = counterexample ? dangerIn(counterexample.source, counterexample.kind) : null;
if (counterexample && danger !== null) {
	const { source, kind } = counterexample;
	// MDX has no comment that is not itself content to check, so the fixture is the bare document.
	const name = `fuzz-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.${kind}`;
	const path = join(FIXTURES, name);
	writeFileSync(path, source);
	console.error(`\n${describeBypass(source, kind, danger)}`);
	console.error(`\nWrote ${relative(process.cwd(), path)} (seed ${seed}, ${details.numShrinks} shrinks, ${elapsed()}).`);
	console.error('Fix the check, then list the fixture in tests/safety.test.ts with the rule and line it must report.');
	process.exitCode = 1;
} else if (details.failed) {
	// The property threw rather than returned false: the check or the oracle crashed on a document.
	const document = counterexample ? `\n${JSON.stringify(counterexample.source)} (.${counterexample.kind})` : '';
	console.error(`The fuzz run crashed with seed ${seed}: ${String(details.errorInstance)}${document}`);
	process.exitCode = 1;
} else {
	console.log(`No bypass in ${details.numRuns.toLocaleString('en')} documents (seed ${seed}, ${elapsed()}).`);
}
