import { error, fail } from '@sveltejs/kit';
import { catalog, competencyTitle, moduleCard, roadmapModules } from '$lib/server/content';
import { myMastery } from '$lib/server/mastery';
import { enroll, learnerState, leaveRoadmap } from '$lib/server/progress';
import { roadmapProgress } from '$lib/progress';
import { signedIn } from '$lib/server/redirect';
import { m } from '$lib/paraglide/messages';

export async function load({ params, locals }) {
	const roadmap = catalog.roadmaps.get(params.job);
	if (!roadmap) error(404, m.catalog_roadmap_not_found({ id: params.job }));
	const ids = roadmapModules(roadmap.id);
	const modules = Object.fromEntries(ids.map((id) => [id, moduleCard(id)]));
	const titles = Object.fromEntries(
		[...catalog.modules.values()].map((mod) => [mod.id, mod.title] as const)
	);
	const competencies = [...new Set(ids.flatMap((id) => modules[id]!.competencies))].map((id) => ({
		id,
		title: competencyTitle(id)
	}));
	const { file: _file, ...publicRoadmap } = roadmap;
	let learner = null;
	if (locals.db) {
		const { enrollments, statuses } = await learnerState(locals.db);
		learner = {
			statuses,
			enrolled: enrollments.some((e) => e.roadmap_id === roadmap.id),
			mastery: await myMastery(locals.db),
			progress: roadmapProgress(roadmap.phases, statuses)
		};
	}
	// Shown in English on a French page for want of a translation: the page says so.
	const fallback = catalog.fallbacks.has(`roadmap:${roadmap.id}`);
	return { roadmap: publicRoadmap, modules, titles, competencies, learner, fallback };
}

async function change(
	params: { job: string },
	locals: App.Locals,
	url: URL,
	fn: typeof enroll | typeof leaveRoadmap
) {
	const { db } = signedIn(locals, url);
	if (!catalog.roadmaps.has(params.job)) return fail(404, { message: m.catalog_roadmap_unknown() });
	await fn(db, params.job);
	return { ok: true };
}

export const actions = {
	enroll: ({ params, locals, url }) => change(params, locals, url, enroll),
	leave: ({ params, locals, url }) => change(params, locals, url, leaveRoadmap)
};
