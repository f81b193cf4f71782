// Test databases: PGlite in memory always, in this thread and in a worker thread (as the app server
// runs it); a fresh database on the PostgreSQL server at DATABASE_URL when it is set (CI starts
// PostgreSQL 15 and sets it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { LocalDb } from '../../src/lib/server/db/local';
import { migrate } from '../../src/lib/server/db/migrate';
import { pgliteDriver } from '../../src/lib/server/db/pglite';
import { pgliteWorkerDriver } from '../../src/lib/server/db/pglite-worker';
import { postgresDriver } from '../../src/lib/server/db/postgres';
import type { SqlFile } from '../../src/lib/server/db/migrate';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';

export interface TestDb {
	name: string;
	db: LocalDb;
	dispose(): Promise<void>;
}

export const engines = [
	'pglite',
	'pglite-worker',
	...(process.env.DATABASE_URL ? ['postgres'] : [])
] as const;

/**
 * A fresh database with every migration applied, or only `migrations` (to seed data as it was
 * before a migration, then apply the rest with `migrate`).
 */
export async function openTestDb(
	engine: (typeof engines)[number],
	migrations: SqlFile[] = migrationFiles
): Promise<TestDb> {
	if (engine === 'pglite' || engine === 'pglite-worker') {
		const driver = engine === 'pglite' ? await pgliteDriver(null) : await pgliteWorkerDriver(null);
		await migrate(driver, compatFiles, migrations);
		const db = new LocalDb(driver);
		return { name: 'PGlite', db, dispose: () => db.close() };
	}
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	const name = `jalons_test_${randomBytes(6).toString('hex')}`;
	await admin.query(`create database ${name}`);
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${name}`;
	const driver = postgresDriver(url.toString(), 4);
	await migrate(driver, compatFiles, migrations);
	const db = new LocalDb(driver);
	return {
		name: 'PostgreSQL',
		db,
		dispose: async () => {
			await db.close();
			await admin.query(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** Creates an auth user as Supabase Auth would (the profile comes from the trigger). */
export async function createUser(db: LocalDb, email: string): Promise<string> {
	const [row] = await db.asAuth((sql) =>
		sql.query<{ id: string }>(
			`insert into auth.users (email, encrypted_password) values ($1, 'x') returning id`,
			[email]
		)
	);
	return row!.id;
}

/**
 * Runs one statement as a signed-in learner, as the Supabase REST API lets anyone do with their own
 * token: role `authenticated`, their id in the request claims. Errors keep their SQLSTATE (`code`).
 */
export function asLearner<T = Record<string, unknown>>(
	db: LocalDb,
	userId: string,
	text: string,
	params: unknown[] = []
): Promise<T[]> {
	return db.driver.transaction(async (sql) => {
		await sql.query(
			`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
			[JSON.stringify({ sub: userId, role: 'authenticated' })]
		);
		return sql.query<T>(text, params);
	});
}
