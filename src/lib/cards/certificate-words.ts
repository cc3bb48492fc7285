/**
 * The words a certificate draws around the learner's data, in English or a translation, and what a
 * site must be able to draw of them. Kept apart from the design (certificate.ts) so that the build
 * can plan the certificates' fonts without loading the renderer.
 */
/** The words the design draws around the learner's data. */
export interface CertificateStrings {
	heading: string;
	certifies: string;
	completedTrack: string;
	modules: string;
	/** With `{{version}}`. */
	version: string;
	/** With `{{count}}`. */
	more: string;
	/** With `{{date}}`. */
	completedOn: string;
	/** With `{{issuer}}`. */
	issuedBy: string;
	offeredBy: string;
	verifiedBy: string;
	selfAssessed: string;
	verifiedNote: string;
	selfNote: string;
}

export const ENGLISH_CERTIFICATE: CertificateStrings = {
	heading: 'Certificate of completion',
	certifies: 'This certifies that',
	completedTrack: 'has completed the track',
	modules: 'Modules completed',
	version: 'version {{version}}',
	more: 'and {{count}} more modules',
	completedOn: 'Completed on {{date}}',
	issuedBy: 'Issued by {{issuer}}',
	offeredBy: 'Offered by {{issuer}}',
	verifiedBy: 'Verified by {{issuer}}',
	selfAssessed: 'Self-assessed',
	verifiedNote: 'The issuer checked this learner’s work and signed this certificate. To confirm it, open the address or scan the code, and give the page this file.',
	selfNote: 'The learner completed the modules and their knowledge checks on their own; no one has verified this certificate.',
};

export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** What a certificate says that is known before a learner asks for it: all but the name, the day and the versions. */
export interface CertificateWords {
	title?: string;
	track: string;
	curriculum: string;
	issuer: string;
	url: string;
	modules: readonly { title: string }[];
	locale?: string;
	strings?: CertificateStrings;
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');

/**
 * Every character a certificate with these words can draw in regular weight, for any learner, any
 * day and any module versions (printable ASCII stands for the versions and counts; each day of a
 * month and the first of every month, in the certificate's language, for the date). A browser
 * drawing the certificate knows everything else before the learner types a name, which is drawn in
 * bold alone: the site ships regular-weight fonts for this text only (browser-assets.ts). Composed as
 * the design composes its text (`cleanText`).
 */
export function regularCertificateText(words: CertificateWords): string {
	const day = (month: number, date: number) => `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
	const days = [...Array.from({ length: 31 }, (_, index) => day(1, index + 1)), ...Array.from({ length: 12 }, (_, index) => day(index + 1, 1))];
	return [
		words.title ?? '',
		words.track,
		words.curriculum,
		words.issuer,
		words.url,
		...words.modules.map((module) => module.title),
		fixedWords(words.strings ?? ENGLISH_CERTIFICATE),
		...days.map((date) => formatDate(date, words.locale)),
		PRINTABLE_ASCII,
	]
		.join(' ')
		.normalize('NFC');
}

/** A certificate's own words, in English or a translation, without their placeholders, for planning fonts. */
export const fixedWords = (strings: CertificateStrings) => Object.values(strings).map((text) => fill(text, {})).join(' ');

/** "23 November 2026": the day as written where the certificate is read, never shifted by a time zone. */
export function formatDate(date: string, locale = 'en'): string {
	let format = formats.get(locale);
	if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
	return format.format(new Date(`${date}T00:00:00Z`));
}

const formats = new Map<string, Intl.DateTimeFormat>();
