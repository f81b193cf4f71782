import { error, json } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { myPortfolio, roadmapCompleted } from '$lib/server/portfolio';
import { roadmapCredential } from '$lib/server/portfolio/issuer';
import { myProfile } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { m } from '$lib/paraglide/messages';

export async function GET({ params, locals }) {
	const { db, user } = signedIn(locals, `/portfolio/${params.job}`);
	const roadmap = catalog.roadmaps.get(params.job);
	if (!roadmap) error(404, m.portfolio_no_roadmap({ job: params.job }));
	const [mine, profile] = await Promise.all([myPortfolio(db, roadmap), myProfile(db)]);
	if (!roadmapCompleted(mine.view) || !mine.completedOn)
		error(404, m.portfolio_credential_not_yet());
	const credential = await roadmapCredential({
		origin: locals.origin,
		roadmapId: roadmap.id,
		learner: { id: user.id, displayName: profile?.display_name ?? '' },
		achievedOn: mine.completedOn
	});
	return json(credential, {
		headers: {
			'content-type': 'application/ld+json',
			'content-disposition': `attachment; filename="jalons-${roadmap.id}-credential.json"`,
			'cache-control': 'private, no-store'
		}
	});
}
