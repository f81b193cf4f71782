// The schema, bundled into the server build so `node build` needs no supabase/ folder.
import type { SqlFile } from './migrate';

const raw = (files: Record<string, string>): SqlFile[] =>
	Object.entries(files).map(([path, text]) => ({ path: path.slice(1), text }));

export const compatFiles = raw(
	import.meta.glob('/supabase/compat/*.sql', { query: '?raw', import: 'default', eager: true })
);
export const migrationFiles = raw(
	import.meta.glob('/supabase/migrations/*.sql', { query: '?raw', import: 'default', eager: true })
);
