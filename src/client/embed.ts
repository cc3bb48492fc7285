/**
 * Runs inside an embedded module page: tells the page that frames it how tall the module is, now and
 * whenever that changes (a disclosure opens, the knowledge check shows its results, fonts load).
 */
import { HEIGHT_MESSAGE } from '../lib/embeds/embed.ts';

if (window.parent !== window) {
	let last = 0;
	const report = () => {
		const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
		if (height === last) return;
		last = height;
		// The height is not private, and the embedding site's origin is not known in advance.
		window.parent.postMessage({ type: HEIGHT_MESSAGE, height, page: location.pathname }, '*');
	};
	new ResizeObserver(report).observe(document.documentElement);
	report();
}
