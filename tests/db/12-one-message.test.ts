// Every call the app makes (role and claims, then one function) goes to the database as one
// simple-protocol query with its values written in as quoted literals (src/lib/server/db/script.ts).
// These run hostile values through that path on every engine and check that each comes back as
// it went in, that a failing call leaves nothing behind, and that the role and claims end with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { script } from '../../src/lib/server/db/script';
import { engines, openTestDb, type TestDb } from './harness';

const hostile = [
	"'); drop table public.quiz_attempts; --",
	"it's",
	"''",
	"back\\slash \\' and \\\\",
	"E'\\x41'",
	'$$ dollar $$ $1 $tag$',
	'/* comment */ -- line',
	'naïve café — ✓ 😀',
	'multi\nline\r\ttext',
	'',
	' ',
	'%s %L',
	'x'.repeat(20_000)
];

describe.each(engines)('calls as one message on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	it('the calls take the one-message path', () => {
		expect(t.db.driver.run, 'the driver has run()').toBeTypeOf('function');
		expect(
			script([{ text: 'select $1::text as v', params: ["it's"] }]),
			'a call with a quote in a value is still inlined'
		).toBe("select 'it''s'::text as v");
	});

	it.each(hostile.map((v) => [v.length > 40 ? `${v.slice(0, 20)}… (${v.length})` : v, v]))(
		'a text value comes back unchanged: %j',
		async (_label, value) => {
			const rows = await t.db.driver.run!([
				{ text: 'select $1::text as v, length($1::text) as n', params: [value] }
			]);
			expect(rows).toEqual([{ v: value, n: [...value].length }]);
		}
	);

	it('numbers, booleans, dates, null and JSON keep their meaning', async () => {
		const at = new Date('2026-12-03T10:20:30.456Z');
		const [row] = await t.db.driver.run!([
			{
				text: 'select $1::integer + 1 as i, $2::numeric * 2 as d, $3::boolean as b, $4::timestamptz as t, $5::text is null as z, $6::jsonb as j',
				params: [41, 1.25, false, at, null, JSON.stringify({ a: "it's", b: ['\\', '"'] })]
			}
		]);
		expect(row).toEqual({
			i: 42,
			d: '2.50',
			b: false,
			t: at,
			z: true,
			j: { a: "it's", b: ['\\', '"'] }
		});
	});

	it('bytes (a session token hash) come back unchanged, NUL, quote and backslash included', async () => {
		const bytes = Buffer.from([0, 1, 39, 92, 36, 59, 128, 255]);
		const [row] = await t.db.driver.run!([
			{ text: 'select $1 as b, length($1) as n', params: [bytes] }
		]);
		expect(Buffer.from(row!.b as Uint8Array).equals(bytes), 'same bytes').toBe(true);
		expect(row!.n).toBe(8);
	});

	it('a NUL in a value is refused by the database, as with a bound parameter, not cut short', async () => {
		expect(script([{ text: 'select $1::text', params: ['a\0b'] }])).toBeNull();
		await expect(
			t.db.driver.run!([{ text: 'select $1::text as v', params: ['a\0b'] }])
		).rejects.toThrow();
	});

	it('role and claims last for the call only, and a failing call changes nothing', async () => {
		const who = await t.db.forUser('00000000-0000-4000-8000-000000000001').rpc<{
			attempts: number;
		}>('my_quiz_state', { module_id: 'ml-basics' });
		expect(who).toHaveLength(1);
		await expect(
			t.db.driver.run!([
				{ text: 'select set_config($1, $2, true)', params: ['role', 'service_role'] },
				{
					text: 'insert into public.quiz_open_attempts (user_id, module_id, attempt_id) values ($1, $2, $3)',
					params: ['00000000-0000-4000-8000-000000000001', 'ml-basics', 'too-short']
				}
			])
		).rejects.toThrow();
		const [after] = await t.db.asService((sql) =>
			sql.query<{ role: string; claims: string; open: number }>(
				`select current_user as role, count(*)::integer as open from public.quiz_open_attempts`
			)
		);
		expect(after).toMatchObject({ role: 'service_role', open: 0 });
		const [plain] = await t.db.driver.run!([
			{
				text: 'select current_user as role, current_setting($1, true) as claims',
				params: ['request.jwt.claims']
			}
		]);
		expect(plain!.role, 'the next call starts as the connection owner again').not.toMatch(
			/authenticated|service_role|anon/
		);
		expect(plain!.claims ?? '').toBe('');
	});
});
