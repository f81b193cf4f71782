import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFile } from '../src/lib/server/db/migrate';

/** The compat and migration SQL files from disk (the app bundles them instead). */
export function readSqlFiles(root: string): { compat: SqlFile[]; migrations: SqlFile[] } {
	const read = (dir: string) =>
		readdirSync(join(root, dir))
			.filter((f) => f.endsWith('.sql'))
			.sort()
			.map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
	return { compat: read('supabase/compat'), migrations: read('supabase/migrations') };
}
