/**
 * The search button and its shortcuts, on every page: Ctrl+K (⌘K on Apple devices) and "/" open the
 * dialog. This file stays small because every page loads it; the search itself, Pagefind and the
 * result rendering, is imported only when a reader first opens the dialog.
 */

const root = document.querySelector<HTMLElement>('[data-currents-search]');
if (root) wire(root);

function wire(root: HTMLElement): void {
	const button = root.querySelector<HTMLButtonElement>('[data-search-open]');
	const dialog = root.querySelector('dialog');
	const input = root.querySelector<HTMLInputElement>('[data-search-input]');
	if (!button || !dialog || !input) return;

	// `navigator.platform` is deprecated, but the user agent string changes when developer tools
	// emulate a device, and the shortcut shown must be the one the keyboard in front of the reader has.
	if (/Mac|iPhone|iPod|iPad/i.test(navigator.platform)) {
		const modifier = root.querySelector('[data-search-modifier]');
		if (modifier) modifier.textContent = '⌘';
		button.setAttribute('aria-keyshortcuts', 'Meta+K /');
	}
	const keys = root.querySelector<HTMLElement>('[data-search-keys]');
	if (keys) keys.hidden = false;

	let started: Promise<void> | undefined;
	const open = () => {
		if (!dialog.open) dialog.showModal();
		input.focus();
		// The dev server has no index; the dialog says so instead.
		if (root.hasAttribute('data-dev')) return;
		started ??= import('./search-dialog.ts')
			.then(({ startSearch }) => startSearch(root, dialog))
			.catch(() => {
				// The search code could not be fetched (offline, or a deploy replaced it): say so, and let
				// the next opening try again.
				started = undefined;
				const status = root.querySelector('[data-search-status]');
				if (status && root.dataset.error) status.textContent = root.dataset.error;
			});
	};

	button.addEventListener('click', open);
	button.disabled = false;
	root.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
	// A click on the backdrop lands on the dialog element itself, since its frame fills the rest.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close();
	});

	window.addEventListener('keydown', (event) => {
		if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
			event.preventDefault();
			if (dialog.open) dialog.close();
			else open();
		} else if (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !dialog.open && !isTyping(event.target)) {
			event.preventDefault();
			open();
		}
	});
}

/** Whether a key press goes into a field, where "/" is a character and not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
	return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
