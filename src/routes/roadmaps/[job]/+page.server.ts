import { error, fail, redirect } from '@sveltejs/kit';
import { catalog, competencyTitle, moduleCard, roadmapModules } from '$lib/server/content';
import { myMastery } from '$lib/server/mastery';
import { enroll, learnerState, leaveRoadmap } from '$lib/server/progress';
import { roadmapProgress } from '$lib/progress';
import { signInTo } from '$lib/server/redirect';

export async function load({ params, locals }) {
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
	return { roadmap: publicRoadmap, modules, titles, competencies, learner };
}

async function change(
	params: { job: string },
	locals: App.Locals,
	fn: typeof enroll | typeof leaveRoadmap
) {
	if (!locals.db) redirect(303, signInTo(`/roadmaps/${params.job}`));
	if (!catalog.roadmaps.has(params.job)) return fail(404, { message: 'Unknown roadmap.' });
	await fn(locals.db, params.job);
	return { ok: true };
}

export const actions = {
	enroll: ({ params, locals }) => change(params, locals, enroll),
	leave: ({ params, locals }) => change(params, locals, leaveRoadmap)
};
