import { error } from '@sveltejs/kit';
import { catalog, moduleCard } from '$lib/server/content';
import { myMastery } from '$lib/server/mastery';
import { myProgress, statusMap } from '$lib/server/progress';
import { tally } from '$lib/progress';

export async function load({ params, locals }) {
	const competency = catalog.competencies.get(params.id);
	if (!competency) error(404, `There is no competency "${params.id}".`);
	const modules = (catalog.modulesByCompetency.get(competency.id) ?? []).map(moduleCard);
	const roadmaps = [...catalog.roadmaps.values()]
		.filter((r) => r.phases.some((p) => p.modules.some((m) => modules.some((x) => x.id === m))))
		.map((r) => ({ id: r.id, title: r.title }));
	const learner = locals.db
		? {
				tally: tally(
					modules.map((m) => m.id),
					statusMap(await myProgress(locals.db))
				),
				mastery: (await myMastery(locals.db))[competency.id]
			}
		: null;
	return { competency, modules, roadmaps, learner };
}
