import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance` on forms with passwords: after any answer the password fields are empty, as
 * they are without JavaScript, where the page is rendered anew and never echoes a password back.
 */
export const clearPasswords: SubmitFunction =
	({ formElement }) =>
	async ({ update }) => {
		await update();
		for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]'))
			input.value = '';
	};
