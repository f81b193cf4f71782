// The Supabase mode: @supabase/ssr as Supabase's SvelteKit guide sets it up. The same SQL
// functions as the local modes, called with supabase.rpc() under the user's own JWT.
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import ws from 'ws';
import type { Database } from './db/database.types';
import { DbError, type UserDb } from './db/types';
import type { FunctionName } from './rpc';

export function createSupabase(
	url: string,
	anonKey: string,
	cookies: Pick<Cookies, 'getAll' | 'set'>,
	fetchImpl?: typeof fetch
): SupabaseClient<Database> {
	return createServerClient<Database>(url, anonKey, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (list) =>
				list.forEach(({ name, value, options }) =>
					cookies.set(name, value, { ...options, path: '/' })
				)
		},
		// Node 20 has no global WebSocket: supabase-js's realtime client needs one given.
		realtime: { transport: ws as never },
		global: fetchImpl ? { fetch: fetchImpl } : undefined
	});
}

export function supabaseUserDb(client: SupabaseClient<Database>): UserDb {
	return {
		async rpc(fn, args = {}) {
			// rpc.ts checks names and arguments against the same Database type; this layer passes them on.
			const { data, error } = await client.rpc(fn as FunctionName, args as never);
			if (error) throw new DbError(error.message, error.code);
			return (Array.isArray(data) ? data : data == null ? [] : [data]) as never;
		}
	};
}

/** Supabase's guide: trust the session only after getUser() has verified its JWT with Auth. */
export async function safeGetSession(client: SupabaseClient<Database>) {
	const {
		data: { session }
	} = await client.auth.getSession();
	if (!session) return { session: null, user: null };
	const {
		data: { user },
		error
	} = await client.auth.getUser();
	if (error || !user) return { session: null, user: null };
	return { session, user };
}
