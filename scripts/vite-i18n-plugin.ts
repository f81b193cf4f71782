import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { compileMessages } from './i18n-compile';

/**
 * Compiles the interface messages when a build or the dev server starts; a build fails when
 * Paraglide generates nothing or a language lacks a key (scripts/i18n-compile.ts). In dev, an edit
 * under messages/ compiles again; a broken file is reported in the terminal.
 */
export function i18nMessages(root = process.cwd()): Plugin {
	return {
		name: 'jalons-i18n-messages',
		async buildStart() {
			await compileMessages(root);
		},
		configureServer(server) {
			server.watcher.add(`${root}/messages`);
			server.watcher.on('all', (_event, file) => {
				if (!relative(root, file).startsWith(`messages${sep}`)) return;
				compileMessages(root).catch((e: Error) =>
					server.config.logger.error(`\n${e.message}`, { timestamp: true })
				);
			});
		}
	};
}
