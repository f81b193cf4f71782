// Rubric claims (self-assessed criteria of a project brief): private to their owner, tied to a piece
// of evidence, and readable by anyone only through public_portfolio_claims() while the roadmap is
// shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, engines, openTestDb, type TestDb } from './harness';

describe.each(engines)('rubric claims on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'claims-a@example.org');
		b = await createUser(t.db, 'claims-b@example.org');
	});
	afterAll(() => t.dispose());

	const evidence = (user: string, item_id = 'ml-pipeline') =>
		t.db.forUser(user).rpc('save_evidence', {
			roadmap_id: 'mlops-engineer',
			item_id,
			url: 'https://example.org/pipeline',
			note: 'My pipeline',
			credential_id: null,
			achieved_on: '2026-11-01'
		});
	const claim = (user: string, criterion_ids: unknown, item_id = 'ml-pipeline') =>
		t.db.forUser(user).rpc<{ criterion_id: string }>('save_claims', {
			roadmap_id: 'mlops-engineer',
			item_id,
			criterion_ids
		});
	const mine = async (user: string) =>
		(
			await t.db.forUser(user).rpc<{ item_id: string; criterion_id: string }>('my_claims', {
				only_roadmap: 'mlops-engineer'
			})
		).map((c) => `${c.item_id}/${c.criterion_id}`);

	it('needs the evidence first, and then stores exactly the criteria given', async () => {
		await expect(claim(a, ['tracking'])).rejects.toMatchObject({ code: '23503' });
		await evidence(a);
		expect((await claim(a, ['tracking', 'lineage'])).map((r) => r.criterion_id)).toEqual([
			'lineage',
			'tracking'
		]);
		await claim(a, ['lineage', 'promotion']);
		expect(await mine(a)).toEqual(['ml-pipeline/lineage', 'ml-pipeline/promotion']);
		await claim(a, []);
		expect(await mine(a)).toEqual([]);
	});

	it('refuses what is not a list of at most six ids, and changes nothing', async () => {
		await claim(a, ['tracking']);
		await expect(claim(a, { tracking: true })).rejects.toMatchObject({ code: '22023' });
		await expect(claim(a, ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).rejects.toMatchObject({
			code: '22023'
		});
		await expect(claim(a, ['Not An Id'])).rejects.toMatchObject({ code: '23514' });
		expect(await mine(a)).toEqual(['ml-pipeline/tracking']);
	});

	it("keeps claims private to their owner; nobody claims on another learner's evidence", async () => {
		expect(await mine(b)).toEqual([]);
		await expect(t.db.anon().rpc('my_claims', { only_roadmap: null })).rejects.toMatchObject({
			code: '42501'
		});
		// b's call saves b's claims: without evidence of b's own, the foreign key refuses it.
		await expect(claim(b, ['tracking'])).rejects.toMatchObject({ code: '23503' });
		expect(await mine(a)).toEqual(['ml-pipeline/tracking']);
	});

	it('goes with its evidence when the evidence is removed', async () => {
		await evidence(a, 'first-deployment');
		await claim(a, ['api'], 'first-deployment');
		await t.db
			.forUser(a)
			.rpc('delete_evidence', { roadmap_id: 'mlops-engineer', item_id: 'first-deployment' });
		expect(await mine(a)).toEqual(['ml-pipeline/tracking']);
	});

	it('is public through the share link only while the roadmap is shared', async () => {
		await evidence(b);
		await claim(b, ['lineage']);
		const publicClaims = (slug: string) =>
			t.db.anon().rpc<{ item_id: string; criterion_id: string }>('public_portfolio_claims', {
				slug
			});
		// Not shared yet: no slug of a's exists, and a made-up one shows nothing.
		expect(await publicClaims('x'.repeat(32))).toEqual([]);
		const [share] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: ['ml-basics']
		});
		// a's claims only, never b's.
		expect(await publicClaims(share!.slug)).toEqual([
			{ item_id: 'ml-pipeline', criterion_id: 'tracking' }
		]);
		await t.db.forUser(a).rpc('revoke_share', { roadmap_id: 'mlops-engineer' });
		expect(await publicClaims(share!.slug)).toEqual([]);
	});
});
