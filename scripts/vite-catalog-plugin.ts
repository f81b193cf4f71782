import type { Plugin } from 'vite';
import { checkCatalog, type SourceFile } from '../src/lib/content/catalog';
import { formatProblem } from '../src/lib/content/problems';
import { serializeCatalog } from '../src/lib/content/serialize';
import { readCourseFiles } from './catalog-files';

export const CATALOG_MODULE = 'virtual:jalons/catalog';
const RESOLVED = '\0' + CATALOG_MODULE;

/**
 * Builds the catalog index once, at build time, as the module `virtual:jalons/catalog` (imported
 * by the server only), so the server starts without parsing course files. Checks the course catalog when the build or the dev server starts (failing with the same
 * `file:line: message` list as `npm run courses:check`), and again on every edit under courses/
 * in dev, where errors show in the browser's overlay and a clean edit reloads the page.
 */
export function catalogCheck(
	root = process.cwd(),
	read: () => SourceFile[] = () => readCourseFiles(root)
): Plugin {
	const run = () => {
		const { catalog, problems } = checkCatalog(read());
		const errors = problems.filter((p) => p.severity === 'error');
		return { catalog, errors, text: problems.map(formatProblem).join('\n') };
	};
	const failure = (errors: unknown[], text: string) =>
		`The course catalog has ${errors.length} error(s):\n${text}\nFix them, then run npm run courses:check.`;
	return {
		name: 'jalons:catalog-check',
		buildStart() {
			if (process.env.VITEST) return;
			const { errors, text } = run();
			if (errors.length) this.error(failure(errors, text));
			else if (text) this.warn(`\n${text}`);
		},
		resolveId(id) {
			return id === CATALOG_MODULE ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return;
			const { catalog, errors, text } = run();
			if (errors.length) this.error(failure(errors, text));
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(serializeCatalog(catalog)))});`;
		},
		configureServer(server) {
			const onChange = (file: string) => {
				if (!file.startsWith(`${root}/courses/`)) return;
				for (const env of Object.values(server.environments)) {
					const mod = env.moduleGraph.getModuleById(RESOLVED);
					if (mod) env.moduleGraph.invalidateModule(mod);
				}
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
