import { splitStatements } from './sql-split';
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
 * `supabase_migrations.schema_migrations` as the Supabase CLI records them: the same table, and the
 * same row (version, name, the file's statements as the CLI splits them). So `supabase db push`
 * and this runner each see what the other applied. Rows written by the runner before it split
 * statements (the whole file as one) are rewritten to the CLI's form.
 *
 * Several app servers may start at once on one database: each step runs in a transaction holding
 * one transaction-level advisory lock (so it works through a transaction-mode pooler too), and a
 * migration another server applied meanwhile is skipped, not applied twice.
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
			await driver.exec(locked(f.text));
	}
	await driver.exec(
		locked(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key, statements text[], name text
		);`)
	);
	const history = new Map(
		(
			await driver.transaction((sql) =>
				sql.query<{ version: string; statements: string[] | null }>(
					'select version, statements from supabase_migrations.schema_migrations'
				)
			)
		).map((r) => [r.version, r.statements])
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
		const statements = `array[${splitStatements(f.text).map(literal).join(', ')}]::text[]`;
		if (history.has(version!)) {
			const recorded = history.get(version!);
			if (recorded?.length === 1 && recorded[0] === f.text)
				await driver.exec(
					`update supabase_migrations.schema_migrations set statements = ${statements} where version = '${version}'`
				);
			continue;
		}
		try {
			// The history row first: a server that applied this migration meanwhile makes it fail at once.
			await driver.exec(
				locked(`insert into supabase_migrations.schema_migrations (version, statements, name) values ('${version}', ${statements}, '${name}');
${f.text}`)
			);
		} catch (e) {
			await driver.exec('rollback').catch(() => {});
			if (await isRecorded(driver, version!)) continue;
			throw e;
		}
		done.push(`${version}_${name}`);
	}
	return done;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A script in one transaction that holds the runner's lock (any 64-bit key no function uses). */
const locked = (script: string) => `begin;
select pg_advisory_xact_lock(4711202612010001);
${script}
;
commit;`;

async function isRecorded(driver: Driver, version: string): Promise<boolean> {
	const rows = await driver.transaction((sql) =>
		sql.query('select 1 from supabase_migrations.schema_migrations where version = $1', [version])
	);
	return rows.length > 0;
}
