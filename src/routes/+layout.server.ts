import { dueCount } from '$lib/server/review';

export async function load({ locals }) {
	return {
		user: locals.user ? { email: locals.user.email, reviewsDue: await dueCount(locals.db) } : null
	};
}
