import { error } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { publicPortfolio } from '$lib/server/portfolio';
import { publicProfile } from '$lib/server/portfolio/profile';
import { projectRubrics } from '$lib/server/portfolio/claims';
import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export async function load({ params, locals, setHeaders }) {
	const [found, profile] = await Promise.all([
		publicPortfolio(locals.publicDb, params.slug),
		publicProfile(locals.publicDb, params.slug)
	]);
	// Unknown and revoked links get the same answer: nothing says which.
	if (!found || !profile) error(404, m.portfolio_public_not_found());
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const { roadmap, view } = found;
	// The page's own address, in its language; its link preview is drawn in that language too.
	const link = `${locals.origin}${localHref(`/p/${params.slug}`)}`;
	return {
		link,
		image: `${link}/og.png`,
		displayName: found.displayName,
		profile,
		sharedAt: found.sharedAt,
		roadmap: { id: roadmap.id, title: roadmap.title, summary: roadmap.summary },
		view,
		titles: Object.fromEntries([...catalog.modules.values()].map((mod) => [mod.id, mod.title])),
		mastery: found.mastery,
		modules: found.modules,
		rubrics: await projectRubrics(locals.publicDb, params.slug, roadmap.id)
	};
}
