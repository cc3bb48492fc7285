import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

/** A Markdown or MDX file cut where the compiler cuts it. */
export interface FencedSource {
	/** The YAML between the fences as Astro extracts it, or null when Astro finds none. */
	frontmatter: string | null;
	/**
	 * What the compiler is handed: the file with its frontmatter replaced by spaces, so every offset,
	 * line and column is the same as in the file.
	 */
	content: string;
	/** The text after the closing fence. */
	body: string;
	/** 1-based line on which the body starts. */
	bodyLine: number;
	/** Ways the fence differs from the one form every reader agrees on; each refuses the file. */
	problems: FenceProblem[];
}

export interface FenceProblem {
	offset: number;
	message: string;
	fix: string;
}

const FIX_FENCE =
	'Start the file with a line that is exactly `---`, write the YAML fields, and end them with another line that is exactly `---`; nothing may come before the first fence or after the second on its line.';

/**
 * Splits a file with the very function Astro's MDX compiler uses (`parseFrontmatter` in
 * "empty-with-spaces" mode), so the check reads the body the compiler will compile. Astro also
 * accepts `+++` fences, leading blank lines and a BOM, and ends the YAML at any line that merely
 * starts with `---`; other readers (the YAML parser, Sätteri's own frontmatter) end it elsewhere.
 * Only the one form on which all of them agree is accepted: `---` at the first byte, and a closing
 * line that is exactly `---`.
 */
export function splitLikeCompiler(source: string): FencedSource {
	const problems: FenceProblem[] = [];
	let frontmatter: string | null = null;
	let content = source;
	try {
		const parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
		content = parsed.content;
		frontmatter = parsed.rawFrontmatter === '' ? null : parsed.rawFrontmatter;
	} catch {
		// Astro's YAML reader failed; the YAML check reports why. Cut where a canonical fence would.
		const raw = canonicalRaw(source);
		if (raw !== null) {
			frontmatter = raw;
			content = `   ${raw.replace(/[^\r\n]/g, ' ')}   ${source.slice(raw.length + 6)}`;
		}
	}

	const opening = /^(?:---|\+\+\+)/.exec(source.replace(/^\uFEFF/, ''));
	if (frontmatter === null) {
		if (opening) problems.push(unclosed(source));
		else if (/^\s*\n(?:---|\+\+\+)/.test(source)) {
			problems.push({ offset: 0, message: 'The frontmatter has no closing fence that every reader agrees on.', fix: FIX_FENCE });
		}
		return { frontmatter, content, body: source, bodyLine: 1, problems };
	}

	const end = 3 + frontmatter.length + 3;
	const canonical =
		/^\r?\n/.test(frontmatter) && source.startsWith('---') && source.slice(3, 3 + frontmatter.length) === frontmatter && source.slice(end - 3, end) === '---';
	if (!canonical) {
		problems.push({
			offset: 0,
			message: source.startsWith('\uFEFF')
				? 'The file starts with a byte order mark (BOM) before its `---` fence.'
				: source.startsWith('+++')
					? 'The frontmatter is fenced with `+++`, which some readers take for TOML and others for text.'
					: 'The frontmatter does not start with `---` at the very first byte, or does not end with `---`.',
			fix: FIX_FENCE,
		});
	} else {
		const rest = source.slice(end);
		if (rest !== '' && !rest.startsWith('\n') && !rest.startsWith('\r\n')) {
			problems.push({
				offset: end,
				message: `The closing \`---\` fence is followed by \`${shorten(rest.split('\n', 1)[0]!, 40)}\` on the same line.`,
				fix: FIX_FENCE,
			});
		}
	}
	// A YAML reader ends a document at `...`, and line separators are line breaks to some readers only.
	const inside = /\n(\.\.\.|\+\+\+)[^\n]*|[\u0085\u2028\u2029]/.exec(frontmatter);
	if (inside) {
		problems.push({
			offset: 3 + inside.index + (inside[0].startsWith('\n') ? 1 : 0),
			message: inside[1]
				? `The frontmatter holds a line starting with \`${inside[1]}\`, which some readers take for its end.`
				: 'The frontmatter holds a line or paragraph separator character, which some readers take for a line break.',
			fix: FIX_FENCE,
		});
	}

	const cut = Math.min(end, source.length);
	const body = source.slice(cut);
	const bodyLine = source.slice(0, cut).split('\n').length + (body.startsWith('\n') ? 1 : 0);
	return { frontmatter, content, body: body.replace(/^\r?\n/, ''), bodyLine, problems };
}

/**
 * Where an opened frontmatter was meant to close, for a file no reader finds a closing fence in (so
 * no later line starts with `---`): the first later line that is only dashes, `--` or `---` set in by
 * spaces, or dashes typed as en or em dashes; otherwise the opening line.
 */
function unclosed(source: string): FenceProblem {
	const near = /\n([ \t]*(?:-{2,}|[\u2013\u2014]{1,3})[ \t]*)\r?(?=\n|$)/.exec(source.slice(3));
	if (!near) {
		return {
			offset: 0,
			message: 'The frontmatter that opens on line 1 is never closed: no later line is exactly `---`.',
			fix: `${FIX_FENCE} The first line after the fields that is not YAML is where the closing \`---\` belongs.`,
		};
	}
	return {
		offset: 3 + near.index + 1,
		message: `The line \`${near[1]!.trim()}\` seems meant to close the frontmatter, but a closing fence is a line of exactly \`---\`, so no reader ends the fields here.`,
		fix: 'Make this line exactly `---`: three hyphens, nothing before them and nothing after.',
	};
}

/** The YAML of a canonical `---` fence, found without a YAML reader, or null. */
function canonicalRaw(source: string): string | null {
	if (!source.startsWith('---\n') && !source.startsWith('---\r\n')) return null;
	const close = source.indexOf('\n---', 3);
	return close < 0 ? null : source.slice(3, close + 1);
}

function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
