/**
 * Signed certificates for a class, from the command line.
 *
 *   npm run certificate -- keygen --issuer <id> --name "<issuer name>" --url <address> [--email <address>] [--key-out <file>]
 *   npm run certificate -- issue --issuer <id> --key <file> --track <id> (--name "<learner>" | --roster <file.csv>) --out <dir>
 *                                [--date YYYY-MM-DD] [--valid-until YYYY-MM-DD] [--as-of YYYY-MM-DD | --progress <export.json>] [--lang <code>] [--print]
 *   npm run certificate -- revoke --issuer <id> (--credential <certificate.png|credential.json> | --id urn:uuid:<uuid>)
 *                                 [--reason "<why>"] [--date YYYY-MM-DD]
 *   npm run certificate -- verify <certificate.png|credential.json>
 *
 * keygen makes an Ed25519 key pair: the public key goes into the issuer's profile,
 * `<content>/issuers/<id>.yaml`, which the site publishes and the verify page trusts once merged;
 * the private key goes to `keys/<id>.private.jwk`, which git ignores. Run it again for an existing
 * issuer to add a new key. issue writes, for each learner, `<name>.png` (the certificate with its
 * credential baked in) and `<name>.json` (the credential). Both name each module of the track at the
 * version the content holds now, or with `--as-of` (or a roster's `as_of` column) at the version
 * current on that day, read from the module's changelog, for a class that studied the track while
 * modules were revised; with `--progress <export.json>`, one learner's export from the progress page,
 * at the versions that learner completed, once the export shows the track complete (from-progress.ts).
 * `--lang <code>` issues them in another of the site's languages, from the track's translation
 * (src/lib/credentials/issue-language.ts).
 * revoke adds one certificate to the issuer's `revoked` list in its profile, so that, once published,
 * it alone stops verifying and the verify page says when and why. verify
 * checks a certificate with the issuers of this content folder, as the site's verify page does.
 * `--content <dir>` picks another curriculum for all four.
 *
 * "Today", the default completion date and the latest one allowed, is the day on this computer's
 * calendar, the issuer's own, rather than the UTC day a build uses. An expiry date lasts to its end in
 * UTC, the moment every verifier compares against (`expiryProblem` in src/lib/credentials/roster.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { atMostWords, readArgs } from './lib/args.ts';
import { drawInDrawingProcess } from './lib/draw-process.ts';
import { CardTextError, cleanName } from '../src/lib/cards/text.ts';
import { issueAll, issuerNameShortened, learnerModules, modulesAsOf, verifyPageUrl, prepareIssuance, shellWord, undrawableNames, type Issuance, type Learner } from '../src/lib/credentials/issue.ts';
import { LanguageError, originalTitlesNote } from '../src/lib/credentials/issue-language.ts';
import { loadIssuers } from '../src/lib/credentials/issuers.ts';
import type { CertificateStrings } from '../src/lib/cards/certificate-words.ts';
import { languageName } from '../src/lib/i18n/locales.ts';
import { addKeyToYaml, defaultKeyPath, generateIssuerKey, newIssuerYaml, writePrivateKey } from '../src/lib/credentials/keys.ts';
import { ISSUERS_FOLDER, trustedIssuers } from '../src/lib/credentials/profile.ts';
import { asOfAfterCompletion, dateProblem, expiryProblem, localToday, lostLetters, parseRoster, rosterText, type RosterProblem } from '../src/lib/credentials/roster.ts';
import { verifyFileBytes } from '../src/lib/credentials/verify-file.ts';
import { progressDateProblem, progressEvidence, progressNote, type ProgressEvidence } from '../src/lib/credentials/from-progress.ts';
import { revokeCommand } from './lib/revoke.ts';
import { today } from '../src/lib/curriculum/freshness.ts';
import { loadCurriculum } from '../src/lib/curriculum/load.ts';
import { contentDir } from '../src/lib/curriculum/paths.ts';
import { ID_PATTERN } from '../src/lib/curriculum/schema/common.ts';
import { issuerFields } from '../src/lib/curriculum/schema/issuer.ts';

const USAGE = `Usage:
  npm run certificate -- keygen --issuer <id> --name "<issuer name>" --url <address> [--email <address>] [--key-out <file>]
  npm run certificate -- issue --issuer <id> --key <file> --track <id> (--name "<learner>" | --roster <file.csv>) --out <dir>
                        [--date YYYY-MM-DD] [--valid-until YYYY-MM-DD] [--as-of YYYY-MM-DD | --progress <export.json>] [--lang <code>] [--print]
  npm run certificate -- revoke --issuer <id> (--credential <certificate.png|credential.json> | --id urn:uuid:<uuid>)
                        [--reason "<why>"] [--date YYYY-MM-DD]
  npm run certificate -- verify <certificate.png|credential.json>
--as-of names each module at the version current on that day (the newest changelog entry dated on or
before it), such as the day a class began, instead of the version the content holds now.
--progress (with --name) reads the learner's progress export from the site's progress page: it issues
only when the track is complete there, naming the versions the learner completed, dated by default on
the day of the last completion.
--lang issues the certificates in another of the site's languages (its "locales"), such as --lang fi: the
words drawn and signed, the track's title from its translation, and each module's where it is translated.`;

function fail(message: string, status = 1): never {
	console.error(message);
	process.exit(status);
}

const show = (path: string) => relative(process.cwd(), path) || '.';

const parsed = readArgs({
	issuer: { type: 'string' },
	name: { type: 'string' },
	url: { type: 'string' },
	email: { type: 'string' },
	'key-out': { type: 'string' },
	key: { type: 'string' },
	track: { type: 'string' },
	roster: { type: 'string' },
	out: { type: 'string' },
	date: { type: 'string' },
	'valid-until': { type: 'string' },
	'as-of': { type: 'string' },
	progress: { type: 'string' },
	lang: { type: 'string' },
	print: { type: 'boolean', default: false },
	content: { type: 'string' },
	credential: { type: 'string' },
	id: { type: 'string' },
	reason: { type: 'string' },
}, USAGE, { positionals: 2 });
const { values, positionals } = parsed;
const command = positionals[0];
// Only `verify` takes a word after the command (its file); after the others, a word is a value's second half.
if (command !== 'verify') atMostWords(parsed, 1, USAGE);
const dir = contentDir(values.content);
// The issuer's day, for completion dates and the keys' `created`; the UTC day, at whose end an expiry date ends.
const on = localToday();
const utcOn = today();
/** `--content <dir>` as the user gave it, for the commands a message suggests, or nothing when not given. */
const contentOption = values.content === undefined ? '' : ` --content ${shellWord(values.content)}`;

