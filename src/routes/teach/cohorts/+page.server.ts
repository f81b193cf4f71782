import { fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/server/auth/validation';
import { catalog } from '$lib/server/content';
import {
	createCohort,
	createSchema,
	instructorDb,
	joinLink,
	roadmapTitle,
	teachCohorts
} from '$lib/server/teach/cohorts';

export async function load({ locals }) {
	const db = await instructorDb(locals);
	const cohorts = await teachCohorts(db);
	return {
		cohorts: cohorts.map((c) => ({ ...c, roadmaps: c.roadmaps.map(roadmapTitle) })),
		roadmaps: [...catalog.roadmaps].map(([id, r]) => ({ id, title: r.title }))
	};
}

export const actions = {
	create: async ({ request, locals, url }) => {
		const db = await instructorDb(locals);
		const form = await request.formData();
		const raw = {
			name: form.get('name') ?? '',
			roadmaps: form.getAll('roadmaps').map(String)
		};
		const parsed = createSchema().safeParse(raw);
		if (!parsed.success)
			return fail(400, {
				create: {
					errors: fieldErrors(parsed.error),
					name: typeof raw.name === 'string' ? raw.name : '',
					roadmaps: raw.roadmaps
				}
			});
		const made = await createCohort(db, parsed.data.name, parsed.data.roadmaps);
		return {
			created: { id: made.cohort_id, name: parsed.data.name, link: joinLink(url.origin, made.code) }
		};
	}
};
