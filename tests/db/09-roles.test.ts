// Roles (supabase/migrations/*_user_roles.sql): a user is a learner unless public.user_roles says
// instructor; only service_role writes it (set_user_role, run by `npm run accounts:role`), and
// is_instructor() is the one check the app and the SQL use.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDb } from '../../src/lib/server/db/local';
import { migrate } from '../../src/lib/server/db/migrate';
import { pgliteDriver } from '../../src/lib/server/db/pglite';
import { postgresDriver } from '../../src/lib/server/db/postgres';
import { compatFiles, migrationFiles } from '../../src/lib/server/db/sql-files';
import { asLearner, createUser, engines, openTestDb, type TestDb } from './harness';

// Every way a learner's own token could try to make them instructor. $1 is the learner's id,
// $2 their email.
const SELF_PROMOTIONS: [string, string][] = [
	[
		'inserting their role',
		`insert into public.user_roles (user_id, role) values ($1, 'instructor') returning $2::text`
	],
	[
		'an upsert',
		`insert into public.user_roles (user_id, role) values ($1, 'instructor')
		 on conflict (user_id) do update set role = 'instructor' returning $2::text`
	],
	['updating a role', `update public.user_roles set user_id = $1 where $2::text <> ''`],
	[
		'calling set_user_role',
		`select * from public.set_user_role(user_email => $2::text, new_role => 'instructor') where $1::uuid is not null`
	]
];

describe.each(engines)('roles on %s', (engine) => {
	let t: TestDb;
	let learner: string;
	let instructor: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		learner = await createUser(t.db, 'l@example.org');
		instructor = await createUser(t.db, 'Teacher@Example.org');
	});
	afterAll(() => t.dispose());

	const isInstructor = async (id: string) =>
		(await t.db.forUser(id).rpc<{ is_instructor: boolean }>('is_instructor'))[0]!.is_instructor;
	const setRole = (email: string, role: string) =>
		t.db.serviceRpc<{ user_id: string; email: string; role: string }>('set_user_role', {
			user_email: email,
			new_role: role
		});

	it('a new account is a learner', async () => {
		expect(await isInstructor(learner)).toBe(false);
		expect(await isInstructor(instructor)).toBe(false);
	});

	it.each(SELF_PROMOTIONS)('a learner cannot make themselves instructor by %s', async (_, sql) => {
		const error = await asLearner(t.db, learner, sql, [learner, 'l@example.org']).then(
			() => null,
			(e: { code?: string }) => e
		);
		expect(error?.code).toBe('42501');
		expect(await isInstructor(learner)).toBe(false);
	});

	it('service_role grants the role by email (any case) and takes it back', async () => {
		expect(await setRole('  teacher@example.ORG ', 'instructor')).toEqual([
			{ user_id: instructor, email: 'Teacher@Example.org', role: 'instructor' }
		]);
		expect(await isInstructor(instructor)).toBe(true);
		expect(await isInstructor(learner)).toBe(false);
		// Granting twice changes nothing.
		await setRole('teacher@example.org', 'instructor');
		expect(await isInstructor(instructor)).toBe(true);
		expect(await setRole('teacher@example.org', 'learner')).toEqual([
			{ user_id: instructor, email: 'Teacher@Example.org', role: 'learner' }
		]);
		expect(await isInstructor(instructor)).toBe(false);
	});

	it("an instructor reads their own role and nobody else's", async () => {
		await setRole('teacher@example.org', 'instructor');
		const own = await asLearner(t.db, instructor, 'select role from public.user_roles');
		expect(own).toEqual([{ role: 'instructor' }]);
		expect(await asLearner(t.db, learner, 'select role from public.user_roles')).toEqual([]);
		// Nor can the instructor hand the role to someone else.
		const error = await asLearner(
			t.db,
			instructor,
			`insert into public.user_roles (user_id, role) values ($1, 'instructor')`,
			[learner]
		).then(
			() => null,
			(e: { code?: string }) => e
		);
		expect(error?.code).toBe('42501');
	});

	it('refuses an unknown email or role, with a clear message, and changes nothing', async () => {
		await expect(setRole('nobody@example.org', 'instructor')).rejects.toThrow(
			'no account with the email "nobody@example.org"'
		);
		await expect(setRole('l@example.org', 'admin')).rejects.toThrow(
			'unknown role "admin": use instructor or learner'
		);
		expect(await isInstructor(learner)).toBe(false);
	});

	it('the role goes with the account', async () => {
		await setRole('teacher@example.org', 'instructor');
		await t.db.forUser(instructor).rpc('delete_my_account');
		const rows = await t.db.asService((sql) =>
			sql.query('select 1 from public.user_roles where user_id = $1', [instructor])
		);
		expect(rows).toEqual([]);
	});
});

