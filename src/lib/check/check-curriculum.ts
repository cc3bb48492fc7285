import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keep, readKept } from '../cache/files.ts';
import { codeFingerprint, packageVersions } from '../cache/fingerprint.ts';
import { sortFindings, type Finding } from './findings.ts';
import { today } from '../curriculum/freshness.ts';
import { LAYOUT, loadCurriculum, translationName, type Curriculum, type SourceDocument } from '../curriculum/load.ts';
import { idOf } from '../curriculum/files.ts';
import { keepYamlMemo, memoReader, readYamlMemo, type YamlMemo } from '../curriculum/yaml-memo.ts';
import { checkAgainstBase, gitReader } from './base.ts';
import { checkLeftovers } from './leftovers.ts';
import { checkTranslationDrift } from './translation-drift.ts';
import { checkLinks } from './links.ts';
import { checkSectionIds } from './section-ids.ts';
import { crossFileRules } from './rules.ts';
import { checkContentSafety } from '../safety/content-check.ts';
import { checkBytes, checkLimits, DEFAULT_LIMITS } from '../safety/bytes.ts';
import { checkContentFiles } from '../safety/content-files.ts';
import { checkStandards, schemaFailedModules, type StandardsEntry } from './standards.ts';
import { checkCases, type CasesEntry } from './cases.ts';
import { fieldsOf, schemaFailedDocuments } from './schema-failed.ts';
import { checkHeadingSpaces } from './heading-space.ts';
import { checkTableHeaders } from './table-headers.ts';
import { checkCodeFences } from './code-fences.ts';
import { checkIndentedCode } from './indented-code.ts';
import { type Body } from './body-trees.ts';
import { splitFrontmatter } from '../curriculum/frontmatter.ts';
import { checkTranslations } from './translations.ts';
import { loadIssuers } from '../credentials/issuers.ts';
import { strayFiles } from '../curriculum/stray-files.ts';
import { checkQuizQuality } from './quiz-quality.ts';
import { readQuestion } from '../curriculum/schema/module.ts';

export interface CheckOptions {
	/** The project root that file paths are reported relative to. */
	root?: string;
	/** The date to check freshness and future dates against, `YYYY-MM-DD`. */
	on?: string;
	/** A git ref to check versions, archives and redirects against. */
	base?: string;
	/**
	 * The safe-content findings of files an earlier check read, by a key of the engine's code, the
	 * options, the file's path and its text (`safetyKey`); this check adds the files it reads. A build
	 * keeps it between builds, for parsing every file is most of a check's time.
	 */
	safetyMemo?: Map<string, Finding[]>;
	/**
	 * What reading each file's YAML found, by its text (yaml-memo.ts); this check adds the texts it
	 * reads and drops the others. A build keeps it between builds, as it keeps `safetyMemo`.
	 */
	yamlMemo?: YamlMemo;
	/**
	 * Called with the curriculum as soon as it is loaded and its files are read against their schemas,
	 * before the slower rules run: a build starts drawing share cards, which show only that data, here.
	 */
	onLoaded?: (curriculum: Curriculum) => void;
}

export interface CheckResult {
	curriculum: Curriculum;
	findings: Finding[];
}

