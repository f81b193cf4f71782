import { catalog } from '$lib/server/content';
import { m } from '$lib/paraglide/messages';

// Called while a request is served, so in its language.
const AREA_TITLES: Record<string, () => string> = {
	'prompt-engineering': m.catalog_area_prompt_engineering,
	mlops: m.catalog_area_mlops,
	'cloud-security': m.catalog_area_cloud_security,
	chatbot: m.catalog_area_chatbot
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
			title: AREA_TITLES[id]?.() ?? id,
			competencies
		}))
	};
}
