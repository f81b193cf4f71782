import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { mdsvexOptions } from './src/lib/content/mdsvex.config.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex(mdsvexOptions)],
	compilerOptions: {
		// mdsvex 0.12 writes the frontmatter into `<script context="module">`: its deprecation is not ours to fix.
		warningFilter: (w) => !(w.code === 'script_context_deprecated' && w.filename?.endsWith('.md'))
	},
	kit: {
		adapter: adapter(),
		alias: { $courses: 'courses' }
	}
};

export default config;
