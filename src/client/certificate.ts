/**
 * A track page's certificate: what is still to do for it, and once the track is complete, the name
 * field, the download buttons and the LinkedIn link. The drawing code (certificate-render.ts) and
 * the fonts load only when the learner presses a download button with a name typed in, so a track
 * page costs only this small script until then.
 */
import { certificateFileName, certificateInput, completionDay, linkedInHref, stillToDo, toDoText, type TrackCertificateData } from '../lib/cards/browser-certificate.ts';
import type { CertificateSize } from '../lib/cards/certificate.ts';
import { cleanName } from '../lib/cards/text.ts';
import { STORAGE_KEYS } from '../lib/progress/basics.ts';
import { peekProgress } from '../lib/progress/peek.ts';
import { el, onProgressChange, readStored } from './progress-common.ts';

/** Errors whose message is written for the learner: text the certificate cannot hold, or files that did not arrive. */
const forLearner = (error: unknown): error is Error => error instanceof Error && (error.name === 'CardTextError' || error.name === 'AssetError');

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

	const view = () => peekProgress(readStored(STORAGE_KEYS.progress));
	const render = () => {
		const current = view();
		const left = stillToDo(data, current);
		const complete = left.length === 0 && data.modules.length > 0;
		intro.hidden = complete;
		todo.hidden = complete;
		ready.hidden = !complete;
		todoList.replaceChildren(...left.map((item) => el('li', { 'data-certificate-todo-item': item.id }, el('a', { href: item.href }, item.title), `: ${toDoText(item, data.passMark, data.text)}`)));
		const day = completionDay(data, current);
		if (complete && day) linkedin.href = linkedInHref(data, day);
	};

	const showError = (message: string) => {
		error.textContent = message;
		input.setAttribute('aria-invalid', 'true');
		input.focus();
	};
	const clearError = () => {
		error.textContent = '';
		input.removeAttribute('aria-invalid');
	};
	input.addEventListener('input', clearError);

	// Object URLs of the last drawing: kept while the preview shows it, released for the next.
	let drawn: string | undefined;
	let busy = false;
	const setBusy = (on: boolean) => {
		busy = on;
		for (const button of buttons) button.setAttribute('aria-disabled', String(on));
		ready.setAttribute('aria-busy', String(on));
	};

	const download = async (size: CertificateSize) => {
		if (busy) return;
		let name: string;
		try {
			name = cleanName(input.value);
		} catch (problem) {
			if (forLearner(problem)) return showError(problem.message);
			throw problem;
		}
		clearError();
		const current = view();
		// Progress may have changed in another tab since the page showed the buttons.
		if (stillToDo(data, current).length > 0) return render();
		setBusy(true);
		status.textContent = say(size === 'print' ? 'drawingPrint' : 'drawing');
		try {
			const { drawCertificate } = await import('./certificate-render.ts');
			const png = await drawCertificate(certificateInput(data, current, name), size);
			const file = certificateFileName(data, size);
			if (drawn) URL.revokeObjectURL(drawn);
			drawn = URL.createObjectURL(png);
			const alt = say('previewAlt', { title: data.title, name });
			preview.replaceChildren(el('a', { href: drawn, download: file, title: say('downloadAgain', { file }) }, el('img', { src: drawn, alt })));
			el('a', { href: drawn, download: file }).click();
			status.textContent = say('downloaded', { file });
		} catch (problem) {
			status.textContent = '';
			if (forLearner(problem) && problem.name === 'CardTextError') showError(problem.message);
			else if (forLearner(problem)) status.textContent = problem.message;
			else status.textContent = say('drawFailed', { reason: problem instanceof Error ? problem.message : String(problem) });
		} finally {
			setBusy(false);
		}
	};
	for (const button of buttons) button.addEventListener('click', () => void download(button.dataset.certificateDownload === 'print' ? 'print' : 'screen'));

	onProgressChange(render);
	render();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-certificate]')) mount(root);
