/**
 * Issuing signed certificates in Node: for each learner, the certificate image (the shared design,
 * labelled "Verified by <issuer>") with the signed Open Badges credential baked in, and the same
 * credential as a `.json` file beside it. Everything is checked and drawn first and the files are
 * written last, so that a problem with any learner leaves the output folder as it was.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCertificate, type CertificateSize } from '../cards/certificate.ts';
import { describeMissing } from '../cards/fonts.ts';
import { nodeEnvironment } from '../cards/node.ts';
import { undrawableInBold } from '../cards/render.ts';
import { countBySeverity } from '../check/findings.ts';
import { formatHuman } from '../check/report.ts';
import { loadCurriculum } from '../curriculum/load.ts';
import { bakeCredential } from './baked-png.ts';
import { buildCredential } from './credential.ts';
import { addProof, type JsonObject } from './data-integrity.ts';
import { loadIssuers, type IssuerEntry } from './issuers.ts';
import { readPrivateKey } from './keys.ts';
import { verificationMethodId } from './profile.ts';

/** A problem that stops issuing, worded for the instructor at the command line. */
export class IssueError extends Error {
	override name = 'IssueError';
}

export interface Learner {
	name: string;
	/** The day the learner completed the track, `YYYY-MM-DD`. */
	date: string;
	validUntil?: string;
	/** The roster line, for messages. */
	line?: number;
}

/** Everything that is the same for every certificate of one run. */
export interface Issuance {
	site: string;
	curriculum: string;
	locale: string;
	issuer: IssuerEntry;
	track: { id: string; title: string; summary: string; certificate: string; passMark: number };
	modules: { id: string; title: string; version: string }[];
	signer: { privateKey: CryptoKey; verificationMethod: string };
}

/** Loads and checks the curriculum, the issuer, its key and the track; throws an `IssueError` with the fix. */
export async function prepareIssuance(options: { dir: string; root: string; issuer: string; keyFile: string; track: string }): Promise<Issuance> {
	const curriculum = loadCurriculum(options.dir, options.root);
	const { issuers, findings } = loadIssuers(options.dir, options.root);
	const all = [...curriculum.findings, ...findings];
	if (countBySeverity(all).errors > 0 || !curriculum.config) {
		throw new IssueError(`The curriculum has errors, so no certificate was issued.\n\n${formatHuman(all, { site: curriculum.config?.site })}`);
	}
	const config = curriculum.config;
	const issuer = issuers.find((entry) => entry.id === options.issuer);
	if (!issuer) {
		throw new IssueError(
			`There is no issuer "${options.issuer}". ${issuers.length > 0 ? `Issuers: ${issuers.map((entry) => entry.id).join(', ')}.` : 'The curriculum has none yet.'} Create one with: npm run certificate -- keygen --issuer ${options.issuer} --name "<name>" --url <address>`
		);
	}
	const track = curriculum.tracks.find((entry) => entry.id === options.track);
	if (!track) throw new IssueError(`There is no track "${options.track}". Tracks: ${curriculum.tracks.map((entry) => entry.id).join(', ') || 'none'}.`);
	const key = await readPrivateKey(options.keyFile);
	if (!issuer.keys.some((entry) => entry.publicKeyMultibase === key.publicKeyMultibase)) {
		throw new IssueError(
			`The key in ${options.keyFile} is not one of ${issuer.name}'s published keys (${issuer.file}), so certificates signed with it would not verify. Use the key that keygen wrote for "${issuer.id}", or add this key's public half to ${issuer.file} with keygen.`
		);
	}
	const byId = new Map(curriculum.modules.map((module) => [module.id, module.data]));
	return {
		site: config.site,
		curriculum: config.title,
		locale: config.locales[0] ?? 'en',
		issuer,
		track: { id: track.id, title: track.data.title, summary: track.data.summary, certificate: track.data.certificate.title, passMark: track.data.certificate.passMark },
		modules: track.data.modules.map((id) => ({ id, title: byId.get(id)!.title, version: byId.get(id)!.version })),
		signer: { privateKey: key.privateKey, verificationMethod: verificationMethodId(config.site, issuer.id, key.publicKeyMultibase) },
	};
}

/**
 * One learner's signed credential and certificate image with the credential baked in: at screen size,
 * and with `print` also at print size, the same signed credential in both.
 */
