import { fileURLToPath } from 'node:url';
import { createSlugger } from './slug.js';

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

/** @param {HastNode} node @returns {string} */
function textOf(node) {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

/** Gives every h2/h3 an id (for the table of contents) and every h2–h6 a stable anchor. */
function rehypeHeadingIds() {
	/** @param {HastNode} tree */
	return (tree) => {
		const slug = createSlugger();
		/** @param {HastNode} node */
		const walk = (node) => {
			if (node.type === 'element' && node.tagName && /^h[2-6]$/.test(node.tagName)) {
				node.properties = { ...node.properties, id: slug(textOf(node)) };
			}
			for (const child of node.children ?? []) walk(child);
		};
		walk(tree);
	};
}

/** @type {import('mdsvex').MdsvexOptions} */
export const mdsvexOptions = {
	extensions: ['.md'],
	layout: { _: fileURLToPath(new URL('../components/LessonLayout.svelte', import.meta.url)) },
	layoutPropForwarding: 'runes',
	rehypePlugins: [rehypeHeadingIds],
	smartypants: { quotes: true, ellipses: true, backticks: false, dashes: 'oldschool' }
};
