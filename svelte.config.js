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
		// Cross-site form posts are refused by src/lib/server/origin.ts instead: kit's own check needs
		// ORIGIN to work over plain http (the README's quick start), see there.
		csrf: { trustedOrigins: ['*'] },
		alias: { $courses: 'courses' },
		// Sent as a header on server-rendered pages (a <meta> cannot carry frame-ancestors); SvelteKit
		// adds a nonce (hashes when prerendered) for its own inline script. See docs/security.md.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer has a style attribute (sveltejs/kit#11993): that one is allowed.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
