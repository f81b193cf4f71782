import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { error, fail, redirect } from '@sveltejs/kit';
import {
	changeEmailSchema,
	changePasswordSchema,
	displayNameSchema,
	fieldErrors,
	type FieldErrors
} from '$lib/server/auth/validation';
import { deleteMyAccount, myProfile, setDisplayName } from '$lib/server/progress';
import { signedIn } from '$lib/server/redirect';
import { cohortIdSchema, leaveCohort, myCohorts } from '$lib/server/teach/cohorts';

/** What a form of this page gets back: one shape, whatever happened. */
const shown = (errors: FieldErrors, saved = false, value = '', pending?: string) => ({
	errors,
	saved,
	value,
	pending
});

export async function load({ locals, url }) {
	const { user, db } = signedIn(locals, url);
	const [profile, cohorts] = await Promise.all([myProfile(db), myCohorts(db)]);
	if (!profile) error(404, m.account_profile_not_found());
	return {
		email: user.email,
		cohorts,
		joined: url.searchParams.has('joined'),
		profile: {
			display_name: profile.display_name,
			created_at: new Date(profile.created_at).toISOString().slice(0, 10)
		}
	};
}

export const actions = {
	leave: async ({ request, locals, url }) => {
		const { db } = signedIn(locals, url);
		const id = cohortIdSchema.safeParse((await request.formData()).get('cohort'));
		if (!id.success) return fail(400, { leave: { error: m.account_leave_choose(), left: false } });
		const left = await leaveCohort(db, id.data);
		if (left.length === 0)
			return fail(400, { leave: { error: m.account_leave_not_member(), left: false } });
		return { leave: { error: '', left: true } };
	},
	rename: async ({ request, locals, url }) => {
		const { db } = signedIn(locals, url);
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
	password: async ({ request, locals, url }) => {
		const { user } = signedIn(locals, url);
		const form = Object.fromEntries(await request.formData());
		const parsed = changePasswordSchema(user.email).safeParse(form);
		if (!parsed.success) return fail(400, { password: shown(fieldErrors(parsed.error)) });
		const r = await locals.auth.changePassword(user, parsed.data);
		if (!r.ok) return fail(r.retryAfter ? 429 : 400, { password: shown({ [r.field]: r.message }) });
		return { password: shown({}, true) };
	},
	email: async ({ request, locals, url }) => {
		const { user } = signedIn(locals, url);
		const form = Object.fromEntries(await request.formData());
		const value = String(form.email ?? '');
		const parsed = changeEmailSchema(user.email).safeParse(form);
		if (!parsed.success)
			return fail(400, { email: shown(fieldErrors(parsed.error), false, value) });
		const r = await locals.auth.changeEmail(user, parsed.data);
		if (!r.ok)
			return fail(r.retryAfter ? 429 : 400, {
				email: shown({ [r.field]: r.message }, false, value)
			});
		const pending = 'pending' in r ? r.pending : undefined;
		// The page is loaded again after this action, in this request: with the new address.
		if (!pending) locals.user = { ...user, email: parsed.data.email };
		return { email: shown({}, true, parsed.data.email, pending) };
	},
	delete: async ({ request, locals, url }) => {
		const { user, db } = signedIn(locals, url);
		const confirm = String((await request.formData()).get('confirm') ?? '')
			.trim()
			.toLowerCase();
		if (confirm !== user.email.toLowerCase())
			return fail(400, { delete: { error: m.account_delete_confirm_error() } });
		await deleteMyAccount(db);
		await locals.auth.signOut();
		redirect(303, localHref('/?deleted=1'));
	}
};
