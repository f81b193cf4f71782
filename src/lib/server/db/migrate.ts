import type { Driver } from './types';

export interface SqlFile {
	/** e.g. `supabase/migrations/20261123120000_profiles.sql` */
	path: string;
	text: string;
}

const MIGRATION = /(?:^|\/)(\d{14})_([a-z0-9_]+)\.sql$/;

/**
 * Applies Supabase's stand-in (compat) where the database has no auth.uid() of Supabase's own,
 * then every migration not yet applied, in order, each in its own transaction, recorded in
 * `supabase_migrations.schema_migrations` as the Supabase CLI records them.
 */
export async function migrate(
	driver: Driver,
	compat: SqlFile[],
	migrations: SqlFile[]
): Promise<string[]> {
	const [state] = await driver.transaction((sql) =>
		sql.query<{ has_uid: boolean; is_compat: boolean }>(
			`select to_regprocedure('auth.uid()') is not null as has_uid,
			        coalesce(obj_description(to_regnamespace('auth'), 'pg_namespace') like 'jalons-compat%', false) as is_compat`
		)
	);
	if (!state!.has_uid || state!.is_compat) {
		for (const f of [...compat].sort((a, b) => a.path.localeCompare(b.path)))
			await driver.exec(f.text);
	}
	await driver.exec(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key, statements text[], name text
		);`);
	const applied = new Set(
		(
			await driver.transaction((sql) =>
				sql.query<{ version: string }>('select version from supabase_migrations.schema_migrations')
			)
		).map((r) => r.version)
	);
	const done: string[] = [];
	const ordered = migrations
		.map((f) => ({ f, m: MIGRATION.exec(f.path) }))
		.filter((x): x is { f: SqlFile; m: RegExpExecArray } => {
			if (!x.m) throw new Error(`${x.f.path}: migration files are named YYYYMMDDHHMMSS_name.sql`);
			return true;
		})
		.sort((a, b) => a.m[1]!.localeCompare(b.m[1]!));
	for (const { f, m } of ordered) {
		const [, version, name] = m;
		if (applied.has(version!)) continue;
		const escaped = f.text.replace(/'/g, "''");
		await driver.exec(`begin;
${f.text}
;
insert into supabase_migrations.schema_migrations (version, statements, name) values ('${version}', array['${escaped}'], '${name}');
commit;`);
		done.push(`${version}_${name}`);
	}
	return done;
}
