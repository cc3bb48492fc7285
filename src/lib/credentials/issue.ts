/**
 * Issuing signed certificates in Node: for each learner, the certificate image (the shared design,
 * labelled "Verified by <issuer>") with the signed Open Badges credential baked in, and the same
 * credential as a `.json` file beside it. Everything is checked and drawn first and the files are
 * written last, so that a problem with any learner leaves the output folder as it was.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOOTER, renderCertificate, type CertificateInput, type CertificateSize } from '../cards/certificate.ts';
import { ENGLISH_CERTIFICATE, fill, type CertificateStrings } from '../cards/certificate-words.ts';
import { describeMissing } from '../cards/fonts.ts';
import { line } from '../cards/layout.ts';
import { nodeEnvironment } from '../cards/node.ts';
import { h, keyed, toSvg, undrawableInBold, type Box, type CardAssets } from '../cards/render.ts';
import { CardTextError, cleanText, graphemes } from '../cards/text.ts';
import { countBySeverity } from '../check/findings.ts';
import { formatHuman } from '../check/report.ts';
import { loadCurriculum } from '../curriculum/load.ts';
import { versionsOn, type ModuleHistory, type ModuleVersion } from './as-of.ts';
import { bakeCredential } from './baked-png.ts';
import { inLanguage, issueLanguage, type IssueLanguage } from './issue-language.ts';
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
	/**
	 * The day whose module versions the learner studied, `YYYY-MM-DD`: each module's version current
	 * then, from its changelog. Without it, the certificate names the versions the content holds now.
	 */
	asOf?: string;
	/** The roster line, for messages. */
	line?: number;
	/**
	 * The track's modules at the versions the learner completed, read from their progress export
	 * (from-progress.ts). When given, `asOf` is not: the learner's own versions name themselves.
	 */
	modules?: ModuleVersion[];
}

/** Everything that is the same for every certificate of one run. */
export interface Issuance {
	site: string;
	curriculum: string;
	/** The language the certificate's dates are written for. */
	locale: string;
	issuer: IssuerEntry;
	/** The track, in the certificate's language. */
	track: { id: string; title: string; summary: string; certificate: string; passMark: number };
	/** For a certificate in a translation's language (`--lang`): its words and module titles; absent in the originals'. */
	language?: IssueLanguage;
	/** The track's modules at the versions the content holds now. */
	modules: ModuleVersion[];
	/** The track's modules with their release histories, for a learner who studied earlier versions (`asOf`). */
	history: ModuleHistory[];
	/** Every module id the curriculum has, to tell a learner's progress export of another curriculum. */
	moduleIds: readonly string[];
	/** The track's modules that have a knowledge check, which its certificate asks to be passed at the pass mark. */
	quizzes: readonly string[];
	signer: { privateKey: CryptoKey; verificationMethod: string };
}

/**
 * The command that makes an issuer's key pair, as the user would type it: with `content`, the
 * `--content` folder the user gave, so that the command works on the same curriculum.
 */
export function keygenCommand(issuer: string, content?: string): string {
	return `npm run certificate -- keygen --issuer ${issuer}${content === undefined ? '' : ` --content ${shellWord(content)}`}`;
}

