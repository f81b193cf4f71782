import { error } from '@sveltejs/kit';
import { catalog, moduleCard } from '$lib/server/content';

export function load({ params }) {
	const competency = catalog.competencies.get(params.id);
	if (!competency) error(404, `There is no competency "${params.id}".`);
	const modules = (catalog.modulesByCompetency.get(competency.id) ?? []).map(moduleCard);
	const roadmaps = [...catalog.roadmaps.values()]
		.filter((r) => r.phases.some((p) => p.modules.some((m) => modules.some((x) => x.id === m))))
		.map((r) => ({ id: r.id, title: r.title }));
	return { competency, modules, roadmaps };
}
