import { z } from 'zod';
import { id, plainLine, plainText } from './common.ts';
import { DEFAULT_LIMITS, MAX_LIMITS } from '../../safety/bytes.ts';
import { isHostName } from '../../safety/urls.ts';

/** Forges whose repository pages the site may link to, for edit and issue links. */
export const KNOWN_FORGES = ['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org'] as const;

/**
 * An image host, which every page's Content Security Policy names (`img-src https://<host>`): only a
 * host name, since a space or `;` there would add sources or whole directives to the policy.
 */
const imageHost = z
	.string()
	.trim()
	.superRefine((value, ctx) => {
		if (isHostName(value)) return;
		const host = /^[a-z]+:\/\//i.test(value) ? value.replace(/^[a-z]+:\/\//i, '').split(/[/?#:]/, 1)[0] : undefined;
		ctx.addIssue({
			code: 'custom',
			message: `${JSON.stringify(value)} is not a host name.`,
			params: { rule: 'schema', fix: host && isHostName(host) ? `Write the host alone: "${host}".` : 'Write a host name alone, such as "upload.wikimedia.org": no scheme, path, port, wildcard, space or ";".' },
		});
	});

/**
 * An address every page links to, so a pull request must not be able to turn it against readers:
 * `https:` only, nothing that makes the host a reader opens differ from the host a reviewer reads
 * (`https://github.com@evil.example/` opens evil.example), no port, no query or fragment.
 * A repository address must also name an owner and a repository on a known forge.
 */
