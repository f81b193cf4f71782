import { z } from 'zod';
import { userText } from '$lib/user-text';

const email = userText({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.pipe(
		z
			.email('Enter an email address like name@example.org.')
			.max(254, 'That email address is too long.')
	);

const newPassword = userText({ error: 'Choose a password.' })
	.min(8, 'Use at least 8 characters.')
	// bcrypt reads at most 72 bytes: longer passwords would be silently truncated.
	.refine(
		(p) => new TextEncoder().encode(p).length <= 72,
		'Use at most 72 bytes (about 70 characters).'
	);
const currentPassword = userText({ error: 'Enter your current password.' }).min(
	1,
	'Enter your current password.'
);

export const signUpSchema = z
	.object({
		email,
		password: newPassword,
		display_name: userText().trim().max(80, 'Use at most 80 characters.').optional()
	})
	.refine((v) => v.password.trim().toLowerCase() !== v.email, {
		message: 'Your password must not be your email address.',
		path: ['password']
	});

export const signInSchema = z.object({
	email,
	password: userText({ error: 'Enter your password.' }).min(1, 'Enter your password.')
});

/** `email` is the account's current address, which the new password must not be. */
export const changePasswordSchema = (email: string) =>
	z
		.object({ current_password: currentPassword, password: newPassword })
		.refine((v) => v.password.trim().toLowerCase() !== email.toLowerCase(), {
			message: 'Your password must not be your email address.',
			path: ['password']
		})
		.refine((v) => v.password !== v.current_password, {
			message: 'Choose a password different from the current one.',
			path: ['password']
		});

export const changeEmailSchema = (current: string) =>
	z
		.object({ current_password: currentPassword, email })
		.refine((v) => v.email !== current.toLowerCase(), {
			message: 'This is already your email address.',
			path: ['email']
		});

export const displayNameSchema = z.object({
	display_name: userText().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.')
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
