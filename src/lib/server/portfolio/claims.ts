// Rubric claims on the server: the learner's own (my_claims, save_claims) and a shared page's
// (public_portfolio_claims), each kept to the criteria the brief has today.
import { briefKey, type Brief } from '$lib/content/brief';
import { validClaims } from '$lib/portfolio/claims';
import { catalog } from '../content';
import type { UserDb } from '../db/types';
import { call, callPublic } from '../rpc';

/** The brief of each project item of a roadmap, by item id. */
export function roadmapBriefs(roadmapId: string): Record<string, Brief> {
	const roadmap = catalog.roadmaps.get(roadmapId);
	const out: Record<string, Brief> = {};
	for (const item of roadmap?.portfolio ?? []) {
		const brief = catalog.briefs.get(briefKey(roadmapId, item.id));
		if (brief) out[item.id] = brief;
	}
	return out;
}

function byItem(roadmapId: string, rows: { item_id: string; criterion_id: string }[]) {
	const briefs = roadmapBriefs(roadmapId);
	const out: Record<string, string[]> = {};
	for (const [itemId, brief] of Object.entries(briefs)) {
		const ids = validClaims(
			rows.filter((r) => r.item_id === itemId).map((r) => r.criterion_id),
			brief.rubric
		);
		if (ids.length) out[itemId] = ids;
	}
	return out;
}

/** The signed-in learner's claims for a roadmap: item id → criterion ids. */
export const myClaims = async (db: UserDb, roadmapId: string) =>
	byItem(roadmapId, await call(db, 'my_claims', { only_roadmap: roadmapId }));

/** Replaces the claims of one piece of evidence (already checked against its brief). */
export const saveClaims = (db: UserDb, roadmapId: string, itemId: string, ids: string[]) =>
	call(db, 'save_claims', { roadmap_id: roadmapId, item_id: itemId, criterion_ids: ids });

/** A shared page's claims (nothing for an unknown or revoked slug). */
export const publicClaims = async (db: UserDb, slug: string, roadmapId: string) =>
	byItem(roadmapId, await callPublic(db, 'public_portfolio_claims', { slug }));

/**
 * For a shared page: each project item's goal and rubric, with the criteria the learner claims.
 * Only what the public page shows of a brief is sent.
 */
export async function projectRubrics(db: UserDb, slug: string, roadmapId: string) {
	const claims = await publicClaims(db, slug, roadmapId);
	return Object.fromEntries(
		Object.entries(roadmapBriefs(roadmapId)).map(([itemId, b]) => [
			itemId,
			{ goal: b.goal, rubric: b.rubric, claimed: claims[itemId] ?? [] }
		])
	);
}
