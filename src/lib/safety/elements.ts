/**
 * Elements and their attributes: JSX in MDX, checked one element and one attribute at a time
 * against the allow-list of HTML elements and of content components with their props.
 */
import type { Nodes } from 'mdast';
import type { PropSpec } from './components.ts';
import { report, startOf, type Context } from './context.ts';
import { checkImage, checkUrl, reportMissingAlt } from './images.ts';
import { collapse, shorten } from './urls.ts';
import { editDistance } from '../curriculum/edit-distance.ts';


type AttributeValue =
	| { kind: 'none' }
	/** `value` is what the element receives; `raw` is how the source wrote it. */
	| { kind: 'text'; value: string; raw: string }
	| { kind: 'expression'; code: string };

interface AttributeInfo {
	/** Null for a spread, `{...props}`. */
	name: string | null;
	value: AttributeValue;
	offset: number;
}

interface ElementInfo {
	/** Null for a fragment, `<>`. */
	name: string | null;
	offset: number;
	attributes: AttributeInfo[];
	/** JSX names are case-sensitive and can be components; HTML names are neither. */
	syntax: 'jsx' | 'html';
}

export type JsxNode = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

export function jsxElement(ctx: Context, node: JsxNode): ElementInfo {
	const offset = startOf(node);
	// Sätteri gives attributes no position of their own, so each is found in the opening tag's text,
	// in order, for the message only: what is checked is the parsed attribute.
	const opening = ctx.text.slice(offset, Math.min(ctx.text.length, node.position?.end.offset ?? offset + 4000));
	let cursor = 1 + (node.name?.length ?? 0);
	const locate = (pattern: RegExp): number => {
		pattern.lastIndex = cursor;
		const match = pattern.exec(opening);
		if (!match) return offset;
		cursor = match.index + match[0].length;
		return offset + match.index + (match[0].length - match[0].trimStart().length);
	};
	const attributes: AttributeInfo[] = node.attributes.map((attribute) => {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			return { name: null, value: { kind: 'expression', code: attribute.value }, offset: locate(/\s*\{/g) };
		}
		const at = locate(new RegExp(`\\s${attribute.name.replace(/[^\w:-]/g, '')}(?=[\\s=/>]|$)`, 'g'));
		const value = attribute.value;
		if (value === null || value === undefined) return { name: attribute.name, value: { kind: 'none' }, offset: at };
		if (typeof value === 'string') return { name: attribute.name, value: { kind: 'text', value, raw: value }, offset: at };
		return { name: attribute.name, value: { kind: 'expression', code: value.value }, offset: at };
	});
	return { name: node.name, offset, attributes, syntax: 'jsx' };
}

const HTML_ELEMENTS: ReadonlySet<string> = new Set(
	(
		'abbr b br cite code dd del details dfn dl dt em figcaption figure hr i ins kbd mark p q s samp ' +
		'small span strong sub summary sup table tbody td tfoot th thead tr u var wbr ol ul li ' +
		'blockquote h2 h3 h4 h5 h6 pre a img'
	).split(' ')
);

const GLOBAL_ATTRIBUTES: readonly string[] = ['id', 'lang', 'dir'];

const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
	a: ['href', 'title'],
	img: ['src', 'alt', 'title', 'width', 'height'],
	td: ['colspan', 'rowspan'],
	th: ['colspan', 'rowspan', 'scope'],
	abbr: ['title'],
	dfn: ['title'],
	details: ['open'],
	ol: ['start', 'reversed'],
};

/** Attributes a browser loads or navigates to; the scheme check covers them even where they are rejected. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
	'href',
	'src',
	'srcset',
	'xlink:href',
	'action',
	'formaction',
	'poster',
	'data',
	'background',
	'cite',
	'longdesc',
	'ping',
	'codebase',
]);

function allowedAttributes(element: string): readonly string[] {
	return [...(Object.hasOwn(ELEMENT_ATTRIBUTES, element) ? ELEMENT_ATTRIBUTES[element]! : []), ...GLOBAL_ATTRIBUTES];
}

/**
 * JSX treats a name as an HTML element when it starts with a lower-case letter (or is namespaced)
 * and has no dot; everything else refers to a JavaScript value, that is, a component.
 */
function isComponentName(name: string): boolean {
	return name.includes('.') || !/^[a-z]/.test(name);
}

