// The portfolio profile (headline, bio, links): its owner's alone to read and write; visitors see it
// through public_profile(slug) only, for an active share, never for a revoked or unknown slug.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, engines, openTestDb, type TestDb } from './harness';

const PROFILE: Record<
	'headline' | 'bio' | 'github_url' | 'linkedin_url' | 'website_url',
	string | null
> = {
	headline: 'Data analyst moving into MLOps',
	bio: 'Five years of SQL.\nNow shipping models.',
	github_url: 'https://github.com/ada',
	linkedin_url: 'https://www.linkedin.com/in/ada',
	website_url: 'https://ada.example.org/'
};

describe.each(engines)('portfolio profiles on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'profile-a@example.org');
		b = await createUser(t.db, 'profile-b@example.org');
	});
	afterAll(() => t.dispose());

	const save = (user: string, values: Partial<typeof PROFILE>) =>
		t.db.forUser(user).rpc('save_portfolio_profile', { ...PROFILE, ...values });

	it('is empty before it is written, then read back by its owner only', async () => {
		expect(await t.db.forUser(a).rpc('my_portfolio_profile', {})).toEqual([]);
		expect(await save(a, {})).toEqual([PROFILE]);
		expect(await t.db.forUser(a).rpc('my_portfolio_profile', {})).toEqual([PROFILE]);
		// Saving again replaces it.
		expect(await save(a, { headline: 'MLOps engineer', github_url: null })).toMatchObject([
			{ headline: 'MLOps engineer', github_url: null }
		]);
		expect(await t.db.forUser(b).rpc('my_portfolio_profile', {})).toEqual([]);
		await expect(t.db.anon().rpc('my_portfolio_profile', {})).rejects.toMatchObject({
			code: '42501'
		});
		await expect(t.db.anon().rpc('save_portfolio_profile', PROFILE)).rejects.toMatchObject({
			code: '42501'
		});
		await save(a, {});
	});

	it('refuses, for any caller of the database API, links that are not http(s) or carry credentials', async () => {
		for (const [field, url] of [
			['website_url', 'javascript:alert(1)'],
			['website_url', 'data:text/html,hi'],
			['website_url', '/relative'],
			['website_url', 'https://user:pass@example.org/'],
			['github_url', 'https://gitlab.com/ada'],
			['github_url', 'https://github.com.evil.example/ada'],
			['linkedin_url', 'https://example.org/in/ada']
		] as const)
			await expect(save(a, { [field]: url }), `${field} ${url}`).rejects.toMatchObject({
				code: '23514'
			});
		await expect(save(a, { headline: 'two\nlines' })).rejects.toMatchObject({ code: '23514' });
		await expect(save(a, { headline: 'x'.repeat(121) })).rejects.toMatchObject({
			code: '23514'
		});
		await expect(save(a, { bio: 'x'.repeat(601) })).rejects.toMatchObject({ code: '23514' });
		expect(await t.db.forUser(a).rpc('my_portfolio_profile', {}), 'nothing changed').toEqual([
			PROFILE
		]);
	});

	it('public_profile() returns it for an active slug only, and nothing of another learner', async () => {
		expect(await t.db.anon().rpc('public_profile', { slug: 'x'.repeat(32) })).toEqual([]);
		const [share] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: ['ml-basics']
		});
		const rows = await t.db.anon().rpc<Record<string, unknown>>('public_profile', {
			slug: share!.slug
		});
		expect(rows).toEqual([PROFILE]);
		expect(JSON.stringify(rows)).not.toContain(a);

		// A learner who shares without writing a profile: one row of empty fields.
		const [other] = await t.db.forUser(b).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: ['ml-basics']
		});
		expect(await t.db.anon().rpc('public_profile', { slug: other!.slug })).toEqual([
			{ headline: '', bio: '', github_url: null, linkedin_url: null, website_url: null }
		]);

		await t.db.forUser(a).rpc('revoke_share', { roadmap_id: 'mlops-engineer' });
		expect(await t.db.anon().rpc('public_profile', { slug: share!.slug })).toEqual([]);
		expect(await t.db.forUser(a).rpc('public_profile', { slug: share!.slug })).toEqual([]);

		// Visitors cannot read the table behind it.
		const direct = await t.db.driver
			.transaction(async (sql) => {
				await sql.query(`select set_config('role', 'anon', true)`);
				return sql.query('select * from public.portfolio_profiles');
			})
			.catch((e: { code?: string }) => e.code);
		expect(direct).toBe('42501');
	});

	it('goes with the account', async () => {
		const c = await createUser(t.db, 'profile-c@example.org');
		await save(c, {});
		await t.db.forUser(c).rpc('delete_my_account', {});
		const left = await t.db.driver.transaction((sql) =>
			sql.query('select 1 from public.portfolio_profiles where user_id = $1', [c])
		);
		expect(left).toEqual([]);
	});
});
