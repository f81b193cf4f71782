// Rubric claims: the criteria of a project's brief a learner says their evidence meets. Pure, so
// the rule the server applies before saving is the one unit-tested.
import type { RubricCriterion } from '$lib/content/brief';
import { m } from '$lib/paraglide/messages';

export type ClaimsResult = { ok: true; ids: string[] } | { ok: false; error: string };

/**
 * The ticked checkboxes (`criteria` values of the form) against the rubric: each must be one of its
 * criterion ids. Kept in rubric order, without repeats.
 */
export function parseClaims(ticked: unknown[], rubric: readonly RubricCriterion[]): ClaimsResult {
	const known = new Set(rubric.map((c) => c.id));
	if (ticked.some((v) => typeof v !== 'string' || !known.has(v)))
		return {
			ok: false,
			error: m.portfolio_claims_unknown()
		};
	const set = new Set(ticked as string[]);
	return { ok: true, ids: rubric.filter((c) => set.has(c.id)).map((c) => c.id) };
}

/** The claims still valid for a rubric (an id the brief dropped claims nothing), in rubric order. */
export const validClaims = (claimed: readonly string[], rubric: readonly RubricCriterion[]) =>
	rubric.filter((c) => claimed.includes(c.id)).map((c) => c.id);