/** Every check the build and `npm run check` share, over a whole curriculum, in one pass. */
export function checkCurriculum(dir: string, options: CheckOptions = {}): CheckResult {
	const on = options.on ?? today();
	// Schema: each file against its zod schema, with every failure at its line.
	const reader = options.yamlMemo && memoReader(options.yamlMemo);
	const curriculum = loadCurriculum(dir, options.root, reader);
	if (reader) {
		options.yamlMemo!.clear();
		for (const [key, read] of reader.used) options.yamlMemo!.set(key, read);
	}
	options.onLoaded?.(curriculum);
	const findings = [...curriculum.findings];
	// Data only: Markdown, MDX, YAML and real images; no scripts, styles, SVG, hidden files or links.
	findings.push(...checkContentFiles(dir, (path) => relative(curriculum.root, path).split(sep).join('/')));
	// Characters and size of every YAML file; Markdown and MDX files get the same inside the content check.
	const limits = curriculum.config?.limits ?? DEFAULT_LIMITS;
	for (const source of curriculum.yamlFiles) findings.push(...checkBytes(source.source, source.file), ...checkLimits(source.source, source.file, limits));
	// Safe content: no code, script or remote images in any Markdown or MDX file, read as the compiler reads it.
	const kept = options.safetyMemo;
	const used = new Map<string, Finding[]>();
	for (const document of curriculum.documents) {
		const safety = { imageHosts: curriculum.config?.imageHosts ?? [], baseDir: dirname(document.path), contentDir: resolve(dir), limits };
		const key = kept ? safetyKey(document, safety) : undefined;
		const found = (key === undefined ? undefined : kept?.get(key)) ?? checkContentSafety(document.source, document.file, safety);
		if (key !== undefined) used.set(key, found);
		findings.push(...found);
	}
	// Only this check's files stay in the memo, so that it does not grow with every edit.
	if (kept) {
		kept.clear();
		for (const [key, found] of used) kept.set(key, found);
	}
	// Drafts: no scaffold TODO marker left behind, in documents or in the YAML of a track's translation.
	findings.push(...checkLeftovers([...curriculum.documents, ...trackTranslations(curriculum)]));
	// Cross-file: references, cycles, archives, dates, freshness.
	findings.push(...crossFileRules(curriculum, on));
	// Links between pages, and to headings on them.
	findings.push(...checkLinks(curriculum));
	// Body headings that take the id of a section the page adds itself (outcomes, sources and the like).
	findings.push(...checkSectionIds(curriculum));
	// Versions against a base: changed modules bumped, archives frozen, removals redirected.
	if (options.base) {
		const git = gitReader(options.base, dir, { forkPoint: true });
		findings.push(...checkAgainstBase(curriculum, git, options.base));
		// Translations of tracks and updates, which name no version: their originals' words changed without them.
		findings.push(...checkTranslationDrift(curriculum, git, options.base));
	}
	// Modules whose frontmatter failed its schema, as far as the rules below can read them: one slip does not hide the rest.
	const failedModules = schemaFailedModules(curriculum);
	// Editorial standards from the config, such as word and question counts.
	if (curriculum.config) findings.push(...checkStandards([...curriculum.modules, ...failedModules], curriculum.config.standards));
	// Knowledge checks worth passing: enough choices, no giveaways, not won by picking the longest answer.
	const failedQuizzes = failedModules.map((module) => ({ ...module, data: { quiz: module.data.quiz?.map(readQuestion) } }));
	if (curriculum.config) findings.push(...checkQuizQuality([...curriculum.modules, ...failedQuizzes], curriculum.config.standards, curriculum.configFile));
	// Issuer profiles: the public keys the verify page trusts.
	findings.push(...loadIssuers(dir, options.root, on).findings);
	// Content files where no reader of the build looks, which the site would leave out.
	findings.push(...strayFiles(dir, options.root, curriculum.config?.locales));
	// Translations: a known locale, an existing original, the same outcomes and questions, and current.
	findings.push(...checkTranslations(curriculum));
	// Real cases cite a listed source: in a module whose schema failed, when every source's address can be read.
	findings.push(...checkCases([...curriculum.modules, ...failedModules.flatMap((module) => casesEntry(module))]));
	// What Markdown publishes otherwise than it was written, in every body a reader sees: modules,
	// updates, their translations and the free pages (an archive stays as it was released).
	const bodies = readerBodies(curriculum, dir);
	// A heading written without the space after its hashes, published as a paragraph.
	findings.push(...checkHeadingSpaces(bodies));
	// A table whose header row leaves a column without a name.
	findings.push(...checkTableHeaders(bodies));
	// A code block never closed, which publishes the rest of the page as code.
	findings.push(...checkCodeFences(bodies));
	// A paragraph indented four spaces or a tab, published as a code block.
	findings.push(...checkIndentedCode(bodies));
	// A file whose frontmatter is never closed is reported by the loader and the content check alike.
	const said = new Set<string>();
	const once = findings.filter((f) => {
		const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
		return !said.has(key) && said.add(key);
	});
	return { curriculum, findings: sortFindings(withoutEchoes(once)) };
}

/**
 * One slip, one finding: where two rules see the same problem, the one that names it is kept. A byte
 * order mark before the frontmatter is a `control-character` (saved "with BOM"), not also a fence
 * out of place; a file of a kind content/ may not hold is a `content-file-type`, not also a file in
 * the wrong folder; a value that starts with a hashtag is the hashtag's `yaml-syntax`, not also an
 * empty field.
 */
