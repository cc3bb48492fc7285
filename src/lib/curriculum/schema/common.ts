import { z } from 'zod';
import { characterKind, describeCharacter, escapeInvisible, quoteText } from '../../safety/bytes.ts';

/** Ids are the file names of modules, tracks and updates: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An example id of each kind, for messages: a level's id is no module's. */
const EXAMPLE_IDS: Record<string, string> = { module: 'audience-research', level: 'practitioner', platform: 'instagram' };

export const id = (what: string) =>
	z.string().regex(ID_PATTERN, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a valid ${what} id: use lower-case letters, digits and single hyphens, like "${EXAMPLE_IDS[what] ?? 'audience-research'}".`,
	});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers turn such values into `Date` objects; both
 * forms are accepted and the output is always the `YYYY-MM-DD` string, so no time zone shifts it.
 */
export const isoDate = z
	.union([z.date(), z.string()])
	.transform((value, ctx) => {
		const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
		const parsed = new Date(`${text}T00:00:00Z`);
		if (!ISO_DATE.test(text)) {
			ctx.addIssue({
				code: 'custom',
				message: `${JSON.stringify(value)} is not a date in the form YYYY-MM-DD, like 2026-11-23.`,
				params: { fix: 'Write the date as year-month-day with two-digit months and days, for example 2026-03-07 for 7 March 2026.' },
			});
			return z.NEVER;
		}
		if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
			// The form is right; the month has no such day (2026-02-30), or there is no such month.
			ctx.addIssue({
				code: 'custom',
				message: `${JSON.stringify(text)} is written as a date but is no day of the calendar: check the month and the day.`,
				params: { fix: 'Write a day that exists, as year-month-day: months run from 01 to 12, and February has 28 days, 29 in a leap year.' },
			});
			return z.NEVER;
		}
		return text;
	});

/** Semantic version `MAJOR.MINOR.PATCH`, without a leading `v`. */
export const semver = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, {
	error: (issue) =>
		`${JSON.stringify(issue.input)} is not a version of the form MAJOR.MINOR.PATCH, like "1.2.0".`,
});

/** Characters some references stand for, to show authors what to write instead. */
const NAMED_REFERENCES: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: 'a no-break space', mdash: '—', ndash: '–', hellip: '…',
	lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', eacute: 'é', euro: '€',
};

interface TextProblem {
	message: string;
	fix: string;
}

const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isHex = (code: number) => isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

/** The length of a character reference (`&amp;`, `&#38;`, `&#x26;`) at `at`, or 0. */
const LEGACY_NAMES = ['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'AMP', 'LT', 'GT', 'QUOT'];

function referenceLength(text: string, at: number): number {
	let i = at + 1;
	if (text.charCodeAt(i) === 0x23) {
		i++;
		const hex = text.charCodeAt(i) === 0x78 || text.charCodeAt(i) === 0x58;
		if (hex) i++;
		const digits = i;
		while (i - digits < 8 && (hex ? isHex : isDigit)(text.charCodeAt(i))) i++;
		// Browsers decode a numeric reference without its ";" too, as in "&#60b".
		if (i === digits) return 0;
		return text.charCodeAt(i) === 0x3b ? i + 1 - at : i - at;
	}
	if (!isLetter(text.charCodeAt(i))) return 0;
	while (i - at < 32 && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
	if (text.charCodeAt(i) === 0x3b) return i + 1 - at;
	// A few old names are decoded without ";" as well, as in "&lt chips"; "R&D" stays text.
	const legacy = LEGACY_NAMES.find((name) => text.startsWith(name, at + 1));
	return legacy ? legacy.length + 1 : 0;
}

function referenceMeans(reference: string): string | null {
	const numeric = /^&#(x?)([0-9a-f]+);$/i.exec(reference);
	if (!numeric) return NAMED_REFERENCES[reference.slice(1, -1)] ?? null;
	const code = Number.parseInt(numeric[2]!, numeric[1] ? 16 : 10);
	return code > 0x20 && code <= 0x10ffff && characterKind(code) === null ? String.fromCodePoint(code) : null;
}

/**
 * The first reason a value is not plain text, or null. Markup is what an HTML parser would read as
 * markup: `<` before a letter, `/`, `!` or `?` opens a tag, a comment or a processing instruction,
 * and `&…;` is a character reference. A `<` before anything else (`<5 minutes`) is an ordinary sign.
 */
function textProblem(text: string, singleLine: boolean): TextProblem | null {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x3c) {
			const next = text.charCodeAt(i + 1);
			if (isLetter(next) || next === 0x2f || next === 0x21 || next === 0x3f) {
				const close = text.indexOf('>', i);
				const markup = escapeInvisible(close > i && close - i < 40 ? text.slice(i, close + 1) : `${text.slice(i, i + 12)}…`);
				// An element's closing tag has to go too, or it is the next thing reported.
				const name = /^<([a-zA-Z][\w-]*)/.exec(markup)?.[1];
				const closing = name !== undefined && text.includes(`</${name}>`, i) ? ` and \`</${name}>\`` : '';
				return {
					message: `holds the markup \`${markup}\`, but it is shown to readers as text.`,
					fix: `remove \`${markup}\`${closing}; emphasis and links belong in the body, not in this field. To write the sign "<" itself, put a space after it ("a < b").`,
				};
			}
		} else if (code === 0x26) {
			const length = referenceLength(text, i);
			if (length > 0) {
				const reference = text.slice(i, i + length);
				const means = referenceMeans(reference);
				return {
					message: `holds the character reference \`${reference}\`, which readers would see as written.`,
					fix: means
						? `write the character itself (${means.length === 1 ? `"${means}"` : means}) instead of \`${reference}\`.`
						: `write the character itself instead of \`${reference}\`. If the "&" stands for itself, put a space after it or reword, so that no ";" directly follows the word after it.`,
				};
			}
		} else if (singleLine && (code === 0x0a || code === 0x0d)) {
			return {
				message: 'runs over more than one line.',
				fix: 'keep it on one line. Under a `|` block every line break is kept; write the value in quotes, or use `>-`, which joins the lines.',
			};
		} else if (code < 0x20 || code >= 0x7f) {
			const kind = characterKind(code);
			if (kind === null || (kind === 'control' && (code === 0x09 || code === 0x0a || code === 0x0d))) continue;
			// A pair of surrogates is one character, such as an emoji.
			if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
				i++;
				continue;
			}
			return {
				message: `holds the invisible character ${describeCharacter(code)}.`,
				fix: 'delete it. In double quotes YAML turns escapes such as "\\u202e" into characters, so look for one of those too.',
			};
		}
	}
	return markdownProblem(text);
}

