// One migration history for the Supabase CLI and the app: `supabase db push` and the app's runner
// (src/lib/server/db/migrate.ts) write the same rows to supabase_migrations.schema_migrations, so
// the app starts on a database the CLI pushed, applying nothing twice, and the CLI finds a database
// the app migrated up to date. The CLI is the real one (the `supabase` dev dependency), run against
// fresh databases on the PostgreSQL server at DATABASE_URL; the rewrite of old history rows runs on
// every engine.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalDb } from '../../src/lib/server/db';
import { migrate, type SqlFile } from '../../src/lib/server/db/migrate';
import { postgresDriver } from '../../src/lib/server/db/postgres';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';
import { splitStatements } from '../../src/lib/server/db/sql-split';
import { parseEnv } from '../../src/lib/server/env';
import { createUser, engines, openTestDb, type TestDb } from './harness';

interface HistoryRow {
	version: string;
	name: string;
	statements: string[];
}

const HISTORY =
	'select version, name, statements from supabase_migrations.schema_migrations order by version';
const fileName = (f: SqlFile) => f.path.replace(/^.*\//, '');
const ordered = [...migrationFiles].sort((a, b) => a.path.localeCompare(b.path));

describe.each(engines)('migration history on %s', (engine) => {
	it("rewrites the runner's old history rows (the whole file as one statement) to the CLI's form, applying nothing", async () => {
		const t = await openTestDb(engine);
		try {
			for (const f of ordered)
				await t.db.driver.transaction((sql) =>
					sql.query(
						`update supabase_migrations.schema_migrations set statements = array[$1] where version = $2`,
						[f.text, fileName(f).slice(0, 14)]
					)
				);
			expect(await migrate(t.db.driver, compatFiles, migrationFiles)).toEqual([]);
			const rows = await t.db.driver.transaction((sql) => sql.query<HistoryRow>(HISTORY));
			expect(rows.map((r) => r.statements)).toEqual(ordered.map((f) => splitStatements(f.text)));
			expect(rows.every((r) => r.statements.length > 1)).toBe(true);
		} finally {
			await t.dispose();
		}
	});
});

const url = process.env.DATABASE_URL;

/** Runs the Supabase CLI from node_modules; resolves with what it printed, rejects on failure. */
function supabase(args: string[], workdir = process.cwd()): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(join(process.cwd(), 'node_modules/.bin/supabase'), args, {
			cwd: workdir,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`supabase ${args[0]} ${args[1]}: ${out}`))
		);
	});
}

const applying = (output: string) =>
	[...output.matchAll(/^Applying migration (\S+)\.\.\.$/gm)].map((m) => m[1]);

