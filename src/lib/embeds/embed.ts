/**
 * Embeds: a module major as a page other sites may frame, and the snippet a course page pastes to
 * show it. The framed page reports its height with `postMessage`, so the frame fits its content
 * without a scrollbar; the snippet listens only to messages from the curriculum's own origin.
 */
import { permalinkHref } from '../curriculum/model.ts';
import { escapeAttribute } from '../pages/attributes.ts';

/** The message an embed page posts to its parent whenever its height changes. */
export const HEIGHT_MESSAGE = 'currents:embed-height';

export const embedHref = (id: string, major: number) => `/embed${permalinkHref(id, major)}`;


/** The copy-paste snippet for a course page: an iframe, and a few lines that size it to its content. */
export function embedSnippet(site: string, id: string, major: number, title: string): string {
	const origin = new URL(site).origin;
	const src = new URL(embedHref(id, major), site).href;
	return [
		`<iframe src="${src}" title="${escapeAttribute(title)}" width="100%" height="900" loading="lazy" style="border:0"></iframe>`,
		'<script>',
		'  // Fit each embedded module to its content: the module page reports its height.',
		"  addEventListener('message', (event) => {",
		`    if (event.origin !== '${origin}' || event.data?.type !== '${HEIGHT_MESSAGE}') return;`,
		"    for (const frame of document.querySelectorAll('iframe')) {",
		"      if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;",
		'    }',
		'  });',
		'</script>',
	].join('\n');
}
