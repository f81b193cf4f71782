import { error } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { publicPortfolio } from '$lib/server/portfolio';
import { publicProfile } from '$lib/server/portfolio/profile';
import { projectRubrics } from '$lib/server/portfolio/claims';

export async function load({ params, locals, setHeaders }) {
	const [found, profile] = await Promise.all([
		publicPortfolio(locals.publicDb, params.slug),
		publicProfile(locals.publicDb, params.slug)
	]);
	// Unknown and revoked links get the same answer: nothing says which.
	if (!found || !profile) error(404, 'There is no shared portfolio at this address.');
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const { roadmap, view } = found;
	const link = `${locals.origin}/p/${params.slug}`;
	return {
		link,
		image: `${link}/og.png`,
		displayName: found.displayName,
		profile,
		sharedAt: found.sharedAt,
		roadmap: { id: roadmap.id, title: roadmap.title, summary: roadmap.summary },
		view,
		titles: Object.fromEntries([...catalog.modules.values()].map((m) => [m.id, m.title])),
		mastery: found.mastery,
		modules: found.modules,
		rubrics: await projectRubrics(locals.publicDb, params.slug, roadmap.id)
	};
}
