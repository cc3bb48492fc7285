/**
 * The check itself, loaded by `verify.ts` when there is something to check: read the credential
 * out of a PNG or a JSON file, or take pasted text, verify it against the issuers written into the
 * page, and draw the verdict. Everything a credential says is put on the page as text, never as
 * markup, and only web addresses become links.
 */
import { BakedPngError, isPng, readBakedCredential } from '../lib/credentials/baked-png.ts';
import { verifyCredentialText, type CredentialSummary, type Verdict, type VerifyOptions } from '../lib/credentials/verify.ts';

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
		if (input.text.trim() === '') return { ok: false, code: 'unreadable', reason: 'There is nothing to check yet: paste the credential, the whole contents of the certificate’s .json file.' };
		return verifyCredentialText(input.text, options);
	}
	if (input.file.size > MAX_BYTES) return { ok: false, code: 'unreadable', reason: `${input.file.name} is too large to be a certificate. Choose the certificate’s .png or .json file.` };
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	if (!isPng(bytes)) return verifyCredentialText(new TextDecoder().decode(bytes), options);
	try {
		const text = await readBakedCredential(bytes, inflate);
		if (text === null) {
			return {
				ok: false,
				code: 'unreadable',
				reason: `${input.file.name} is an image with no credential inside: it is not a signed certificate, or the credential was removed from it (some apps do that when they edit or resize an image). Use the file as the issuer sent it.`,
			};
		}
		return verifyCredentialText(text, options);
	} catch (error) {
		if (error instanceof BakedPngError) return { ok: false, code: 'unreadable', reason: error.message };
		throw error;
	}
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

function details(summary: CredentialSummary): HTMLElement {
	const list = element('dl');
	const row = (term: string, ...values: (HTMLElement | string)[]) => {
		const value = element('dd');
		value.append(...values);
		list.append(element('dt', term), value);
	};
	row('Learner', summary.learner);
	row('Certificate', link(summary.trackUrl, summary.title), ...(summary.curriculum ? [`, ${summary.curriculum}`] : []));
	row('Completed on', summary.awarded ? formatDate(summary.awarded) : 'not given');
	const modules = element('ul');
	for (const module of summary.modules) {
		const item = element('li');
		item.append(link(module.url, module.name), module.description ? `: ${module.description.toLowerCase()}` : '');
		modules.append(item);
	}
	row('Modules', summary.modules.length > 0 ? modules : 'none listed');
	row('Issued by', link(summary.issuer.url, summary.issuer.name));
	if (summary.issued) row('Signed on', formatDate(summary.issued.slice(0, 10)));
	if (summary.validUntil) row('Valid until', formatDate(summary.validUntil.slice(0, 10)));
	return list;
}

/** The verdict as the page shows it: verified with the details, or not verified with the reason. */
export function renderVerdict(verdict: Verdict): HTMLElement {
	const box = element('div', undefined, { 'data-verdict': verdict.ok ? 'verified' : verdict.code });
	if (verdict.ok) {
		box.append(
			element('h3', 'Verified'),
			element('p', `${verdict.summary.issuer.name}, an issuer this site lists, signed this credential, and nothing in it has changed since.`),
			details(verdict.summary)
		);
	} else {
		box.append(element('h3', 'Not verified'), element('p', verdict.reason));
		// Only a credential whose signature holds has details worth showing, such as an expired one.
		if (verdict.summary) box.append(element('p', 'What the credential says:'), details(verdict.summary));
	}
	return box;
}
