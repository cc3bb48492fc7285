/**
 * `npm run certificate -- revoke`: adds one certificate to its issuer's `revoked` list, without
 * hand-editing the profile. Everything is checked before the file is written, with the schema the
 * content check uses, so that a revocation the check would refuse is never written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { formatHuman } from '../../src/lib/check/report.ts';
import { shellWord } from '../../src/lib/credentials/issue.ts';
import { loadIssuers } from '../../src/lib/credentials/issuers.ts';
import { ISSUERS_FOLDER, issuerProfileUrl, revocationListUrl } from '../../src/lib/credentials/profile.ts';
import { addRevocationToYaml, credentialNamesIn, RevocationError } from '../../src/lib/credentials/revocations.ts';
import { dateProblem } from '../../src/lib/credentials/roster.ts';
import { loadCurriculum } from '../../src/lib/curriculum/load.ts';
import { ID_PATTERN } from '../../src/lib/curriculum/schema/common.ts';
import { revokedCredentialSchema } from '../../src/lib/curriculum/schema/issuer.ts';

export interface RevokeOptions {
	/** The content folder. */
	dir: string;
	/** The project folder, which paths in messages are relative to. */
	root: string;
	issuer?: string;
	/** The certificate's file: its PNG or its `.json`. */
	credential?: string;
	/** The credential's id, for an issuer who no longer has the file. */
	id?: string;
	reason?: string;
	/** The day of the revocation, `YYYY-MM-DD`; today when absent. */
	date?: string;
	/** Today on the issuer's calendar. */
	today: string;
	usage: string;
}

/** What the command says: done, or the problem with its exit status (2 when the command itself was wrong). */
export type RevokeOutcome = { done: string } | { problem: string; status: number };

const stop = (problem: string, status = 2): RevokeOutcome => ({ problem, status });

/** Which option each field of a revocation comes from, for messages. */
const OPTION_OF: Record<string, string> = { id: '--id', date: '--date', reason: '--reason' };

export async function revokeCommand(options: RevokeOptions): Promise<RevokeOutcome> {
	const { dir, root, usage } = options;
	const show = (path: string) => relative(root, path) || '.';
	const issuerId = options.issuer;
	if (!issuerId) return stop(`Name the issuer whose certificate this is with --issuer <id>, like --issuer kyoto-tea-institute.\n${usage}`);
	if (!ID_PATTERN.test(issuerId)) return stop(`"${issuerId}" is not a valid issuer id: use lower-case letters, digits and single hyphens, like kyoto-tea-institute.`);
	if (!options.credential === !options.id) {
		return stop(`Give either --credential <file> (the certificate's .png or .json) or --id urn:uuid:<uuid> (its credential's id), not ${options.credential ? 'both' : 'neither'}.\n${usage}`);
	}
	const date = options.date ?? options.today;
	const notADate = dateProblem(date, 'revocation date');
	if (notADate) return stop(`--date: ${notADate}`);
	if (date > options.today) return stop(`--date: the revocation date ${date} is after today (${options.today}). Give the day the certificate was revoked, or leave --date out for today.`);

	// The issuer's profile must be there and valid: the new entry goes into it, and the site's addresses come from the config.
	const file = join(dir, ISSUERS_FOLDER, `${issuerId}.yaml`);
	const { issuers, findings } = loadIssuers(dir, root);
	const issuer = issuers.find((entry) => entry.id === issuerId);
	if (!existsSync(file)) {
		const known = issuers.map((entry) => entry.id).join(', ');
		return stop(`There is no issuer "${issuerId}": ${show(file)} does not exist. ${known ? `Issuers: ${known}.` : 'The curriculum has none yet.'}`);
	}
	const site = loadCurriculum(dir, root).config?.site;
	const own = findings.filter((found) => found.file === relative(root, file).split('\\').join('/') && found.severity !== 'warning');
	if (!issuer || own.length > 0 || !site) {
		const why = site ? formatHuman(own, { site }) : `The curriculum's config in ${show(dir)} is not valid, so the site's addresses are unknown; \`npm run check\` says what is wrong.`;
		return { problem: `Nothing was revoked: fix ${show(file)} first.\n\n${why}`, status: 1 };
	}

	// The credential's id: read from the certificate, which must be this issuer's, or as given.
	let id = options.id;
	if (options.credential) {
		const at = resolve(root, options.credential);
		if (!existsSync(at)) return stop(`--credential: there is no file at ${options.credential}.`);
		try {
			const names = await credentialNamesIn(new Uint8Array(readFileSync(at)), options.credential, async (data) => new Uint8Array(inflateSync(data)));
			const expected = issuerProfileUrl(site, issuerId);
			if (names.issuer !== expected) {
				return stop(`--credential: ${options.credential} was issued by ${names.issuer ? `"${names.issuer}"` : 'an issuer it does not name'}, not by "${issuerId}" (${expected}). An issuer revokes only the certificates it issued: check the file, or the --issuer.`);
			}
			if (!names.id) return stop(`--credential: the credential in ${options.credential} has no id, so it cannot be revoked by id; no certificate this site's tools issued lacks one.`);
			id = names.id;
		} catch (error) {
			if (error instanceof RevocationError) return stop(`--credential: ${error.message}`);
			throw error;
		}
	}

	// The entry, checked field by field as the content check will check it.
	const checked = revokedCredentialSchema.safeParse({ id: id!.trim(), date, ...(options.reason === undefined ? {} : { reason: options.reason }) });
	if (!checked.success) {
		const fix = (issue: (typeof checked.error.issues)[number]) => (issue.code === 'custom' && typeof issue.params?.fix === 'string' ? ` ${issue.params.fix}` : '');
		return stop(checked.error.issues.map((issue) => `${options.credential && issue.path[0] === 'id' ? '--credential' : OPTION_OF[String(issue.path[0])]}: ${issue.message}${fix(issue)}`).join('\n'));
	}
	const entry = checked.data;
	const earlier = issuer.revoked?.find((revoked) => revoked.id === entry.id);
	if (earlier) {
		return { problem: `${entry.id} is already revoked in ${show(file)}, on ${earlier.date}${earlier.reason ? ` (“${earlier.reason}”)` : ''}, so nothing was changed. To change its date or reason, edit that entry.`, status: 1 };
	}

	let written: string;
	try {
		written = addRevocationToYaml(readFileSync(file, 'utf8'), entry);
	} catch (error) {
		if (error instanceof RevocationError) return { problem: `Nothing was revoked: ${error.message}`, status: 1 };
		throw error;
	}
	writeFileSync(file, written);
	const because = entry.reason ? `, with the reason “${entry.reason}”` : '';
	const content = relative(root, dir) === 'content' ? '' : ` --content ${shellWord(show(dir))}`;
	return {
		done: `Revoked ${entry.id} in ${show(file)}, dated ${entry.date}${because}.

Next: commit ${show(file)} and open a pull request. Once a maintainer has merged it and the site is published, the verify page (${new URL('/verify/', site).href}) says that ${issuer.name} revoked this certificate, on which day${entry.reason ? ' and why' : ''}, and ${revocationListUrl(site, issuerId)} lists it; the issuer's other certificates still verify. Check it before then with:
  npm run certificate -- verify <the certificate's file>${content}`,
	};
}
