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

/**
 * The strings a script writes, from a `data-text` JSON attribute. The search dialog's
 * `original.values` are left out: they are the original language's facet values, which the dialog
 * matches in that language's index and never shows.
 */
function scriptTexts(json: string): string[] {
	let words: unknown;
	try {
		words = JSON.parse(json);
	} catch {
		return [json];
	}
	const texts: string[] = [];
	const walk = (value: unknown, key = ''): void => {
		if (typeof value === 'string') texts.push(value);
		else if (value && typeof value === 'object' && key !== 'values') for (const [k, v] of Object.entries(value)) walk(v, k);
	};
	walk(words);
	return texts;
}

/**
 * Texts of a page that count as the page's own language: text nodes and spoken attributes, outside
 * elements in another language and outside links to other sites, whose text names the page linked.
 */
function ownTexts(node: Node, lang: string, out: string[]): void {
	if ('tagName' in node) {
		const element = node as Element;
		const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
		const declared = attr('lang');
		if (declared && element.tagName !== 'html' && !declared.startsWith(lang)) return;
		if (element.tagName === 'script' || element.tagName === 'style') return;
		if (element.tagName === 'a' && /^https?:/.test(attr('href') ?? '')) return;
		for (const { name, value } of element.attrs) if (SPOKEN.has(name)) out.push(...(name === 'data-text' ? scriptTexts(value) : [value]));
		if (element.tagName === 'template') ownTexts((element as unknown as { content: Node }).content, lang, out);
	}
	if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
	for (const child of (node as { childNodes?: Node[] }).childNodes ?? []) ownTexts(child, lang, out);
}

/** Whether `words` occur in `text` as whole words, not inside longer ones ("tahdin alle" holds "in all"). */
const holds = (text: string, words: string) => new RegExp(`(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

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
		for (const words of fragments.words) if (holds(joined, words)) found.push(`${page}: "${words}"`);
		for (const text of texts) if (fragments.labels.has(text.trim())) found.push(`${page}: "${text.trim()}"`);
	}
	return [...new Set(found)];
}
