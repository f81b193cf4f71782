import type { ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { checkCatalog, type SourceFile } from '../src/lib/content/catalog';
import { formatProblem, type Problem } from '../src/lib/content/problems';
import { serializeCatalog } from '../src/lib/content/serialize';
import { readCourseFiles } from './catalog-files';

export const CATALOG_MODULE = 'virtual:jalons/catalog';
const RESOLVED = '\0' + CATALOG_MODULE;

interface Checked {
	code: string;
	errors: Problem[];
	text: string;
}

/**
 * Builds the catalog index once, at build time, as the module `virtual:jalons/catalog` (imported
 * by the server only), so the server starts without parsing course files. A build with catalog
 * errors fails with the same `file:line: message` list as `npm run courses:check`.
 *
 * In `vite dev` a broken catalog does not stop the server: the terminal prints the list (no stack
 * trace), every page answers with the list instead of the app (catalogErrorPage), and each edit
 * under courses/ checks again and reloads open pages, so a fixed file brings the page back.
 */
export function catalogCheck(
	root = process.cwd(),
	read: () => SourceFile[] = () => readCourseFiles(root),
	// Vitest loads this config for the unit tests, which never need the catalog checked.
	vitest = Boolean(process.env.VITEST)
): Plugin {
	const run = (): Checked => {
		const { catalog, problems } = checkCatalog(read());
		return {
			code: `export default JSON.parse(${JSON.stringify(JSON.stringify(serializeCatalog(catalog)))});`,
			errors: problems.filter((p) => p.severity === 'error'),
			text: problems.map(formatProblem).join('\n')
		};
	};
	const failure = ({ errors, text }: Checked) =>
		`The course catalog has ${errors.length} error(s):\n${text}\nFix them, then run npm run courses:check.`;
	let serving = false;
	// In dev, the last check: kept until the next edit under courses/.
	let current: Checked | null = null;
	const report = (server: ViteDevServer, checked: Checked) => {
		if (checked.errors.length)
			server.config.logger.error(`\n${failure(checked)}`, { timestamp: true });
		else if (checked.text) server.config.logger.warn(`\n${checked.text}`, { timestamp: true });
	};
	return {
		name: 'jalons:catalog-check',
		configResolved(config) {
			serving = config.command === 'serve' && !vitest;
		},
		buildStart() {
			if (vitest || serving) return;
			const checked = run();
			if (checked.errors.length) this.error(failure(checked));
			else if (checked.text) this.warn(`\n${checked.text}`);
		},
		resolveId(id) {
			return id === CATALOG_MODULE ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return;
			if (serving) return (current ??= run()).code;
			const checked = run();
			if (checked.errors.length) this.error(failure(checked));
			return checked.code;
		},
		configureServer(server) {
			if (vitest) return;
			current = run();
			report(server, current);
			const courses = `${root}/courses`;
			server.watcher.add(courses);
			const onChange = (file: string) => {
				if (!file.startsWith(`${courses}/`) && file !== courses) return;
				for (const env of Object.values(server.environments)) {
					const mod = env.moduleGraph.getModuleById(RESOLVED);
					if (mod) env.moduleGraph.invalidateModule(mod);
				}
				const before = current;
				current = run();
				if (current.text !== before?.text || current.errors.length) report(server, current);
				else server.config.logger.info('course catalog: no problems', { timestamp: true });
				// The page reloads either way: into the app once the catalog is clean, into the list of
				// problems while it is not.
				server.ws.send({ type: 'full-reload', path: '*' });
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
			// Before SvelteKit's own middleware: while the catalog has errors, pages get their list.
			server.middlewares.use((req, res, next) => {
				const wantsPage =
					(req.headers.accept ?? '').includes('text/html') ||
					/__data\.json(\?|$)/.test(req.url ?? '');
				if (current?.errors.length && wantsPage && req.method === 'GET')
					catalogErrorPage(res, current.errors);
				else next();
			});
		}
	};
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page every request gets in dev while the catalog has errors: each `file:line: message`, and
 * Vite's client, so the page reloads itself when a file is fixed. Works without JavaScript (reload).
 */
export function catalogErrorPage(res: ServerResponse, errors: Problem[]) {
	const items = errors.map((p) => `<li><code>${escape(formatProblem(p))}</code></li>`).join('\n');
	res.statusCode = 503;
	res.setHeader('content-type', 'text/html; charset=utf-8');
	res.setHeader('cache-control', 'no-store');
	res.end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Course catalog errors — Jalons</title>
<script type="module" src="/@vite/client"></script>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1f2328; background: #fff; }
h1 { color: #a40e26; font-size: 1.5rem; }
ol { padding-left: 1.5rem; }
li { margin: 0.4rem 0; }
code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.95rem; }
</style>
</head>
<body>
<main>
<h1>The course catalog has ${errors.length} error${errors.length === 1 ? '' : 's'}</h1>
<p>Fix ${errors.length === 1 ? 'it' : 'them'} in your editor: this page reloads by itself once the catalog is clean (without JavaScript, reload it). <code>npm run courses:check</code> prints the same list.</p>
<ol id="catalog-errors">
${items}
</ol>
</main>
</body>
</html>
`);
}
