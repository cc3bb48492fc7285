/**
 * A track page's certificate: what is still to do for it, and once the track is complete, the name
 * field, the download buttons and the LinkedIn link. The drawing code (certificate-render.ts) and
 * the fonts load only when the learner presses a download button with a name typed in, so a track
 * page costs only this small script until then.
 */
import { certificateFileName, certificateInput, completionDay, linkedInHref, stillToDo, toDoText, type TrackCertificateData } from '../lib/cards/browser-certificate.ts';
import type { CertificateSize } from '../lib/cards/certificate.ts';
import { cleanName, type NameProblem } from '../lib/cards/text.ts';
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import { peekProgress } from '../lib/progress/peek.ts';
import { el, onProgressChange, readStored } from './progress-common.ts';

/** A name the certificate cannot hold: its problem has words in the page's language. */
const refusedName = (error: unknown): error is Error & { problem?: NameProblem } => error instanceof Error && error.name === 'CardTextError';

/** Why a file the drawing needs did not arrive, as `AssetError` (browser-environment.ts) says, if that was the trouble. */
const assetTrouble = (error: unknown) => (error instanceof Error && error.name === 'AssetError' ? (error as Error & { reason?: string }).reason : undefined);

/**
 * The key of the words for a drawing that failed. The learner is told what they can do, never the
 * browser's own message: drawing needs the drawing code and fonts from the site, so without a
 * connection they try again once online (their name stays in the field, their progress in the
 * browser); online, a reload fetches the files of the site as it is now.
 */
function failureKey(problem: unknown, loaded: boolean): string {
	const trouble = assetTrouble(problem);
	if (!loaded || trouble === 'unreachable') return navigator.onLine ? 'drawUnreachable' : 'drawOffline';
	return trouble === 'missing' ? 'drawMissing' : 'drawFailed';
}

/** One track's certificate: its data, its words, its elements and the drawing the preview shows. */
interface Certificate {
	data: TrackCertificateData;
	say: (key: string, values?: Record<string, string>) => string;
	intro: HTMLElement;
	todo: HTMLElement;
	todoList: HTMLElement;
	ready: HTMLElement;
	input: HTMLInputElement;
	error: HTMLElement;
	status: HTMLElement;
	preview: HTMLElement;
	linkedin: HTMLAnchorElement;
	buttons: HTMLButtonElement[];
	/** Object URLs of the last drawing: kept while the preview shows it, released for the next. */
	drawn: string | undefined;
	busy: boolean;
}

/** The learner's progress as this browser holds it. */
const view = () => peekProgress(readStored(STORAGE_KEYS.progress));

/** Shows what is still to do for the track, or, once it is complete, the name field, the download buttons and the LinkedIn link. */
function render(certificate: Certificate): void {
	const { data, intro, todo, todoList, ready, linkedin } = certificate;
	const current = view();
	const left = stillToDo(data, current);
	const complete = left.length === 0 && data.modules.length > 0;
	intro.hidden = complete;
	todo.hidden = complete;
	ready.hidden = !complete;
	// Before any module is done, the intro above has said what each one needs: the list only names them.
	const fresh = left.every((item) => item.step === 'complete-and-pass');
	todoList.replaceChildren(
		...left.map((item) => el('li', { 'data-certificate-todo-item': item.id }, el('a', { href: item.href }, item.title), ...(fresh ? [] : [`: ${toDoText(item, data.passMark, data.text)}`])))
	);
	const day = completionDay(data, current);
	if (complete && day) linkedin.href = linkedInHref(data, day);
}

/**
 * Shows what is wrong with the typed name beside the name field, in the page's language where the
 * problem has words there, and puts the cursor back in it. The last drawing and its message go: they
 * are of a name no longer in the field.
 */
function showError(certificate: Certificate, problem: Error & { problem?: NameProblem }): void {
	const { key, values } = problem.problem ?? {};
	const words = key ? certificate.say(key, values) : undefined;
	certificate.error.textContent = words && words !== key ? words : problem.message;
	certificate.status.textContent = '';
	certificate.preview.replaceChildren();
	if (certificate.drawn) URL.revokeObjectURL(certificate.drawn);
	certificate.drawn = undefined;
	certificate.input.setAttribute('aria-invalid', 'true');
	certificate.input.focus();
}

