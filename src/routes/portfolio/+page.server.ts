import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { catalog } from '$lib/server/content';
import { fieldErrors } from '$lib/server/auth/validation';
import { DbError } from '$lib/server/db/types';
import { myPortfolios } from '$lib/server/portfolio';
import { myPortfolioProfile, savePortfolioProfile } from '$lib/server/portfolio/profile';
import { myEnrollments } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { profileSchema } from '$lib/portfolio/profile';

export async function load({ locals, url }) {
	const { db } = signedIn(locals, url);
	const [portfolios, enrollments, profile] = await Promise.all([
		myPortfolios(db, [...catalog.roadmaps.values()]),
		myEnrollments(db),
		myPortfolioProfile(db)
	]);
	const followed = new Set(enrollments.map((e) => e.roadmap_id));
	return {
		profile,
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

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	profile: async ({ locals, url, request }) => {
		const { db } = signedIn(locals, url);
		const form = await request.formData();
		const values = {
			headline: text(form, 'headline'),
			bio: text(form, 'bio'),
			github_url: text(form, 'github_url'),
			linkedin_url: text(form, 'linkedin_url'),
			website_url: text(form, 'website_url')
		};
		const parsed = profileSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			await savePortfolioProfile(db, parsed.data);
		} catch (e) {
			// The database checks the links and lengths again: what it refuses is said, not a 500.
			if (e instanceof DbError && e.code === '23514')
				return fail(400, {
					values,
					errors: { form: m.portfolio_profile_refused() }
				});
			throw e;
		}
		return { saved: true };
	}
};
