/**
 * The stylesheet every module page of a cartridge carries inline: readable type, the boxes, asides
 * and knowledge check of the site in a light theme, and nothing that loads a font or an image, so
 * the page looks the same in any learning platform and offline. One rule a line: `stylesFor` keeps
 * the lines a page can use.
 */
export const PAGE_STYLES = `
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0a5fb4;--soft:#f6f8fa}
body{margin:0;background:#fff;color:var(--ink);font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;overflow-wrap:break-word}
h1,h2,h3,h4{line-height:1.25;margin:2rem 0 .75rem}
h1{font-size:2rem;margin-top:0}
a{color:var(--accent)}
img,svg,video{max-width:100%;height:auto}
pre{background:var(--soft);border:1px solid var(--line);border-radius:.375rem;padding:.75rem 1rem;overflow-x:auto}
code{font:.9em/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.expressive-code figure{margin:1.5rem 0}
.expressive-code figcaption:empty{display:none}
.expressive-code span[style]{color:var(--1)}
table{border-collapse:collapse;display:block;overflow-x:auto}
th,td{border:1px solid var(--line);padding:.375rem .625rem;text-align:start;vertical-align:top}
blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:4px solid var(--line);color:var(--muted)}
.cc-meta{color:var(--muted);font-size:.9rem}
.currents-notice{border-inline-start:4px solid var(--accent);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.currents-notice--warning{border-inline-start-color:#bc4c00;background:#fff8f1}
.currents-notice__title{font-weight:700;margin:0}
.currents-box,.starlight-aside{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1.25rem;margin:1.5rem 0}
.starlight-aside{border-inline-start:4px solid var(--accent);background:var(--soft)}
.starlight-aside--caution,.starlight-aside--danger{border-inline-start-color:#bc4c00}
.starlight-aside__title{font-weight:700;display:flex;gap:.5rem;align-items:center;margin:0}
.starlight-aside__icon{width:1.25em;height:1.25em;flex:none}
.currents-box__label{text-transform:uppercase;letter-spacing:.05em;font-size:.75rem;font-weight:700;color:var(--muted);margin:0}
.currents-box__title{font-weight:700;font-size:1.125rem;margin:.25rem 0}
.sl-steps{list-style:decimal;padding-inline-start:1.5rem}
.currents-quiz__prompt{font-weight:600}
.currents-quiz__choice>details summary{cursor:pointer;color:var(--accent)}
.is-correct strong{color:#1a7f37}
.is-incorrect strong{color:#bc4c00}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cc-attribution{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
.cc-attribution p{margin:.25rem 0}
`.trim();

/** The element and class names a page holds, which a selector must find to match anything in it. */
export interface PageNames {
	tags: ReadonlySet<string>;
	classes: ReadonlySet<string>;
}

/**
 * The stylesheet for one page: each rule of PAGE_STYLES with only the selectors that can match
 * something in the page, and without the rules none of whose selectors can. A selector can match only
 * when the page holds every element and class it names; what it says of attributes, states and
 * structure is left to the browser. Every page of a cartridge carries its own copy (learning
 * platforms import pages one by one), and a page of text, lists, a table and code uses under half
 * of the stylesheet: a page without asides, notices or quotes does not carry their styles. What
 * this cannot read, such as an at-rule, is kept.
 */
export function stylesFor(page: PageNames): string {
	return PAGE_STYLES.split('\n')
		.flatMap((rule) => {
			const match = /^([^@{}][^{}]*)(\{[^{}]*\})$/.exec(rule);
			if (!match) return [rule];
			const selectors = match[1]!.split(',').filter((selector) => canMatch(selector, page));
			return selectors.length > 0 ? [`${selectors.join(',')}${match[2]}`] : [];
		})
		.join('\n');
}

function canMatch(selector: string, page: PageNames): boolean {
	// Attribute selectors and pseudo-class arguments name no element or class of their own here.
	const bare = selector.replace(/\[[^\]]*\]|\([^)]*\)/g, '');
	const classes = [...bare.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
	const tags = bare.split(/[\s>+~]+/).flatMap((compound) => /^[a-zA-Z][a-zA-Z0-9]*/.exec(compound)?.[0].toLowerCase() ?? []);
	return classes.every((name) => page.classes.has(name)) && tags.every((name) => page.tags.has(name));
}
