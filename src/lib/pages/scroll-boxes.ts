import { defineHastPlugin } from 'satteri';

/**
 * Tables in content scroll sideways when they are wider than the screen (Starlight gives each one
 * its own scroll box), and a scroll box that cannot take focus cannot be scrolled from the keyboard.
 * The compiler makes each table focusable, so it is part of the tab order. (Code blocks wrap
 * instead: see currents.css.)
 */
export const focusableScrollBoxes = defineHastPlugin({
	name: 'currents:focusable-scroll-boxes',
	element: {
		filter: ['table'],
		visit(node, ctx) {
			ctx.setProperty(node, 'tabIndex', 0);
		},
	},
});
