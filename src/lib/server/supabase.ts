// The Supabase mode: @supabase/ssr as Supabase's SvelteKit guide sets it up. The same SQL
// functions as the local modes, called with supabase.rpc() under the user's own JWT.
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import ws from 'ws';
import { DbError, type UserDb } from './db/types';

export function createSupabase(
	url: string,
	anonKey: string,
	cookies: Pick<Cookies, 'getAll' | 'set'>,
	fetchImpl?: typeof fetch
): SupabaseClient {
	return createServerClient(url, anonKey, {
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

export function supabaseUserDb(client: SupabaseClient): UserDb {
	return {
		async rpc(fn, args = {}) {
			const { data, error } = await client.rpc(fn, args);
			if (error) throw new DbError(error.message, error.code);
			return (Array.isArray(data) ? data : data == null ? [] : [data]) as never;
		}
	};
}

/** Supabase's guide: trust the session only after getUser() has verified its JWT with Auth. */
export async function safeGetSession(client: SupabaseClient) {
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