function withoutEchoes(findings: Finding[]): Finding[] {
	const bom = new Set(findings.filter((f) => f.rule === 'control-character' && f.line === 1 && f.column === 1).map((f) => f.file));
	const wrongType = new Set(findings.filter((f) => f.rule === 'content-file-type').map((f) => f.file));
	const hashtag = new Set(findings.filter((f) => f.rule === 'yaml-syntax' && f.message.includes('read as a comment')).map((f) => `${f.file}:${f.line}`));
	return findings.filter(
		(f) =>
			!(f.rule === 'frontmatter-fence' && bom.has(f.file) && f.message.includes('byte order mark')) &&
			!(f.rule === 'unexpected-file' && wrongType.has(f.file)) &&
			// A value that starts with a hashtag is empty to YAML: the hashtag's finding says why.
			!(f.rule === 'schema' && hashtag.has(`${f.file}:${f.line}`) && f.message.endsWith('but it is empty.'))
	);
}

/**
 * The check, keeping its memos in the folder `memoDir` from one run to the next, as the build does: the
 * safety findings of each file (`safety.json`) and what reading each file's YAML found (`yaml.bin`). A
 * memo that is missing, unreadable, of another shape or made by other engine code is started afresh.
 */
export function checkCurriculumKeeping(memoDir: string, dir: string, options: Omit<CheckOptions, 'safetyMemo' | 'yamlMemo'> = {}): CheckResult {
	const safetyFile = join(memoDir, 'safety.json');
	const yamlFile = join(memoDir, 'yaml.bin');
	const kept = readKept(safetyFile);
	const entries = Object.entries(kept !== null && typeof kept === 'object' ? kept : {});
	const safetyMemo = new Map(entries.filter((entry): entry is [string, Finding[]] => Array.isArray(entry[1])));
	const engine = engineFingerprint();
	const yamlMemo = readYamlMemo(yamlFile, engine);
	const result = checkCurriculum(dir, { ...options, safetyMemo, yamlMemo });
	keep(safetyFile, Object.fromEntries(safetyMemo));
	keepYamlMemo(yamlFile, engine, yamlMemo);
	return result;
}

/** The readers the check calls: the YAML readers of the check and of Astro, zod, the compiler's parser and its frontmatter splitter. */
const READERS = ['yaml', 'js-yaml', 'zod', 'satteri', '@astrojs/markdown-satteri', '@astrojs/internal-helpers'];
let knownEngine: string | undefined;

/** The engine's code under `src/lib/` and the versions of its READERS, which decide what a check finds. */
const engineFingerprint = () => (knownEngine ??= `${codeFingerprint(join(dirname(fileURLToPath(import.meta.url)), '..'), { recursive: true })}\n${packageVersions(READERS)}`);

/** A file's key in the safety memo: the engine's code under `src/lib/`, the check's options, and the file. */
function safetyKey(document: { file: string; source: string }, options: object): string {
	return createHash('sha256').update(`${engineFingerprint()}\0${JSON.stringify(options)}\0${document.file}\0`).update(document.source).digest('base64url');
}

/** The YAML files of a curriculum that are translations (`tracks/<id>.<locale>.yaml`), read or not. */
function trackTranslations(curriculum: Curriculum): SourceDocument[] {
	const tracks = join(curriculum.dir, LAYOUT.tracks);
	return curriculum.yamlFiles.filter((source) => dirname(source.path) === tracks && translationName(idOf(source.path)) !== null);
}

/**
 * The bodies of the modules, updates, translations and free pages of a curriculum in `dir`, those
 * whose frontmatter failed its schema too: the body is published as written whatever the frontmatter holds.
 */
function readerBodies(curriculum: Curriculum, dir: string): Body[] {
	const pagesDir = resolve(dir, 'pages') + sep;
	const pages = curriculum.documents
		.filter((document) => document.path.startsWith(pagesDir))
		.map((document) => ({ file: document.file, ...splitFrontmatter(document.source) }));
	const failed = schemaFailedDocuments(curriculum).filter((document) => document.kind !== 'archive');
	return [...curriculum.modules, ...curriculum.updates, ...curriculum.translations.filter((entry) => entry.kind !== 'track'), ...failed, ...pages];
}

/** A module whose schema failed, as the case rule reads it: only when every source names its address as text. */
function casesEntry(module: StandardsEntry): CasesEntry[] {
	const urls = (module.data.sources ?? []).map((source) => fieldsOf(source)?.url);
	if (module.data.sources === undefined || !urls.every((url) => typeof url === 'string')) return [];
	return [{ file: module.file, body: module.body, bodyLine: module.bodyLine, data: { sources: urls.map((url) => ({ url: url as string })) } }];
}
