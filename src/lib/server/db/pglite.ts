import fs from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { openPglite } from './pglite-open';
import { script } from './script';
import type { Driver, Row } from './types';

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
		// As the worker does: one simple-protocol query, one implicit transaction (script.ts).
		run: async (steps) => {
			const text = script(steps);
			if (text !== null) return (await db.exec(text)).at(-1)?.rows ?? [];
			return db.transaction(async (tx) => {
				let last: Row[] = [];
				for (const s of steps) last = (await tx.query<Row>(s.text, s.params)).rows;
				return last;
			});
		},
		exec: async (text) => {
			await db.exec(text);
		},
		close: () => db.close()
	};
}
