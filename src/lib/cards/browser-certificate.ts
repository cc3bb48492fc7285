/**
 * The self-assessed certificate a track page offers: what the learner still has to do for it, what
 * it says once they have done everything (the versions they completed, the day they finished), and
 * the link that fills in LinkedIn's "Add licence or certification" form. Pure data work, shared by
 * the track page's small script and the tests; drawing is certificate.ts's job.
 */
import { passFor } from '../progress/passes.ts';
import type { ProgressView } from '../progress/peek.ts';
import type { CertificateInput, CertificateSize } from './certificate.ts';
import type { CertificateStrings } from './certificate-words.ts';

/** What a track page tells its certificate script, in a data attribute written by the build. */
export interface TrackCertificateData {
	/** The track's id. */
	track: string;
	trackTitle: string;
	/** The title printed on the certificate, from the track's `certificate.title`. */
	title: string;
	curriculum: string;
	/** Who offers the certificate: the curriculum, for a self-assessed one. */
	issuer: string;
	/** The track page's full address: the QR code's target and the certificate's URL on LinkedIn. */
	url: string;
	passMark: number;
	/** The track's modules in order, each at its current version. */
	modules: { id: string; title: string; href: string; quiz: boolean; version: string }[];
	/** For a page in another language than English: its code, for the certificate's date. */
	locale?: string;
	/** For a page in another language: the words drawn on the certificate. */
	strings?: CertificateStrings;
	/** For a page in another language: the page's words about the certificate, `{{mark}}` and `{{title}}` filled in. */
	text?: ToDoWords;
}

/** The words of to-do lines and of the LinkedIn certification's name. */
export interface ToDoWords {
	todoPass: string;
	todoComplete: string;
	todoBoth: string;
	linkedInName: string;
}

const ENGLISH_WORDS: ToDoWords = {
	todoPass: 'pass its knowledge check with {{mark}}% or more',
	todoComplete: 'complete it',
	todoBoth: 'complete it and pass its knowledge check with {{mark}}% or more',
	linkedInName: '{{title}} (self-assessed)',
};

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** What a module still needs before the certificate can be drawn. */
export type Step = 'complete' | 'complete-and-pass' | 'pass';

export interface ToDo {
	id: string;
	title: string;
	href: string;
	step: Step;
}

/**
 * The modules still standing between the learner and the certificate, in track order, each with
 * what it needs. Empty when the track is complete: every module complete, every check passed at
 * the pass mark (the same rule as `trackStatus`). A pass counts for the major of the version
 * completed, or of the current version for a module not complete: one from before a major revision
 * is of a check the revision may have rewritten (passes.ts).
 */
export function stillToDo(data: Pick<TrackCertificateData, 'modules' | 'passMark'>, view: ProgressView): ToDo[] {
	return data.modules.flatMap((module) => {
		const completed = view.completed.get(module.id);
		const complete = completed !== undefined;
		const passed = !module.quiz || (passFor(view, module.id, completed?.version ?? module.version)?.score ?? -1) >= data.passMark;
		if (complete && passed) return [];
		const step: Step = complete ? 'pass' : passed ? 'complete' : 'complete-and-pass';
		return [{ id: module.id, title: module.title, href: module.href, step }];
	});
}

/** A to-do as a learner reads it: “Serving”: pass its knowledge check with 75% or more. */
export function toDoText(item: ToDo, passMark: number, words: ToDoWords = ENGLISH_WORDS): string {
	return fill(item.step === 'pass' ? words.todoPass : item.step === 'complete' ? words.todoComplete : words.todoBoth, { mark: passMark });
}

/** The calendar day (`YYYY-MM-DD`) of a moment in a time zone, the browser's own unless one is given. */
export function dayOf(iso: string, timeZone?: string): string {
	// Canadian English writes dates as year-month-day, which is the form the certificate takes.
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The day the track was completed: the day of the latest completion among its modules, where the learner is. */
export function completionDay(data: Pick<TrackCertificateData, 'modules'>, view: ProgressView, timeZone?: string): string | undefined {
	const moments = data.modules.flatMap((module) => {
		const at = view.completed.get(module.id)?.at;
		return at ? [at] : [];
	});
	if (moments.length === 0) return undefined;
	const latest = moments.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
	return dayOf(latest, timeZone);
}

/**
 * The certificate's contents for a complete track: the modules at the versions the learner
 * completed (which may be older than the current ones), and the learner's name as typed (the
 * renderer cleans it, and refuses it with a message when it cannot print it).
 */
export function certificateInput(data: TrackCertificateData, view: ProgressView, name: string, timeZone?: string): CertificateInput {
	return {
		name,
		track: data.trackTitle,
		title: data.title,
		curriculum: data.curriculum,
		date: completionDay(data, view, timeZone) ?? dayOf(new Date().toISOString(), timeZone),
		modules: data.modules.map((module) => ({ title: module.title, version: view.completed.get(module.id)?.version ?? '' })),
		issuer: data.issuer,
		verified: false,
		url: data.url,
		...(data.locale ? { locale: data.locale } : {}),
		...(data.strings ? { strings: data.strings } : {}),
	};
}

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

/**
 * LinkedIn's "Add to profile" address with the certification filled in: its name, the
 * organisation, the month of issue and the address where anyone can read what it covers. The name
 * says it is self-assessed, as the certificate itself does, so the profile claims no more than it.
 */
export function linkedInHref(data: TrackCertificateData, day: string): string {
	const [year, month] = day.split('-');
	const params = new URLSearchParams({
		startTask: 'CERTIFICATION_NAME',
		name: fill((data.text ?? ENGLISH_WORDS).linkedInName, { title: data.title }),
		organizationName: data.issuer,
		issueYear: String(Number(year)),
		issueMonth: String(Number(month)),
		certUrl: data.url,
	});
	return `${LINKEDIN_ADD_TO_PROFILE}?${params}`;
}

/** The downloaded file's name: the track's id, which is already safe in any file system. */
export const certificateFileName = (data: TrackCertificateData, size: CertificateSize) => `${data.track}-certificate${size === 'print' ? '-print' : ''}.png`;
