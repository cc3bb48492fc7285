/**
 * The verify page's controls: a file chosen or dropped, or credential text pasted, is checked by
 * `verify-run.ts`, which this file loads only when there is something to check (it brings the
 * JSON-LD canonicalizer, too large to load with the page).
 */
// A module, not a script, so that its names stay its own.
export {};

const root = document.querySelector<HTMLElement>('[data-verify]');
if (root) {
	const result = root.querySelector<HTMLElement>('[data-verify-result]')!;
	const drop = root.querySelector<HTMLElement>('[data-verify-drop]')!;
	const fileInput = root.querySelector<HTMLInputElement>('[data-verify-file]')!;
	const text = root.querySelector<HTMLTextAreaElement>('[data-verify-text]')!;
	root.hidden = false;
	document.querySelector<HTMLElement>('[data-verify-nojs]')?.setAttribute('hidden', '');

	// Checks run one at a time, and only the latest one's answer is shown.
	let latest = 0;
	const check = async (input: { file: File } | { text: string }) => {
		const run = ++latest;
		result.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Checking…' }));
		const { checkInput, renderVerdict } = await import('./verify-run.ts');
		const verdict = await checkInput(input, { issuers: JSON.parse(root.dataset.issuers ?? '[]'), issuersPage: root.dataset.issuersPage });
		if (run === latest) result.replaceChildren(renderVerdict(verdict));
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
