import { describe, expect, it } from 'vitest';
import { noScriptStylesheet } from '../src/lib/pages/no-script.ts';

const squeeze = (css: string) => css.replace(/\s+/g, ' ').trim();

describe('the stylesheet for browsers without JavaScript', () => {
	const starlight = `@layer starlight.base{:root{--bg:black}:root[data-theme=light],[data-theme=light] ::backdrop{--bg:white}}
@layer starlight.reset{html[data-theme='light']{color-scheme:light}}
@layer starlight.utils{[data-theme=light] .light\\:sl-hidden,[data-theme=dark] .dark\\:sl-hidden{display:none}}
@keyframes fade{from{opacity:0}to{opacity:1}}`;
	const code = `.expressive-code{--code:black}
:root[data-theme='light'] .expressive-code:not([data-theme='dark']),.expressive-code[data-theme='light']{--code:white}
@media (min-width:50rem){:root[data-theme="light"] .wide{--code:grey}}`;
	const out = squeeze(noScriptStylesheet([code, starlight]));

	it('declares the layers in the order the site’s own stylesheets do, first', () => {
		expect(out.startsWith('@layer starlight.base, starlight.reset, starlight.utils;')).toBe(true);
	});

	it('copies each light-theme rule under the reader’s light preference, in its own layer and media query, matching the page as written', () => {
		expect(out).toContain('@layer starlight.base{@media (prefers-color-scheme: light){:root[data-theme],[data-theme] ::backdrop{--bg:white}}}');
		expect(out).toContain("@layer starlight.reset{@media (prefers-color-scheme: light){html[data-theme]{color-scheme:light}}}");
		expect(out).toContain("@media (prefers-color-scheme: light){:root[data-theme] .expressive-code:not([data-theme='dark']){--code:white}}");
		expect(out).toContain('@media (min-width:50rem){@media (prefers-color-scheme: light){:root[data-theme] .wide{--code:grey}}}');
	});

	it('leaves out the dark theme, rules for the theme of one element, and what names no theme', () => {
		expect(out).toContain('@layer starlight.utils{@media (prefers-color-scheme: light){[data-theme] .light\\:sl-hidden{display:none}}}');
		expect(out).not.toContain('dark\\:sl-hidden');
		expect(out).not.toContain(".expressive-code[data-theme]");
		expect(out).not.toContain('--bg:black');
		expect(out).not.toContain('keyframes');
	});

	it('hides the controls that need a script', () => {
		expect(out).toContain('starlight-theme-select, currents-language-select, .currents-search, .expressive-code .copy { display: none !important; }');
	});
});