function publicAddress(kind: 'site' | 'repository') {
	return z.string().superRefine((value, ctx) => {
		const problem = addressProblem(value, kind);
		if (problem) {
			ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem.message}`, params: { rule: 'schema', fix: problem.fix } });
		}
	});
}

function addressProblem(value: string, kind: 'site' | 'repository'): { message: string; fix: string } | null {
	const example = kind === 'repository' ? 'https://github.com/owner/name' : 'https://curriculum.example.org';
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { message: 'is not a full web address.', fix: `Write the whole address, starting with https://, like "${example}".` };
	}
	// Browsers drop tabs and line breaks inside an address and read `\` as `/`, so what a reviewer
	// reads would not be what a reader opens.
	if (/[\s\u0000-\u001f\u007f\\]/.test(value)) {
		return { message: 'contains a space, a control character or a backslash.', fix: `Write \`${kind}\` as a plain address, like "${example}".` };
	}
	if (url.protocol !== 'https:' || !/^https:\/\//i.test(value)) {
		return { message: 'does not start with https://.', fix: `Use the https:// address${url.host ? `: "https://${url.host}${url.pathname}"` : `, like "${example}"`}.` };
	}
	const authority = value.slice('https://'.length).split(/[/?#]/, 1)[0]!;
	if (authority.includes('@')) {
		return {
			message: `has a user name before "@", so browsers would open ${url.hostname}, not the host written before the "@".`,
			fix: `Remove everything between "https://" and "@"; if ${url.hostname} is not the intended host, write the intended address instead.`,
		};
	}
	if (/:[^\]]*$/.test(authority)) {
		return { message: 'has a port number after the host.', fix: `Remove the port: "https://${url.hostname}${url.pathname}".` };
	}
	if (/[?#]/.test(value)) {
		return { message: 'has a query ("?…") or a fragment ("#…").', fix: `Remove everything from the "?" or "#": "https://${url.host}${url.pathname}".` };
	}
	if (kind === 'site') return null;
	const host = url.hostname;
	if (!(KNOWN_FORGES as readonly string[]).includes(host)) {
		return {
			message: `is not on a known forge (${KNOWN_FORGES.join(', ')}).`,
			fix: `Use the repository's address on one of them, like "${example}". Supporting another forge is a change to the engine, for a maintainer.`,
		};
	}
	const segments = url.pathname.split('/').filter((segment) => segment !== '');
	if (segments.length !== 2 || segments.some((segment) => !/^[\w.-]+$/.test(segment) || /^\.+$/.test(segment)) || segments[1]!.endsWith('.git')) {
		return {
			message: 'is not the address of a repository: it needs the owner and the repository name, and nothing after them.',
			fix: `Write it as "https://${host}/<owner>/<name>", without ".git" or a path inside the repository.`,
		};
	}
	return null;
}

/** A size limit: a whole number from 1 up to the ceiling the engine sets. */
const limit = (ceiling: number) => z.number().int().positive().max(ceiling);

/**
 * The curriculum config: one flat file, `curriculum.yaml`, at the top of the content folder.
 * It names the curriculum and lists the values that modules may use.
 */
export const curriculumConfigSchema = z.strictObject({
	/**
	 * The curriculum's name, shown in the header and the browser tab.
	 * @example "Currents"
	 */
	title: plainLine(),
	/**
	 * One sentence saying what the curriculum teaches, shown on the home page and in feeds.
	 * @example "An open curriculum for social media practitioners."
	 */
	tagline: plainText(),
	/**
	 * The public URL the site is deployed at. Used for canonical links, the sitemap and feeds.
	 * An `https://` address with no user name, port, query or fragment. A change to it needs a
	 * maintainer's review.
	 * @example "https://currents.netlify.app"
	 */
	site: publicAddress('site'),
	/**
	 * The repository that holds the content, for "Edit this page" and issue links: an `https://`
	 * address of an owner and repository on github.com, gitlab.com, codeberg.org or bitbucket.org,
	 * with nothing after the name. A change to it needs a maintainer's review.
	 * @example "https://github.com/currents-edu/currents"
	 */
	repository: publicAddress('repository'),
	/**
	 * The branch that edit links point at.
	 * @default "main"
	 */
	branch: z.string().trim().min(1).default('main'),
	/**
	 * Path from the repository root to the content folder, for edit links.
	 * @default "content"
	 */
	contentPath: z.string().trim().min(1).default('content'),
	/**
	 * SPDX id of the license modules are published under, unless a module says otherwise.
	 * @default "CC-BY-SA-4.0"
	 */
	license: plainLine().default('CC-BY-SA-4.0'),
	/**
	 * Languages of the curriculum as BCP-47 tags. The first is the language of the originals, served
	 * at the site's root; each other one gets pages under `/<tag>/` for its translations.
	 * @default ["en"]
	 * @example ["en", "fi"]
	 */
	locales: z.array(z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)).min(1).default(['en']),
	/**
	 * The config's own text in the curriculum's other languages, by locale.
	 * @default {}
	 * @example { fi: { tagline: "Avoin, ammattilaisten ylläpitämä somemarkkinoinnin opetussuunnitelma.", levels: { foundation: "Perustaso" } } }
	 */
	translations: z
		.record(
			z.string(),
			z.strictObject({
				/** The tagline, translated. */
				tagline: plainText().optional(),
				/**
				 * Level names, translated, by level id; a level without one keeps its name.
				 * @example { foundation: "Perustaso", practitioner: "Ammattilaistaso", advanced: "Edistynyt taso" }
				 */
				levels: z.record(z.string(), plainLine()).optional(),
			})
		)
		.default({}),
	/**
	 * The platforms modules may name, in the order filters show them.
	 * @example [{ id: "linkedin", name: "LinkedIn" }]
	 */
	platforms: z
		.array(
			z.strictObject({
				/** The platform's id, which modules and updates write in their `platforms` lists. @example "linkedin" */
				id: id('platform'),
				/** The platform's name, as readers see it. @example "LinkedIn" */
				name: plainLine(),
			})
		)
		.default([]),
	/**
	 * Levels, from the first a newcomer should take to the most advanced.
	 * @default [{ id: "foundation", name: "Foundation" }, { id: "practitioner", name: "Practitioner" }, { id: "advanced", name: "Advanced" }]
	 */
	levels: z
		.array(
			z.strictObject({
				/** The level's id, which a module writes as its `level`. @example "practitioner" */
				id: id('level'),
				/** The level's name, as readers see it. @example "Practitioner" */
				name: plainLine(),
			})
		)
		.min(1)
		.default([
			{ id: 'foundation', name: 'Foundation' },
			{ id: 'practitioner', name: 'Practitioner' },
			{ id: 'advanced', name: 'Advanced' },
		]),
	/**
	 * Days after its last review that a module is due for another review, unless it sets its own.
	 * @default 180
	 */
	reviewInterval: z.number().int().positive().default(180),
	/**
	 * Hosts that modules may load images from, as bare host names. Images from any other host are
	 * rejected. Each one is written into every page's security policy, so it may hold nothing else.
	 * @default []
	 * @example ["upload.wikimedia.org"]
	 */
	imageHosts: z.array(imageHost).default([]),
	/**
	 * Editorial standards every module must meet; `npm run check` reports a module outside them.
	 * Omit a bound to leave it unchecked.
	 * @example { minWords: 900, maxWords: 2000, minOutcomes: 3, maxOutcomes: 5, minQuestions: 5, minChoices: 4, longestRightPerModule: 50, longestRightOverall: 35, shortestRightPerModule: 50, shortestRightOverall: 35 }
	 */
	standards: z
		.strictObject({
			/** Fewest words of body text (code and component tags not counted). */
			minWords: z.number().int().positive().optional(),
			/** Most words of body text. */
			maxWords: z.number().int().positive().optional(),
			/** Fewest learning outcomes. */
			minOutcomes: z.number().int().positive().optional(),
			/** Most learning outcomes. */
			maxOutcomes: z.number().int().positive().optional(),
			/** Fewest knowledge-check questions. */
			minQuestions: z.number().int().nonnegative().optional(),
			/** Fewest choices in each knowledge-check question. */
			minChoices: z.number().int().min(2).optional(),
			/**
			 * The largest share, in per cent, of a module's questions whose right answer is the longest
			 * choice, so that "pick the longest" is not a winning strategy.
			 * @example 50
			 */
			longestRightPerModule: z.number().min(0).max(100).optional(),
			/**
			 * The same share across every question of the curriculum.
			 * @example 35
			 */
			longestRightOverall: z.number().min(0).max(100).optional(),
			/**
			 * The largest share, in per cent, of a module's questions whose right answer is the shortest
			 * choice: the opposite habit, as easy for a guesser to learn.
			 * @example 50
			 */
			shortestRightPerModule: z.number().min(0).max(100).optional(),
			/**
			 * The same share across every question of the curriculum.
			 * @example 35
			 */
			shortestRightOverall: z.number().min(0).max(100).optional(),
			/** Fewest sources. */
			minSources: z.number().int().nonnegative().optional(),
		})
		.default({}),
	/**
	 * Size limits every content file is held to, so that no file can make the check or the build run
	 * for minutes or run out of memory. Each has a ceiling a curriculum cannot raise. A change to
	 * them needs a maintainer's review.
	 * @default { fileBytes: 65536, lineLength: 4000, nestingDepth: 30, codeBlockLines: 500 }
	 */
	limits: z
		.strictObject({
			/**
			 * The most bytes a file may have, in UTF-8; at most 262144 (256 KB).
			 * @default 65536
			 */
			fileBytes: limit(MAX_LIMITS.fileBytes).default(DEFAULT_LIMITS.fileBytes),
			/**
			 * The most characters one line may have; at most 16000.
			 * @default 4000
			 */
			lineLength: limit(MAX_LIMITS.lineLength).default(DEFAULT_LIMITS.lineLength),
			/**
			 * How deeply block quotes, lists, asides and elements may nest; at most 100.
			 * @default 30
			 */
			nestingDepth: limit(MAX_LIMITS.nestingDepth).default(DEFAULT_LIMITS.nestingDepth),
			/**
			 * The most lines one code block may have; at most 5000.
			 * @default 500
			 */
			codeBlockLines: limit(MAX_LIMITS.codeBlockLines).default(DEFAULT_LIMITS.codeBlockLines),
		})
		// `prefault` parses the empty object, so an omitted `limits` still gets every default.
		.prefault({}),
	/**
	 * Whether pages of previous major versions appear in search results.
	 * @default false
	 */
	searchArchived: z.boolean().default(false),
}).superRefine((config, ctx) => {
	// A translated level name must name a level the config has, or it would silently never show.
	const levels = config.levels.map((level) => level.id);
	for (const [locale, translation] of Object.entries(config.translations)) {
		for (const id of Object.keys(translation.levels ?? {})) {
			if (levels.includes(id)) continue;
			ctx.addIssue({
				code: 'custom',
				path: ['translations', locale, 'levels', id],
				message: `"${id}" is not one of the levels.`,
				params: { rule: 'schema', fix: `Use one of the level ids ${levels.map((level) => `"${level}"`).join(', ')}, or add "${id}" under \`levels\`.` },
			});
		}
	}
});

export type CurriculumConfigInput = z.input<typeof curriculumConfigSchema>;
export type CurriculumConfig = z.output<typeof curriculumConfigSchema>;