if (command === 'keygen') await keygen();
else if (command === 'issue') await issue();
else if (command === 'revoke') await revoke();
else if (command === 'verify') await verify();
else fail(`${command ? `"${command}" is not a certificate command.` : 'Say what to do: keygen, issue, revoke or verify.'}\n${USAGE}`, 2);

async function keygen(): Promise<void> {
	const id = values.issuer ?? fail(`Name the issuer with --issuer <id>, like --issuer kyoto-tea-institute.\n${USAGE}`, 2);
	if (!ID_PATTERN.test(id)) fail(`"${id}" is not a valid issuer id: use lower-case letters, digits and single hyphens, like kyoto-tea-institute.`, 2);
	if (!existsSync(dir)) fail(`The content folder ${show(dir)} does not exist. Run this from the project folder, or give --content <dir>.`, 2);
	const file = join(dir, ISSUERS_FOLDER, `${id}.yaml`);
	const exists = existsSync(file);
	if (!exists) {
		// Check the profile's fields before making a key, with the schema the content check uses.
		if (!values.name || !values.url) fail(`A new issuer needs a name and a web address: add --name "<issuer name>" --url <address>.\n${USAGE}`, 2);
		const result = issuerFields.omit({ keys: true, revoked: true }).safeParse({ name: values.name, url: values.url, email: values.email });
		if (!result.success) fail(`The issuer's details are not valid:\n${result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n')}`, 2);
	} else if (values.name || values.url || values.email) {
		fail(`${show(file)} already exists. To change the issuer's name or address, edit that file; keygen only adds a new key to it.`, 2);
	}

	const keyPath = resolve(values['key-out'] ?? defaultKeyPath(process.cwd(), id));
	const { publicKeyMultibase, jwk } = await generateIssuerKey();
	const key = { publicKeyMultibase, created: on };
	// The profile is read before the private key is written, so that a profile that cannot take the key leaves no key behind.
	let profile: string;
	try {
		profile = exists ? addKeyToYaml(readFileSync(file, 'utf8'), key) : newIssuerYaml({ name: values.name!, url: values.url!, email: values.email }, key);
		mkdirSync(join(dir, ISSUERS_FOLDER), { recursive: true });
		writePrivateKey(keyPath, jwk, [
			{ folder: dir, is: 'the content folder, which is published with the site' },
			{ folder: join(process.cwd(), 'public'), is: 'public/, which the build copies into the published site' },
			{ folder: join(process.cwd(), 'dist'), is: 'dist/, the built site that is published' },
		]);
	} catch (error) {
		fail(`No key was made: ${(error as Error).message}`);
	}
	writeFileSync(file, profile);
	console.log(`${exists ? 'Added a new key to' : 'Wrote the issuer profile'} ${show(file)}.
Wrote the private key to ${show(keyPath)}. Keep it secret and keep a backup: whoever holds it can sign certificates as this issuer, and without it you cannot issue more.

Next: commit ${show(file)} and open a pull request; certificates verify on the site once a maintainer has merged it. Then issue certificates with:
  npm run certificate -- issue --issuer ${id} --key ${shellWord(show(keyPath))} --track <track> --roster <class.csv> --out certificates/${contentOption}`);
	if (!exists) await warnIfShortened(values.name!, show(file));
}

