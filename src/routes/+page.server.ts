import { catalog, roadmapModules } from '$lib/server/content';
import { myMastery } from '$lib/server/mastery';
import { learnerState } from '$lib/server/progress';
import { continueWith, tally } from '$lib/progress';

export async function load({ locals, url }) {
	const roadmaps = [...catalog.roadmaps.values()].map((r) => ({
		id: r.id,
		title: r.title,
		summary: r.summary,
		phases: r.phases.map((p) => ({
			id: p.id,
			title: p.title,
			months: p.months,
			hours: p.hours,
			modules: p.modules.length,
			minutes: p.modules.reduce((n, m) => n + (catalog.modules.get(m)?.minutes ?? 0), 0)
		}))
	}));
	let learner = null;
	if (locals.db) {
		const { progress, enrollments, statuses } = await learnerState(locals.db);
		const followed = enrollments.filter((e) => catalog.roadmaps.has(e.roadmap_id));
		const next = continueWith(
			progress,
			followed.map((e) => ({ modules: roadmapModules(e.roadmap_id) })),
			statuses,
			(id) => catalog.modules.has(id)
		);
		learner = {
			continueWith: next ? { id: next, title: catalog.modules.get(next)!.title } : null,
			followed: followed.map((e) => ({
				id: e.roadmap_id,
				title: catalog.roadmaps.get(e.roadmap_id)!.title,
				tally: tally(roadmapModules(e.roadmap_id), statuses)
			})),
			mastery: Object.entries(await myMastery(locals.db))
				.filter(([, m]) => m.answered > 0)
				.map(([id, m]) => ({ id, title: catalog.competencies.get(id)?.title ?? id, mastery: m })),
			completed: progress.filter(
				(p) => p.status === 'completed' && catalog.modules.has(p.module_id)
			).length
		};
	}
	return {
		roadmaps,
		moduleCount: catalog.modules.size,
		competencyCount: catalog.competencies.size,
		learner,
		deleted: url.searchParams.has('deleted')
	};
}
