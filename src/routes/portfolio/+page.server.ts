import { catalog } from '$lib/server/content';
import { myPortfolios } from '$lib/server/portfolio';
import { myEnrollments } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';

export async function load({ locals, url }) {
	const { db } = signedIn(locals, url);
	const [portfolios, enrollments] = await Promise.all([
		myPortfolios(db, [...catalog.roadmaps.values()]),
		myEnrollments(db)
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
