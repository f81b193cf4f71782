import { error } from '@sveltejs/kit';
import { catalog, competencyTitle, moduleCard, roadmapModules } from '$lib/server/content';

export function load({ params }) {
	const roadmap = catalog.roadmaps.get(params.job);
	if (!roadmap) error(404, `There is no roadmap "${params.job}".`);
	const ids = roadmapModules(roadmap.id);
	const modules = Object.fromEntries(ids.map((id) => [id, moduleCard(id)]));
	const titles = Object.fromEntries(
		[...catalog.modules.values()].map((m) => [m.id, m.title] as const)
	);
	const competencies = [...new Set(ids.flatMap((id) => modules[id]!.competencies))].map((id) => ({
		id,
		title: competencyTitle(id)
	}));
	const { file: _file, ...publicRoadmap } = roadmap;
	return { roadmap: publicRoadmap, modules, titles, competencies };
}
