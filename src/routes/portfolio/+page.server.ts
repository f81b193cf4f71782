import { redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { myPortfolios } from '$lib/server/portfolio';
import { myEnrollments } from '$lib/server/progress';
import { signInTo } from '$lib/server/redirect';

export async function load({ locals }) {
	if (!locals.db) redirect(303, signInTo('/portfolio'));
	const [portfolios, enrollments] = await Promise.all([
		myPortfolios(locals.db, [...catalog.roadmaps.values()]),
		myEnrollments(locals.db)
	]);
	const followed = new Set(enrollments.map((e) => e.roadmap_id));
	return {
		portfolios: portfolios
			.map(({ roadmap, view, share }) => ({
				id: roadmap.id,
				title: roadmap.title,
				summary: roadmap.summary,
				followed: followed.has(roadmap.id),
				readiness: view.readiness,
				phases: view.phases,
				shared: share !== null
			}))
			// The target jobs a learner follows first.
			.sort((a, b) => Number(b.followed) - Number(a.followed))
	};
}
