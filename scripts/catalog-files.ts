import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../src/lib/content/catalog';

/** Reads every course file under `<root>/courses`, with paths relative to `root`, `/`-separated. */
export function readCourseFiles(root: string): SourceFile[] {
	const files: SourceFile[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith('.')) continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(md|ya?ml)$/.test(name))
				files.push({
					path: relative(root, full).split(sep).join('/'),
					text: readFileSync(full, 'utf8')
				});
		}
	};
	walk(join(root, 'courses'));
	return files;
}