/**
 * Warns, without stopping, when the certificate image cannot show the issuer's name whole: the lines
 * that name it are cut with an ellipsis, while the signed credential keeps the name as it is.
 */
async function warnIfShortened(name: string, where: string, strings?: CertificateStrings): Promise<void> {
	const shortened = await issuerNameShortened(name, undefined, strings);
	if (!shortened) return;
	console.warn(
		`Warning: the issuer's name "${name}" is too long for its line on the certificate image, which has room for about ${shortened.fits} of its ${shortened.length} characters, so the image shows it cut short with "…". The signed credential keeps the full name, and the verify page shows it. To have the image show it whole, shorten the "name" in ${where} to about ${shortened.fits} characters.`
	);
}

async function issue(): Promise<void> {
	// Drawn with the build's card processes' allocator settings: a class's 100 certificates in 4.6 to 5.7 s instead of 9.4 s.
	drawInDrawingProcess();
	const missing = (['issuer', 'key', 'track', 'out'] as const).filter((name) => !values[name]);
	if (missing.length > 0) fail(`Missing ${missing.map((name) => `--${name}`).join(', ')}.\n${USAGE}`, 2);
	if (!values.name === !values.roster) fail(`Give either --name "<learner>" for one certificate or --roster <file.csv> for a class, not ${values.name ? 'both' : 'neither'}.\n${USAGE}`, 2);
	const progressFile = values.progress;
	if (progressFile !== undefined) progressConflicts();
	const what = { '--date': 'completion date', '--valid-until': 'expiry date', '--as-of': 'as-of date' } as const;
	for (const [flag, value] of [['--date', values.date], ['--valid-until', values['valid-until']], ['--as-of', values['as-of']]] as const) {
		const problem = value === undefined ? null : dateProblem(value, what[flag]);
		if (problem) fail(`${flag}: ${problem}`, 2);
	}
	let date = values.date ?? on;
	if (date > on) fail(`--date: the completion date ${date} is after today (${on}). Give the day the learners completed the track.`, 2);
	const validUntil = values['valid-until'];
	const expired = validUntil === undefined ? null : expiryProblem(validUntil, on, utcOn);
	if (expired) fail(`--valid-until: ${expired}`, 2);
	const asOf = values['as-of'];
	if (asOf !== undefined && asOf > on) fail(`--as-of: the as-of date ${asOf} is after today (${on}). Give the day whose module versions the class studied, such as the day it began.`, 2);
	// Only the command's own completion date is compared here; a roster's rows with their own dates are compared line by line.
	if (asOf !== undefined && values.date !== undefined && asOf > values.date) fail(`--as-of: ${asOfAfterCompletion(asOf, values.date, '--as-of')}`, 2);

	// The curriculum, the issuer, its key and the track come first, since the versions a learner studied are read from the track's modules.
	let issuance: Issuance;
	try {
		issuance = await prepareIssuance({ dir, root: process.cwd(), issuer: values.issuer!, keyFile: resolve(values.key!), track: values.track!, content: values.content, lang: values.lang });
	} catch (error) {
		fail((error as Error).message, error instanceof LanguageError ? 2 : 1);
	}
	const classVersions = modulesAsOf(issuance, asOf);
	if ('problem' in classVersions) fail(`--as-of: ${classVersions.problem}`, 2);
	// With --progress, the learner's own versions and, unless --date says otherwise, the day they completed the last module.
	const evidence = progressFile === undefined ? undefined : readProgress(progressFile, issuance);
	if (evidence) date = values.date ?? evidence.completed;

	// The learners: every roster problem is reported, with its line, before anything is made.
	let learners: Learner[];
	if (values.roster) {
		learners = await rosterLearners(values.roster, issuance, { date, validUntil, asOf });
	} else {
		try {
			learners = [{ name: cleanName(values.name!), date, validUntil, ...(evidence ? { modules: evidence.modules } : { asOf }) }];
			const lost = lostLetters(learners[0]!.name);
			if (lost) fail(`--name: ${lost}`, 2);
		} catch (error) {
			if (error instanceof CardTextError) fail(`--name: ${error.message}`, 2);
			throw error;
		}
		const [undrawable] = await undrawableNames(learners);
		if (undrawable) fail(`--name: ${undrawable.message}`, 2);
	}

	const out = resolve(values.out!);
	if (existsSync(out) && !statSync(out).isDirectory()) fail(`--out: ${show(out)} is a file. Give a folder for the certificates (it is made if it does not exist).`, 2);
	try {
		await warnIfShortened(issuance.issuer.name, issuance.issuer.file, issuance.language?.strings);
		const started = performance.now();
		const names = await issueAll(issuance, learners, out, {
			print: values.print,
			progress: (done) => learners.length > 5 && done % 10 === 0 && console.log(`Made ${done} of ${learners.length} certificates…`),
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		// With --as-of, the versions the class's certificates name, for the instructor to compare with what was taught.
		const versions = asOf === undefined ? '' : `\nThe modules are named at their versions current on ${asOf}: ${classVersions.modules.map((module) => `${module.id} ${module.version}`).join(', ')}${learners.some((learner) => learner.asOf !== asOf) ? ', and the roster’s rows with an as_of of their own at the versions of that day' : ''}.`;
		const language = issuance.language ? ` in ${languageName(issuance.language.code, 'en')}` : '';
		console.log(`Issued ${names.length} certificate${names.length === 1 ? '' : 's'} of “${issuance.track.certificate}”${language} in ${show(out)} (${seconds} s): a .png with the signed credential inside and a .json of the credential for each learner${values.print ? ', and a .print.png at print size (3508×2480) with the same credential' : ''}.${versions}
They verify at ${verifyPageUrl(issuance)} once ${issuance.issuer.file} is published on the site.`);
		if (evidence) console.log(progressNote(evidence, show(resolve(progressFile!)), issuance, date));
		const titles = titlesInOriginal(issuance, learners);
		if (titles) console.log(titles);
	} catch (error) {
		fail((error as Error).message);
	}
}

/** In a translation's language, the modules the certificates name in the originals' words, for the issuer (issue-language.ts). */
function titlesInOriginal(issuance: Issuance, learners: readonly Learner[]): string | undefined {
	const named = learners.flatMap((learner) => {
		const found = learnerModules(issuance, learner);
		return 'modules' in found ? [found.modules] : [];
	});
	return originalTitlesNote(issuance.language, named);
}

/** Refuses what cannot go with `--progress`, before anything is loaded. */
function progressConflicts(): void {
	if (values.roster) {
		fail(`--progress reads one learner's progress export, so it goes with --name, not --roster: issue the class from the roster, and this learner with --name "<learner>" --progress <export.json>.`, 2);
	}
	if (values['as-of'] !== undefined) {
		fail(`--as-of and --progress cannot be given together: with --progress, the certificate names each module at the version the learner completed, as their export shows, so there is no day of versions to choose. Leave out --as-of.`, 2);
	}
}

/** The learner's versions and completion day from their progress export, or the command stops with what is missing. */
function readProgress(file: string, issuance: Issuance): ProgressEvidence {
	const path = resolve(file);
	if (!existsSync(path) || !statSync(path).isFile()) fail(`--progress: there is no file at ${show(path)}. Give the .json file the learner saved with “Export progress” on the site's progress page.`, 2);
	const found = progressEvidence(readFileSync(path, 'utf8'), show(path), issuance);
	if ('problem' in found) fail(found.problem);
	const problem = progressDateProblem(found.evidence, show(path), values.date, on);
	if (problem) fail(problem, problem.startsWith('--date') ? 2 : 1);
	return found.evidence;
}

/** Adds one certificate to its issuer's revoked list (scripts/lib/revoke.ts), or says why it cannot. */
async function revoke(): Promise<void> {
	const { issuer, credential, id, reason, date } = values;
	const outcome = await revokeCommand({ dir, root: process.cwd(), issuer, credential, id, reason, date, today: on, usage: USAGE });
	if ('problem' in outcome) fail(outcome.problem, outcome.status);
	console.log(outcome.done);
}

async function verify(): Promise<void> {
	const file = positionals[1] ?? fail(`Give the certificate to check: a .png or a .json file.\n${USAGE}`, 2);
	if (!existsSync(file)) fail(`There is no file at ${file}.`, 2);
	const curriculum = loadCurriculum(dir, process.cwd());
	if (!curriculum.config) fail(`The curriculum in ${show(dir)} has no valid config, so its site and issuers are unknown.`);
	const { issuers } = loadIssuers(dir, process.cwd());
	const site = curriculum.config.site;
	// The same reading of the file as the verify page's: a baked PNG, a self-assessed one, a .json, or a file of another kind.
	const verdict = await verifyFileBytes(new Uint8Array(readFileSync(file)), file, { issuers: trustedIssuers(site, issuers), issuersPage: new URL('/issuers/', site).href }, async (data) => new Uint8Array(inflateSync(data)));
	if (!verdict.ok) fail(`Not verified: ${verdict.reason}`);
	const { summary } = verdict;
	console.log(`Verified: ${summary.issuer.name} certifies that ${summary.learner} completed “${summary.title}” on ${summary.awarded}.
Modules: ${summary.modules.map((module) => `${module.name} (${versionWords(module.description)})`).join('; ')}.${summary.validUntil ? `\nValid until ${summary.validUntil.slice(0, 10)}.` : ''}`);
}

/** A module's "Version 1.2.0", in whichever language the credential says it, as this English output says it. */
function versionWords(description: string): string {
	const version = /\d+\.\d+\.\d+$/.exec(description)?.[0];
	return version ? `version ${version}` : description;
}

/**
 * A class's learners from a roster, each with their own dates where the roster gives them: every
 * problem of the file, with its line, is reported before anything is made.
 */
async function rosterLearners(roster: string, issuance: Issuance, dates: { date: string; validUntil?: string; asOf?: string }): Promise<Learner[]> {
	const { date, validUntil, asOf } = dates;
	const rosterPath = resolve(roster);
	if (!existsSync(rosterPath)) fail(`There is no roster at ${show(rosterPath)}.`, 2);
	const read = rosterText(new Uint8Array(readFileSync(rosterPath)));
	if ('problem' in read) fail(`No certificate was made: ${show(rosterPath)}:${read.problem.line}: ${read.problem.message}`);
	const parsed = parseRoster(read.text, { today: on, utcToday: utcOn, date, asOf });
	// Names no font can draw are roster problems too, found before anything is drawn, so that one pass fixes the file.
	const undrawable: RosterProblem[] = (await undrawableNames(parsed.learners)).map(({ line, message }) => ({ line: line!, message }));
	// So are rows whose own as-of date comes before a module of the track was released.
	const unversioned = parsed.learners.flatMap((learner) => {
		const versions = learner.asOf === undefined ? null : modulesAsOf(issuance, learner.asOf);
		return versions && 'problem' in versions ? [{ line: learner.line, message: versions.problem }] : [];
	});
	const problems = [...parsed.problems, ...undrawable, ...unversioned].sort((a, b) => a.line - b.line);
	if (problems.length > 0) {
		const count = problems.length;
		fail(`The roster has ${count} problem${count === 1 ? '' : 's'}, so no certificate was made:\n${problems.map((p) => `${show(rosterPath)}:${p.line}: ${p.message}`).join('\n')}`);
	}
	if (parsed.ignored.length > 0) console.log(`Not printed on the certificates: the roster's ${parsed.ignored.map((column) => `"${column}"`).join(', ')} column${parsed.ignored.length === 1 ? '' : 's'}.`);
	return parsed.learners.map((learner) => ({ name: learner.name, line: learner.line, date: learner.date ?? date, validUntil: learner.validUntil ?? validUntil, asOf: learner.asOf ?? asOf }));
}
