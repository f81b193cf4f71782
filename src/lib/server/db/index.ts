// Resolves the database once per server process, from the environment:
// Supabase (PUBLIC_SUPABASE_URL + key), a PostgreSQL server (DATABASE_URL), or embedded PGlite.
import { LocalDb } from './local';
import { migrate } from './migrate';
import { pgliteWorkerDriver } from './pglite-worker';
import { postgresDriver } from './postgres';
import { compatFiles, migrationFiles } from './sql-files';
import { modeOf, type Env } from '../env';

export async function openLocalDb(env: Env): Promise<LocalDb> {
	const driver = env.DATABASE_URL
		? postgresDriver(env.DATABASE_URL)
		: // In a worker thread: the database runs beside the server's own work, not in turns with it.
			await pgliteWorkerDriver(env.DATA_DIR, { fsync: env.PGLITE_FSYNC });
	await migrate(driver, compatFiles, migrationFiles);
	return new LocalDb(driver);
}

let local: Promise<LocalDb> | null = null;

/** The local database (pglite or postgres); null in Supabase mode, where supabase-js is used. */
export function localDb(env: Env): Promise<LocalDb> | null {
	if (modeOf(env) === 'supabase') return null;
	local ??= openLocalDb(env);
	return local;
}

export async function closeDb() {
	if (!local) return;
	const db = await local;
	local = null;
	await db.close();
}
