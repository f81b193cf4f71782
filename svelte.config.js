import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { mdsvexOptions } from './src/lib/content/mdsvex.config.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex(mdsvexOptions)],
	compilerOptions: {
		// In lessons: mdsvex 0.12 writes frontmatter into `<script context="module">` (its deprecation is
		// not ours to fix), and code blocks are focusable on purpose, so keyboard users can scroll them
		// (axe's scrollable-region-focusable).
		warningFilter: (w) =>
			!(
				w.filename?.endsWith('.md') &&
				['script_context_deprecated', 'a11y_no_noninteractive_tabindex'].includes(w.code)
			)
	},
	kit: {
		adapter: adapter(),
		// Cross-site form posts are refused by src/lib/server/csrf.ts instead: kit's own check needs
		// ORIGIN to work over plain http (the README's quick start), see there.
		csrf: { trustedOrigins: ['*'] },
		alias: { $courses: 'courses' }
	}
};

export default config;
