/**
 * English interface words left on a page in another language: every English interface string of
 * the engine and of Starlight whose translation differs, looked for in the page's text and in the
 * attributes people hear or see (labels, titles, alternative text, the words scripts write), outside
 * elements marked as another language (`lang="en"` around original text shown untranslated).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'data-text', 'aria-description']);

/** The literal parts of each English string that its translation does not share. */
export function englishFragments(english: Record<string, string>, translated: Record<string, string>): { words: string[]; labels: Set<string> } {
	const words = new Set<string>();
	const labels = new Set<string>();
	for (const [key, text] of Object.entries(english)) {
		const other = translated[key];
		if (other === undefined || other === text) continue;
		for (const part of text.split(/\{\{\w+\}\}/).map((s) => s.trim().replace(/^[,.;:()]+|[,.;:()]+$/g, '').trim())) {
			if (part.split(/\s+/).length >= 2 && !other.includes(part)) words.add(part);
			else if (/^[A-Z][a-z]{3,}$/.test(part) && !other.includes(part)) labels.add(part);
		}
	}
	return { words: [...words], labels };
}

/** Texts of a page that count as the page's own language: text nodes and spoken attributes. */
function ownTexts(node: Node, lang: string, out: string[]): void {
	if ('tagName' in node) {
		const element = node as Element;
		const declared = element.attrs.find((a) => a.name === 'lang')?.value;
		if (declared && element.tagName !== 'html' && !declared.startsWith(lang)) return;
		if (element.tagName === 'script' || element.tagName === 'style') return;
		for (const attr of element.attrs) if (SPOKEN.has(attr.name)) out.push(attr.value);
		if (element.tagName === 'template') ownTexts((element as unknown as { content: Node }).content, lang, out);
	}
	if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
	for (const child of (node as { childNodes?: Node[] }).childNodes ?? []) ownTexts(child, lang, out);
}

/** Every HTML file under a folder. */
function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
	});
}

/** `page: fragment` for each English fragment found on the pages under `dir` written in `lang`. */
export function englishLeft(dir: string, lang: string, fragments: ReturnType<typeof englishFragments>, root = dir): string[] {
	const found: string[] = [];
	for (const file of htmlFiles(dir)) {
		const texts: string[] = [];
		ownTexts(parse(readFileSync(file, 'utf8')), lang, texts);
		const joined = texts.join('\n').replace(/\s+/g, ' ');
		const page = relative(root, file);
		for (const words of fragments.words) if (joined.includes(words)) found.push(`${page}: "${words}"`);
		for (const text of texts) if (fragments.labels.has(text.trim())) found.push(`${page}: "${text.trim()}"`);
	}
	return [...new Set(found)];
}
