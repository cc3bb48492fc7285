import postcss, { type AtRule, type Container, type Rule } from 'postcss';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Pages as a browser without JavaScript shows them. Starlight writes every page dark
 * (`data-theme="dark"`) and its inline script switches to the reader's theme, so without scripts a
 * reader who asked their system for light pages gets dark ones, and the theme and language menus
 * and the search button do nothing. A stylesheet loaded only then (in a `<noscript>` in the head)
 * puts that right: the site's own light-theme rules, copied from the built stylesheets, under
 * `prefers-color-scheme: light`, and the controls that need a script hidden (the language menu
 * shows plain links instead, src/overrides/LanguageSelect.astro).
 */

/** Where the build writes the stylesheet, from the site's root. */
export const NO_SCRIPT_CSS = 'no-script.css';

/** The light theme's selectors as Starlight and Expressive Code write them, quoted or not. */
const LIGHT = /\[data-theme=(?:'light'|"light"|light)\]/;
const LIGHT_ALL = new RegExp(LIGHT.source, 'g');
/** A selector that names the light theme on the root element or on an ancestor of what it styles. */
const STARTS_LIGHT = new RegExp(`^(?::root|html)?${LIGHT.source}(?:$|[\\s>~+:.#[])`);

/**
 * The controls that need a script to do anything: the theme and language menus, search, and a code
 * block's copy button (the phone's menu button does not: it opens a popover).
 */
const WITHOUT_SCRIPTS = `starlight-theme-select,
currents-language-select,
.currents-search,
.expressive-code .copy {
	display: none !important;
}
`;

/**
 * The no-script stylesheet for a build whose stylesheets are `sheets` (the text of every CSS file
 * its pages load, in any order): every rule that applies to the light theme only, with its selectors
 * narrowed to those that name the light theme on the root or an ancestor, rewritten to match the
 * page as written (`[data-theme]`) and set under `prefers-color-scheme: light`, in the cascade
 * layer it came from; ahead of them the layers in the order the site's stylesheets set them, since
 * this one may load first. Rules for the dark theme alone still apply in the light one, since the
 * page is written dark and no stylesheet can turn a rule off: Starlight's `dark:sl-hidden`, for
 * images with a light and a dark version, would hide both. The engine shows no such image.
 */
export function noScriptStylesheet(sheets: readonly string[]): string {
	const layers: string[] = [];
	const out = postcss.root();
	// The sheet that names the most layers (Starlight's base) sets their order; the others add theirs after.
	const parsed = sheets.map((css) => postcss.parse(css)).sort((a, b) => layerNames(b).length - layerNames(a).length);
	for (const root of parsed) {
		for (const name of layerNames(root)) if (!layers.includes(name)) layers.push(name);
		root.walkRules((rule) => {
			const around = atRulesAround(rule);
			if (!LIGHT.test(rule.selector) || around.some((at) => /keyframes$/.test(at.name))) return;
			const selectors = rule.selectors.filter((selector) => STARTS_LIGHT.test(selector.trim())).map((selector) => selector.replace(LIGHT_ALL, '[data-theme]'));
			if (selectors.length === 0) return;
			const copy = rule.clone({ selectors, raws: { ...rule.raws, before: '' } });
			let inner: Container = postcss.atRule({ name: 'media', params: '(prefers-color-scheme: light)' });
			inner.append(copy);
			// Wrapped again in each at-rule around it (its layer, a media query), innermost first.
			for (const parent of around) inner = parent.clone({ nodes: [] }).append(inner);
			out.append(inner);
		});
	}
	const order = layers.length > 0 ? `@layer ${layers.join(', ')};\n` : '';
	return `${order}${out.toString()}\n${WITHOUT_SCRIPTS}`;
}

/** The at-rules around a rule (its layer, a media query), innermost first. */
function atRulesAround(rule: Rule): AtRule[] {
	const around: AtRule[] = [];
	for (let node = rule.parent as postcss.Node | undefined; node && node.type === 'atrule'; node = node.parent as postcss.Node | undefined) around.push(node as AtRule);
	return around;
}

/** The names of the cascade layers a stylesheet declares, in order. */
function layerNames(root: postcss.Root): string[] {
	const names: string[] = [];
	root.walkAtRules('layer', (at) => {
		for (const name of at.params.split(',').map((part) => part.trim())) if (name && !names.includes(name)) names.push(name);
	});
	return names;
}

/** Writes the no-script stylesheet into a build's output, from the stylesheets the build wrote. */
export function writeNoScriptStylesheet(outDir: string): void {
	const assets = join(outDir, '_astro');
	const sheets = existsSync(assets) ? readdirSync(assets).filter((name) => name.endsWith('.css')).map((name) => readFileSync(join(assets, name), 'utf8')) : [];
	writeFileSync(join(outDir, NO_SCRIPT_CSS), noScriptStylesheet(sheets));
}
