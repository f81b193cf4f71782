import { json } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { myPortfolios, roadmapCompleted } from '$lib/server/portfolio';
import { myProfile } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';

/** Everything the learner's portfolio holds, for them to keep or move elsewhere. */
export async function GET({ locals }) {
	const { db, user } = signedIn(locals, '/portfolio');
	const [portfolios, profile] = await Promise.all([
		myPortfolios(db, [...catalog.roadmaps.values()]),
		myProfile(db)
	]);
	const body = {
		format: 'jalons-portfolio/1',
		exported_at: new Date().toISOString(),
		learner: { display_name: profile?.display_name ?? '', email: user.email },
		portfolios: portfolios.map(({ roadmap, view, share, completedOn }) => ({
			roadmap: {
				id: roadmap.id,
				title: roadmap.title,
				url: `${locals.origin}/roadmaps/${roadmap.id}`
			},
			readiness: view.readiness,
			phases: view.phases,
			completed_on: roadmapCompleted(view) ? completedOn : null,
			items: view.items.map((i) => ({
				id: i.id,
				title: i.title,
				kind: i.kind,
				state: i.state,
				done_on: i.done_on,
				missing: i.missing,
				evidence: i.evidence && {
					url: i.evidence.url,
					note: i.evidence.note,
					credential_id: i.evidence.credential_id,
					achieved_on: i.evidence.achieved_on
				}
			})),
			// Evidence recorded for items the roadmap no longer has: kept, and exported.
			other_evidence: view.orphanEvidence,
			public_link: share ? `${locals.origin}/p/${share.slug}` : null
		}))
	};
	return json(body, {
		headers: {
			'content-disposition': 'attachment; filename="jalons-portfolio.json"',
			'cache-control': 'private, no-store'
		}
	});
}
