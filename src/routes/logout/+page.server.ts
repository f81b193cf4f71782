import { localHref } from '$lib/i18n';
import { redirect } from '@sveltejs/kit';

export function load({ locals }) {
	if (!locals.user) redirect(303, localHref('/'));
}

export const actions = {
	default: async ({ locals }) => {
		await locals.auth.signOut();
		redirect(303, localHref('/'));
	}
};
