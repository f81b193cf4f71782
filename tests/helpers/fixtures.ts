import { join } from 'node:path';
import { readCourseFiles } from '../../scripts/catalog-files';
import type { SourceFile } from '../../src/lib/content/catalog';

const dir = join(import.meta.dirname, '..', 'fixtures', 'catalogs');

/**
 * The files of a test catalog: `base` (valid) with the files of the named case laid over it.
 * A case folder holds only the files it changes or adds.
 */
export function fixture(name: string): SourceFile[] {
	const files = new Map(readCourseFiles(join(dir, 'base')).map((f) => [f.path, f]));
	if (name !== 'base') for (const f of readCourseFiles(join(dir, name))) files.set(f.path, f);
	return [...files.values()];
}
