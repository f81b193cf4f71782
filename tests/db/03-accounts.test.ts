import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import {
	hashToken,
	perEmail,
	perIp,
	sessionUser,
	signIn,
	signOut,
	signUp
} from '../../src/lib/server/auth/local';
import { signUpSchema, fieldErrors } from '../../src/lib/server/auth/validation';
import { engines, openTestDb, type TestDb } from './harness';

describe.each(engines)('local accounts on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	it('stores the password as bcrypt in auth.users and creates the profile', async () => {
		const r = await signUp(t.db, {
			email: 'ada@example.org',
			password: 'correct horse battery',
			display_name: 'Ada'
		});
		expect(r.ok).toBe(true);
		const [row] = await t.db.asService((sql) =>
			sql.query<{ encrypted_password: string; display_name: string }>(
				`select u.encrypted_password, p.display_name from auth.users u join public.profiles p on p.id = u.id where u.email = 'ada@example.org'`
			)
		);
		expect(row!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
		expect(await bcrypt.compare('correct horse battery', row!.encrypted_password)).toBe(true);
		expect(row!.display_name).toBe('Ada');
	});

	it('refuses a taken email, whatever its case', async () => {
		const r = await signUp(t.db, {
			email: 'ADA@example.org'.toLowerCase(),
			password: 'another password'
		});
		expect(r).toEqual({
			ok: false,
			field: 'email',
			message: 'An account with this email already exists. Sign in instead?'
		});
	});

	it('keeps only a hash of the session token, and finds the user from the token', async () => {
		const r = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.0.0.1');
		if (!r.ok) throw new Error(r.message);
		expect(Buffer.from(r.token, 'base64url')).toHaveLength(32);
		const stored = await t.db.asService((sql) =>
			sql.query<{ token_hash: Buffer }>('select token_hash from auth.jalons_sessions')
		);
		expect(stored.some((s) => Buffer.from(s.token_hash).equals(hashToken(r.token)))).toBe(true);
		expect(stored.some((s) => Buffer.from(s.token_hash).toString() === r.token)).toBe(false);
		expect((await sessionUser(t.db, r.token))?.user.email).toBe('ada@example.org');
		expect(r.expires.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
	});

	it('treats a tampered or unknown token as signed out', async () => {
		const r = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.0.0.1');
		if (!r.ok) throw new Error(r.message);
		const tampered = (r.token[0] === 'A' ? 'B' : 'A') + r.token.slice(1);
		expect(await sessionUser(t.db, tampered)).toBeNull();
		expect(await sessionUser(t.db, 'not-a-token')).toBeNull();
	});

	it('slides the expiry of a session used after an hour', async () => {
		const r = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.0.0.1');
		if (!r.ok) throw new Error(r.message);
		await t.db.asService((sql) =>
			sql.query(
				`update auth.jalons_sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 day' where token_hash = $1`,
				[hashToken(r.token)]
			)
		);
		const found = await sessionUser(t.db, r.token);
		expect(found?.expires?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
		await t.db.asService((sql) =>
			sql.query(
				`update auth.jalons_sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
				[hashToken(r.token)]
			)
		);
		expect(await sessionUser(t.db, r.token)).toBeNull();
	});

	it('says only "wrong email or password", for a wrong password and an unknown email alike', async () => {
		expect(await signIn(t.db, 'ada@example.org', 'wrong password', '10.0.0.2')).toEqual({
			ok: false,
			field: 'form',
			message: 'Wrong email or password.'
		});
		expect(await signIn(t.db, 'nobody@example.org', 'wrong password', '10.0.0.2')).toEqual({
			ok: false,
			field: 'form',
			message: 'Wrong email or password.'
		});
	});

	it('rate-limits sign-in attempts per email', async () => {
		await signUp(t.db, { email: 'grace@example.org', password: 'grace password 1' });
		for (let i = 0; i < 5; i++) await signIn(t.db, 'grace@example.org', 'nope nope', `10.1.0.${i}`);
		const blocked = await signIn(t.db, 'grace@example.org', 'grace password 1', '10.1.0.99');
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.message).toMatch(/^Too many attempts/);
		perEmail.reset('grace@example.org');
		expect((await signIn(t.db, 'grace@example.org', 'grace password 1', '10.1.0.99')).ok).toBe(
			true
		);
	});

	it('rate-limits sign-in attempts per IP address', async () => {
		for (let i = 0; i < 30; i++)
			await signIn(t.db, `guess${i}@example.org`, 'nope nope', '10.9.9.9');
		const blocked = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.9.9.9');
		expect(!blocked.ok && blocked.message).toMatch(/^Too many attempts/);
		perIp.reset('10.9.9.9');
	});

	it('deletes the session on sign-out', async () => {
		const r = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.0.0.3');
		if (!r.ok) throw new Error(r.message);
		await signOut(t.db, r.token);
		expect(await sessionUser(t.db, r.token)).toBeNull();
	});

	it('deletes an account and all its data', async () => {
		const r = await signUp(t.db, { email: 'temp@example.org', password: 'temporary pass' });
		if (!r.ok) throw new Error(r.message);
		const me = t.db.forUser(r.user.id);
		await me.rpc('enroll', { roadmap_id: 'prompt-engineer' });
		await me.rpc('mark_read', { module_id: 'nlp-fundamentals' });
		expect(await me.rpc('delete_my_account')).toEqual([{ deleted: r.user.id }]);
		const left = await t.db.asService((sql) =>
			sql.query<{ n: string }>(
				`select (select count(*) from auth.users where id = $1) + (select count(*) from public.profiles where id = $1)
				 + (select count(*) from public.enrollments where user_id = $1) + (select count(*) from public.module_progress where user_id = $1)
				 + (select count(*) from auth.jalons_sessions where user_id = $1) as n`,
				[r.user.id]
			)
		);
		expect(Number(left[0]!.n)).toBe(0);
	});

	it('records progress: started on open, read once, last seen updated', async () => {
		const r = await signUp(t.db, { email: 'prog@example.org', password: 'progress pass' });
		if (!r.ok) throw new Error(r.message);
		const me = t.db.forUser(r.user.id);
		expect(await me.rpc('start_module', { module_id: 'ml-basics' })).toEqual([
			{ module_id: 'ml-basics', status: 'started', read_at: null }
		]);
		const [read] = await me.rpc<{ status: string; read_at: Date }>('mark_read', {
			module_id: 'ml-basics'
		});
		expect(read).toMatchObject({ module_id: 'ml-basics', status: 'started' });
		expect(read!.read_at).toBeInstanceOf(Date);
		const [again] = await me.rpc<{ read_at: Date }>('mark_read', { module_id: 'ml-basics' });
		expect(again!.read_at, 'reading again keeps the first read').toEqual(read!.read_at);
		expect(await me.rpc('start_module', { module_id: 'ml-basics' })).toEqual([
			{ module_id: 'ml-basics', status: 'started', read_at: read!.read_at }
		]);
		expect(await me.rpc('my_progress')).toMatchObject([
			{ module_id: 'ml-basics', status: 'started', completed_at: null, read_at: read!.read_at }
		]);
	});

	it('rejects ids that are not catalog-shaped, in the database itself', async () => {
		const r = await signUp(t.db, { email: 'ids@example.org', password: 'ids password' });
		if (!r.ok) throw new Error(r.message);
		await expect(
			t.db.forUser(r.user.id).rpc('enroll', { roadmap_id: '<script>' })
		).rejects.toMatchObject({ code: '23514' });
	});
});

describe('sign-up validation', () => {
	const errors = (input: object) => {
		const r = signUpSchema.safeParse(input);
		return r.success ? {} : fieldErrors(r.error);
	};
	it('explains each problem next to its field', () => {
		expect(errors({ email: 'not-an-email', password: 'long enough' })).toEqual({
			email: 'Enter an email address like name@example.org.'
		});
		expect(errors({ email: 'a@example.org', password: 'short' })).toEqual({
			password: 'Use at least 8 characters.'
		});
		expect(errors({ email: 'longname@example.org', password: 'LONGNAME@example.org' })).toEqual({
			password: 'Your password must not be your email address.'
		});
		expect(errors({ email: 'a@example.org', password: 'é'.repeat(40) })).toEqual({
			password: 'Use at most 72 bytes (about 70 characters).'
		});
	});
});

describe('seed.sql', () => {
	it('loads, and its demo learner signs in and has progress and evidence', async () => {
		const { readFileSync } = await import('node:fs');
		const t = await openTestDb('pglite');
		try {
			await t.db.driver.exec(readFileSync('supabase/seed.sql', 'utf8'));
			const r = await signIn(t.db, 'demo@jalons.local', 'jalons-demo-2026', '10.5.5.5');
			if (!r.ok) throw new Error(r.message);
			const progress = await t.db
				.forUser(r.user.id)
				.rpc<{ module_id: string; status: string }>('my_progress');
			expect(progress.map((p) => `${p.module_id}:${p.status}`).sort()).toEqual([
				'nlp-fundamentals:completed',
				'prompt-design-basics:completed',
				'system-prompts-context:started'
			]);
			expect(
				await t.db.forUser(r.user.id).rpc('my_evidence', { only_roadmap: 'prompt-engineer' })
			).toMatchObject([
				{ item_id: 'community', url: 'https://example.org/meetups/prompt-testing' }
			]);
		} finally {
			await t.dispose();
		}
	});
});
