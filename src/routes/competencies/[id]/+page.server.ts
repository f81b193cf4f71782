import { error } from '@sveltejs/kit';
import { catalog, moduleCard } from '$lib/server/content';
import { myMastery } from '$lib/server/mastery';
import { myProgress, statusMap } from '$lib/server/progress';
import { tally } from '$lib/progress';
import { m } from '$lib/paraglide/messages';

export async function load({ params, locals }) {
	const competency = catalog.competencies.get(params.id);
	if (!competency) error(404, m.catalog_competency_not_found({ id: params.id }));
	const modules = (catalog.modulesByCompetency.get(competency.id) ?? []).map(moduleCard);
	const roadmaps = [...catalog.roadmaps.values()]
		.filter((r) => r.phases.some((p) => p.modules.some((id) => modules.some((x) => x.id === id))))
		.map((r) => ({ id: r.id, title: r.title }));
	const learner = locals.db
		? {
				tally: tally(
					modules.map((mod) => mod.id),
					statusMap(await myProgress(locals.db))
				),
				mastery: (await myMastery(locals.db))[competency.id]
			}
		: null;
	return { competency, modules, roadmaps, learner };
}
