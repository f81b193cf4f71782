import { catalog } from '$lib/server/content';

export const prerender = false;

export function load() {
	return {
		roadmaps: [...catalog.roadmaps.values()].map((r) => ({
			id: r.id,
			title: r.title,
			summary: r.summary,
			phases: r.phases.map((p) => ({
				id: p.id,
				title: p.title,
				months: p.months,
				modules: p.modules.length,
				minutes: p.modules.reduce((n, m) => n + (catalog.modules.get(m)?.minutes ?? 0), 0)
			}))
		})),
		moduleCount: catalog.modules.size,
		competencyCount: catalog.competencies.size
	};
}
