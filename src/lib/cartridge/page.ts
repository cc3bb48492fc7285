/**
 * A module as self-contained web content for a learning platform: the module exactly as the site
 * renders it, taken from its built permalink page, wrapped in a standalone document with its own
 * small stylesheet and an attribution line, and with nothing that runs. The platform shows it
 * inside its own frame, without the site's navigation, scripts or stylesheets. A track's syllabus
 * is made standalone the same way (`syllabusPage`).
 */
import { parse, parseFragment, serialize, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { decodeFragment } from '../pages/attributes.ts';
import { dayText } from '../i18n/dates.ts';
import { ENGLISH, type CartridgeWords } from './words.ts';
import { escapeXml as escape } from './xml.ts';
import { stylesFor } from './styles.ts';

export interface ModulePageOptions {
	/** The built permalink page of the module's major. */
	html: string;
	/** The page's absolute, versioned address: relative links resolve against it. */
	url: string;
	title: string;
	version: string;
	/** The day this version was released. */
	released: string;
	/** Minutes of learning, and the level's name. */
	duration: number;
	level: string;
	language: string;
	/** Whether the knowledge check stays in the page; false when it travels as a scored assessment. */
	keepQuiz: boolean;
	/** The attribution line, as HTML that the caller has escaped. */
	attribution: string;
	/** The language of the module's title and text when it is not the page's, as a module not translated yet shows the original's. */
	textLanguage?: string | undefined;
	/** The words of the page's title, the line under its heading and its instructor notes' page, in the cartridge's language; English when not given. */
	words?: CartridgeWords;
	/** The path of an image of the site (`/_astro/x.png`) inside the cartridge, relative to the page, or undefined to link it on the site. */
	asset?: (path: string) => string | undefined;
	/**
	 * The permanent address of a module's current major (`/modules/<id>/v<n>/`) for its page's path
	 * (`/modules/<id>/`), or undefined for a pre-release or no module: a course that imports a cartridge
	 * keeps the majors it was made with, so links between modules lead to those majors too.
	 */
	pin?: (path: string) => string | undefined;
}

/** What a standalone page needs of its source, whatever page of the site it is made from. */
type PageContext = Pick<ModulePageOptions, 'url' | 'language' | 'attribution' | 'asset' | 'pin'>;

/** Elements that load, run or collect something; none belongs in a page a platform imports. */
const DROPPED = new Set([
	'script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
	'form', 'input', 'button', 'select', 'textarea', 'base', 'dialog', 'slot', 'foreignObject',
]);

/** A discussion prompt of a module, as a learning platform's discussion topic shows it. */
export interface DiscussionPrompt {
	title: string;
	/** The prompt's text as HTML, with nothing that runs and every link leading to the site. */
	html: string;
}

/** What the cartridge makes of one built module page. */
export interface PackagedPage {
	/** The standalone page learners open. */
	page: string;
	/** The module's discussion prompts, in the order the page shows them. */
	discussions: DiscussionPrompt[];
	/** The module's instructor notes as a standalone page of their own, or undefined when it has none. */
	notes?: string;
}

/**
 * The standalone page of a module, and the instructor-only material the site shows only in its
 * instructor view, taken out of the learners' page; or an error naming what the built page lacks.
 */
export function modulePage(options: ModulePageOptions): PackagedPage {
	const content = contentOf(options.html, options.title);
	const discussions: Html.Element[] = [];
	const notes: Html.Element[] = [];
	walkUntil(content, (node) => {
		if (has(node, 'data-instructor-notes')) notes.push(node);
		else if (classes(node).includes('currents-box--discussion')) discussions.push(node);
		else return false;
		return true;
	});
	clean(content, options);
	const words = options.words ?? ENGLISH;
	const date = `<time datetime="${escape(options.released)}">${escape(dayText(options.released, options.language))}</time>`;
	const page = standalone(options, {
		title: words('currents.cartridge.pageTitle', { title: options.title, version: options.version }),
		heading: options.title,
		headingLanguage: options.textLanguage,
		meta: words('currents.cartridge.pageMeta', { version: escape(options.version), date, minutes: options.duration, level: escape(options.level) }),
		content,
		asset: options.asset,
	});
	// The prompts and notes lose their boxes' labels, which the platform's own titles replace.
	const parts = (box: Html.Element) => {
		box.childNodes = box.childNodes.filter((node) => !isElement(node) || !classes(node).includes('currents-box__label'));
		clean(box, { ...options, keepQuiz: true });
		return box;
	};
	return {
		page,
		discussions: discussions.map((box) => {
			const title = find(box, (node) => classes(node).includes('currents-box__title'));
			if (title) box.childNodes = box.childNodes.filter((node) => node !== title);
			const prompt = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
			// A platform shows the topic on its own: links to the rest of the page lead to the site.
			rewriteAddresses(parts(box), { ...options, asset: undefined }, new Set());
			return { title: prompt || options.title, html: serialize(box).trim() };
		}),
		notes:
			notes.length === 0
				? undefined
				: standalone(options, {
						title: words('currents.cartridge.notesTitle', { title: options.title, version: options.version }),
						heading: words('currents.cartridge.notes', { title: options.title }),
						meta: words('currents.cartridge.notesMeta', { version: escape(options.version), date }),
						content: { nodeName: '#document-fragment', childNodes: notes.flatMap((box) => parts(box).childNodes) } as Html.DocumentFragment,
						asset: undefined,
					}),
	};
}

/** What the cartridge needs to make a track's syllabus page standalone. */
export interface SyllabusPageOptions extends PageContext {
	/** The built syllabus page of the track. */
	html: string;
	/** The page's title and heading, such as `Syllabus: <track>`. */
	title: string;
	/** The line under the heading, as HTML that the caller has escaped. */
	meta: string;
}

/**
 * A track's syllabus as a standalone page, made as a module's page is. It leaves out what only the
 * site needs: the day the site was built, which would make a new cartridge of an unchanged track
 * every day, and each link's address written out for paper, which the site shows only in print and
 * the link itself holds.
 */
export function syllabusPage(options: SyllabusPageOptions): string {
	const content = contentOf(options.html, options.title);
	clean(content, { keepQuiz: true });
	const omit = (parent: Html.ParentNode) => {
		parent.childNodes = parent.childNodes.filter((node) => !isElement(node) || !(has(node, 'data-syllabus-as-of') || classes(node).includes('currents-syllabus__address')));
		for (const node of parent.childNodes) if (isElement(node)) omit(node);
	};
	omit(content);
	return standalone(options, { title: options.title, heading: options.title, meta: options.meta, content, asset: options.asset });
}

/** The content of a built page of the site: its element of the class sl-markdown-content, inside `<main>`. */
function contentOf(html: string, title: string): Html.Element {
	const content = find(mainOf(html), (node) => classes(node).includes('sl-markdown-content'));
	if (!content) {
		throw new Error(`The built page of "${title}" has no element with the class sl-markdown-content, so its content cannot be found. Build the site with this engine, then export again.`);
	}
	return content;
}

/** A standalone document around content of a page of the site, with the styles it uses and the attribution. */
function standalone(options: PageContext, page: { title: string; heading: string; headingLanguage?: string | undefined; meta: string; content: Html.ParentNode; asset: ModulePageOptions['asset'] }): string {
	const ids = new Set<string>();
	walk(page.content, (node) => {
		const id = attr(node, 'id');
		if (id) ids.add(id);
	});
	rewriteAddresses(page.content, { ...options, asset: page.asset }, ids);
	const body = serialize(page.content).trim();
	const styles = stylesFor(namesIn([page.content, parseFragment(options.attribution)]));
	return `<!doctype html>
<html lang="${escape(options.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)}</title>
<link rel="canonical" href="${escape(options.url)}">
<style>${styles}</style>
</head>
<body>
<main class="sl-markdown-content">
<h1${page.headingLanguage ? ` lang="${escape(page.headingLanguage)}"` : ''}>${escape(page.heading)}</h1>
<p class="cc-meta">${page.meta}</p>
${body}
<footer class="cc-attribution">${options.attribution}</footer>
</main>
</body>
</html>
`;
}

/** The elements and classes the page's own template below writes around the module's content. */
const TEMPLATE_NAMES = {
	tags: ['html', 'head', 'body', 'main', 'h1', 'p', 'time', 'footer'],
	classes: ['sl-markdown-content', 'cc-meta', 'cc-attribution'],
};

/** Every element and class name in the given trees, and the template's. */
function namesIn(trees: Html.ParentNode[]): { tags: Set<string>; classes: Set<string> } {
	const tags = new Set(TEMPLATE_NAMES.tags);
	const names = new Set(TEMPLATE_NAMES.classes);
	for (const tree of trees) {
		walk(tree, (node) => {
			tags.add(node.tagName);
			for (const name of classes(node)) if (name) names.add(name);
		});
	}
	return { tags, classes: names };
}

/**
 * Removes what is the site's and not the module's: anything that runs or loads, hidden elements,
 * instructor-only material (a platform page is what learners see), and what the site keeps out of
 * its search index, which is the apparatus around a module (metadata list, changelog, report and
 * embed panels) rather than the module itself. The knowledge check goes when it travels as an
 * assessment, so its answers are not printed next to the scored questions.
 */
function clean(parent: Html.ParentNode, options: Pick<ModulePageOptions, 'keepQuiz'>): void {
	parent.childNodes = parent.childNodes.filter((node) => {
		if (node.nodeName === '#comment') return false;
		if (!isElement(node)) return true;
		if (DROPPED.has(node.tagName)) return false;
		if (has(node, 'hidden') || has(node, 'data-instructor-only') || has(node, 'data-pagefind-ignore')) return false;
		if (!options.keepQuiz && has(node, 'data-quiz')) return false;
		// A responsive image's sources point at files of the site; the image keeps its one source.
		if (node.tagName === 'source' && node.parentNode && isElement(node.parentNode) && node.parentNode.tagName === 'picture') return false;
		node.attrs = node.attrs.filter((a) => !/^on/i.test(a.name) && a.name !== 'srcset' && a.name !== 'sizes');
		clean(node, options);
		return true;
	});
}

/**
 * Links point at the site, in a new window, since a platform page has no site around it; links to
 * a part of the page that stayed in it stay inside it. Images of the site travel in the cartridge
 * when the caller can package them. Addresses that are not web or mail addresses are dropped.
 */
function rewriteAddresses(content: Html.ParentNode, options: PageContext, ids: ReadonlySet<string>): void {
	walk(content, (node) => {
		for (const name of ['href', 'src'] as const) {
			const value = attr(node, name);
			if (value === undefined) continue;
			if (name === 'href' && value.startsWith('#') && ids.has(decodeFragment(value.slice(1)))) continue;
			const packaged = name === 'src' && value.startsWith('/') && !value.startsWith('//') ? options.asset?.(value.split(/[?#]/)[0]!) : undefined;
			let resolved: URL | undefined;
			try {
				resolved = new URL(value, options.url);
			} catch {
				resolved = undefined;
			}
			const safe = resolved && ['http:', 'https:', 'mailto:'].includes(resolved.protocol);
			const pinned = safe && name === 'href' && resolved!.origin === new URL(options.url).origin ? options.pin?.(resolved!.pathname) : undefined;
			if (pinned) resolved!.pathname = pinned;
			setAttr(node, name, packaged ?? (safe ? resolved!.href : undefined));
			if (name === 'href' && safe && resolved!.protocol !== 'mailto:') {
				setAttr(node, 'target', '_blank');
				setAttr(node, 'rel', 'noopener');
			}
		}
	});
}

/**
 * The page's `<main>` element as a fragment, or the whole page when it has none: the content is inside
 * it, and the head, header and sidebar before it are half of the page, parsed for nothing.
 */
function mainOf(html: string): Html.ParentNode {
	const start = html.indexOf('<main');
	const end = html.lastIndexOf('</main>');
	return start >= 0 && end > start ? parseFragment(html.slice(start, end + '</main>'.length)) : parse(html);
}

const isElement = (node: Html.Node): node is Html.Element => 'tagName' in node;
const attr = (node: Html.Element, name: string) => node.attrs.find((a) => a.name === name)?.value;
const has = (node: Html.Element, name: string) => node.attrs.some((a) => a.name === name);
const classes = (node: Html.Element) => (attr(node, 'class') ?? '').split(/\s+/);

function setAttr(node: Html.Element, name: string, value: string | undefined): void {
	node.attrs = node.attrs.filter((a) => a.name !== name);
	if (value !== undefined) node.attrs.push({ name, value });
}

function walk(parent: Html.ParentNode, visit: (node: Html.Element) => void): void {
	for (const node of parent.childNodes) {
		if (!isElement(node)) continue;
		visit(node);
		walk(node, visit);
	}
}

/** Visits elements in document order; where `visit` returns true, it does not go inside that element. */
function walkUntil(parent: Html.ParentNode, visit: (node: Html.Element) => boolean): void {
	for (const node of parent.childNodes) {
		if (!isElement(node)) continue;
		if (!visit(node)) walkUntil(node, visit);
	}
}

/** An element's text, as a reader sees it. */
function textOf(parent: Html.ParentNode): string {
	return parent.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : isElement(node) ? textOf(node) : '')).join('');
}

function find(parent: Html.ParentNode, test: (node: Html.Element) => boolean): Html.Element | undefined {
	for (const node of parent.childNodes) {
		if (!isElement(node)) continue;
		if (test(node)) return node;
		const found = find(node, test);
		if (found) return found;
	}
	return undefined;
}
