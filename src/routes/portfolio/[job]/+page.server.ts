import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { fieldErrors } from '$lib/server/auth/validation';
import { DbError } from '$lib/server/db/types';
import { call } from '$lib/server/rpc';
import { myPortfolio, roadmapCompleted, sharePortfolio } from '$lib/server/portfolio';
import { myClaims, roadmapBriefs, saveClaims } from '$lib/server/portfolio/claims';
import { parseClaims } from '$lib/portfolio/claims';
import { myProfile } from '$lib/server/progress';
import { EVIDENCE_KINDS, evidenceSchema, type EvidenceKind } from '$lib/portfolio/evidence';
import { signedIn } from '$lib/server/redirect';
import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

function me(locals: App.Locals, job: string) {
	const { db } = signedIn(locals, `/portfolio/${job}`);
	const roadmap = catalog.roadmaps.get(job);
	if (!roadmap) error(404, m.portfolio_no_roadmap({ job }));
	return { db, roadmap };
}

export async function load({ params, locals }) {
	const { db, roadmap } = me(locals, params.job);
	const [{ view, share }, profile, claims] = await Promise.all([
		myPortfolio(db, roadmap),
		myProfile(db),
		myClaims(db, roadmap.id)
	]);
	const titles = Object.fromEntries(
		[...catalog.modules.values()].map((mod) => [mod.id, mod.title])
	);
	return {
		roadmap: { id: roadmap.id, title: roadmap.title, summary: roadmap.summary },
		view: view,
		titles,
		share: share && { ...share, url: `${locals.origin}${localHref(`/p/${share.slug}`)}` },
		displayName: profile?.display_name || m.portfolio_a_learner(),
		completed: roadmapCompleted(view),
		/** Project item id → its brief, and the rubric criteria the learner claims (self-assessed). */
		briefs: roadmapBriefs(roadmap.id),
		claims
	};
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
// The database's own rule for item ids: anything else names no item, and never reaches SQL.
const itemId = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(80);

export const actions = {
	evidence: async ({ params, locals, request }) => {
		const { db, roadmap } = me(locals, params.job);
		const form = await request.formData();
		const itemId = text(form, 'item');
		const values = {
			url: text(form, 'url'),
			note: text(form, 'note'),
			credential_id: text(form, 'credential_id'),
			achieved_on: text(form, 'achieved_on'),
			criteria: form.getAll('criteria').map(String)
		};
		const item = roadmap.portfolio.find((i) => i.id === itemId);
		if (!item || !(EVIDENCE_KINDS as readonly string[]).includes(item.kind))
			return fail(400, {
				item: itemId,
				values,
				errors: { form: m.portfolio_no_item() }
			});
		// Locked items take no evidence: their modules come first.
		const { view } = await myPortfolio(db, roadmap);
		const state = view.items.find((i) => i.id === itemId)!;
		if (state.state === 'locked')
			return fail(409, {
				item: itemId,
				values,
				errors: { form: m.portfolio_item_locked_error() }
			});
		const parsed = evidenceSchema(item.kind as EvidenceKind).safeParse(values);
		const brief = roadmapBriefs(roadmap.id)[item.id];
		const claims = brief ? parseClaims(form.getAll('criteria'), brief.rubric) : null;
		if (!parsed.success || (claims && !claims.ok))
			return fail(400, {
				item: itemId,
				values,
				errors: {
					...(parsed.success ? {} : fieldErrors(parsed.error)),
					...(claims && !claims.ok ? { criteria: claims.error } : {})
				}
			});
		try {
			await call(db, 'save_evidence', {
				roadmap_id: roadmap.id,
				item_id: item.id,
				...parsed.data
			});
			if (claims?.ok) await saveClaims(db, roadmap.id, item.id, claims.ids);
		} catch (e) {
			// The database checks again (http/https links, dates); what it refuses is said, not a 500.
			if (e instanceof DbError && e.code === '23514')
				return fail(400, {
					item: itemId,
					values,
					errors: { form: m.portfolio_evidence_refused() }
				});
			throw e;
		}
		return { saved: itemId };
	},

	remove: async ({ params, locals, request }) => {
		const { db, roadmap } = me(locals, params.job);
		const parsed = itemId.safeParse(text(await request.formData(), 'item'));
		if (!parsed.success) return fail(400, { refused: m.portfolio_no_item_remove() });
		await call(db, 'delete_evidence', { roadmap_id: roadmap.id, item_id: parsed.data });
		return { removed: parsed.data };
	},

	share: async ({ params, locals }) => {
		const { db, roadmap } = me(locals, params.job);
		await sharePortfolio(db, roadmap.id);
		return { shared: true };
	},

	unshare: async ({ params, locals }) => {
		const { db, roadmap } = me(locals, params.job);
		await call(db, 'revoke_share', { roadmap_id: roadmap.id });
		return { unshared: true };
	}
};
