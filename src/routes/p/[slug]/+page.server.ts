import { error } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { publicPortfolio } from '$lib/server/portfolio';
import { projectRubrics } from '$lib/server/portfolio/claims';

export async function load({ params, locals, setHeaders }) {
	const found = await publicPortfolio(locals.publicDb, params.slug);
	// Unknown and revoked links get the same answer: nothing says which.
	if (!found) error(404, 'There is no shared portfolio at this address.');
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const { roadmap, view } = found;
	return {
		link: `${locals.origin}/p/${params.slug}`,
		displayName: found.displayName,
		sharedAt: found.sharedAt,
		roadmap: { id: roadmap.id, title: roadmap.title, summary: roadmap.summary },
		view,
		titles: Object.fromEntries([...catalog.modules.values()].map((m) => [m.id, m.title])),
		mastery: found.mastery,
		modules: found.modules,
		rubrics: await projectRubrics(locals.publicDb, params.slug, roadmap.id)
	};
}
