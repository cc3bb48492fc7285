import { describe, expect, it } from 'vitest';
import { printedBody } from '../src/lib/embeds/print-body.ts';

describe("a module's body on its track's print page", () => {
	it('takes its headings a level lower, ending at h6', () => {
		const body = '<h2 id="a">A</h2><p>x</p><h3 id="b">B</h3><h4>C</h4><h5>D</h5><h6>E</h6>';
		expect(printedBody(body, 'm')).toBe('<h3 id="m/a">A</h3><p>x</p><h4 id="m/b">B</h4><h5>C</h5><h6>D</h6><h6>E</h6>');
	});

	it('gives every id to the module, with the links and references that name them', () => {
		const body =
			'<p id="intro">See <a href="#setup">the set-up</a>, <a href="#elsewhere">this</a> and <a href="/modules/x/#setup">another module</a>.</p>' +
			'<h2 id="setup">Set-up</h2><label for="field">L</label><input id="field" aria-describedby="hint missing"><span id="hint">H</span>';
		expect(printedBody(body, 'mod-1')).toBe(
			'<p id="mod-1/intro">See <a href="#mod-1/setup">the set-up</a>, <a href="#elsewhere">this</a> and <a href="/modules/x/#setup">another module</a>.</p>' +
				'<h3 id="mod-1/setup">Set-up</h3><label for="mod-1/field">L</label><input id="mod-1/field" aria-describedby="mod-1/hint missing"><span id="mod-1/hint">H</span>'
		);
	});

	it('renames footnotes, whose ids repeat from module to module, as Markdown writes them', () => {
		const body =
			'<p>Claim<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>' +
			'<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Source <a href="#user-content-fnref-1" data-footnote-backref>↩</a></p></li></ol></section>';
		const printed = printedBody(body, 'a');
		expect(printed).toContain('<a href="#a/user-content-fn-1" id="a/user-content-fnref-1" data-footnote-ref aria-describedby="a/footnote-label">');
		expect(printed).toContain('<h3 class="sr-only" id="a/footnote-label">Footnotes</h3>');
		expect(printed).toContain('<li id="a/user-content-fn-1"><p>Source <a href="#a/user-content-fnref-1" data-footnote-backref>↩</a>');
	});

	it('follows a fragment written with percent-encoding, and a drawing that paints with an element of the page', () => {
		const body = '<h2 id="päivä">P</h2><a href="#p%C3%A4iv%C3%A4">P</a><svg><defs><linearGradient id="g"></linearGradient></defs><rect fill="url(#g)" style="stroke: url(\'#g\')"></rect></svg>';
		expect(printedBody(body, 'm')).toBe(
			'<h3 id="m/päivä">P</h3><a href="#m/p%C3%A4iv%C3%A4">P</a><svg><defs><linearGradient id="m/g"></linearGradient></defs><rect fill="url(#m/g)" style="stroke: url(\'#m/g\')"></rect></svg>'
		);
	});

	it('changes nothing else, not even text that looks like a heading or an id', () => {
		const body =
			'<pre class="astro-code" data-language="html"><code>&lt;h2 id="x"&gt;Not a heading&lt;/h2&gt;\n&lt;a href="#x"&gt;</code></pre>\n' +
			'<p title="<h2 id=&quot;x&quot;>">Text with id="x" &amp; <br> a break</p><img src="/a.png" alt="&quot;h2&quot;">';
		expect(printedBody(body, 'm')).toBe(body);
	});

	it('writes a renamed value as an attribute is written, quoted and escaped', () => {
		expect(printedBody('<h2 id="a&amp;b">A</h2><a href="#a&amp;b">to A</a>', 'm')).toBe('<h3 id="m/a&amp;b">A</h3><a href="#m/a&amp;b">to A</a>');
	});
});