export function checkElement(ctx: Context, element: ElementInfo): void {
	const { name } = element;
	if (name === null) {
		// A fragment renders only its children, which are checked on their own.
		for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, null);
		return;
	}
	if (element.syntax === 'jsx' && isComponentName(name)) {
		checkComponent(ctx, element, name);
		return;
	}
	const allowed = HTML_ELEMENTS.has(name);
	if (!allowed) {
		// `<example>` is most often the component <Example> written in lower case.
		const meant = element.syntax === 'jsx' ? componentMeant(ctx, name) : undefined;
		report(
			ctx,
			'raw-html',
			element.offset,
			`The HTML element <${name}> is not allowed in modules.`,
			meant
				? `Did you mean the component <${meant}>? Component names start with a capital letter.`
				: `Remove <${name}> and write the content in Markdown or with an allowed component. HTML is limited to these elements: ${[...HTML_ELEMENTS].join(', ')}.`
		);
	}
	for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, allowed ? allowedAttributes(name) : null);

	if (name === 'img') {
		const src = element.attributes.find((attribute) => attribute.name?.toLowerCase() === 'src');
		const alt = element.attributes.find((attribute) => attribute.name?.toLowerCase() === 'alt');
		if (src?.value.kind === 'text') {
			checkImage(ctx, {
				url: src.value.value,
				raw: [],
				alt: alt === undefined ? '' : alt.value.kind === 'text' ? alt.value.value : alt.value.kind === 'none' ? '' : null,
				offset: element.offset,
				syntax: 'html',
				schemeChecked: true,
			});
		} else if (alt === undefined || (alt.value.kind !== 'expression' && textOf(alt.value).trim() === '')) {
			reportMissingAlt(ctx, element.offset, '', 'html');
		}
	}
}

function textOf(value: AttributeValue): string {
	return value.kind === 'text' ? value.value : '';
}

function shownTag(element: ElementInfo): string {
	return element.name === null ? '<>' : `<${element.name}>`;
}

/**
 * Checks what every attribute must satisfy, and, when `allowed` is given, that a plain HTML element
 * only carries the attributes on its allow-list.
 */
function checkAttribute(ctx: Context, element: ElementInfo, attribute: AttributeInfo, allowed: readonly string[] | null): void {
	const tag = shownTag(element);
	if (attribute.name === null) {
		const code = attribute.value.kind === 'expression' ? attribute.value.code : '';
		report(
			ctx,
			'no-expression',
			attribute.offset,
			`The spread \`{${shorten(collapse(code), 60)}}\` on ${tag} computes its props with JavaScript.`,
			'Remove the spread and write each prop with a literal value in double quotes, for example title="Before you post".'
		);
		return;
	}
	const name = attribute.name;
	const lower = name.toLowerCase();
	if (lower.startsWith('on')) {
		report(
			ctx,
			'event-handler',
			attribute.offset,
			`The event handler \`${name}\` on ${tag} would run JavaScript in readers' browsers.`,
			`Remove \`${name}\`. Modules cannot contain scripts; describe the interaction in the text instead.`
		);
	} else if (lower === 'style') {
		report(
			ctx,
			'style-attribute',
			attribute.offset,
			`The \`${name}\` attribute on ${tag} is not allowed.`,
			`Remove \`${name}\`. The site theme styles all content; use Markdown emphasis or an allowed component to mark up the text.`
		);
	} else if (allowed !== null) {
		const comparable = element.syntax === 'html' ? lower : name;
		if (!allowed.includes(comparable)) {
			report(
				ctx,
				'raw-html',
				attribute.offset,
				`The attribute \`${name}\` is not allowed on ${tag}.`,
				`Remove \`${name}\`. ${tag} accepts only these attributes: ${allowed.join(', ')}.`
			);
		}
	}
	checkAttributeValue(ctx, tag, attribute, lower);
}

/** Checks the value of any attribute or prop: no expressions, and no script URLs where a URL goes. */
function checkAttributeValue(ctx: Context, tag: string, attribute: AttributeInfo, lowerName: string): void {
	const { value } = attribute;
	if (value.kind === 'expression') {
		report(
			ctx,
			'no-expression',
			attribute.offset,
			`The value of \`${attribute.name}\` on ${tag} is the expression \`{${shorten(collapse(value.code), 60)}}\`, which would run as JavaScript when the site is built.`,
			`Write the value as plain text in double quotes, for example ${attribute.name}="…".`
		);
	} else if (value.kind === 'text' && (URL_ATTRIBUTES.has(lowerName) || lowerName.endsWith(':href'))) {
		const kind = lowerName === 'href' ? 'link' : lowerName === 'src' && tag === '<img>' ? 'image' : 'address';
		checkUrl(ctx, value.value, [value.raw], attribute.offset, kind);
	}
}

