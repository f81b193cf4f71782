// What the database API exposes, read from PostgreSQL's system catalogs rather than from the
// migrations: every function in public is one the app calls (src/lib/server/rpc.ts) or on the short
// internal list below, and executable by exactly the roles its registry implies; every table has
// RLS on and grants anon nothing. compat applies Supabase's default privileges (everything granted
// to anon and authenticated), so a migration that forgets a revoke fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_RPC, RPC, SERVICE_RPC } from '../../src/lib/server/rpc';
import { engines, openTestDb, type TestDb } from './harness';

/** Functions in public that no client calls, each with why it exists. Keep it short. */
const INTERNAL: Record<string, string> = {
	handle_new_user: 'trigger on auth.users: makes the profile of a new user',
	record_attempt: 'called by submit_attempt(), in its transaction',
	schedule_reviews: 'called by submit_attempt(), in its transaction',
	attempt_is_live: 'called by open_attempt(), check_answer() and submit_attempt()',
	attempt_not_open: 'raises why an attempt is not open, for check_answer() and submit_attempt()',
	new_cohort_code: 'a join code of ≥ 128 random bits, for create_cohort() and rotate_cohort_code()',
	cohort_code_hash: 'the SHA-256 a join code is stored and looked up as',
	own_cohort: "the caller's cohort or an error: the instructor check of every cohort function"
};

/** Tables, views or sequences in public that anon may touch, each with why. None so far. */
const ANON_RELATIONS: Record<string, string> = {};

type Role = 'anon' | 'authenticated' | 'service_role' | 'public';
type Rights = Partial<Record<Role, boolean>>;

const REGISTRIES: { name: string; names: string[]; rights: Rights; who: string }[] = [
	{
		name: 'RPC',
		names: [...RPC],
		rights: { authenticated: true, anon: false, public: false },
		who: 'authenticated, not anon'
	},
	{
		name: 'PUBLIC_RPC',
		names: [...PUBLIC_RPC],
		rights: { authenticated: true, anon: true },
		who: 'anon and authenticated'
	},
	{
		name: 'SERVICE_RPC',
		names: [...SERVICE_RPC],
		rights: { service_role: true, authenticated: false, anon: false, public: false },
		who: 'service_role only'
	},
	{
		name: 'the internal list',
		names: Object.keys(INTERNAL),
		rights: { authenticated: false, anon: false, public: false },
		who: 'neither anon nor authenticated'
	}
];

const INTERNAL_RIGHTS = REGISTRIES.at(-1)!.rights;

const expected = REGISTRIES.flatMap((r) =>
	r.names.map((name) => ({ name, registry: r.name, rights: r.rights, who: r.who }))
);

interface RelationRow {
	name: string;
	kind: string;
	rls: boolean;
	anon: boolean;
}

interface FunctionRow {
	name: string;
	signature: string;
	anon: boolean;
	authenticated: boolean;
	service_role: boolean;
	public: boolean;
}

// Functions an extension installed in public are the extension's, not ours.
const FUNCTIONS = `
	select p.proname as name, format('public.%s(%s)', p.proname, oidvectortypes(p.proargtypes)) as signature,
	       has_function_privilege('anon', p.oid, 'execute') as anon,
	       has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
	       has_function_privilege('service_role', p.oid, 'execute') as service_role,
	       has_function_privilege('public', p.oid, 'execute') as public
	from pg_proc p join pg_namespace n on n.oid = p.pronamespace
	where n.nspname = 'public'
	  and not exists (select 1 from pg_depend d
	                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
	order by 2`;

const RELATIONS = `
	select c.relname as name, c.relkind as kind, c.relrowsecurity as rls,
	       case when c.relkind = 'S'
	            then has_sequence_privilege('anon', c.oid, 'usage, select, update')
	            else has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')
	              or has_any_column_privilege('anon', c.oid, 'select, insert, update, references')
	       end as anon
	from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
	  and not exists (select 1 from pg_depend d
	                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
	order by 1`;

const ROLE_NAMES: Record<Role, string> = {
	anon: 'anon',
	authenticated: 'authenticated',
	service_role: 'service_role',
	public: 'PUBLIC'
};

/** What is wrong with one function's execute rights, in plain words; [] when nothing is. */
function wrongRights(f: FunctionRow, rights: Rights, registry: string): string[] {
	return (Object.entries(rights) as [Role, boolean][])
		.filter(([role, may]) => f[role] !== may)
		.map(
			([role, may]) =>
				`${f.signature} is ${may ? 'not ' : ''}executable by ${ROLE_NAMES[role]}, but functions in ${registry} ${may ? 'are' : 'are not'}`
		);
}