describe.each(engines.filter((e) => e === 'postgres'))('the Supabase CLI and the app on %s', () => {
	const admin = new pg.Client({ connectionString: url });
	const made: string[] = [];
	beforeAll(() => admin.connect());
	afterAll(async () => {
		for (const name of made) await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	});

	/** A fresh database prepared as a Supabase project looks before any migration (compat only). */
	async function supabaseLike(): Promise<{ url: string; cli: string }> {
		const name = `jalons_cli_${randomBytes(6).toString('hex')}`;
		await admin.query(`create database ${name}`);
		made.push(name);
		const u = new URL(url!);
		u.pathname = `/${name}`;
		const driver = postgresDriver(u.toString(), 1);
		for (const f of [...compatFiles].sort((a, b) => a.path.localeCompare(b.path)))
			await driver.exec(f.text);
		await driver.close();
		const cli = new URL(u);
		cli.searchParams.set('sslmode', 'disable');
		return { url: u.toString(), cli: cli.toString() };
	}

	async function history(dbUrl: string): Promise<HistoryRow[]> {
		const c = new pg.Client({ connectionString: dbUrl });
		await c.connect();
		try {
			return (await c.query<HistoryRow>(HISTORY)).rows;
		} finally {
			await c.end();
		}
	}

	/** The URL of a test database, as the app and as the CLI take it. */
	async function urlsOf(t: TestDb): Promise<{ url: string; cli: string }> {
		const [row] = await t.db.driver.transaction((sql) =>
			sql.query<{ db: string }>('select current_database() as db')
		);
		const u = new URL(url!);
		u.pathname = `/${row!.db}`;
		const cli = new URL(u);
		cli.searchParams.set('sslmode', 'disable');
		return { url: u.toString(), cli: cli.toString() };
	}

	let pushed: { url: string; cli: string };
	beforeAll(async () => {
		pushed = await supabaseLike();
		const output = await supabase(['db', 'push', '--db-url', pushed.cli, '--yes']);
		expect(applying(output)).toEqual(ordered.map(fileName));
	});

	it('the app starts on a database pushed by `supabase db push` and applies nothing twice', async () => {
		const before = await history(pushed.url);
		expect(before.map((r) => r.version)).toEqual(ordered.map((f) => fileName(f).slice(0, 14)));
		const driver = postgresDriver(pushed.url, 1);
		try {
			expect(await migrate(driver, compatFiles, migrationFiles)).toEqual([]);
		} finally {
			await driver.close();
		}
		// As the server starts (hooks.server.ts): open, migrate, serve a learner.
		const db = await openLocalDb(parseEnv({ DATABASE_URL: pushed.url }));
		try {
			const id = await createUser(db, 'pushed@example.org');
			await db.forUser(id).rpc('enroll', { roadmap_id: 'mlops-engineer' });
			expect(await db.forUser(id).rpc('my_enrollments', {})).toMatchObject([
				{ roadmap_id: 'mlops-engineer' }
			]);
		} finally {
			await db.close();
		}
		expect(await history(pushed.url)).toEqual(before);
	});

	it('the CLI finds a database migrated by the app up to date, with the history rows it writes itself', async () => {
		const t = await openTestDb('postgres');
		try {
			const app = await urlsOf(t);
			const list = await supabase(['migration', 'list', '--db-url', app.cli]);
			for (const f of ordered) {
				const v = fileName(f).slice(0, 14);
				expect(list, `${v} is listed as applied, locally and remotely`).toMatch(
					new RegExp(`\`${v}\`\\s*\\|\\s*\`${v}\``)
				);
			}
			const dry = await supabase(['db', 'push', '--dry-run', '--db-url', app.cli]);
			expect(dry).toContain('Remote database is up to date.');
			expect(applying(dry)).toEqual([]);
			expect(await history(app.url)).toEqual(await history(pushed.url));
		} finally {
			await t.dispose();
		}
	});

	it('half by the app, the rest by the CLI, then the app again: each migration is applied once', async () => {
		const half = Math.floor(ordered.length / 2);
		const t = await openTestDb('postgres', ordered.slice(0, half));
		try {
			const db = await urlsOf(t);
			const output = await supabase(['db', 'push', '--db-url', db.cli, '--yes']);
			expect(applying(output)).toEqual(ordered.slice(half).map(fileName));
			expect(await migrate(t.db.driver, compatFiles, migrationFiles)).toEqual([]);
			expect(await history(db.url)).toEqual(await history(pushed.url));
		} finally {
			await t.dispose();
		}
	});

	it('app servers starting together on one database apply each migration once, and none fails', async () => {
		const target = await supabaseLike();
		for (const round of ['a fresh database', 'a migrated one']) {
			const drivers = Array.from({ length: 4 }, () => postgresDriver(target.url, 2));
			try {
				const applied = await Promise.all(
					drivers.map((d) => migrate(d, compatFiles, migrationFiles))
				);
				expect(applied.flat().sort(), round).toEqual(
					round === 'a fresh database' ? ordered.map((f) => fileName(f).replace(/\.sql$/, '')) : []
				);
			} finally {
				await Promise.all(drivers.map((d) => d.close()));
			}
		}
		expect(await history(target.url)).toEqual(await history(pushed.url));
	});

	it('splits statements as the CLI does: quotes, dollar quotes, nested comments, parentheses, BEGIN ATOMIC', async () => {
		const tricky = `-- a comment; with a semicolon
create table t (a text default 'it''s; fine', "we;""ird" int);
/* block /* nested; */ still; */ select 1;
create function f() returns text language sql as $body$ select 'x;y' $body$;
create function g() returns int language plpgsql as $$ begin return 1; end $$;;
create rule r as on insert to t do also (select 1; select 2);
create function h() returns int language sql begin atomic select 1; select 2; end;
select $a$ x $ y; $a$ as "x;y";

select 'tail' -- no semicolon
`;
		const workdir = mkdtempSync(join(tmpdir(), 'jalons-cli-'));
		try {
			mkdirSync(join(workdir, 'supabase/migrations'), { recursive: true });
			writeFileSync(join(workdir, 'supabase/migrations/20000101000000_tricky.sql'), tricky);
			const target = await supabaseLike();
			await supabase(['db', 'push', '--db-url', target.cli, '--yes'], workdir);
			const [row] = await history(target.url);
			expect(row!.statements).toEqual(splitStatements(tricky));
			expect(row!.statements).toHaveLength(8);
		} finally {
			rmSync(workdir, { recursive: true, force: true });
		}
	});
});
