/** URL helpers for the content check: what scheme a browser would see, and where an image comes from. */

export const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/**
 * The destinations written in a Markdown link, image or definition, as source text. They are
 * checked next to the parsed URL so that the check does not depend on the parser decoding
 * everything a browser would. Every `](` or `]:` is a candidate; an over-eager match can only
 * make the check stricter.
 */
export function markdownDestinations(raw: string): string[] {
	const starts: number[] = [];
	if (raw.startsWith('<')) starts.push(1);
	const marker = /\]\(|\]:/g;
	for (let match = marker.exec(raw); match; match = marker.exec(raw)) starts.push(match.index + 2);
	// Link text can repeat `](` inside code spans thousands of times; the destination follows one of
	// the first few or the last few, and only its start can spell a scheme. Bounding both keeps the
	// check linear in the size of the file (the parsed address is always checked in full).
	const chosen = starts.length > 2 * MAX_CANDIDATES ? [...starts.slice(0, MAX_CANDIDATES), ...starts.slice(-MAX_CANDIDATES)] : starts;
	return chosen.map((start) => raw.slice(start, start + CANDIDATE_LENGTH).replace(/^[\s<]+/, ''));
}

const MAX_CANDIDATES = 8;
const CANDIDATE_LENGTH = 1_024;

/**
 * The scheme a browser could see in a URL: entities and percent escapes decoded (repeatedly, in case
 * of double encoding) and all whitespace, control and invisible characters removed, since browsers
 * drop some of them and this check should not care which.
 */
export function schemeOf(url: string): string | null {
	let value = url;
	for (let round = 0; round < 5; round++) {
		const next = percentDecode(decodeEntities(value)).replace(INVISIBLE, '');
		if (next === value) break;
		value = next;
	}
	const match = /^([a-z][a-z\d+.-]*):/i.exec(value);
	return match ? match[1]!.toLowerCase() : null;
}

const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

export function unsafeScheme(candidates: readonly string[]): string | null {
	for (const candidate of candidates) {
		const scheme = schemeOf(candidate);
		if (scheme !== null && UNSAFE_SCHEMES.has(scheme)) return scheme;
	}
	return null;
}

/**
 * The URL as a browser resolves it: it drops tabs and line breaks anywhere, trims spaces and control
 * characters at both ends, and treats `\` like `/`, so `/\host` is protocol-relative.
 */
export function browserUrl(url: string): string {
	return url
		.replace(/[\t\n\r]/g, '')
		.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
		.replace(/\\/g, '/');
}

/** The host of a URL that points outside the repository, or null when it is a local path. */
export function remoteHost(url: string): { host: string | null } | null {
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url);
	if (!scheme && !url.startsWith('//')) return null;
	const isHttp = scheme ? /^https?$/i.test(scheme[1]!) : true;
	if (!isHttp) return { host: null };
	try {
		return { host: normaliseHost(new URL(scheme ? url : `https:${url}`).hostname) };
	} catch {
		return { host: null };
	}
}

/** A host name such as `upload.wikimedia.org`: letters, digits and hyphens in dot-separated labels, a final dot allowed. */
export function isHostName(host: string): boolean {
	return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\.?$/i.test(host);
}

export function normaliseHost(host: string): string {
	return host.trim().toLowerCase().replace(/\.$/, '');
}

export function fileNameOf(url: string): string {
	const path = url.split(/[?#]/, 1)[0] ?? '';
	const name = path.slice(path.lastIndexOf('/') + 1);
	return /^[\w.-]+\.[a-z0-9]+$/i.test(name) ? name : 'image.png';
}

/** Decodes a path as Astro does before it imports an image (`decodeURI`, which keeps `%3F` and the like). */
export function safeDecodeUri(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/** Decodes every escape in a path, `%2F` and `%3F` included, or keeps it as it is when it cannot be. */
export function safeDecodeUriComponent(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

function percentDecode(value: string): string {
	return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Named references a browser decodes, limited to those that can spell a URL scheme or the space and
 * control characters around one. Letters have no named references, so these are enough to reveal
 * `javascript:` in any encoding.
 */
const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	Tab: '\t',
	NewLine: '\n',
	colon: ':',
	semi: ';',
	sol: '/',
	bsol: '\\',
	lpar: '(',
	rpar: ')',
	period: '.',
	comma: ',',
	excl: '!',
	quest: '?',
	num: '#',
	percnt: '%',
	equals: '=',
	plus: '+',
	lowbar: '_',
	UnderBar: '_',
	commat: '@',
	dollar: '$',
	ast: '*',
	midast: '*',
	lsqb: '[',
	lbrack: '[',
	rsqb: ']',
	rbrack: ']',
	lcub: '{',
	lbrace: '{',
	rcub: '}',
	rbrace: '}',
	verbar: '|',
	vert: '|',
	VerticalLine: '|',
	grave: '`',
	DiacriticalGrave: '`',
	Hat: '^',
	shy: '\u00ad',
	ZeroWidthSpace: '\u200b',
	NoBreak: '\u2060',
	zwnj: '\u200c',
	zwj: '\u200d',
};

/** Decodes numeric references (the semicolon is optional, as in browsers) and the names above. */
export function decodeEntities(value: string): string {
	return value.replace(
		/&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]*);)/g,
		(whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
			if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
			const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
			const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
			return valid ? String.fromCodePoint(code) : '\ufffd';
		}
	);
}

export function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

export function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Shows a URL with control characters spelled out, so that a hidden tab is visible in the message. */
export function showUrl(url: string): string {
	const visible = url.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, (char) => {
		if (char === '\t') return '\\t';
		if (char === '\n') return '\\n';
		if (char === '\r') return '\\r';
		return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
	return shorten(visible, 80);
}
