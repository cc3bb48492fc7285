/**
 * The blocks at the foot of a long page (knowledge check, sources, changelog) are laid out only when a
 * reader nears them (`content-visibility: auto`, src/styles/currents.css). A jump to a heading below or
 * inside them is made by their estimated heights, and once they are drawn the heading has moved, on a
 * wide screen by up to a screen's height. After each jump this scrolls again, a frame at a time, until
 * the heading stays where the jump should have put it; it stops as soon as the reader scrolls.
 */
const FRAMES = 30;

/** The element the address's fragment names; none for a fragment that is not valid percent-encoding. */
function targetOf(hash: string): HTMLElement | null {
	try {
		const id = decodeURIComponent(hash.slice(1));
		return id ? document.getElementById(id) : null;
	} catch {
		return null;
	}
}

function land(): void {
	const target = targetOf(location.hash);
	if (!target) return;
	let stopped = false;
	const stop = () => (stopped = true);
	const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
	for (const name of events) addEventListener(name, stop, { once: true, passive: true });
	let frames = 0;
	let still = 0;
	const step = () => {
		if (stopped) return;
		const wanted = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
		const off = target.getBoundingClientRect().top - wanted;
		// Where the page ends too soon to bring the heading up, scrolling again would change nothing.
		const room = document.documentElement.scrollHeight - innerHeight - scrollY;
		if (Math.abs(off) > 2 && (off < 0 || room > 1)) {
			target.scrollIntoView({ block: 'start', behavior: 'instant' });
			still = 0;
		} else still++;
		if (still < 3 && ++frames < FRAMES) requestAnimationFrame(step);
		else for (const name of events) removeEventListener(name, stop);
	};
	requestAnimationFrame(step);
}

addEventListener('hashchange', land);
land();