export async function issueOne(
	issuance: Issuance,
	learner: Learner,
	options: { issued?: Date; print?: boolean } = {}
): Promise<{ credential: JsonObject; png: Uint8Array; printPng?: Uint8Array }> {
	const issued = options.issued ?? new Date();
	const unsigned = buildCredential({ ...issuance, learner: learner.name, awarded: learner.date, validUntil: learner.validUntil, issued });
	const credential = await addProof(unsigned, { ...issuance.signer, created: issued });
	const draw = async (size: CertificateSize) => bakeCredential(await drawCertificate(issuance, learner, size), JSON.stringify(credential));
	return { credential, png: await draw('screen'), ...(options.print ? { printPng: await draw('print') } : {}) };
}

/** A learner's certificate image at one size, without its credential. */
function drawCertificate(issuance: Issuance, learner: Learner, size: CertificateSize): Promise<Uint8Array> {
	return renderCertificate(
		{
			name: learner.name,
			track: issuance.track.title,
			title: issuance.track.certificate,
			curriculum: issuance.curriculum,
			date: learner.date,
			modules: issuance.modules,
			issuer: issuance.issuer.name,
			verified: true,
			url: new URL('/verify/', issuance.site).href,
			locale: issuance.locale,
		},
		nodeEnvironment,
		size
	);
}

/** A file name for a learner: their name's letters and digits in any script, else `learner-<line>`, made unique. */
export function fileNames(learners: readonly Learner[]): string[] {
	const taken = new Set<string>();
	return learners.map((learner, index) => {
		const base =
			learner.name
				.normalize('NFKC')
				.toLowerCase()
				.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
				.replace(/^-+|-+$/g, '')
				.slice(0, 60)
				.replace(/-+$/, '') || `learner-${learner.line ?? index + 1}`;
		let name = base;
		for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
		taken.add(name);
		return name;
	});
}

/**
 * Issues a certificate to every learner into `out`: `<name>.png` and `<name>.json` each, and with
 * `print` also `<name>.print.png` at print size. Refuses before drawing anything when a file it would
 * write already exists.
 */
export async function issueAll(
	issuance: Issuance,
	learners: readonly Learner[],
	out: string,
	options: { print?: boolean; issued?: Date; progress?: (done: number) => void } = {}
): Promise<string[]> {
	const names = fileNames(learners);
	const existing = names.flatMap((name) => [`${name}.png`, `${name}.json`, ...(options.print ? [`${name}.print.png`] : [])]).filter((file) => existsSync(join(out, file)));
	if (existing.length > 0) {
		throw new IssueError(
			`${out} already holds ${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ` and ${existing.length - 3} more` : ''}, and certificates are never overwritten. Choose another --out folder, or move those files away.`
		);
	}
	// Every name the fonts cannot draw, said at once: drawing would stop at the first.
	const undrawable = [];
	for (const learner of learners) {
		const missing = await undrawableInBold(learner.name, nodeEnvironment.assets);
		if (missing.length > 0) undrawable.push(`${learner.line ? `line ${learner.line} ` : ''}(${learner.name}): ${describeMissing(missing)}`);
	}
	if (undrawable.length > 0) {
		throw new IssueError(
			`No certificate was written: ${undrawable.length === 1 ? 'a name has' : `${undrawable.length} names have`} characters that no bundled font can draw:\n${undrawable.map((line) => `  ${line}`).join('\n')}\nWrite ${undrawable.length === 1 ? 'it' : 'them'} without those characters (in a Latin transcription, say), or ask the site maintainers to add a font for that script (src/lib/cards/fonts.ts).`
		);
	}
	const issued = options.issued ?? new Date();
	const made: { name: string; credential: JsonObject; png: Uint8Array; printPng?: Uint8Array }[] = [];
	for (const [index, learner] of learners.entries()) {
		try {
			made.push({ name: names[index]!, ...(await issueOne(issuance, learner, { issued, print: options.print })) });
		} catch (error) {
			const where = learner.line ? `line ${learner.line} (${learner.name})` : learner.name;
			throw new IssueError(`No certificate was written: the certificate for ${where} could not be made. ${error instanceof Error ? error.message : String(error)}`);
		}
		options.progress?.(index + 1);
	}
	mkdirSync(out, { recursive: true });
	for (const { name, credential, png, printPng } of made) {
		writeFileSync(join(out, `${name}.json`), `${JSON.stringify(credential, null, 2)}\n`);
		writeFileSync(join(out, `${name}.png`), png);
		if (printPng) writeFileSync(join(out, `${name}.print.png`), printPng);
	}
	return made.map(({ name }) => name);
}