// `npm run accounts:role` against a database on disk, as an operator runs it: PGlite in DATA_DIR,
// and PostgreSQL through DATABASE_URL when it is set.
const script = join(import.meta.dirname, '..', '..', 'scripts', 'accounts-role.ts');
const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const targets = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const;

describe.each(targets)('npm run accounts:role on %s', (target) => {
	let env: Record<string, string>;
	let dispose: () => Promise<void>;
	beforeAll(async () => {
		if (target === 'pglite') {
			const dir = mkdtempSync(join(tmpdir(), 'jalons-roles-'));
			const driver = await pgliteDriver(dir, { fsync: false });
			await migrate(driver, compatFiles, migrationFiles);
			await createUser(new LocalDb(driver), 'teacher@example.org');
			await driver.close();
			env = { DATA_DIR: dir, DATABASE_URL: '' };
			dispose = async () => rmSync(dir, { recursive: true, force: true });
		} else {
			const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
			await admin.connect();
			const name = `jalons_roles_${randomBytes(4).toString('hex')}`;
			await admin.query(`create database ${name}`);
			const url = new URL(process.env.DATABASE_URL!);
			url.pathname = `/${name}`;
			const db = new LocalDb(postgresDriver(url.toString(), 1));
			await migrate(db.driver, compatFiles, migrationFiles);
			await createUser(db, 'teacher@example.org');
			await db.close();
			env = { DATABASE_URL: url.toString() };
			dispose = async () => {
				await admin.query(`drop database if exists ${name} with (force)`);
				await admin.end();
			};
		}
	});
	afterAll(() => dispose());

	const run = (...args: string[]) =>
		spawnSync(tsx, [script, ...args], {
			cwd: join(import.meta.dirname, '..', '..'),
			encoding: 'utf8',
			env: { ...process.env, ...env }
		});
	const roleOf = async () => {
		const driver =
			target === 'pglite'
				? await pgliteDriver(env.DATA_DIR!, { fsync: false })
				: postgresDriver(env.DATABASE_URL!, 1);
		try {
			return await driver.transaction((sql) =>
				sql.query<{ role: string }>(
					`select r.role from public.user_roles r join auth.users u on u.id = r.user_id
					 where u.email = 'teacher@example.org'`
				)
			);
		} finally {
			await driver.close();
		}
	};

	it('grants the instructor role and takes it back', async () => {
		const grant = run('Teacher@example.org', 'instructor');
		expect(grant.stderr).toBe('');
		expect(grant.stdout).toBe('teacher@example.org is now an instructor.\n');
		expect(grant.status).toBe(0);
		expect(await roleOf()).toEqual([{ role: 'instructor' }]);
		const back = run('teacher@example.org', 'learner');
		expect(back.stdout).toBe('teacher@example.org is now a learner.\n');
		expect(back.status).toBe(0);
		expect(await roleOf()).toEqual([]);
	});

	it('refuses an unknown account or role, says why, and changes nothing', async () => {
		const unknown = run('nobody@example.org', 'instructor');
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('no account with the email "nobody@example.org"');
		const bad = run('teacher@example.org', 'admin');
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('Usage: npm run accounts:role -- <email> instructor|learner');
		expect(await roleOf()).toEqual([]);
	});
});
