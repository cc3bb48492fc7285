/**
 * The verify page's controls: a file chosen or dropped, or credential text pasted, is checked by
 * `verify-run.ts`, which this file loads only when there is something to check (it brings the
 * JSON-LD canonicalizer, too large to load with the page).
 */
import { wordsOf } from './progress-text.ts';

const root = document.querySelector<HTMLElement>('[data-verify]');
if (root) {
	const result = root.querySelector<HTMLElement>('[data-verify-result]')!;
	const drop = root.querySelector<HTMLElement>('[data-verify-drop]')!;
	const fileInput = root.querySelector<HTMLInputElement>('[data-verify-file]')!;
	const text = root.querySelector<HTMLTextAreaElement>('[data-verify-text]')!;
	const say = wordsOf(root);

	// Checks run one at a time, and only the latest one's answer is shown.
	let latest = 0;
	const check = async (input: { file: File } | { text: string }) => {
		const run = ++latest;
		result.replaceChildren(Object.assign(document.createElement('p'), { textContent: say('checking', 'Checking…') }));
		const { checkInput, renderVerdict } = await import('./verify-run.ts');
		// Dates in refusals are written in the page's language, as the rest of the verdict is.
		const options = { issuers: JSON.parse(root.dataset.issuers ?? '[]'), issuersPage: root.dataset.issuersPage ?? '/issuers/', locale: document.documentElement.lang || 'en' };
		const verdict = await checkInput(input, options);
		if (run === latest) result.replaceChildren(renderVerdict(verdict, say));
	};

	fileInput.addEventListener('change', () => {
		const file = fileInput.files?.[0];
		if (file) void check({ file });
	});
	root.querySelector('[data-verify-check]')!.addEventListener('click', () => void check({ text: text.value }));
	drop.addEventListener('dragover', (event) => {
		event.preventDefault();
		drop.dataset.over = '';
	});
	drop.addEventListener('dragleave', () => delete drop.dataset.over);
	drop.addEventListener('drop', (event) => {
		event.preventDefault();
		delete drop.dataset.over;
		const file = event.dataTransfer?.files[0];
		if (file) void check({ file });
	});
}
