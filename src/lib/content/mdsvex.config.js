import { fileURLToPath } from 'node:url';
import { escapeSvelte } from 'mdsvex';
import Prism from 'prismjs';
import loadLanguages from 'prismjs/components/index.js';
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

/** @param {HastNode} node */
const isBlank = (node) => node.type === 'text' && !(node.value ?? '').trim();

/**
 * Folds the model answers of "Check yourself": in the list after that heading, what follows a
 * question's first paragraph goes into `<details class="model-answer">` with a "Model answer"
 * summary, so a learner answers first and then grades themselves (docs/authoring.md).
 */
const CHECK_YOURSELF = /** @type {Record<'en' | 'fr', { heading: string, summary: string }>} */ ({
	en: { heading: 'Check yourself', summary: 'Model answer' },
	fr: { heading: 'Vérifiez vos acquis', summary: 'Réponse modèle' }
});

function rehypeModelAnswers() {
	/**
	 * @param {HastNode} tree
	 * @param {{ filename?: string }} [file]
	 */
	return (tree, file) => {
		// A translation (index.fr.md) has the section under its French name (translation.ts).
		const words = CHECK_YOURSELF[/\.fr\.md$/.test(file?.filename ?? '') ? 'fr' : 'en'];
		const top = tree.children ?? [];
		const at = top.findIndex(
			(n) => n.type === 'element' && n.tagName === 'h2' && textOf(n).trim() === words.heading
		);
		if (at < 0) return;
		const list = top.slice(at + 1).find((n) => n.type === 'element');
		if (!list || (list.tagName !== 'ul' && list.tagName !== 'ol')) return;
		list.properties = { ...list.properties, className: ['check-yourself'] };
		for (const li of list.children ?? []) {
			if (li.type !== 'element' || li.tagName !== 'li') continue;
			const kids = li.children ?? [];
			const first = kids.findIndex((n) => n.type === 'element' && n.tagName === 'p');
			if (first < 0) continue;
			const answer = kids.slice(first + 1).filter((n) => !isBlank(n));
			if (answer.length === 0) continue;
			li.children = [
				...kids.slice(0, first + 1),
				{
					type: 'element',
					tagName: 'details',
					properties: { className: ['model-answer'] },
					children: [
						{
							type: 'element',
							tagName: 'summary',
							properties: {},
							children: [{ type: 'text', value: words.summary }]
						},
						...answer
					]
				}
			];
		}
	};
}

const ALIASES = /** @type {Record<string, string>} */ ({
	ts: 'typescript',
	js: 'javascript',
	py: 'python',
	sh: 'bash',
	shell: 'bash',
	yml: 'yaml',
	tf: 'hcl',
	terraform: 'hcl',
	dockerfile: 'docker'
});

/** @param {string} text */
const escapeHtml = (text) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Prism at build time, as mdsvex's default does, but the block is focusable (tabindex="0") so a
 * keyboard user can scroll a wide code block, as WCAG asks of scrollable regions.
 * @param {string} code
 * @param {string | null | undefined} lang
 */
function highlight(code, lang) {
	const name = ALIASES[lang ?? ''] ?? lang ?? 'text';
	if (!Prism.languages[name]) {
		try {
			loadLanguages.silent = true;
			loadLanguages([name]);
		} catch {
			/* unknown to Prism: shown as plain text */
		}
	}
	const grammar = Prism.languages[name];
	const html = grammar ? Prism.highlight(code, grammar, name) : escapeHtml(code);
	const cls = `language-${name.replace(/[^a-z0-9-]/gi, '')}`;
	return `<pre class="${cls}" tabindex="0">{@html \`<code class="${cls}">${escapeSvelte(html)}</code>\`}</pre>`;
}

/** @type {import('mdsvex').MdsvexOptions} */
export const mdsvexOptions = {
	extensions: ['.md'],
	layout: { _: fileURLToPath(new URL('../components/LessonLayout.svelte', import.meta.url)) },
	layoutPropForwarding: 'runes',
	highlight: { highlighter: highlight },
	rehypePlugins: [rehypeHeadingIds, rehypeModelAnswers],
	smartypants: { quotes: true, ellipses: true, backticks: false, dashes: 'oldschool' }
};
