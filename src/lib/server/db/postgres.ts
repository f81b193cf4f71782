import pg from 'pg';
import { script } from './script';
import type { Driver, Row } from './types';

/** A PostgreSQL server through a `pg` connection pool. */
export function postgresDriver(connectionString: string, max = 10): Driver {
	const pool = new pg.Pool({ connectionString, max });
	// An idle client can be cut by the server (restart, dropped database): log it, do not crash.
	pool.on('error', (e: Error & { code?: string }) => {
		if (e.code !== '57P01') console.warn(`postgres: idle client error: ${e.message}`);
	});
	const transaction: Driver['transaction'] = async (fn) => {
		const client = await pool.connect();
		try {
			await client.query('begin');
			const result = await fn({
				query: async (text, params) => (await client.query(text, params as unknown[])).rows as never
			});
			await client.query('commit');
			return result;
		} catch (e) {
			await client.query('rollback').catch(() => {});
			throw e;
		} finally {
			client.release();
		}
	};
	return {
		kind: 'postgres',
		// One round trip: the steps as one simple-protocol query, which PostgreSQL runs as one
		// implicit transaction (rolled back on error, so the connection goes back to the pool clean).
		run: async (steps) => {
			const text = script(steps);
			if (text === null)
				return transaction(async (sql) => {
					let last: Row[] = [];
					for (const s of steps) last = await sql.query(s.text, s.params);
					return last;
				});
			// Not pool.query(): it closes the connection on any error, and a refusal (JL409…) is an
			// error the app expects.
			const client = await pool.connect();
			try {
				const result = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
				return (Array.isArray(result) ? result.at(-1)!.rows : result.rows) as Row[];
			} finally {
				client.release();
			}
		},
		transaction,
		exec: async (text) => {
			const client = await pool.connect();
			try {
				await client.query(text);
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
