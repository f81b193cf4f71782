// Accounts for the embedded and PostgreSQL modes, stored as Supabase Auth stores them
// (auth.users, bcrypt in encrypted_password) so a local database can later move to Supabase.
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { LocalDb } from '../db/local';
import { DbError } from '../db/types';
import { Throttle, tooManyAttempts } from './throttle';
import { m } from '$lib/paraglide/messages';

export const SESSION_DAYS = 30;
const BCRYPT_COST = 10;
// Compared against when the email is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('jalons-no-such-user', BCRYPT_COST);

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token).digest();
}

export interface SessionUser {
	id: string;
	email: string;
}

export type AuthResult =
	| { ok: true; user: SessionUser; token: string; expires: Date }
	| { ok: false; field: 'email' | 'password' | 'form'; message: string; retryAfter?: number };

const refused = (wait: number): AuthResult => ({
	ok: false,
	field: 'form',
	message: tooManyAttempts(wait),
	retryAfter: wait
});

/**
 * Sign-ups that find the email taken are throttled per client address (they tell who has an
 * account). `address` is the client's; scripts and tests outside a request may leave it out.
 */
export async function signUp(
	db: LocalDb,
	input: { email: string; password: string; display_name?: string },
	address = 'no-request',
	throttle = new Throttle(db)
): Promise<AuthResult> {
	const attempt = await throttle.signUp(address);
	if (attempt.wait > 0) return refused(attempt.wait);
	const hash = await bcrypt.hash(input.password, BCRYPT_COST);
	try {
		const [user] = await db.asAuth((sql) =>
			sql.query<SessionUser>(
				`insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
				 values ($1, $2, now(), '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', $3::text))
				 returning id, email`,
				[input.email, hash, input.display_name ?? null]
			)
		);
		await attempt.succeeded();
		return { ok: true, user: user!, ...(await createSession(db, user!.id)) };
	} catch (e) {
		if (e instanceof DbError && e.code === '23505')
			return {
				ok: false,
				field: 'email',
				message: m.account_error_email_taken()
			};
		throw e;
	}
}

/**
 * Throttled per (email, client address) and per client address, never per email alone: failures
 * from one address slow that address down, and the owner signs in from another at once.
 */
export async function signIn(
	db: LocalDb,
	email: string,
	password: string,
	address: string,
	throttle = new Throttle(db)
): Promise<AuthResult> {
	const attempt = await throttle.signIn(email, address);
	if (attempt.wait > 0) return refused(attempt.wait);
	const [row] = await db.asAuth((sql) =>
		sql.query<{ id: string; email: string; encrypted_password: string | null }>(
			'select id, email, encrypted_password from auth.users where lower(email) = $1',
			[email]
		)
	);
	const ok = await bcrypt.compare(password, row?.encrypted_password ?? DUMMY_HASH);
	if (!row || !ok) return { ok: false, field: 'form', message: m.account_error_sign_in_wrong() };
	await attempt.succeeded();
	await db.asAuth((sql) =>
		sql.query('update auth.users set last_sign_in_at = now() where id = $1', [row.id])
	);
	return { ok: true, user: { id: row.id, email: row.email }, ...(await createSession(db, row.id)) };
}

async function createSession(db: LocalDb, userId: string) {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await db.asAuth((sql) =>
		sql.query(
			'insert into auth.jalons_sessions (token_hash, user_id, expires_at) values ($1, $2, $3)',
			[hashToken(token), userId, expires]
		)
	);
	return { token, expires };
}

/**
 * The user of a session token, or null. Sliding expiry: a session used again is extended to
 * 30 days from now (at most once an hour, to spare writes); `expires` says when to refresh the cookie.
 */
export async function sessionUser(
	db: LocalDb,
	token: string
): Promise<{ user: SessionUser; expires: Date | null } | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [row] = await db.authQuery<{ id: string; email: string; last_seen_at: Date }>(
		`select u.id, u.email, s.last_seen_at from auth.jalons_sessions s join auth.users u on u.id = s.user_id
		 where s.token_hash = $1 and s.expires_at > now()`,
		[hashToken(token)]
	);
	if (!row) return null;
	if (Date.now() - new Date(row.last_seen_at).getTime() < 3_600_000)
		return { user: { id: row.id, email: row.email }, expires: null };
	const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await db.authQuery(
		'update auth.jalons_sessions set last_seen_at = now(), expires_at = $2 where token_hash = $1',
		[hashToken(token), expires]
	);
	return { user: { id: row.id, email: row.email }, expires };
}

export async function signOut(db: LocalDb, token: string) {
	await db.asAuth((sql) =>
		sql.query('delete from auth.jalons_sessions where token_hash = $1', [hashToken(token)])
	);
}

export type ChangeResult =
	| { ok: true }
	| {
			ok: false;
			field: 'current_password' | 'email' | 'form';
			message: string;
			retryAfter?: number;
	  };

/**
 * Checks the current password of a signed-in user, throttled like a sign-in with it: a stolen
 * session must not become a way to guess the password.
 */
async function checkCurrent(
	db: LocalDb,
	userId: string,
	password: string,
	address: string,
	throttle: Throttle
): Promise<ChangeResult> {
	const [row] = await db.asAuth((sql) =>
		sql.query<{ email: string; encrypted_password: string | null }>(
			'select email, encrypted_password from auth.users where id = $1',
			[userId]
		)
	);
	if (!row) return { ok: false, field: 'form', message: m.account_error_not_found() };
	const attempt = await throttle.signIn(row.email.toLowerCase(), address);
	if (attempt.wait > 0)
		return {
			ok: false,
			field: 'current_password',
			message: tooManyAttempts(attempt.wait),
			retryAfter: attempt.wait
		};
	if (!(await bcrypt.compare(password, row.encrypted_password ?? DUMMY_HASH)))
		return { ok: false, field: 'current_password', message: m.account_error_current_wrong() };
	await attempt.succeeded();
	return { ok: true };
}

/**
 * A new password, given the current one. Every other session of the user ends at once (whoever
 * held one must sign in with the new password); the session `keepToken` stays signed in.
 */
export async function changePassword(
	db: LocalDb,
	userId: string,
	input: { current_password: string; password: string },
	keepToken: string,
	address = 'no-request',
	throttle = new Throttle(db)
): Promise<ChangeResult> {
	const checked = await checkCurrent(db, userId, input.current_password, address, throttle);
	if (!checked.ok) return checked;
	const hash = await bcrypt.hash(input.password, BCRYPT_COST);
	await db.asAuth(async (sql) => {
		await sql.query(
			'update auth.users set encrypted_password = $2, updated_at = now() where id = $1',
			[userId, hash]
		);
		await sql.query('delete from auth.jalons_sessions where user_id = $1 and token_hash <> $2', [
			userId,
			hashToken(keepToken)
		]);
	});
	return { ok: true };
}

/** A new email address, given the current password; refused when another account has it. */
export async function changeEmail(
	db: LocalDb,
	userId: string,
	input: { current_password: string; email: string },
	address = 'no-request',
	throttle = new Throttle(db)
): Promise<ChangeResult> {
	const checked = await checkCurrent(db, userId, input.current_password, address, throttle);
	if (!checked.ok) return checked;
	try {
		await db.asAuth((sql) =>
			sql.query('update auth.users set email = $2, updated_at = now() where id = $1', [
				userId,
				input.email
			])
		);
	} catch (e) {
		if (e instanceof DbError && e.code === '23505')
			return { ok: false, field: 'email', message: m.account_error_email_in_use() };
		throw e;
	}
	return { ok: true };
}
