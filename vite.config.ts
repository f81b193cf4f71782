import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { checkCatalog } from './src/lib/content/catalog';
import { formatProblem } from './src/lib/content/problems';
import { readCourseFiles } from './scripts/catalog-files';

/**
 * Checks the course catalog when the build or the dev server starts (failing with the same
 * `file:line: message` list as `npm run courses:check`), and again on every edit under courses/
 * in dev, where errors show in the browser's overlay and a clean edit reloads the page.
 */
function catalogCheck(): Plugin {
	const root = process.cwd();
	const run = () => {
		const { problems } = checkCatalog(readCourseFiles(root));
		const errors = problems.filter((p) => p.severity === 'error');
		return { errors, text: problems.map(formatProblem).join('\n') };
	};
	return {
		name: 'jalons:catalog-check',
		apply: () => !process.env.VITEST,
		buildStart() {
			const { errors, text } = run();
			if (errors.length)
				this.error(
					`The course catalog has ${errors.length} error(s):\n${text}\nRun npm run courses:check after fixing them.`
				);
			else if (text) this.warn(text);
		},
		configureServer(server) {
			const onChange = (file: string) => {
				if (!file.startsWith(`${root}/courses/`)) return;
				const { errors, text } = run();
				if (errors.length) {
					server.config.logger.error(`\n${text}`);
					server.ws.send({
						type: 'error',
						err: { message: `Course catalog errors:\n${text}`, stack: '' }
					});
				} else server.ws.send({ type: 'full-reload', path: '*' });
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
		}
	};
}

export default defineConfig({
	plugins: [catalogCheck(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
		expect: { requireAssertions: true },
		environment: 'node'
	}
});
