import { execFileSync } from 'node:child_process';
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
			// Under Vitest, in a child process: Paraglide's compiler leaves handles open that would keep
			// the test run from exiting.
			if (process.env.VITEST)
				execFileSync(process.execPath, ['--import', 'tsx', 'scripts/i18n-compile.ts'], {
					cwd: root,
					stdio: ['ignore', 'ignore', 'inherit']
				});
			else await compileMessages(root);
		},
		configureServer(server) {
			// Vitest runs a server too: it needs the messages compiled, not watched.
			if (process.env.VITEST) return;
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
