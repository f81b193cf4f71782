import type { Plugin } from 'vite';
import { checkCatalog, type SourceFile } from '../src/lib/content/catalog';
import { formatProblem } from '../src/lib/content/problems';
import { readCourseFiles } from './catalog-files';

/**
 * Checks the course catalog when the build or the dev server starts (failing with the same
 * `file:line: message` list as `npm run courses:check`), and again on every edit under courses/
 * in dev, where errors show in the browser's overlay and a clean edit reloads the page.
 */
export function catalogCheck(
	root = process.cwd(),
	read: () => SourceFile[] = () => readCourseFiles(root)
): Plugin {
	const run = () => {
		const { problems } = checkCatalog(read());
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
					`The course catalog has ${errors.length} error(s):\n${text}\nFix them, then run npm run courses:check.`
				);
			else if (text) this.warn(`\n${text}`);
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
