import { redirect } from '@sveltejs/kit';
import { cookieOptions } from '$lib/server/auth';
import { safeRedirect } from '$lib/server/redirect';
import { parseTheme, THEME_COOKIE } from '$lib/theme';

export const actions = {
	/** The theme switch, without JavaScript: remember the choice for a year and go back. */
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const theme = parseTheme(form.get('theme'));
		if (theme === 'system') cookies.delete(THEME_COOKIE, { path: '/' });
		else
			cookies.set(THEME_COOKIE, theme, {
				...cookieOptions(url, new Date(Date.now() + 365 * 86_400_000))
			});
		redirect(303, safeRedirect(String(form.get('redirectTo') ?? '/'), url.origin));
	}
};
