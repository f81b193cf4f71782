import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, signInSchema } from '$lib/server/auth/validation';
import { safeRedirect } from '$lib/server/redirect';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), url.origin));
}

export const actions = {
	default: async ({ request, locals, url }) => {
		const form = Object.fromEntries(await request.formData());
		const values = { email: String(form.email ?? '') };
		const parsed = signInSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await locals.auth.signIn(parsed.data.email, parsed.data.password);
		if (!result.ok)
			return fail(result.retryAfter ? 429 : 400, {
				values,
				errors: { [result.field]: result.message },
				retryAfter: result.retryAfter
			});
		redirect(303, safeRedirect(url.searchParams.get('redirectTo'), url.origin));
	}
};
