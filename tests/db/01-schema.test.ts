import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';
import { engines, openTestDb, type TestDb } from './harness';

describe.each(engines)('schema on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	it('enables row-level security on every table in public', async () => {
		const rows = await t.db.driver.transaction((sql) =>
			sql.query<{ relname: string; relrowsecurity: boolean }>(
				`select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`
			)
		);
		expect(rows.length).toBeGreaterThanOrEqual(3);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('grants anon nothing on public tables', async () => {
		const rows = await t.db.driver.transaction((sql) =>
			sql.query<{ table_name: string; privilege_type: string }>(
				`select table_name, privilege_type from information_schema.role_table_grants where grantee = 'anon' and table_schema = 'public'`
			)
		);
		expect(rows).toEqual([]);
	});

	it('records migrations as the Supabase CLI does, and applies each once', async () => {
		const rows = await t.db.driver.transaction((sql) =>
			sql.query<{ version: string; name: string }>(
				'select version, name from supabase_migrations.schema_migrations order by version'
			)
		);
		expect(rows.map((r) => `${r.version}_${r.name}`)).toEqual(
			migrationFiles.map((f) => f.path.replace(/^.*\//, '').replace(/\.sql$/, '')).sort()
		);
		expect(await migrate(t.db.driver, compatFiles, migrationFiles)).toEqual([]);
	});

	it('defines auth.uid() from the request claims, as Supabase does', async () => {
		const [row] = await t.db.driver.transaction(async (sql) => {
			await sql.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' })
			]);
			return sql.query<{ uid: string; role: string; jwt: { sub: string } }>(
				'select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt'
			);
		});
		expect(row).toEqual({
			uid: '00000000-0000-4000-8000-000000000001',
			role: 'authenticated',
			jwt: { sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' }
		});
	});
});
