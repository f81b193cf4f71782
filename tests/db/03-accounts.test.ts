import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import {
	changeEmail,
	changePassword,
	hashToken,
	sessionUser,
	signIn,
	signOut,
	signUp
} from '../../src/lib/server/auth/local';
import { addressKey, POLICIES, Throttle } from '../../src/lib/server/auth/throttle';
import {
	changeEmailSchema,
	changePasswordSchema,
	fieldErrors,
	signUpSchema
} from '../../src/lib/server/auth/validation';
import { LocalDb } from '../../src/lib/server/db/local';
import { postgresDriver } from '../../src/lib/server/db/postgres';
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

	it('changes the password: other sessions end, this one stays, the new password signs in', async () => {
		const up = await signUp(t.db, { email: 'grace@example.org', password: 'first password 1' });
		if (!up.ok) throw new Error(up.message);
		const other = await signIn(t.db, 'grace@example.org', 'first password 1', '10.0.0.7');
		if (!other.ok) throw new Error(other.message);
		const bystander = await signIn(t.db, 'ada@example.org', 'correct horse battery', '10.0.0.7');
		if (!bystander.ok) throw new Error(bystander.message);

		const wrong = await changePassword(
			t.db,
			up.user.id,
			{ current_password: 'not it', password: 'second password 2' },
			up.token,
			'10.0.0.7'
		);
		expect(wrong).toMatchObject({ ok: false, field: 'current_password' });
		expect(await sessionUser(t.db, other.token)).not.toBeNull();

		const r = await changePassword(
			t.db,
			up.user.id,
			{ current_password: 'first password 1', password: 'second password 2' },
			up.token,
			'10.0.0.7'
		);
		expect(r).toEqual({ ok: true });
		expect((await sessionUser(t.db, up.token))?.user.email).toBe('grace@example.org');
		expect(await sessionUser(t.db, other.token)).toBeNull();
		expect((await sessionUser(t.db, bystander.token))?.user.email).toBe('ada@example.org');
		expect((await signIn(t.db, 'grace@example.org', 'first password 1', '10.0.0.8')).ok).toBe(
			false
		);
		expect((await signIn(t.db, 'grace@example.org', 'second password 2', '10.0.0.8')).ok).toBe(
			true
		);
	});

	it('changes the email given the current password, and refuses one another account has', async () => {
		const up = await signUp(t.db, { email: 'linus@example.org', password: 'linus password' });
		if (!up.ok) throw new Error(up.message);
		const change = (email: string, current_password = 'linus password') =>
			changeEmail(t.db, up.user.id, { email, current_password }, '10.0.0.9');
		expect(await change('linus2@example.org', 'wrong')).toMatchObject({
			ok: false,
			field: 'current_password'
		});
		expect(await change('ada@example.org')).toEqual({
			ok: false,
			field: 'email',
			message: 'Another account already uses this email.'
		});
		expect((await sessionUser(t.db, up.token))?.user.email).toBe('linus@example.org');
		expect(await change('linus2@example.org')).toEqual({ ok: true });
		expect((await sessionUser(t.db, up.token))?.user.email).toBe('linus2@example.org');
		expect((await signIn(t.db, 'linus2@example.org', 'linus password', '10.0.0.9')).ok).toBe(true);
		expect((await signIn(t.db, 'linus@example.org', 'linus password', '10.0.0.9')).ok).toBe(false);
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

describe.each(engines)('sign-in throttling on %s', (engine) => {
	let t: TestDb;
	// The throttle reads this clock instead of the database's, so waits are checked without waiting.
	let now = new Date('2026-12-01T12:00:00Z');
	const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
	let throttle: Throttle;
	const WRONG = 'Wrong email or password.';
	const password = 'the right password';
	const attempt = (email: string, pass: string, address: string, db = t.db) =>
		signIn(db, email, pass, address, new Throttle(db, () => now));
	const waitOf = (r: Awaited<ReturnType<typeof signIn>>) => (r.ok ? 0 : (r.retryAfter ?? 0));

	beforeAll(async () => {
		t = await openTestDb(engine);
		throttle = new Throttle(t.db, () => now);
		for (const who of ['victim', 'steady', 'spray', 'shared', 'reset', 'taken'])
			await signUp(t.db, { email: `${who}@example.org`, password });
	});
	afterAll(() => t.dispose());

	it("lets the owner in at once from another address while an attacker fails 50 times for the owner's email", async () => {
		for (let i = 0; i < 50; i++) {
			let r = await attempt('victim@example.org', `guess number ${i}`, '203.0.113.66');
			for (let tries = 0; waitOf(r) > 0 && tries < 3; tries++) {
				advance(waitOf(r));
				r = await attempt('victim@example.org', `guess number ${i}`, '203.0.113.66');
			}
			expect(r).toMatchObject({ ok: false, message: WRONG });
		}
		const attacker = await attempt('victim@example.org', 'one more guess', '203.0.113.66');
		expect(waitOf(attacker)).toBeGreaterThan(0);
		const owner = await attempt('victim@example.org', password, '198.51.100.7');
		expect(owner.ok).toBe(true);
	});

	it('makes the same account from the same address wait longer after each failure, up to 15 minutes', async () => {
		const address = '192.0.2.10';
		for (let i = 0; i < 5; i++)
			expect(await attempt('steady@example.org', 'wrong', address)).toMatchObject({
				message: WRONG
			});
		const waits: number[] = [];
		for (let i = 0; i < 14; i++) {
			const refused = await attempt('steady@example.org', password, address);
			expect(refused).toEqual({
				ok: false,
				field: 'form',
				message: expect.stringMatching(
					/^Too many attempts from your network; try again in \d+ seconds?\.$/
				),
				retryAfter: waitOf(refused)
			});
			waits.push(waitOf(refused));
			advance(waitOf(refused));
			expect(await attempt('steady@example.org', 'wrong', address)).toMatchObject({
				message: WRONG
			});
		}
		expect(waits.slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
		expect(Math.max(...waits)).toBe(POLICIES['sign-in:account+address'].capSeconds);
		expect(waits.at(-1)).toBe(900);
		expect(waits.every((w, i) => i === 0 || w >= waits[i - 1]! || w === 900)).toBe(true);
		const first = await attempt('steady@example.org', password, '192.0.2.10');
		expect(first).toMatchObject({
			message: 'Too many attempts from your network; try again in 900 seconds.'
		});
	});

	it('limits one address across many emails, and only that address', async () => {
		const address = '2001:db8:5:7::1';
		for (let i = 0; i < POLICIES['sign-in:address'].free; i++)
			expect(await attempt(`sprayed-${i}@example.org`, 'Summer2026!', address)).toMatchObject({
				message: WRONG
			});
		// Another address in the same /64 counts as the same network.
		const refused = await attempt('spray@example.org', password, '2001:db8:5:7:abcd::9');
		expect(waitOf(refused)).toBe(1);
		expect((await attempt('spray@example.org', password, '2001:db8:5:8::1')).ok).toBe(true);
		advance(1);
		expect((await attempt('spray@example.org', password, address)).ok).toBe(true);
	});

	it('keeps the counters in the database, where a second app server sees them', async () => {
		let second = new LocalDb(t.db.driver);
		if (engine === 'postgres') {
			const [row] = await t.db.asService((sql) =>
				sql.query<{ name: string }>('select current_database() as name')
			);
			const url = new URL(process.env.DATABASE_URL!);
			url.pathname = `/${row!.name}`;
			second = new LocalDb(postgresDriver(url.toString(), 2));
		}
		try {
			for (let i = 0; i < 5; i++) await attempt('shared@example.org', 'wrong', '192.0.2.77');
			const seen = await attempt('shared@example.org', password, '192.0.2.77', second);
			expect(waitOf(seen)).toBe(1);
			expect((await attempt('shared@example.org', password, '192.0.2.78', second)).ok).toBe(true);
			const [rows] = await t.db.asService((sql) =>
				sql.query<{ n: number }>(
					`select count(*)::int as n from auth.jalons_throttle where kind = 'sign-in:account+address' and blocked_until > $1`,
					[now]
				)
			);
			expect(rows!.n).toBeGreaterThanOrEqual(1);
		} finally {
			if (engine === 'postgres') await second.close();
		}
	});

	it('forgets the failures of an (email, address) once the right password comes from it', async () => {
		const address = '192.0.2.99';
		for (let i = 0; i < 4; i++) await attempt('reset@example.org', 'wrong', address);
		expect((await attempt('reset@example.org', password, address)).ok).toBe(true);
		for (let i = 0; i < 5; i++)
			expect(await attempt('reset@example.org', 'wrong', address)).toMatchObject({
				message: WRONG
			});
		expect(waitOf(await attempt('reset@example.org', password, address))).toBe(1);
	});

	it('counts parallel attempts before checking them, so they cannot all slip through', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => attempt('steady2@example.org', `p${i}`, '192.0.2.123'))
		);
		const checked = results.filter((r) => !r.ok && r.message === WRONG).length;
		expect(checked).toBe(POLICIES['sign-in:account+address'].free);
		expect(results.filter((r) => waitOf(r) > 0)).toHaveLength(20 - checked);
	});

	it('slows down sign-ups that probe for taken emails, not sign-ups that succeed', async () => {
		for (let i = 0; i < POLICIES['sign-up:address'].free; i++)
			expect(
				await signUp(t.db, { email: 'taken@example.org', password }, '192.0.2.200', throttle)
			).toMatchObject({ field: 'email' });
		const refused = await signUp(
			t.db,
			{ email: `new-${Date.now()}@example.org`, password },
			'192.0.2.200',
			throttle
		);
		expect(refused).toMatchObject({ retryAfter: 1, message: expect.stringMatching(/^Too many/) });
		for (let i = 0; i < POLICIES['sign-up:address'].free + 1; i++)
			expect(
				(await signUp(t.db, { email: `class-${i}@example.org`, password }, '192.0.2.201', throttle))
					.ok
			).toBe(true);
	});

	it('deletes rows with nothing left to count, and no learner can read or write them', async () => {
		await attempt('nobody-here@example.org', 'wrong', '192.0.2.250');
		advance(2 * 86_400);
		await throttle.signIn('someone@example.org', '192.0.2.251');
		const [left] = await t.db.asService((sql) =>
			sql.query<{ n: number }>(
				'select count(*)::int as n from auth.jalons_throttle where forget_at < $1',
				[now]
			)
		);
		expect(left!.n).toBe(0);
		const uid = (await signUp(t.db, { email: 'curious@example.org', password })) as {
			user: { id: string };
		};
		await expect(
			t.db.driver.transaction(async (sql) => {
				await sql.query(
					`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
					[JSON.stringify({ sub: uid.user.id, role: 'authenticated' })]
				);
				return sql.query('select * from auth.jalons_throttle');
			})
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('addressKey', () => {
	it('counts IPv4 by address and IPv6 by /64', () => {
		expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
		expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
		expect(addressKey('2001:db8:0:1::7')).toBe('2001:db8:0:1::/64');
		expect(addressKey('2001:0db8:0000:0001:ffff:0:0:1')).toBe('2001:db8:0:1::/64');
		expect(addressKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('not an address')).toBe('not an address');
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

describe('account change validation', () => {
	it('needs the current password and a new one that is neither the email nor the old one', () => {
		const r = changePasswordSchema('ada@example.org').safeParse({
			current_password: '',
			password: 'short'
		});
		expect(r.success || fieldErrors(r.error)).toEqual({
			current_password: 'Enter your current password.',
			password: 'Use at least 8 characters.'
		});
		const same = changePasswordSchema('ada@example.org').safeParse({
			current_password: 'old password',
			password: 'old password'
		});
		expect(same.success || fieldErrors(same.error)).toEqual({
			password: 'Choose a password different from the current one.'
		});
		const email = changePasswordSchema('ada@example.org').safeParse({
			current_password: 'old password',
			password: 'ADA@example.org'
		});
		expect(email.success || fieldErrors(email.error)).toEqual({
			password: 'Your password must not be your email address.'
		});
	});

	it('needs a valid email address that is not the current one', () => {
		const schema = changeEmailSchema('ada@example.org');
		const bad = schema.safeParse({ current_password: 'x', email: 'not an email' });
		expect(bad.success || fieldErrors(bad.error)).toEqual({
			email: 'Enter an email address like name@example.org.'
		});
		const same = schema.safeParse({ current_password: 'x', email: ' Ada@Example.org ' });
		expect(same.success || fieldErrors(same.error)).toEqual({
			email: 'This is already your email address.'
		});
		expect(schema.parse({ current_password: 'x', email: ' New@Example.org ' }).email).toBe(
			'new@example.org'
		);
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
