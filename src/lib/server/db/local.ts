import type { Driver, Row, Sql, UserDb } from './types';
import { DbError } from './types';

const NAME = /^[a-z_][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Role = 'anon' | 'authenticated' | 'service_role' | 'supabase_auth_admin';

// One statement for both (`set_config('role', …, true)` is `set local role`): a round trip fewer on
// every request. The role is a constant from the union above, never user input. The setting names
// are parameters too, so the statement has no literal of its own and can be sent as one script
// with the call (script.ts).
const prelude = (role: Role, claims: Record<string, unknown>) => ({
	text: `select set_config($1, $2, true), set_config($3, $4, true)`,
	params: ['request.jwt.claims', JSON.stringify(claims), 'role', role]
});

/** Runs `fn` in one transaction as `role`, with PostgREST's request claims. */
async function as<T>(
	driver: Driver,
	role: Role,
	claims: Record<string, unknown>,
	fn: (sql: Sql) => Promise<T>
): Promise<T> {
	try {
		return await driver.transaction(async (sql) => {
			const { text, params } = prelude(role, claims);
			await sql.query(text, params);
			return fn(sql);
		});
	} catch (e) {
		throw toDbError(e);
	}
}

/** Runs one statement as `role`: in one message where the driver allows it. */
async function runAs<T>(
	driver: Driver,
	role: Role,
	claims: Record<string, unknown>,
	call: { text: string; params: unknown[] }
): Promise<T[]> {
	if (!driver.run) return as(driver, role, claims, (sql) => sql.query<T>(call.text, call.params));
	try {
		return (await driver.run([prelude(role, claims), call])) as T[];
	} catch (e) {
		throw toDbError(e);
	}
}

const rpcAs = <T>(
	driver: Driver,
	role: Role,
	claims: Record<string, unknown>,
	fn: string,
	args: Record<string, unknown>
) => runAs<T>(driver, role, claims, rpcSql(fn, args));

export function toDbError(e: unknown): unknown {
	if (e instanceof DbError) return e;
	const err = e as { message?: string; code?: string };
	if (err && typeof err.message === 'string' && typeof err.code === 'string')
		return new DbError(err.message, err.code);
	return e;
}

/** `select * from public.fn(a => $1, b => $2)`: names checked, values always parameters. */
export function rpcSql(
	fn: string,
	args: Record<string, unknown>
): { text: string; params: unknown[] } {
	if (!NAME.test(fn)) throw new Error(`invalid function name ${fn}`);
	const keys = Object.keys(args);
	for (const k of keys) if (!NAME.test(k)) throw new Error(`invalid argument name ${k}`);
	return {
		text: `select * from public.${fn}(${keys.map((k, i) => `${k} => $${i + 1}`).join(', ')})`,
		params: keys.map((k) => jsonArg(args[k]))
	};
}

/**
 * Function arguments are scalars or JSON (no SQL function here takes an SQL array). Arrays and
 * objects are sent as JSON text, as PostgREST does: node-postgres would turn a JS array into an SQL
 * array literal, which a `jsonb` parameter refuses.
 */
function jsonArg(value: unknown): unknown {
	if (Array.isArray(value)) return JSON.stringify(value);
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	)
		return JSON.stringify(value);
	return value;
}

/** The embedded and PostgreSQL drivers, with Supabase's roles played by `set local role`. */
export class LocalDb {
	constructor(readonly driver: Driver) {}

	get kind() {
		return this.driver.kind;
	}

	forUser(userId: string): UserDb {
		if (!UUID.test(userId)) throw new Error('invalid user id');
		return {
			rpc: (fn, args = {}) =>
				rpcAs(this.driver, 'authenticated', { sub: userId, role: 'authenticated' }, fn, args)
		};
	}

	/** As a visitor with no account (`anon`). */
	anon(): UserDb {
		return {
			rpc: (fn, args = {}) => rpcAs(this.driver, 'anon', { role: 'anon' }, fn, args)
		};
	}

	/** As Supabase Auth works: rights on the auth schema only. For sign-up, sign-in and sessions. */
	asAuth<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
		return as(this.driver, 'supabase_auth_admin', { role: 'supabase_auth_admin' }, fn);
	}

	/** One statement as `supabase_auth_admin` (the session lookup on every request). */
	authQuery<T = Row>(text: string, params: unknown[]): Promise<T[]> {
		return runAs(
			this.driver,
			'supabase_auth_admin',
			{ role: 'supabase_auth_admin' },
			{ text, params }
		);
	}

	/** As `service_role` (bypasses RLS): for tests, seeds and administration, never for a request. */
	asService<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
		return as(this.driver, 'service_role', { role: 'service_role' }, fn);
	}

	/** Calls one service-only SQL function as `service_role` (e.g. recording a graded attempt). */
	serviceRpc<T = Row>(fn: string, args: Record<string, unknown>): Promise<T[]> {
		return rpcAs(this.driver, 'service_role', { role: 'service_role' }, fn, args);
	}

	close() {
		return this.driver.close();
	}
}
