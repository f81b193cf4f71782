import { error, fail, redirect } from '@sveltejs/kit';
import {
	changeEmailSchema,
	changePasswordSchema,
	displayNameSchema,
	fieldErrors
} from '$lib/server/auth/validation';
import { deleteMyAccount, myProfile, setDisplayName } from '$lib/server/progress';
import { signInTo } from '$lib/server/redirect';

function me(locals: App.Locals) {
	if (!locals.user || !locals.db) redirect(303, signInTo('/account'));
	return { user: locals.user, db: locals.db };
}

export async function load({ locals }) {
	const { user, db } = me(locals);
	const profile = await myProfile(db);
	if (!profile) error(404, 'Your profile was not found.');
	return {
		email: user.email,
		profile: {
			display_name: profile.display_name,
			created_at: new Date(profile.created_at).toISOString().slice(0, 10)
		}
	};
}

export const actions = {
	rename: async ({ request, locals }) => {
		const { db } = me(locals);
		const form = Object.fromEntries(await request.formData());
		const parsed = displayNameSchema.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				rename: {
					value: String(form.display_name ?? ''),
					errors: fieldErrors(parsed.error),
					saved: false
				}
			});
		await setDisplayName(db, parsed.data.display_name);
		return {
			rename: { value: parsed.data.display_name, errors: {} as Record<string, string>, saved: true }
		};
	},
	password: async ({ request, locals }) => {
		const { user } = me(locals);
		const form = Object.fromEntries(await request.formData());
		const parsed = changePasswordSchema(user.email).safeParse(form);
		if (!parsed.success) return fail(400, { password: { errors: fieldErrors(parsed.error) } });
		const r = await locals.auth.changePassword(user, parsed.data);
		if (!r.ok)
			return fail(r.retryAfter ? 429 : 400, {
				password: { errors: { [r.field]: r.message } as Record<string, string> }
			});
		return { password: { errors: {} as Record<string, string>, saved: true } };
	},
	email: async ({ request, locals }) => {
		const { user } = me(locals);
		const form = Object.fromEntries(await request.formData());
		const value = String(form.email ?? '');
		const parsed = changeEmailSchema(user.email).safeParse(form);
		if (!parsed.success) return fail(400, { email: { value, errors: fieldErrors(parsed.error) } });
		const r = await locals.auth.changeEmail(user, parsed.data);
		if (!r.ok)
			return fail(r.retryAfter ? 429 : 400, {
				email: { value, errors: { [r.field]: r.message } as Record<string, string> }
			});
		return {
			email: {
				value: parsed.data.email,
				errors: {} as Record<string, string>,
				saved: true,
				pending: 'pending' in r ? r.pending : undefined
			}
		};
	},
	delete: async ({ request, locals }) => {
		const { user, db } = me(locals);
		const confirm = String((await request.formData()).get('confirm') ?? '')
			.trim()
			.toLowerCase();
		if (confirm !== user.email.toLowerCase())
			return fail(400, { delete: { error: 'Type your email address exactly to confirm.' } });
		await deleteMyAccount(db);
		await locals.auth.signOut();
		redirect(303, '/?deleted=1');
	}
};
