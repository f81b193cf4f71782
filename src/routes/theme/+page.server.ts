import { fail, redirect } from '@sveltejs/kit';
import { cookieOptions } from '$lib/server/auth';
import { safeRedirect } from '$lib/server/redirect';
import { m } from '$lib/paraglide/messages';
import { THEME_COOKIE, themeLabel, THEMES, type Theme } from '$lib/theme';
import { textProblem } from '$lib/user-text';

export const actions = {
	/**
	 * The theme switch, without JavaScript: remember the choice for a year and go back. A theme
	 * that is not one of the three, or a way back that is not text, is refused (400) and changes
	 * nothing: no cookie is set or cleared.
	 */
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const theme = form.get('theme');
		const back = form.get('redirectTo') ?? '/';
		if (typeof theme !== 'string' || !THEMES.includes(theme as Theme))
			return fail(400, {
				error: m.theme_error_choose({ themes: THEMES.map(themeLabel).join(', ') })
			});
		if (typeof back !== 'string' || textProblem(back))
			return fail(400, { error: m.theme_error_back() });
		if (theme === 'system') cookies.delete(THEME_COOKIE, { path: '/' });
		else
			cookies.set(THEME_COOKIE, theme, {
				...cookieOptions(url, new Date(Date.now() + 365 * 86_400_000))
			});
		redirect(303, safeRedirect(back, url.origin));
	}
};
