import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Driver } from './types';

/** PostgreSQL compiled to WebAssembly, persisted in `dataDir` (or in memory when it is null). */
export async function pgliteDriver(dataDir: string | null): Promise<Driver> {
	let db: PGlite;
	if (dataDir) {
		const dir = resolve(dataDir);
		mkdirSync(dir, { recursive: true });
		db = await PGlite.create(dir);
	} else db = await PGlite.create();
	return {
		kind: 'pglite',
		// PGlite has one connection; its transaction() queues callers, so requests serialise here.
		transaction: (fn) =>
			db.transaction((tx) =>
				fn({ query: async (text, params) => (await tx.query(text, params)).rows as never })
			),
		exec: async (script) => {
			await db.exec(script);
		},
		close: () => db.close()
	};
}