/** A path as one shell word: quoted when it holds anything but letters, digits and `_ . / - + : @ ,`. */
export function shellWord(word: string): string {
	return /^[\p{L}\p{N}_./+:@,-]+$/u.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * Loads and checks the curriculum, the issuer, its key and the track; throws an `IssueError` with the fix.
 * `content` is the `--content` folder as the user gave it, repeated in the commands a message suggests.
 */
export async function prepareIssuance(options: { dir: string; root: string; issuer: string; keyFile: string; track: string; content?: string; lang?: string }): Promise<Issuance> {
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
			`There is no issuer "${options.issuer}". ${issuers.length > 0 ? `Issuers: ${issuers.map((entry) => entry.id).join(', ')}.` : 'The curriculum has none yet.'} Create one with: ${keygenCommand(options.issuer, options.content)} --name "<name>" --url <address>`
		);
	}
	const track = curriculum.tracks.find((entry) => entry.id === options.track);
	if (!track) throw new IssueError(`There is no track "${options.track}". Tracks: ${curriculum.tracks.map((entry) => entry.id).join(', ') || 'none'}.`);
	// The language is settled before the key is read: a certificate that cannot be made in it needs no key.
	const translated = options.lang === undefined ? undefined : issueLanguage(curriculum, track, options.lang);
	const key = await readPrivateKey(options.keyFile);
	if (!issuer.keys.some((entry) => entry.publicKeyMultibase === key.publicKeyMultibase)) {
		const owner = issuers.find((entry) => entry.keys.some((published) => published.publicKeyMultibase === key.publicKeyMultibase));
		// keygen only ever makes a new key pair: it cannot take in a key that already exists, so the way out of a lost key is a new one.
		throw new IssueError(
			`The key in ${options.keyFile} is not one of ${issuer.name}'s published keys (${issuer.file}), so certificates signed with it would not verify${owner ? `: it is a key of "${owner.id}" (${owner.file})` : ''}. ` +
				`Give --key the file keygen wrote for "${issuer.id}" (keys/${issuer.id}.private.jwk, unless keygen was given another with --key-out). ` +
				`If that file is lost, make a new key pair with \`${keygenCommand(issuer.id, options.content)}\`, which adds its public key to ${issuer.file}, and issue with the new key file; its certificates verify once that change is published.`
		);
	}
	const byId = new Map(curriculum.modules.map((module) => [module.id, module.data]));
	const history = track.data.modules.map((id): ModuleHistory => {
		const module = byId.get(id)!;
		const archived = curriculum.archives.filter((archive) => archive.id === id).map((archive) => [archive.major, archive.data.title] as const);
		return { id, title: module.title, version: module.version, releases: module.changelog, archivedTitles: new Map(archived) };
	});
	return {
		site: config.site,
		curriculum: config.title,
		locale: translated?.language.code ?? config.locales[0] ?? 'en',
		issuer,
		track: {
			id: track.id,
			...(translated?.track ?? { title: track.data.title, summary: track.data.summary, certificate: track.data.certificate.title }),
			passMark: track.data.certificate.passMark,
		},
		...(translated ? { language: translated.language } : {}),
		modules: track.data.modules.map((id) => ({ id, title: byId.get(id)!.title, version: byId.get(id)!.version })),
		history,
		moduleIds: curriculum.modules.map((module) => module.id),
		quizzes: track.data.modules.filter((id) => byId.get(id)!.quiz.length > 0),
		signer: { privateKey: key.privateKey, verificationMethod: verificationMethodId(config.site, issuer.id, key.publicKeyMultibase) },
	};
}

/**
 * The module versions a certificate names: those current on `asOf` when given, else those the content
 * holds now; or why there are none on that day, in words to follow `--as-of: ` or a roster line.
 */
export function modulesAsOf(issuance: Issuance, asOf: string | undefined): { modules: ModuleVersion[] } | { problem: string } {
	if (asOf === undefined) return { modules: issuance.modules };
	return versionsOn({ id: issuance.track.id, title: issuance.track.title }, issuance.history, asOf);
}

/** The module versions a learner's certificate names: those of their progress export, else as `modulesAsOf` gives them. */
export function learnerModules(issuance: Issuance, learner: Pick<Learner, 'asOf' | 'modules'>): { modules: ModuleVersion[] } | { problem: string } {
	return learner.modules ? { modules: learner.modules } : modulesAsOf(issuance, learner.asOf);
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
	const versions = learnerModules(issuance, learner);
	if ('problem' in versions) throw new IssueError(versions.problem);
	// In a translation's language, the titles its translations give the versions named (issue-language.ts).
	const modules = inLanguage(issuance.language, versions.modules);
	// The versions' day moves neither date the credential already keeps apart: `awardedDate` stays the day
	// the learner completed the track, and `validFrom` the moment of signing, since a verifier reads it as
	// the start of the credential's validity and a credential cannot be valid before it was signed.
	const language = issuance.language ? { code: issuance.language.code, original: issuance.language.original } : { code: issuance.locale };
	const unsigned = buildCredential({ ...issuance, modules, asOf: learner.asOf, learner: learner.name, awarded: learner.date, validUntil: learner.validUntil, issued, language });
	const credential = await addProof(unsigned, { ...issuance.signer, created: issued });
	const draw = async (size: CertificateSize) => bakeCredential(await drawCertificate(issuance, modules, learner, size), JSON.stringify(credential));
	return { credential, png: await draw('screen'), ...(options.print ? { printPng: await draw('print') } : {}) };
}

/** The verify page in the certificate's language, which its QR code opens. */
export function verifyPageUrl(issuance: Pick<Issuance, 'site' | 'language'>): string {
	return new URL(issuance.language ? `/${issuance.language.code}/verify/` : '/verify/', issuance.site).href;
}

/**
 * What a learner's certificate draws: in a translation's language, its words, its date and the verify
 * page in that language, which the QR code opens.
 */
export function certificateInputFor(issuance: Issuance, modules: readonly ModuleVersion[], learner: Pick<Learner, 'name' | 'date'>): CertificateInput {
	const language = issuance.language;
	return {
		name: learner.name,
		track: issuance.track.title,
		title: issuance.track.certificate,
		curriculum: issuance.curriculum,
		date: learner.date,
		modules,
		issuer: issuance.issuer.name,
		verified: true,
		url: verifyPageUrl(issuance),
		locale: issuance.locale,
		...(language ? { strings: language.strings } : {}),
	};
}

/** A learner's certificate image at one size, without its credential. */
function drawCertificate(issuance: Issuance, modules: readonly ModuleVersion[], learner: Learner, size: CertificateSize): Promise<Uint8Array> {
	return renderCertificate(certificateInputFor(issuance, modules, learner), nodeEnvironment, size);
}

