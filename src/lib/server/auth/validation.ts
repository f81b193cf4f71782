import { z } from 'zod';
import { userText } from '$lib/user-text';
import { m } from '$lib/paraglide/messages';

const email = userText({ error: () => m.account_error_email_required() })
	.trim()
	.toLowerCase()
	.pipe(
		z
			.email({ error: () => m.account_error_email_invalid() })
			.max(254, { error: () => m.account_error_email_too_long() })
	);

const newPassword = userText({ error: () => m.account_error_password_required() })
	.min(8, { error: () => m.account_error_password_short() })
	// bcrypt reads at most 72 bytes: longer passwords would be silently truncated.
	.refine((p) => new TextEncoder().encode(p).length <= 72, {
		error: () => m.account_error_password_long()
	});
const currentPassword = userText({ error: () => m.account_error_current_password() }).min(1, {
	error: () => m.account_error_current_password()
});

export const signUpSchema = z
	.object({
		email,
		password: newPassword,
		display_name: userText()
			.trim()
			.max(80, { error: () => m.account_error_name_long() })
			.optional()
	})
	.refine((v) => v.password.trim().toLowerCase() !== v.email, {
		error: () => m.account_error_password_is_email(),
		path: ['password']
	});

export const signInSchema = z.object({
	email,
	password: userText({ error: () => m.account_error_password_enter() }).min(1, {
		error: () => m.account_error_password_enter()
	})
});

/** `email` is the account's current address, which the new password must not be. */
export const changePasswordSchema = (email: string) =>
	z
		.object({ current_password: currentPassword, password: newPassword })
		.refine((v) => v.password.trim().toLowerCase() !== email.toLowerCase(), {
			error: () => m.account_error_password_is_email(),
			path: ['password']
		})
		.refine((v) => v.password !== v.current_password, {
			error: () => m.account_error_password_same(),
			path: ['password']
		});

export const changeEmailSchema = (current: string) =>
	z
		.object({ current_password: currentPassword, email })
		.refine((v) => v.email !== current.toLowerCase(), {
			error: () => m.account_error_email_same(),
			path: ['email']
		});

export const displayNameSchema = z.object({
	display_name: userText()
		.trim()
		.min(1, { error: () => m.account_error_name_required() })
		.max(80, { error: () => m.account_error_name_long() })
});

export type FieldErrors = Partial<Record<string, string>>;

/** The first message for each field, for showing next to it. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}
