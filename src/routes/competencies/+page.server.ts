import { catalog } from '$lib/server/content';

const AREA_TITLES: Record<string, string> = {
	'prompt-engineering': 'Prompt engineering',
	mlops: 'MLOps',
	'cloud-security': 'Cloud security',
	chatbot: 'Chatbot projects'
};

export function load() {
	const areas = new Map<
		string,
		{ id: string; title: string; description: string; modules: number }[]
	>();
	for (const c of catalog.competencies.values()) {
		const list = areas.get(c.area) ?? [];
		list.push({
			id: c.id,
			title: c.title,
			description: c.description,
			modules: catalog.modulesByCompetency.get(c.id)?.length ?? 0
		});
		areas.set(c.area, list);
	}
	return {
		areas: [...areas].map(([id, competencies]) => ({
			id,
			title: AREA_TITLES[id] ?? id,
			competencies
		}))
	};
}
