import { dueCount } from '$lib/server/review';

export async function load({ locals }) {
	return {
		theme: locals.theme,
		user: locals.user ? { email: locals.user.email, reviewsDue: await dueCount(locals.db) } : null
	};
}
