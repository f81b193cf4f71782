import type { Cookies } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../db/database.types';
import type { LocalDb } from '../db/local';
import * as local from './local';
import { m } from '$lib/paraglide/messages';

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

/** What changing the password or email address of an account came to. */
export type ChangeOutcome = local.ChangeResult | { ok: true; pending: string };

/** Sign-up, sign-in, sign-out and account changes for one request, whatever the mode. */
export interface AuthService {
	signUp(input: { email: string; password: string; display_name?: string }): Promise<AuthOutcome>;
	signIn(email: string, password: string): Promise<AuthOutcome>;
	signOut(): Promise<void>;
	/** Other sessions of the user end; this one stays signed in. */
	changePassword(
		user: { id: string; email: string },
		input: { current_password: string; password: string }
	): Promise<ChangeOutcome>;
	changeEmail(
		user: { id: string; email: string },
		input: { current_password: string; email: string }
	): Promise<ChangeOutcome>;
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
		},
		changePassword: (user, input) =>
			local.changePassword(db, user.id, input, cookies.get(SESSION_COOKIE) ?? '', ip),
		changeEmail: (user, input) => local.changeEmail(db, user.id, input, ip)
	};
}

const wrongCurrent = (): ChangeOutcome => ({
	ok: false,
	field: 'current_password',
	message: m.account_error_current_wrong()
});

/**
 * Supabase mode. The current password is checked by signing in with it on a client that keeps no
 * session (and sent as `current_password`, for projects that require it); Supabase Auth itself
 * stores the new password or confirms the new email.
 */
export function supabaseAuth(
	client: SupabaseClient<Database>,
	checker: () => SupabaseClient<Database> = () => client
): AuthService {
	const checkCurrent = async (email: string, password: string) => {
		const { error } = await checker().auth.signInWithPassword({ email, password });
		return !error;
	};
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
					message: taken ? m.account_error_email_taken() : error.message
				};
			}
			if (!data.session)
				return {
					ok: false,
					field: 'form',
					message: m.account_signup_confirm_inbox()
				};
			return { ok: true };
		},
		async signIn(email, password) {
			const { error } = await client.auth.signInWithPassword({ email, password });
			if (error)
				return {
					ok: false,
					field: 'form',
					message: /rate|too many/i.test(error.message)
						? error.message
						: m.account_error_sign_in_wrong()
				};
			return { ok: true };
		},
		async signOut() {
			await client.auth.signOut();
		},
		async changePassword(user, { current_password, password }) {
			if (!(await checkCurrent(user.email, current_password))) return wrongCurrent();
			const { error } = await client.auth.updateUser({ password, current_password });
			if (error) return { ok: false, field: 'form', message: error.message };
			await client.auth.signOut({ scope: 'others' });
			return { ok: true };
		},
		async changeEmail(user, { current_password, email }) {
			if (!(await checkCurrent(user.email, current_password))) return wrongCurrent();
			const { data, error } = await client.auth.updateUser({ email });
			if (error) {
				const taken = /registered|exists|already/i.test(error.message);
				return {
					ok: false,
					field: taken ? 'email' : 'form',
					message: taken ? m.account_error_email_in_use() : error.message
				};
			}
			// With "Confirm email" on, Supabase Auth changes it once the new address is confirmed.
			return data.user?.email === email ? { ok: true } : { ok: true, pending: email };
		}
	};
}
