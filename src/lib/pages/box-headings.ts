import type { Parents as MdastParents } from 'mdast';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { BOX_LEVEL, boxLevel } from './box-level.ts';

/** The content components whose title is a heading (`src/components/content/`). */
export const TITLED_BOXES = new Set(['Case', 'Discussion', 'Example', 'Exercise']);

/**
 * A box's title (a worked example, an exercise, a case, a discussion prompt) is a heading one level
 * below the section the box sits in, so that a screen reader's list of headings, and its jumps from
 * heading to heading, reach every exercise. The level comes from the compiler's own tree: the last
 * heading before the box in the document, plus one (a box before any heading sits under the page's
 * title, an h1, so its title is an h2). The plugin hands the level to the component as a prop
 * (`BOX_LEVEL`, set over any an author wrote), and the component renders the heading, so the titles
 * stay out of "On this page", where a discussion prompt, shown only in the instructor view, has no
 * place. Sätteri cannot set a JSX element's attributes in place, so the element is replaced by a copy
 * of itself with the one attribute more; it runs after the content guard has passed the file.
 */
export const boxHeadings: MdastPluginEntry = () => {
	// One document at a time: the plugin's factory runs once per compile.
	let section = 1;
	return defineMdastPlugin({
		name: 'currents:box-headings',
		heading(node, ctx) {
			// A heading inside a box belongs to the box, not to the sections the next boxes sit in.
			for (let parent: Readonly<MdastParents> | undefined = ctx.parent(node); parent; parent = ctx.parent(parent)) if (parent.type === 'mdxJsxFlowElement' && isBox(parent.name)) return;
			section = node.depth;
		},
		mdxJsxFlowElement(node, ctx) {
			if (!isBox(node.name)) return;
			const attributes = node.attributes.filter((attribute) => attribute.type !== 'mdxJsxAttribute' || attribute.name !== BOX_LEVEL);
			ctx.replaceNode(node, { ...node, attributes: [...attributes, { type: 'mdxJsxAttribute', name: BOX_LEVEL, value: String(boxLevel(section)) }] });
		},
	});
};

const isBox = (name: string | null) => name !== null && TITLED_BOXES.has(name);