/** Takes away the name field's error. */
function clearError(certificate: Certificate): void {
	certificate.error.textContent = '';
	certificate.input.removeAttribute('aria-invalid');
}

/** Marks the download buttons as unavailable while a certificate is being drawn, and available again after. */
function setBusy(certificate: Certificate, on: boolean): void {
	certificate.busy = on;
	for (const button of certificate.buttons) button.setAttribute('aria-disabled', String(on));
	certificate.ready.setAttribute('aria-busy', String(on));
}

/** Draws the certificate with the typed name, shows it in the preview and downloads it. */
async function download(certificate: Certificate, size: CertificateSize): Promise<void> {
	const { data, say, input, status, preview } = certificate;
	if (certificate.busy) return;
	let name: string;
	try {
		name = cleanName(input.value);
	} catch (problem) {
		if (refusedName(problem)) return showError(certificate, problem);
		throw problem;
	}
	clearError(certificate);
	const current = view();
	// Progress may have changed in another tab since the page showed the buttons.
	if (stillToDo(data, current).length > 0) return render(certificate);
	setBusy(certificate, true);
	status.textContent = say(size === 'print' ? 'drawingPrint' : 'drawing');
	// Whether the drawing code arrived: when it did not, the connection is the trouble.
	let loaded = false;
	try {
		const { drawCertificate } = await import('./certificate-render.ts');
		loaded = true;
		const png = await drawCertificate(certificateInput(data, current, name), size);
		const file = certificateFileName(data, size);
		if (certificate.drawn) URL.revokeObjectURL(certificate.drawn);
		const drawn = URL.createObjectURL(png);
		certificate.drawn = drawn;
		const alt = say('previewAlt', { title: data.title, name });
		preview.replaceChildren(el('a', { href: drawn, download: file, title: say('downloadAgain', { file }) }, el('img', { src: drawn, alt })));
		el('a', { href: drawn, download: file }).click();
		status.textContent = say('downloaded', { file });
	} catch (problem) {
		status.textContent = '';
		if (refusedName(problem)) return showError(certificate, problem);
		// The browser's words are for whoever looks into it, in the console; the learner's are on the page.
		console.error(problem);
		status.textContent = say(failureKey(problem, loaded));
	} finally {
		setBusy(certificate, false);
	}
}

/** Finds a track page's certificate elements, shows the right ones and connects the name field and the buttons. */
function mount(root: HTMLElement): void {
	const data = JSON.parse(root.dataset.certificate ?? 'null') as TrackCertificateData | null;
	// The page's words for what this script writes, with `{{name}}` placeholders.
	const words = JSON.parse(root.dataset.certificateText ?? '{}') as Record<string, string>;
	const say = (key: string, values: Record<string, string> = {}) => (words[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
	const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
	const intro = find('[data-certificate-intro]');
	const todo = find('[data-certificate-todo]');
	const todoList = find('[data-certificate-todo-list]');
	const ready = find('[data-certificate-ready]');
	const input = find<HTMLInputElement>('[data-certificate-name]');
	const error = find('[data-certificate-error]');
	const status = find('[data-certificate-status]');
	const preview = find('[data-certificate-preview]');
	const linkedin = find<HTMLAnchorElement>('[data-certificate-linkedin]');
	const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-certificate-download]')];
	if (!data || !intro || !todo || !todoList || !ready || !input || !error || !status || !preview || !linkedin) return;
	const certificate: Certificate = { data, say, intro, todo, todoList, ready, input, error, status, preview, linkedin, buttons, drawn: undefined, busy: false };
	// Only a reader without scripts needs telling that drawing it takes them.
	find('[data-certificate-nojs]')?.remove();

	input.addEventListener('input', () => clearError(certificate));
	// Enter in the name field draws the certificate for screens, as the first button does.
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.isComposing) {
			event.preventDefault();
			void download(certificate, 'screen');
		}
	});
	for (const button of buttons) button.addEventListener('click', () => void download(certificate, button.dataset.certificateDownload === 'print' ? 'print' : 'screen'));

	onProgressChange(() => render(certificate));
	render(certificate);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-certificate]')) mount(root);
