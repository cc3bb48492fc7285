/**
 * Runs inside an embedded module page: tells the page that frames it how tall the module is, now and
 * whenever that changes (a disclosure opens, the knowledge check shows its results, fonts load), and
 * opens links out of the module in a new tab.
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
	// A link out of the page (a source, another module) opens in a new tab: the course page stays where
	// it is, and most sites, this one's own pages among them, refuse to be shown in another site's frame.
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
		const inPage = link.origin === location.origin && link.pathname === location.pathname;
		if (inPage || link.target) continue;
		link.target = '_blank';
		link.relList.add('noopener');
	}
}
