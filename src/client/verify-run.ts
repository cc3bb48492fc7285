/**
 * The check itself, loaded by `verify.ts` when there is something to check: read the credential
 * out of a PNG or a JSON file, or take pasted text, verify it against the issuers written into the
 * page, and draw the verdict. Everything a credential says is put on the page as text, never as
 * markup, and only web addresses become links. Everything it writes is in the page's words (see
 * `wordsOf`), with English from the interface strings as the fallback.
 */
import { refuse, verifyCredentialText, type CredentialSummary, type Verdict, type VerifyOptions } from '../lib/credentials/verify.ts';
import { verifyFileBytes } from '../lib/credentials/verify-file.ts';
import { en as ENGLISH } from '../lib/i18n/ui/verify.ts';
import { fill, type Say } from './progress-text.ts';
import { refusalText, type Refusal } from '../lib/credentials/refusal.ts';

const PREFIX = 'currents.verify.';
/** The English words of a short key: the fallback when the page gives none. */
const english = (key: string): string => (ENGLISH as Record<string, string>)[`${PREFIX}${key}`] ?? key;
/** `wordsOf` gives its English fallback as it is, so English text is filled in before it is passed. */
const inEnglish: Say = (_key, text) => text;

/** "23 November 2026", as the certificate writes it, never shifted by the reader's time zone. */
const formatDate = (date: string) => new Intl.DateTimeFormat(document.documentElement.lang || 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Files larger than this are not certificates; reading them would only hang the page. */
const MAX_BYTES = 40 * 1024 * 1024;

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(new DecompressionStream('deflate'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The verdict on a chosen or dropped file, or on pasted text. */
export async function checkInput(input: { file: File } | { text: string }, options: VerifyOptions): Promise<Verdict> {
	if ('text' in input) {
		if (input.text.trim() === '') return refuse('unreadable', { key: 'reasonEmpty' });
		return verifyCredentialText(input.text, options);
	}
	if (input.file.size > MAX_BYTES) return refuse('unreadable', { key: 'reasonTooLarge', values: { file: input.file.name } });
	return verifyFileBytes(new Uint8Array(await input.file.arrayBuffer()), input.file.name, options, inflate);
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}) => {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	return node;
};

/** A link for a web address, or plain text for anything else a credential might hold. */
function link(url: string | undefined, text: string): HTMLElement {
	return url && /^https?:\/\//i.test(url) ? element('a', text, { href: url, rel: 'noopener' }) : element('span', text);
}

function details(summary: CredentialSummary, say: Say): HTMLElement {
	const word = (key: string, values?: Record<string, string>) => say(key, fill(english(key), values), values);
	// The defaults `summarize` writes for what a credential leaves out, in the page's words.
	const named = (text: string, key: string) => (text === english(key) ? word(key) : text);
	const list = element('dl');
	const row = (term: string, ...values: (HTMLElement | string)[]) => {
		const value = element('dd');
		value.append(...values);
		list.append(element('dt', term), value);
	};
	row(word('learner'), named(summary.learner, 'unnamedLearner'));
	// A title in another language than the page's is marked as such, so that a screen reader reads it in its own.
	const title = link(summary.trackUrl, named(summary.title, 'untitled'));
	if (summary.language && summary.language !== (document.documentElement.lang || 'en')) title.setAttribute('lang', summary.language);
	row(word('certificate'), title, ...(summary.curriculum ? [`, ${summary.curriculum}`] : []));
	row(word('completedOn'), summary.awarded ? formatDate(summary.awarded) : word('notGiven'));
	const modules = element('ul');
	for (const module of summary.modules) {
		const item = element('li');
		item.append(link(module.url, named(module.name, 'unnamedModule')), module.description ? `: ${module.description.toLowerCase()}` : '');
		modules.append(item);
	}
	row(word('modules'), summary.modules.length > 0 ? modules : word('noneListed'));
	row(word('issuedBy'), link(summary.issuer.url, summary.issuer.name));
	if (summary.issued) row(word('signedOn'), formatDate(summary.issued.slice(0, 10)));
	if (summary.validUntil) row(word('validUntil'), formatDate(summary.validUntil.slice(0, 10)));
	return list;
}

/**
 * The verdict as the page shows it: verified with the details, or not verified with the reason, in
 * the page's words. What a refusal quotes in English (a library's message) is marked as English.
 */
export function renderVerdict(verdict: Verdict, say: Say = inEnglish): HTMLElement {
	const word = (key: string, values?: Record<string, string>) => say(key, fill(english(key), values), values);
	const box = element('div', undefined, { 'data-verdict': verdict.ok ? 'verified' : verdict.code });
	if (verdict.ok) {
		box.append(element('h3', word('verified')), element('p', word('verifiedText', { issuer: verdict.summary.issuer.name })), details(verdict.summary, say));
	} else {
		// A revoked certificate is named for what it is: genuine, and withdrawn by its issuer.
		box.append(element('h3', word(verdict.code === 'revoked' ? 'revoked' : 'notVerified')), refusalParagraph(verdict.refusal, say));
		// Only a credential whose signature holds has details worth showing, such as an expired or revoked one.
		if (verdict.summary) box.append(element('p', word('credentialSays')), details(verdict.summary, say));
	}
	return box;
}

/** The primary language of a language tag, such as `fi` for `fi-FI`. */
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * A refusal in the page's words, with each value it names in another language than the page's (a
 * library's English message, an issuer's reason) wrapped in an element that says its language.
 */
function refusalParagraph(refusal: Refusal, say: Say): HTMLElement {
	const paragraph = element('p');
	const page = primary(document.documentElement.lang || 'en');
	const quoted = Object.entries(refusal.languages ?? {}).filter(([, lang]) => primary(lang) !== page);
	// Each such value goes in as a marker first, so that the page's sentence can be cut around it.
	const values = { ...refusal.values, ...Object.fromEntries(quoted.map(([name]) => [name, `\u0000${name}\u0000`])) };
	const text = say(refusal.key, refusalText({ key: refusal.key, values }), values);
	const languages = new Map(quoted);
	for (const part of text.split(/(\u0000\w+\u0000)/)) {
		const name = /^\u0000(\w+)\u0000$/.exec(part)?.[1];
		if (name === undefined) paragraph.append(part);
		else paragraph.append(element('span', refusal.values?.[name] ?? '', { lang: languages.get(name)! }));
	}
	return paragraph;
}
