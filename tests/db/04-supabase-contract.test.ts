// Contract tests of the Supabase driver. Supabase itself cannot run here (no Docker), so: every SQL
// function the app calls exists in the migrations, once, and is executable by the roles its registry
// says (the arguments the app passes are checked by svelte-check against database.types.ts, which
// tests/db/09-database-types.test.ts holds to the migrations); and the request supabase-js sends
// for a call has PostgREST's path, headers and body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_RPC, RPC, SERVICE_RPC } from '../../src/lib/server/rpc';
import { createSupabase, supabaseUserDb } from '../../src/lib/server/supabase';
import { openTestDb, type TestDb } from './harness';

describe('SQL functions the app calls', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb('pglite');
	});
	afterAll(() => t.dispose());

	// Each registry of functions the app calls, and who must be able to execute them.
	const cases = [
		...SERVICE_RPC.map((name) => ({
			name,
			who: 'service_role only',
			expected: { authenticated: false, anon: false, service_role: true }
		})),
		...PUBLIC_RPC.map((name) => ({
			name,
			who: 'anon and authenticated',
			expected: { authenticated: true, anon: true, service_role: true }
		})),
		...RPC.map((name) => ({
			name,
			who: 'authenticated, not anon',
			expected: { authenticated: true, anon: false, service_role: true }
		}))
	];

	it.each(cases)('$name exists, for $who', async (c) => {
		const rows = await t.db.driver.transaction((sql) =>
			sql.query<{
				authenticated: boolean;
				anon: boolean;
				service_role: boolean;
			}>(
				`select has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
				        has_function_privilege('anon', p.oid, 'execute') as anon,
				        has_function_privilege('service_role', p.oid, 'execute') as service_role
				 from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = $1`,
				[c.name]
			)
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toEqual(c.expected);
	});
});

describe('the supabase driver on the wire', () => {
	it('calls a function as PostgREST expects: POST /rest/v1/rpc/<name> with the arguments as JSON', async () => {
		const requests: { url: string; method: string; headers: Headers; body: string }[] = [];
		const recording: typeof fetch = async (input, init) => {
			const req = new Request(input, init);
			requests.push({
				url: req.url,
				method: req.method,
				headers: req.headers,
				body: await req.text()
			});
			return new Response(JSON.stringify([{ module_id: 'ml-basics', status: 'started' }]), {
				status: 200,
				headers: { 'content-type': 'application/json' }
			});
		};
		const cookies = { getAll: () => [], set: () => {} };
		const client = createSupabase(
			'https://project.supabase.co',
			'anon-key-123',
			cookies,
			recording
		);
		const rows = await supabaseUserDb(client).rpc('start_module', { module_id: 'ml-basics' });
		expect(rows).toEqual([{ module_id: 'ml-basics', status: 'started' }]);
		expect(requests).toHaveLength(1);
		const r = requests[0]!;
		expect(r.method).toBe('POST');
		expect(r.url).toBe('https://project.supabase.co/rest/v1/rpc/start_module');
		expect(r.headers.get('apikey')).toBe('anon-key-123');
		expect(r.headers.get('authorization')).toBe('Bearer anon-key-123');
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(r.body)).toEqual({ module_id: 'ml-basics' });
	});

	it('turns a PostgREST error into a DbError with its code', async () => {
		const failing: typeof fetch = async () =>
			new Response(
				JSON.stringify({
					code: '42501',
					message: 'permission denied for function start_module',
					details: null,
					hint: null
				}),
				{
					status: 403,
					headers: { 'content-type': 'application/json' }
				}
			);
		const client = createSupabase(
			'https://project.supabase.co',
			'anon-key-123',
			{ getAll: () => [], set: () => {} },
			failing
		);
		await expect(
			supabaseUserDb(client).rpc('start_module', { module_id: 'x' })
		).rejects.toMatchObject({ name: 'DbError', code: '42501' });
	});

	it("sends the user's access token from the session cookie", async () => {
		const seen: string[] = [];
		const recording: typeof fetch = async (input, init) => {
			seen.push(new Request(input, init).headers.get('authorization') ?? '');
			return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
		};
		const payload = Buffer.from(
			JSON.stringify({
				sub: '00000000-0000-4000-8000-000000000001',
				exp: Math.floor(Date.now() / 1000) + 3600,
				role: 'authenticated'
			})
		).toString('base64url');
		const accessToken = `eyJhbGciOiJIUzI1NiJ9.${payload}.sig`;
		const session = {
			access_token: accessToken,
			refresh_token: 'r',
			expires_at: Math.floor(Date.now() / 1000) + 3600,
			expires_in: 3600,
			token_type: 'bearer',
			user: { id: '00000000-0000-4000-8000-000000000001' }
		};
		const value = 'base64-' + Buffer.from(JSON.stringify(session)).toString('base64url');
		const cookies = { getAll: () => [{ name: 'sb-project-auth-token', value }], set: () => {} };
		const client = createSupabase(
			'https://project.supabase.co',
			'anon-key-123',
			cookies,
			recording
		);
		await supabaseUserDb(client).rpc('my_progress');
		expect(seen).toEqual([`Bearer ${accessToken}`]);
	});
});
