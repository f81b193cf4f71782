// Portfolio evidence is private to its owner; a share link exposes, through public_portfolio() only,
// what is meant to be public, and nothing once revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAttemptId, single, submitAttempt } from './attempts';
import { catalog } from '../../src/lib/server/content';
import { myPortfolios, sharedModules } from '../../src/lib/server/portfolio';
import { createUser, engines, openTestDb, type TestDb } from './harness';

// What the app passes when a learner shares the mlops-engineer roadmap (here, two of its modules).
const MLOPS = ['ml-basics', 'docker-for-ml'];

describe.each(engines)('portfolios on %s', (engine) => {
	let t: TestDb;
	let a: string;
	let b: string;
	beforeAll(async () => {
		t = await openTestDb(engine);
		a = await createUser(t.db, 'portfolio-a@example.org');
		b = await createUser(t.db, 'portfolio-b@example.org');
		await t.db.forUser(a).rpc('mark_read', { module_id: 'ml-basics' });
		await submitAttempt(t.db, a, 'ml-basics', {
			attemptId: await openAttemptId(t.db, a, 'ml-basics'),
			answers: { q1: single('o2') },
			score: 9,
			passed: true
		});
		// A module of another roadmap, passed: no share of mlops-engineer may show it.
		await submitAttempt(t.db, a, 'prompt-basics', {
			attemptId: await openAttemptId(t.db, a, 'prompt-basics'),
			answers: { p1: single('o0'), p2: single('o1') },
			score: 2,
			maxScore: 2,
			passed: true
		});
	});
	afterAll(() => t.dispose());

	const evidence = (user: string, url: string, note = 'My pipeline', achieved_on = '2026-11-01') =>
		t.db.forUser(user).rpc('save_evidence', {
			roadmap_id: 'mlops-engineer',
			item_id: 'pipeline-project',
			url,
			note,
			credential_id: null,
			achieved_on
		});

	it('keeps evidence private to its owner, and refuses non-web URLs and future dates', async () => {
		await evidence(a, 'https://example.org/pipeline');
		expect(
			await t.db.forUser(a).rpc('my_evidence', { only_roadmap: 'mlops-engineer' })
		).toMatchObject([{ item_id: 'pipeline-project', url: 'https://example.org/pipeline' }]);
		expect(await t.db.forUser(b).rpc('my_evidence', { only_roadmap: null })).toEqual([]);
		for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'https://', 'ftp://example.org'])
			await expect(evidence(a, url), url).rejects.toMatchObject({ code: '23514' });
		await expect(evidence(a, 'https://example.org', 'x', '2999-01-01')).rejects.toMatchObject({
			code: '23514'
		});
		// Nothing changed by the refused writes.
		expect(
			await t.db.forUser(a).rpc('my_evidence', { only_roadmap: 'mlops-engineer' })
		).toMatchObject([{ url: 'https://example.org/pipeline', note: 'My pipeline' }]);
	});

	it('shares through a random slug that the public function reads, until revoked', async () => {
		const [share] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: MLOPS
		});
		expect(share!.slug).toMatch(/^[A-Za-z0-9_-]{32}$/);
		// Sharing again keeps the same link.
		const [again] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: MLOPS
		});
		expect(again!.slug).toBe(share!.slug);

		const [page] = await t.db.anon().rpc<Record<string, unknown>>('public_portfolio', {
			slug: share!.slug
		});
		expect(page).toMatchObject({
			display_name: 'portfolio-a',
			roadmap_id: 'mlops-engineer',
			evidence: [{ item_id: 'pipeline-project', url: 'https://example.org/pipeline' }],
			progress: [{ module_id: 'ml-basics', status: 'completed' }],
			results: [{ module_id: 'ml-basics', results: { q1: { score: 1, max: 1 } } }]
		});
		expect(Number((page!.best_scores as { best: number }[])[0]!.best)).toBeCloseTo(0.9);
		const text = JSON.stringify(page);
		expect(text).not.toContain('portfolio-a@example.org');
		expect(text).not.toContain('"option"');
		expect(text).not.toContain(a);

		// Visitors cannot list shares or read the tables behind the page.
		await expect(t.db.anon().rpc('my_shares', {})).rejects.toMatchObject({ code: '42501' });
		expect(await t.db.forUser(b).rpc('my_shares', {})).toEqual([]);

		await t.db.forUser(a).rpc('revoke_share', { roadmap_id: 'mlops-engineer' });
		expect(await t.db.anon().rpc('public_portfolio', { slug: share!.slug })).toEqual([]);
		expect(
			await t.db.anon().rpc('public_portfolio', { slug: 'x'.repeat(32) }),
			'an unknown slug answers exactly like a revoked one'
		).toEqual([]);

		// A revoked link cannot be revived, even by its owner writing to the table directly.
		const revive = await t.db.driver
			.transaction(async (sql) => {
				await sql.query(
					`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
					[JSON.stringify({ sub: a, role: 'authenticated' })]
				);
				return sql.query(
					`update public.portfolio_shares set revoked_at = null where slug = $1 returning slug`,
					[share!.slug]
				);
			})
			.catch((e: { code?: string }) => e.code);
		expect(revive === '42501' || (Array.isArray(revive) && revive.length === 0)).toBe(true);
		expect(await t.db.anon().rpc('public_portfolio', { slug: share!.slug })).toEqual([]);

		// Sharing again makes a new link.
		const [fresh] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: MLOPS
		});
		expect(fresh!.slug).not.toBe(share!.slug);
	});

	it("a share covers its roadmap's modules only: another module's progress, scores and results are not returned", async () => {
		const [share] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: MLOPS
		});
		const [page] = await t.db.anon().rpc<Record<string, unknown>>('public_portfolio', {
			slug: share!.slug
		});
		const modulesIn = (key: string) =>
			(page![key] as { module_id: string }[]).map((r) => r.module_id).sort();
		expect(modulesIn('progress'), 'progress of the shared roadmap only').toEqual(['ml-basics']);
		expect(modulesIn('best_scores'), 'best scores of the shared roadmap only').toEqual([
			'ml-basics'
		]);
		expect(modulesIn('results'), 'quiz results of the shared roadmap only').toEqual(['ml-basics']);
		expect(JSON.stringify(page)).not.toContain('prompt-basics');
		// The learner's own view still has both.
		expect(
			(await t.db.forUser(a).rpc<{ module_id: string }>('my_best_scores', {}))
				.map((r) => r.module_id)
				.sort()
		).toEqual(['ml-basics', 'prompt-basics']);
	});

	it('sharing again rescopes the active link: same slug, the new module list', async () => {
		const share = (module_ids: unknown) =>
			t.db
				.forUser(a)
				.rpc<{ slug: string }>('share_portfolio', { roadmap_id: 'mlops-engineer', module_ids });
		const [before] = await share(MLOPS);
		const [wider] = await share([...MLOPS, 'prompt-basics', 'ml-basics']);
		expect(wider!.slug).toBe(before!.slug);
		expect(await t.db.forUser(a).rpc('my_shares', {})).toMatchObject([
			{ slug: before!.slug, module_ids: ['docker-for-ml', 'ml-basics', 'prompt-basics'] }
		]);
		const modules = async () => {
			const [page] = await t.db
				.anon()
				.rpc<{ progress: { module_id: string }[] }>('public_portfolio', { slug: before!.slug });
			return page!.progress.map((p) => p.module_id).sort();
		};
		expect(await modules()).toEqual(['ml-basics', 'prompt-basics']);
		await share(['docker-for-ml']);
		expect(await modules(), 'a module taken out of the list is no longer shown').toEqual([]);
		await share(MLOPS);

		// Refused, and nothing changed: ids that are not module ids, a list that is not a JSON array.
		for (const bad of [
			['Not An Id'],
			['ml-basics', ''],
			Array(501)
				.fill('m')
				.map((m, i) => m + i)
		])
			await expect(share(bad), JSON.stringify(bad).slice(0, 40)).rejects.toMatchObject({
				code: '23514'
			});
		await expect(share({ 'ml-basics': true })).rejects.toMatchObject({ code: '22023' });
		expect(await modules()).toEqual(['ml-basics']);
	});

	it('nobody but the owner changes what a link covers, and a visitor cannot widen it', async () => {
		const [share] = await t.db.forUser(a).rpc<{ slug: string }>('share_portfolio', {
			roadmap_id: 'mlops-engineer',
			module_ids: MLOPS
		});
		// public_portfolio takes the slug and nothing else.
		await expect(
			t.db.anon().rpc('public_portfolio', { slug: share!.slug, module_ids: ['prompt-basics'] })
		).rejects.toMatchObject({ code: '42883' });
		await expect(
			t.db.anon().rpc('share_portfolio', { roadmap_id: 'mlops-engineer', module_ids: [] })
		).rejects.toMatchObject({ code: '42501' });
		// Another learner writing to the table reaches no row of a's.
		const asB = await t.db.driver
			.transaction(async (sql) => {
				await sql.query(
					`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
					[JSON.stringify({ sub: b, role: 'authenticated' })]
				);
				return sql.query(
					`update public.portfolio_shares set module_ids = '{prompt-basics}' where slug = $1 returning slug`,
					[share!.slug]
				);
			})
			.catch((e: { code?: string }) => e.code);
		expect(asB === '42501' || (Array.isArray(asB) && asB.length === 0)).toBe(true);
		const [page] = await t.db
			.anon()
			.rpc<{ progress: { module_id: string }[] }>('public_portfolio', { slug: share!.slug });
		expect(page!.progress.map((p) => p.module_id)).toEqual(['ml-basics']);
	});

	it("the owner's portfolio rescopes a link whose roadmap changed since it was shared", async () => {
		const roadmap = catalog.roadmaps.get('mlops-engineer')!;
		const ids = async () =>
			(await t.db.forUser(b).rpc<{ module_ids: string[] }>('my_shares', {}))[0]!.module_ids;
		// As a link shared before module lists were stored, or before the roadmap gained modules.
		await t.db
			.forUser(b)
			.rpc('share_portfolio', { roadmap_id: roadmap.id, module_ids: ['ml-basics'] });
		expect(await ids()).toEqual(['ml-basics']);
		await myPortfolios(t.db.forUser(b), [roadmap]);
		expect(sharedModules(roadmap.id).length).toBeGreaterThan(1);
		expect((await ids()).sort()).toEqual(sharedModules(roadmap.id).sort());
		await t.db.forUser(b).rpc('revoke_share', { roadmap_id: roadmap.id });
	});

	it('a learner cannot choose their slug', async () => {
		await expect(
			t.db.driver.transaction(async (sql) => {
				await sql.query(
					`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
					[JSON.stringify({ sub: b, role: 'authenticated' })]
				);
				return sql.query(
					`insert into public.portfolio_shares (slug, user_id, roadmap_id) values ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', $1, 'mlops-engineer')`,
					[b]
				);
			})
		).rejects.toMatchObject({ code: '42501' });
	});
});