/** The allowed component a misspelt or lower-case name most likely means: two letters off at most, in any case. */
function componentMeant(ctx: Context, name: string): string | undefined {
	return Object.keys(ctx.components)
		.map((component) => ({ component, distance: editDistance(component.toLowerCase(), name.toLowerCase()) }))
		.filter(({ distance }) => distance <= 2)
		.sort((a, b) => a.distance - b.distance)[0]?.component;
}

function checkComponent(ctx: Context, element: ElementInfo, name: string): void {
	const names = Object.keys(ctx.components);
	if (!Object.hasOwn(ctx.components, name)) {
		const meant = componentMeant(ctx, name);
		report(
			ctx,
			'unknown-component',
			element.offset,
			`<${name}> is not one of the components modules may use.`,
			meant
				? `Did you mean <${meant}>? The allowed components are ${names.map((n) => `<${n}>`).join(', ')}.`
				: `Use one of the allowed components: ${names.map((n) => `<${n}>`).join(', ')}. They are available without an import; check the spelling and capitalisation.`
		);
		for (const attribute of element.attributes) checkAttribute(ctx, element, attribute, null);
		return;
	}
	const spec = ctx.components[name]!;
	const accepted = Object.keys(spec.props);
	for (const attribute of element.attributes) {
		checkAttribute(ctx, element, attribute, null);
		const prop = attribute.name;
		if (prop === null || /^on/i.test(prop) || prop.toLowerCase() === 'style') continue;
		if (!Object.hasOwn(spec.props, prop)) {
			report(
				ctx,
				'unknown-prop',
				attribute.offset,
				`<${name}> has no prop \`${prop}\`.`,
				accepted.length === 0
					? `Remove \`${prop}\`. <${name}> takes no props.`
					: `Remove \`${prop}\` or correct its spelling. <${name}> accepts: ${accepted.join(', ')}.`
			);
			continue;
		}
		checkPropValue(ctx, name, prop, spec.props[prop]!, attribute);
	}
	for (const [prop, propSpec] of Object.entries(spec.props)) {
		if (propSpec.type === 'boolean' || !propSpec.required) continue;
		if (element.attributes.some((attribute) => attribute.name === prop)) continue;
		report(
			ctx,
			'invalid-prop',
			element.offset,
			`<${name}> is missing the required prop \`${prop}\`.`,
			`Add ${prop}="…" to the opening tag, for example <${name} ${prop}="${examplePropValue(propSpec)}">.`
		);
	}
}

function examplePropValue(spec: PropSpec): string {
	return spec.type === 'enum' ? (spec.values[0] ?? '…') : '…';
}

function checkPropValue(ctx: Context, component: string, prop: string, spec: PropSpec, attribute: AttributeInfo): void {
	const { value } = attribute;
	if (value.kind === 'expression') return;
	if (spec.type === 'boolean') {
		if (value.kind === 'text') {
			report(
				ctx,
				'invalid-prop',
				attribute.offset,
				`\`${prop}\` on <${component}> is a yes/no prop and takes no value, but was given "${shorten(value.value, 40)}".`,
				`Write \`${prop}\` on its own to turn it on, or leave it out.`
			);
		}
		return;
	}
	if (value.kind === 'none') {
		report(
			ctx,
			'invalid-prop',
			attribute.offset,
			`\`${prop}\` on <${component}> needs a value.`,
			spec.type === 'enum'
				? `Write one of: ${spec.values.map((v) => `${prop}="${v}"`).join(', ')}.`
				: `Write the text in double quotes: ${prop}="…".`
		);
		return;
	}
	if (spec.type === 'string' && spec.link && checkUrl(ctx, value.value, [value.raw], attribute.offset, 'link')) return;
	if (spec.type === 'string' && spec.format && !spec.format.pattern.test(value.value)) {
		report(
			ctx,
			'invalid-prop',
			attribute.offset,
			`\`${prop}="${shorten(value.value, 40)}"\` on <${component}> is not ${spec.format.name}.`,
			`Write it as ${spec.format.name}, such as ${prop}="${spec.format.example}".`
		);
		return;
	}
	if (spec.type === 'enum' && !spec.values.includes(value.value)) {
		report(
			ctx,
			'invalid-prop',
			attribute.offset,
			`\`${prop}="${shorten(value.value, 40)}"\` is not allowed on <${component}>.`,
			`Use one of: ${spec.values.map((v) => `${prop}="${v}"`).join(', ')}.`
		);
	}
}

