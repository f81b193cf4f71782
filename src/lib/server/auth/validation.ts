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

export const signUpSchema = z
	.object({
		email,
		password: userText({ error: 'Choose a password.' })
			.min(8, 'Use at least 8 characters.')
			// bcrypt reads at most 72 bytes: longer passwords would be silently truncated.
			.refine(
				(p) => new TextEncoder().encode(p).length <= 72,
				'Use at most 72 bytes (about 70 characters).'
			),
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