/**
 * Markdown a contributor used to writing the body writes in a field too: a link, strong or emphasised
 * words, code. A field is printed as text, so readers would see the brackets, stars and backticks,
 * and a link there is neither followed nor checked. A lone star or underscore (`5 * 3`, `snake_case`)
 * is text, and so is a bracket not followed by an address in parentheses.
 */
function markdownProblem(text: string): TextProblem | null {
	const link = /!?\[([^\]\n]+)\]\(([^()\s]*)\)/.exec(text);
	if (link) {
		return {
			message: `holds the Markdown ${link[0].startsWith('!') ? 'image' : 'link'} \`${link[0]}\`, which readers would see as written, and whose address no one follows or checks.`,
			fix: `write the words alone ("${link[1]}"); links belong in the body, where they are checked.`,
		};
	}
	const marked = /(?<![\w*_\\])(\*\*|__|\*|_)(?=[^\s*_])([^\n]*?[^\s*_\\])\1(?![\w*_])/.exec(text) ?? /(`+)(?=\S)([^`\n]*?\S)\1(?!`)/.exec(text);
	if (marked) {
		const code = marked[1]!.startsWith('`');
		const kind = code ? 'code' : marked[1]!.length === 2 ? 'strong emphasis' : 'emphasis';
		return {
			message: `holds the Markdown ${kind} ${code ? `"${marked[0]}"` : `\`${marked[0]}\``}, which readers would see as written, with its ${code ? 'backticks' : 'marks'}.`,
			fix: `write "${marked[2]}" without the ${code ? 'backticks' : marked[1]}; emphasis and code belong in the body, not in this field.`,
		};
	}
	return null;
}

/**
 * What an empty text field is told, where its schema gives no words of its own. It says nothing of
 * the field, which zod does not know here; the check names it (`title` is empty) from the path.
 */
export const EMPTY_TEXT = 'The text is empty, or holds only spaces.';

/**
 * Text readers see as it is written: a title, a summary, a question, a name. Markup, character
 * references and invisible characters are refused. Astro escapes text it prints, so markup would
 * show as code; and a few places (the page's `<title>` and the home page's hero, both written by
 * Starlight) insert the text as HTML, where markup would run. `singleLine` also refuses line
 * breaks, for titles and names.
 */
export function plainText(options: { singleLine?: boolean; empty?: string } = {}) {
	return z
		.string()
		.trim()
		.min(1, options.empty ?? EMPTY_TEXT)
		.superRefine((value, ctx) => {
			const problem = textProblem(value, options.singleLine ?? false);
			if (!problem) return;
			ctx.addIssue({
				code: 'custom',
				message: `${quoteText(value)} ${problem.message}`,
				params: { rule: 'plain-text', fix: `Write plain text: ${problem.fix}` },
			});
		});
}

/** A title or a name: plain text on one line. */
export const plainLine = (empty?: string) => plainText({ singleLine: true, ...(empty ? { empty } : {}) });

export const httpUrl = z.url({
	protocol: /^https?$/,
	error: (issue) => `${JSON.stringify(issue.input)} is not a full http(s) URL, like "https://example.org/page".`,
});

/** A source that backs a figure or a platform-specific claim. */
export const source = z.strictObject({
	/**
	 * Title of the page or document, as its publisher gives it.
	 * @example "About Reels"
	 */
	title: plainLine('A source needs a title.'),
	/**
	 * Who published it: the platform, the organisation or the journal.
	 * @example "Instagram Help Centre"
	 */
	publisher: plainLine('A source needs a publisher.'),
	/**
	 * Where to read it. Prefer the platform's own documentation.
	 * @example "https://help.instagram.com/270447560766967"
	 */
	url: httpUrl,
	/**
	 * When you last read the source and checked that it still says what the module or update
	 * claims it says.
	 * @example 2026-11-20
	 */
	accessed: isoDate,
	/**
	 * What a reader should know about the source: what it was used for, or why a report stands in
	 * for an official page that could not be read.
	 * @example "The Help Centre page could not be read; this independent report quotes it."
	 */
	note: plainLine().optional(),
});

export type SourceInput = z.input<typeof source>;
export type Source = z.output<typeof source>;

/** A person or group credited for a module: a name, or a name with a profile link. */
export const contributor = z.union([
	plainLine(),
	z.strictObject({
		/** The name to credit. */
		name: plainLine(),
		/** A profile or home page. */
		url: httpUrl.optional(),
		/**
		 * Whether the name is a team or organisation, which citations write as given ("Currents
		 * editorial team.") rather than as a person's family name and initials. A name whose last word
		 * is one such as "team", "editors", "staff" or "university" counts as a group unless this is false.
		 */
		group: z.boolean().optional(),
	}),
]);