/** Every function in public that is unregistered or has the wrong rights, in plain words. */
function functionProblems(functions: FunctionRow[]): string[] {
	const byName = new Map(expected.map((e) => [e.name, e]));
	return functions.flatMap((f) => {
		const e = byName.get(f.name);
		if (!e)
			return [
				`${f.signature} is in no registry (RPC, PUBLIC_RPC, SERVICE_RPC) and not on the internal list: register it, list it with a reason, or drop it`,
				...wrongRights(f, INTERNAL_RIGHTS, 'the internal list')
			];
		return wrongRights(f, e.rights, e.registry);
	});
}

/** Tables without RLS, and relations anon may touch without a listed reason, in plain words. */
function relationProblems(rows: RelationRow[]): string[] {
	return rows.flatMap((r) => [
		...((r.kind === 'r' || r.kind === 'p') && !r.rls
			? [`public.${r.name} has row-level security off: enable it in its migration`]
			: []),
		...(r.anon && !(r.name in ANON_RELATIONS)
			? [
					`anon has a privilege on public.${r.name}: revoke all from anon in its migration, or list it with a reason`
				]
			: [])
	]);
}

class Rollback extends Error {
	constructor(readonly value: unknown) {
		super('rollback');
	}
}

describe.each(engines)('functions and tables in public on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	const read = () =>
		t.db.driver.transaction(async (sql) => ({
			functions: await sql.query<FunctionRow>(FUNCTIONS),
			relations: await sql.query<RelationRow>(RELATIONS)
		}));

	it('every function in public is in a registry of rpc.ts or on the internal list, with its rights', async () => {
		const { functions } = await read();
		expect(functions.length).toBeGreaterThan(0);
		expect(functionProblems(functions)).toEqual([]);
	});

	it.each(expected)(
		'$name ($registry) exists and is executable by $who',
		async ({ name, rights, registry }) => {
			const found = (await read()).functions.filter((f) => f.name === name);
			expect(
				found.length,
				`public.${name} does not exist: remove it from ${registry}`
			).toBeGreaterThan(0);
			expect(found.flatMap((f) => wrongRights(f, rights, registry))).toEqual([]);
		}
	);

	it('no function is in two registries, or in one and on the internal list', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const e of expected) {
			if (seen.has(e.name)) twice.push(`${e.name} is in ${seen.get(e.name)} and in ${e.registry}`);
			seen.set(e.name, e.registry);
		}
		expect(twice).toEqual([]);
	});

	it('every table in public has row-level security on, and anon has no privilege on any relation unless listed', async () => {
		const { relations } = await read();
		expect(relations.filter((r) => r.kind === 'r').length).toBeGreaterThan(0);
		expect(relationProblems(relations)).toEqual([]);
	});

	it('a migration that revokes from PUBLIC only, or forgets RLS, fails these checks', async () => {
		// What a careless migration does, run as the role migrations run as, then rolled back. With
		// Supabase's default privileges anon keeps EXECUTE after `revoke … from public`.
		const found = await t.db.driver
			.transaction(async (sql) => {
				await sql.query(
					`create function public.forgot_to_revoke() returns int language sql as 'select 1'`
				);
				await sql.query(`revoke execute on function public.forgot_to_revoke() from public`);
				await sql.query(`create table public.forgot_to_revoke (id int primary key)`);
				throw new Rollback({
					functions: await sql.query<FunctionRow>(FUNCTIONS),
					relations: await sql.query<RelationRow>(RELATIONS)
				});
			})
			.catch((e: unknown) => {
				if (e instanceof Rollback) return e.value as Awaited<ReturnType<typeof read>>;
				throw e;
			});
		expect(
			functionProblems(found.functions).filter((p) => p.startsWith('public.forgot_to_revoke'))
		).toEqual([
			'public.forgot_to_revoke() is in no registry (RPC, PUBLIC_RPC, SERVICE_RPC) and not on the internal list: register it, list it with a reason, or drop it',
			'public.forgot_to_revoke() is executable by authenticated, but functions in the internal list are not',
			'public.forgot_to_revoke() is executable by anon, but functions in the internal list are not'
		]);
		expect(relationProblems(found.relations).filter((p) => p.includes('forgot_to_revoke'))).toEqual(
			[
				'public.forgot_to_revoke has row-level security off: enable it in its migration',
				'anon has a privilege on public.forgot_to_revoke: revoke all from anon in its migration, or list it with a reason'
			]
		);
	});
});
