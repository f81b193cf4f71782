import fs from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { openPglite } from './pglite-open';
import type { Driver } from './types';

/**
 * PostgreSQL compiled to WebAssembly, persisted in `dataDir` (or in memory when it is null), with
 * each commit flushed to disk unless `fsync` is false (see openPglite).
 */
export async function pgliteDriver(dataDir: string | null, { fsync = true } = {}): Promise<Driver> {
	let dir: string | null = null;
	if (dataDir) {
		dir = resolve(dataDir);
		fs.mkdirSync(dir, { recursive: true });
	}
	const db = await openPglite({ PGlite, NodeFS, fs }, dir, fsync);
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
