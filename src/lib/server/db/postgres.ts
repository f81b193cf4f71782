import pg from 'pg';
import type { Driver } from './types';

/** A PostgreSQL server through a `pg` connection pool. */
export function postgresDriver(connectionString: string, max = 10): Driver {
	const pool = new pg.Pool({ connectionString, max });
	// An idle client can be cut by the server (restart, dropped database): log it, do not crash.
	pool.on('error', (e: Error & { code?: string }) => {
		if (e.code !== '57P01') console.warn(`postgres: idle client error: ${e.message}`);
	});
	return {
		kind: 'postgres',
		transaction: async (fn) => {
			const client = await pool.connect();
			try {
				await client.query('begin');
				const result = await fn({
					query: async (text, params) =>
						(await client.query(text, params as unknown[])).rows as never
				});
				await client.query('commit');
				return result;
			} catch (e) {
				await client.query('rollback').catch(() => {});
				throw e;
			} finally {
				client.release();
			}
		},
		exec: async (script) => {
			const client = await pool.connect();
			try {
				await client.query(script);
			} catch (e) {
				// A script with its own `begin` leaves the connection in the failed transaction.
				await client.query('rollback').catch(() => {});
				throw e;
			} finally {
				client.release();
			}
		},
		close: () => pool.end()
	};
}
