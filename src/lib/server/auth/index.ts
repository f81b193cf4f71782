import type { Cookies } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../db/database.types';
import type { LocalDb } from '../db/local';
import * as local from './local';

export const SESSION_COOKIE = 'jalons_session';

export type AuthOutcome =
	| { ok: true }
	| {
			ok: false;
			field: 'email' | 'password' | 'form';
			message: string;
			/** Seconds to wait when the attempt was refused for too many failures. */
			retryAfter?: number;
	  };

/** Sign-up, sign-in and sign-out for one request, whatever the mode. */
export interface AuthService {
	signUp(input: { email: string; password: string; display_name?: string }): Promise<AuthOutcome>;
	signIn(email: string, password: string): Promise<AuthOutcome>;
	signOut(): Promise<void>;
}

/** Secure everywhere but plain-HTTP loopback, where browsers would drop a Secure cookie's use. */
export function cookieOptions(url: URL, expires?: Date) {
	const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:' || !loopback,
		expires
	};
}

export function localAuth(db: LocalDb, cookies: Cookies, url: URL, ip: string): AuthService {
	const start = (r: local.AuthResult): AuthOutcome => {
		if (!r.ok) return r;
		cookies.set(SESSION_COOKIE, r.token, cookieOptions(url, r.expires));
		return { ok: true };
	};
	return {
		signUp: async (input) => start(await local.signUp(db, input, ip)),
		signIn: async (email, password) => start(await local.signIn(db, email, password, ip)),
		signOut: async () => {
			const token = cookies.get(SESSION_COOKIE);
			if (token) await local.signOut(db, token);
			cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	};
}

export function supabaseAuth(client: SupabaseClient<Database>): AuthService {
	return {
		async signUp({ email, password, display_name }) {
			const { data, error } = await client.auth.signUp({
				email,
				password,
				options: { data: { display_name } }
			});
			if (error) {
				const taken = /registered|exists/i.test(error.message);
				return {
					ok: false,
					field: taken ? 'email' : 'form',
					message: taken
						? 'An account with this email already exists. Sign in instead?'
						: error.message
				};
			}
			if (!data.session)
				return {
					ok: false,
					field: 'form',
					message: 'Check your inbox to confirm your email address, then sign in.'
				};
			return { ok: true };
		},
		async signIn(email, password) {
			const { error } = await client.auth.signInWithPassword({ email, password });
			if (error)
				return {
					ok: false,
					field: 'form',
					message: /rate|too many/i.test(error.message) ? error.message : 'Wrong email or password.'
				};
			return { ok: true };
		},
		async signOut() {
			await client.auth.signOut();
		}
	};
}