/** A name no bundled font can fully draw: the learner's roster line, and what to do. */
export interface UndrawableName {
	line?: number;
	message: string;
}

/**
 * The learners whose names have characters no bundled font draws in bold, as the certificate draws a
 * name: every one, so that a roster is fixed in one pass (drawing would stop at the first).
 */
export async function undrawableNames(learners: readonly { name: string; line?: number }[], assets: CardAssets = nodeEnvironment.assets): Promise<UndrawableName[]> {
	const found: UndrawableName[] = [];
	for (const learner of learners) {
		const missing = await undrawableInBold(learner.name, assets);
		if (missing.length === 0) continue;
		found.push({
			line: learner.line,
			message: `The name "${learner.name}" has characters that no bundled font can draw: ${describeMissing(missing)}. Write it without them (in a Latin transcription, say), or ask the site maintainers to add a font for that script (src/lib/cards/fonts.ts).`,
		});
	}
	return found;
}

/**
 * The certificate's one-line texts that name the issuer, as `footer` in src/lib/cards/certificate.ts
 * draws them with its measures (`FOOTER`), each cut with an ellipsis past its room: "Issued by" in
 * regular type across the footer's left column, and the bold "Verified by" label, whose text satori cuts
 * past the label's `maxWidth`, which a name meets first. A test draws the label on either side of its limit and
 * compares the pixels. Their words are the certificate's language's (`drawCertificate`), English unless
 * issued in another.
 */
const issuerLines = (strings: CertificateStrings) =>
	[
		{ words: strings.issuedBy, style: { fontSize: FOOTER.fontSize }, room: FOOTER.lineRoom },
		{ words: strings.verifiedBy, style: { fontSize: FOOTER.fontSize, fontWeight: 700 }, room: FOOTER.labelRoom },
	] as const;

/** How wide a one-line text of the certificate is, uncut, in its pixels at screen size. */
async function naturalWidth(text: string, style: Record<string, string | number>, assets: CardAssets): Promise<number> {
	const boxes = new Map<string, Box>();
	// Laid out on a canvas wider than any issuer's name, where nothing is cut.
	const tree = h('div', { display: 'flex', alignItems: 'flex-start', width: 12000, height: 100 }, keyed('measured', line({ ...style, flexShrink: 0 }, text)));
	await toSvg(tree, { width: 12000, height: 100, texts: { 'The issuer': text }, assets, boxes });
	return boxes.get('measured')!.width;
}

/** Whether every line that names the issuer holds the name whole. */
async function issuerFits(name: string, assets: CardAssets, strings: CertificateStrings): Promise<boolean> {
	for (const { words, style, room } of issuerLines(strings)) {
		if ((await naturalWidth(fill(words, { issuer: name }), style, assets)) > room + 0.5) return false;
	}
	return true;
}

/**
 * When the certificate image cannot show the issuer's name whole, since a line that names it would run
 * past its room and be cut with an ellipsis: the name's length in characters, and how many of them the
 * image has room for. Null when the name fits, or when it cannot be drawn at all (issuing says so).
 * `strings` are the certificate's words in the language it is issued in.
 */
export async function issuerNameShortened(
	issuerName: string,
	assets: CardAssets = nodeEnvironment.assets,
	strings: CertificateStrings = ENGLISH_CERTIFICATE
): Promise<{ length: number; fits: number } | null> {
	const name = cleanText(issuerName);
	const letters = graphemes(name);
	try {
		if (await issuerFits(name, assets, strings)) return null;
		// The longest start of the name that fits, found by halving: a handful of layouts.
		let low = 0;
		let high = letters.length - 1;
		while (low < high) {
			const middle = Math.ceil((low + high) / 2);
			if (await issuerFits(letters.slice(0, middle).join(''), assets, strings)) low = middle;
			else high = middle - 1;
		}
		return { length: letters.length, fits: low };
	} catch (error) {
		if (error instanceof CardTextError) return null;
		throw error;
	}
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
	// Every name the fonts cannot draw, said at once: drawing would stop at the first. The command line
	// reports these with the roster's other problems before it gets here; this guards other callers.
	const undrawable = await undrawableNames(learners);
	if (undrawable.length > 0) {
		throw new IssueError(`No certificate was written:\n${undrawable.map((found) => `  ${found.line ? `line ${found.line}: ` : ''}${found.message}`).join('\n')}`);
	}
	// Every learner whose versions' day falls before a module of the track was released, said at once,
	// for the same reason; the command line reports these with the roster's problems too.
	const unversioned = learners.flatMap((learner) => {
		const versions = learnerModules(issuance, learner);
		return 'problem' in versions ? [`  ${learner.line ? `line ${learner.line}: ` : ''}${versions.problem}`] : [];
	});
	if (unversioned.length > 0) throw new IssueError(`No certificate was written:\n${unversioned.join('\n')}`);
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
