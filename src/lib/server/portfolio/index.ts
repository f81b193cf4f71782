// Portfolios on the server: reads what derivation needs through the SQL functions — as the learner,
// or for a shared page through public_portfolio() — and derives the checklist.
import { catalog, roadmapModules } from '../content';
import type { UserDb } from '../db/types';
import { masteryOf } from '../mastery';
import { call, callPublic, type RpcRow } from '../rpc';
import {
	derivePortfolio,
	type EvidenceInput,
	type PortfolioView,
	type ProgressInput
} from '$lib/portfolio/derive';
import type { Roadmap } from '$lib/content/schema';
import type { AttemptResults } from '$lib/quiz/mastery';

const knownModules: ReadonlySet<string> = new Set(catalog.modules.keys());
// numeric: a string from the local drivers, a number from PostgREST.
const bestScores = (rows: Pick<RpcRow<'my_best_scores'>, 'module_id' | 'best'>[]) =>
	rows.map((s) => ({ module_id: s.module_id, best: Number(s.best) }));

/** The competencies a roadmap's modules teach, in roadmap order. */
export function roadmapCompetencies(roadmapId: string) {
	const ids = [
		...new Set(roadmapModules(roadmapId).flatMap((m) => catalog.modules.get(m)!.competencies))
	];
	return ids.map((id) => catalog.competencies.get(id)!);
}

/**
 * The modules a share link of a roadmap covers, stored with the share: public_portfolio() returns
 * progress, scores and results for these only.
 */
export const sharedModules = (roadmapId: string) => [...new Set(roadmapModules(roadmapId))];

/** Shares the learner's portfolio for a roadmap (or rescopes the active link to its modules). */
export const sharePortfolio = (db: UserDb, roadmapId: string) =>
	call(db, 'share_portfolio', {
		roadmap_id: roadmapId,
		module_ids: sharedModules(roadmapId)
	});

const sameIds = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id) => b.includes(id));

/** A roadmap is completed when every module of every phase is. */
export const roadmapCompleted = (view: PortfolioView) => view.phases.every((p) => p.share === 1);

/**
 * The signed-in learner's portfolio for each roadmap given, with its active share link. A link whose
 * modules are no longer the roadmap's (the catalog changed since it was shared) is rescoped here, as
 * its owner is the one reading: only the owner's token may change what the link covers.
 */
export async function myPortfolios(db: UserDb, roadmaps: Roadmap[]) {
	const one = roadmaps.length === 1 ? roadmaps[0]!.id : null;
	const [progress, scores, evidence, rows] = await Promise.all([
		call(db, 'my_progress'),
		call(db, 'my_best_scores'),
		call(db, 'my_evidence', { only_roadmap: one }),
		call(db, 'my_shares')
	]);
	// module_ids is jsonb: the array of module ids share_portfolio() stored.
	const shares = rows.map((s) => ({ ...s, module_ids: s.module_ids as string[] }));
	const given = new Set(roadmaps.map((r) => r.id));
	await Promise.all(
		shares
			.filter((s) => given.has(s.roadmap_id) && !sameIds(s.module_ids, sharedModules(s.roadmap_id)))
			.map((s) => sharePortfolio(db, s.roadmap_id))
	);
	return roadmaps.map((r) => {
		const share = shares.find((s) => s.roadmap_id === r.id);
		const modules = new Set(roadmapModules(r.id));
		return {
			roadmap: r,
			/** When the last module of the roadmap was completed (meaningful once all are). */
			completedOn:
				progress
					.filter((p) => modules.has(p.module_id) && p.completed_at)
					.map((p) => new Date(p.completed_at!).toISOString().slice(0, 10))
					.sort()
					.at(-1) ?? null,
			view: derivePortfolio(
				r,
				progress,
				bestScores(scores),
				evidence.filter((e) => e.roadmap_id === r.id),
				knownModules
			),
			share: share ? { slug: share.slug, since: new Date(share.created_at).toISOString() } : null
		};
	});
}

/**
 * What the jsonb columns of public_portfolio() hold, as its jsonb_build_object() calls make them:
 * the evidence, completed modules, best scores and quiz results of the modules the share covers.
 */
interface PublicJson {
	evidence: EvidenceInput[];
	progress: ProgressInput[];
	best_scores: { module_id: string; best: number }[];
	results: AttemptResults[];
}

/** A shared portfolio, or null for a slug that is unknown, revoked, or names a roadmap now gone. */
export async function publicPortfolio(db: UserDb, slug: string) {
	if (!/^[A-Za-z0-9_-]{32}$/.test(slug)) return null;
	const [found] = await callPublic(db, 'public_portfolio', { slug });
	const roadmap = found && catalog.roadmaps.get(found.roadmap_id);
	if (!found || !roadmap) return null;
	const row = { ...found, ...(found as unknown as PublicJson) };
	const mastery = masteryOf(row.results);
	const completedAt = new Map(
		row.progress.map((p) => [p.module_id, p.completed_at && new Date(p.completed_at).toISOString()])
	);
	return {
		displayName: row.display_name,
		roadmap,
		sharedAt: new Date(row.shared_at).toISOString(),
		view: derivePortfolio(
			roadmap,
			row.progress,
			bestScores(row.best_scores),
			row.evidence,
			knownModules
		),
		mastery: roadmapCompetencies(roadmap.id).map((c) => ({
			id: c.id,
			title: c.title,
			mastery: mastery[c.id]
		})),
		/** The roadmap's modules in order, with the day each was completed (null: not yet). */
		modules: roadmapModules(roadmap.id).map((id) => ({
			id,
			title: catalog.modules.get(id)!.title,
			completedOn: completedAt.get(id)?.slice(0, 10) ?? null
		}))
	};
}

/** The signed-in learner's portfolio for one roadmap. */
export const myPortfolio = async (db: UserDb, roadmap: Roadmap) =>
	(await myPortfolios(db, [roadmap]))[0]!;
